/**
 * Ranking within each group by final score, standard competition ranking (1, 2, 2, 4), with top-N
 * honours and bottom-N criticism by rank number so that every unit tied at a cut-off is included
 * (RUBRIC-ANALYSIS D4). Units without a final score are not ranked. The honour wins where top and
 * bottom overlap; a fraud flag under `honour_ineligible` removes honours without backfill (C6).
 */
import type { Rubric } from '../rubric/schema';
import type { Problem, RankedUnit, UnitScore } from './types';

export const FRAUD_LABEL = '弄虚作假，取消评先资格';

export function rankUnits(rubric: Rubric, scores: UnitScore[]): { units: RankedUnit[]; problems: Problem[] } {
  const problems: Problem[] = [];
  // Extended in place (no object spread: it is slow in this hot path); scores are fresh per call.
  const ranked = scores as RankedUnit[];
  for (const u of ranked) {
    u.rank = null;
    u.bottomRank = null;
    // scoreRoster's units come with an empty list already (scoreUnitForRanking).
    if (u.labels === undefined || u.labels.length > 0) u.labels = [];
  }
  for (const group of rubric.ranking.groups) {
    const pool = ranked.filter((u) => u.group === group.id && u.final !== null);
    // Sorted once, ascending, as numbers (a Float64Array sorts without a comparator: the
    // comparator boxed every difference it returned). rank = 1 + units strictly higher,
    // bottomRank = 1 + units strictly lower, both found by binary search.
    const sorted = new Float64Array(pool.length);
    for (let i = 0; i < pool.length; i++) sorted[i] = pool[i].final as number;
    sorted.sort();
    for (const u of pool) {
      const f = u.final as number;
      const below = firstIndexAtLeast(sorted, f);
      const notAbove = firstIndexAbove(sorted, f);
      u.rank = 1 + (sorted.length - notAbove);
      u.bottomRank = 1 + below;
    }
    // Plain loops: filter() returns arrays of two element kinds (empty or not), and the code
    // reading them was thrown away and recompiled run after run.
    const overlapWarned = new Set<string>(); // once per name, like duplicate names (score.ts)
    for (const u of pool) {
      const rank = u.rank as number;
      const bottom = u.bottomRank as number;
      const ineligible = rubric.fraud === 'honour_ineligible' && u.fraud;
      let reached = false;
      for (const h of group.honours) if (rank <= h.top) reached = true;
      if (reached && ineligible) u.labels.push(FRAUD_LABEL);
      else if (reached) for (const h of group.honours) if (rank <= h.top) u.labels.push(h.label);
      let low = false;
      for (const c of group.criticism) if (bottom <= c.bottom) low = true;
      if (reached && !ineligible) {
        if (low && !overlapWarned.has(u.name)) {
          overlapWarned.add(u.name);
          problems.push({ unit: u.name, severity: 'warning', message: `${u.name}：同时处于前列与后列（参评单位过少），按表彰处理` });
        }
      } else if (low) for (const c of group.criticism) if (bottom <= c.bottom) u.labels.push(c.label);
      if (ineligible && !reached) u.labels.unshift(FRAUD_LABEL);
    }
    // Ranks among the units scored so far: any unit still without a final score may come in
    // anywhere, so the ranks (and the honour and criticism lists) are provisional until then.
    let unscored = 0;
    // (a 朝阳 unit that carries no item, y = 0, is left out of the ranking for good: not counted)
    for (const u of ranked) if (u.group === group.id && u.final === null && u.normalisation?.y !== 0) unscored++;
    if (unscored > 0 && pool.length > 0) {
      const lists = group.honours.length + group.criticism.length > 0 ? '名次和表彰、通报名单' : '名次';
      problems.push({ unit: group.label, severity: 'warning', message: `${group.label}：还有 ${unscored} 个单位未得出总分，${lists}暂按已计分的 ${pool.length} 个单位排出，待全部计分后确定` });
    }
    let widest = 0; // the largest top-N or bottom-N cut-off
    for (const h of group.honours) widest = Math.max(widest, h.top);
    for (const c of group.criticism) widest = Math.max(widest, c.bottom);
    if (widest > 0 && pool.length > 0 && pool.length < 2 * widest)
      problems.push({ unit: group.label, severity: 'warning', message: `${group.label}：参评单位 ${pool.length} 个，少于表彰与通报名额之和，前后名单可能重叠` });
  }
  return { units: ranked, problems };
}

/** The first index of an ascending array whose value is ≥ x (its length when none is). */
function firstIndexAtLeast(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index of an ascending array whose value is > x (its length when none is). */
function firstIndexAbove(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
