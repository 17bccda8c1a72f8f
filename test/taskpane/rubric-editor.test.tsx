/** @jest-environment jsdom */
/**
 * 编辑评分细则 on the page without Excel, with the real browser controller and parser: download from a
 * shipped rubric, fill it, upload → the refused cells with their address; fixed → 保存为评分细则
 * selects it for 生成评分表. exceljs does not load under jsdom, so the file here carries the sheets'
 * values (what the .xlsx reader gives back; the .xlsx round trip is test/rubric-sheet, and the page
 * with real files is test/e2e/rubric-editor.e2e.ts).
 */
import './setup-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, setupUser } from './render-app';
import { readFileText } from '../../src/taskpane/hooks';
import { createBrowserController } from '../../src/taskpane/browser-controller';
import { definitionValues, rubricToDefinition, type DefinitionValues } from '../../src/layout/rubric-sheet';

/** The downloaded sheets with some cells changed (A1 addresses), as a file of their values. */
function edited(values: DefinitionValues, edits: [sheet: string, cell: string, value: string | number][]): File {
  const copy = JSON.parse(JSON.stringify(values)) as DefinitionValues;
  for (const [sheet, cell, value] of edits) {
    const col = cell.charCodeAt(0) - 65;
    const row = Number(cell.slice(1)) - 1;
    (copy[sheet][row] ??= [])[col] = value;
  }
  return new File([JSON.stringify(copy)], '细则定义-本办.xlsx');
}

describe('编辑评分细则 without Excel', () => {
  test('download from a shipped rubric, upload with errors, fix, save: it becomes the selected rubric', async () => {
    const user = setupUser();
    const downloads: DefinitionValues[] = [];
    const controller = createBrowserController({
      host: { mode: 'browser', displayLanguage: 'zh-CN' },
      rubricSheet: {
        download: async (rubric) => {
          downloads.push(definitionValues(rubricToDefinition(rubric)));
          return '细则定义-衡东县2020.xlsx';
        },
        read: async (file) => JSON.parse(await readFileText(file)) as DefinitionValues,
      },
    });
    renderApp({ controller });
    const section = screen.getByRole('region', { name: '编辑评分细则' });
    await user.click(within(section).getByRole('combobox', { name: '从哪份细则开始' }));
    await user.click(await screen.findByRole('option', { name: /衡东县 2020/ }));
    await user.click(within(section).getByRole('button', { name: '下载细则定义表（.xlsx）' }));
    expect(await within(section).findByText(/已下载「细则定义-衡东县2020.xlsx」/)).toBeInTheDocument();
    expect(downloads).toHaveLength(1);

    const input = within(section).getByLabelText('选择已填写的细则定义表（.xlsx）');
    await user.upload(input, edited(downloads[0], [['细则定义', 'E3', '四分']]));
    const list = await within(section).findByRole('list', { name: '细则定义表的问题' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    // The 分值 typed as words; the shipped rubric's id is refused only once the sheets parse.
    expect(items).toEqual([expect.stringMatching(/^细则定义!E3：分值「四分」不是数字/)]);

    await user.upload(input, edited(downloads[0], [['考核办法', 'B2', 'hengdong-2021-office']]));
    expect(await within(section).findByText(/^检查通过：衡东县 2020/)).toBeInTheDocument();
    expect(within(section).getByText(/这是本办自定的评分细则/)).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: '保存为评分细则' }));
    expect(await within(section).findByText(/已保存「衡东县 2020/)).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: '下载细则文件「hengdong-2021-office.json」' })).toHaveAttribute(
      'download',
      'hengdong-2021-office.json',
    );
    await waitFor(() => expect(screen.getByRole('combobox', { name: '评分细则' })).toHaveTextContent('衡东县 2020'));
    expect(screen.getByText('这是本办自定的评分细则（在细则定义表中制定），不是随工具提供的细则。')).toBeInTheDocument();
    expect(controller.listRubrics().find((r) => r.id === 'hengdong-2021-office')).toMatchObject({ office: true, imported: true });
  });
});
