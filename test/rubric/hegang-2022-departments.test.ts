/**
 * 鹤岗市 2022 附件2 市直部门 (004_9bc00c2aedaa74f9.txt, 鹤信用办发〔2022〕4号): hand-computed units.
 * Score = 100 − deductions; 不涉及 keeps full points (K4). Expectations come from the document's
 * rules and the readings in the rubric notes (K2, K4–K7), with the arithmetic shown; none is
 * copied from the engine's output.
 */
import { loadBuiltinRubric } from '../../src/rubric/catalog';
import { scoreRoster, scoreUnit } from '../../src/scoring/score';
import type { UnitInput } from '../../src/scoring/score';

const rubric = loadBuiltinRubric('hegang-2022-departments');
type Inputs = NonNullable<UnitInput['inputs']>;

/** 市直甲: nothing to deduct, thresholds met exactly. */
const perfect: Inputs = {
  '一.1': { done: '是' },
  '一.2': { selfCheck: '是', accuracy: '100%', timeliness: '100%' },
  '一.3': { reported: '是' },
  '一.4': { uncorrected: '是', aboveAverage: '否' }, // K6: both must hold to deduct
  '一.5': { complete: '是' },
  '二.1': { done: '是' },
  '二.2': { done: '是' },
  '二.3': { held: '是' },
  '二.4': { done: '是' },
  '二.5': { submitted: '是' },
  '二.6': { share: '1%', deptListed: '否' }, // 超过1%: exactly 1 % passes
  '三.1': { pushed: '是' },
  '三.2': { pushed: '是', published: '是', checked: '是' },
  '三.3': { started: '是', document: '是', published: '是', applied: '是' },
  四: { rate: 80 }, // 低于80%: exactly 80 % passes
  五: { held: '是' },
  六: { reports: 10 }, // 不得少于10篇: exactly 10 passes
};
const full = {
  '一.1': 5,
  '一.2': 10,
  '一.3': 5,
  '一.4': 5,
  '一.5': 5,
  '二.1': 5,
  '二.2': 5,
  '二.3': 5,
  '二.4': 5,
  '二.5': 5,
  '二.6': 5,
  '三.1': 10,
  '三.2': 5,
  '三.3': 5,
  四: 5,
  五: 5,
  六: 10,
};
const fullCats = { 一: 30, 二: 30, 三: 20, 四: 5, 五: 5, 六: 10 };

/** 市直乙: mixed failures, values just past thresholds. */
const yi: Inputs = {
  '一.1': { done: '是' },
  '一.2': { selfCheck: '否', accuracy: '100%', timeliness: '99%' },
  '一.3': { reported: '是' },
  '一.4': { uncorrected: '是', aboveAverage: '是' },
  '一.5': { complete: '是' },
  '二.1': { done: '否' },
  '二.2': { done: '是' },
  '二.3': { held: '是' },
  '二.4': { done: '否' },
  '二.5': { submitted: '是' },
  '二.6': { share: '1.5%', deptListed: '是' },
  '三.1': { pushed: '否' },
  '三.2': { pushed: '是', published: '否', checked: '是' },
  '三.3': { started: '是', document: '是', published: '是', applied: '否' },
  四: { rate: '79%' },
  五: { held: '是' },
  六: { reports: 9 },
};
const yiItems = {
  '一.1': 5,
  '一.2': 0, // 10 − 5 (未自检自查) − 5 (及时率 99 % < 100 %)
  '一.3': 5,
  '一.4': 0, // uncorrected and above the city average → 5 − 5
  '一.5': 5,
  '二.1': 0, // 5 − 5
  '二.2': 5,
  '二.3': 5,
  '二.4': 0, // 5 − 5
  '二.5': 5,
  '二.6': 0, // 1.5 % > 1 % → −2.5; 本部门被列入失信被执行人 → −2.5
  '三.1': 0, // 10 − 10
  '三.2': 2.5, // 未公开公示 → −2.5 (once)
  '三.3': 0, // one of the four failures (未有效应用) → 5 − 5
  四: 0, // 79 % < 80 % → 5 − 5
  五: 5,
  六: 0, // 9 < 10 → 10 − 10
};
const yiCats = {
  一: 15, // 5 + 0 + 5 + 0 + 5
  二: 15, // 0 + 5 + 5 + 0 + 5 + 0
  三: 2.5, // 0 + 2.5 + 0
  四: 0,
  五: 5,
  六: 0,
};
// deductions 10 + 5 + 5 + 5 + 5 + 10 + 2.5 + 5 + 5 + 10 = 62.5 → 100 − 62.5 = 37.5

