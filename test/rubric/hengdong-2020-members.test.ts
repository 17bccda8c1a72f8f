/**
 * 衡东县 2020 附件2（东信建〔2020〕02号）: hand-computed units. Every expectation comes from the
 * document's rules (with the readings recorded in the rubric notes) and arithmetic shown inline.
 */
import { loadBuiltinRubric } from '../../src/rubric/catalog';
import { scoreRoster, scoreUnit } from '../../src/scoring/score';
import type { UnitInput } from '../../src/scoring/score';

const rubric = loadBuiltinRubric('hengdong-2020-members');

type Inputs = NonNullable<UnitInput['inputs']>;

/** Every indicator filled; tests override what they need. */
function inputs(over: Inputs = {}): Inputs {
  const base: Inputs = {
    一: { leader: '是', leadOffice: '是', dutyOffices: '是', liaison: '是' },
    二: { plan: '是', opinion: '是', system: '是' },
    '三.1': { catalog: '制定并盖章确认且目录完整' },
    '三.2': { score: 25 },
    '三.3': { score: 3 },
    '三.4': { score: 3 },
    '三.5': { score: 3 },
    '四.1': { issued: '是' },
    '四.2': { score: 10 },
    '四.3': { score: 5 },
    五: { commitments: 20 },
    六: { reports: 10 },
    七: { firms: 10 },
    八: { share: '80%', noSevere: '否' },
    '九.1': { activities: 4 },
    '九.2': { adopted: 6 },
    十: { missed: 0 },
  };
  return { ...base, ...over };
}

// ------------------------------------------------------------------ the five units named in the analysis

const 县公安局: UnitInput = {
  name: '县公安局',
  group: '成员单位',
  inputs: inputs({
    一: { leader: '是', leadOffice: '是', dutyOffices: '是', liaison: '是' }, // 4 elements, none missing → 4
    二: { plan: '是', opinion: '是', system: '是' }, // 3 of 3 → 4
    '三.1': { catalog: '制定并盖章确认且目录完整' }, // → 3
    '三.2': { score: 22.5 },
    '三.3': { score: 3 },
    '三.4': { score: 2.5 },
    '三.5': { score: 3 },
    '四.1': { issued: '是' }, // → 5
    '四.2': { score: 8 },
    '四.3': { score: 5 },
    五: { commitments: 25 }, // 25 × 0.5 = 12.5, cap 10 → 10
    六: { reports: 10 }, // 10 × 0.5 = 5, exactly the cap → 5
    七: { firms: 3 }, // 3 × 0.5 = 1.5
    八: { share: '75%', noSevere: '否' }, // 80 − 75 = 5 points below, floor(5/10) = 0 steps → 5
    '九.1': { activities: 5 }, // 5 × 0.5 = 2.5, cap 2 → 2
    '九.2': { adopted: 4 }, // 4 × 0.5 = 2
    十: { missed: 0 }, // 5 − 0 = 5
  }),
  bonus: 15, // 第四条: no cap
};

const 县税务局: UnitInput = {
  name: '县税务局',
  group: '成员单位',
  inputs: inputs({
    一: { leader: '是', leadOffice: '是', dutyOffices: '否', liaison: '是' }, // 1 missing → 4 − 1 = 3
    二: { plan: '是', opinion: '否', system: '是' }, // 1 missing → 4 − 1 = 3
    '三.1': { catalog: '制定并盖章确认但目录不完整' }, // → 1
    '三.2': { score: 20 },
    '三.3': { score: 2 },
    '三.4': { score: 3 },
    '三.5': { score: 1.5 },
    '四.1': { issued: '否' }, // → 0
    '四.2': { score: 6 },
    '四.3': { score: 3 },
    五: { commitments: 7 }, // 7 × 0.5 = 3.5
    六: { reports: 0 }, // 0 → 0 (未开展不得分)
    七: { firms: 10 }, // 10 × 0.5 = 5, exactly the cap
    八: { share: '55%', noSevere: '否' }, // 80 − 55 = 25, floor(25/10) = 2 steps → 5 − 2 = 3
    '九.1': { activities: 0 }, // 0 → 0 (未开展诚信宣传活动的不得分)
    '九.2': { adopted: 6 }, // 6 × 0.5 = 3, exactly the cap
    十: { missed: 2 }, // 5 − 2 = 3
  }),
};

