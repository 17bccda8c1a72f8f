/**
 * 亳州市 2017 县区考核指标 (003_a66c753c0774c4b4.txt): hand-computed units. Every expectation comes
 * from the document's rules and the readings recorded in the rubric notes (B1–B15), with the
 * arithmetic shown next to it; none is copied from the engine's output.
 */
import { loadBuiltinRubric } from '../../src/rubric/catalog';
import { scoreRoster, scoreUnit } from '../../src/scoring/score';
import type { UnitInput } from '../../src/scoring/score';

const rubric = loadBuiltinRubric('bozhou-2017-counties');
type Inputs = NonNullable<UnitInput['inputs']>;

const P1 = { gov: '以县、区政府名义制定印发', office: '以县、区政府办名义制定印发', other: '以其他方式制定印发', none: '未制定印发' };
const P14 = {
  strict: '严格按照目录和格式等标准规范报送',
  direct: '未按标准规范报送但系统能直接录入和识别',
  manual: '通过人工加工和识别后才能录入平台',
  fail: '无法录入平台',
};

/** 县区A: nearly everything achieved, several caps exceeded, boundaries 2 天 / 30 家 / exactly the standard. */
const inputsA: Inputs = {
  '1': { plan: P1.gov, record: '是', govern: '是' },
  '2': { plan: '是' },
  '3': { plan: '是', opinion: '是' },
  '4': { plan: '是', records: '是' },
  '5': { county: '是', dept: '是', articles: 6 },
  '6': { school: '是', training: '是', induction: '是' },
  '7': { platform: '是', staff: '是' },
  '8': { platform: '是', downDays: 2 },
  '9': { catalog: '是', entries: 120, powers: 100 },
  '10': { depts: 30 },
  '11': { updated: 12.5, standard: 10 },
  '12': { auto: 8, onTime: 8, total: 8, missed: '否' }, // every directory auto-updates
  '13': { withKey: 950, records: 1000 },
  '14': { level: P14.strict },
  '15': { uses: 8 },
  '16': { catalog: '是' },
  '17': { reported: 3000, standard: 3000 },
  '18': { depts: 35 },
  '19': { inTime: 180, updated: 200 },
  '20': { score: 2 },
  '21': { score: 1.5 },
  '22': { fields: 9 },
  '23': { score: 4 },
  '24': { pilot2016: '是', sites2017: 2 },
  '25': { fields2016: 2, sites2017: 3 },
};
const expectedA: Record<string, number> = {
  '1': 5, // 政府名义 3 + 1 + 1 = 5
  '2': 3,
  '3': 6, // 3 + 3
  '4': 3, // 2 + 1
  '5': 8, // 4 + 2 + min(2, 6 × 0.5 = 3) = 8 (cap exceeded)
  '6': 3,
  '7': 3,
  '8': 3, // 2 天 = 「不超过2天」 → 3
  '9': 5, // 3 + 2 × min(1, 120/100) = 5 = attainableMax (printed 6, B1)
  '10': 5, // 30 家 = 「30家以上」 → 5 (boundary goes up)
  '11': 6, // 12.5 ≥ 10 万条 → 6 × min(1, 1.25) = 6
  '12': 4, // 全部自动更新：8/8 × 4 = 4
  '13': 5.7, // 950/1000 × 6 = 5.7
  '14': 4,
  '15': 6, // min(6, 8 × 1) = 6
  '16': 2,
  '17': 3, // 3000/3000 × 3 = 3 (exactly the standard)
  '18': 3, // min(3, 35 × 0.1 = 3.5) = 3
  '19': 1.8, // 180/200 × 2 = 1.8
  '20': 2,
  '21': 1.5,
  '22': 7, // min(7, 9) = 7
  '23': 4,
  '24': 2, // 1 + 2 × 1 = 3 → cap 2
  '25': 2, // 2 × 0.5 + 3 × 0.5 = 2.5 → cap 2
};
const categoriesA = {
  一: 17, // 5 + 3 + 6 + 3
  二: 11, // 8 + 3
  三: 16, // 3 + 3 + 5 + 5 (item 9 cannot reach 6)
  四: 19.7, // 6 + 4 + 5.7 + 4
  五: 6,
  六: 9.8, // 2 + 3 + 3 + 1.8
  七: 14.5, // 2 + 1.5 + 7 + 4
  八: 4, // 2 + 2
};
// 17 + 11 + 16 + 19.7 + 6 + 9.8 + 14.5 + 4 = 98

