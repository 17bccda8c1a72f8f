/** @jest-environment jsdom */
import './setup-dom';
import { screen, within } from '@testing-library/react';
import { FakeController } from './fake-controller';
import { renderApp, setupUser } from './render-app';

async function choose(user: ReturnType<typeof setupUser>, name: RegExp) {
  await user.click(screen.getByRole('combobox', { name: '评分细则' }));
  await user.click(await screen.findByRole('option', { name }));
}

describe('选择评分细则', () => {
  test('lists rubrics with city, year, annex and 文号, never the analysis’s source file name', async () => {
    const user = setupUser();
    renderApp({ controller: new FakeController() });
    await user.click(screen.getByRole('combobox', { name: '评分细则' }));
    const option = await screen.findByRole('option', { name: /衡东县/ });
    expect(option).toHaveTextContent('衡东县 · 2020 · 附件2');
    expect(option).toHaveTextContent('衡东县2020年度社会信用体系建设工作考核指标');
    expect(option).toHaveTextContent('东信建〔2020〕02号');
    // Document titles and 文号 only: the analysis's file names never reach the pane.
    expect(option).not.toHaveTextContent(/\d{3}_[0-9a-f]{16}\.txt/);
    expect(screen.getByRole('option', { name: /朝阳市/ })).toHaveTextContent('朝信办发〔2020〕4号');
  });

  test('choosing a rubric shows its details and its notes (collapsible)', async () => {
    const user = setupUser();
    renderApp({ controller: new FakeController() });
    await choose(user, /衡东县/);

    const section = screen.getByRole('region', { name: '选择评分细则' });
    expect(within(section).getByText('东信建〔2020〕02号')).toBeInTheDocument();
    expect(within(section).getByText(/附件1所列36个单位/)).toBeInTheDocument();
    expect(within(section).getByRole('heading', { level: 3, name: '细则说明（25 条）' })).toBeInTheDocument();

    // The list of notes is folded at first (25 headers are long in a narrow pane).
    const toggle = within(section).getByRole('button', { name: '细则说明（25 条）' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(section).queryByRole('button', { name: /总体/ })).not.toBeInTheDocument();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(within(section).getAllByRole('button', { name: /^(总体|汇总方式|加分|等次|排名|指标)/ })).toHaveLength(25);

    // Each note is collapsed too: the full text is not shown until its header is activated.
    const full =
      '文件未规定小数位数与舍入方式。各项得分按精确值计算（不用二进制浮点），总分与最终得分四舍五入保留两位小数，排名按保留两位后的得分。';
    expect(screen.queryByText(full)).not.toBeInTheDocument();
    const header = within(section).getByRole('button', { name: /总体.*文件未规定小数位数与舍入方式/ });
    expect(header).toHaveAttribute('aria-expanded', 'false');
    await user.click(header);
    expect(header).toHaveAttribute('aria-expanded', 'true');
    expect(await screen.findByText(full)).toBeVisible();
    // Choosing another rubric folds the notes again.
    await choose(user, /朝阳市/);
    expect(within(section).getByRole('button', { name: '细则说明（15 条）' })).toHaveAttribute('aria-expanded', 'false');
    await choose(user, /衡东县/);
    // No officeMustSet for 衡东.
    expect(screen.queryByText(/须由信用办确定以下/)).not.toBeInTheDocument();
  });

  test('officeMustSet items are shown as a warning before the workbook is made', async () => {
    const user = setupUser();
    renderApp({ controller: new FakeController() });
    await choose(user, /朝阳市/);
    const warning = screen.getByText('文件未作规定，生成评分表前须由信用办确定以下 3 项：');
    const bar = warning.closest('.fui-MessageBar') as HTMLElement;
    expect(bar).not.toBeNull();
    expect(within(bar).getAllByRole('listitem')).toHaveLength(3);
    expect(within(bar).getByText(/各考评项目的分值/)).toBeInTheDocument();
    // The create section repeats the reminder, above the button.
    expect(screen.getByText(/本细则有 3 项须由信用办确定的事项/)).toBeInTheDocument();
  });

  test('rubrics without a document number or annex number say so', async () => {
    const user = setupUser();
    const fake = new FakeController([
      { ...new FakeController().rubrics[0], id: 'x', documentNumber: null, annexNumber: null, city: '亳州市', year: 2017 },
    ]);
    renderApp({ controller: fake });
    await choose(user, /亳州市/);
    expect(within(screen.getByRole('region', { name: '选择评分细则' })).getByText('无文号')).toBeInTheDocument();
  });
});
