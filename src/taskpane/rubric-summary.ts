/**
 * Rubric → RubricSummary: the part of a rubric the task pane shows. Pure; copies arrays so the
 * summary can be handed to React without sharing mutable state with the loaded rubric.
 */
import type { Rubric } from '../rubric/schema';
import type { RubricSummary } from './controller';

export function toRubricSummary(rubric: Rubric, imported: boolean): RubricSummary {
  return {
    id: rubric.id,
    version: rubric.version,
    city: rubric.city,
    year: rubric.year,
    title: rubric.title,
    documentNumber: rubric.documentNumber,
    sourceFile: rubric.sourceFile,
    annexNumber: rubric.annex.number,
    annexTitle: rubric.annex.title,
    assessedUnits: rubric.assessedUnits,
    fullMarks: rubric.fullMarks,
    groups: rubric.ranking.groups.map((g) => ({ id: g.id, label: g.label })),
    rankPurpose: rubric.ranking.purpose === 'reference' ? 'reference' : 'official',
    defaultRoster: rubric.defaultRoster ? rubric.defaultRoster.map((e) => ({ name: e.name, group: e.group })) : null,
    notes: (rubric.notes ?? []).map((n) => ({ id: n.id, about: n.about, text: n.text })),
    officeMustSet: [...(rubric.officeMustSet ?? [])],
    imported,
  };
}
