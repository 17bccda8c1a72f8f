/**
 * 鹤岗市 2022 附件1 县、区 (004_9bc00c2aedaa74f9.txt, 鹤信用办发〔2022〕4号): hand-computed units.
 * Score = 100 − deductions; 不涉及 keeps full points (K4). Expectations come from the document's
 * rules and the readings in the rubric notes (K1–K11), with the arithmetic shown; none is copied
 * from the engine's output.
 */
import { loadBuiltinRubric } from '../../src/rubric/catalog';
import { scoreRoster, scoreUnit } from '../../src/scoring/score';
import type { UnitInput } from '../../src/scoring/score';

const rubric = loadBuiltinRubric('hegang-2022-counties');
type Inputs = NonNullable<UnitInput['inputs']>;

/** Nothing to deduct anywhere, every threshold met exactly (K5: the boundary passes). */
const perfect: Inputs = {
  '一.1': { adjust: '是', meeting: '是' },
  '一.2': { done: '是' },
  '一.3': { report: '是', accuracy: '100%', timeliness: 100 },
  '一.4': { complete: '是' },
  '二.1': { rate: '20%' }, // 不低于20%: exactly 20 % passes
  '二.2': { rate: 40 }, // 不低于40%: exactly 40 % passes (bare number = percent)
  '二.3': { held: '是' },
  '二.4': { coverage: '100%' },
  '二.5': { share: '1%', govListed: '否' }, // 超过1%: exactly 1 % passes
  '二.6': { pilot: '是', material: '是' },
  '三.1': { commitments: 1000 }, // K1: read as 低于1000份扣分 — exactly 1000 passes
  '三.2': { pushed: '是', checked: '是' },
  四: { rate: '80%' }, // 低于80%: exactly 80 % passes
  五: { held: '是' },
  六: { reports: 30 }, // 少于30篇: exactly 30 passes
};
const full = {
  '一.1': 5,
  '一.2': 5,
  '一.3': 10,
  '一.4': 5,
  '二.1': 10,
  '二.2': 10,
  '二.3': 5,
  '二.4': 5,
  '二.5': 5,
  '二.6': 5,
  '三.1': 5,
  '三.2': 5,
  四: 10,
  五: 5,
  六: 10,
};
const fullCats = { 一: 25, 二: 40, 三: 10, 四: 10, 五: 5, 六: 10 };

/** 县区乙: values just past each threshold, and single failures. */
const yi: Inputs = {
  '一.1': { adjust: '否', meeting: '是' },
  '一.2': { done: '是' },
  '一.3': { report: '是', accuracy: '99.9%', timeliness: '100%' },
  '一.4': { complete: '否' },
  '二.1': { rate: '19.99%' },
  '二.2': { rate: '45%' },
  '二.3': { held: '否' },
  '二.4': { coverage: '99%' },
  '二.5': { share: '1.01%', govListed: '否' },
  '二.6': { pilot: '是', material: '否' },
  '三.1': { commitments: 999 },
  '三.2': { pushed: '否', checked: '是' },
  四: { rate: '79.9%' },
  五: { held: '是' },
  六: { reports: 29 },
};
const yiItems = {
  '一.1': 2.5, // 5 − 2.5 (未及时调整领导小组)
  '一.2': 5,
  '一.3': 5, // 10 − 5 (准确率 99.9 % < 100 %)
  '一.4': 0, // 5 − 5 (应录未录)
  '二.1': 0, // 19.99 % < 20 % → 10 − 10
  '二.2': 10, // 45 % ≥ 40 %
  '二.3': 0, // 5 − 5
  '二.4': 0, // 99 % < 100 % → 5 − 5
  '二.5': 2.5, // 1.01 % > 1 % → 5 − 2.5
  '二.6': 0, // pilot done but no experience material → 5 − 5 (K3; the alternative reading would keep 5)
  '三.1': 0, // 999 < 1000 → 5 − 5 (K1)
  '三.2': 2.5, // 5 − 2.5 (红黑名单未及时推送)
  四: 0, // 79.9 % < 80 % → 10 − 10
  五: 5,
  六: 0, // 29 < 30 → 10 − 10
};
const yiCats = {
  一: 12.5, // 2.5 + 5 + 5 + 0
  二: 12.5, // 0 + 10 + 0 + 0 + 2.5 + 0
  三: 2.5, // 0 + 2.5
  四: 0,
  五: 5,
  六: 0,
};
// deductions 2.5 + 5 + 5 + 10 + 5 + 5 + 2.5 + 5 + 5 + 2.5 + 10 + 10 = 67.5 → 100 − 67.5 = 32.5

