/** @jest-environment jsdom */
import './setup-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { FakeController, summaryOf } from './fake-controller';
import { renderApp, setupUser } from './render-app';
import { createBrowserController } from '../../src/taskpane/browser-controller';

function jsonFile(text: string, name = 'my-city.json') {
  return new File([text], name, { type: 'application/json' });
}

describe('导入评分细则', () => {
  test('errors are listed with the JSON path and the fix', async () => {
    const user = setupUser();
    const fake = new FakeController();
    fake.importResult = {
      ok: false,
      errors: [
        {
          path: 'categories[0].indicators[1].rule.kind',
          message: '「kind」取值无效或缺失。',
          fix: '使用 rubrics/rubric.schema.json 中列出的 kind。',
        },
        { path: '', message: '缺少必填项 fullMarks。', fix: '加入此项，类型为 number。' },
      ],
    };
    renderApp({ controller: fake });
    const input = screen.getByLabelText('选择评分细则文件（.json）');
    expect(input).toHaveAttribute('accept', expect.stringContaining('.json'));
    await user.upload(input, jsonFile('{"id":"x"}'));

    await waitFor(() => expect(fake.callsOf('importRubric')).toEqual([['my-city.json', '{"id":"x"}']]));
    expect(await screen.findByText('「my-city.json」未能导入，共 2 处问题，请修改文件后重新导入：')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: '导入问题' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('位置：categories[0].indicators[1].rule.kind');
    expect(items[0]).toHaveTextContent('「kind」取值无效或缺失。');
    expect(items[0]).toHaveTextContent('修改方法：使用 rubrics/rubric.schema.json 中列出的 kind。');
    expect(items[1]).toHaveTextContent('位置：文件整体');
    // Nothing got selected.
    expect(screen.getByRole('combobox', { name: '评分细则' })).toHaveTextContent('请选择评分细则');
  });

  test('success selects the imported rubric and shows its details', async () => {
    const user = setupUser();
    const fake = new FakeController();
    const imported = {
      ...summaryOf('hengdong-2020-members'),
      id: 'testcity-2024',
      city: '测试市',
      year: 2024,
      annexTitle: '测试市2024年度考核指标',
      imported: true,
    };
    fake.importResult = { ok: true, rubric: imported };
    renderApp({ controller: fake });
    await user.upload(screen.getByLabelText('选择评分细则文件（.json）'), jsonFile('{}'));

    expect(await screen.findByText('已导入「测试市2024年度考核指标」，并已选中。')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '评分细则' })).toHaveTextContent('测试市 2024 · 附件2 · 测试市2024年度考核指标');
    expect(screen.getByText('1.1.0（已导入）')).toBeInTheDocument();
    // The list was refreshed from the controller.
    expect(fake.callsOf('listRubrics').length).toBeGreaterThanOrEqual(2);
  });

  test('with the real rubric loader, a broken file lists Chinese path-and-fix errors', async () => {
    const user = setupUser();
    const controller = createBrowserController({ host: { mode: 'excel', displayLanguage: 'zh-CN' } });
    renderApp({ controller });
    await user.upload(screen.getByLabelText('选择评分细则文件（.json）'), jsonFile('{"id": "Bad Id", "version": 1'));
    const list = await screen.findByRole('list', { name: '导入问题' });
    expect(within(list).getByText(/不是有效的 JSON/)).toBeInTheDocument();
    expect(list).toHaveTextContent('修改方法：用 JSON 编辑器检查逗号、引号和括号。');

    await user.upload(screen.getByLabelText('选择评分细则文件（.json）'), jsonFile('{"id": "Bad Id"}', 'bad.json'));
    await waitFor(() => expect(screen.getByText(/「bad.json」未能导入/)).toBeInTheDocument());
    const list2 = screen.getByRole('list', { name: '导入问题' });
    expect(list2).toHaveTextContent('位置：id');
    expect(list2).toHaveTextContent('位置：version');
  });
});
