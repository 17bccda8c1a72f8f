/**
 * `_cs_inputs` in the live workbook (the very hidden snapshot of every unit's inputs, and of the 参数
 * sheet's values, src/layout/input-snapshot.ts), kept current by the live session so that a workbook
 * that goes from Excel to file mode (the page, `credit-score annex`) and back logs each change once:
 * file mode logs what differs from the snapshot, so every input the session has seen (and logged)
 * must be in it.
 *
 * Each time the session reads a unit sheet (or the 参数 sheet) it hands the inputs to `observe`:
 * the line is compared with the one stored, the changes are returned for 变更记录 where the caller
 * wants them (a full read: binding, 重新计分; edits of a unit are logged by inputChanges, edits of
 * 参数 here), and the line is rewritten in the round's own request when it differs. A workbook
 * without the sheet gets it on binding, with every line (the baseline, as file mode's first
 * scoring); with the sheet, binding logs what was typed outside the add-in since, as file mode does.
 *
 * Opening rides on the binding's two syncs (start → sync → measure → sync → take); after that,
 * writing only queues. Lines are kept where they are (one row each, continued to the right when
 * longer than a cell holds, as the exceljs writer does); a unit not yet in the sheet gets the next row.
 */
import { rawAt } from '../layout/binding';
import type { ChangeRow } from '../layout/change-log';
import {
  INPUTS_MARKER,
  INPUTS_SHEET,
  inputSlots,
  parameterInputSlots,
  PARAMS_LINE,
  parseSnapshot,
  snapshotChanges,
  snapshotOf,
  type InputSlot,
  type UnitInputsNow,
  type UnitSnapshot,
} from '../layout/input-snapshot';
import type { CellValue } from '../layout/plan';
import type { Rubric } from '../rubric/schema';
import type { Batch } from './batch';
import { inputChanges, type UnitReading } from './change-log';

/** Below Excel's 32,767 characters a cell holds (the exceljs writer's piece size). */
const CELL_TEXT = 30_000;

/** A sheet's inputs as read in a round: each slot with its text as 变更记录 shows it ('' when empty). */
export function inputsNow(
  key: string,
  name: string,
  slots: readonly InputSlot[],
  values: CellValue[][],
  texts: (string | null)[][] | undefined,
): UnitInputsNow {
  return {
    key,
    name,
    inputs: slots.map((s) => {
      const v = rawAt(values, texts, s.row, s.col);
      return { ...s, text: v === null || v === undefined ? '' : String(v) };
    }),
  };
}

export class LiveInputSnapshot {
  private sheet: Excel.Worksheet | null = null;
  private used: Excel.Range | null = null;
  /** Whether the sheet holds the marker; false: the next write writes it (and makes the sheet unless `there`). */
  private exists = false;
  /** Whether the workbook has the sheet at all. */
  private there = false;
  /** The lines as stored, by key; null before the sheet was read or when it has none (nothing is logged). */
  private stored: Map<string, UnitSnapshot> | null = null;
  /** The same lines as JSON text: an unchanged reading (most of a full read) costs one stringify. */
  private readonly storedText = new Map<string, string>();
  /** Each key's row (0-based) and how many cells its line takes. */
  private readonly rows = new Map<string, { row: number; width: number }>();
  private next = 1;
  /** Lines (JSON text) to write with the round's writes. */
  private readonly pending = new Map<string, string>();
  /** Keys whose next reading is taken as it is (another writer of the add-in logged its values). */
  private readonly adopted = new Set<string>();
  /** The sheet was added by the last queueWrite (a failure of that request means it is still missing). */
  private made = false;

  /** Binding, first request: is the sheet there. */
  start(context: Excel.RequestContext): void {
    this.sheet = context.workbook.worksheets.getItemOrNullObject(INPUTS_SHEET);
  }

  /** After the first sync: its lines are read in the second. */
  measure(): void {
    if (!this.sheet || this.sheet.isNullObject) return;
    this.used = this.sheet.getUsedRangeOrNullObject(true);
    this.used.load(['values', 'rowIndex', 'columnIndex']);
  }

  /** After the second sync. */
  take(): void {
    const sheet = this.sheet;
    const used = this.used;
    this.sheet = null;
    this.used = null;
    if (!sheet || sheet.isNullObject) return;
    // The sheet is there: it is written into, never added again (a name taken fails the request).
    this.there = true;
    if (!used || used.isNullObject) return;
    // A line continues in the cells to its right (the exceljs writer's pieces); rows are 0-based in the sheet.
    const lines: string[] = [];
    used.values.forEach((r, i) => {
      let line = '';
      if (used.columnIndex === 0)
        for (const v of r) {
          if (typeof v !== 'string' || v === '') break;
          line += v;
        }
      lines[used.rowIndex + i] = line;
    });
    this.next = Math.max(1, used.rowIndex + used.values.length);
    const parsed = parseSnapshot(lines);
    if (!parsed) return; // no marker: its lines are not trusted; the marker and new lines are written
    this.exists = true;
    this.stored = parsed;
    for (const [key, line] of parsed) this.storedText.set(key, JSON.stringify(line));
    lines.forEach((line, row) => {
      const key = row > 0 ? keyOf(line) : null;
      if (key !== null && parsed.has(key))
        this.rows.set(key, { row, width: used.values[row - used.rowIndex].filter((v) => v !== '').length });
    });
  }

