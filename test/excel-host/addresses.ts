/** A1-style address parsing and formatting, sheet-name quoting, rectangle helpers. All indexes are 0-based. */
import { invalidArgument } from './errors';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

export interface ParsedAddress {
  sheet?: string;
  rect: Rect;
}

export function lastRow(r: Rect): number {
  return r.row + r.rowCount - 1;
}
export function lastCol(r: Rect): number {
  return r.col + r.colCount - 1;
}
export function isEntireRows(r: Rect): boolean {
  return r.col === 0 && r.colCount === MAX_COLS;
}
export function isEntireCols(r: Rect): boolean {
  return r.row === 0 && r.rowCount === MAX_ROWS;
}

export function colToLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL_RE = /^\$?([A-Za-z]{1,3})$/;
const ROW_RE = /^\$?(\d{1,7})$/;

function cellPart(s: string): { row: number; col: number } | null {
  const m = CELL_RE.exec(s);
  if (!m) return null;
  const col = lettersToCol(m[1]);
  const row = Number(m[2]) - 1;
  if (col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return null;
  return { row, col };
}

function fromCorners(r1: number, c1: number, r2: number, c2: number): Rect {
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, rowCount: Math.abs(r2 - r1) + 1, colCount: Math.abs(c2 - c1) + 1 };
}

/** Parses the part after "Sheet!" ("B7", "B2:D9", "A:C", "5:7"); null when malformed or out of the grid. */
export function parseLocalAddress(text: string): Rect | null {
  const parts = text.split(':');
  if (parts.length === 1) {
    const c = cellPart(parts[0]);
    return c ? { row: c.row, col: c.col, rowCount: 1, colCount: 1 } : null;
  }
  if (parts.length !== 2) return null;
  const [a, b] = parts;
  const ca = cellPart(a);
  const cb = cellPart(b);
  if (ca && cb) return fromCorners(ca.row, ca.col, cb.row, cb.col);
  const colA = COL_RE.exec(a);
  const colB = COL_RE.exec(b);
  if (colA && colB) {
    const c1 = lettersToCol(colA[1]);
    const c2 = lettersToCol(colB[1]);
    if (c1 >= MAX_COLS || c2 >= MAX_COLS) return null;
    return fromCorners(0, c1, MAX_ROWS - 1, c2);
  }
  const rowA = ROW_RE.exec(a);
  const rowB = ROW_RE.exec(b);
  if (rowA && rowB) {
    const r1 = Number(rowA[1]) - 1;
    const r2 = Number(rowB[1]) - 1;
    if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS) return null;
    return fromCorners(r1, 0, r2, MAX_COLS - 1);
  }
  return null;
}

/** Splits "Sheet1!A1" / "'My sheet'!A1" into sheet name and local part. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  if (address.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < address.length) {
      if (address[i] === "'") {
        if (address[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += address[i++];
    }
    if (address[i] !== "'" || address[i + 1] !== '!') return { local: address };
    return { sheet: name, local: address.slice(i + 2) };
  }
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { local: address };
  return { sheet: address.slice(0, bang), local: address.slice(bang + 1) };
}

/** Parses an address, optionally sheet-qualified. Throws InvalidArgument like Excel for anything else. */
export function parseAddress(address: string, location = 'Worksheet.getRange'): ParsedAddress {
  if (typeof address !== 'string' || address.length === 0) throw invalidArgument('address', location);
  const { sheet, local } = splitSheet(address);
  const rect = parseLocalAddress(local);
  if (!rect) throw invalidArgument('address', location);
  return sheet === undefined ? { rect } : { sheet, rect };
}

export function cellAddress(row: number, col: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${colToLetters(col)}${d}${row + 1}`;
}

/** "B7", "B2:D9", "5:7" (entire rows), "B:D" (entire columns); absolute adds "$". */
export function formatRect(r: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  if (isEntireRows(r)) return `${d}${r.row + 1}:${d}${lastRow(r) + 1}`;
  if (isEntireCols(r)) return `${d}${colToLetters(r.col)}:${d}${colToLetters(lastCol(r))}`;
  const first = cellAddress(r.row, r.col, absolute);
  if (r.rowCount === 1 && r.colCount === 1) return first;
  return `${first}:${cellAddress(lastRow(r), lastCol(r), absolute)}`;
}

/** True for names Excel would read as a cell reference: A1-style (A1, XFD1048576) or R1C1-style (R, C, R1C1, RC2...). */
export function looksLikeCellReference(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(name);
  if (a1 && lettersToCol(a1[1]) < MAX_COLS && Number(a1[2]) >= 1 && Number(a1[2]) <= MAX_ROWS) return true;
  return /^[Rr](\d*)([Cc](\d*))?$/.test(name) || /^[Cc]\d*$/.test(name);
}

/** Quotes a sheet name for use in an address when Excel would ("'县 公安局'!A1"; "Sheet1!A1" stays bare). */
export function formatSheetName(name: string): string {
  const bare = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !looksLikeCellReference(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheetName: string, r: Rect, absolute = false): string {
  return `${formatSheetName(sheetName)}!${formatRect(r, absolute)}`;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const r2 = Math.min(lastRow(a), lastRow(b));
  const c2 = Math.min(lastCol(a), lastCol(b));
  if (r2 < row || c2 < col) return null;
  return { row, col, rowCount: r2 - row + 1, colCount: c2 - col + 1 };
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.row >= outer.row && inner.col >= outer.col && lastRow(inner) <= lastRow(outer) && lastCol(inner) <= lastCol(outer);
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.row === b.row && a.col === b.col && a.rowCount === b.rowCount && a.colCount === b.colCount;
}

export function cellCount(r: Rect): number {
  return r.rowCount * r.colCount;
}

export function inGrid(r: Rect): boolean {
  return r.row >= 0 && r.col >= 0 && r.rowCount >= 1 && r.colCount >= 1 && lastRow(r) < MAX_ROWS && lastCol(r) < MAX_COLS;
}
