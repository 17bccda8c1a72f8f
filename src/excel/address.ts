/** A1 addresses of change events ("B7", "B7:D9", "Sheet1!B7:D9", "'县 公安局'!A1") as 0-based rectangles. */
import type { Rect } from '../layout/rectangles';

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const ROWS = /^\$?(\d+):\$?(\d+)$/;
const COLS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
export const MAX_ROW = 1_048_575;
export const MAX_COL = 16_383;

export function parseAddress(address: string): Rect | null {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const rows = ROWS.exec(local);
  if (rows) return { fromRow: Number(rows[1]) - 1, toRow: Number(rows[2]) - 1, fromCol: 0, toCol: MAX_COL };
  const cols = COLS.exec(local);
  if (cols) return { fromRow: 0, toRow: MAX_ROW, fromCol: columnNumber(cols[1]), toCol: columnNumber(cols[2]) };
  const [a, b = a] = local.split(':');
  const p = CELL.exec(a);
  const q = CELL.exec(b);
  if (!p || !q) return null;
  const r1 = Number(p[2]) - 1;
  const r2 = Number(q[2]) - 1;
  const c1 = columnNumber(p[1]);
  const c2 = columnNumber(q[1]);
  return { fromRow: Math.min(r1, r2), toRow: Math.max(r1, r2), fromCol: Math.min(c1, c2), toCol: Math.max(c1, c2) };
}

export const cellCount = (r: Rect) => (r.toRow - r.fromRow + 1) * (r.toCol - r.fromCol + 1);

/** The sheet name of an address such as 'a''b'!A1:C3 or 汇总!A1. */
export function sheetNameOf(address: string): string {
  const sheet = address.slice(0, address.lastIndexOf('!'));
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}