const 县交警大队: UnitInput = {
  name: '县交警大队',
  group: '成员单位',
  inputs: inputs({
    一: { leader: '√', leadOffice: '√', dutyOffices: '√', liaison: '√' }, // → 4
    二: { plan: '是', opinion: '是', system: '是' }, // → 4
    '三.1': { catalog: '未制定或未盖章确认' }, // → 0
    '三.2': { score: 25 },
    '三.3': { score: 3 },
    '三.4': { score: 3 },
    '三.5': { score: 3 },
    '四.1': { issued: '是' }, // → 5
    '四.2': { score: 10 },
    '四.3': { score: 5 },
    五: { commitments: 20 }, // 20 × 0.5 = 10, exactly the cap
    六: { reports: 11 }, // 11 × 0.5 = 5.5, cap 5 → 5
    七: { firms: 0 }, // → 0
    八: { share: '70%', noSevere: '否' }, // 80 − 70 = 10, exactly 1 step → 5 − 1 = 4 (4 under every reading)
    '九.1': { activities: 4 }, // 4 × 0.5 = 2, exactly the cap
    '九.2': { adopted: 7 }, // 7 × 0.5 = 3.5, cap 3 → 3
    十: { missed: 7 }, // 5 − 7 < 0 → floored at 0
  }),
};

const 县编办: UnitInput = {
  name: '县编办',
  group: '成员单位',
  inputs: inputs({
    一: { leader: '否', leadOffice: '否', dutyOffices: '否', liaison: '否' }, // 4 missing → 4 − 4 = 0
    二: { plan: '否', opinion: '否', system: '否' }, // none of 3 → 0 (H4; literal 4 − 3 would be 1)
    '三.1': { catalog: '未制定或未盖章确认' }, // → 0
    '三.2': { score: 0 },
    '三.3': { score: 0 },
    '三.4': { score: 1 },
    '三.5': { score: 0 },
    '四.1': { issued: '否' }, // → 0
    '四.2': { score: 0 },
    '四.3': { score: 0 },
    五: { commitments: 0 }, // → 0
    六: { reports: 1 }, // 1 × 0.5 = 0.5
    七: { firms: 0 }, // → 0
    八: { share: '20%', noSevere: '否' }, // 80 − 20 = 60, 6 steps → 5 − 6 < 0 → 0
    '九.1': { activities: 1 }, // 1 × 0.5 = 0.5
    '九.2': { adopted: 0 }, // → 0
    十: { missed: 5 }, // 5 − 5 = 0
  }),
};

const 县医保局: UnitInput = {
  name: '县医保局',
  group: '成员单位',
  inputs: inputs({
    一: { leader: '是', leadOffice: '否', dutyOffices: '否', liaison: '否' }, // 3 missing → 4 − 3 = 1
    二: { plan: '是', opinion: '否', system: '否' }, // 2 missing → 4 − 2 = 2
    '三.1': { catalog: '制定并盖章确认且目录完整' }, // → 3
    '三.2': { score: 12.5 },
    '三.3': { score: 1 },
    '三.4': { score: 0 },
    '三.5': { score: 2 },
    '四.1': { issued: '是' }, // → 5
    '四.2': { score: 2.5 },
    '四.3': { score: 0 },
    五: { commitments: 1 }, // 0.5
    六: { reports: 3 }, // 1.5
    七: { firms: 9 }, // 4.5
    八: { noSevere: '是' }, // no severely dishonest enterprise: no deduction → 5 (share left blank)
    '九.1': { activities: 3 }, // 1.5
    '九.2': { adopted: 5 }, // 2.5
    十: { missed: 1 }, // 5 − 1 = 4
  }),
};

function itemScores(u: ReturnType<typeof scoreUnit>) {
  return Object.fromEntries(Object.entries(u.items).map(([k, v]) => [k, v.score]));
}

