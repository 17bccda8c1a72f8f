/** @jest-environment jsdom */
import './setup-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import { FakeController, problem, summaryOf, unit } from './fake-controller';
import { renderApp, setupUser } from './render-app';
import type { WorkbookStatus } from '../../src/taskpane/controller';

const hengdong = summaryOf('hengdong-2020-members');

function boundStatus(extra: Partial<WorkbookStatus> = {}): Partial<WorkbookStatus> {
  return {
    bound: true,
    rubric: hengdong,
    units: [
      unit('县发改局', { final: 96.5, rank: 1, labels: ['先进单位'] }),
      unit('县公安局', { filled: 31, expected: 40, final: null, rank: null, complete: false }),
    ],
    problems: [
      problem('p1', '县公安局：一.2「信用承诺书份数」未填写', { severity: 'missing', kind: 'missing' }),
      problem('p2', '县发改局：三.1「双公示上报率」填写了「百分之九十」，不是百分比'),
    ],
    notices: ['已恢复 2 个被改写的计算单元格'],
    lastScoredAt: '2024-03-01T08:30:00.000Z',
    ...extra,
  };
}

describe('评分状态', () => {
  test('a rubric with several ranking groups shows each unit’s group under its name', () => {
    const fake = new FakeController();
    renderApp({ controller: fake });
    act(() =>
      fake.setStatus(
        boundStatus({
          rubric: summaryOf('chaoyang-2020-method'),
          units: [unit('区发改委', { group: '成员单位' }), unit('甲县', { group: '县区' })],
        }),
      ),
    );
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['单位', '进度', '得分', '等次', '名次']);
    expect(within(within(table).getAllByRole('row')[2]).getAllByRole('cell')[0]).toHaveTextContent(/^甲县县（市）区人民政府$/);
  });

  test('appears once a workbook is bound and follows the subscription', async () => {
    const fake = new FakeController();
    const { unmount } = renderApp({ controller: fake });
    expect(screen.queryByRole('heading', { name: '评分状态' })).not.toBeInTheDocument();
    expect(fake.listenerCount).toBe(1);

    act(() => fake.setStatus(boundStatus()));
    expect(screen.getByRole('heading', { level: 2, name: '评分状态' })).toBeInTheDocument();
    expect(screen.getByText('已填完 1 / 共 2 个单位')).toBeInTheDocument();

    const table = screen.getByRole('table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    // Five short columns (a 320 px pane); 衡东 ranks everyone in one group: no group under the names
    // (it would only repeat 成员单位); 标注 under the unit's name.
    expect(headers).toEqual(['单位', '进度', '得分', '等次', '名次']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['县发改局先进单位', '10/10', '96.5', '—', '1'],
      ['县公安局', '31/40', '—', '—', '—'],
    ]);

    // Notices in an info bar.
    expect(screen.getByText('已恢复 2 个被改写的计算单元格')).toBeInTheDocument();

    // Problems: errors first, then missing.
    const list = screen.getByRole('list', { name: '问题清单（2）' });
    const buttons = within(list).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([
      '错误县发改局：三.1「双公示上报率」填写了「百分之九十」，不是百分比',
      '未填县公安局：一.2「信用承诺书份数」未填写',
    ]);

    // A new status replaces the old one.
    act(() =>
      fake.setStatus(
        boundStatus({
          units: [unit('县发改局', { final: 97, rank: 1 }), unit('县公安局', { final: 88.25, rank: 2 })],
          problems: [],
          notices: [],
        }),
      ),
    );
    expect(screen.getByText('已填完 2 / 共 2 个单位')).toBeInTheDocument();
    expect(screen.getByText('88.25')).toBeInTheDocument();
    expect(screen.getByText('没有发现问题。')).toBeInTheDocument();
    expect(screen.queryByText('已恢复 2 个被改写的计算单元格')).not.toBeInTheDocument();

    unmount();
    expect(fake.listenerCount).toBe(0);
  });

  test('problems reported while no workbook is bound (e.g. another rubric version) are shown too', () => {
    const fake = new FakeController();
    fake.setStatus({
      bound: false,
      problems: [
        problem('bind', '本工作簿由评分细则 1.0.0 生成，当前细则为 1.1.0，请重新生成评分表。', { kind: 'version', target: undefined }),
      ],
    });
    renderApp({ controller: fake });
    expect(screen.getByText('当前工作簿的问题')).toBeInTheDocument();
    expect(screen.getByText('本工作簿由评分细则 1.0.0 生成，当前细则为 1.1.0，请重新生成评分表。')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '评分状态' })).not.toBeInTheDocument();
    // The setup flows stay available.
    expect(screen.getByRole('heading', { name: '选择评分细则' })).toBeVisible();
    act(() => fake.setStatus({ bound: false }));
    expect(screen.queryByText('当前工作簿的问题')).not.toBeInTheDocument();
  });

  test('a status that is already bound at start is shown, with 新建 folded away', async () => {
    const user = setupUser();
    const fake = new FakeController();
    fake.setStatus(boundStatus());
    renderApp({ controller: fake });
    expect(screen.getByRole('table')).toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: '新建另一份评分表' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('heading', { name: '选择评分细则' })).not.toBeVisible();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveTextContent('收起新建评分表');
    expect(screen.getByRole('heading', { name: '选择评分细则' })).toBeVisible();
  });

  test('clicking a problem calls selectProblem with it; a failure is shown', async () => {
    const user = setupUser();
    const fake = new FakeController();
    fake.setStatus(boundStatus());
    renderApp({ controller: fake });
    await user.click(screen.getByRole('button', { name: /县公安局：一.2/ }));
    expect(fake.callsOf('selectProblem')).toEqual([[expect.objectContaining({ id: 'p1', target: { sheetKey: 'u1', address: 'D7' } })]]);
    await act(async () => fake.select!.reject(new Error('找不到工作表「县公安局」')));
    expect(await screen.findByText('无法定位：找不到工作表「县公安局」')).toBeInTheDocument();
  });

  test('a problem whose target names its sheet (file mode) shows where the cell is; one without does not', () => {
    const fake = new FakeController();
    fake.setStatus(
      boundStatus({
        problems: [
          problem('p1', '县公安局：一.2「信用承诺书份数」填写了「四篇」', {
            target: { sheetKey: 'u1', address: 'H12', sheetName: '县公安局' },
          }),
          problem('p2', '县发改局：三.1「双公示上报率」填写了「百分之九十」，不是百分比'),
        ],
      }),
    );
    renderApp({ controller: fake });
    expect(screen.getByRole('button', { name: /县公安局：一.2/ })).toHaveTextContent('工作表「县公安局」 单元格 H12');
    expect(screen.getByRole('button', { name: /县发改局：三.1/ })).not.toHaveTextContent('单元格');
  });

  test('keyboard only: Tab to a problem and press Enter', async () => {
    const user = setupUser();
    const fake = new FakeController();
    fake.setStatus(boundStatus());
    renderApp({ controller: fake });
    const target = screen.getByRole('button', { name: /县公安局：一.2/ });
    document.body.focus();
    const visited: string[] = [];
    for (let i = 0; i < 40 && document.activeElement !== target; i++) {
      await user.tab();
      visited.push(document.activeElement?.textContent ?? '');
    }
    expect(target).toHaveFocus();
    // The path went through the language toggle and the action buttons, in document order.
    expect(visited).toEqual(expect.arrayContaining(['中文', 'English', '重新计分', '导出附件']));
    await user.keyboard('{Enter}');
    expect(fake.callsOf('selectProblem')).toHaveLength(1);
    expect((fake.callsOf('selectProblem')[0][0] as { id: string }).id).toBe('p1');
    await user.keyboard(' ');
    expect(fake.callsOf('selectProblem')).toHaveLength(2);
  });

  test('long problem lists show the first 50 and a 显示全部 button', async () => {
    const user = setupUser();
    const fake = new FakeController();
    const many = Array.from({ length: 60 }, (_, i) => problem(`m${i}`, `单位${i}：未填写`, { severity: 'missing', kind: 'missing' }));
    fake.setStatus(boundStatus({ problems: many }));
    renderApp({ controller: fake });
    const list = screen.getByRole('list', { name: '问题清单（60）' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(50);
    await user.click(screen.getByRole('button', { name: '显示全部 60 条' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(60);
  });
});

describe('重新计分 / 导出附件', () => {
  test('rescore shows a busy state, then the error in plain words', async () => {
    const user = setupUser();
    const fake = new FakeController();
    fake.setStatus(boundStatus());
    renderApp({ controller: fake });
    await user.click(screen.getByRole('button', { name: '重新计分' }));
    expect(fake.callsOf('rescoreAll')).toHaveLength(1);
    const busy = screen.getByRole('button', { name: /正在计分/ });
    expect(busy).toHaveAttribute('aria-disabled', 'true');
    await user.click(busy);
    expect(fake.callsOf('rescoreAll')).toHaveLength(1);
    await act(async () => fake.rescore!.reject(new Error('工作表「县公安局」已被删除，请重新生成评分表。')));
    expect(await screen.findByText('重新计分失败')).toBeInTheDocument();
    expect(screen.getByText('工作表「县公安局」已被删除，请重新生成评分表。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '重新计分' })).not.toHaveAttribute('aria-disabled', 'true');

    await user.click(screen.getByRole('button', { name: '重新计分' }));
    await act(async () => fake.rescore!.resolve());
    expect(await screen.findByText('已重新计分。')).toBeInTheDocument();
    expect(screen.queryByText('重新计分失败')).not.toBeInTheDocument();
  });

  test('export shows a busy state, success, and errors', async () => {
    const user = setupUser();
    const fake = new FakeController();
    fake.setStatus(boundStatus());
    renderApp({ controller: fake });
    await user.click(screen.getByRole('button', { name: '导出附件' }));
    expect(screen.getByRole('button', { name: /正在导出/ })).toHaveAttribute('aria-disabled', 'true');
    await act(async () => fake.exportDeferred!.resolve());
    expect(await screen.findByText('附件已导出。')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '导出附件' }));
    await act(async () => fake.exportDeferred!.reject(new Error('还有 3 个单位未填完，不能导出附件。')));
    await waitFor(() => expect(screen.getByText('导出附件失败')).toBeInTheDocument());
    expect(screen.getByText('还有 3 个单位未填完，不能导出附件。')).toBeInTheDocument();
    expect(fake.callsOf('exportAnnex')).toHaveLength(2);
  });
});
