/** The engine's public API: score one unit, or a whole roster with ranks and labels. */
import type { Rubric } from '../rubric/schema';
import { parameterProblems, type ParameterValues } from './parameters';
import { rankUnits } from './rank';
import type { Problem, RankedUnit, RosterResult, UnitInput, UnitScore } from './types';
import { NotApplicableAverages, usesAverages } from './not-applicable-average';
import { scoreUnit as scoreOne } from './unit';

/** `parameters`: the values the office set once for the rubric (rubric.parameters), by id. */
export function scoreUnit(rubric: Rubric, unit: UnitInput, parameters?: ParameterValues): UnitScore {
  return scoreOne(rubric, unit, parameters);
}

export function scoreRoster(rubric: Rubric, units: UnitInput[], parameters?: ParameterValues): RosterResult {
  const problems: Problem[] = rubric.parameters || parameters ? parameterProblems(rubric, parameters) : [];
  // One problem per name, however many units share it (4,000 copies of a name must not make 4,000
  // problems that a display then repeats under each of the 4,000 units).
  const seen = new Set<string>();
  const duplicated = new Set<string>();
  for (const u of units) {
    if (seen.has(u.name) && !duplicated.has(u.name)) {
      duplicated.add(u.name);
      problems.push({ unit: u.name, severity: 'error', message: `单位名称「${u.name}」重复，请区分` });
    }
    seen.add(u.name);
  }
  if (rubric.defaultRoster) {
    const roster = new Set(rubric.defaultRoster.map((r) => r.name));
    for (const name of seen)
      if (!roster.has(name))
        problems.push({
          unit: name,
          severity: 'warning',
          message: `${name}：不在本细则的参评单位名单（共 ${roster.size} 个）中，请核对单位名称`,
        });
  }
  let scores = units.map((u) => scoreOne(rubric, u, parameters));
  // 容缺项: items marked 不涉及 score the other units' average, known once every unit is scored.
  if (usesAverages(rubric, units)) {
    const averages = new NotApplicableAverages(rubric, units, scores);
    scores = units.map((u, i) => (u.notApplicable?.length ? scoreOne(rubric, u, parameters, averages) : scores[i]));
  }
  const ranked = rankUnits(rubric, scores);
  return {
    rubricId: rubric.id,
    units: ranked.units,
    problems: [...problems, ...inconsistentMaxima(rubric, ranked.units), ...ranked.problems],
  };
}

/**
 * Where the office types each item's points per unit (朝阳: the annexes were not published), one
 * annex gives an item one value for every unit of a group: differing values are a typing error
 * that would change x / y × 100, so each is reported with the units that differ from the most common value.
 */
function inconsistentMaxima(rubric: Rubric, units: readonly RankedUnit[]): Problem[] {
  const problems: Problem[] = [];
  const officeSet = rubric.categories.flatMap((c) => c.indicators).filter((i) => i.rule.kind === 'manual' && i.rule.maxField !== undefined);
  if (officeSet.length === 0) return problems;
  for (const group of rubric.ranking.groups) {
    const members = units.filter((u) => u.group === group.id);
    for (const ind of officeSet) {
      const byValue = new Map<number, string[]>();
      for (const u of members) {
        const item = u.items[ind.id];
        if (item === undefined || item.status === 'excluded' || item.max === null) continue;
        const names = byValue.get(item.max);
        if (names === undefined) byValue.set(item.max, [u.name]);
        else names.push(u.name);
      }
      if (byValue.size < 2) continue;
      const values = [...byValue.entries()].sort((a, b) => b[1].length - a[1].length);
      const shown = values
        .slice(1, 4)
        .map(([v, names]) => `${v} 分：${names.slice(0, 3).join('、')}${names.length > 3 ? ` 等 ${names.length} 个单位` : ''}`);
      const others = values.length > 4 ? [...shown, `另有 ${values.length - 4} 种分值`] : shown;
      problems.push({
        unit: group.label,
        severity: 'warning',
        indicatorId: ind.id,
        message: `${group.label}：${ind.id} ${ind.name} 的本项分值不一致（多数单位为 ${values[0][0]} 分；${others.join('；')}），同一附件中同一项目的分值应相同，请核对`,
      });
    }
  }
  return problems;
}

export type * from './types';
export type { ParameterValues } from './parameters';
