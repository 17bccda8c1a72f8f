/**
 * Recognises the change events caused by the add-in's own writes. Before ExcelApi 1.14 there is
 * no triggerSource, and Excel fires onChanged for add-in writes too (office-js issue 1122): every
 * cell written is remembered for a short while, and an event covering only remembered cells is an
 * echo. Since the add-in writes only computed cells, a user edit of an input cell is never mistaken
 * for an echo.
 */
import { cellCount, MAX_COL, parseAddress } from './address';

const TTL_MS = 10_000;
const MAX_EXPANDED = 100_000;
/** A cell's key in its sheet's map: a number, so that an edit's hundreds of echoes build no strings. */
const cellKey = (row: number, col: number) => row * (MAX_COL + 1) + col;

export class EchoFilter {
  private readonly cells = new Map<string, Map<number, number>>();
  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Remembers the cells of a write: `rows` × `count` cells from (row, col). */
  record(worksheetId: string, row: number, col: number, count = 1, rows = 1): void {
    let m = this.cells.get(worksheetId);
    if (!m) this.cells.set(worksheetId, (m = new Map()));
    const t = this.now();
    for (let r = row; r < row + rows; r++) for (let c = col; c < col + count; c++) m.set(cellKey(r, c), t);
  }

  /** True when every cell of the event was written by the add-in recently; consumes them. */
  isEcho(worksheetId: string, address: string): boolean {
    const m = this.cells.get(worksheetId);
    const rect = m ? parseAddress(address) : null;
    if (!m || !rect || cellCount(rect) > MAX_EXPANDED) return false;
    const now = this.now();
    for (let r = rect.fromRow; r <= rect.toRow; r++)
      for (let c = rect.fromCol; c <= rect.toCol; c++) {
        const t = m.get(cellKey(r, c));
        if (t === undefined || now - t > TTL_MS) return false;
      }
    for (let r = rect.fromRow; r <= rect.toRow; r++) for (let c = rect.fromCol; c <= rect.toCol; c++) m.delete(cellKey(r, c));
    return true;
  }

  clear(): void {
    this.cells.clear();
  }

  /** Forgets one sheet's writes (a sheet whose handler was added after them: their echoes never come). */
  forgetSheet(worksheetId: string): void {
    this.cells.delete(worksheetId);
  }
}
