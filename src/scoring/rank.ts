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
    // Sorted once: rank = 1 + units strictly higher, bottomRank = 1 + units strictly lower.
    // (Counted in one pass over the sorted scores: lastIndexOf per unit was quadratic, and boxed
    // every element it compared.)
    const sorted = pool.map((u) => u.final as number).sort((a, b) => b - a);
    const firstAt = new Map<number, number>();
    const lastAt = new Map<number, number>();
    for (let i = 0; i < sorted.length; i++) {
      const f = sorted[i];
      if (!firstAt.has(f)) firstAt.set(f, i);
      lastAt.set(f, i);
    }
    for (const u of pool) {
      const f = u.final as number;
      const above = firstAt.get(f) as number;
      u.rank = 1 + above;
      u.bottomRank = sorted.length - (lastAt.get(f) as number);
    }
    // Plain loops: filter() returns arrays of two element kinds (empty or not), and the code
    // reading them was thrown away and recompiled run after run.
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
        if (low) problems.push({ unit: u.name, severity: 'warning', message: `${u.name}：同时处于前列与后列（参评单位过少），按表彰处理` });
      } else if (low) for (const c of group.criticism) if (bottom <= c.bottom) u.labels.push(c.label);
      if (ineligible && !reached) u.labels.unshift(FRAUD_LABEL);
    }
    let widest = 0; // the largest top-N or bottom-N cut-off
    for (const h of group.honours) widest = Math.max(widest, h.top);
    for (const c of group.criticism) widest = Math.max(widest, c.bottom);
    if (widest > 0 && pool.length > 0 && pool.length < 2 * widest)
      problems.push({ unit: group.label, severity: 'warning', message: `${group.label}：参评单位 ${pool.length} 个，少于表彰与通报名额之和，前后名单可能重叠` });
  }
  return { units: ranked, problems };
}