  /** The next reading of `key` is its new line without logging (the writer logged what it wrote). */
  adopt(key: string): void {
    this.adopted.add(key);
  }

  /**
   * A sheet's inputs as just read: queues its line where it changed and returns the changes since
   * the stored line when `log` (none without a stored line, or for an adopted key).
   */
  observe(rubric: Rubric, now: UnitInputsNow, log: boolean): ChangeRow[] {
    const line = snapshotOf(now);
    const text = JSON.stringify(line);
    const adopted = this.adopted.delete(now.key);
    if (this.storedText.get(now.key) === text) return [];
    const was = this.stored?.get(now.key);
    const rows = log && !adopted && was ? snapshotChanges(rubric, new Map([[now.key, was]]), [now]) : [];
    this.pending.set(now.key, text);
    (this.stored ??= new Map()).set(now.key, line);
    this.storedText.set(now.key, text);
    return rows;
  }

  /**
   * A unit sheet just read: its 手工修改 rows. In an edit's round (`before`: the sheet as last read)
   * they are what changed since that reading (inputChanges); in a full read, what changed since its
   * _cs_inputs line (typed while the add-in was not running). Either way its line is brought up to date.
   */
  unitRead(rubric: Rubric, unit: { key: string; name: string }, before: UnitReading | null, after: UnitReading): ChangeRow[] {
    const rows = before ? inputChanges(rubric, unit.name, before, after) : [];
    const now = inputsNow(unit.key, unit.name, inputSlots(after.index), after.values, after.texts);
    return [...rows, ...this.observe(rubric, now, before === null)];
  }

  /** The 参数 sheet just read: a value changed since its line is a 手工修改 (it changes every unit's score). */
  paramsRead(rubric: Rubric, after: UnitReading): ChangeRow[] {
    return this.observe(
      rubric,
      inputsNow(PARAMS_LINE.key, PARAMS_LINE.name, parameterInputSlots(after.index), after.values, after.texts),
      true,
    );
  }

  /** Queues the changed lines (and the sheet, very hidden, with its marker, when it is the first time). */
  async queueWrite(context: Excel.RequestContext, batch: Batch): Promise<void> {
    this.made = false;
    if (this.pending.size === 0) return;
    const sheets = context.workbook.worksheets;
    let ws: Excel.Worksheet;
    if (!this.exists) {
      ws = this.there ? sheets.getItem(INPUTS_SHEET) : sheets.add(INPUTS_SHEET);
      // Worksheet.visibility is ExcelApi 1.1: veryHidden keeps it out of the 取消隐藏 list.
      ws.visibility = Excel.SheetVisibility.veryHidden;
      ws.getRange('A1').numberFormat = [['@']];
      ws.getRange('A1').values = [[INPUTS_MARKER]];
      this.made = !this.there;
      this.exists = true;
      this.there = true;
    } else ws = sheets.getItem(INPUTS_SHEET);
    for (const [key, text] of this.pending) {
      const pieces: string[] = [];
      for (let i = 0; i < text.length; i += CELL_TEXT) pieces.push(text.slice(i, i + CELL_TEXT));
      let at = this.rows.get(key);
      if (!at) this.rows.set(key, (at = { row: this.next++, width: 0 }));
      // A shorter line than before clears the pieces of the longer one.
      const width = Math.max(at.width, pieces.length);
      const cells = [Array.from({ length: width }, (_, i) => pieces[i] ?? '')];
      const range = ws.getRangeByIndexes(at.row, 0, 1, width);
      // JSON stays text in any program that opens and saves the file.
      range.numberFormat = [cells[0].map(() => '@')];
      range.values = cells;
      at.width = pieces.length;
      await batch.add(2, cells);
    }
    this.pending.clear();
  }

  /**
   * A failed request wrote nothing of it: what the session believes stored is unreliable. The next
   * full read (which a failure always brings) finds the sheet's lines unknown and rewrites them all
   * without logging; a line it cannot know about is not logged twice.
   */
  forget(): void {
    this.pending.clear();
    this.adopted.clear();
    this.stored = null;
    this.storedText.clear();
    // Rows stay known: rewriting a line in its row is right whether the failed write reached it or not.
    if (this.made) {
      this.exists = false;
      this.there = false;
      this.rows.clear();
      this.next = 1;
    }
    this.made = false;
  }
}

/** The key of a stored line (its JSON's key), null for a damaged one. */
function keyOf(line: string): string | null {
  try {
    const parsed = JSON.parse(line) as { key?: unknown };
    return typeof parsed.key === 'string' ? parsed.key : null;
  } catch {
    return null;
  }
}
