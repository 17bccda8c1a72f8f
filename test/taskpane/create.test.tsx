/** @jest-environment jsdom */
import './setup-dom';
import { act, screen, waitFor } from '@testing-library/react';
import { FakeController } from './fake-controller';
import { renderApp, setupUser } from './render-app';

type User = ReturnType<typeof setupUser>;

async function prepare(user: User, fake: FakeController) {
  renderApp({ controller: fake });
  await user.click(screen.getByRole('combobox', { name: '评分细则' }));
  await user.click(await screen.findByRole('option', { name: /衡东县/ }));
  await user.click(screen.getByRole('button', { name: '使用文件附件名单' }));
  await user.click(screen.getByRole('button', { name: '生成评分表' }));
  expect(fake.create).not.toBeNull();
  return fake.create!;
}

describe('生成评分表', () => {
  test('the protection option is off by default and passed through when ticked', async () => {
    const user = setupUser();
    const fake = new FakeController();
    renderApp({ controller: fake });
    await user.click(screen.getByRole('combobox', { name: '评分细则' }));
    await user.click(await screen.findByRole('option', { name: /衡东县/ }));
    await user.click(screen.getByRole('button', { name: '使用文件附件名单' }));
    const box = screen.getByRole('checkbox', { name: /保护计算单元格/ });
    expect(box).not.toBeChecked();
    await user.click(box);
    await user.click(screen.getByRole('button', { name: '生成评分表' }));
    expect(fake.callsOf('createWorkbook')[0][4]).toEqual({ protectComputed: true });
  });

  test('shows progress (已完成 X / 共 Y 个单位) and can be cancelled', async () => {
    const user = setupUser();
    const fake = new FakeController();
    const pending = await prepare(user, fake);

    const [rubricId, roster, , signal] = fake.callsOf('createWorkbook')[0] as [string, unknown[], unknown, AbortSignal];
    expect(rubricId).toBe('hengdong-2020-members');
    expect(roster).toHaveLength(36);
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(screen.getByText('正在准备…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '生成评分表' })).toHaveAttribute('aria-disabled', 'true');

    act(() => pending.onProgress({ done: 5, total: 36, phase: '正在生成「县公安局」的评分页' }));
    expect(screen.getByText('已完成 5 / 共 36 个单位')).toBeInTheDocument();
    expect(screen.getByText('正在生成「县公安局」的评分页')).toBeInTheDocument();
    const bar = screen.getByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuenow', '5');
    expect(bar).toHaveAttribute('aria-valuemax', '36');

    act(() => pending.onProgress({ done: 12, total: 36, phase: '' }));
    expect(screen.getByText('已完成 12 / 共 36 个单位')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '取消' }));
    expect(signal.aborted).toBe(true);
    expect(await screen.findByText('已取消生成评分表。')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '取消' })).not.toBeInTheDocument();
    // Focus is not lost when the 取消 button goes away.
    expect(screen.getByRole('button', { name: '生成评分表' })).toHaveFocus();
    expect(screen.getByRole('button', { name: '生成评分表' })).not.toHaveAttribute('aria-disabled', 'true');
  });

  test('a controller that ignores the signal but then resolves still counts as cancelled', async () => {
    const user = setupUser();
    const fake = new FakeController();
    fake.honourAbort = false;
    const pending = await prepare(user, fake);
    await user.click(screen.getByRole('button', { name: '取消' }));
    await act(async () => pending.resolve());
    expect(await screen.findByText('已取消生成评分表。')).toBeInTheDocument();
  });

  test('success is reported', async () => {
    const user = setupUser();
    const fake = new FakeController();
    const pending = await prepare(user, fake);
    act(() => pending.onProgress({ done: 36, total: 36, phase: '' }));
    await act(async () => pending.resolve());
    expect(await screen.findByText('评分表已生成，共 36 个单位。')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  test('errors are shown in a MessageBar, in the controller’s words', async () => {
    const user = setupUser();
    const fake = new FakeController();
    const pending = await prepare(user, fake);
    await act(async () => pending.reject(new Error('工作簿处于保护状态，无法新增工作表。请先撤销工作簿保护。')));
    expect(await screen.findByText('生成评分表失败')).toBeInTheDocument();
    expect(screen.getByText('工作簿处于保护状态，无法新增工作表。请先撤销工作簿保护。')).toBeInTheDocument();
    // It can be tried again.
    await user.click(screen.getByRole('button', { name: '生成评分表' }));
    await waitFor(() => expect(fake.callsOf('createWorkbook')).toHaveLength(2));
    expect(screen.queryByText('生成评分表失败')).not.toBeInTheDocument();
  });
});
