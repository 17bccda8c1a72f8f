/**
 * Finding cells again: a managed sheet's block (its `CS_<key>` defined name) starts with the hidden
 * role row and ends with the hidden key column. Indexing a block maps roles to columns and row keys
 * to rows, whatever rows or columns users inserted. Reading inputs back is the same code for
 * Office.js and for .xlsx files.
 */
import type { Rubric } from '../rubric/schema';
import type { UnitInput } from '../scoring/types';
import { parseFieldValue, type RawValue } from '../scoring/values';
import { NOT_APPLICABLE_FIELD, type CellValue, type ColumnRole } from './plan';

export interface SheetIndex {
  cols: Map<string, number>;
  rows: Map<string, number>;
  keyCol: number;
}

export type IndexResult = { ok: true; index: SheetIndex } | { ok: false; message: string };

export function indexBlock(values: CellValue[][]): IndexResult {
  if (values.length === 0) return { ok: false, message: '区域为空' };
  const cols = new Map<string, number>();
  values[0].forEach((v, i) => {
    if (typeof v === 'string' && v && !cols.has(v)) cols.set(v, i);
  });
  const keyCol = cols.get('key');
  if (keyCol === undefined) return { ok: false, message: '找不到隐藏的标识列（第 1 行的角色行被改动）' };
  const rows = new Map<string, number>();
  values.forEach((row, r) => {
    const k = row[keyCol];
    if (r > 0 && typeof k === 'string' && k.includes('|') && !rows.has(k)) rows.set(k, r);
  });
  return { ok: true, index: { cols, rows, keyCol } };
}

export function cellOf(index: SheetIndex, rowKey: string, role: ColumnRole): { row: number; col: number } | null {
  const row = index.rows.get(rowKey);
  const col = index.cols.get(role);
  return row === undefined || col === undefined ? null : { row, col };
}

export interface InputCellRef {
  indicatorId: string;
  fieldId: string;
  row: number;
  col: number;
}

/** Every input cell of a unit sheet, in the block's coordinates. */
export function inputCells(index: SheetIndex): InputCellRef[] {
  const col = index.cols.get('input');
  if (col === undefined) return [];
  const out: InputCellRef[] = [];
  for (const [key, row] of index.rows) {
    const [kind, indicatorId, fieldId] = key.split('|');
    if ((kind === 'i' || kind === 'f') && indicatorId && fieldId) out.push({ indicatorId, fieldId, row, col });
    if (kind === 't' && (indicatorId === 'bonus' || indicatorId === 'fraud'))
      out.push({ indicatorId: `@${indicatorId}`, fieldId: indicatorId, row, col });
  }
  return out;
}

/**
 * Excel stores "85%" typed into a cell as 0.85 with a percent format; the displayed text is the
 * unambiguous form, so it is what a percent field receives.
 */
export function rawAt(values: CellValue[][], texts: (string | null)[][] | undefined, row: number, col: number): RawValue {
  const v = values[row]?.[col];
  const t = texts?.[row]?.[col];
  if (typeof v === 'number' && typeof t === 'string' && t.trim().endsWith('%')) return t.trim();
  return v === undefined ? null : v;
}

/** 是 / 否 as the engine reads them (是的, 没有, √, × …): one list of words for every yes/no cell. */
const YES_NO_FIELD = { id: 'yesno', label: '是/否', type: 'yesno' } as const;
const yesNo = (raw: RawValue): boolean | null => {
  const p = parseFieldValue(YES_NO_FIELD, raw);
  return p.status === 'ok' ? p.value === true : null;
};

export function readUnitInputs(
  rubric: Rubric,
  index: SheetIndex,
  name: string,
  group: string,
  values: CellValue[][],
  texts?: (string | null)[][],
): UnitInput {
  const inputs: Record<string, Record<string, RawValue>> = {};
  const notApplicable: string[] = [];
  let bonus: RawValue = null;
  let fraud: UnitInput['fraud'] = false;
  for (const ref of inputCells(index)) {
    const raw = rawAt(values, texts, ref.row, ref.col);
    if (ref.indicatorId === '@bonus') bonus = raw;
    else if (ref.indicatorId === '@fraud') fraud = parseFraud(rubric, raw);
    else if (ref.fieldId === NOT_APPLICABLE_FIELD) {
      if (yesNo(raw) === true) notApplicable.push(ref.indicatorId);
    } else (inputs[ref.indicatorId] ??= {})[ref.fieldId] = raw;
  }
  return { name, group, inputs, notApplicable, bonus, fraud };
}

function parseFraud(rubric: Rubric, raw: RawValue): UnitInput['fraud'] {
  if (raw === null || raw === undefined || String(raw).trim() === '') return false;
  const text = String(raw).trim();
  if (rubric.fraud === 'item_zero') return text.split(/[、,，;；\s]+/).filter(Boolean);
  // Anything but a clear 否 keeps the finding: a fraud mark is never dropped by a misread word.
  return yesNo(text) !== false;
}
