/** @jest-environment jsdom */
/**
 * Repairs offered by problems: 恢复元数据 while no workbook is bound (the metadata sheet was lost and
 * the workbook reopened) and 重建该单位评分表 in the bound problem list. The button calls
 * controller.repair with that problem; a failure is shown.
 */
import './setup-dom';
import { act, screen } from '@testing-library/react';
import { FakeController, problem, summaryOf } from './fake-controller';
import { renderApp, setupUser } from './render-app';
import type { StatusProblem } from '../../src/taskpane/controller';

class RepairingController extends FakeController {
  readonly repaired: StatusProblem[] = [];
  fail: Error | null = null;
  async repair(p: StatusProblem): Promise<void> {
    this.repaired.push(p);
    if (this.fail) throw this.fail;
  }
}

const lostMeta = problem('bind', '隐藏的元数据表不见了……可点「恢复元数据」', {
  kind: 'other',
  target: undefined,
  action: { kind: 'recoverMeta', label: '恢复元数据' },
});

describe('repairs', () => {
  test('恢复元数据 is offered while no workbook is bound and calls controller.repair with the problem', async () => {
    const user = setupUser();
    const fake = new RepairingController();
    fake.setStatus({ bound: false, problems: [lostMeta] });
    renderApp({ controller: fake });
    await user.click(screen.getByRole('button', { name: '恢复元数据' }));
    expect(fake.repaired).toEqual([lostMeta]);
  });

  test('a failed repair is shown', async () => {
    const user = setupUser();
    const fake = new RepairingController();
    fake.fail = new Error('写入元数据失败');
    fake.setStatus({ bound: false, problems: [lostMeta] });
    renderApp({ controller: fake });
    await user.click(screen.getByRole('button', { name: '恢复元数据' }));
    expect(await screen.findByText('写入元数据失败')).toBeInTheDocument();
  });

  test('a problem without an action offers no button', () => {
    const fake = new RepairingController();
    fake.setStatus({ bound: false, problems: [problem('bind', '工作簿的元数据已损坏', { kind: 'other', target: undefined })] });
    renderApp({ controller: fake });
    expect(screen.queryByRole('button', { name: '恢复元数据' })).not.toBeInTheDocument();
  });

  test('重建该单位评分表 in the bound problem list', async () => {
    const user = setupUser();
    const fake = new RepairingController();
    const missing = problem('missing:U0003', '找不到「县公安局」的评分表……', {
      kind: 'other',
      target: { sheetKey: 'U0003' },
      action: { kind: 'rebuildUnit', label: '重建该单位评分表' },
    });
    renderApp({ controller: fake });
    act(() =>
      fake.setStatus({
        bound: true,
        rubric: summaryOf('hengdong-2020-members'),
        units: [],
        problems: [missing],
        notices: [],
        lastScoredAt: null,
      }),
    );
    await user.click(screen.getByRole('button', { name: '重建该单位评分表' }));
    expect(fake.repaired).toEqual([missing]);
  });
});
