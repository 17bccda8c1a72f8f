/**
 * 平顶山 2020 附件2 县（市、区）、城乡一体化示范区、高新区 (平信用办〔2020〕8号,
 * 000_8294a048d728ae6f.txt). Every expectation is computed by hand from the document's 评分标准
 * and the readings recorded in the rubric notes (X1, P4–P11, G1, G3); arithmetic in the comments.
 * The annex prints 100 points but its rules can award at most 95 (P8: 五.1 printed 15, rule ≤ 10).
 */
import { loadBuiltinRubric } from '../../src/rubric/catalog';
import { scoreRoster, scoreUnit } from '../../src/scoring/score';

const rubric = loadBuiltinRubric('pingdingshan-2020-counties');
const GROUP = '县区';
const Y = '是';
const N = '否';

type Inputs = Record<string, Record<string, string | number>>;

/** Every field filled so that each item earns the most its rule can award (base 95). */
function full(): Inputs {
  return {
    '一.1': { set: Y },
    '一.2': { plan: Y, tasks: Y, redblack: Y, liaison: Y, joint: Y },
    '二.1': { reported: Y },
    '二.2': { reported: Y },
    '三.1': { rules: Y },
    '三.2': { applied: Y },
    '四.1': { own: Y, joined: Y },
    '四.2': { reports: 5 },
    '四.3': { own: Y, attended: Y, missed: 0 },
    '五.1': { docs: Y, cases: 5 },
    '五.2': { rules: Y, regional: Y },
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
    expect(rubric.id).toBe('pingdingshan-2020-counties');
    expect(rubric.documentNumber).toBe('平信用办〔2020〕8号');
    expect(rubric.fullMarks).toBe(100);
    expect(rubric.aggregation).toEqual({ mode: 'sum' });
    expect(rubric.notApplicable).toBe('not_allowed');
    expect(rubric.bonus).toMatchObject({ kind: 'manual', max: 10, label: '工作创新（附加分）' });
    expect(rubric.bands?.basis).toBe('final');
    expect(rubric.ranking.groups.map((g) => [g.id, g.honours, g.criticism])).toEqual([['县区', [], []]]);
    expect(rubric.fraud).toBe('none');
    // 15 + 20 + 20 + 15 + 30 = 100 printed
    expect(rubric.categories.map((c) => c.points)).toEqual([15, 20, 20, 15, 30]);
    const i51 = rubric.categories.flatMap((c) => c.indicators).find((i) => i.id === '五.1');
    expect(i51?.points).toBe(15); // printed
    expect(i51?.attainableMax).toBe(10); // P8: 5 + 5
    // P6 must be flagged prominently on 四.1
    const p6 = rubric.notes.find((n) => n.id === 'P6');
    expect(p6?.about).toBe('四.1');
    expect(p6?.text.startsWith('【重要')).toBe(true);
  });
});

describe('unit 1 卫东区: everything done, counts above caps, bonus above its cap', () => {
  const r = scoreUnit(rubric, {
    name: '卫东区',
    group: GROUP,
    inputs: withOverrides({ '四.2': { reports: 9 }, '五.1': { cases: 8 } }),
    bonus: 15, // 总加分不得超过10分 → 10 (P10), with a warning
  });

  test('items', () => {
    expect(item(r, '一.1')).toBe(5);
    expect(item(r, '一.2')).toBe(10); // plan issued, 4 elements present → 10
    expect(item(r, '二.1')).toBe(10);
    expect(item(r, '二.2')).toBe(10);
    expect(item(r, '三.1')).toBe(5);
    expect(item(r, '三.2')).toBe(15);
    expect(item(r, '四.1')).toBe(5); // P6 repaired: 3 + 2 (literal reading: at most 3)
    expect(item(r, '四.2')).toBe(5); // min(5, 9 × 1) = 5
    expect(item(r, '四.3')).toBe(5); // 3 + (2 − 0 × 1)
    expect(item(r, '五.1')).toBe(10); // P8: 5 + min(5, 8 × 1) = 10, not 15 and not rescaled
    expect(item(r, '五.2')).toBe(15); // 7 + 8
  });

  test('subtotals, bonus cap, final, band', () => {
    expect(cat(r, '一')).toBe(15); // 5 + 10
    expect(cat(r, '二')).toBe(20); // 10 + 10
    expect(cat(r, '三')).toBe(20); // 5 + 15
    expect(cat(r, '四')).toBe(15); // 5 + 5 + 5
    expect(cat(r, '五')).toBe(25); // 10 + 15: printed 30, attainable 25
    expect(r.base).toBe(95); // 15 + 20 + 20 + 15 + 25: the most a 县区 can reach
    expect(r.bonus).toBe(10); // 15 typed → 10
    expect(r.final).toBe(105); // 95 + 10
    expect(r.band).toBe('优秀');
    expect(r.complete).toBe(true);
    expect(r.problems.length).toBeGreaterThan(0); // the bonus cap is reported
  });
});

