/**
 * `_cs_inputs`, a very hidden sheet holding every unit's inputs (and the 参数 sheet's values, on a
 * line of their own) as the tool last saw them (when it scored the file in file mode, collected
 * 自评表 into it, or read it in the live session, src/excel/input-snapshot.ts): a marker, then one
 * JSON line per unit.
 * File mode compares the workbook's inputs with it and appends one 变更记录 row (手工修改) per
 * value typed in another program (WPS, LibreOffice) since, then replaces it. Without the sheet
 * (first scoring, a workbook made before it existed) nothing is logged: the inputs become the
 * baseline. Values are kept as the text the change log shows (percents as typed, 85%), so old and
 * new are written exactly as collect writes them. Pure data; the exceljs side is
 * src/xlsx/input-snapshot.ts.
 */
import { inputCells, type SheetIndex } from './binding';
import { describeField, type ChangeRow } from './change-log';
import { PARAM_INDICATOR, sameInput } from './input-equality';
import { PARAMS_SHEET_KEY, PARAMS_SHEET_NAME } from './params-sheet';
import { SELF_ROLES } from './self-assessment';
import type { Rubric } from '../rubric/schema';

export const INPUTS_SHEET = '_cs_inputs';
export const INPUTS_MARKER = 'credit-score-inputs/1';

/** The column of the unit table an input is in, as 变更记录 names it (设定值: the 参数 sheet's). */
export type InputColumn = '核定填报' | '自评填报' | '佐证材料' | '设定值';

/** One input cell of a unit table (0-based in the block). */
export interface InputSlot {
  column: InputColumn;
  rowKey: string;
  indicatorId: string;
  fieldId: string;
  row: number;
  col: number;
}

/**
 * Every input cell of a unit table: the office's 核定填报 cells (inputCells, 弄虚作假 included),
 * and, where 自评 columns were added, the unit's 自评填报 cells and the 佐证材料 cell of each item
 * (the cells collect writes, src/layout/self-assessment.ts formInputCells).
 */
export function inputSlots(index: SheetIndex): InputSlot[] {
  const keyOf = new Map([...index.rows].map(([k, r]) => [r, k]));
  const slots = (column: InputColumn, idx: SheetIndex): InputSlot[] =>
    inputCells(idx).map((c) => ({ column, rowKey: keyOf.get(c.row)!, ...c }));
  const out = slots('核定填报', index);
  const self = index.cols.get(SELF_ROLES.input);
  if (self !== undefined)
    out.push(...slots('自评填报', { ...index, cols: new Map(index.cols).set('input', self) }).filter((s) => s.indicatorId !== '@fraud'));
  const evidence = index.cols.get(SELF_ROLES.evidence);
  if (evidence !== undefined)
    for (const [rowKey, row] of index.rows) {
      const [kind, indicatorId] = rowKey.split('|');
      if (kind === 'i') out.push({ column: '佐证材料', rowKey, indicatorId, fieldId: SELF_ROLES.evidence, row, col: evidence });
    }
  return out;
}

/** The snapshot line of the 参数 sheet: its key (a unit's never is), and the name 变更记录 gives it. */
export const PARAMS_LINE = { key: PARAMS_SHEET_KEY, name: PARAMS_SHEET_NAME } as const;

/**
 * The 参数 sheet's value cells (rubric.parameters, one for every unit): a change there changes
 * every unit's 核定 score, so it is an input of 变更记录 like a unit's, kept on a line of its own.
 */
export function parameterInputSlots(index: SheetIndex): InputSlot[] {
  const col = index.cols.get('input');
  if (col === undefined) return [];
  const out: InputSlot[] = [];
  for (const [rowKey, row] of index.rows)
    if (rowKey.startsWith('p|')) out.push({ column: '设定值', rowKey, indicatorId: PARAM_INDICATOR, fieldId: rowKey.slice(2), row, col });
  return out;
}

/** One unit's inputs now: each slot with its text ('' when empty). */
export interface UnitInputsNow {
  key: string;
  name: string;
  inputs: (InputSlot & { text: string })[];
}

/** A unit's line of the sheet: its key and the non-empty texts by column, then row key. */
export interface UnitSnapshot {
  key: string;
  values: Partial<Record<InputColumn, Record<string, string>>>;
}

export function snapshotOf(unit: UnitInputsNow): UnitSnapshot {
  const values: UnitSnapshot['values'] = {};
  for (const i of unit.inputs) if (i.text !== '') (values[i.column] ??= {})[i.rowKey] = i.text;
  return { key: unit.key, values };
}

/** The sheet's column A: the marker, then one JSON line per unit. */
export function snapshotLines(units: readonly UnitInputsNow[]): string[] {
  return [INPUTS_MARKER, ...units.map((u) => JSON.stringify(snapshotOf(u)))];
}

/**
 * Column A of the sheet → each unit's snapshot; null without the marker (no snapshot: the next
 * scoring is the baseline). A damaged line leaves its unit out: that unit gets its baseline again
 * rather than a log of every value as changed.
 */
export function parseSnapshot(column: readonly unknown[]): Map<string, UnitSnapshot> | null {
  if (column[0] !== INPUTS_MARKER) return null;
  const out = new Map<string, UnitSnapshot>();
  for (const text of column.slice(1)) {
    if (typeof text !== 'string') continue;
    try {
      const line = JSON.parse(text) as UnitSnapshot;
      if (line && typeof line.key === 'string' && line.values && typeof line.values === 'object') out.set(line.key, line);
    } catch {
      // see above: the unit is left out
    }
  }
  return out;
}

/**
 * The 变更记录 rows between the snapshot and the inputs now: one per input whose value differs (not
 * only its spelling: src/layout/input-equality.ts), in the units' and tables' order. Units the snapshot does not hold are not compared (their baseline).
 */
export function snapshotChanges(
  rubric: Rubric,
  before: ReadonlyMap<string, UnitSnapshot>,
  now: readonly UnitInputsNow[],
  file?: string,
): ChangeRow[] {
  const rows: ChangeRow[] = [];
  for (const unit of now) {
    const old = before.get(unit.key);
    if (!old) continue;
    for (const i of unit.inputs) {
      const was = old.values[i.column]?.[i.rowKey] ?? '';
      if (sameInput(rubric, i.indicatorId, i.fieldId, was, i.text)) continue;
      rows.push({
        unit: unit.name,
        ...describeField(rubric, i.indicatorId, i.fieldId),
        column: i.column,
        old: was,
        now: i.text,
        ...(file ? { file } : {}),
      });
    }
  }
  return rows;
}