describe('衡东2020 附件2 rubric file', () => {
  it('has the printed structure: ten headings adding up to 100, 17 scorable rows', () => {
    expect(rubric.fullMarks).toBe(100);
    expect(rubric.categories.map((c) => [c.id, c.points])).toEqual([
      ['一', 4],
      ['二', 4],
      ['三', 37], // 3 + 25 + 3 + 3 + 3
      ['四', 20], // 5 + 10 + 5
      ['五', 10],
      ['六', 5],
      ['七', 5],
      ['八', 5],
      ['九', 5], // 九.1 2 + 九.2 3 (H1)
      ['十', 5],
    ]);
    // 4 + 4 + 37 + 20 + 10 + 5 + 5 + 5 + 5 + 5 = 100
    expect(rubric.categories.reduce((s, c) => s + (c.points ?? 0), 0)).toBe(100);
    expect(rubric.categories.flatMap((c) => c.indicators.map((i) => i.id))).toEqual([
      '一',
      '二',
      '三.1',
      '三.2',
      '三.3',
      '三.4',
      '三.5',
      '四.1',
      '四.2',
      '四.3',
      '五',
      '六',
      '七',
      '八',
      '九.1',
      '九.2',
      '十',
    ]);
  });

  it('has the annex-level settings the document implies', () => {
    expect(rubric.aggregation).toEqual({ mode: 'sum' });
    expect(rubric.notApplicable).toBe('not_allowed');
    expect(rubric.bands).toBeNull();
    expect(rubric.fraud).toBe('none');
    expect(rubric.bonus).toMatchObject({ kind: 'manual', max: null });
    expect(rubric.ranking.groups).toEqual([expect.objectContaining({ id: '成员单位', honours: [], criticism: [] })]);
  });

  it('lists the 36 units of 附件1 in printed order (row by row)', () => {
    const names = rubric.defaultRoster?.map((u) => u.name);
    expect(names).toHaveLength(36);
    expect(names?.slice(0, 4)).toEqual(['县发改局', '人民银行衡东县支行', '县公安局', '县司法局']);
    expect(names?.slice(-4)).toEqual(['县税务局', '县交警大队', '县医保局', '县编办']);
    expect(names?.[26]).toBe('市生态环境局衡东分局');
    expect(rubric.defaultRoster?.every((u) => u.group === '成员单位')).toBe(true);
  });

  it('keeps 八 to its repair-rate rule and moves the 0.5-per-activity sentence to 九.1 (H1)', () => {
    const ind = (id: string) => rubric.categories.flatMap((c) => c.indicators).find((i) => i.id === id)!;
    expect(ind('八').criteria).not.toContain('年内每开展一次');
    expect(ind('九.1').criteria).toContain('年内每开展一次得0.5分，最高不超过2分');
    expect(ind('九.1').points).toBe(2);
    expect(ind('九.2').points).toBe(3);
  });
});

