/**
 * Structural edits and what Excel adjusts with them: inserting/deleting rows, columns or shifted cells moves cell
 * contents, styles, merges, validation, tables, row heights/column widths, and rewrites every reference to the sheet
 * (cell formulas, defined names, validation formulas, chart sources). Sheet rename/delete rewrite references too.
 */
import { MAX_COLS, MAX_ROWS, Rect, intersect, lastCol, lastRow, parseAddress, qualifiedAddress } from './addresses';
import { richError } from './errors';
import { ShiftSpec, deleteSheetInFormula, renameSheetInFormula, shiftFormula, shiftRect } from './formula-refs';
import { cellsIn } from './styles';
import { Cell, SheetModel, WorkbookModel, cellKey, keyCol, keyRow } from './workbook-model';

/** Calls `fn` for every formula-like string in the workbook (cells, names, validation rules, chart sources). */
export function rewriteAllFormulas(wb: WorkbookModel, fn: (formula: string, hostSheet: string | undefined) => string): void {
  for (const s of wb.sheets) {
    for (const cell of s.cells.values()) if (cell.f) cell.f = fn(cell.f, s.name);
    for (const dv of s.validations) {
      if (!dv.rule) continue;
      for (const body of Object.values(dv.rule))
        for (const k of ['source', 'formula', 'formula1', 'formula2'])
          if (typeof body[k] === 'string' && (body[k] as string).startsWith('=')) body[k] = fn(body[k] as string, s.name);
    }
  }
  for (const n of wb.names) n.formula = fn(n.formula, undefined);
  for (const ch of wb.charts) ch.source = fn(`=${ch.source}`, undefined).slice(1);
}

function mapKeys<V>(m: Map<number, V>, move: (i: number) => number | null): Map<number, V> {
  const out = new Map<number, V>();
  for (const [i, v] of m) {
    const j = move(i);
    if (j !== null) out.set(j, v);
  }
  return out;
}

export interface ShiftEdit {
  sheet: SheetModel;
  axis: 'rows' | 'cols';
  at: number;
  /** > 0 inserts, < 0 deletes. */
  count: number;
  band: [number, number];
}

function moving(e: ShiftEdit): Rect {
  return e.axis === 'rows'
    ? { row: e.at, col: e.band[0], rowCount: MAX_ROWS - e.at, colCount: e.band[1] - e.band[0] + 1 }
    : { row: e.band[0], col: e.at, rowCount: e.band[1] - e.band[0] + 1, colCount: MAX_COLS - e.at };
}

function within(r: Rect, e: ShiftEdit): boolean {
  const p0 = e.axis === 'rows' ? r.col : r.row;
  const p1 = e.axis === 'rows' ? lastCol(r) : lastRow(r);
  return p0 >= e.band[0] && p1 <= e.band[1];
}

/** Refuses what Excel refuses: pushing data off the sheet, shifting part of a table or a merged area. */
export function checkShift(wb: WorkbookModel, e: ShiftEdit, location: string): void {
  const region = moving(e);
  const max = e.axis === 'rows' ? MAX_ROWS : MAX_COLS;
  if (e.count > 0) {
    const edge: Rect =
      e.axis === 'rows'
        ? { row: max - e.count, col: e.band[0], rowCount: e.count, colCount: e.band[1] - e.band[0] + 1 }
        : { row: e.band[0], col: max - e.count, rowCount: e.band[1] - e.band[0] + 1, colCount: e.count };
    for (const [, , cell] of cellsIn(e.sheet, edge))
      if (cell.v !== null || cell.f) throw richError('NonBlankCellOffSheet', undefined, location);
  }
  for (const t of wb.tablesOn(e.sheet.id)) {
    if (intersect(t.rect, region) && !within(t.rect, e))
      throw richError(
        'InvalidOperation',
        'This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.',
        location,
      );
    if (e.count < 0 && e.axis === 'rows' && t.showHeaders) {
      const d0 = e.at;
      const d1 = e.at - e.count - 1;
      const headerGone = t.rect.row >= d0 && t.rect.row <= d1;
      const allGone = t.rect.row >= d0 && lastRow(t.rect) <= d1;
      if (headerGone && !allGone && within(t.rect, e)) throw richError('InvalidOperation', undefined, location);
    }
  }
  for (const m of e.sheet.merges)
    if (intersect(m, region) && !within(m, e))
      throw richError('InvalidOperation', 'This operation will cause some merged cells to unmerge.', location);
}

