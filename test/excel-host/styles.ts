/**
 * Cell formatting. Styles live in three layers like Excel's own records: whole-column styles, whole-row styles and
 * per-cell styles (later layers win). Formatting "D:D" therefore costs one column record, not a million cells.
 */
import { MAX_COLS, MAX_ROWS, Rect, cellCount, intersect, isEntireCols, isEntireRows, lastCol, lastRow } from './addresses';
import { formatCellText } from './number-format';
import {
  Cell,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  SheetModel,
  Style,
  StyleValue,
  WorkbookModel,
  cellKey,
  keyCol,
  keyRow,
  styleDefault,
} from './workbook-model';

export function effectiveStyle(sheet: SheetModel, row: number, col: number, key: string): StyleValue {
  const own = sheet.cells.get(cellKey(row, col))?.st?.[key];
  if (own !== undefined) return own;
  const r = sheet.rowStyles.get(row)?.[key];
  if (r !== undefined) return r;
  const c = sheet.colStyles.get(col)?.[key];
  if (c !== undefined) return c;
  return styleDefault(key);
}

/** Existing cell records inside a rectangle (iterates whichever is smaller: the rectangle or the sheet's cells). */
export function* cellsIn(sheet: SheetModel, rect: Rect): Generator<[number, number, Cell]> {
  if (cellCount(rect) <= sheet.cells.size) {
    for (let r = rect.row; r <= lastRow(rect); r++)
      for (let c = rect.col; c <= lastCol(rect); c++) {
        const cell = sheet.cells.get(cellKey(r, c));
        if (cell) yield [r, c, cell];
      }
    return;
  }
  for (const [k, cell] of sheet.cells) {
    const r = keyRow(k);
    const c = keyCol(k);
    if (r >= rect.row && r <= lastRow(rect) && c >= rect.col && c <= lastCol(rect)) yield [r, c, cell];
  }
}

const EXACT_LIMIT = 200_000;

/** The style value shared by every cell of the rectangle, or null when they differ (as Excel reports mixed formats). */
export function readUniform(sheet: SheetModel, rect: Rect, key: string): StyleValue | null {
  const seen = new Set<StyleValue>();
  if (cellCount(rect) <= EXACT_LIMIT) {
    for (let r = rect.row; r <= lastRow(rect); r++)
      for (let c = rect.col; c <= lastCol(rect); c++) {
        seen.add(effectiveStyle(sheet, r, c, key));
        if (seen.size > 1) return null;
      }
    return [...seen][0];
  }
  for (const [, , cell] of cellsIn(sheet, rect)) if (cell.st?.[key] !== undefined) seen.add(cell.st[key]);
  for (const [r, st] of sheet.rowStyles) if (r >= rect.row && r <= lastRow(rect) && st[key] !== undefined) seen.add(st[key]);
  if (rect.rowCount > sheet.rowStyles.size)
    for (let c = rect.col; c <= lastCol(rect); c++) seen.add(sheet.colStyles.get(c)?.[key] ?? styleDefault(key));
  return seen.size === 1 ? [...seen][0] : null;
}

function without(st: Style | undefined, keys: string[]): Style | undefined {
  if (!st) return st;
  for (const k of keys) delete st[k];
  return st;
}

/** Applies a style patch to a rectangle, using row/column layers for entire rows/columns. */
export function writeStyle(wb: WorkbookModel, sheet: SheetModel, rect: Rect, patch: Style): void {
  const keys = Object.keys(patch);
  if (keys.length === 0) return;
  if (isEntireCols(rect)) {
    for (let c = rect.col; c <= lastCol(rect); c++) sheet.colStyles.set(c, { ...(sheet.colStyles.get(c) ?? {}), ...patch });
    for (const [r, c, cell] of cellsIn(sheet, rect)) {
      without(cell.st, keys);
      wb.dropIfEmpty(sheet, r, c);
    }
    // A row record would otherwise win over the newer column record at the intersections.
    for (const [r, st] of sheet.rowStyles) {
      const clash = keys.filter((k) => st[k] !== undefined);
      if (clash.length === 0) continue;
      for (let c = rect.col; c <= lastCol(rect); c++) {
        const cell = wb.cellForWrite(sheet, r, c);
        cell.st = { ...(cell.st ?? {}) };
        for (const k of clash) cell.st[k] = patch[k];
      }
    }
    return;
  }
  if (isEntireRows(rect)) {
    for (let r = rect.row; r <= lastRow(rect); r++) sheet.rowStyles.set(r, { ...(sheet.rowStyles.get(r) ?? {}), ...patch });
    for (const [r, c, cell] of cellsIn(sheet, rect)) {
      without(cell.st, keys);
      wb.dropIfEmpty(sheet, r, c);
    }
    return;
  }
  for (let r = rect.row; r <= lastRow(rect); r++)
    for (let c = rect.col; c <= lastCol(rect); c++) {
      const cell = wb.cellForWrite(sheet, r, c);
      cell.st = { ...(cell.st ?? {}), ...patch };
    }
}

/** Resets formats (Excel's clear('Formats')): removes every style layer inside the rectangle. */
export function clearStyles(wb: WorkbookModel, sheet: SheetModel, rect: Rect): void {
  if (isEntireCols(rect)) for (let c = rect.col; c <= lastCol(rect); c++) sheet.colStyles.delete(c);
  if (isEntireRows(rect)) for (let r = rect.row; r <= lastRow(rect); r++) sheet.rowStyles.delete(r);
  for (const [r, c, cell] of [...cellsIn(sheet, rect)]) {
    delete cell.st;
    wb.dropIfEmpty(sheet, r, c);
  }
}

