/**
 * 汇总's 自评 columns in the layout (issue 17): absent unless the workbook's metadata asks for them
 * (the plan is then exactly the one made before the option existed), right after the 核定 total when
 * asked, and their cells from the 核定 results, the 自评 totals and the open 核查清单 differences.
 */
import { comparisonOf } from '../../src/layout/annex-comparison';
import { summaryColumns } from '../../src/layout/columns';
import { rowKey, type WorkbookMeta } from '../../src/layout/plan';
import { NO_FIGURE, SELF_UNSETTLED, planSummaryOf, summarySelfOutputs, withSummarySelf } from '../../src/layout/summary-self';
import { planSummarySheet } from '../../src/layout/summary-sheet';
import { planWorkbook } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';

const loaded = loadBuiltin('hengdong-2020-members');
const { rubric } = loaded;
const group = rubric.ranking.groups[0];
const roster = rubric.defaultRoster!.slice(0, 3).map((u) => ({ name: u.name, group: group.id }));
const plan = planWorkbook(loaded, roster, '2026-12-06T00:00:00.000Z');
const meta: WorkbookMeta = plan.meta;

test('off: the 汇总 of a workbook is the plan it was made with (no option, no new column, no new word)', () => {
  expect(meta.summarySelf).toBeUndefined();
  expect(planSummaryOf(rubric, meta, '汇总')).toEqual(plan.sheets[0]);
  expect(planSummaryOf(rubric, withSummarySelf(meta, false), '汇总')).toEqual(plan.sheets[0]);
  expect(withSummarySelf(withSummarySelf(meta, true), false)).toEqual(meta);
  expect(summaryColumns(rubric, { self: false })).toEqual(summaryColumns(rubric));
});

test('on: 自评总分, 差值 and 未说明差异 follow the total, which reads 核定总分; the table and the block take them in', () => {
  const off = plan.sheets[0];
  const on = planSummaryOf(rubric, withSummarySelf(meta, true), '汇总');
  const roles = (p: typeof on) => p.cells.filter((c) => c.row === 0).map((c) => c.value);
  const headers = (p: typeof on) => p.cells.filter((c) => c.row === 3).map((c) => c.value);
  const at = roles(off).indexOf('final');
  expect(roles(on)).toEqual([...roles(off).slice(0, at + 1), 'selfTotal', 'selfDifference', 'selfOpen', ...roles(off).slice(at + 1)]);
  expect(headers(on).slice(at, at + 4)).toEqual(['核定总分', '自评总分', '差值（核定−自评）', '未说明差异']);
  expect(headers(off)[at]).toBe('最终得分');
  expect(on.block.cols).toBe(off.block.cols + 3);
  expect(on.tables[0].lastCol).toBe(off.tables[0].lastCol + 3);
  expect(on.merges.map((m) => m.toCol)).toEqual(off.merges.map((m) => m.toCol + 3));
});

test('cells: 未提交 without a form, 未完成 for an unsettled 自评, the difference 核定 − 自评 and the differences without a reason', () => {
  const units = [
    { key: 'U1', name: '甲', group: 'g', verified: 85.5 },
    { key: 'U2', name: '乙', group: 'g', verified: 90 },
    { key: 'U3', name: '丙', group: 'g', verified: 70 },
    { key: 'U4', name: '丁', group: 'g', verified: null },
  ];
  const diff = (unitKey: string, reason: string) => ({ unitKey, unit: '', item: '一', self: 4, verified: 3, difference: -1, reason });
  const cells = summarySelfOutputs(
    units,
    new Map<string, number | null>([
      ['U1', 88],
      ['U3', null],
      ['U4', 80],
    ]),
    [diff('U1', ''), diff('U1', '核查：材料不全'), diff('U1', ' '), diff('U3', '')],
  );
  const row = (key: string) => cells.filter((c) => c.rowKey === rowKey.summaryUnit(key)).map((c) => [c.role, c.value]);
  // 甲: 85.5 − 88 = −2.5; three differences, one with a reason → 2 open.
  expect(row('U1')).toEqual([
    ['selfTotal', 88],
    ['selfDifference', -2.5],
    ['selfOpen', 2],
  ]);
  expect(row('U2')).toEqual([
    ['selfTotal', '未提交'],
    ['selfDifference', NO_FIGURE],
    ['selfOpen', NO_FIGURE],
  ]);
  expect(row('U3')).toEqual([
    ['selfTotal', SELF_UNSETTLED],
    ['selfDifference', NO_FIGURE],
    ['selfOpen', 1],
  ]);
  // 丁's 核定 is not settled yet: nothing to subtract.
  expect(row('U4')).toEqual([
    ['selfTotal', 80],
    ['selfDifference', NO_FIGURE],
    ['selfOpen', 0],
  ]);
});

test('a summary plan asked without the option equals the one of planSummarySheet with defaults', () => {
  const units = plan.meta.units.map((u) => ({ ...u, groupLabel: group.label }));
  expect(planSummarySheet(rubric, '汇总', units, { self: false })).toEqual(planSummarySheet(rubric, '汇总', units));
});

test("the cells say what the annex's 自评与核定对照表 says for the same units", () => {
  const units = [
    { key: 'U1', name: '甲', group: 'g', verified: 85.3 },
    { key: 'U2', name: '乙', group: 'g', verified: 90 },
    { key: 'U3', name: '丙', group: 'g', verified: null },
  ];
  const totals = new Map<string, number | null>([
    ['U1', 85.1],
    ['U3', 70],
  ]);
  const diffs = [{ unitKey: 'U1', unit: '甲', item: '一', self: 4, verified: 3, difference: -1, reason: '' }];
  const rows = comparisonOf(
    units.map((u) => ({ unitKey: u.key, unit: u.name, group: u.group, verified: u.verified })),
    totals,
    diffs,
  ).units;
  const cells = summarySelfOutputs(units, totals, diffs);
  units.forEach((u, i) => {
    const mine = cells.filter((c) => c.rowKey === rowKey.summaryUnit(u.key)).map((c) => c.value);
    const r = rows[i];
    expect(mine).toEqual(
      r.returned ? [r.self ?? SELF_UNSETTLED, r.difference ?? NO_FIGURE, r.unexplained] : ['未提交', NO_FIGURE, NO_FIGURE],
    );
  });
  // 85.3 − 85.1 = 0.2 (not 0.19999999999999574).
  expect(cells[1].value).toBe(0.2);
});
