/**
 * 变更记录 in the live workbook: rows appended through Office.js, never rewritten. The words of a row
 * are src/layout/change-log.ts, the same as the files' (src/xlsx/change-log.ts), so a log started by
 * `credit-score collect` and continued in Excel reads as one sheet.
 *
 * `open` costs two syncs (is the sheet there; where its used range ends), once; after that the writer
 * knows where the next row goes and `append` only queues, so an edit round that logs a change keeps
 * its own sync count. The sheet is not a unit sheet: the live session ignores changes in it.
 */
import {
  CHANGE_LOG_HEADERS,
  CHANGE_LOG_SHEET,
  CHANGE_LOG_WIDTHS,
  changeLogValues,
  type ChangeRow,
  type ChangeSource,
} from '../layout/change-log';
import { POINTS_PER_CHAR } from './apply-plan';

const LAST_COLUMN = String.fromCharCode(64 + CHANGE_LOG_HEADERS.length); // I

export class LiveChangeLog {
  /** 0-based row index of the next row; null while the sheet does not exist. */
  private constructor(private next: number | null) {}

  static async open(context: Excel.RequestContext): Promise<LiveChangeLog> {
    const sheet = context.workbook.worksheets.getItemOrNullObject(CHANGE_LOG_SHEET);
    // isNullObject is known after the sync without a load (docs: "Work with null objects").
    await context.sync();
    if (sheet.isNullObject) return new LiveChangeLog(null);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(['rowIndex', 'rowCount']);
    await context.sync();
    // An emptied sheet keeps its header row 1: the next row is 2 at least.
    return new LiveChangeLog(used.isNullObject ? 1 : Math.max(1, used.rowIndex + used.rowCount));
  }

  /** Queues the rows after the last one (and the sheet with its header when it is the first). */
  append(context: Excel.RequestContext, rows: readonly ChangeRow[], time: Date, source: ChangeSource): void {
    if (rows.length === 0) return;
    const sheets = context.workbook.worksheets;
    let sheet: Excel.Worksheet;
    if (this.next === null) {
      sheet = sheets.add(CHANGE_LOG_SHEET);
      const head = sheet.getRange(`A1:${LAST_COLUMN}1`);
      head.values = [[...CHANGE_LOG_HEADERS]];
      head.format.font.bold = true;
      head.format.font.name = '黑体';
      head.format.font.size = 10;
      head.format.fill.color = '#D9D9D9';
      CHANGE_LOG_WIDTHS.forEach((w, i) => {
        sheet.getCell(0, i).format.columnWidth = w * POINTS_PER_CHAR;
      });
      sheet.freezePanes.freezeRows(1);
      this.next = 1;
    } else sheet = sheets.getItem(CHANGE_LOG_SHEET);
    const first = this.next + 1;
    const range = sheet.getRange(`A${first}:${LAST_COLUMN}${first + rows.length - 1}`);
    const values = rows.map((r) => changeLogValues(r, time, source));
    // Text format first: 85% and 3/17 stay the text they were, not a number or a date.
    range.numberFormat = values.map((r) => r.map(() => '@'));
    range.values = values;
    this.next += rows.length;
  }
}