function sub(_rect: Rect, row: number, col: number, rowCount: number, colCount: number): Rect | null {
  if (row < 0 || col < 0 || rowCount <= 0 || colCount <= 0 || row >= MAX_ROWS || col >= MAX_COLS) return null;
  return intersect({ row, col, rowCount, colCount }, { row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLS });
}

/** Border edges touch neighbours: a top border is also the bottom border of the cell above (Excel shares edges). */
export function borderTargets(rect: Rect, edge: string): Array<[Rect, string]> {
  const R = rect.row;
  const C = rect.col;
  const lr = lastRow(rect);
  const lc = lastCol(rect);
  const out: Array<[Rect | null, string]> = [];
  switch (edge) {
    case 'EdgeTop':
      out.push([sub(rect, R, C, 1, rect.colCount), 'EdgeTop'], [sub(rect, R - 1, C, 1, rect.colCount), 'EdgeBottom']);
      break;
    case 'EdgeBottom':
      out.push([sub(rect, lr, C, 1, rect.colCount), 'EdgeBottom'], [sub(rect, lr + 1, C, 1, rect.colCount), 'EdgeTop']);
      break;
    case 'EdgeLeft':
      out.push([sub(rect, R, C, rect.rowCount, 1), 'EdgeLeft'], [sub(rect, R, C - 1, rect.rowCount, 1), 'EdgeRight']);
      break;
    case 'EdgeRight':
      out.push([sub(rect, R, lc, rect.rowCount, 1), 'EdgeRight'], [sub(rect, R, lc + 1, rect.rowCount, 1), 'EdgeLeft']);
      break;
    case 'InsideHorizontal':
      if (rect.rowCount > 1)
        out.push(
          [sub(rect, R, C, rect.rowCount - 1, rect.colCount), 'EdgeBottom'],
          [sub(rect, R + 1, C, rect.rowCount - 1, rect.colCount), 'EdgeTop'],
        );
      break;
    case 'InsideVertical':
      if (rect.colCount > 1)
        out.push(
          [sub(rect, R, C, rect.rowCount, rect.colCount - 1), 'EdgeRight'],
          [sub(rect, R, C + 1, rect.rowCount, rect.colCount - 1), 'EdgeLeft'],
        );
      break;
    default:
      out.push([rect, edge]);
  }
  return out.filter((x): x is [Rect, string] => x[0] !== null);
}

export function writeBorder(wb: WorkbookModel, sheet: SheetModel, rect: Rect, edge: string, prop: string, value: StyleValue): void {
  for (const [r, e] of borderTargets(rect, edge)) writeStyle(wb, sheet, r, { [`border.${e}.${prop}`]: value });
}

export function readBorder(sheet: SheetModel, rect: Rect, edge: string, prop: string): StyleValue | null {
  const [first] = borderTargets(rect, edge);
  if (!first) return styleDefault(`border.x.${prop}`);
  return readUniform(sheet, first[0], `border.${first[1]}.${prop}`);
}

function uniformAxis(map: Map<number, number>, start: number, count: number, def: number): number | null {
  const seen = new Set<number>();
  let hits = 0;
  for (const [i, v] of map)
    if (i >= start && i < start + count) {
      seen.add(v);
      hits++;
    }
  if (hits < count) seen.add(def);
  return seen.size === 1 ? [...seen][0] : null;
}

export function columnWidth(sheet: SheetModel, rect: Rect): number | null {
  return uniformAxis(sheet.colWidths, rect.col, rect.colCount, DEFAULT_COLUMN_WIDTH);
}

export function rowHeight(sheet: SheetModel, rect: Rect): number | null {
  return uniformAxis(sheet.rowHeights, rect.row, rect.rowCount, DEFAULT_ROW_HEIGHT);
}

/** Approximate rendered width in points: CJK characters count double, bold adds 10%, scaled by font size. */
export function textWidthPoints(text: string, fontSize: number, bold: boolean): number {
  let units = 0;
  for (const ch of text) units += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return units * 5.25 * (fontSize / 11) * (bold ? 1.1 : 1) + 5.25;
}

export function autofitColumns(sheet: SheetModel, rect: Rect): void {
  const widths = new Map<number, number>();
  for (const [r, c, cell] of cellsIn(sheet, rect)) {
    if (cell.v === null) continue;
    const text = formatCellText(cell, String(effectiveStyle(sheet, r, c, 'nf')));
    const longest = text.split('\n').reduce((a, b) => (b.length > a.length ? b : a), '');
    const w = textWidthPoints(longest, Number(effectiveStyle(sheet, r, c, 'font.size')), effectiveStyle(sheet, r, c, 'font.bold') === true);
    widths.set(c, Math.max(widths.get(c) ?? 0, w));
  }
  for (const [c, w] of widths) sheet.colWidths.set(c, Math.round(w * 100) / 100);
}

export function autofitRows(sheet: SheetModel, rect: Rect): void {
  const heights = new Map<number, number>();
  for (const [r, c, cell] of cellsIn(sheet, rect)) {
    if (cell.v === null) continue;
    const size = Number(effectiveStyle(sheet, r, c, 'font.size'));
    const text = formatCellText(cell, String(effectiveStyle(sheet, r, c, 'nf')));
    let lines = text.split('\n').length;
    if (effectiveStyle(sheet, r, c, 'wrap') === true) {
      const colW = sheet.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
      lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidthPoints(line, size, false) / colW)), 0);
    }
    heights.set(r, Math.max(heights.get(r) ?? DEFAULT_ROW_HEIGHT, lines * DEFAULT_ROW_HEIGHT * (size / 11)));
  }
  for (const r of [...sheet.rowHeights.keys()]) if (r >= rect.row && r <= lastRow(rect) && !heights.has(r)) sheet.rowHeights.delete(r);
  for (const [r, h] of heights) sheet.rowHeights.set(r, Math.round(h * 100) / 100);
}
