/**
 * 核查清单 in the live workbook: the same sheet file mode writes (src/xlsx/review.ts; the words, the
 * columns and the hidden key column are src/layout/review.ts), kept up to date by the live session.
 *
 * The 核减原因 cells are the user's inputs: the session reads them (by the key column) before it
 * writes the sheet, and writes a line only where its content changed since the session last wrote
 * it, so a reason stays where it was typed while its line does not move. When a difference appears
 * or goes, lines below it move and carry their reasons with them (the reasons just read); a reason
 * whose difference has gone stays on a line of its own (已无差异), as in file mode.
 *
 * Reading costs nothing extra on an edit of the sheet itself (its id is known from the event and it
 * is read with the round's blocks); a full round (binding, 重新计分) looks for it by name, which
 * takes one more sync when it exists.
 */
import {
  REVIEW_COL,
  REVIEW_FIRST_ROW,
  REVIEW_HEADER_ROW,
  REVIEW_HEADERS,
  REVIEW_HINT,
  REVIEW_NONE,
  REVIEW_SHEET,
  REVIEW_TITLE,
  REVIEW_WIDTHS,
  typedReasons,
  type ReviewLine,
  type ReviewSheetRow,
} from '../layout/review';
import type { CellValue } from '../layout/plan';
import { POINTS_PER_CHAR } from './apply-plan';
import type { EchoFilter } from './echo';

const WIDTH = REVIEW_HEADERS.length;
const LAST = String.fromCharCode(64 + WIDTH); // H
const INPUT_FILL = '#FFF2CC';
const HEADER_FILL = '#D9D9D9';

const norm = (v: unknown): CellValue => (v === '' || v === undefined ? null : (v as CellValue));
const sameRow = (a: readonly CellValue[] | undefined, b: readonly CellValue[]) => !!a && b.every((v, i) => norm(a[i]) === norm(v));

export class LiveReviewSheet {
  /** The sheet's id once found or made; null while the workbook has none. */
  worksheetId: string | null = null;
  /** Reasons read from the sheet, by `unitKey|indicatorId`. */
  reasons = new Map<string, string>();
  /** The lines' cells (A..H from REVIEW_FIRST_ROW) as the session last wrote or read them. */
  private written: CellValue[][] = [];
  /** The sheet's used range as last read, for the next read of it. */
  private pendingRead: Excel.Range | null = null;
  /**
   * The reason cells of lines about to be overwritten, loaded in the write's own request just before
   * the write: a reason typed after the round read the sheet (the user typing while the round ran)
   * is found there and kept, by the key of the line it was typed on.
   */
  private overwritten: { cell: Excel.Range; key: string; believed: CellValue }[] = [];
  /** Reasons saved from an overwrite, by key, until the sheet is read again (they are newer than it). */
  private readonly rescued = new Map<string, string>();

  /** Queues the read of a sheet known to exist (an edit of it). */
  queueRead(context: Excel.RequestContext, worksheetId: string): void {
    const used = context.workbook.worksheets.getItem(worksheetId).getUsedRange(true);
    used.load(['values', 'rowIndex', 'columnIndex']);
    this.pendingRead = used;
  }

  /** A full round looks for the sheet by name in its first request (no sync of its own). */
  queueProbe(context: Excel.RequestContext): Excel.Worksheet {
    const ws = context.workbook.worksheets.getItemOrNullObject(REVIEW_SHEET);
    ws.load('id');
    return ws;
  }

  /**
   * After the first request's sync: the sheet found by the probe is read (one more sync, only when
   * it exists). Returns the id it had before when the sheet has gone (to stop listening to it).
   */
  async takeProbe(context: Excel.RequestContext, probe: Excel.Worksheet, sync: () => Promise<void>): Promise<void> {
    if (probe.isNullObject) {
      // The reasons read before stay: a sheet deleted by mistake is made again with them.
      this.forget();
      return;
    }
    this.worksheetId = probe.id;
    this.queueRead(context, probe.id);
    await sync();
    this.takeRead();
  }

  /** After the sync of queueRead: the reasons and the lines as they stand. */
  takeRead(): void {
    const used = this.pendingRead;
    this.pendingRead = null;
    if (!used) return;
    const rows: ReviewSheetRow[] = [];
    const grid: CellValue[][] = [];
    used.values.forEach((r, i) => {
      const row = used.rowIndex + i + 1;
      const at = (col1: number) => norm(r[col1 - 1 - used.columnIndex]);
      rows.push({ row, key: at(REVIEW_COL.key), reason: at(REVIEW_COL.reason) });
      if (row >= REVIEW_FIRST_ROW) grid[row - REVIEW_FIRST_ROW] = Array.from({ length: WIDTH }, (_, c) => at(c + 1));
    });
    this.reasons = typedReasons(rows);
    for (const [key, reason] of this.rescued) this.reasons.set(key, reason);
    this.rescued.clear();
    this.written = Array.from({ length: grid.length }, (_, i) => grid[i] ?? Array<CellValue>(WIDTH).fill(null));
  }

