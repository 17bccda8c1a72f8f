/**
 * 平顶山 2020 附件1 市直成员单位 (平信用办〔2020〕8号, 000_8294a048d728ae6f.txt).
 * Every expectation is computed by hand from the document's 评分标准 and the readings recorded in
 * the rubric notes (P1–P4, P9–P11, G1, G3); the arithmetic is in the comment next to it.
 */
import { loadBuiltinRubric } from '../../src/rubric/catalog';
import { scoreRoster, scoreUnit } from '../../src/scoring/score';

const rubric = loadBuiltinRubric('pingdingshan-2020-departments');
const GROUP = '市直部门';
const Y = '是';
const N = '否';

type Inputs = Record<string, Record<string, string | number>>;

/** Every field filled so that each item earns its printed maximum (base 100). */
function full(): Inputs {
  return {
    '一.1': { leader: Y, office: Y, liaison: Y },
    '一.2': { rules: Y, industry: Y },
    '二.1': { reported: Y },
    '二.2': { reported: Y },
    '三.1': { measures: Y },
    '三.2': { kinds: 3 },
    '四.1': { own: Y, joined: Y },
    '四.2': { reports: 5 },
    '四.3': { own: Y, city: Y },
    '五.1': { docs: Y, cases: 5 },
    '五.2': { system: Y, reported: Y },
  };
}

function withOverrides(over: Inputs): Inputs {
  const base = full();
  for (const [id, fields] of Object.entries(over)) base[id] = { ...base[id], ...fields };
  return base;
}

const item = (r: ReturnType<typeof scoreUnit>, id: string) => r.items[id].score;
const cat = (r: ReturnType<typeof scoreUnit>, id: string) => r.categories[id].score;

describe('rubric file', () => {
  test('loads and carries the document settings', () => {
    expect(rubric.id).toBe('pingdingshan-2020-departments');
    expect(rubric.documentNumber).toBe('平信用办〔2020〕8号');
    expect(rubric.fullMarks).toBe(100);
    expect(rubric.aggregation).toEqual({ mode: 'sum' });
    expect(rubric.notApplicable).toBe('not_allowed');
    expect(rubric.bonus).toMatchObject({ kind: 'manual', max: 10, label: '工作创新（附加分）' });
    expect(rubric.bands?.basis).toBe('final');
    expect(rubric.ranking.groups).toEqual([{ id: '市直部门', label: '市直成员单位', honours: [], criticism: [] }]);
    expect(rubric.fraud).toBe('none');
    // 25 + 20 + 20 + 15 + 20 = 100, 11 indicators
    expect(rubric.categories.map((c) => c.points)).toEqual([25, 20, 20, 15, 20]);
    expect(rubric.categories.flatMap((c) => c.indicators).length).toBe(11);
  });
});

describe('unit A 市发改委: everything done, counts above their caps, bonus above its cap', () => {
  const r = scoreUnit(rubric, {
    name: '市发改委',
    group: GROUP,
    inputs: withOverrides({
      '三.2': { kinds: 4 }, // 4 kinds × 5 = 20 → cap 15
      '四.2': { reports: 8 }, // 8 × 1 = 8 → cap 5
      '五.1': { cases: 7 }, // cases 7 × 1 = 7 → part cap 5
    }),
    bonus: 12, // 总加分不得超过10分 → 10 (P10), with a warning
  });

  test('items', () => {
    expect(item(r, '一.1')).toBe(5); // 3 elements present → 5
    expect(item(r, '一.2')).toBe(20); // 10 + 10
    expect(item(r, '二.1')).toBe(10);
    expect(item(r, '二.2')).toBe(10);
    expect(item(r, '三.1')).toBe(5);
    expect(item(r, '三.2')).toBe(15); // min(15, 4 × 5 = 20) = 15
    expect(item(r, '四.1')).toBe(5); // 3 + 2
    expect(item(r, '四.2')).toBe(5); // min(5, 8 × 1) = 5
    expect(item(r, '四.3')).toBe(5); // 3 + 2
    expect(item(r, '五.1')).toBe(10); // 5 + min(5, 7) = 10
    expect(item(r, '五.2')).toBe(10); // 5 + 5
  });

  test('subtotals, bonus cap, final, band', () => {
    expect(cat(r, '一')).toBe(25); // 5 + 20
    expect(cat(r, '二')).toBe(20); // 10 + 10
    expect(cat(r, '三')).toBe(20); // 5 + 15
    expect(cat(r, '四')).toBe(15); // 5 + 5 + 5
    expect(cat(r, '五')).toBe(20); // 10 + 10
    expect(r.base).toBe(100); // 25 + 20 + 20 + 15 + 20
    expect(r.bonus).toBe(10); // 12 typed, capped at 10 (P10)
    expect(r.final).toBe(110); // 100 + 10: final may exceed 100
    expect(r.band).toBe('优秀'); // 110 ≥ 90
    expect(r.complete).toBe(true);
    expect(r.problems.length).toBeGreaterThan(0); // the bonus cap is reported, not silent
  });
});

