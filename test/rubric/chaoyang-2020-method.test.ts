/**
 * 朝阳市 2020（朝信办发〔2020〕4号）, rubric version 1.2.0 (item points typed per unit in a
 * 「本项分值」 field), which workbooks made before 1.3.0 embed and are still scored with: kept as
 * test/rubric/constructs/chaoyang-2020-method-1.2.0.json. Version 1.3.0 (points set once on the 参数
 * sheet) is tested in chaoyang-2020-parameters.test.ts. The method only. The indicator annexes (附件1, 附件2) are not
 * in the document, so EVERY item maximum and item score below is HYPOTHETICAL, made up to exercise
 * the method (x / y × 100, bands, bonus tiers, honours, fraud). None of them is an official number.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRubricText } from '../../src/rubric/load';
import { scoreRoster, scoreUnit } from '../../src/scoring/score';
import type { UnitInput } from '../../src/scoring/score';

const rubric = (() => {
  const r = parseRubricText(readFileSync(join(__dirname, 'constructs/chaoyang-2020-method-1.2.0.json'), 'utf8'), '1.2.0');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value.rubric;
})();
const CAT = '考评项目';
const ALL = Array.from({ length: 16 }, (_, i) => String(i + 1));
const 先进单位 = '朝阳市2020年度社会信用体系建设先进单位';
const 示范县 = '朝阳市2020年度社会信用体系建设示范县（区）';
const 通报批评 = '通报批评';

/**
 * A unit carrying the listed items (HYPOTHETICAL maxima and scores); every other item is marked
 * 不涉及. `setMaxOnExcluded` also fills a (hypothetical) maximum of 10 on the excluded items, to show
 * that it is ignored.
 */
function unit(
  name: string,
  carried: Record<string, [max: number, score: number]>,
  extra: Partial<UnitInput> & { setMaxOnExcluded?: boolean } = {},
): UnitInput {
  const { setMaxOnExcluded, ...rest } = extra;
  const inputs: NonNullable<UnitInput['inputs']> = {};
  for (const [id, [max, score]] of Object.entries(carried)) inputs[id] = { max, score };
  const notApplicable = ALL.filter((id) => !(id in carried));
  if (setMaxOnExcluded) for (const id of notApplicable) inputs[id] = { max: 10, score: 0 };
  return { name, group: '成员单位', inputs, notApplicable, ...rest };
}

/** One carried item with a HYPOTHETICAL maximum of 100, so that base = the score typed. */
const single = (name: string, score: number, extra: Partial<UnitInput> = {}) => unit(name, { '1': [100, score] }, extra);

describe('朝阳2020 rubric file 1.2.0: method only', () => {
  it('encodes the 16 items of 第六条 with no published points', () => {
    expect(rubric.categories).toHaveLength(1);
    const cat = rubric.categories[0];
    expect(cat.name).toBe('年度考评项目（第六条所列16项）');
    expect(cat.points).toBeNull();
    expect(cat.indicators.map((i) => i.name)).toEqual([
      '信用制度落实',
      '信用信息公示',
      '信用信息归集共享',
      '统一社会信用代码转换',
      '信用惠民便企开展情况',
      '政务诚信',
      '企业守信情况',
      '合同执行情况',
      '诚信建设情况',
      '事前信用监管',
      '事中信用监管',
      '事后信用监管',
      '信用修复情况',
      '信息异议情况',
      '信用数据安全情况',
      '信用应用合法合规情况',
    ]);
    // no invented points or criteria
    expect(cat.indicators.every((i) => i.points === null && i.criteria === '')).toBe(true);
    expect(cat.indicators.every((i) => i.rule.kind === 'manual' && i.rule.maxField === 'max')).toBe(true);
    expect(rubric.officeMustSet.length).toBeGreaterThanOrEqual(2);
  });

  it('has the method settings of 第六条 to 第十条', () => {
    expect(rubric.aggregation).toEqual({ mode: 'normalised', scale: 100 });
    expect(rubric.notApplicable).toBe('exclude');
    expect(rubric.fraud).toBe('honour_ineligible');
    expect(rubric.bonus).toMatchObject({
      kind: 'tiers',
      tiers: [
        { label: '创新奖', points: 5 },
        { label: '特别创新奖', points: 10 },
        { label: '突出创新奖', points: 20 },
      ],
    });
    expect(rubric.bands?.basis).toBe('final');
    expect(rubric.ranking.groups).toEqual([
      { id: '成员单位', label: expect.any(String), honours: [{ label: 先进单位, top: 10 }], criticism: [{ label: 通报批评, bottom: 10 }] },
      { id: '县区', label: expect.any(String), honours: [{ label: 示范县, top: 3 }], criticism: [{ label: 通报批评, bottom: 3 }] },
    ]);
  });
});

