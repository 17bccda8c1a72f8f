/**
 * Checks a workbook's embedded rubric against the rubric the tool ships with the same id. Same id
 * and version but a different content hash means the rubric in the file was changed (a softened
 * rule, a different maximum): that is reported loudly, the shipped rubric is used by default, and
 * the differences are listed in Chinese (diff.ts: which indicators, fields and rules changed, and how). A different
 * version is an older or newer edition: the embedded one is used, with a warning (as before).
 * Pure: no file access, no host.
 */
import type { LoadedRubric } from './load';
import type { Rubric } from './schema';
import { diffRubrics, formatChange } from './diff';

export type EmbeddedKind = 'same' | 'other-version' | 'modified' | 'not-shipped';

export interface EmbeddedCheck {
  kind: EmbeddedKind;
  /** For 'modified': what differs, one Chinese line each. */
  differences: string[];
}

/** The notice every output carries when a workbook's embedded rubric was modified. */
export const modifiedRubricNotice = (id: string, version: string) => `本工作簿内嵌的评分细则与 ${id} ${version} 不一致`;

/** What differs between the shipped rubric and the embedded one, in Chinese (diff.ts: 由 shipped 改为 embedded). */
export function rubricDifferences(shipped: Rubric, embedded: Rubric): string[] {
  return diffRubrics(shipped, embedded).map(formatChange);
}

/** Compares the embedded rubric with the shipped one of the same id (null when the tool ships none). */
export function checkEmbedded(embedded: LoadedRubric, shipped: LoadedRubric | null): EmbeddedCheck {
  if (!shipped) return { kind: 'not-shipped', differences: [] };
  if (shipped.hash === embedded.hash) return { kind: 'same', differences: [] };
  if (shipped.rubric.version !== embedded.rubric.version) return { kind: 'other-version', differences: [] };
  const differences = rubricDifferences(shipped.rubric, embedded.rubric);
  return { kind: 'modified', differences: differences.length ? differences : ['内容不同（校验码不一致）'] };
}