  /** Queues the sheet (made when missing) and every line whose content changed; returns the cells written. */
  queueWrite(
    context: Excel.RequestContext,
    lines: readonly ReviewLine[],
    echo: EchoFilter,
    onMade: (ws: Excel.Worksheet) => void = () => undefined,
  ): number {
    const sheets = context.workbook.worksheets;
    let ws: Excel.Worksheet;
    if (this.worksheetId === null) {
      ws = sheets.add(REVIEW_SHEET);
      ws.load('id');
      ws.getRange('A1').values = [[REVIEW_TITLE]];
      ws.getRange('A1').format.font.bold = true;
      ws.getRange('A1').format.font.size = 14;
      const hint = ws.getRange(`A2:${String.fromCharCode(64 + REVIEW_COL.reason)}2`);
      hint.merge();
      hint.values = [[REVIEW_HINT, ...Array<string>(REVIEW_COL.reason - 1).fill('')]];
      hint.format.wrapText = true;
      hint.format.rowHeight = 28;
      const head = ws.getRange(`A${REVIEW_HEADER_ROW}:${LAST}${REVIEW_HEADER_ROW}`);
      head.values = [[...REVIEW_HEADERS]];
      head.format.font.bold = true;
      head.format.fill.color = HEADER_FILL;
      head.format.wrapText = true;
      REVIEW_WIDTHS.forEach((w, i) => {
        ws.getCell(0, i).format.columnWidth = w * POINTS_PER_CHAR;
      });
      ws.getRange(`${LAST}:${LAST}`).columnHidden = true;
      ws.freezePanes.freezeRows(REVIEW_HEADER_ROW);
      this.written = [];
      this.madeNow = ws;
      onMade(ws);
    } else ws = sheets.getItem(this.worksheetId);
    const wanted: CellValue[][] =
      lines.length > 0 ? lines.map((l) => l.values) : [[REVIEW_NONE, ...Array<CellValue>(WIDTH - 1).fill(null)]];
    let cells = 0;
    const count = Math.max(wanted.length, this.written.length);
    for (let i = 0; i < count; i++) {
      const row = wanted[i] ?? Array<CellValue>(WIDTH).fill(null);
      if (sameRow(this.written[i], row)) continue;
      const r = REVIEW_FIRST_ROW + i;
      const before = this.worksheetId !== null ? this.written[i] : undefined;
      const key = before?.[REVIEW_COL.key - 1];
      if (typeof key === 'string' && key !== '') {
        // Loaded before the write below, in the same request (no sync of its own).
        const cell = ws.getRange(`${String.fromCharCode(64 + REVIEW_COL.reason)}${r}`);
        cell.load('values');
        this.overwritten.push({ cell, key, believed: norm(before?.[REVIEW_COL.reason - 1]) });
      }
      const range = ws.getRange(`A${r}:${LAST}${r}`);
      // Text stays text (a reason such as 3/17 must not become a date).
      range.numberFormat = [row.map((v) => (typeof v === 'number' ? 'General' : '@'))];
      range.values = [row.map((v) => (v === null ? '' : v))];
      const reason = ws.getRange(`${String.fromCharCode(64 + REVIEW_COL.reason)}${r}`);
      if (wanted[i] && lines.length > 0) {
        reason.format.fill.color = INPUT_FILL;
        reason.format.protection.locked = false;
        range.format.wrapText = true;
      } else reason.format.fill.clear();
      if (this.worksheetId !== null) echo.record(this.worksheetId, r - 1, 0, WIDTH);
      cells += WIDTH;
    }
    this.written = wanted.map((r) => [...r]);
    return cells;
  }

  /**
   * After the sync of queueWrite: a reason cell that held something other than what the session
   * last read or wrote was typed while the round ran; it is kept for its line's key (and written to
   * the line's row by the next round). Returns how many were kept.
   */
  takeOverwritten(): number {
    const list = this.overwritten;
    this.overwritten = [];
    let kept = 0;
    for (const { cell, key, believed } of list) {
      const typed = norm(cell.values[0]?.[0]);
      if (typed === null || typed === believed) continue;
      const text = String(typed);
      this.reasons.set(key, text);
      this.rescued.set(key, text);
      kept++;
    }
    return kept;
  }

  /** The sheet made by the last queueWrite, until its id is known (after the sync). */
  private madeNow: Excel.Worksheet | null = null;

  /** After the sync of a queueWrite that made the sheet: its id. Returns it when the sheet is new. */
  takeMade(echo: EchoFilter): string | null {
    const made = this.madeNow;
    this.madeNow = null;
    if (!made) return null;
    this.worksheetId = made.id;
    // Its values were written before its id was known: the echoes of the whole sheet.
    echo.record(made.id, 0, 0, WIDTH, REVIEW_FIRST_ROW - 1 + this.written.length);
    return made.id;
  }

  /** The sheet was deleted (or not found): the next write makes it again. */
  forget(): void {
    this.overwritten = [];
    this.worksheetId = null;
    this.written = [];
    this.madeNow = null;
  }
}