describe('unit B 市公安局: one part of several items missing (P1, P2, P3, P4)', () => {
  const r = scoreUnit(rubric, {
    name: '市公安局',
    group: GROUP,
    inputs: {
      '一.1': { leader: Y, office: N, liaison: Y },
      '一.2': { rules: Y, industry: N },
      '二.1': { reported: Y },
      '二.2': { reported: N },
      '三.1': { measures: N },
      '三.2': { kinds: 1 }, // one kind (信用承诺) used many times: P2 counts kinds, not uses
      '四.1': { own: N, joined: Y },
      '四.2': { reports: 5 },
      '四.3': { own: N, city: Y },
      '五.1': { docs: N, cases: 3 },
      '五.2': { system: Y, reported: N },
    },
    bonus: 0,
  });

  test('items', () => {
    expect(item(r, '一.1')).toBe(3); // P1: one element missing → 5 − 2 = 3
    expect(item(r, '一.2')).toBe(10); // 10 + 0
    expect(item(r, '二.1')).toBe(10);
    expect(item(r, '二.2')).toBe(0); // 不按时按要求 → 0
    expect(item(r, '三.1')).toBe(0); // 未制定 → 0
    expect(item(r, '三.2')).toBe(5); // P2: 1 kind × 5 = 5 (counting uses would give 15)
    expect(item(r, '四.1')).toBe(2); // 0 + 2
    expect(item(r, '四.2')).toBe(5); // 5 × 1 = 5, exactly at the cap
    expect(item(r, '四.3')).toBe(2); // P3: 没自主举办 cancels only its 3; city training 2 stays (gate reading: 0)
    expect(item(r, '五.1')).toBe(3); // P4: no document 0 + 3 cases × 1 = 3 (whole-item 缺报 gate: 0)
    expect(item(r, '五.2')).toBe(5); // P4: 制度 5 + 未报送红黑榜 0 = 5 (whole-item gate: 0)
  });

  test('subtotals, final, band', () => {
    expect(cat(r, '一')).toBe(13); // 3 + 10
    expect(cat(r, '二')).toBe(10); // 10 + 0
    expect(cat(r, '三')).toBe(5); // 0 + 5
    expect(cat(r, '四')).toBe(9); // 2 + 5 + 2
    expect(cat(r, '五')).toBe(8); // 3 + 5
    expect(r.base).toBe(45); // 13 + 10 + 5 + 9 + 8
    expect(r.bonus).toBe(0);
    expect(r.final).toBe(45);
    expect(r.band).toBe('不合格'); // 45 < 60
  });
});

