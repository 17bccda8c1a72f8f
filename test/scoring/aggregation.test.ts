/**
 * Annex-level arithmetic on synthetic rubrics: sum, deduction from a base, x / y × 100 with items not
 * applicable, bonus (capped, uncapped, tiers), bands read top-down with explicit boundaries, and
 * half-up rounding of the final score only.
 */
import { scoreRoster, scoreUnit } from '../../src/scoring/score';
import { count, indicator, miniRubric, num, score, yes } from '../helpers/mini-rubric';

const bands = {
  basis: 'final' as const,
  list: [
    { label: '优秀', min: 90, minInclusive: true },
    { label: '良好', min: 80, minInclusive: true },
    { label: '合格', min: 60, minInclusive: true },
    { label: '不合格', min: null, minInclusive: true },
  ],
};

/** Two manual items of 50 and 50: the total is whatever the assessor types. */
const twoManual = (overrides = {}) =>
  miniRubric(
    [indicator('A', 50, [score('s')], { kind: 'manual', field: 's' }), indicator('B', 50, [score('s')], { kind: 'manual', field: 's' })],
    { bands, bonus: { kind: 'manual', label: '工作创新', max: 10, criteria: '' }, ...overrides },
  );
const unit = (a: number | string, b: number | string, extra = {}) => ({ name: '甲', inputs: { A: { s: a }, B: { s: b } }, ...extra });

describe('bands at their boundaries (平顶山 wording: 90以上含本数)', () => {
  const r = twoManual();
  it.each([
    [45, 45, '优秀'], // 90
    [45, 44.99, '良好'], // 89.99
    [40, 40, '良好'], // 80
    [40, 39.99, '合格'], // 79.99
    [30, 30, '合格'], // 60
    [30, 29.99, '不合格'], // 59.99
    [0, 0, '不合格'],
  ])('%s + %s → %s', (a, b, band) => expect(scoreUnit(r, unit(a, b)).band).toBe(band));
  it('the band is read on the final score with bonus by default: 85 + 5 = 90 → 优秀', () => {
    const u = scoreUnit(r, unit(40, 45, { bonus: 5 }));
    expect([u.base, u.bonus, u.final, u.band]).toEqual([85, 5, 90, '优秀']);
  });
  it('basis base ignores the bonus for the band', () => {
    const b = twoManual({ bands: { ...bands, basis: 'base' } });
    expect(scoreUnit(b, unit(40, 45, { bonus: 5 })).band).toBe('良好');
  });
  it('a bonus above its cap counts as the cap, with a warning', () => {
    const u = scoreUnit(r, unit(40, 40, { bonus: 12 }));
    expect(u.bonus).toBe(10);
    expect(u.final).toBe(90);
    expect(u.problems.map((p) => p.message)).toContain('甲：工作创新 12 分超过上限 10 分，按 10 分计');
  });
  it('a text bonus is an error, not 0', () => {
    const u = scoreUnit(r, unit(40, 40, { bonus: '五分' }));
    expect(u.final).toBeNull();
    expect(u.bonus).toBeNull();
    expect(u.bonusProblem).toBe('工作创新：「五分」不是数字');
    expect(u.problems[0].severity).toBe('error');
  });
  it('a blank bonus is 0, with no bonus problem', () => {
    const u = scoreUnit(r, unit(40, 40, { bonus: '  ' }));
    expect([u.bonus, u.final, u.bonusProblem]).toEqual([0, 80, undefined]);
  });
});

describe('deduction from a base (鹤岗 style)', () => {
  const r = miniRubric(
    [
      indicator('A', 5, [yes('meet', '是否召开会议')], {
        kind: 'deduct_if',
        conditions: [{ when: { field: 'meet', is: false }, deduct: 2.5, label: '未召开会议' }],
      }),
      indicator('B', 10, [count('n', '报送篇数')], {
        kind: 'deduct_if',
        conditions: [{ when: { field: 'n', op: '<', value: 30 }, deduct: 10, label: '报送少于30篇' }],
      }),
    ],
    { aggregation: { mode: 'deduct_from_base', base: 15 }, notApplicable: 'full_points' },
  );
  it('base − deductions; 不涉及 keeps full points', () => {
    expect(scoreUnit(r, { name: '甲', inputs: { A: { meet: '否' }, B: { n: 29 } } }).final).toBe(2.5); // 15 − 2.5 − 10
    expect(scoreUnit(r, { name: '乙', inputs: { A: { meet: '否' } }, notApplicable: ['B'] }).final).toBe(12.5); // B 不涉及 → no deduction
    expect(scoreUnit(r, { name: '丙', inputs: { A: { meet: '是' }, B: { n: 30 } } }).final).toBe(15);
  });
});