describe('unit 2 新华区: gates (P5, X1), repaired 四.1 (P6), no training attended (P7), 缺报 (P4)', () => {
  const r = scoreUnit(rubric, {
    name: '新华区',
    group: GROUP,
    inputs: {
      '一.1': { set: N },
      '一.2': { plan: N, tasks: Y, redblack: Y, liaison: Y, joint: Y },
      '二.1': { reported: Y },
      '二.2': { reported: N },
      '三.1': { rules: N },
      '三.2': { applied: Y },
      '四.1': { own: N, joined: Y },
      '四.2': { reports: 5 },
      '四.3': { own: Y, attended: N, missed: 0 },
      '五.1': { docs: N, cases: 5 },
      '五.2': { rules: Y, regional: N },
    },
    bonus: 0,
  });

  test('items', () => {
    expect(item(r, '一.1')).toBe(0); // X1: 未成立 → 0
    expect(item(r, '一.2')).toBe(0); // P5: plan not issued by formal document → 0 although all 4 elements exist (10 under a plain checklist)
    expect(item(r, '二.1')).toBe(10);
    expect(item(r, '二.2')).toBe(0);
    expect(item(r, '三.1')).toBe(0);
    expect(item(r, '三.2')).toBe(15); // 有应用 → 15
    expect(item(r, '四.1')).toBe(2); // P6: 0 + 2 for taking part in city-organised work (literal: 0)
    expect(item(r, '四.2')).toBe(5); // 5 × 1 = 5, exactly at the cap
    expect(item(r, '四.3')).toBe(3); // P7: 3 + 0 (没参加培训 zeroes the 2-point part only; item-scope reading: 0)
    expect(item(r, '五.1')).toBe(5); // P4: 0 + min(5, 5) = 5 (whole-item 缺报 gate: 0)
    expect(item(r, '五.2')).toBe(7); // 7 + 0
  });

  test('subtotals, final, band', () => {
    expect(cat(r, '一')).toBe(0); // 0 + 0
    expect(cat(r, '二')).toBe(10); // 10 + 0
    expect(cat(r, '三')).toBe(15); // 0 + 15
    expect(cat(r, '四')).toBe(10); // 2 + 5 + 3
    expect(cat(r, '五')).toBe(12); // 5 + 7
    expect(r.base).toBe(47); // 0 + 10 + 15 + 10 + 12
    expect(r.final).toBe(47);
    expect(r.band).toBe('不合格');
  });
});

describe('unit 3 湛河区: elements missing, missed training sessions', () => {
  const r = scoreUnit(rubric, {
    name: '湛河区',
    group: GROUP,
    inputs: {
      '一.1': { set: Y },
      '一.2': { plan: Y, tasks: N, redblack: Y, liaison: N, joint: Y },
      '二.1': { reported: N },
      '二.2': { reported: Y },
      '三.1': { rules: Y },
      '三.2': { applied: N },
      '四.1': { own: Y, joined: N },
      '四.2': { reports: 2 },
      '四.3': { own: N, attended: Y, missed: 1 },
      '五.1': { docs: Y, cases: 6 },
      '五.2': { rules: N, regional: Y },
    },
    bonus: 0,
  });

  test('items', () => {
    expect(item(r, '一.2')).toBe(6); // P5: 10 − 2 missing × 2 = 6
    expect(item(r, '二.1')).toBe(0);
    expect(item(r, '三.2')).toBe(0); // 没有的不得分
    expect(item(r, '四.1')).toBe(3); // 3 + 0
    expect(item(r, '四.2')).toBe(2); // 2 × 1
    expect(item(r, '四.3')).toBe(1); // P7: 0 + (2 − 1 × 1) = 1
    expect(item(r, '五.1')).toBe(10); // 5 + min(5, 6) = 10
    expect(item(r, '五.2')).toBe(8); // 0 + 8
  });

  test('subtotals, final, band', () => {
    expect(cat(r, '一')).toBe(11); // 5 + 6
    expect(cat(r, '二')).toBe(10); // 0 + 10
    expect(cat(r, '三')).toBe(5); // 5 + 0
    expect(cat(r, '四')).toBe(6); // 3 + 2 + 1
    expect(cat(r, '五')).toBe(18); // 10 + 8
    expect(r.base).toBe(50); // 11 + 10 + 5 + 6 + 18
    expect(r.final).toBe(50);
    expect(r.band).toBe('不合格');
  });
});

