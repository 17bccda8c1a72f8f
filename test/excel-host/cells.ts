/** Reading and writing cell contents: values, formulas, number formats, clearing, used range, sheet protection. */
import { Rect, isEntireCols, isEntireRows, lastCol, lastRow } from './addresses';
import { RichApiError, invalidArgument, richError } from './errors';
import { cellsIn, clearStyles, effectiveStyle, readUniform, writeStyle } from './styles';
import { CellValue, MAX_FORMULA_LENGTH, convertInput } from './values';
import { SheetModel, WorkbookModel, keyCol, keyRow } from './workbook-model';

export type Accessor = (r: number, c: number) => unknown;

/** A scalar fills the range; otherwise the 2-D array must have the range's exact shape (Excel's InvalidArgument). */
export function shapeAccessor(input: unknown, rect: Rect, location: string): Accessor {
  if (!Array.isArray(input)) {
    if (input !== null && typeof input === 'object') throw invalidArgument('values', location);
    return () => input;
  }
  if (input.length !== rect.rowCount) throw shapeError(location);
  for (const row of input) if (!Array.isArray(row) || row.length !== rect.colCount) throw shapeError(location);
  return (r, c) => (input as unknown[][])[r][c];
}

function shapeError(location: string): RichApiError {
  const msg = "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";
  return new RichApiError('InvalidArgument', msg, location);
}

/** Throws AccessDenied like Excel when a protected sheet forbids the change. */
export function checkEditable(
  sheet: SheetModel,
  rect: Rect,
  what: 'contents' | 'format' | 'structure',
  location: string,
  permission?: string,
): void {
  const p = sheet.protection;
  if (!p.protected) return;
  if (what === 'structure') {
    if (!permission || p.options[permission] !== true) throw richError('AccessDenied', undefined, location);
    return;
  }
  if (what === 'format') {
    if (p.options[permission ?? 'allowFormatCells'] === true) return;
    throw richError('AccessDenied', undefined, location);
  }
  if (readUniform(sheet, rect, 'locked') !== false) throw richError('AccessDenied', undefined, location);
}

export interface CellChange {
  row: number;
  col: number;
  before: CellValue;
  after: CellValue;
}

function snapshot(c: CellValue | undefined): CellValue {
  if (!c) return { v: null };
  const out: CellValue = { v: c.v };
  if (c.err) out.err = true;
  if (c.f) out.f = c.f;
  return out;
}

/**
 * Writes `values` or `formulas` input with Excel's type-in conversion. `null` entries leave cells unchanged.
 * Returns the per-cell changes (before/after) for event details.
 */
export function writeContents(wb: WorkbookModel, sheet: SheetModel, rect: Rect, input: unknown, location: string): CellChange[] {
  const get = shapeAccessor(input, rect, location);
  // Validate everything first so a bad cell leaves the range untouched.
  const planned: Array<[number, number, ReturnType<typeof convertInput>]> = [];
  for (let i = 0; i < rect.rowCount; i++)
    for (let j = 0; j < rect.colCount; j++) {
      const raw = get(i, j);
      if (raw === null || raw === undefined) continue;
      const r = rect.row + i;
      const c = rect.col + j;
      const conv = convertInput(raw, String(effectiveStyle(sheet, r, c, 'nf')), location);
      if (conv.f && conv.f.length > MAX_FORMULA_LENGTH) throw richError('FormulaLengthExceedsLimit', undefined, location);
      planned.push([r, c, conv]);
    }
  const changes: CellChange[] = [];
  for (const [r, c, conv] of planned) {
    const before = snapshot(wb.getCell(sheet, r, c));
    const cell = wb.cellForWrite(sheet, r, c);
    cell.v = conv.v;
    if (conv.err) cell.err = true;
    else delete cell.err;
    if (conv.f) cell.f = conv.f;
    else delete cell.f;
    if (conv.impliedFormat && effectiveStyle(sheet, r, c, 'nf') === 'General') cell.st = { ...(cell.st ?? {}), nf: conv.impliedFormat };
    changes.push({ row: r, col: c, before, after: snapshot(cell) });
    wb.dropIfEmpty(sheet, r, c);
  }
  return changes;
}

/** Sets a cell's value directly (no type-in conversion); used by host.setFormulaResult and sorting. */
export function putCell(wb: WorkbookModel, sheet: SheetModel, r: number, c: number, value: CellValue): void {
  const cell = wb.cellForWrite(sheet, r, c);
  cell.v = value.v;
  if (value.err) cell.err = true;
  else delete cell.err;
  if (value.f) cell.f = value.f;
  else delete cell.f;
  wb.dropIfEmpty(sheet, r, c);
}

export function writeNumberFormat(wb: WorkbookModel, sheet: SheetModel, rect: Rect, input: unknown, location: string): void {
  if (!Array.isArray(input)) {
    if (typeof input !== 'string') {
      if (input === null) return;
      throw invalidArgument('numberFormat', location);
    }
    writeStyle(wb, sheet, rect, { nf: input });
    return;
  }
  const get = shapeAccessor(input, rect, location);
  for (let i = 0; i < rect.rowCount; i++)
    for (let j = 0; j < rect.colCount; j++) {
      const v = get(i, j);
      if (v === null || v === undefined) continue;
      if (typeof v !== 'string' && typeof v !== 'number') throw invalidArgument('numberFormat', location);
    }
  for (let i = 0; i < rect.rowCount; i++)
    for (let j = 0; j < rect.colCount; j++) {
      const v = get(i, j);
      if (v === null || v === undefined) continue;
      writeStyle(wb, sheet, { row: rect.row + i, col: rect.col + j, rowCount: 1, colCount: 1 }, { nf: String(v) });
    }
}

export function clearContents(wb: WorkbookModel, sheet: SheetModel, rect: Rect): CellChange[] {
  const changes: CellChange[] = [];
  for (const [r, c, cell] of [...cellsIn(sheet, rect)]) {
    if (cell.v === null && !cell.f) continue;
    const before = snapshot(cell);
    cell.v = null;
    delete cell.err;
    delete cell.f;
    changes.push({ row: r, col: c, before, after: { v: null } });
    wb.dropIfEmpty(sheet, r, c);
  }
  return changes;
}

export function clearFormats(wb: WorkbookModel, sheet: SheetModel, rect: Rect): void {
  clearStyles(wb, sheet, rect);
  if (isEntireCols(rect)) for (let c = rect.col; c <= lastCol(rect); c++) sheet.colWidths.delete(c);
  if (isEntireRows(rect)) for (let r = rect.row; r <= lastRow(rect); r++) sheet.rowHeights.delete(r);
}

/** Bounding box of cells with content (valuesOnly) or with content or any formatting. Null for an empty sheet. */
export function usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  const take = (r: number, c: number) => {
    r0 = Math.min(r0, r);
    c0 = Math.min(c0, c);
    r1 = Math.max(r1, r);
    c1 = Math.max(c1, c);
  };
  for (const [k, cell] of sheet.cells) {
    const hasValue = cell.v !== null || !!cell.f;
    const hasFormat = !!cell.st && Object.keys(cell.st).length > 0;
    if (hasValue || (!valuesOnly && hasFormat)) take(keyRow(k), keyCol(k));
  }
  if (r1 < 0) return null;
  return { row: r0, col: c0, rowCount: r1 - r0 + 1, colCount: c1 - c0 + 1 };
}