describe('衡东2020 附件2 hand-computed units', () => {
  it('县公安局: caps exceeded, 75% costs nothing under the whole-step reading, uncapped bonus', () => {
    const u = scoreUnit(rubric, 县公安局);
    expect(itemScores(u)).toEqual({
      一: 4,
      二: 4,
      '三.1': 3,
      '三.2': 22.5,
      '三.3': 3,
      '三.4': 2.5,
      '三.5': 3,
      '四.1': 5,
      '四.2': 8,
      '四.3': 5,
      五: 10,
      六: 5,
      七: 1.5,
      八: 5,
      '九.1': 2,
      '九.2': 2,
      十: 5,
    });
    expect(u.categories['三']).toEqual({ score: 34, max: 37 }); // 3 + 22.5 + 3 + 2.5 + 3 = 34
    expect(u.categories['四']).toEqual({ score: 18, max: 20 }); // 5 + 8 + 5 = 18
    expect(u.categories['九']).toEqual({ score: 4, max: 5 }); // 2 + 2 = 4
    // 4 + 4 + 34 + 18 + 10 + 5 + 1.5 + 5 + 4 + 5 = 90.5
    expect(u.base).toBe(90.5);
    // bonus 15, no cap (第四条) → 90.5 + 15 = 105.5, above 100
    expect(u.bonus).toBe(15);
    expect(u.final).toBe(105.5);
    expect(u.band).toBeNull(); // no grades in the document
    expect(u.complete).toBe(true);
  });

  it('县税务局: one element missing in 一 and 二, 55% → 3, caps met exactly', () => {
    const u = scoreUnit(rubric, 县税务局);
    expect(itemScores(u)).toEqual({
      一: 3,
      二: 3,
      '三.1': 1,
      '三.2': 20,
      '三.3': 2,
      '三.4': 3,
      '三.5': 1.5,
      '四.1': 0,
      '四.2': 6,
      '四.3': 3,
      五: 3.5,
      六: 0,
      七: 5,
      八: 3,
      '九.1': 0,
      '九.2': 3,
      十: 3,
    });
    expect(u.categories['一']).toEqual({ score: 3, max: 4 });
    expect(u.categories['二']).toEqual({ score: 3, max: 4 });
    expect(u.categories['三']).toEqual({ score: 27.5, max: 37 }); // 1 + 20 + 2 + 3 + 1.5
    expect(u.categories['四']).toEqual({ score: 9, max: 20 }); // 0 + 6 + 3
    expect(u.categories['九']).toEqual({ score: 3, max: 5 }); // 0 + 3
    // 3 + 3 + 27.5 + 9 + 3.5 + 0 + 5 + 3 + 3 + 3 = 60
    expect(u.base).toBe(60);
    expect(u.final).toBe(60); // no bonus
  });

  it('县交警大队: 70% → 4, count caps exceeded, 十 floored at 0', () => {
    const u = scoreUnit(rubric, 县交警大队);
    expect(itemScores(u)).toEqual({
      一: 4,
      二: 4,
      '三.1': 0,
      '三.2': 25,
      '三.3': 3,
      '三.4': 3,
      '三.5': 3,
      '四.1': 5,
      '四.2': 10,
      '四.3': 5,
      五: 10,
      六: 5,
      七: 0,
      八: 4,
      '九.1': 2,
      '九.2': 3,
      十: 0,
    });
    expect(u.categories['三']).toEqual({ score: 34, max: 37 }); // 0 + 25 + 3 + 3 + 3
    expect(u.categories['四']).toEqual({ score: 20, max: 20 });
    expect(u.categories['八']).toEqual({ score: 4, max: 5 });
    expect(u.categories['九']).toEqual({ score: 5, max: 5 }); // 2 + 3
    expect(u.categories['十']).toEqual({ score: 0, max: 5 });
    // 4 + 4 + 34 + 20 + 10 + 5 + 0 + 4 + 5 + 0 = 86
    expect(u.base).toBe(86);
    expect(u.final).toBe(86);
  });

  it('县编办: 20% → 0, none of 二 → 0 (not 1), everything near the floor', () => {
    const u = scoreUnit(rubric, 县编办);
    expect(itemScores(u)).toEqual({
      一: 0,
      二: 0,
      '三.1': 0,
      '三.2': 0,
      '三.3': 0,
      '三.4': 1,
      '三.5': 0,
      '四.1': 0,
      '四.2': 0,
      '四.3': 0,
      五: 0,
      六: 0.5,
      七: 0,
      八: 0,
      '九.1': 0.5,
      '九.2': 0,
      十: 0,
    });
    expect(u.categories['二']).toEqual({ score: 0, max: 4 }); // H4: literal 4 − 3 × 1 = 1 is rejected
    expect(u.categories['三']).toEqual({ score: 1, max: 37 });
    expect(u.categories['九']).toEqual({ score: 0.5, max: 5 });
    // 0 + 0 + 1 + 0 + 0 + 0.5 + 0 + 0 + 0.5 + 0 = 2
    expect(u.base).toBe(2);
    expect(u.final).toBe(2);
  });

  it('县医保局: no severely dishonest enterprise → 八 keeps 5 without a rate', () => {
    const u = scoreUnit(rubric, 县医保局);
    expect(itemScores(u)).toEqual({
      一: 1,
      二: 2,
      '三.1': 3,
      '三.2': 12.5,
      '三.3': 1,
      '三.4': 0,
      '三.5': 2,
      '四.1': 5,
      '四.2': 2.5,
      '四.3': 0,
      五: 0.5,
      六: 1.5,
      七: 4.5,
      八: 5,
      '九.1': 1.5,
      '九.2': 2.5,
      十: 4,
    });
    expect(u.items['八'].status).toBe('scored');
    expect(u.categories['一']).toEqual({ score: 1, max: 4 }); // 4 − 3 = 1 (一 has no zero-if-all-missing clause)
    expect(u.categories['二']).toEqual({ score: 2, max: 4 }); // 4 − 2 = 2
    expect(u.categories['三']).toEqual({ score: 18.5, max: 37 }); // 3 + 12.5 + 1 + 0 + 2
    expect(u.categories['四']).toEqual({ score: 7.5, max: 20 }); // 5 + 2.5 + 0
    expect(u.categories['九']).toEqual({ score: 4, max: 5 }); // 1.5 + 2.5
    // 1 + 2 + 18.5 + 7.5 + 0.5 + 1.5 + 4.5 + 5 + 4 + 4 = 48.5
    expect(u.base).toBe(48.5);
    expect(u.final).toBe(48.5);
    expect(u.complete).toBe(true);
  });
});