export function applyShift(wb: WorkbookModel, e: ShiftEdit): void {
  const { sheet, axis, at, count, band } = e;
  const rows = axis === 'rows';
  const max = rows ? MAX_ROWS : MAX_COLS;
  const full = band[0] === 0 && band[1] === (rows ? MAX_COLS : MAX_ROWS) - 1;
  const movePos = (p: number): number | null => {
    if (p < at) return p;
    if (count > 0) return p + count < max ? p + count : null;
    if (p < at - count) return null;
    return p + count;
  };
  const cells = new Map<number, Cell>();
  for (const [k, cell] of sheet.cells) {
    const r = keyRow(k);
    const c = keyCol(k);
    const perp = rows ? c : r;
    if (perp < band[0] || perp > band[1]) {
      cells.set(k, cell);
      continue;
    }
    const p = movePos(rows ? r : c);
    if (p !== null) cells.set(rows ? cellKey(p, c) : cellKey(r, p), cell);
  }
  sheet.cells = cells;
  if (full) {
    if (rows) {
      sheet.rowStyles = mapKeys(sheet.rowStyles, movePos);
      sheet.rowHeights = mapKeys(sheet.rowHeights, movePos);
      sheet.hiddenRows = new Set([...sheet.hiddenRows].map(movePos).filter((x): x is number => x !== null));
    } else {
      sheet.colStyles = mapKeys(sheet.colStyles, movePos);
      sheet.colWidths = mapKeys(sheet.colWidths, movePos);
      sheet.hiddenCols = new Set([...sheet.hiddenCols].map(movePos).filter((x): x is number => x !== null));
    }
  }
  if (count > 0 && at > 0) inheritFormats(wb, e, full);
  const spec: ShiftSpec = { sheet: sheet.name, axis, at, count, band };
  sheet.merges = sheet.merges.map((m) => shiftRect(m, spec)).filter((m): m is Rect => m !== null && (m.rowCount > 1 || m.colCount > 1));
  for (const dv of sheet.validations) dv.areas = dv.areas.map((a) => shiftRect(a, spec)).filter((a): a is Rect => a !== null);
  sheet.validations = sheet.validations.filter((v) => v.areas.length > 0);
  for (const t of wb.tablesOn(sheet.id)) {
    const moved = shiftRect(t.rect, spec);
    if (moved) t.rect = moved;
    else wb.tables = wb.tables.filter((x) => x !== t);
  }
  rewriteAllFormulas(wb, (f, host) => shiftFormula(f, host, spec));
}

/** Inserted cells take the formatting of the row above / column to the left, like Excel's default insert. */
function inheritFormats(wb: WorkbookModel, e: ShiftEdit, full: boolean): void {
  const { sheet, axis, at, count, band } = e;
  const srcRect: Rect =
    axis === 'rows'
      ? { row: at - 1, col: band[0], rowCount: 1, colCount: band[1] - band[0] + 1 }
      : { row: band[0], col: at - 1, rowCount: band[1] - band[0] + 1, colCount: 1 };
  for (const [r, c, cell] of [...cellsIn(sheet, srcRect)]) {
    if (!cell.st || Object.keys(cell.st).length === 0) continue;
    for (let i = 0; i < count; i++) {
      const target = axis === 'rows' ? wb.cellForWrite(sheet, at + i, c) : wb.cellForWrite(sheet, r, at + i);
      target.st = { ...cell.st };
    }
  }
  if (!full) return;
  const layer = axis === 'rows' ? sheet.rowStyles : sheet.colStyles;
  const src = layer.get(at - 1);
  if (src) for (let i = 0; i < count; i++) layer.set(at + i, { ...src });
}

export function renameSheet(wb: WorkbookModel, sheet: SheetModel, newName: string): void {
  const old = sheet.name;
  if (old === newName) return;
  sheet.name = newName;
  rewriteAllFormulas(wb, (f) => renameSheetInFormula(f, old, newName));
}

export function deleteSheet(wb: WorkbookModel, sheet: SheetModel, location: string): void {
  const visible = wb.sheets.filter((s) => s.visibility === 'Visible');
  if (visible.length === 1 && visible[0] === sheet)
    throw richError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', location);
  const idx = wb.sheets.indexOf(sheet);
  wb.sheets.splice(idx, 1);
  wb.tables = wb.tables.filter((t) => t.sheetId !== sheet.id);
  wb.charts = wb.charts.filter((c) => c.sheetId !== sheet.id);
  rewriteAllFormulas(wb, (f) => deleteSheetInFormula(f, sheet.name));
  if (wb.activeSheetId === sheet.id) {
    const next =
      wb.sheets.slice(idx).find((s) => s.visibility === 'Visible') ??
      [...wb.sheets.slice(0, idx)].reverse().find((s) => s.visibility === 'Visible')!;
    wb.activeSheetId = next.id;
    wb.selection = { sheetId: next.id, rect: { row: 0, col: 0, rowCount: 1, colCount: 1 } };
  }
}

export function moveSheet(wb: WorkbookModel, sheet: SheetModel, position: number, location: string): void {
  if (!Number.isInteger(position) || position < 0 || position >= wb.sheets.length) throw richError('InvalidArgument', undefined, location);
  wb.sheets.splice(wb.sheets.indexOf(sheet), 1);
  wb.sheets.splice(position, 0, sheet);
}

/** Resolves a chart/name style "Sheet!A1:B2" address to its sheet and rectangle. */
export function resolveQualified(wb: WorkbookModel, address: string): { sheet: SheetModel; rect: Rect } | null {
  try {
    const p = parseAddress(address);
    const sheet = p.sheet ? wb.sheetByName(p.sheet) : undefined;
    return sheet ? { sheet, rect: p.rect } : null;
  } catch {
    return null;
  }
}

export { qualifiedAddress };
