/**
 * The rows of the 自评与核定对照表 (src/layout/annex-comparison.ts), pure: a unit without a form is
 * 未提交 with no number of its own, differences are counted per unit, and the difference of two
 * totals has no floating-point noise.
 */
import { comparisonOf, type ComparisonDifference } from '../../src/layout/annex-comparison';

const diff = (unitKey: string, unit: string, item: string, self: number | null, verified: number, reason = ''): ComparisonDifference => ({
  unitKey,
  unit,
  item,
  self,
  verified,
  difference: self === null ? null : verified - self,
  reason,
});

test('a unit per row in roster order; 未提交 units have no 自评, no counts; the items listed in roster order', () => {
  const units = [
    { unitKey: 'U1', unit: '甲', group: '一组', verified: 80.3 },
    { unitKey: 'U2', unit: '乙', group: '一组', verified: 90 },
    { unitKey: 'U3', unit: '丙', group: '二组', verified: null },
  ];
  // 乙's item listed before 甲's (as a reader might hand them over): the list follows the roster.
  const differences = [
    diff('U2', '乙', '二 制度', 4, 3),
    diff('U1', '甲', '一 机制', 4, 3, '现场核查'),
    diff('U1', '甲', '三 报送', null, 2),
  ];
  const selfTotals = new Map<string, number | null>([
    ['U1', 80.6],
    ['U3', null],
  ]);
  const { units: rows, details } = comparisonOf(units, selfTotals, differences);
  // 甲: 80.3 − 80.6 = −0.3 exactly (not −0.29999999999999716); 2 items, 1 without a reason.
  expect(rows[0]).toEqual({
    unit: '甲',
    group: '一组',
    returned: true,
    self: 80.6,
    verified: 80.3,
    difference: -0.3,
    differing: 2,
    unexplained: 1,
  });
  // 乙 returned no form: its difference lines (none should exist) are not counted, no 自评, no difference.
  expect(rows[1]).toEqual({
    unit: '乙',
    group: '一组',
    returned: false,
    self: null,
    verified: 90,
    difference: null,
    differing: 0,
    unexplained: 0,
  });
  // 丙 returned a form whose total is unsettled, and 核定 is not settled either: no difference.
  expect(rows[2]).toMatchObject({ returned: true, self: null, verified: null, difference: null, differing: 0 });
  expect(details.map((d) => [d.unit, d.item])).toEqual([
    ['甲', '一 机制'],
    ['甲', '三 报送'],
    ['乙', '二 制度'],
  ]);
});
