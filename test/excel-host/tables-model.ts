/** Tables in the model: creation rules, header names, row insertion, sorting (Excel's sort order). */
import { Rect, formatRect, intersect, lastCol, lastRow } from './addresses';
import { checkEditable, putCell } from './cells';
import { richError } from './errors';
import { formatCellText } from './number-format';
import { checkDefinedName } from './rules';
import { applyShift, checkShift } from './structure';
import { effectiveStyle } from './styles';
import { Cell, SheetModel, TableModel, WorkbookModel, cellKey } from './workbook-model';

export function bodyRect(t: TableModel): Rect | null {
  const top = t.showHeaders ? 1 : 0;
  const bottom = t.showTotals ? 1 : 0;
  const n = t.rect.rowCount - top - bottom;
  return n > 0 ? { row: t.rect.row + top, col: t.rect.col, rowCount: n, colCount: t.rect.colCount } : null;
}

export function headerRect(t: TableModel): Rect | null {
  return t.showHeaders ? { ...t.rect, rowCount: 1 } : null;
}

export function totalsRect(t: TableModel): Rect | null {
  return t.showTotals ? { ...t.rect, row: lastRow(t.rect), rowCount: 1 } : null;
}

/** Header texts made unique and non-blank the way Excel does ("Column1", "Name2"). */
export function normalizeHeaders(raw: string[]): string[] {
  const out: string[] = [];
  raw.forEach((h, i) => {
    let name = h.trim() === '' ? `Column${i + 1}` : h;
    if (out.some((o) => o.toLowerCase() === name.toLowerCase())) {
      let n = 2;
      while (out.some((o) => o.toLowerCase() === `${name}${n}`.toLowerCase())) n++;
      name = `${name}${n}`;
    }
    out.push(name);
  });
  return out;
}

function headerTexts(sheet: SheetModel, rect: Rect): string[] {
  const raw: string[] = [];
  for (let c = rect.col; c <= lastCol(rect); c++) {
    const cell = sheet.cells.get(cellKey(rect.row, c));
    raw.push(formatCellText(cell, String(effectiveStyle(sheet, rect.row, c, 'nf'))));
  }
  return raw;
}

/** After the header row was written, Excel re-derives column names and stores them as text. */
export function syncHeaders(wb: WorkbookModel, sheet: SheetModel, written: Rect): void {
  for (const t of wb.tablesOn(sheet.id)) {
    const h = headerRect(t);
    if (!h || !intersect(h, written)) continue;
    t.columns = normalizeHeaders(headerTexts(sheet, h));
    t.columns.forEach((name, i) => putCell(wb, sheet, h.row, h.col + i, { v: name }));
  }
}

export function nextTableName(wb: WorkbookModel): string {
  const taken = wb.takenNames().map((n) => n.toLowerCase());
  let n = wb.tables.length + 1;
  while (taken.includes(`table${n}`)) n++;
  return `Table${n}`;
}

export function addTable(wb: WorkbookModel, sheet: SheetModel, rect: Rect, hasHeaders: boolean, location: string): TableModel {
  checkEditable(sheet, rect, 'structure', location);
  const overlaps = wb.tablesOn(sheet.id).some((t) => intersect(t.rect, rect)) || sheet.merges.some((m) => intersect(m, rect));
  if (overlaps) throw richError('InvalidOperation', "A table can't overlap another table or merged cells.", location);
  let r = { ...rect };
  if (!hasHeaders) {
    // Excel inserts a header row above the data (shifting the cells below down within the table's columns).
    const edit = { sheet, axis: 'rows' as const, at: r.row, count: 1, band: [r.col, lastCol(r)] as [number, number] };
    checkShift(wb, edit, location);
    applyShift(wb, edit);
    r = { ...r, rowCount: r.rowCount + 1 };
    for (let i = 0; i < r.colCount; i++) putCell(wb, sheet, r.row, r.col + i, { v: `Column${i + 1}` });
  } else if (r.rowCount === 1) {
    r = { ...r, rowCount: 2 };
  }
  wb.counters.table++;
  const table: TableModel = {
    id: String(wb.counters.table),
    name: nextTableName(wb),
    sheetId: sheet.id,
    rect: r,
    showHeaders: true,
    showTotals: false,
    style: 'TableStyleMedium2',
    columns: [],
    props: {},
  };
  wb.tables.push(table);
  syncHeaders(wb, sheet, headerRect(table)!);
  return table;
}

export function renameTable(wb: WorkbookModel, t: TableModel, name: unknown, location: string): void {
  const taken = wb.takenNames().filter((n) => n.toLowerCase() !== t.name.toLowerCase());
  t.name = checkDefinedName(name, taken, location);
}