/** 县区B: middling; item 12 case 6/8 (B6), item 15 claimed with false material (B13). */
const inputsB: Inputs = {
  '1': { plan: P1.office, record: '否', govern: '是' },
  '2': { plan: '否' },
  '3': { plan: '是', opinion: '否' },
  '4': { plan: '否', records: '是' },
  '5': { county: '否', dept: '是', articles: 3 },
  '6': { school: '是', training: '否', induction: '是' },
  '7': { platform: '是', staff: '否' },
  '8': { platform: '是', downDays: 2.5 },
  '9': { catalog: '是', entries: 45, powers: 60 },
  '10': { depts: 20 },
  '11': { updated: 4.5, standard: 6 },
  '12': { auto: 6, onTime: 7, total: 8, missed: '否' },
  '13': { withKey: 800, records: 1000 },
  '14': { level: P14.direct },
  '15': { uses: 8 },
  '16': { catalog: '否' },
  '17': { reported: 1500, standard: 2000 },
  '18': { depts: 29 },
  '19': { inTime: 150, updated: 200 },
  '20': { score: 1 },
  '21': { score: 0.5 },
  '22': { fields: 5 },
  '23': { score: 2.5 },
  '24': { pilot2016: '否', sites2017: 1 },
  '25': { fields2016: 1, sites2017: 0 },
};
const expectedB: Record<string, number> = {
  '1': 3, // 政府办名义 2 + 0 + 1 = 3
  '2': 0,
  '3': 3, // 3 + 0
  '4': 1, // 0 + 1
  '5': 3.5, // 0 + 2 + 3 × 0.5 = 3.5
  '6': 2, // 1 + 0 + 1
  '7': 2, // 2 + 0
  '8': 2, // 2 < 2.5 < 4 → 2
  '9': 4.5, // 3 + 45/60 × 2 = 3 + 1.5
  '10': 3, // 20 家 = 「20家以上」 → 3
  '11': 4.5, // 4.5/6 × 6 = 4.5
  '12': 3, // 部分自动更新：6/8 × 4 = 3 (县区B in the analysis)
  '13': 4.8, // 800/1000 × 6 = 4.8
  '14': 2,
  '15': 0, // 8 claimed, but false material → 0 (三.2)
  '16': 0,
  '17': 2.25, // 1500/2000 × 3 = 2.25
  '18': 2.9, // 29 × 0.1 = 2.9 (exact, no 2.9000000000000004)
  '19': 1.5, // 150/200 × 2 = 1.5
  '20': 1,
  '21': 0.5,
  '22': 5, // 5 × 1
  '23': 2.5,
  '24': 1, // 0 + 1 × 1
  '25': 0.5, // 1 × 0.5 + 0
};
const categoriesB = {
  一: 7, // 3 + 0 + 3 + 1
  二: 5.5, // 3.5 + 2
  三: 11.5, // 2 + 2 + 4.5 + 3
  四: 14.3, // 4.5 + 3 + 4.8 + 2
  五: 0, // item 15 zeroed for false material
  六: 6.65, // 0 + 2.25 + 2.9 + 1.5
  七: 9, // 1 + 0.5 + 5 + 2.5
  八: 1.5, // 1 + 0.5
};
// 7 + 5.5 + 11.5 + 14.3 + 0 + 6.65 + 9 + 1.5 = 55.45

