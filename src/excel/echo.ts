/**
 * Recognises the change events caused by the add-in's own writes. Before ExcelApi 1.14 there is
 * no triggerSource, and Excel fires onChanged for add-in writes too (office-js issue 1122): every
 * cell written is remembered for a short while, and an event covering only remembered cells is an
 * echo. Since the add-in writes only computed cells, a user edit of an input cell is never mistaken
 * for an echo.
 */
import { cellCount, parseAddress } from './address';

const TTL_MS = 10_000;
const MAX_EXPANDED = 100_000;

export class EchoFilter {
  private readonly cells = new Map<string, Map<string, number>>();
  constructor(private readonly now: () => number = () => Date.now()) {}

  record(worksheetId: string, row: number, col: number, count = 1): void {
    const m = this.cells.get(worksheetId) ?? new Map<string, number>();
    const t = this.now();
    for (let c = col; c < col + count; c++) m.set(`${row},${c}`, t);
    this.cells.set(worksheetId, m);
  }

  /** True when every cell of the event was written by the add-in recently; consumes them. */
  isEcho(worksheetId: string, address: string): boolean {
    const m = this.cells.get(worksheetId);
    const rect = parseAddress(address);
    if (!m || !rect || cellCount(rect) > MAX_EXPANDED) return false;
    const now = this.now();
    const keys: string[] = [];
    for (let r = rect.fromRow; r <= rect.toRow; r++)
      for (let c = rect.fromCol; c <= rect.toCol; c++) {
        const k = `${r},${c}`;
        const t = m.get(k);
        if (t === undefined || now - t > TTL_MS) return false;
        keys.push(k);
      }
    for (const k of keys) m.delete(k);
    return true;
  }

  clear(): void {
    this.cells.clear();
  }
}