describe('unit C 市税务局: two elements missing, zero counts', () => {
  const r = scoreUnit(rubric, {
    name: '市税务局',
    group: GROUP,
    inputs: {
      '一.1': { leader: Y, office: N, liaison: N },
      '一.2': { rules: N, industry: Y },
      '二.1': { reported: N },
      '二.2': { reported: Y },
      '三.1': { measures: Y },
      '三.2': { kinds: 0 },
      '四.1': { own: Y, joined: N },
      '四.2': { reports: 0 },
      '四.3': { own: Y, city: N },
      '五.1': { docs: Y, cases: 5 },
      '五.2': { system: N, reported: Y },
    },
    bonus: 0,
  });

  test('items', () => {
    expect(item(r, '一.1')).toBe(1); // P1: 少两项 → 5 − 2 × 2 = 1
    expect(item(r, '一.2')).toBe(10); // 0 + 10
    expect(item(r, '二.1')).toBe(0);
    expect(item(r, '二.2')).toBe(10);
    expect(item(r, '三.1')).toBe(5);
    expect(item(r, '三.2')).toBe(0); // 没有的不得分: 0 × 5
    expect(item(r, '四.1')).toBe(3); // 3 + 0
    expect(item(r, '四.2')).toBe(0); // 0 × 1
    expect(item(r, '四.3')).toBe(3); // 3 + 0
    expect(item(r, '五.1')).toBe(10); // 5 + min(5, 5 × 1) = 10, exactly at the case cap
    expect(item(r, '五.2')).toBe(5); // 0 + 5
  });

  test('subtotals, final, band', () => {
    expect(cat(r, '一')).toBe(11); // 1 + 10
    expect(cat(r, '二')).toBe(10); // 0 + 10
    expect(cat(r, '三')).toBe(5); // 5 + 0
    expect(cat(r, '四')).toBe(6); // 3 + 0 + 3
    expect(cat(r, '五')).toBe(15); // 10 + 5
    expect(r.base).toBe(47); // 11 + 10 + 5 + 6 + 15
    expect(r.final).toBe(47);
    expect(r.band).toBe('不合格');
  });
});

describe('unit D 市人社局: nothing 明确 in 一.1 (floor), three product kinds', () => {
  const r = scoreUnit(rubric, {
    name: '市人社局',
    group: GROUP,
    inputs: withOverrides({ '一.1': { leader: N, office: N, liaison: N }, '三.2': { kinds: 3 } }),
  });

  test('items, subtotals, final', () => {
    expect(item(r, '一.1')).toBe(0); // 未明确的不得分: 5 − 3 × 2 = −1 → 0 (zeroIfAllMissing), never negative
    expect(item(r, '三.2')).toBe(15); // 3 kinds × 5 = 15 = cap
    expect(cat(r, '一')).toBe(20); // 0 + 20
    expect(cat(r, '三')).toBe(20); // 5 + 15
    expect(r.base).toBe(95); // 100 − 5
    expect(r.bonus).toBe(0); // no bonus given
    expect(r.final).toBe(95);
    expect(r.band).toBe('优秀');
  });
});

describe('bands (G1: on the final score with bonus; G3: on the rounded final)', () => {
  // base 80 = 100 − 二.1 10 − 二.2 10
  const base80 = withOverrides({ '二.1': { reported: N }, '二.2': { reported: N } });
  // base 70 = base 80 − 一.2 industry 10
  const base70 = withOverrides({ '二.1': { reported: N }, '二.2': { reported: N }, '一.2': { industry: N } });
  // base 60 = base 80 − 一.2 20
  const base60 = withOverrides({ '二.1': { reported: N }, '二.2': { reported: N }, '一.2': { rules: N, industry: N } });
  // base 55 = base 60 − 三.1 5
  const base55 = withOverrides({
    '二.1': { reported: N },
    '二.2': { reported: N },
    '一.2': { rules: N, industry: N },
    '三.1': { measures: N },
  });
  const run = (inputs: Inputs, bonus: number) => scoreUnit(rubric, { name: 'x', group: GROUP, inputs, bonus });

  test.each([
    {
      inputs: base80,
      bonus: 10,
      base: 80,
      final: 90,
      band: '优秀',
      why: '80 + 10 = 90 ≥ 90 含本数 → 优秀 (G1: on the base 80 it would be 良好)',
    },
    { inputs: base80, bonus: 9.99, base: 80, final: 89.99, band: '良好', why: '80 + 9.99 = 89.99 < 90 → 良好' },
    { inputs: base80, bonus: 0, base: 80, final: 80, band: '良好', why: '80 含本数 → 良好' },
    { inputs: base70, bonus: 9.99, base: 70, final: 79.99, band: '合格', why: '70 + 9.99 = 79.99 < 80 → 合格' },
    { inputs: base70, bonus: 10, base: 70, final: 80, band: '良好', why: '70 + 10 = 80 含本数 → 良好' },
    { inputs: base60, bonus: 0, base: 60, final: 60, band: '合格', why: '60 含本数 → 合格' },
    { inputs: base55, bonus: 4.99, base: 55, final: 59.99, band: '不合格', why: '55 + 4.99 = 59.99 < 60 → 不合格' },
  ])('$why', ({ inputs, bonus, base, final, band }) => {
    const r = run(inputs, bonus);
    expect(r.base).toBe(base);
    expect(r.final).toBe(final);
    expect(r.band).toBe(band);
  });
  test('a bonus of 9.995 (more places than the 2 the scores are kept to) is refused, not rounded into 良好', () => {
    const r = run(base70, 9.995);
    expect(r.final).toBeNull();
    expect(r.problems.map((p) => p.message)).toContain('x：工作创新（附加分）「9.995」最多保留 2 位小数');
  });
});

