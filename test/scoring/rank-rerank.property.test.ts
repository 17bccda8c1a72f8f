/**
 * Re-ranking after an edit (rankUnits with `previous`, as the live session does) gives exactly the
 * ranking of the same scores ranked from scratch, and both follow the ranking rules stated directly:
 * rank = 1 + the units of the group with a strictly higher final, bottom rank = 1 + those strictly
 * lower (competition ranking, 1, 2, 2, 4), honours to every unit whose rank is within top N,
 * criticism to every unit whose bottom rank is within bottom N, the honour winning where both apply,
 * no honour under a veto or a fraud flag (honour_ineligible) and no backfill (RUBRIC-ANALYSIS D4, C6).
 *
 * Random rosters of two groups (plus units of a group the rubric does not know), finals from a small
 * set (many ties), units without a final, vetoes and fraud flags; then random edits, each rescoring
 * one to three units (new final, a group change, a veto or fraud flag set or cleared).
 */
import fc from 'fast-check';
import { FRAUD_LABEL, rankUnits } from '../../src/scoring/rank';
import type { RankedUnit, UnitScore } from '../../src/scoring/types';
import { indicator, miniRubric, score } from '../helpers/mini-rubric';

const rubric = miniRubric([indicator('A', 100, [score('s')], { kind: 'manual', field: 's' })], {
  ranking: {
    method: 'competition',
    groups: [
      {
        id: '成员单位',
        label: '成员单位',
        honours: [
          { label: '先进单位', top: 3 },
          { label: '特别先进', top: 1 },
        ],
        criticism: [{ label: '通报批评', bottom: 2 }],
      },
      { id: '县区', label: '县区', honours: [{ label: '示范县（区）', top: 1 }], criticism: [{ label: '通报批评', bottom: 1 }] },
    ],
  },
  fraud: 'honour_ineligible',
});

const GROUPS = ['成员单位', '县区', '其他'];
const VETO = { result: 'fail' as const, label: '不合格', text: '一票否决：不合格' };

interface Shape {
  group: number;
  final: number | null;
  veto: boolean;
  fraud: boolean;
}

const shape = fc.record({
  group: fc.nat({ max: 2 }),
  final: fc.option(fc.constantFrom(60, 70, 75, 80, 80.5, 90), { nil: null, freq: 5 }),
  veto: fc.nat({ max: 4 }).map((n) => n === 0),
  fraud: fc.nat({ max: 4 }).map((n) => n === 0),
});

/** A unit's score as the engine would give it (only what ranking reads is meaningful). */
function unitScore(name: string, s: Shape): UnitScore {
  return {
    name,
    group: GROUPS[s.group],
    items: {},
    categories: {},
    base: s.final,
    bonus: 0,
    final: s.final,
    band: null,
    complete: s.final !== null,
    filled: 0,
    expected: 0,
    fraud: s.fraud,
    problems: [],
    ...(s.veto ? { veto: VETO } : {}),
  };
}

/** The rules, unit by unit, counting the whole group (no sorting, no binary search). */
function expected(scores: readonly UnitScore[]): { rank: number | null; bottomRank: number | null; labels: string[] }[] {
  return scores.map((u) => {
    const group = rubric.ranking.groups.find((g) => g.id === u.group);
    if (!group || u.final === null) return { rank: null, bottomRank: null, labels: [] };
    const others = scores.filter((o) => o.group === u.group && o.final !== null).map((o) => o.final as number);
    const rank = 1 + others.filter((f) => f > (u.final as number)).length;
    const bottomRank = 1 + others.filter((f) => f < (u.final as number)).length;
    const ineligible = u.fraud;
    const honours = u.veto || ineligible ? [] : group.honours.filter((h) => rank <= h.top).map((h) => h.label);
    const criticism = group.criticism.filter((c) => bottomRank <= c.bottom).map((c) => c.label);
    const labels = honours.length > 0 ? honours : [...(u.veto ? [u.veto.text] : []), ...(ineligible ? [FRAUD_LABEL] : []), ...criticism];
    return { rank, bottomRank, labels };
  });
}

const fresh = (units: readonly UnitScore[]) => units.map((u) => ({ ...u }) as UnitScore);

describe('re-ranking after an edit', () => {
  it('equals ranking from scratch and the rules, keeps the results of units it did not move', () => {
    fc.assert(
      fc.property(
        fc.array(shape, { minLength: 1, maxLength: 14 }),
        fc.array(fc.array(fc.tuple(fc.nat(), shape), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        (start, edits) => {
          let ranked: RankedUnit[] = rankUnits(
            rubric,
            start.map((s, i) => unitScore(`单位${i}`, s)),
          ).units;
          for (const edit of edits) {
            const scores: UnitScore[] = ranked.slice();
            for (const [at, s] of edit) scores[at % scores.length] = unitScore(`单位${at % scores.length}`, s);
            const again = rankUnits(rubric, scores, ranked);
            const scratch = rankUnits(rubric, fresh(scores));
            expect(again).toEqual(scratch);
            expect(again.units.map((u) => ({ rank: u.rank, bottomRank: u.bottomRank, labels: u.labels }))).toEqual(expected(scores));
            // A unit not rescored and not moved keeps its result object; every other one is new.
            again.units.forEach((u, i) => {
              const kept = scores[i] === ranked[i] && u.rank === ranked[i].rank && u.bottomRank === ranked[i].bottomRank;
              expect(u === ranked[i]).toBe(kept);
            });
            ranked = again.units;
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('warns about overlapping lists and unscored units exactly as ranking from scratch does', () => {
    // 3 units in 成员单位 (top 3 and bottom 2 overlap), one without a final: both warnings.
    const scores = [
      unitScore('甲', { group: 0, final: 90, veto: false, fraud: false }),
      unitScore('乙', { group: 0, final: 80, veto: false, fraud: false }),
    ];
    scores.push(unitScore('丙', { group: 0, final: null, veto: false, fraud: false }));
    const first = rankUnits(rubric, scores);
    // 乙 rank 2 (≤ 3: 先进单位) and bottom rank 1 (≤ 2: 通报批评): the honour wins, with a warning.
    expect(first.units[1].labels).toEqual(['先进单位']);
    const edited = first.units.slice() as UnitScore[];
    edited[2] = unitScore('丙', { group: 0, final: 70, veto: false, fraud: false });
    const again = rankUnits(rubric, edited, first.units);
    expect(again.problems).toEqual(rankUnits(rubric, fresh(edited)).problems);
    expect(again.problems.map((p) => p.message)).toEqual([
      // 甲 rank 1, bottom rank 3 (not ≤ 2); 乙 rank 2, bottom rank 2: both lists; 丙 rank 3, bottom 1: both lists.
      '乙：同时处于前列与后列（参评单位过少），按表彰处理',
      '丙：同时处于前列与后列（参评单位过少），按表彰处理',
      // 3 units < 2 × 3 (the widest list)
      '成员单位：参评单位 3 个，少于表彰与通报名额之和，前后名单可能重叠',
    ]);
  });
});