/** 县区C: item 12 case 均未自动更新 5/10 (B6), zero denominators, lower tiers, above the standard (note item-11). */
const inputsC: Inputs = {
  '1': { plan: P1.other, record: '否', govern: '否' },
  '2': { plan: '是' },
  '3': { plan: '否', opinion: '否' },
  '4': { plan: '是', records: '否' },
  '5': { county: '是', dept: '否', articles: 4 },
  '6': { school: '否', training: '否', induction: '否' },
  '7': { platform: '是', staff: '是' },
  '8': { platform: '是', downDays: 4 },
  '9': { catalog: '否', entries: 0, powers: 0 },
  '10': { depts: 19 },
  '11': { updated: 3, standard: 2 },
  '12': { auto: 0, onTime: 5, total: 10, missed: '否' },
  '13': { withKey: 0, records: 0 },
  '14': { level: P14.manual },
  '15': { uses: 3 },
  '16': { catalog: '是' },
  '17': { reported: 0, standard: 500 },
  '18': { depts: 0 },
  '19': { inTime: 0, updated: 0 },
  '20': { score: 0 },
  '21': { score: 2 },
  '22': { fields: 0 },
  '23': { score: 0 },
  '24': { pilot2016: '是', sites2017: 0 },
  '25': { fields2016: 0, sites2017: 4 },
};
const expectedC: Record<string, number> = {
  '1': 1, // 其他方式 1 + 0 + 0
  '2': 3,
  '3': 0,
  '4': 2, // 2 + 0
  '5': 6, // 4 + 0 + min(2, 4 × 0.5 = 2) = 6 (exactly the cap)
  '6': 0,
  '7': 3,
  '8': 1, // 4 天: not 「低于4天」 → 其它情况 1
  '9': 0, // not issued 0 + 权力事项数 0 → ratio part 0 (note item-9)
  '10': 1, // 19 家 → 「20家以下」 1
  '11': 6, // 3 ≥ 2 万条: above the standard → 6 × min(1, 1.5) = 6 (note item-11)
  '12': 1, // 均未自动更新 (0 auto): 0/10 × 4 + 5/10 × 2 = 1 (县区C in the analysis)
  '13': 0, // 0/0 → 0 (note item-13)
  '14': 1,
  '15': 3, // 3 × 1
  '16': 2,
  '17': 0, // 0/500 × 3
  '18': 0, // 0 × 0.1
  '19': 0, // 0/0 → 0 (note item-19)
  '20': 0,
  '21': 2,
  '22': 0,
  '23': 0,
  '24': 1, // 1 + 0
  '25': 2, // 0 + 4 × 0.5 = 2 (exactly the cap)
};
const categoriesC = {
  一: 6, // 1 + 3 + 0 + 2
  二: 6, // 6 + 0
  三: 5, // 3 + 1 + 0 + 1
  四: 8, // 6 + 1 + 0 + 1
  五: 3,
  六: 2, // 2 + 0 + 0 + 0
  七: 2, // 0 + 2 + 0 + 0
  八: 3, // 1 + 2
};
// 6 + 6 + 5 + 8 + 3 + 2 + 2 + 3 = 35

/** 县区D: gates and zero tiers — item 12 gate (B6), no platform (B4), 0 departments (B3). */
const inputsD: Inputs = {
  '1': { plan: P1.none, record: '否', govern: '否' },
  '2': { plan: '否' },
  '3': { plan: '否', opinion: '否' },
  '4': { plan: '否', records: '否' },
  '5': { county: '否', dept: '否', articles: 0 },
  '6': { school: '否', training: '否', induction: '否' },
  '7': { platform: '否', staff: '否' },
  '8': { platform: '否' }, // no platform: the day count is left blank
  '9': { catalog: '否', entries: 0, powers: 50 },
  '10': { depts: 0 },
  '11': { updated: 0, standard: 5 },
  '12': { missed: '是' }, // the gate needs no directory counts
  '13': { withKey: 0, records: 100 },
  '14': { level: P14.fail },
  '15': { uses: 1 },
  '16': { catalog: '否' },
  '17': { reported: 0, standard: 100 },
  '18': { depts: 0 },
  '19': { inTime: 0, updated: 10 },
  '20': { score: 0 },
  '21': { score: 0 },
  '22': { fields: 7 },
  '23': { score: 0 },
  '24': { pilot2016: '否', sites2017: 0 },
  '25': { fields2016: 0, sites2017: 0 },
};
const expectedD: Record<string, number> = {
  ...Object.fromEntries(Object.keys(inputsD).map((k) => [k, 0])),
  '8': 0, // 未建成平台 → 0 (literal 「其它情况」 would give 1)
  '10': 0, // 0 家 → 0 (literal 「20家以下」 would give 1)
  '12': 0, // 当月有更新却未更新 → whole item 0 (县区D in the analysis)
  '14': 0, // 无法录入平台
  '15': 1, // 1 × 1
  '22': 7, // 7 领域 = 「7个或7个以上」 → 7
};
const categoriesD = { 一: 0, 二: 0, 三: 0, 四: 0, 五: 1, 六: 0, 七: 7, 八: 0 };
// 1 + 7 = 8