describe('incomplete input', () => {
  test('a blank field leaves its item (and the total) unscored, never 0', () => {
    const inputs = full();
    inputs['四.2'] = { reports: '' };
    const r = scoreUnit(rubric, { name: '市教育局', group: GROUP, inputs });
    expect(r.items['四.2'].score).toBeNull();
    expect(r.items['四.2'].status).toBe('incomplete');
    expect(r.items['四.1'].score).toBe(5);
    expect(r.complete).toBe(false);
    expect(r.final).toBeNull();
    expect(r.band).toBeNull();
  });
});

describe('ranking (D4, P9)', () => {
  test('competition ranks within 市直部门, no honour or criticism labels', () => {
    const units = [
      // 110: full + bonus 10
      { name: '市发改委', group: GROUP, inputs: full(), bonus: 10 },
      // 45: unit B above, rebuilt: 3+10+10+0+0+5+2+5+2+3+5
      {
        name: '市公安局',
        group: GROUP,
        inputs: {
          '一.1': { leader: Y, office: N, liaison: Y },
          '一.2': { rules: Y, industry: N },
          '二.1': { reported: Y },
          '二.2': { reported: N },
          '三.1': { measures: N },
          '三.2': { kinds: 1 },
          '四.1': { own: N, joined: Y },
          '四.2': { reports: 5 },
          '四.3': { own: N, city: Y },
          '五.1': { docs: N, cases: 3 },
          '五.2': { system: Y, reported: N },
        },
      },
      // 95: 一.1 all missing
      { name: '市人社局', group: GROUP, inputs: withOverrides({ '一.1': { leader: N, office: N, liaison: N } }) },
      // 95: 四.2 0 篇 (−5)
      { name: '市民政局', group: GROUP, inputs: withOverrides({ '四.2': { reports: 0 } }) },
      // 80 + 5 = 85
      { name: '市财政局', group: GROUP, inputs: withOverrides({ '二.1': { reported: N }, '二.2': { reported: N } }), bonus: 5 },
    ];
    const out = scoreRoster(rubric, units);
    const byName = Object.fromEntries(out.units.map((u) => [u.name, u]));
    expect(byName['市发改委'].final).toBe(110);
    expect(byName['市人社局'].final).toBe(95);
    expect(byName['市民政局'].final).toBe(95);
    expect(byName['市财政局'].final).toBe(85);
    expect(byName['市公安局'].final).toBe(45);
    // 110 → 1; 95, 95 → 2, 2; 85 → 4; 45 → 5
    expect(byName['市发改委'].rank).toBe(1);
    expect(byName['市人社局'].rank).toBe(2);
    expect(byName['市民政局'].rank).toBe(2);
    expect(byName['市财政局'].rank).toBe(4);
    expect(byName['市公安局'].rank).toBe(5);
    // P9: the document gives no N for 表彰 / 通报批评 → no labels at all
    for (const u of out.units) expect(u.labels).toEqual([]);
  });
});
