/**
 * @jest-environment jsdom
 *
 * axe-core over the main states of the pane. jsdom has no layout or rendering, so axe's
 * color-contrast rule cannot work here (it reports everything as "incomplete" or fails on
 * unresolvable colours): it is disabled in this file only. Contrast comes from Fluent's
 * webLightTheme tokens, which are designed to meet WCAG AA. As in the other pane tests, Fluent's
 * CSS rules are not inserted (see render-app.tsx; with them axe takes minutes in jsdom): the pane
 * hides things with the `hidden` attribute or by not rendering them, which needs no CSS.
 */
import './setup-dom';
import axe from 'axe-core';
import { act, screen } from '@testing-library/react';
import { FakeController, FakeFileController, problem, summaryOf, unit } from './fake-controller';
import { renderApp, setupUser } from './render-app';

async function expectNoSeriousViolations(container: HTMLElement) {
  const result = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.html.slice(0, 160)) }));
  expect(serious).toEqual([]);
  // Currently there are no moderate or minor findings either; keep it that way.
  expect(result.violations.map((v) => `${v.id} (${v.impact})`)).toEqual([]);
  return result.violations;
}

async function choose(user: ReturnType<typeof setupUser>, name: RegExp) {
  await user.click(screen.getByRole('combobox', { name: /评分细则|Rubric/ }));
  await user.click(await screen.findByRole('option', { name }));
}

const bound = {
  bound: true,
  rubric: summaryOf('hengdong-2020-members'),
  units: [unit('县发改局', { labels: ['先进单位'] }), unit('县公安局', { filled: 3, final: null, rank: null, complete: false })],
  problems: [
    problem('p1', '县公安局：一.2 未填写', { severity: 'missing', kind: 'missing' }),
    problem('p2', '县发改局：三.1 不是百分比'),
    problem('p3', '县发改局：创新加分超过上限', { severity: 'warning', kind: 'other' }),
  ],
  notices: ['已恢复 2 个被改写的计算单元格'],
  lastScoredAt: '2024-03-01T08:30:00.000Z',
};

describe('accessibility (axe-core, jsdom; color-contrast disabled)', () => {
  test('setup: rubric details with an open note, roster with problems, blocked create button', async () => {
    const user = setupUser();
    const { container } = renderApp({ controller: new FakeController() });
    await choose(user, /衡东县/);
    await user.click(screen.getByRole('button', { name: '细则说明（25 条）' }));
    await user.click(screen.getAllByRole('button', { name: /总体/ })[0]);
    const box = screen.getByRole('textbox', { name: /单位名称/ });
    await user.click(box);
    await user.paste('县发改局\n\n县发改局');
    expect(screen.getAllByText(/名单有 2 处问题/).length).toBeGreaterThan(0);
    await expectNoSeriousViolations(container);
  });

  test('朝阳: officeMustSet warning and per-unit group selectors; creation in progress', async () => {
    const user = setupUser();
    const fake = new FakeController();
    const { container } = renderApp({ controller: fake });
    await choose(user, /朝阳市/);
    await user.click(screen.getByRole('textbox', { name: /单位名称/ }));
    await user.paste('市发改委\n朝阳县\t县区');
    await user.click(screen.getByRole('button', { name: /逐个设置分组/ }));
    await user.click(screen.getByRole('button', { name: '生成评分表' }));
    act(() => fake.create!.onProgress({ done: 1, total: 2, phase: '正在生成「市发改委」' }));
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    await expectNoSeriousViolations(container);
  });

  test('status panel with table, problems, notices and an action error', async () => {
    const user = setupUser();
    const fake = new FakeController();
    fake.setStatus(bound);
    const { container } = renderApp({ controller: fake });
    await user.click(screen.getByRole('button', { name: '重新计分' }));
    await act(async () => fake.rescore!.reject(new Error('工作表已被删除。')));
    expect(await screen.findByText('重新计分失败')).toBeInTheDocument();
    await expectNoSeriousViolations(container);
  });

  test('excel-too-old, and browser mode with file mode (in English)', async () => {
    const old = new FakeController();
    old.hostInfo = { mode: 'excel-too-old', apiVersion: '1.7', displayLanguage: 'zh-CN' };
    const first = renderApp({ controller: old });
    await expectNoSeriousViolations(first.container);
    first.unmount();

    const browser = new FakeFileController();
    browser.hostInfo = { mode: 'browser', apiVersion: null, displayLanguage: 'en-US' };
    const second = renderApp({ controller: browser });
    expect(screen.getByText('This page is open outside Excel')).toBeInTheDocument();
    await expectNoSeriousViolations(second.container);
  });
});