function checkUnit(
  name: string,
  inputs: Inputs,
  expected: Record<string, number>,
  categories: Record<string, number>,
  total: number,
  extra: Partial<UnitInput> = {},
) {
  const s = scoreUnit(rubric, { name, inputs, ...extra });
  for (const [id, score] of Object.entries(expected)) {
    expect({ id, status: s.items[id].status }).toEqual({ id, status: 'scored' });
    expect({ id, score: s.items[id].score }).toEqual({ id, score });
  }
  for (const [id, score] of Object.entries(categories)) expect({ id, score: s.categories[id].score }).toEqual({ id, score });
  expect(s.complete).toBe(true);
  expect(s.base).toBe(total);
  expect(s.bonus).toBe(0);
  expect(s.final).toBe(total);
  expect(s.band).toBeNull();
  return s;
}

describe('亳州 2017 县区 — loading', () => {
  test('25 indicators in 8 categories, printed 100, item 9 attainable 5', () => {
    expect(rubric.categories.map((c) => c.id)).toEqual(['一', '二', '三', '四', '五', '六', '七', '八']);
    const ids = rubric.categories.flatMap((c) => c.indicators.map((i) => i.id));
    expect(ids).toEqual(Array.from({ length: 25 }, (_, i) => String(i + 1)));
    expect(rubric.categories.map((c) => c.points)).toEqual([17, 11, 17, 20, 6, 10, 15, 4]);
    const nine = rubric.categories[2].indicators.find((i) => i.id === '9');
    expect(nine?.points).toBe(6);
    expect(nine?.attainableMax).toBe(5);
    expect(rubric.documentNumber).toBeNull();
    expect(rubric.fraud).toBe('item_zero');
    expect(rubric.notApplicable).toBe('not_allowed');
  });
});

describe('亳州 2017 县区 — hand-computed units', () => {
  test('县区A: 98 (the most any county can get is 99, item 9 tops out at 5)', () => {
    checkUnit('县区A', inputsA, expectedA, categoriesA, 98);
  });

  test('县区B: 55.45 with item 15 zeroed for false material', () => {
    const s = checkUnit('县区B', inputsB, expectedB, categoriesB, 55.45, { fraud: ['15'] });
    expect(s.fraud).toBe(true);
  });

  test('县区B without the fraud flag: item 15 = min(6, 8) = 6, total 55.45 + 6 = 61.45', () => {
    checkUnit('县区B′', inputsB, { ...expectedB, '15': 6 }, { ...categoriesB, 五: 6 }, 61.45);
  });

  test('县区C: 35', () => {
    checkUnit('县区C', inputsC, expectedC, categoriesC, 35);
  });

  test('县区D: 8; gates and zero tiers', () => {
    checkUnit('县区D', inputsD, expectedD, categoriesD, 8);
  });

  test('a perfect county reaches 99, not 100 (B1, no rescaling of item 9)', () => {
    // A with 1.5 → 2 on 21, 5.7 → 6 on 13 (all records complete), 1.8 → 2 on 19: 98 + 0.5 + 0.3 + 0.2 = 99
    const s = scoreUnit(rubric, {
      name: '满分县',
      inputs: { ...inputsA, '13': { withKey: 1000, records: 1000 }, '19': { inTime: 200, updated: 200 }, '21': { score: 2 } },
    });
    expect(s.items['9'].score).toBe(5);
    expect(s.final).toBe(99);
  });
});