describe('朝阳2020 normalisation x / y × 100', () => {
  it('items not carried leave both x and y, even when a maximum was typed for them', () => {
    // HYPOTHETICAL: carries items 1–4 with maxima 10, 10, 5, 5 and scores 8, 9, 4, 3.5.
    const u = scoreUnit(rubric, unit('市甲局', { '1': [10, 8], '2': [10, 9], '3': [5, 4], '4': [5, 3.5] }, { setMaxOnExcluded: true }));
    // x = 8 + 9 + 4 + 3.5 = 24.5; y = 10 + 10 + 5 + 5 = 30 (items 5–16 excluded, their max 10 ignored)
    // 24.5 / 30 × 100 = 81.666… → 81.67
    // (if the 12 excluded items counted with max 10 and score 0: 24.5 / 150 × 100 = 16.33 — wrong reading)
    expect(u.items['5'].status).toBe('excluded');
    expect(u.items['5'].score).toBeNull();
    expect(u.items['1']).toMatchObject({ score: 8, max: 10, status: 'scored' });
    expect(u.categories[CAT]).toEqual({ score: 24.5, max: 30 });
    expect(u.normalisation).toEqual({ x: 24.5, y: 30 });
    expect(u.base).toBe(81.67);
    expect(u.final).toBe(81.67);
    expect(u.band).toBe('良好'); // [70, 90)
  });

  it('16.2 / 18 × 100 is exactly 90 → 优秀 (binary floating point would give 89.999…)', () => {
    // HYPOTHETICAL: items 1 and 2 with maxima 10 and 8, scores 9 and 7.2 → x = 16.2, y = 18
    const u = scoreUnit(rubric, unit('市乙局', { '1': [10, 9], '2': [8, 7.2] }));
    expect(u.categories[CAT]).toEqual({ score: 16.2, max: 18 });
    expect(u.base).toBe(90);
    expect(u.band).toBe('优秀');
  });

  it('all 16 items carried: x / y over the whole list', () => {
    // HYPOTHETICAL: each item max 6.25 (16 × 6.25 = 100), score 5 on items 1–8 and 6.25 on 9–16
    const carried: Record<string, [number, number]> = {};
    for (const id of ALL) carried[id] = [6.25, Number(id) <= 8 ? 5 : 6.25];
    const u = scoreUnit(rubric, unit('市丙局', carried));
    // x = 8 × 5 + 8 × 6.25 = 40 + 50 = 90; y = 100 → 90 → 优秀
    expect(u.categories[CAT]).toEqual({ score: 90, max: 100 });
    expect(u.base).toBe(90);
    expect(u.band).toBe('优秀');
  });

  it('2 / 3 → 66.67 (rounded half-up to 2 decimals) → 合格', () => {
    // HYPOTHETICAL: one item max 3, score 2 → 200/3 = 66.666… → 66.67
    const u = scoreUnit(rubric, unit('市丁局', { '7': [3, 2] }));
    expect(u.base).toBe(66.67);
    expect(u.band).toBe('合格');
  });

  it('179.99 / 200 × 100 = 89.995 rounds half-up to 90 → 优秀 (band on the rounded score)', () => {
    // HYPOTHETICAL: one item max 200, score 179.99
    const u = scoreUnit(rubric, unit('市戊局', { '1': [200, 179.99] }));
    expect(u.base).toBe(90);
    expect(u.band).toBe('优秀');
  });

  it('no item carried (y = 0): no score, no band, not ranked, bonus not applied', () => {
    const u = scoreUnit(rubric, { name: '市己局', group: '成员单位', inputs: {}, notApplicable: ALL, bonus: '创新奖' });
    expect(u.base).toBeNull();
    expect(u.final).toBeNull();
    expect(u.band).toBeNull();
  });

  it('a carried item without its maximum (not yet set by the office) leaves the unit incomplete', () => {
    const u = scoreUnit(rubric, {
      name: '市庚局',
      group: '成员单位',
      inputs: { '1': { score: 8 }, '2': { max: 10, score: 9 } }, // HYPOTHETICAL
      notApplicable: ALL.filter((id) => id !== '1' && id !== '2'),
    });
    expect(u.items['1'].status).toBe('incomplete');
    expect(u.base).toBeNull();
    expect(u.complete).toBe(false);
  });

  it('a carried item without its score is incomplete, never 0', () => {
    const u = scoreUnit(rubric, {
      name: '市辛局',
      group: '成员单位',
      inputs: { '1': { max: 10 }, '2': { max: 10, score: 9 } }, // HYPOTHETICAL
      notApplicable: ALL.filter((id) => id !== '1' && id !== '2'),
    });
    expect(u.items['1'].status).toBe('incomplete');
    expect(u.items['1'].score).toBeNull();
    expect(u.categories[CAT].score).toBeNull();
    expect(u.base).toBeNull();
  });

  it('a score above the maximum the office set is rejected', () => {
    const u = scoreUnit(rubric, unit('市壬局', { '1': [10, 12], '2': [10, 9] })); // HYPOTHETICAL
    expect(u.items['1'].status).toBe('invalid');
    expect(u.base).toBeNull();
  });
});

