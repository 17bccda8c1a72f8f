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

export function rankUnits(rubric: Rubric, scores: UnitScore[]): { units: RankedUnit[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const warn = (unit: string, message: string) => problems.push({ unit, severity: 'warning', message });
  // (Object.assign: a spread of these results measured 15 times slower.)
  const units: RankedUnit[] = scores.map((u) => Object.assign({}, u, { rank: null, bottomRank: null, labels: [] }));
  for (const group of rubric.ranking.groups) {
    const pool = units.filter((u) => u.group === group.id && u.final !== null);
    // rank = 1 + the units strictly above, bottomRank = 1 + the units strictly below: read off the
    // first and last position of each final score in ascending order.
    const sorted = pool.map((u) => u.final as number).sort((a, b) => a - b);
    const first = new Map<number, number>();
    const last = new Map<number, number>();
    sorted.forEach((f, i) => {
      if (!first.has(f)) first.set(f, i);
      last.set(f, i);
    });
    const overlapWarned = new Set<string>(); // once per name, like duplicate names (score.ts)
    for (const u of pool) {
      const f = u.final as number;
      const rank = sorted.length - (last.get(f) as number);
      const bottom = 1 + (first.get(f) as number);
      u.rank = rank;
      u.bottomRank = bottom;
      const ineligible = rubric.fraud === 'honour_ineligible' && u.fraud;
      // A unit failed by a veto (一票否决) is honoured for nothing: its labels say why (below).
      const honours = u.veto ? [] : group.honours.filter((h) => rank <= h.top).map((h) => h.label);
      const criticism = group.criticism.filter((c) => bottom <= c.bottom).map((c) => c.label);
      if (honours.length > 0) u.labels = ineligible ? [FRAUD_LABEL] : honours;
      if (honours.length > 0 && !ineligible) {
        if (criticism.length > 0 && !overlapWarned.has(u.name)) {
          overlapWarned.add(u.name);
          warn(u.name, `${u.name}：同时处于前列与后列（参评单位过少），按表彰处理`);
        }
      } else u.labels.push(...criticism);
      if (ineligible && honours.length === 0) u.labels.unshift(FRAUD_LABEL);
    }
    // Ranks among the units scored so far: any unit still without a final score may come in
    // anywhere, so the ranks (and the honour and criticism lists) are provisional until then.
    // (A 朝阳 unit that carries no item, y = 0, is left out of the ranking for good: not counted.)
    for (const u of units) if (u.group === group.id && u.veto && u.final !== null) u.labels.unshift(u.veto.text);
    const unscored = units.filter((u) => u.group === group.id && u.final === null && u.normalisation?.y !== 0).length;
    if (unscored > 0 && pool.length > 0) {
      const lists = group.honours.length + group.criticism.length > 0 ? '名次和表彰、通报名单' : '名次';
      warn(
        group.label,
        `${group.label}：还有 ${unscored} 个单位未得出总分，${lists}暂按已计分的 ${pool.length} 个单位排出，待全部计分后确定`,
      );
    }
    const widest = Math.max(0, ...group.honours.map((h) => h.top), ...group.criticism.map((c) => c.bottom));
    if (widest > 0 && pool.length > 0 && pool.length < 2 * widest)
      warn(group.label, `${group.label}：参评单位 ${pool.length} 个，少于表彰与通报名额之和，前后名单可能重叠`);
  }
  return { units, problems };
}
