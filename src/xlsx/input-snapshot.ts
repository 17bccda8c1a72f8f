/**
 * The `_cs_inputs` sheet of a file (src/layout/input-snapshot.ts): reading the inputs now, reading and
 * replacing the snapshot, and logging what changed since as 手工修改 in 变更记录. File mode calls
 * recordInputChanges before writing the scores; collect calls it before merging (edits typed since
 * the last scoring are logged as 手工修改) and writeInputSnapshot after (its 自评导入 changes are not
 * logged again by the next scoring).
 */
import type { Cell } from 'exceljs';
import {
  INPUTS_SHEET,
  inputSlots,
  parameterInputSlots,
  PARAMS_LINE,
  parseSnapshot,
  type InputSlot,
  snapshotChanges,
  snapshotLines,
  type UnitInputsNow,
  type UnitSnapshot,
} from '../layout/input-snapshot';
import type { Rubric } from '../rubric/schema';
import type { WorkbookMeta } from '../layout/plan';
import { appendChanges } from './change-log';
import { isPercentFormat, percentText, plainValue } from './cell-values';
import type { Workbook } from './exceljs';
import type { LocatedBlock } from './read-workbook';

/** A cell's value as 变更记录 shows it: percents as typed (85%), everything else as its text. */
export function shownValue(cell: Cell): string {
  const v = plainValue(cell.value);
  if (v === null) return '';
  return typeof v === 'number' && isPercentFormat(cell.numFmt) ? percentText(v) : String(v);
}

interface Located {
  meta: WorkbookMeta;
  blocks: Map<string, LocatedBlock>;
  paramsBlock?: LocatedBlock;
}

const textsOf = (block: LocatedBlock, slots: InputSlot[]) =>
  slots.map((s) => ({ ...s, text: shownValue(block.worksheet.getCell(block.top + s.row, block.left + s.col)) }));

/**
 * Every unit's inputs as the file holds them now (units whose sheet was not found are left out),
 * and the 参数 sheet's values where the rubric has them.
 */
export function currentInputs(read: Located): UnitInputsNow[] {
  const units = read.meta.units.flatMap((u) => {
    const block = read.blocks.get(u.key);
    return block ? [{ key: u.key, name: u.name, inputs: textsOf(block, inputSlots(block.index)) }] : [];
  });
  const params = read.paramsBlock;
  return params ? [...units, { ...PARAMS_LINE, inputs: textsOf(params, parameterInputSlots(params.index)) }] : units;
}

/** The snapshot the file holds, or null when it has none. */
export function readInputSnapshot(wb: Workbook): Map<string, UnitSnapshot> | null {
  const ws = wb.getWorksheet(INPUTS_SHEET);
  if (!ws) return null;
  const column: unknown[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    // A line longer than a cell holds continues in the cells to its right (writeInputSnapshot).
    let line = '';
    for (let c = 1; ; c++) {
      const v = plainValue(ws.getCell(r, c).value);
      if (typeof v !== 'string' || v === '') break;
      line += v;
    }
    column.push(line || null);
  }
  return parseSnapshot(column);
}

/** Below Excel's 32,767 characters a cell may hold: a unit with long 佐证材料 texts still fits. */
const CELL_TEXT = 30_000;

/** Replaces the snapshot with the inputs now (the sheet is made very hidden the first time). */
export function writeInputSnapshot(wb: Workbook, units: readonly UnitInputsNow[]): void {
  const ws = wb.getWorksheet(INPUTS_SHEET) ?? wb.addWorksheet(INPUTS_SHEET, { state: 'veryHidden' });
  const lines = snapshotLines(units).map((line) => {
    const pieces: string[] = [];
    for (let i = 0; i < line.length; i += CELL_TEXT) pieces.push(line.slice(i, i + CELL_TEXT));
    return pieces;
  });
  const rows = Math.max(ws.rowCount, lines.length);
  const cols = Math.max(ws.columnCount, ...lines.map((l) => l.length));
  for (let r = 1; r <= rows; r++)
    for (let c = 1; c <= cols; c++) {
      const cell = ws.getCell(r, c);
      cell.value = lines[r - 1]?.[c - 1] ?? null;
      cell.numFmt = '@'; // JSON stays text in any program that opens and saves the file
    }
}

export interface RecordOptions {
  /** The file's name, written in 变更记录's 文件 column. */
  file?: string;
  /** The time written to 变更记录 (default now). */
  now?: Date;
}

/**
 * Appends a 手工修改 row for every input changed since the snapshot (nothing without one), then
 * replaces the snapshot with the inputs now. Returns the number of rows appended.
 */
export function recordInputChanges(read: Located & { workbook: Workbook; rubric: Rubric }, options: RecordOptions = {}): number {
  const before = readInputSnapshot(read.workbook);
  const now = currentInputs(read);
  const rows = before ? snapshotChanges(read.rubric, before, now, options.file) : [];
  appendChanges(read.workbook, rows, options.now ?? new Date(), '手工修改');
  writeInputSnapshot(read.workbook, now);
  return rows.length;
}