describe('normalised x / y × 100 (朝阳 style, hypothetical items)', () => {
  const item = (id: string) => indicator(id, null, [num('max', '本项分值'), score('s')], { kind: 'manual', field: 's', maxField: 'max' });
  const r = miniRubric([item('A'), item('B'), item('C')], {
    aggregation: { mode: 'normalised', scale: 100 },
    notApplicable: 'exclude',
    bands: {
      basis: 'final',
      list: [
        { label: '优秀', min: 90, minInclusive: true },
        { label: '良好', min: 70, minInclusive: true },
        { label: '合格', min: 50, minInclusive: true },
        { label: '不合格', min: null, minInclusive: true },
      ],
    },
    bonus: {
      kind: 'tiers',
      label: '创新加分',
      criteria: '',
      tiers: [
        { label: '创新奖', points: 5 },
        { label: '特别创新奖', points: 10 },
        { label: '突出创新奖', points: 20 },
      ],
    },
  });
  it('16.2 / 18 × 100 is exactly 90 → 优秀 (floating point gives 89.99999999999999)', () => {
    expect((16.2 / 18) * 100).not.toBe(90);
    const u = scoreUnit(r, { name: '甲', inputs: { A: { max: 10, s: 9 }, B: { max: 8, s: 7.2 } }, notApplicable: ['C'] });
    expect(u.normalisation).toEqual({ x: 16.2, y: 18 });
    expect([u.base, u.band]).toEqual([90, '优秀']);
  });
  it('items not carried leave x and y: (6 + 4) / (10 + 10) × 100 = 50 → 合格', () => {
    const u = scoreUnit(r, { name: '乙', inputs: { A: { max: 10, s: 6 }, C: { max: 10, s: 4 } }, notApplicable: ['B'] });
    expect([u.base, u.band]).toEqual([50, '合格']);
  });
  it('2 / 3 × 100 = 66.666… rounds half-up to 66.67', () => {
    const u = scoreUnit(r, { name: '丙', inputs: { A: { max: 3, s: 2 } }, notApplicable: ['B', 'C'] });
    expect(u.base).toBe(66.67);
  });
  it('all items not applicable: y = 0 → no score, not ranked, flagged', () => {
    const res = scoreRoster(r, [{ name: '丁', notApplicable: ['A', 'B', 'C'] }]);
    expect(res.units[0]).toMatchObject({ base: null, final: null, band: null, rank: null });
    expect(res.units[0].problems[0].message).toContain('y = 0');
  });
  it('bonus tiers are added after normalisation: 70 + 特别创新奖 10 = 80', () => {
    const u = scoreUnit(r, { name: '戊', inputs: { A: { max: 10, s: 7 } }, notApplicable: ['B', 'C'], bonus: '特别创新奖' });
    expect([u.base, u.bonus, u.final]).toEqual([70, 10, 80]);
  });
  it('the office-set maximum bounds the manual score', () => {
    const u = scoreUnit(r, { name: '己', inputs: { A: { max: 10, s: 11 } }, notApplicable: ['B', 'C'] });
    expect(u.items.A.status).toBe('invalid');
    expect(u.final).toBeNull();
  });
});

describe('rounding only at the end', () => {
  it('three items of 1/3 × 1 each sum exactly to 1, not 0.99', () => {
    const item = (id: string) =>
      indicator(id, 1, [count('a'), count('b')], {
        kind: 'ratio',
        points: 1,
        ratio: { numerator: 'a', denominator: 'b', whenDenominatorZero: 'zero' },
      });
    const r = miniRubric([item('A'), item('B'), item('C')]);
    const u = scoreUnit(r, { name: '甲', inputs: { A: { a: 1, b: 3 }, B: { a: 1, b: 3 }, C: { a: 1, b: 3 } } });
    expect(u.items.A.score).toBe(0.33);
    expect(u.final).toBe(1);
  });
  it('89.995 rounds half-up to 90.00 → 优秀 (rounded value decides the band, G3)', () => {
    // 45 (manual) + 8999/9000 × 45 (ratio) = 45 + 44.995 = 89.995 exactly → 90.00
    const r = miniRubric(
      [
        indicator('A', 45, [score('s')], { kind: 'manual', field: 's' }),
        indicator('B', 45, [count('a'), count('b')], {
          kind: 'ratio',
          points: 45,
          ratio: { numerator: 'a', denominator: 'b', whenDenominatorZero: 'zero' },
        }),
      ],
      { bands },
    );
    const u = scoreUnit(r, { name: '甲', inputs: { A: { s: 45 }, B: { a: 8999, b: 9000 } } });
    expect(u.items.B.exact).toBe('8999/200'); // 44.995, kept exact: rounding.itemScores is 'exact'
    expect(u.final).toBe(90);
    expect(u.band).toBe('优秀');
  });
  it('an assessor score with more places than the results is refused, not rounded silently', () => {
    const u = scoreUnit(twoManual(), unit(44.995, 45));
    expect(u.items.A.status).toBe('invalid');
    expect(u.items.A.reason).toBe('得分填写有误：最多保留 2 位小数（「44.995」）');
    expect(u.final).toBeNull();
  });
});

describe('sums of ratio items with large coprime denominators stay exact', () => {
  // Four ratio items of 25 points: done/total with totals 999983, 999979, 999961, 999959 (primes), so
  // the exact total has a denominator near 10^24, far past 2^53 (the engine then works in BigInt).
  const totals = [999983, 999979, 999961, 999959];
  const ratioItem = (id: string) =>
    indicator(id, 25, [count('done', '已完成数'), count('total', '应完成数')], {
      kind: 'ratio',
      ratio: { numerator: 'done', denominator: 'total', whenDenominatorZero: 'zero' },
      points: 25,
    });
  const r = miniRubric(['A', 'B', 'C', 'D'].map(ratioItem), { bands });
  // done = total − 1 everywhere: each item is 25 − 25/total, so the sum is 100 − 25·Σ 1/totalᵢ.
  // Σ 1/totalᵢ = 4.000118003932…e−6 (the helper test in rational.test.ts has its exact value), so the
  // total is 100 − 0.000100002949… = 99.999899997… → 100.00 at 2 decimals: 优秀.
  const inputs = Object.fromEntries(['A', 'B', 'C', 'D'].map((id, i) => [id, { done: totals[i] - 1, total: totals[i] }]));

  it('scores 100 (half-up at 2 decimals) and 优秀, with the exact total behind it', () => {
    const u = scoreUnit(r, { name: '甲', inputs });
    expect(u.problems).toEqual([]);
    expect([u.base, u.final, u.band]).toEqual([100, 100, '优秀']);
    expect(u.categories['一'].score).toBe(100);
    expect(u.items.A.exact).toBe('24999550/999983'); // 25 · 999982/999983
  });
});