/** 县区丙: every deduction in the table → 0 (and no item below 0). */
const bing: Inputs = {
  '一.1': { adjust: '否', meeting: '否' },
  '一.2': { done: '否' },
  '一.3': { report: '否', accuracy: '90%', timeliness: '80%' },
  '一.4': { complete: '否' },
  '二.1': { rate: '5%' },
  '二.2': { rate: 10 },
  '二.3': { held: '否' },
  '二.4': { coverage: '50%' },
  '二.5': { share: '3%', govListed: '是' },
  '二.6': { pilot: '否', material: '否' },
  '三.1': { commitments: 100 },
  '三.2': { pushed: '否', checked: '否' },
  四: { rate: '10%' },
  五: { held: '否' },
  六: { reports: 0 },
};

/** 县区丁: not concerned by 四 and 二.5 (left blank), one rate below 100 %, too few reports. */
const ding: Inputs = {
  ...perfect,
  '一.3': { report: '是', accuracy: '100%', timeliness: '95%' },
  '二.5': {},
  四: {},
  六: { reports: 10 },
};

function check(s: ReturnType<typeof scoreUnit>, items: Record<string, number>, cats: Record<string, number>, total: number) {
  for (const [id, score] of Object.entries(items)) expect({ id, score: s.items[id].score }).toEqual({ id, score });
  for (const [id, score] of Object.entries(cats)) expect({ id, score: s.categories[id].score }).toEqual({ id, score });
  expect(s.complete).toBe(true);
  expect(s.base).toBe(total);
  expect(s.final).toBe(total);
  expect(s.band).toBeNull();
}

describe('鹤岗 2022 附件1 县、区 — loading', () => {
  test('15 indicators, deduction scoring from 100, 不涉及 keeps full points', () => {
    expect(rubric.categories.map((c) => [c.id, c.points])).toEqual([
      ['一', 25],
      ['二', 40],
      ['三', 10],
      ['四', 10],
      ['五', 5],
      ['六', 10],
    ]);
    expect(rubric.categories.flatMap((c) => c.indicators.map((i) => i.id))).toEqual(Object.keys(full));
    expect(rubric.aggregation).toEqual({ mode: 'deduct_from_base', base: 100 });
    expect(rubric.notApplicable).toBe('full_points');
    expect(rubric.documentNumber).toBe('鹤信用办发〔2022〕4号');
    for (const c of rubric.categories) for (const i of c.indicators) expect(i.rule.kind).toBe('deduct_if');
    const k1 = rubric.notes.find((n) => n.id === 'K1');
    expect(k1?.text).toContain('数量低于1000份扣5分');
  });
});

describe('鹤岗 2022 附件1 县、区 — hand-computed units', () => {
  test('县区甲: every threshold met exactly → 100', () => {
    check(scoreUnit(rubric, { name: '县区甲', inputs: perfect }), full, fullCats, 100);
  });

  test('县区乙: just below each threshold → 32.5', () => {
    check(scoreUnit(rubric, { name: '县区乙', inputs: yi }), yiItems, yiCats, 32.5);
  });

  test('县区丙: every deduction → 0, no item below 0', () => {
    const zeros = Object.fromEntries(Object.keys(full).map((k) => [k, 0]));
    const s = scoreUnit(rubric, { name: '县区丙', inputs: bing });
    // 一.3: 通报 5 + one deduction for both rates (K2) 5 = 10 → 0, not −5
    check(s, zeros, { 一: 0, 二: 0, 三: 0, 四: 0, 五: 0, 六: 0 }, 0);
  });

  test('县区丁: 不涉及 keeps full points (K4) → 85', () => {
    const s = scoreUnit(rubric, { name: '县区丁', inputs: ding, notApplicable: ['四', '二.5'] });
    expect(s.items['四'].status).toBe('not_applicable');
    expect(s.items['二.5'].status).toBe('not_applicable');
    check(
      s,
      {
        ...full,
        '一.3': 5, // 及时率 95 % < 100 % → 10 − 5
        '二.5': 5, // 不涉及 → full 5
        四: 10, // 不涉及 → full 10 (no renormalisation)
        六: 0, // 10 篇 < 30 → 10 − 10
      },
      { ...fullCats, 一: 20, 六: 0 }, // 一: 5 + 5 + 5 + 5
      85, // 100 − 5 − 10
    );
  });
});