describe('衡东2020 八: threshold and whole steps (H2)', () => {
  const rate = (share: string | number) =>
    scoreUnit(rubric, { name: '县发改局', inputs: inputs({ 八: { share, noSevere: '否' } }) }).items['八'].score;

  it('exactly 80% is “达80%”: no deduction', () => {
    expect(rate('80%')).toBe(5);
  });
  it('79% is “80%以下” but less than one full 10-point step: no deduction (fails under ceil)', () => {
    expect(rate('79%')).toBe(5); // floor(1/10) = 0
  });
  it('75%: floor(5/10) = 0 → 5 (ceil would give 4, prorata 4.5)', () => {
    expect(rate('75%')).toBe(5);
  });
  it('60% exactly two steps → 3; 59.5% still two whole steps → 3', () => {
    expect(rate('60%')).toBe(3); // (80 − 60)/10 = 2
    expect(rate('59.5%')).toBe(3); // floor(20.5/10) = 2
  });
  it('30% → 0 and 0% → 0 (floor at 0)', () => {
    expect(rate('30%')).toBe(0); // 5 steps → 5 − 5 = 0
    expect(rate('0%')).toBe(0); // 8 steps → floored at 0
  });
  it('100% → 5; a bare 70 reads as 70 %', () => {
    expect(rate('100%')).toBe(5);
    expect(rate(70)).toBe(4); // 1 step
  });
});

describe('衡东2020: blanks, out-of-range scores and not-applicable', () => {
  it('a blank discretionary score leaves the item and the total incomplete, never 0', () => {
    const u = scoreUnit(rubric, { name: '县发改局', inputs: inputs({ '三.2': {} }) });
    expect(u.items['三.2'].status).toBe('incomplete');
    expect(u.items['三.2'].score).toBeNull();
    expect(u.categories['三'].score).toBeNull();
    expect(u.base).toBeNull();
    expect(u.final).toBeNull();
    expect(u.complete).toBe(false);
  });

  it('a discretionary score above the printed maximum is rejected (三.2 max 25)', () => {
    const u = scoreUnit(rubric, { name: '县发改局', inputs: inputs({ '三.2': { score: 26 } }) });
    expect(u.items['三.2'].status).toBe('invalid');
    expect(u.items['三.2'].score).toBeNull();
    expect(u.base).toBeNull();
  });

  it('a full-marks unit scores exactly 100 (every item attainable after H1)', () => {
    const u = scoreUnit(rubric, { name: '县发改局', inputs: inputs() });
    // 4 + 4 + 37 + 20 + 10 + 5 + 5 + 5 (80%) + 5 (2 + 3) + 5 = 100
    expect(u.base).toBe(100);
    expect(u.final).toBe(100);
  });

  it('the document defines no 不涉及: marking an item not applicable is an error', () => {
    const u = scoreUnit(rubric, { name: '县发改局', inputs: inputs(), notApplicable: ['六'] });
    expect(u.items['六'].status).toBe('invalid');
    expect(u.base).toBeNull();
  });
});

describe('衡东2020 roster', () => {
  it('ranks the five units by final score with no honours or criticism', () => {
    const r = scoreRoster(rubric, [县编办, 县医保局, 县税务局, 县交警大队, 县公安局]);
    const by = Object.fromEntries(r.units.map((u) => [u.name, u]));
    // finals: 公安局 105.5, 交警大队 86, 税务局 60, 医保局 48.5, 编办 2
    expect(by['县公安局'].rank).toBe(1);
    expect(by['县交警大队'].rank).toBe(2);
    expect(by['县税务局'].rank).toBe(3);
    expect(by['县医保局'].rank).toBe(4);
    expect(by['县编办'].rank).toBe(5);
    expect(r.units.every((u) => u.labels.length === 0)).toBe(true);
  });

  it('ties share a rank (competition ranking 1, 1, 3)', () => {
    const r = scoreRoster(rubric, [
      { ...县税务局, name: '甲' },
      { ...县税务局, name: '乙' },
      { ...县编办, name: '丙' },
    ]);
    expect(r.units.map((u) => [u.name, u.rank])).toEqual(
      expect.arrayContaining([
        ['甲', 1],
        ['乙', 1],
        ['丙', 3],
      ]),
    );
  });
});
