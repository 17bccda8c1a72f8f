/**
 * Rubric → RubricSummary: the part of a rubric the task pane shows. Pure; copies arrays so the
 * summary can be handed to React without sharing mutable state with the loaded rubric.
 */
import type { Rubric } from '../rubric/schema';
import type { RubricSummary } from './controller';

/**
 * Rubric texts refer to their notes by the analysis's ids (「（见说明P9）」); the pane lists the notes
 * by what they are about, never by id, so the reference points at the list instead.
 */
export function withoutNoteIds(text: string): string {
  return text.replace(/（见说明[A-Za-z]*\d+(?:[、,，][A-Za-z]*\d+)*）/g, '（见下方「细则说明」）');
}

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
    officeMustSet: (rubric.officeMustSet ?? []).map(withoutNoteIds),
    imported,
  };
}
