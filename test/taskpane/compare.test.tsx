/** @jest-environment jsdom */
/** 比较评分细则 in the pane, with the real browser controller (library + src/rubric/diff.ts). */
import './setup-dom';
import { screen, within } from '@testing-library/react';
import { renderApp, setupUser } from './render-app';
import { createBrowserController } from '../../src/taskpane/browser-controller';
import { loadBuiltin } from '../../src/rubric/catalog';
import type { Rubric } from '../../src/rubric/schema';

const jsonFile = (text: string, name: string) => new File([text], name, { type: 'application/json' });

describe('比较评分细则', () => {
  test('lists what an edited file changes against the chosen shipped rubric', async () => {
    const user = setupUser();
    renderApp({ controller: createBrowserController({ host: { mode: 'browser', displayLanguage: 'zh-CN' } }) });
    const edited = JSON.parse(JSON.stringify(loadBuiltin('chaoyang-2020-method').rubric)) as Rubric;
    edited.bands!.list[0].min = 95;
    edited.fraud = 'none';

    await user.click(screen.getByRole('combobox', { name: '原细则' }));
    await user.click(await screen.findByRole('option', { name: /朝阳市 2020/ }));
    await user.upload(screen.getByLabelText('选择要比较的评分细则文件（.json）'), jsonFile(JSON.stringify(edited), '朝阳新版.json'));

    expect(await screen.findByText('共 2 处不同：')).toBeInTheDocument();
    const items = within(screen.getByRole('list', { name: '细则差异' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      '等次线：等次由 优秀 ≥90 改为 优秀 ≥95',
      '弄虚作假：处理由 弄虚作假的单位不得评先 改为 未规定',
    ]);
  });

  test('the same file says 两份细则内容相同; a broken one lists its errors', async () => {
    const user = setupUser();
    renderApp({ controller: createBrowserController({ host: { mode: 'browser', displayLanguage: 'zh-CN' } }) });
    const base = screen.getByRole('combobox', { name: '原细则' });
    await user.click(base);
    await user.click(await screen.findByRole('option', { name: /衡东县 2020/ }));
    const input = screen.getByLabelText('选择要比较的评分细则文件（.json）');
    await user.upload(input, jsonFile(JSON.stringify(loadBuiltin('hengdong-2020-members').rubric), 'same.json'));
    expect(await screen.findByText('两份细则内容相同')).toBeInTheDocument();

    await user.upload(input, jsonFile('{"id": "Bad Id"}', 'bad.json'));
    expect(await screen.findByText(/「bad.json」未能导入/)).toBeInTheDocument();
  });
});