describe('朝阳2020 bands (C2: the boundary goes to the higher band)', () => {
  // HYPOTHETICAL single item of max 100, so base = the score typed.
  const band = (score: number) => scoreUnit(rubric, single('市某局', score)).band;
  it.each([
    [100, '优秀'],
    [90, '优秀'], // 90 is both “90分以上” and “90分以下” → higher band
    [89.99, '良好'],
    [70, '良好'], // 70 is both “70分以上” and “70分以下” → higher band
    [69.99, '合格'],
    [50, '合格'], // 50 → higher band
    [49.99, '不合格'],
    [0, '不合格'],
  ])('%d → %s', (score, expected) => {
    expect(band(score)).toBe(expected);
  });
});

describe('朝阳2020 bonus tiers (C4) and band on the final score (G1)', () => {
  it('特别创新奖 +10 on 85 → 95 → 优秀 (the band reads the final score, not the base 良好)', () => {
    const u = scoreUnit(rubric, single('市某局', 85, { bonus: '特别创新奖' }));
    expect(u.base).toBe(85);
    expect(u.bonus).toBe(10);
    expect(u.final).toBe(95); // 85 + 10
    expect(u.band).toBe('优秀');
  });

  it('创新奖 +5 on 65 → 70 → 良好 (exactly at the boundary)', () => {
    const u = scoreUnit(rubric, single('市某局', 65, { bonus: '创新奖' }));
    expect(u.bonus).toBe(5);
    expect(u.final).toBe(70); // 65 + 5
    expect(u.band).toBe('良好');
  });

  it('突出创新奖 +20 on 95 → 115: no cap above 100', () => {
    const u = scoreUnit(rubric, single('市某局', 95, { bonus: '突出创新奖' }));
    expect(u.bonus).toBe(20);
    expect(u.final).toBe(115); // 95 + 20
    expect(u.band).toBe('优秀');
  });

  it('no bonus: final = base', () => {
    const u = scoreUnit(rubric, single('市某局', 72.5));
    expect(u.bonus).toBe(0);
    expect(u.final).toBe(72.5);
  });

  it('a value that is not one of the three tiers is rejected, not guessed', () => {
    const u = scoreUnit(rubric, single('市某局', 80, { bonus: '优秀创新奖' }));
    expect(u.problems.some((p) => p.severity === 'error')).toBe(true);
    expect(u.final).toBeNull();
  });
});

