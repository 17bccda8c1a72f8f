/** Competition ranking per group, honours and criticism by rank number, fraud without backfill. */
import { scoreRoster, type UnitInput } from '../../src/scoring/score';
import { indicator, miniRubric, score } from '../helpers/mini-rubric';

const r = miniRubric([indicator('A', 100, [score('s')], { kind: 'manual', field: 's' })], {
  ranking: {
    method: 'competition',
    groups: [
      { id: '成员单位', label: '成员单位', honours: [{ label: '先进单位', top: 2 }], criticism: [{ label: '通报批评', bottom: 2 }] },
      { id: '县区', label: '县区', honours: [{ label: '示范县（区）', top: 1 }], criticism: [{ label: '通报批评', bottom: 1 }] },
    ],
  },
  fraud: 'honour_ineligible',
});
const u = (name: string, s: number | null, group = '成员单位', extra = {}): UnitInput => ({
  name,
  group,
  inputs: s === null ? {} : { A: { s } },
  ...extra,
});

describe('ranking', () => {
  it('1, 2, 2, 4 with ties; labels include every unit tied at a cut-off', () => {
    const res = scoreRoster(r, [u('甲', 95), u('乙', 90), u('丙', 90), u('丁', 80), u('戊', 70)]);
    const by = Object.fromEntries(res.units.map((x) => [x.name, x]));
    expect([by.甲.rank, by.乙.rank, by.丙.rank, by.丁.rank, by.戊.rank]).toEqual([1, 2, 2, 4, 5]);
    expect(by.乙.labels).toEqual(['先进单位']);
    expect(by.丙.labels).toEqual(['先进单位']); // tied at the cut-off: both honoured
    expect(by.丁.labels).toEqual(['通报批评']); // bottomRank 2
    expect(by.戊.labels).toEqual(['通报批评']);
  });
  it('groups are ranked separately', () => {
    const res = scoreRoster(r, [u('甲', 60), u('A县', 50, '县区'), u('B县', 40, '县区')]);
    expect(res.units.map((x) => [x.name, x.rank, x.labels])).toEqual([
      ['甲', 1, ['先进单位']],
      ['A县', 1, ['示范县（区）']],
      ['B县', 2, ['通报批评']],
    ]);
  });
  it('the honour wins when top and bottom overlap, with a warning', () => {
    const res = scoreRoster(r, [u('甲', 60), u('乙', 50), u('丙', 40)]);
    expect(res.units.map((x) => x.labels)).toEqual([['先进单位'], ['先进单位'], ['通报批评']]);
    expect(res.problems.some((p) => p.message.includes('乙：同时处于前列与后列'))).toBe(true);
  });
  it('fraud removes the honour without backfill; score and rank unchanged', () => {
    const res = scoreRoster(r, [u('甲', 95, '成员单位', { fraud: true }), u('乙', 90), u('丙', 80), u('丁', 70), u('戊', 60)]);
    const by = Object.fromEntries(res.units.map((x) => [x.name, x]));
    expect(by.甲).toMatchObject({ rank: 1, final: 95 });
    expect(by.甲.labels).toEqual(['弄虚作假，取消评先资格']);
    expect(by.乙.labels).toEqual(['先进单位']);
    expect(by.丙.labels).toEqual([]); // rank 3 is not promoted
  });
  it('incomplete units are neither ranked nor counted', () => {
    const res = scoreRoster(r, [u('甲', 90), u('乙', null), u('丙', 80)]);
    const by = Object.fromEntries(res.units.map((x) => [x.name, x]));
    expect(by.乙.rank).toBeNull();
    expect(by.丙.rank).toBe(2);
    expect(by.丙.bottomRank).toBe(1);
  });
  it('duplicate unit names are an error', () => {
    const res = scoreRoster(r, [u('甲', 90), u('甲', 80)]);
    expect(res.problems[0]).toMatchObject({ severity: 'error', message: '单位名称「甲」重复，请区分' });
  });
  it('a name used by many units is one problem, not one per copy', () => {
    const res = scoreRoster(r, [u('甲', 90), u('乙', 80), u('甲', 70), u('甲', 60), u('乙', 50)]);
    expect(res.problems.filter((p) => p.message.includes('重复')).map((p) => p.message)).toEqual([
      '单位名称「甲」重复，请区分',
      '单位名称「乙」重复，请区分',
    ]);
  });
  it('4,000 units of one name: one problem, and a result linear in the units', () => {
    // Issue 13: each copy's problem used to be repeated under every unit of that name (2,000 → 669 MB of JSON).
    const units = Array.from({ length: 4000 }, (_, i) => u('同名单位', i % 2 === 0 ? null : 50 + (i % 40)));
    const res = scoreRoster(r, units);
    expect(res.units).toHaveLength(4000);
    expect(res.problems.filter((p) => p.message.includes('重复'))).toHaveLength(1);
    // A tie at the top and bottom warns once per name too.
    expect(res.problems.filter((p) => p.message.includes('同时处于前列与后列')).length).toBeLessThanOrEqual(1);
    expect(res.units.every((x) => x.problems.every((p) => !p.message.includes('重复')))).toBe(true);
    expect(JSON.stringify(res).length).toBeLessThan(20_000_000);
  });
});