describe('亳州 2017 县区 — single items at their boundaries', () => {
  const item = (id: string, values: Inputs[string]) => scoreUnit(rubric, { name: 'x', inputs: { ...inputsA, [id]: values } }).items[id];

  test('item 8 tiers on days (B4): ≤2 → 3, (2,4) → 2, ≥4 → 1, no platform → 0', () => {
    expect(item('8', { platform: '是', downDays: 0 }).score).toBe(3); // 全年未中断
    expect(item('8', { platform: '是', downDays: 2 }).score).toBe(3); // 不超过2天
    expect(item('8', { platform: '是', downDays: 2.01 }).score).toBe(2); // 超过2天
    expect(item('8', { platform: '是', downDays: 3.99 }).score).toBe(2); // 低于4天
    expect(item('8', { platform: '是', downDays: 4 }).score).toBe(1); // 其它情况
    expect(item('8', { platform: '是', downDays: 30 }).score).toBe(1);
    expect(item('8', { platform: '否', downDays: 0 }).score).toBe(0); // gate beats the days
    expect(item('8', { platform: '否' }).status).toBe('scored');
  });

  test('item 10 tiers (B3): 30 → 5, 29 → 3, 20 → 3, 19 → 1, 1 → 1, 0 → 0', () => {
    expect(item('10', { depts: 31 }).score).toBe(5);
    expect(item('10', { depts: 30 }).score).toBe(5);
    expect(item('10', { depts: 29 }).score).toBe(3);
    expect(item('10', { depts: 20 }).score).toBe(3);
    expect(item('10', { depts: 19 }).score).toBe(1);
    expect(item('10', { depts: 1 }).score).toBe(1);
    expect(item('10', { depts: 0 }).score).toBe(0);
  });

  test('items 11 and 17 (B5): meeting the county standard gives full points, below it pro rata', () => {
    expect(item('11', { updated: 10, standard: 10 }).score).toBe(6); // met exactly
    expect(item('11', { updated: 9.99, standard: 10 }).score).toBe(5.99); // 9.99/10 × 6 = 5.994 → shown 5.99
    expect(item('11', { updated: 2, standard: 3 }).exact).toBe('4'); // 2/3 × 6 = 4
    expect(item('17', { reported: 250, standard: 1000 }).score).toBe(0.75); // 0.25 × 3
    expect(item('17', { reported: 1200, standard: 1000 }).score).toBe(3); // above the standard: clamp
  });

  test('item 12 (B6): the gate zeroes the whole item, not only the late directories', () => {
    expect(item('12', { auto: 8, onTime: 8, total: 8, missed: '是' }).score).toBe(0);
  });

  test('item 12 (note item-12): the case follows from the counts, not from a separate choice', () => {
    expect(item('12', { auto: 8, onTime: 8, total: 8, missed: '否' }).score).toBe(4); // 全部：8/8 × 4
    expect(item('12', { auto: 1, onTime: 1, total: 74, missed: '否' }).score).toBe(0.05); // 部分：1/74 × 4 = 0.054… → 0.05
    expect(item('12', { auto: 6, onTime: 8, total: 8, missed: '否' }).score).toBe(3); // 部分：6/8 × 4
    expect(item('12', { auto: 0, onTime: 8, total: 8, missed: '否' }).score).toBe(2); // 均未：8/8 × 2, at most 2
    expect(item('12', { auto: 0, onTime: 0, total: 8, missed: '否' }).score).toBe(0); // 均未, none on time
    expect(item('12', { auto: 3, onTime: 3, total: 0, missed: '否' }).score).toBe(0); // no directories
    // with some automatic updates the 均未 clause does not apply, so its count may stay blank
    expect(item('12', { auto: 6, total: 8, missed: '否' })).toMatchObject({ status: 'scored', score: 3 });
    // …but with none it is needed
    expect(item('12', { auto: 0, total: 8, missed: '否' }).status).toBe('incomplete');
    // a part of the directories above their number is a typing error, never 100 %
    expect(item('12', { auto: 9, onTime: 9, total: 8, missed: '否' })).toMatchObject({
      status: 'invalid',
      reason: '按更新频率要求自动更新的目录数填写有误：9 大于共享目录总数 8，请核对',
    });
    expect(item('12', { auto: 0, onTime: 9, total: 8, missed: '否' }).status).toBe('invalid');
  });

  test('items 13 and 19: a part above its whole is a typing error, not 100 %', () => {
    expect(item('13', { withKey: 120, records: 100 })).toMatchObject({
      status: 'invalid',
      reason: '包含关键信息的数据条数填写有误：120 大于数据总条数 100，请核对',
    });
    expect(item('19', { inTime: 11, updated: 10 }).status).toBe('invalid');
    expect(item('13', { withKey: 100, records: 100 }).score).toBe(6);
  });

  test('items 11 and 17: a standard of 0 is a typing error, not full marks (notes item-11, item-17)', () => {
    const eleven = item('11', { updated: 3, standard: 0 });
    expect(eleven.status).toBe('invalid');
    expect(eleven.reason).toBe(
      '本县区数据更新考核标准（万条）填写有误：不能为 0（本项按「本县区信用信息年度更新数据量（万条）/本县区数据更新考核标准（万条）」计分）',
    );
    expect(item('17', { reported: 0, standard: 0 }).status).toBe('invalid');
  });

  test('item scores are rounded to 2 places before they are summed, so the printed figures add up (note rounding)', () => {
    // A with 9: 3 + 1/3 × 2 = 3.666… → 3.67 and 19: 1/3 × 2 = 0.666… → 0.67
    const s = scoreUnit(rubric, {
      name: '取舍县',
      inputs: { ...inputsA, '9': { catalog: '是', entries: 1, powers: 3 }, '19': { inTime: 1, updated: 3 } },
    });
    expect([s.items['9'].score, s.items['9'].exact, s.items['19'].score]).toEqual([3.67, '367/100', 0.67]);
    expect(s.items['19'].reason).toBe(
      '7个工作日内公示比例：自作出行政决定之日起7个工作日内公示的信息数量/更新信息数量 = 1/3 × 2 分，得 0.67 分（四舍五入保留 2 位小数）',
    );
    // 三 = 3 + 3 + 3.67 + 5 = 14.67; 六 = 2 + 3 + 3 + 0.67 = 8.67
    expect([s.categories['三'].score, s.categories['六'].score]).toEqual([14.67, 8.67]);
    // 17 + 11 + 14.67 + 19.7 + 6 + 8.67 + 14.5 + 4 = 95.54 (summing the exact items would give 95.533… → 95.53)
    expect(s.final).toBe(95.54);
  });

  test('item 18 (B7): continuous at 30 departments', () => {
    expect(item('18', { depts: 1 }).score).toBe(0.1);
    expect(item('18', { depts: 29 }).score).toBe(2.9);
    expect(item('18', { depts: 30 }).score).toBe(3);
    expect(item('18', { depts: 31 }).score).toBe(3);
  });

  test('item 5 (B12): 2 points once for departmental campaigns; media 0.5 per article, cap 2', () => {
    expect(item('5', { county: '否', dept: '是', articles: 1 }).score).toBe(2.5);
    expect(item('5', { county: '否', dept: '否', articles: 5 }).score).toBe(2);
  });

  test('items 24 and 25 (B11): the cap of 2 applies to the sum of the 2016 and 2017 parts', () => {
    expect(item('24', { pilot2016: '否', sites2017: 5 }).score).toBe(2);
    expect(item('24', { pilot2016: '是', sites2017: 1 }).score).toBe(2);
    expect(item('25', { fields2016: 1, sites2017: 2 }).score).toBe(1.5);
    expect(item('25', { fields2016: 3, sites2017: 2 }).score).toBe(2); // 2.5 → 2
  });

  test('manual items 20, 21, 23 (B9): within [0, item max], never clamped silently', () => {
    expect(item('23', { score: 3.5 }).score).toBe(3.5);
    expect(item('20', { score: 2.5 }).status).toBe('invalid'); // above 2
    expect(item('23', { score: 4.5 }).status).toBe('invalid'); // above 4
  });

  test('a blank field leaves the item incomplete and the total open, never 0', () => {
    const s = scoreUnit(rubric, { name: '缺项县', inputs: { ...inputsA, '13': { withKey: 950 } } });
    expect(s.items['13'].status).toBe('incomplete');
    expect(s.items['13'].score).toBeNull();
    expect(s.categories['四'].score).toBeNull();
    expect(s.final).toBeNull();
    expect(s.complete).toBe(false);
  });

  test('不涉及 is not allowed in this document', () => {
    const s = scoreUnit(rubric, { name: 'NA县', inputs: inputsA, notApplicable: ['15'] });
    expect(s.items['15'].status).toBe('invalid');
    expect(s.final).toBeNull();
  });
});

describe('亳州 2017 县区 — ranking (按分值高低进行位次排序)', () => {
  test('one group, competition ranks, no honours or criticism', () => {
    const r = scoreRoster(rubric, [
      { name: '县区C', inputs: inputsC },
      { name: '县区A', inputs: inputsA },
      { name: '县区B', inputs: inputsB, fraud: ['15'] },
      { name: '县区D', inputs: inputsD },
      { name: '县区A2', inputs: inputsA },
    ]);
    const byName = Object.fromEntries(r.units.map((u) => [u.name, u]));
    // 98, 98, 55.45, 35, 8 → 1, 1, 3, 4, 5
    expect(byName['县区A'].rank).toBe(1);
    expect(byName['县区A2'].rank).toBe(1);
    expect(byName['县区B'].rank).toBe(3);
    expect(byName['县区C'].rank).toBe(4);
    expect(byName['县区D'].rank).toBe(5);
    for (const u of r.units) {
      expect(u.group).toBe('县区');
      expect(u.labels).toEqual([]);
    }
  });
});