describe('unit 4 石龙区: floors (P5 minimum 2, P7 扣完为止)', () => {
  const r = scoreUnit(rubric, {
    name: '石龙区',
    group: GROUP,
    inputs: withOverrides({
      '一.2': { plan: Y, tasks: N, redblack: N, liaison: N, joint: N },
      '四.2': { reports: 0 },
      '四.3': { own: Y, attended: Y, missed: 3 },
      '五.1': { docs: Y, cases: 0 },
    }),
  });

  test('items, subtotals, final', () => {
    expect(item(r, '一.2')).toBe(2); // P5: plan issued, all 4 elements missing → 10 − 8 = 2 (not 0)
    expect(item(r, '四.2')).toBe(0); // 0 篇
    expect(item(r, '四.3')).toBe(3); // P7: 3 + max(0, 2 − 3 × 1) = 3 (扣完为止, the 3 for self-organised training is untouched)
    expect(item(r, '五.1')).toBe(5); // 5 + 0 cases
    expect(cat(r, '一')).toBe(7); // 5 + 2
    expect(cat(r, '二')).toBe(20);
    expect(cat(r, '三')).toBe(20);
    expect(cat(r, '四')).toBe(8); // 5 + 0 + 3
    expect(cat(r, '五')).toBe(20); // 5 + 15
    expect(r.base).toBe(75); // 7 + 20 + 20 + 8 + 20
    expect(r.bonus).toBe(0);
    expect(r.final).toBe(75);
    expect(r.band).toBe('合格'); // 60 ≤ 75 < 80
  });
});

describe('bands (G1: on the final score with bonus; G3: on the rounded final)', () => {
  // base 80 = 95 − 三.2 15
  const base80 = withOverrides({ '三.2': { applied: N } });
  // base 70 = 80 − 二.1 10
  const base70 = withOverrides({ '三.2': { applied: N }, '二.1': { reported: N } });
  // base 60 = 70 − 二.2 10
  const base60 = withOverrides({ '三.2': { applied: N }, '二.1': { reported: N }, '二.2': { reported: N } });
  // base 55 = 60 − 三.1 5
  const base55 = withOverrides({
    '三.2': { applied: N },
    '二.1': { reported: N },
    '二.2': { reported: N },
    '三.1': { rules: N },
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
  test('a blank count leaves 四.3 (and the total) unscored, never 0', () => {
    const inputs = full();
    inputs['四.3'] = { own: Y, attended: Y, missed: '' };
    const r = scoreUnit(rubric, { name: '宝丰县', group: GROUP, inputs });
    expect(r.items['四.3'].score).toBeNull();
    expect(r.items['四.3'].status).toBe('incomplete');
    expect(r.complete).toBe(false);
    expect(r.final).toBeNull();
  });
});

describe('ranking (D4, P9)', () => {
  test('城乡一体化示范区 and 高新区 rank in the 县区 group; competition ranks; no labels', () => {
    const out = scoreRoster(rubric, [
      { name: '舞钢市', group: GROUP, inputs: full(), bonus: 5 }, // 95 + 5 = 100
      { name: '城乡一体化示范区', group: GROUP, inputs: withOverrides({ '三.2': { applied: N } }), bonus: 10 }, // 80 + 10 = 90
      { name: '高新区', group: GROUP, inputs: withOverrides({ '五.2': { regional: N } }), bonus: 3 }, // 95 − 8 + 3 = 90
      { name: '郏县', group: GROUP, inputs: withOverrides({ '四.2': { reports: 3 } }) }, // 95 − 2 = 93
      { name: '鲁山县', group: GROUP, inputs: withOverrides({ '一.2': { plan: N } }) }, // 95 − 10 = 85
    ]);
    const byName = Object.fromEntries(out.units.map((u) => [u.name, u]));
    expect(byName['舞钢市'].final).toBe(100);
    expect(byName['郏县'].final).toBe(93);
    expect(byName['城乡一体化示范区'].final).toBe(90);
    expect(byName['高新区'].final).toBe(90);
    expect(byName['鲁山县'].final).toBe(85);
    // 100 → 1; 93 → 2; 90, 90 → 3, 3; 85 → 5
    expect(byName['舞钢市'].rank).toBe(1);
    expect(byName['郏县'].rank).toBe(2);
    expect(byName['城乡一体化示范区'].rank).toBe(3);
    expect(byName['高新区'].rank).toBe(3);
    expect(byName['鲁山县'].rank).toBe(5);
    expect(byName['鲁山县'].band).toBe('良好');
    // P9: no N for 表彰 / 通报批评 in the document → no labels
    for (const u of out.units) expect(u.labels).toEqual([]);
  });
});
