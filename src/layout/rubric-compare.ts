/**
 * 比较评分细则 for the pane and the page: a base rubric against a rubric file the user picked. The
 * file is validated like an imported rubric (every error with its path and fix); a valid one is
 * compared with src/rubric/diff.ts, which lists the changes in the order of the document.
 */
import { diffRubrics } from '../rubric/diff';
import { parseRubricText } from '../rubric/load';
import type { Rubric } from '../rubric/schema';
import type { CompareResult } from './pane-contract';

/** 「衡东 2020 东信建〔2020〕02号 1.1.0」: which rubric a side of the comparison is. */
export const rubricLabel = (r: Rubric) =>
  [`${r.city} ${r.year}`, r.annex.title, r.documentNumber ?? '无文号', `版本 ${r.version}`].join(' · ');

export function compareWithFile(base: Rubric, baseLabel: string, fileName: string, text: string): CompareResult {
  const parsed = parseRubricText(text, fileName);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => ({ path: e.path, message: e.message, fix: e.fix })) };
  return {
    ok: true,
    base: baseLabel,
    other: `${fileName}（${rubricLabel(parsed.value.rubric)}）`,
    changes: diffRubrics(base, parsed.value.rubric),
  };
}