describe('鹤岗 2022 附件1 县、区 — readings', () => {
  const item = (id: string, values: Inputs[string]) => scoreUnit(rubric, { name: 'x', inputs: { ...perfect, [id]: values } }).items[id];

  test('K1 三.1: fewer than 1000 commitments is deducted, 1000 or more is not (literal text inverted)', () => {
    expect(item('三.1', { commitments: 999 }).score).toBe(0);
    expect(item('三.1', { commitments: 1000 }).score).toBe(5);
    expect(item('三.1', { commitments: 5000 }).score).toBe(5); // literal 「不低于1000份扣5分」 would give 0
  });

  test('K2 一.3: both rates below 100 % cost 5 once, not 5 each', () => {
    expect(item('一.3', { report: '是', accuracy: '90%', timeliness: '90%' }).score).toBe(5); // 10 − 5
    expect(item('一.3', { report: '是', accuracy: '100%', timeliness: '99%' }).score).toBe(5);
    expect(item('一.3', { report: '否', accuracy: '100%', timeliness: '100%' }).score).toBe(5);
  });

  test('K3 二.6: both the pilot and the promoted experience material are needed', () => {
    expect(item('二.6', { pilot: '否', material: '是' }).score).toBe(0);
    expect(item('二.6', { pilot: '是', material: '否' }).score).toBe(0);
    expect(item('二.6', { pilot: '是', material: '是' }).score).toBe(5);
  });

  test('K5 thresholds: the value at the threshold is never deducted', () => {
    expect(item('二.1', { rate: '20%' }).score).toBe(10);
    expect(item('二.1', { rate: 19.99 }).score).toBe(0);
    expect(item('二.2', { rate: '40%' }).score).toBe(10);
    expect(item('二.2', { rate: '39.9%' }).score).toBe(0);
    expect(item('二.5', { share: '1%', govListed: '否' }).score).toBe(5);
    expect(item('二.5', { share: '1.1%', govListed: '是' }).score).toBe(0); // 5 − 2.5 − 2.5
    expect(item('二.5', { share: '0%', govListed: '是' }).score).toBe(2.5);
    expect(item('四', { rate: '80%' }).score).toBe(10);
    expect(item('四', { rate: '79.99%' }).score).toBe(0);
    expect(item('六', { reports: 30 }).score).toBe(10);
    expect(item('六', { reports: 29 }).score).toBe(0);
    expect(item('二.4', { coverage: '100%' }).score).toBe(5);
    expect(item('二.4', { coverage: '99.99%' }).score).toBe(0);
  });

  test('a blank field leaves the item incomplete and the total open', () => {
    const s = scoreUnit(rubric, { name: '缺项', inputs: { ...perfect, '一.3': { report: '是', accuracy: '100%' } } });
    expect(s.items['一.3'].status).toBe('incomplete');
    expect(s.final).toBeNull();
    expect(s.complete).toBe(false);
  });
});

describe('鹤岗 2022 附件1 县、区 — ranking', () => {
  test('one group, competition ranks only, no honours or criticism (K9)', () => {
    const r = scoreRoster(rubric, [
      { name: '县区乙', inputs: yi },
      { name: '县区甲', inputs: perfect },
      { name: '县区丙', inputs: bing },
      { name: '县区丁', inputs: ding, notApplicable: ['四', '二.5'] },
    ]);
    const rank = Object.fromEntries(r.units.map((u) => [u.name, u.rank]));
    expect(rank).toEqual({ 县区甲: 1, 县区丁: 2, 县区乙: 3, 县区丙: 4 }); // 100, 85, 32.5, 0
    for (const u of r.units) expect(u.labels).toEqual([]);
  });
});