/** Inserts `count` rows into the table body at body index `index` (append when undefined). Returns the new rows. */
export function insertTableRows(
  wb: WorkbookModel,
  sheet: SheetModel,
  t: TableModel,
  index: number | undefined,
  count: number,
  location: string,
): Rect {
  const body = bodyRect(t);
  const bodyStart = t.rect.row + (t.showHeaders ? 1 : 0);
  const bodyRows = body ? body.rowCount : 0;
  if (index !== undefined && index !== null && (!Number.isInteger(index) || index < 0 || index > bodyRows))
    throw richError('InvalidArgument', undefined, location);
  const at = index === undefined || index === null ? bodyStart + bodyRows : bodyStart + index;
  const edit = { sheet, axis: 'rows' as const, at, count, band: [t.rect.col, lastCol(t.rect)] as [number, number] };
  checkShift(wb, edit, location);
  const before = t.rect;
  applyShift(wb, edit);
  if (t.rect.rowCount === before.rowCount) t.rect = { ...t.rect, rowCount: t.rect.rowCount + count };
  return { row: at, col: t.rect.col, rowCount: count, colCount: t.rect.colCount };
}

type SortKey = { kind: number; n: number; s: string };

const collator = new Intl.Collator('zh-CN', { sensitivity: 'base', numeric: false });

/** Excel's ascending order: numbers, text, FALSE, TRUE, errors; blanks always last. */
function sortKey(c: Cell | undefined): SortKey {
  if (!c || c.v === null) return { kind: 9, n: 0, s: '' };
  if (c.err) return { kind: 4, n: 0, s: String(c.v) };
  if (typeof c.v === 'number') return { kind: 0, n: c.v, s: '' };
  if (typeof c.v === 'boolean') return { kind: 2, n: c.v ? 1 : 0, s: '' };
  return { kind: 1, n: 0, s: c.v };
}

function compareKeys(a: SortKey, b: SortKey, ascending: boolean, matchCase: boolean): number {
  if (a.kind === 9 || b.kind === 9) return a.kind === b.kind ? 0 : a.kind === 9 ? 1 : -1;
  let d = a.kind - b.kind;
  if (d === 0) d = a.kind === 1 ? (matchCase ? a.s.localeCompare(b.s, 'zh-CN') : collator.compare(a.s, b.s)) : a.n - b.n;
  return ascending ? d : -d;
}

export interface SortField {
  key: number;
  ascending?: boolean;
}

/** Reorders whole rows (values, formulas and formats) of a rectangle by the given column offsets. Stable. */
export function sortRows(
  wb: WorkbookModel,
  sheet: SheetModel,
  rect: Rect,
  fields: SortField[],
  matchCase: boolean,
  location: string,
): void {
  for (const f of fields)
    if (!Number.isInteger(f.key) || f.key < 0 || f.key >= rect.colCount) throw richError('InvalidArgument', undefined, location);
  const rows: Array<{ cells: Array<Cell | undefined>; keys: SortKey[] }> = [];
  for (let r = rect.row; r <= lastRow(rect); r++) {
    const cells: Array<Cell | undefined> = [];
    for (let c = rect.col; c <= lastCol(rect); c++) cells.push(sheet.cells.get(cellKey(r, c)));
    rows.push({ cells, keys: fields.map((f) => sortKey(cells[f.key])) });
  }
  const indexed = rows.map((row, i) => ({ row, i }));
  indexed.sort((a, b) => {
    for (let k = 0; k < fields.length; k++) {
      const d = compareKeys(a.row.keys[k], b.row.keys[k], fields[k].ascending !== false, matchCase);
      if (d !== 0) return d;
    }
    return a.i - b.i;
  });
  indexed.forEach(({ row }, i) => {
    row.cells.forEach((cell, j) => {
      const k = cellKey(rect.row + i, rect.col + j);
      if (cell) sheet.cells.set(k, cell);
      else sheet.cells.delete(k);
    });
  });
}

export function tableSortRect(t: TableModel): Rect | null {
  return bodyRect(t);
}

export function describeTable(wb: WorkbookModel, t: TableModel) {
  const sheet = wb.sheetById(t.sheetId)!;
  return {
    id: t.id,
    name: t.name,
    sheet: sheet.name,
    address: formatRect(t.rect),
    columns: [...t.columns],
    showHeaders: t.showHeaders,
    showTotals: t.showTotals,
    style: t.style,
    rowCount: bodyRect(t)?.rowCount ?? 0,
  };
}
