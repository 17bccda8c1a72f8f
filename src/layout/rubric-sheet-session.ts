/**
 * What both hosts do with a checked 细则定义 (the pane's 编辑评分细则): keep the last result, turn a
 * good one into a library rubric on 保存为评分细则, and tell listeners after each check. The hosts only
 * read the sheets (Office.js or an uploaded .xlsx) and mark cells.
 */
import { rubricFromDefinition, type DefinitionValues } from './rubric-sheet';
import type { RubricLibrary } from './rubric-library';
import type { RubricSheetResult, SavedRubric } from './pane-contract';
import { toRubricSummary } from './status';
import type { Rubric } from '../rubric/schema';
import { builtinRubricIds } from '../rubric/catalog';
import { SHEET_NAMES } from './rubric-sheet';

/** The label of the 细则标识 row in 考核办法 (column A), whose value is in column B. */
const ID_LABEL = '细则标识';

/**
 * An office rubric under a shipped id would stand in for the shipped one: the library lists one rubric
 * per id, and a workbook made with it would read as a tampered copy of the shipped rubric
 * (src/rubric/compare.ts). So the office's own rubric gets its own id.
 */
function shippedIdError(rubric: Rubric, values: DefinitionValues) {
  if (!builtinRubricIds.includes(rubric.id)) return null;
  const row = (values[SHEET_NAMES.method] ?? []).findIndex((r) => r?.[0] === ID_LABEL);
  return {
    sheet: SHEET_NAMES.method,
    cell: `B${row >= 0 ? row + 1 : 2}`,
    message: `细则标识「${rubric.id}」是随工具提供的细则的标识；本办制定的细则要用自己的标识。`,
    fix: `改成本办自己的标识，如 ${rubric.id}-office（小写字母、数字和连字符）。`,
  };
}

export class RubricSheetSession {
  private last: { ok: true; rubric: Rubric } | { ok: false; count: number } | null = null;
  private readonly listeners = new Set<(r: RubricSheetResult) => void>();

  constructor(private readonly library: RubricLibrary) {}

  /** Parses the sheets' values; remembers the result and tells the listeners. */
  check(values: DefinitionValues): RubricSheetResult & { errorsForMarking: { sheet: string; cell: string }[] } {
    const read = rubricFromDefinition(values);
    const clash = read.ok ? shippedIdError(read.rubric, values) : null;
    const parsed = clash ? { ok: false as const, errors: [clash] } : read;
    const result: RubricSheetResult = parsed.ok
      ? { ok: true, rubric: toRubricSummary(parsed.rubric, true) }
      : { ok: false, errors: parsed.errors.map((e) => ({ sheet: e.sheet, cell: e.cell, message: e.message, fix: e.fix })) };
    this.last = parsed.ok ? { ok: true, rubric: parsed.rubric } : { ok: false, count: parsed.errors.length };
    for (const l of this.listeners) l(result);
    return { ...result, errorsForMarking: parsed.ok ? [] : parsed.errors };
  }

  /** The last good check as a library rubric (validated again by the library, like an imported file). */
  save(): SavedRubric {
    if (!this.last) throw new Error('还没有检查过细则定义表，请先检查。');
    if (!this.last.ok) throw new Error(`细则定义表还有 ${this.last.count} 处错误，改正后才能保存。`);
    const json = `${JSON.stringify(this.last.rubric, null, 2)}\n`;
    const fileName = `${this.last.rubric.id}.json`;
    const imported = this.library.import(fileName, json);
    if (!imported.ok) throw new Error(`细则未能保存：${imported.errors.map((e) => `${e.path} ${e.message}`).join('；')}`);
    return { rubric: imported.rubric, fileName, json };
  }

  savedRubric(): Rubric | null {
    return this.last?.ok ? this.last.rubric : null;
  }

  subscribe(listener: (r: RubricSheetResult) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
