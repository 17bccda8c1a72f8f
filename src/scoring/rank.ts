/**
 * Ranking within each group by final score, standard competition ranking (1, 2, 2, 4), with top-N
 * honours and bottom-N criticism by rank number so that every unit tied at a cut-off is included
 * (RUBRIC-ANALYSIS D4). Units without a final score are not ranked. The honour wins where top and
 * bottom overlap; a fraud flag under `honour_ineligible` removes honours without backfill (C6), and
 * so does a veto (一票否决), whose sentence leads the unit's labels.
 */
import type { Rubric } from '../rubric/schema';
import type { Problem, RankedUnit, UnitScore } from './types';

export const FRAUD_LABEL = '弄虚作假，取消评先资格';

type Group = Rubric['ranking']['groups'][number];

/**
 * `previous`: the last ranking of the same roster (a live session re-ranking after an edit). Where
 * `scores[i]` is `previous[i]` itself (ranked last time and not rescored since) and its rank and
 * bottom rank are what they were, that result is returned as it is: a unit's labels follow from its
 * rank, bottom rank, group, veto and fraud flag alone, and results are never changed once made. So
 * an edit copies only the units whose place it moved, and the others keep their objects.
 */
export function rankUnits(
  rubric: Rubric,
  scores: readonly UnitScore[],
  previous?: readonly RankedUnit[],
): { units: RankedUnit[]; problems: Problem[] } {
  const groups = new Map(rubric.ranking.groups.map((g) => [g.id, g]));
  // Each group's final scores in ascending order: rank = 1 + the finals strictly above a unit's,
  // bottom rank = 1 + those strictly below. (A Float64Array sorts numbers without a comparator,
  // five times faster than an array: this runs on every edit of a live workbook.)
  const lists = new Map(rubric.ranking.groups.map((g) => [g.id, [] as number[]]));
  for (const u of scores) if (u.final !== null) lists.get(u.group)?.push(u.final);
  const finals = new Map([...lists].map(([id, list]) => [id, new Float64Array(list).sort()]));
  const units = scores.map((u, i): RankedUnit => {
    const group = groups.get(u.group);
    const sorted = finals.get(u.group);
    let rank: number | null = null;
    let bottom: number | null = null;
    if (sorted && u.final !== null) {
      rank = sorted.length - firstAbove(sorted, u.final) + 1;
      bottom = firstAtLeast(sorted, u.final) + 1;
    }
    const kept = previous?.[i];
    if (kept !== undefined && kept === u && kept.rank === rank && kept.bottomRank === bottom) return kept;
    const labels = group && rank !== null && bottom !== null ? labelsOf(rubric, group, u, rank, bottom) : [];
    // (Object.assign: a spread of these results measured 15 times slower.)
    return Object.assign({}, u, { rank, bottomRank: bottom, labels });
  });
  return { units, problems: rubric.ranking.groups.flatMap((g) => groupProblems(rubric, g, units)) };
}

/** Index of the first final ≥ f in ascending `sorted` (binary search). */
function firstAtLeast(sorted: Float64Array, f: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < f) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first final > f in ascending `sorted` (binary search). */
function firstAbove(sorted: Float64Array, f: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= f) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const isIneligible = (rubric: Rubric, u: UnitScore) => rubric.fraud === 'honour_ineligible' && u.fraud;
/** The honours a unit's rank earns; a unit failed by a veto (一票否决) is honoured for nothing (its labels say why). */
const honoursOf = (group: Group, u: UnitScore, rank: number) => (u.veto ? [] : group.honours.filter((h) => rank <= h.top));
const criticismOf = (group: Group, bottom: number) => group.criticism.filter((c) => bottom <= c.bottom);

/** A ranked unit's labels: its honours, or else its veto, the fraud label and its criticism, in that order. */
function labelsOf(rubric: Rubric, group: Group, u: UnitScore, rank: number, bottom: number): string[] {
  const honours = honoursOf(group, u, rank);
  const ineligible = isIneligible(rubric, u);
  if (honours.length > 0 && !ineligible) return honours.map((h) => h.label);
  return [...(u.veto ? [u.veto.text] : []), ...(ineligible ? [FRAUD_LABEL] : []), ...criticismOf(group, bottom).map((c) => c.label)];
}

/** A group's warnings: units both honoured and criticised, units not yet scored, too few units for the lists. */
function groupProblems(rubric: Rubric, group: Group, units: readonly RankedUnit[]): Problem[] {
  const problems: Problem[] = [];
  const warn = (unit: string, message: string) => problems.push({ unit, severity: 'warning', message });
  const overlapWarned = new Set<string>(); // once per name, like duplicate names (score.ts)
  // A unit is on a list when its rank is within the widest of them (every unit of the group is
  // looked at on every edit: numbers compared, no list built).
  const widestTop = Math.max(0, ...group.honours.map((h) => h.top));
  const widestBottom = Math.max(0, ...group.criticism.map((c) => c.bottom));
  let pool = 0;
  let unscored = 0;
  for (const u of units) {
    if (u.group !== group.id) continue;
    // (A 朝阳 unit that carries no item, y = 0, is left out of the ranking for good: not counted.)
    if (u.rank === null || u.bottomRank === null) {
      if (u.normalisation?.y !== 0) unscored++;
      continue;
    }
    pool++;
    const honoured = !u.veto && !isIneligible(rubric, u) && u.rank <= widestTop;
    if (honoured && u.bottomRank <= widestBottom && !overlapWarned.has(u.name)) {
      overlapWarned.add(u.name);
      warn(u.name, `${u.name}：同时处于前列与后列（参评单位过少），按表彰处理`);
    }
  }
  // Ranks among the units scored so far: any unit still without a final score may come in
  // anywhere, so the ranks (and the honour and criticism lists) are provisional until then.
  if (unscored > 0 && pool > 0) {
    const lists = group.honours.length + group.criticism.length > 0 ? '名次和表彰、通报名单' : '名次';
    warn(group.label, `${group.label}：还有 ${unscored} 个单位未得出总分，${lists}暂按已计分的 ${pool} 个单位排出，待全部计分后确定`);
  }
  const widest = Math.max(widestTop, widestBottom);
  if (widest > 0 && pool > 0 && pool < 2 * widest)
    warn(group.label, `${group.label}：参评单位 ${pool} 个，少于表彰与通报名额之和，前后名单可能重叠`);
  return problems;
}