/** 市直丙: every deduction → 0. */
const bing: Inputs = {
  '一.1': { done: '否' },
  '一.2': { selfCheck: '否', accuracy: '50%', timeliness: '50%' },
  '一.3': { reported: '否' },
  '一.4': { uncorrected: '是', aboveAverage: '是' },
  '一.5': { complete: '否' },
  '二.1': { done: '否' },
  '二.2': { done: '否' },
  '二.3': { held: '否' },
  '二.4': { done: '否' },
  '二.5': { submitted: '否' },
  '二.6': { share: '2%', deptListed: '是' },
  '三.1': { pushed: '否' },
  '三.2': { pushed: '否', published: '否', checked: '否' },
  '三.3': { started: '否', document: '否', published: '否', applied: '否' },
  四: { rate: '0%' },
  五: { held: '否' },
  六: { reports: 0 },
};

/** 市直丁: not a 重点领域 unit (三.3 不涉及), no repair cases (四 不涉及), blank there; two 红黑名单 failures. */
const ding: Inputs = {
  ...perfect,
  '三.2': { pushed: '否', published: '否', checked: '是' },
  '三.3': {},
  四: {},
  五: { held: '否' },
};

function check(s: ReturnType<typeof scoreUnit>, items: Record<string, number>, cats: Record<string, number>, total: number) {
  for (const [id, score] of Object.entries(items)) expect({ id, score: s.items[id].score }).toEqual({ id, score });
  for (const [id, score] of Object.entries(cats)) expect({ id, score: s.categories[id].score }).toEqual({ id, score });
  expect(s.complete).toBe(true);
  expect(s.base).toBe(total);
  expect(s.final).toBe(total);
  expect(s.band).toBeNull();
}

describe('鹤岗 2022 附件2 市直部门 — loading', () => {
  test('17 indicators, deduction scoring from 100, 不涉及 keeps full points', () => {
    expect(rubric.categories.map((c) => [c.id, c.points])).toEqual([
      ['一', 30],
      ['二', 30],
      ['三', 20],
      ['四', 5],
      ['五', 5],
      ['六', 10],
    ]);
    expect(rubric.categories.flatMap((c) => c.indicators.map((i) => i.id))).toEqual(Object.keys(full));
    expect(rubric.aggregation).toEqual({ mode: 'deduct_from_base', base: 100 });
    expect(rubric.notApplicable).toBe('full_points');
    expect(rubric.ranking.groups.map((g) => g.id)).toEqual(['市直部门']);
    for (const c of rubric.categories) for (const i of c.indicators) expect(i.rule.kind).toBe('deduct_if');
  });
});

