/**
 * The pure review (src/layout/review.ts) both hosts use: reasons found again by the hidden key
 * column below the 键 header, a reason outliving its difference on a 已无差异 line, a difference
 * without a reason as a problem naming its row, and the 自评 columns added to a unit sheet's plan.
 */
import { indexBlock } from '../../src/layout/binding';
import type { CellValue } from '../../src/layout/plan';
import {
  planSelfColumns,
  REVIEW_FIRST_ROW,
  REVIEW_KEY_HEADER,
  reviewLines,
  selfColumnsOfIndex,
  typedReasons,
  type Difference,
} from '../../src/layout/review';
import { planUnitSheet } from '../../src/layout/unit-sheet';
import { loadBuiltin } from '../../src/rubric/catalog';

const diff = (unitKey: string, indicatorId: string, self: number | null, verified: number): Difference => ({
  unitKey,
  unit: unitKey === 'U0001' ? '县财政局' : '县公安局',
  indicatorId,
  item: `${indicatorId} 某项`,
  self,
  verified,
  difference: self === null ? null : verified - self,
  reason: '',
});

test('reasons are read below the 键 header only, by key; blank reasons are no reasons', () => {
  const reasons = typedReasons([
    { row: 1, key: null, reason: '标题' },
    { row: 3, key: REVIEW_KEY_HEADER, reason: '核减原因' },
    { row: 4, key: 'U0001|六', reason: '台账只有 4 份' },
    { row: 5, key: 'U0002|七', reason: '   ' },
    { row: 6, key: null, reason: '无键的一行' },
  ]);
  expect([...reasons]).toEqual([['U0001|六', '台账只有 4 份']]);
});

test('differences take their reasons; a reason whose difference has gone is kept; each open difference is a problem at its row', () => {
  const reasons = new Map([
    ['U0001|六', '台账只有 4 份'],
    ['U0002|九.1', '已补交材料'],
  ]);
  const review = reviewLines([diff('U0001', '六', 3, 2), diff('U0002', '七', null, 5)], reasons, (k) => (k === 'U0002' ? '县公安局' : '?'));
  expect(review.lines.map((l) => l.values)).toEqual([
    [1, '县财政局', '六 某项', 3, 2, -1, '台账只有 4 份', 'U0001|六'],
    [2, '县公安局', '七 某项', null, 5, '自评未填', '', 'U0002|七'],
    [3, '县公安局', '九.1', null, null, '已无差异', '已补交材料', 'U0002|九.1'],
  ]);
  expect(review.unexplained).toBe(1);
  expect(review.problems[0].message).toContain(`第 ${REVIEW_FIRST_ROW + 1} 行`);
});

test('a unit sheet plan with the 自评 columns indexes them after its key column', () => {
  const rubric = loadBuiltin('hengdong-2020-members').rubric;
  const plan = planSelfColumns(planUnitSheet(rubric, { key: 'U0001', sheetName: '甲', unitName: '甲', groupLabel: '成员单位' }));
  const grid: CellValue[][] = Array.from({ length: plan.block.rows }, () => Array<CellValue>(plan.block.cols).fill(null));
  for (const c of plan.cells) grid[c.row][c.col] = c.value;
  const idx = indexBlock(grid);
  if (!idx.ok) throw new Error(idx.message);
  const cols = selfColumnsOfIndex(idx.index)!;
  expect(cols.input).toBeGreaterThan(idx.index.keyCol);
  expect([cols.score - cols.input, cols.evidence - cols.input]).toEqual([1, 2]);
  expect(grid.flat()).toEqual(expect.arrayContaining(['核定填报', '核定分', '自评填报', '自评分']));
});