describe('朝阳2020 honours and criticism', () => {
  // 12 member units S1 … S12, HYPOTHETICAL scores 98, 96, …, 76 (single item of max 100).
  const members = Array.from({ length: 12 }, (_, i) => single(`S${i + 1}`, 98 - 2 * i));
  const labelsOf = (r: ReturnType<typeof scoreRoster>) => Object.fromEntries(r.units.map((u) => [u.name, u.labels]));
  const rankOf = (r: ReturnType<typeof scoreRoster>) => Object.fromEntries(r.units.map((u) => [u.name, u.rank]));

  it('12 member units: top 10 honoured; only S11 and S12 criticised (C7: the honour wins)', () => {
    const r = scoreRoster(rubric, members);
    const labels = labelsOf(r);
    for (let i = 1; i <= 10; i++) expect(labels[`S${i}`]).toEqual([先进单位]); // rank ≤ 10
    // bottomRank = 13 − rank: S3 … S10 are also within the bottom 10, but the honour wins
    expect(labels['S11']).toEqual([通报批评]); // rank 11, bottomRank 2
    expect(labels['S12']).toEqual([通报批评]); // rank 12, bottomRank 1
    expect(rankOf(r)['S12']).toBe(12);
  });

  it('a tie at the 10th place: both tied units are honoured', () => {
    // S11 raised to 80 = S10's score → ranks …, 9 (S9 = 82), 10 (S10 = 80), 10 (S11 = 80), 12 (S12 = 76)
    const tied = members.map((u, i) => (i === 10 ? single('S11', 80) : u));
    const r = scoreRoster(rubric, tied);
    expect(rankOf(r)['S10']).toBe(10);
    expect(rankOf(r)['S11']).toBe(10);
    expect(labelsOf(r)['S10']).toEqual([先进单位]);
    expect(labelsOf(r)['S11']).toEqual([先进单位]);
    expect(labelsOf(r)['S12']).toEqual([通报批评]); // the only one left for criticism
    expect(r.units.filter((u) => u.labels.includes(先进单位))).toHaveLength(11);
  });

  it('fraud removes the honour without backfill: S11 stays criticised, only 9 honoured (C6)', () => {
    const withFraud = members.map((u, i) => (i === 0 ? { ...u, fraud: true } : u));
    const r = scoreRoster(rubric, withFraud);
    const s1 = r.units.find((u) => u.name === 'S1')!;
    expect(s1.rank).toBe(1); // score, rank and band unchanged
    expect(s1.final).toBe(98);
    expect(s1.band).toBe('优秀');
    expect(s1.labels).not.toContain(先进单位);
    expect(s1.labels).not.toContain(通报批评); // bottomRank 12 > 10
    expect(labelsOf(r)['S11']).toEqual([通报批评]); // no backfill: S11 (rank 11) is not promoted
    expect(r.units.filter((u) => u.labels.includes(先进单位))).toHaveLength(9);
  });

  it('a unit with y = 0 is neither ranked nor counted in the pool', () => {
    const empty: UnitInput = { name: 'S0', group: '成员单位', inputs: {}, notApplicable: ALL };
    const r = scoreRoster(rubric, [...members, empty]);
    const s0 = r.units.find((u) => u.name === 'S0')!;
    expect(s0.rank).toBeNull();
    expect(s0.labels).toEqual([]);
    // the pool is still 12: S12 keeps bottomRank 1, S11 bottomRank 2, S10 (bottomRank 3) still honoured
    expect(r.units.find((u) => u.name === 'S12')!.bottomRank).toBe(1);
    expect(labelsOf(r)['S11']).toEqual([通报批评]);
    expect(labelsOf(r)['S10']).toEqual([先进单位]);
    // S0 is left out for good (its x and y are both 0), so the ranks are final, not provisional.
    expect(s0.normalisation).toEqual({ x: 0, y: 0 });
    expect(r.problems.map((p) => p.message).filter((m) => m.includes('未得出总分'))).toEqual([]);
  });

  it('a unit still being filled makes the ranks and lists provisional (it may come in anywhere)', () => {
    const filling: UnitInput = { name: 'S13', group: '成员单位', inputs: {}, notApplicable: ALL.slice(1) };
    const r = scoreRoster(rubric, [...members, filling]);
    const s13 = r.units.find((u) => u.name === 'S13')!;
    expect(s13.final).toBeNull();
    expect(s13.normalisation).toBeNull();
    const messages = r.problems.map((p) => p.message);
    expect(messages).toContain(
      '市社会信用体系建设工作领导小组成员单位：还有 1 个单位未得出总分，名次和表彰、通报名单暂按已计分的 12 个单位排出，待全部计分后确定',
    );
    // Its points not yet typed are no maximum at all (not 0): nothing to compare with the others' 100.
    expect(s13.items['1'].max).toBeNull();
    expect(messages.filter((m) => m.includes('本项分值不一致'))).toEqual([]);
  });

  it('县区 are ranked separately: top 3 示范县（区）, bottom 3 通报批评, ties at both cut-offs (C5, D4)', () => {
    // 8 counties, HYPOTHETICAL scores 95, 90, 85, 85, 65, 65, 60, 50
    const scores = [95, 90, 85, 85, 65, 65, 60, 50];
    const counties = scores.map((s, i) => single(`C${i + 1}`, s, { group: '县区' }));
    // a county scoring 99, above every member unit, must not push member ranks down
    const r = scoreRoster(rubric, [...members, ...counties, single('C9', 99, { group: '县区' })]);
    const labels = labelsOf(r);
    const ranks = rankOf(r);
    expect(ranks['S1']).toBe(1); // members ranked among themselves
    expect(labels['S10']).toEqual([先进单位]);
    // counties: 99 → 1, 95 → 2, 90 → 3, 85 → 4, 4, 65 → 6, 6, 60 → 8, 50 → 9
    expect(ranks['C9']).toBe(1);
    expect(ranks['C3']).toBe(4);
    expect(labels['C9']).toEqual([示范县]);
    expect(labels['C1']).toEqual([示范县]);
    expect(labels['C2']).toEqual([示范县]); // rank 3
    expect(labels['C3']).toEqual([]); // rank 4: not honoured, bottomRank 1 + 4 = 5 > 3
    // bottomRank: 50 → 1, 60 → 2, 65 → 1 + 2 = 3 (both tied units)
    expect(labels['C8']).toEqual([通报批评]);
    expect(labels['C7']).toEqual([通报批评]);
    expect(labels['C5']).toEqual([通报批评]);
    expect(labels['C6']).toEqual([通报批评]);
    expect(r.units.filter((u) => u.group === '县区' && u.labels.includes(通报批评))).toHaveLength(4);
    // a county never receives the 先进单位 title (C5: separate pools)
    expect(r.units.some((u) => u.group === '县区' && u.labels.includes(先进单位))).toBe(false);
  });

  it('fraud also blocks 示范县（区） (C6 reading), without backfill', () => {
    const counties = [95, 90, 85, 80, 70].map((s, i) => single(`C${i + 1}`, s, { group: '县区', fraud: i === 1 }));
    const r = scoreRoster(rubric, counties);
    const labels = labelsOf(r);
    expect(labels['C1']).toEqual([示范县]);
    expect(labels['C2']).not.toContain(示范县); // rank 2, fraud
    expect(labels['C3']).toEqual([示范县]);
    expect(labels['C4']).not.toContain(示范县); // rank 4: no backfill
    expect(r.units.filter((u) => u.labels.includes(示范县))).toHaveLength(2);
  });
});
