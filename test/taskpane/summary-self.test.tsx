/** @jest-environment jsdom */
/**
 * The 自评 section's 「汇总中列出自评总分、差值和未说明差异」 (issue 17): in Excel the checkbox shows the
 * workbook's choice (status.summarySelf) and sets it at once through controller.setSummarySelf; in
 * the page (no setSummarySelf) it is the choice passed to 收回自评表, recorded in the merged workbook.
 */
import './setup-dom';
import { render, screen, waitFor } from '@testing-library/react';
import { RendererProvider, createDOMRenderer } from '@fluentui/react-components';
import { SelfAssessment } from '../../src/taskpane/components/SelfAssessment';
import type { Controller, FormsCollected, WorkbookStatus } from '../../src/taskpane/controller';
import { EMPTY_STATUS, FakeController } from './fake-controller';
import { setupUser } from './render-app';

const LABEL = '汇总中列出自评总分、差值和未说明差异';
const COLLECTED: FormsCollected = { imported: [], refused: [], earlier: [], notReturned: [] };

function show(controller: Controller, status: WorkbookStatus) {
  const renderer = createDOMRenderer(document, { unstable_filterCSSRule: () => false });
  return render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      <SelfAssessment controller={controller} status={status} />
    </RendererProvider>,
  );
}

class SelfController extends FakeController {
  readonly chosen: boolean[] = [];
  readonly collected: unknown[][] = [];
  async makeForms() {
    return { fileName: 'f.zip', count: 0 };
  }
  async collectForms(...args: unknown[]) {
    this.collected.push(args);
    return COLLECTED;
  }
}

class ExcelSelfController extends SelfController {
  async setSummarySelf(on: boolean) {
    this.chosen.push(on);
  }
}

test('Excel: the box shows the workbook’s choice and sets it on the open workbook', async () => {
  const user = setupUser();
  const controller = new ExcelSelfController();
  const { rerender } = show(controller, { ...EMPTY_STATUS, bound: true });
  const box = screen.getByRole('checkbox', { name: LABEL });
  expect(box).not.toBeChecked();
  await user.click(box);
  await waitFor(() => expect(controller.chosen).toEqual([true]));
  // The status says it is on once the session has laid 汇总 out.
  rerender(
    <RendererProvider renderer={createDOMRenderer(document)} targetDocument={document}>
      <SelfAssessment controller={controller} status={{ ...EMPTY_STATUS, bound: true, summarySelf: true }} />
    </RendererProvider>,
  );
  expect(screen.getByRole('checkbox', { name: LABEL })).toBeChecked();
  await user.click(screen.getByRole('checkbox', { name: LABEL }));
  await waitFor(() => expect(controller.chosen).toEqual([true, false]));
});

test('the page: the box is the choice passed to 收回自评表', async () => {
  const user = setupUser();
  const controller = new SelfController();
  const { container } = show(controller, EMPTY_STATUS);
  await user.click(screen.getByRole('checkbox', { name: LABEL }));
  expect(screen.getByRole('checkbox', { name: LABEL })).toBeChecked();
  const input = container.querySelector<HTMLInputElement>('input[type=file][multiple]')!;
  await user.upload(input, [new File(['x'], 'a.xlsx')]);
  await waitFor(() => expect(controller.collected).toHaveLength(1));
  expect(controller.collected[0][3]).toEqual({ summarySelf: true });
});
