/** The engine's public API: score one unit, or a whole roster with ranks and labels. */
import type { Rubric } from '../rubric/schema';
import { rankUnits } from './rank';
import type { RosterResult, UnitInput, UnitScore } from './types';
import { scoreUnit as scoreOne, scoreUnitForRanking } from './unit';

export function scoreUnit(rubric: Rubric, unit: UnitInput): UnitScore {
  return scoreOne(rubric, unit);
}

export function scoreRoster(rubric: Rubric, units: UnitInput[]): RosterResult {
  const problems = [];
  const seen = new Set<string>();
  for (const u of units) {
    if (seen.has(u.name)) problems.push({ unit: u.name, severity: 'error' as const, message: `单位名称「${u.name}」重复，请区分` });
    seen.add(u.name);
  }
  const ranked = rankUnits(rubric, units.map((u) => scoreUnitForRanking(rubric, u)));
  return { rubricId: rubric.id, units: ranked.units, problems: [...problems, ...ranked.problems] };
}

export type * from './types';
