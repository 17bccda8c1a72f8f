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
    const ineligible = (u: RankedUnit) => rubric.fraud === 'honour_ineligible' && u.fraud;
    for (const u of pool) {
      const honours = group.honours.filter((h) => (u.rank as number) <= h.top);
      if (honours.length > 0 && ineligible(u)) u.labels.push(FRAUD_LABEL);
      else u.labels.push(...honours.map((h) => h.label));
      const honoured = honours.length > 0 && !ineligible(u);
      if (!honoured) u.labels.push(...group.criticism.filter((c) => (u.bottomRank as number) <= c.bottom).map((c) => c.label));
      else if (group.criticism.some((c) => (u.bottomRank as number) <= c.bottom))
        problems.push({ unit: u.name, severity: 'warning', message: `${u.name}：同时处于前列与后列（参评单位过少），按表彰处理` });
    }
    for (const u of pool) if (ineligible(u) && !u.labels.includes(FRAUD_LABEL)) u.labels.unshift(FRAUD_LABEL);
    const cutoffs = [...group.honours.map((h) => h.top), ...group.criticism.map((c) => c.bottom)];
    if (cutoffs.length > 0 && pool.length > 0 && pool.length < 2 * Math.max(...cutoffs))
      problems.push({ unit: group.label, severity: 'warning', message: `${group.label}：参评单位 ${pool.length} 个，少于表彰与通报名额之和，前后名单可能重叠` });
  }
  return { units: ranked, problems };
}
