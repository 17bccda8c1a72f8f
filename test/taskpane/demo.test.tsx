/**
 * @jest-environment jsdom
 *
 * The whole pane against the in-memory demo controller (real rubric loader and scoring engine):
 * choose 衡东, use the document's roster, create, and read the status it publishes.
 */
import './setup-dom';
import { screen, within } from '@testing-library/react';
import { DemoController } from '../../src/taskpane/demo-controller';
import { renderApp, setupUser } from './render-app';

test('demo: 衡东 with its 36 units, end to end', async () => {
  const user = setupUser();
  const controller = new DemoController({ stepMs: 0, host: { displayLanguage: 'zh-CN' } });
  renderApp({ controller, demo: true });
  expect(screen.getByText(/^演示模式/)).toBeInTheDocument();

  await user.click(screen.getByRole('combobox', { name: '评分细则' }));
  await user.click(await screen.findByRole('option', { name: /衡东县/ }));
  await user.click(screen.getByRole('button', { name: '使用文件附件名单' }));
  await user.click(screen.getByRole('button', { name: '生成评分表' }));

  // 36 progress updates re-render the pane; jsdom is slow at that.
  expect(await screen.findByText('评分表已生成，共 36 个单位。', undefined, { timeout: 15000 })).toBeInTheDocument();
  // Focus moves to 评分状态 at the top of the pane.
  expect(screen.getByRole('heading', { level: 2, name: '评分状态' })).toHaveFocus();
  const table = screen.getByRole('table');
  expect(within(table).getAllByRole('row')).toHaveLength(37);
  expect(within(table).getByText('县发改局')).toBeInTheDocument();
  expect(screen.getByText(/^已填完 \d+ \/ 共 36 个单位$/)).toBeInTheDocument();

  const problems = screen.getByRole('list', { name: /^问题清单/ });
  const first = within(problems).getAllByRole('button')[0];
  expect(first).toHaveTextContent(/^错误/);
  await user.click(first);
  expect(await screen.findByText(/^演示：在 Excel 中会选中/)).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '重新计分' }));
  expect(await screen.findByText('已恢复 1 个被改写的计算单元格（演示）。')).toBeInTheDocument();
});