describe('鹤岗 2022 附件2 市直部门 — hand-computed units', () => {
  test('市直甲: every threshold met exactly → 100', () => {
    check(scoreUnit(rubric, { name: '市直甲', group: '市直部门', inputs: perfect }), full, fullCats, 100);
  });

  test('市直乙: mixed failures → 37.5', () => {
    check(scoreUnit(rubric, { name: '市直乙', inputs: yi }), yiItems, yiCats, 37.5);
  });

  test('市直丙: every deduction → 0, no item below 0', () => {
    const zeros = Object.fromEntries(Object.keys(full).map((k) => [k, 0]));
    // 一.2: 5 (自检自查) + 5 once for both rates (K2) = 10; 三.2: 2.5 once for 推送/公示 + 2.5 核查 = 5
    check(scoreUnit(rubric, { name: '市直丙', inputs: bing }), zeros, { 一: 0, 二: 0, 三: 0, 四: 0, 五: 0, 六: 0 }, 0);
  });

  test('市直丁: 不涉及 keeps full points (K4, K6) → 92.5', () => {
    const s = scoreUnit(rubric, { name: '市直丁', inputs: ding, notApplicable: ['三.3', '四'] });
    expect(s.items['三.3'].status).toBe('not_applicable');
    expect(s.items['四'].status).toBe('not_applicable');
    check(
      s,
      {
        ...full,
        '三.2': 2.5, // 未及时推送 and 未公开公示: one 2.5 deduction (K6)
        '三.3': 5, // 不涉及 → full
        四: 5, // 不涉及 → full
        五: 0, // 5 − 5
      },
      { ...fullCats, 三: 17.5, 五: 0 }, // 三: 10 + 2.5 + 5
      92.5, // 100 − 2.5 − 5
    );
  });
});

describe('鹤岗 2022 附件2 市直部门 — readings', () => {
  const item = (id: string, values: Inputs[string]) => scoreUnit(rubric, { name: 'x', inputs: { ...perfect, [id]: values } }).items[id];

  test('K6 一.4: deducted only when the codes are uncorrected AND the local rate is above the city average', () => {
    expect(item('一.4', { uncorrected: '是', aboveAverage: '是' }).score).toBe(0);
    expect(item('一.4', { uncorrected: '是', aboveAverage: '否' }).score).toBe(5);
    expect(item('一.4', { uncorrected: '否', aboveAverage: '是' }).score).toBe(5);
  });

  test('K6 三.3: any one of the four failures costs 5, several cost 5 once', () => {
    expect(item('三.3', { started: '否', document: '是', published: '是', applied: '是' }).score).toBe(0);
    expect(item('三.3', { started: '是', document: '否', published: '是', applied: '是' }).score).toBe(0);
    expect(item('三.3', { started: '是', document: '是', published: '否', applied: '是' }).score).toBe(0);
    expect(item('三.3', { started: '否', document: '否', published: '否', applied: '否' }).score).toBe(0);
  });

  test('K2 一.2: both rates below 100 % cost 5 once', () => {
    expect(item('一.2', { selfCheck: '是', accuracy: '98%', timeliness: '97%' }).score).toBe(5); // 10 − 5, not 0
    expect(item('一.2', { selfCheck: '是', accuracy: '99.99%', timeliness: '100%' }).score).toBe(5);
  });

  test('K5 thresholds: 1 %, 80 %, 10 篇 pass exactly at the threshold', () => {
    expect(item('二.6', { share: '1%', deptListed: '否' }).score).toBe(5);
    expect(item('二.6', { share: '1.01%', deptListed: '否' }).score).toBe(2.5);
    expect(item('四', { rate: '80%' }).score).toBe(5);
    expect(item('四', { rate: '79.9%' }).score).toBe(0);
    expect(item('六', { reports: 10 }).score).toBe(10);
    expect(item('六', { reports: 9 }).score).toBe(0);
  });
});

describe('鹤岗 2022 附件2 市直部门 — ranking', () => {
  test('one group, competition ranks only, no honours or criticism (K9)', () => {
    const r = scoreRoster(rubric, [
      { name: '市直丙', inputs: bing },
      { name: '市直乙', inputs: yi },
      { name: '市直丁', inputs: ding, notApplicable: ['三.3', '四'] },
      { name: '市直甲', inputs: perfect },
      { name: '市直甲2', inputs: perfect },
    ]);
    const rank = Object.fromEntries(r.units.map((u) => [u.name, u.rank]));
    expect(rank).toEqual({ 市直甲: 1, 市直甲2: 1, 市直丁: 3, 市直乙: 4, 市直丙: 5 }); // 100, 100, 92.5, 37.5, 0
    for (const u of r.units) expect(u.labels).toEqual([]);
  });
});
