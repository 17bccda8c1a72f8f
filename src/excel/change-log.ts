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
  describeField,
  type ChangeRow,
  type ChangeSource,
} from '../layout/change-log';
import { rawAt, type SheetIndex } from '../layout/binding';
import type { CellValue } from '../layout/plan';
import { SELF_ROLES } from '../layout/self-assessment';
import { sameInput } from '../layout/input-equality';
import type { Rubric } from '../rubric/schema';
import { POINTS_PER_CHAR } from './apply-plan';

const LAST_COLUMN = String.fromCharCode(64 + CHANGE_LOG_HEADERS.length); // I

/**
 * Opening a log in steps that ride on a caller's two syncs (the live session's binding reads its
 * metadata sheet in two): start → sync → measure → sync → opened.
 */
export class ChangeLogOpening {
  private used: Excel.Range | null = null;
  private constructor(private readonly sheet: Excel.Worksheet) {}

  static start(context: Excel.RequestContext): ChangeLogOpening {
    return new ChangeLogOpening(context.workbook.worksheets.getItemOrNullObject(CHANGE_LOG_SHEET));
  }

  /** After the first sync: where the sheet's used range ends; false (nothing queued) when there is no sheet. */
  measure(): boolean {
    if (this.sheet.isNullObject) return false;
    this.used = this.sheet.getUsedRangeOrNullObject(true);
    this.used.load(['rowIndex', 'rowCount']);
    return true;
  }

  /** After the second sync. */
  opened(): LiveChangeLog {
    if (this.sheet.isNullObject || !this.used) return new LiveChangeLog(null);
    // An emptied sheet keeps its header row 1: the next row is 2 at least.
    return new LiveChangeLog(this.used.isNullObject ? 1 : Math.max(1, this.used.rowIndex + this.used.rowCount));
  }
}

export class LiveChangeLog {
  /** 0-based row index of the next row; null while the sheet does not exist. */
  constructor(private next: number | null) {}

  static async open(context: Excel.RequestContext): Promise<LiveChangeLog> {
    const opening = ChangeLogOpening.start(context);
    // isNullObject is known after the sync without a load (docs: "Work with null objects").
    await context.sync();
    // No sheet yet: nothing to measure, and no second sync.
    if (opening.measure()) await context.sync();
    return opening.opened();
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

/** A unit sheet as read in one round (the block's values and its percent texts). */
export interface UnitReading {
  index: SheetIndex;
  values: CellValue[][];
  texts?: (string | null)[][];
}

/** The input columns a change is logged for, with the word the log gives each. */
const LOGGED_COLUMNS: [role: string, column: string][] = [
  ['input', '核定填报'],
  [SELF_ROLES.input, '自评填报'],
  [SELF_ROLES.evidence, '佐证材料'],
];

/** A cell's value as the log writes it: what was typed (a percent as 85%), '' when empty. */
function textAt(r: UnitReading, row: number | undefined, col: number | undefined): string {
  if (row === undefined || col === undefined) return '';
  const v = rawAt(r.values, r.texts, row, col);
  return v === null || v === undefined ? '' : String(v);
}

/**
 * The input values that differ between two readings of a unit sheet: 核定填报, and where the sheet
 * carries them 自评填报 and 佐证材料. Cells are matched by row key and column role, so an inserted row
 * or column is no change; a column the earlier reading did not have (自评 columns laid out since)
 * is not a change typed by hand either, and is not logged.
 */
export function inputChanges(rubric: Rubric, unit: string, before: UnitReading, after: UnitReading): ChangeRow[] {
  const out: ChangeRow[] = [];
  for (const [role, column] of LOGGED_COLUMNS) {
    const was = before.index.cols.get(role);
    const now = after.index.cols.get(role);
    if (was === undefined || now === undefined) continue;
    for (const [rowKey, row] of after.index.rows) {
      const [kind, indicatorId, fieldId] = rowKey.split('|');
      const value = (kind === 'i' || kind === 'f') && indicatorId && fieldId;
      const total = kind === 't' && (indicatorId === 'bonus' || indicatorId === 'fraud');
      if (role === SELF_ROLES.evidence ? kind !== 'i' : !value && !total) continue;
      // The team's 弄虚作假 finding has no 自评 of its own.
      if (role !== 'input' && total && indicatorId === 'fraud') continue;
      const old = textAt(before, before.index.rows.get(rowKey), was);
      const nowText = textAt(after, row, now);
      // The same value spelt otherwise (85% retyped as 0.85) is not a change.
      const field = role === SELF_ROLES.evidence ? SELF_ROLES.evidence : fieldId;
      if (sameInput(rubric, total ? `@${indicatorId}` : indicatorId, field, old, nowText)) continue;
      const where =
        role === SELF_ROLES.evidence
          ? describeField(rubric, indicatorId, SELF_ROLES.evidence)
          : total
            ? { item: indicatorId === 'bonus' ? '加分' : '弄虚作假', field: indicatorId === 'bonus' ? '加分' : '弄虚作假' }
            : describeField(rubric, indicatorId, fieldId);
      out.push({ unit, ...where, column, old, now: nowText });
    }
  }
  return out;
}
