/**
 * 变更记录: one row per value changed (time, unit, item, field, column, old → new, source, file).
 * The sheet is only ever appended to: rows are added after the last used row and no existing row is
 * read back, rewritten or removed, so it survives save and reopen in any program as the record of
 * who changed what. The rows' words are src/layout/change-log.ts, shared with the live workbook's
 * writer (src/excel/change-log.ts).
 */
import {
  CHANGE_LOG_HEADERS,
  CHANGE_LOG_SHEET,
  CHANGE_LOG_WIDTHS,
  changeLogValues,
  type ChangeRow,
  type ChangeSource,
} from '../layout/change-log';
import type { Workbook, Worksheet } from './exceljs';

export { CHANGE_LOG_SHEET, describeField, localTime, type ChangeRow } from '../layout/change-log';

function logSheet(wb: Workbook): Worksheet {
  const found = wb.getWorksheet(CHANGE_LOG_SHEET);
  if (found) return found;
  const ws = wb.addWorksheet(CHANGE_LOG_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2' }] });
  const head = ws.getRow(1);
  CHANGE_LOG_HEADERS.forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { name: '黑体', size: 10, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
    ws.getColumn(i + 1).width = CHANGE_LOG_WIDTHS[i];
  });
  return ws;
}

/** Appends the rows (nothing when there are none: an unchanged workbook gets no sheet). */
export function appendChanges(wb: Workbook, rows: ChangeRow[], time: Date, source: ChangeSource): void {
  if (rows.length === 0) return;
  const ws = logSheet(wb);
  let r = ws.actualRowCount === 0 ? 2 : ws.lastRow!.number + 1;
  for (const c of rows) {
    const row = ws.getRow(r++);
    changeLogValues(c, time, source).forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.numFmt = '@'; // 85% and 3/17 stay the text they were, not a number or a date
    });
  }
}
