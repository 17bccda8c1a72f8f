/**
 * 自评 inside Excel: 生成自评表 and 收回自评表 against the LIVE workbook, without reading it as a
 * file. The forms are made from the session's rubric and metadata by the same exceljs writer as the
 * command line (src/xlsx/forms.ts) and offered as one .zip download; returned forms are read with
 * exceljs and put through the same checks and Chinese refusals as `credit-score collect`
 * (screenForm in src/xlsx/collect.ts). An accepted form goes into its unit's sheet through Office.js:
 * the 自评填报 | 自评分 | 佐证材料 columns are added when missing (the plan of
 * src/layout/self-columns.ts, the same as in files), the unit's figures and evidence are written,
 * EMPTY 核定 inputs are prefilled (one the office typed is never overwritten), the collection is
 * recorded in the very hidden `_cs_collect` sheet (the files' format, so either host refuses a second
 * form of the same unit) and every value changed is appended to 变更记录 (source 自评导入).
 *
 * Syncs do not grow with the number of forms: (1) is the records sheet there; (2) the records and
 * the blocks of the units returned; then every write of every unit queued and sent together (more
 * than one sync only when a request would pass the size budget, Batch). Three in all, then the
 * session's rescore. 变更记录 is appended through the session's own writer (opened on binding), so
 * the session's 手工修改 rows and these never take the same row; every cell written is noted with the
 * session's echo filter, so below ExcelApi 1.14 its change event is not taken for a 手工修改.
 * This module loads exceljs: the controller imports it with import() when a button is used.
 */
import { zipSync } from 'fflate';
import { indexBlock, type SheetIndex } from '../layout/binding';
import { describeField, type ChangeRow } from '../layout/change-log';
import { isPercentFormat, percentText } from '../layout/percent';
import { definedNameFor, type CellValue } from '../layout/plan';
import type { FormsCollected, FormsMade } from '../layout/pane-contract';
import { rectangles } from '../layout/rectangles';
import { SELF_FILL, planSelfColumns, selfColumnsOf, type SelfCellPlan, type SelfColumns } from '../layout/self-columns';
import { SELF_ROLES } from '../layout/self-assessment';
import { STYLES, type CellStyle } from '../layout/styles';
import { UNIT_HEADER_ROW } from '../layout/unit-sheet';
import { COLLECT_MARKER, COLLECT_SHEET, parseCollectRecords, type CollectRecord } from '../xlsx/collect-records';
import { formValues, isEmptyValue, screenForm, whoReturned, type FormFile } from '../xlsx/collect';
import { downloadBlob } from '../xlsx/download';
import { makeFormsFor, readForm, type ReadForm } from '../xlsx/forms';
import { sheetNameOf } from './address';
import { POINTS_PER_CHAR, PROTECTION_OPTIONS, applyStyle } from './apply-plan';
import { Batch } from './batch';
import type { LiveSession } from './session';

/** What the live session offers this module: its rubric and metadata, a full rescore, its echo filter and its 变更记录 writer. */
export type SelfAssessmentSession = Pick<LiveSession, 'rubric' | 'meta' | 'rescoreAll' | 'noteUnitWrite' | 'sharedChangeLog'>;

/** The pane's words for asking to replace an earlier collection (the command line says --replace). */
export const PANE_REPLACE_HINT = '请勾选「替换已导入过的单位的自评」后重新选择';

const PERCENT_FORMAT = STYLES.inputPercent.numberFormat ?? '0%';

/** The .zip's name: the city, the year, 自评表. */
export const formsZipName = (s: Pick<SelfAssessmentSession, 'rubric'>) => `${s.rubric.city}${s.rubric.year}年考核自评表.zip`;

/** 生成自评表: one form per unit of the live workbook's roster, offered as one .zip (stored: an .xlsx is compressed already). */
export async function downloadLiveForms(
  session: Pick<LiveSession, 'rubric' | 'meta' | 'parameters'>,
  now = new Date(),
): Promise<FormsMade> {
  const forms = await makeFormsFor(session.rubric, session.meta, now, session.parameters);
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const f of forms) entries[f.fileName] = [new Uint8Array(f.buffer), { level: 0 }];
  const fileName = formsZipName(session);
  downloadBlob(fileName, new Blob([zipSync(entries)], { type: 'application/zip' }));
  return { fileName, count: forms.length };
}

export interface LiveCollectOptions {
  replace?: boolean;
  /** The time written to 变更记录 and the records (default now). */
  now?: Date;
}

export interface LiveCollectResult extends FormsCollected {
  /** Rows appended to 变更记录. */
  logged: number;
}

interface LoadedBlock {
  key: string;
  range: Excel.Range;
}

interface UnitBlock {
  sheetName: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
  index: SheetIndex;
  values: CellValue[][];
  formats: string[][];
}

const norm = (v: unknown): CellValue => (v === '' || v === undefined ? null : (v as CellValue));

/** A value as 变更记录 shows it: percents as typed (85%), everything else as its text. */
const shownValue = (v: CellValue, percent: boolean): string =>
  v === null ? '' : typeof v === 'number' && percent ? percentText(v) : String(v);

/** The look of a new cell, in the layout's named styles (Office.js cannot copy a cell's format at ExcelApi 1.8). */
function lookStyle(c: SelfCellPlan): CellStyle {
  switch (c.look) {
    case 'selfInput':
      return { ...STYLES.input, fill: SELF_FILL, locked: true };
    case 'selfScore':
      return STYLES.output;
    case 'evidence':
      return { ...STYLES.outputText, numberFormat: '@' };
    case 'band':
      return c.kind === 'c' ? STYLES.category : STYLES.fieldLabel;
  }
}

/** Queues the columns' plan on one unit block; returns the columns. */
function queueSelfColumns(context: Excel.RequestContext, session: SelfAssessmentSession, b: UnitBlock, key: string): SelfColumns {
  const plan = planSelfColumns(b.index, b.cols);
  const ws = context.workbook.worksheets.getItem(b.sheetName);
  const at = (row: number, col: number, rows = 1, cols = 1) => ws.getRangeByIndexes(b.top + row, b.left + col, rows, cols);
  // The role and header cells written come back as change events below ExcelApi 1.14: ours, not the user's.
  const written = (row: number, col: number) => {
    session.noteUnitWrite(key, b.top + row, b.left + col);
    return at(row, col);
  };
  for (const { col, role, title, width } of plan.heads) {
    const roleCell = written(0, col);
    roleCell.values = [[role]];
    applyStyle(roleCell, STYLES.role);
    const head = written(UNIT_HEADER_ROW, col);
    head.values = [[title]];
    applyStyle(head, STYLES.header);
    at(0, col).getEntireColumn().format.columnWidth = width * POINTS_PER_CHAR;
  }
  for (const { col, from, to } of plan.renames)
    if (b.values[UNIT_HEADER_ROW]?.[col] === from) written(UNIT_HEADER_ROW, col).values = [[to]];
  // One format per rectangle of cells that look alike, not one per cell.
  const byLook = new Map<string, { style: CellStyle; cells: { row: number; col: number }[] }>();
  for (const c of plan.cells) {
    const name = c.look === 'band' ? `band:${c.kind}` : c.look;
    const group = byLook.get(name) ?? { style: lookStyle(c), cells: [] };
    group.cells.push(c);
    byLook.set(name, group);
  }
  for (const { style, cells } of byLook.values())
    for (const r of rectangles(cells)) {
      const rows = r.toRow - r.fromRow + 1;
      const width = r.toCol - r.fromCol + 1;
      const range = at(r.fromRow, r.fromCol, rows, width);
      applyStyle(range, style);
      if (style.numberFormat) range.numberFormat = Array.from({ length: rows }, () => Array<string>(width).fill(style.numberFormat!));
    }
  for (const m of plan.merges) at(m.first, m.col, m.last - m.first + 1, 1).merge(false);
  // The sheet's CS_<key> name over the widened block, so the new columns are read like every other.
  const name = definedNameFor(key);
  context.workbook.names.getItem(name).delete();
  context.workbook.names.add(name, at(0, 0, b.rows, plan.width));
  for (const [role, col] of Object.entries({
    [SELF_ROLES.input]: plan.cols.input,
    [SELF_ROLES.score]: plan.cols.score,
    [SELF_ROLES.evidence]: plan.cols.evidence,
  }))
    b.index.cols.set(role, col);
  b.cols = plan.width;
  return plan.cols;
}

/** Queues one accepted form's values into its unit's block; returns the rows for 变更记录. */
function queueMerge(
  context: Excel.RequestContext,
  session: SelfAssessmentSession,
  b: UnitBlock,
  cols: SelfColumns,
  form: ReadForm,
  file: string,
): ChangeRow[] {
  const ws = context.workbook.worksheets.getItem(b.sheetName);
  const inputCol = b.index.cols.get('input')!;
  const unitName = form.identity.unitName;
  const changes: ChangeRow[] = [];
  const write = (
    row: number,
    col: number,
    value: CellValue,
    format: string | null,
    column: string,
    item: { item: string; field: string },
  ) => {
    const oldValue = norm(b.values[row]?.[col]);
    const old = shownValue(oldValue, isPercentFormat(b.formats[row]?.[col]));
    const shownFormat = format ?? b.formats[row]?.[col];
    const now = shownValue(value, isPercentFormat(shownFormat));
    const range = ws.getRangeByIndexes(b.top + row, b.left + col, 1, 1);
    // Below ExcelApi 1.14 the write comes back as a change event: it is ours, not a 手工修改.
    session.noteUnitWrite(form.identity.unitKey, b.top + row, b.left + col);
    // The format first: 85% stays a percent, and text stays the text the unit typed.
    if (format !== null) range.numberFormat = [[format]];
    range.values = [[value === null ? '' : value]];
    if (old !== now) changes.push({ unit: unitName, ...item, column, old, now, file });
  };
  for (const v of formValues(form)) {
    const row = b.index.rows.get(v.rowKey);
    if (row === undefined) continue; // a row the office deleted: the session reports its inputs missing
    const item = describeField(session.rubric, v.indicatorId, v.fieldId);
    if (v.fieldId === SELF_ROLES.evidence) {
      write(row, cols.evidence, v.value, '@', '佐证材料', item);
      continue;
    }
    const selfFormat = v.percent ? PERCENT_FORMAT : typeof v.value === 'string' ? '@' : 'General';
    write(row, cols.input, v.value, selfFormat, '自评填报', item);
    // 核定: prefilled only where the office has typed nothing; a typed value is never overwritten.
    if (isEmptyValue(norm(b.values[row]?.[inputCol])) && !isEmptyValue(v.value)) {
      // A number typed without a percent format means what it shows (85 → 85 %), never 8,500 %.
      const officePercent = isPercentFormat(b.formats[row]?.[inputCol]);
      const format = typeof v.value === 'number' && v.percent !== officePercent ? (v.percent ? PERCENT_FORMAT : 'General') : null;
      write(row, inputCol, v.value, format, '核定填报', item);
    }
  }
  return changes;
}

/** Reads the records sheet and the blocks of `keys` (two syncs). */
async function readLive(context: Excel.RequestContext, keys: string[]) {
  const recordsSheet = context.workbook.worksheets.getItemOrNullObject(COLLECT_SHEET);
  await context.sync();
  const used = recordsSheet.isNullObject ? null : recordsSheet.getUsedRangeOrNullObject(true).load(['values', 'rowCount', 'rowIndex']);
  const loads: LoadedBlock[] = keys.map((key) => {
    const range = context.workbook.names.getItemOrNullObject(definedNameFor(key)).getRangeOrNullObject();
    range.load(['values', 'numberFormat', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'address']);
    return { key, range };
  });
  await context.sync();
  const column = used && !used.isNullObject ? used.values.map((r) => r[0] as unknown) : [];
  // null: no records sheet yet; 0: a sheet without anything (its marker is written first).
  const nextRecordRow = recordsSheet.isNullObject ? null : used && !used.isNullObject ? used.rowIndex + used.rowCount : 0;
  const blocks = new Map<string, UnitBlock>();
  for (const { key, range } of loads) {
    if (range.isNullObject) continue;
    const values = range.values.map((r) => r.map(norm));
    const idx = indexBlock(values);
    if (!idx.ok) continue;
    blocks.set(key, {
      sheetName: sheetNameOf(range.address),
      top: range.rowIndex,
      left: range.columnIndex,
      rows: range.rowCount,
      cols: range.columnCount,
      index: idx.index,
      values,
      formats: range.numberFormat as string[][],
    });
  }
  return { records: parseCollectRecords(column), nextRecordRow, blocks };
}

/** Queues the records of this collection after the last one (and the very hidden sheet with its marker the first time). */
function queueRecords(context: Excel.RequestContext, next: number | null, records: CollectRecord[]): void {
  if (records.length === 0) return;
  let ws: Excel.Worksheet;
  if (next === null) {
    ws = context.workbook.worksheets.add(COLLECT_SHEET);
    ws.visibility = 'VeryHidden';
  } else ws = context.workbook.worksheets.getItem(COLLECT_SHEET);
  let row = next ?? 0;
  if (row === 0) {
    ws.getRange('A1').values = [[COLLECT_MARKER]];
    row = 1;
  }
  const range = ws.getRangeByIndexes(row, 0, records.length, 1);
  range.numberFormat = records.map(() => ['@']);
  range.values = records.map((r) => [JSON.stringify(r)]);
}

/**
 * 收回自评表 in Excel: checks every form, takes the accepted ones into the live workbook, logs and
 * records them, then has the session rescore. Refused forms change nothing.
 */
export async function collectIntoLive(
  session: SelfAssessmentSession,
  files: FormFile[],
  options: LiveCollectOptions = {},
): Promise<LiveCollectResult> {
  const now = options.now ?? new Date();
  const parsed = await Promise.all(files.map(async (f) => ({ file: f.name, read: await readForm(f.bytes) })));
  const roster = new Set(session.meta.units.map((u) => u.key));
  const keys = [
    ...new Set(parsed.flatMap(({ read }) => (read.ok && roster.has(read.form.identity.unitKey) ? [read.form.identity.unitKey] : []))),
  ];
  const taken = new Map<string, string>();
  const imported: FormsCollected['imported'] = [];
  const refused: string[] = [];
  let earlier = new Map<string, CollectRecord>();
  let logged = 0;
  await Excel.run(async (context) => {
    const live = await readLive(context, keys);
    earlier = live.records;
    const accepted: { form: ReadForm; file: string; before: CollectRecord | undefined; block: UnitBlock }[] = [];
    for (const { file, read } of parsed) {
      const screened = screenForm(read, file, {
        meta: session.meta,
        rubric: session.rubric,
        earlier,
        taken,
        replace: options.replace,
        replaceHint: PANE_REPLACE_HINT,
      });
      if (!screened.ok) {
        refused.push(screened.message);
        continue;
      }
      const { unitKey, unitName } = screened.form.identity;
      const block = live.blocks.get(unitKey);
      if (!block) {
        refused.push(`「${file}」（${unitName}）：本工作簿中找不到该单位的评分表（工作表被删除或隐藏的标识被改动），未导入`);
        continue;
      }
      taken.set(unitKey, file);
      accepted.push({ form: screened.form, file, before: screened.before, block });
    }
    if (accepted.length === 0) return;
    const log = await session.sharedChangeLog(context);
    const batch = new Batch(context);
    const protect = session.meta.protectComputed;
    const rows: ChangeRow[] = [];
    const records: CollectRecord[] = [];
    for (const { form, file, before, block } of accepted) {
      const ws = context.workbook.worksheets.getItem(block.sheetName);
      // A protected workbook: unprotect, write, protect again, all in the same request (as the session does).
      if (protect) ws.protection.unprotect();
      const cols = selfColumnsOf(block.index) ?? queueSelfColumns(context, session, block, form.identity.unitKey);
      const changes = queueMerge(context, session, block, cols, form, file);
      if (protect) ws.protection.protect(PROTECTION_OPTIONS);
      rows.push(...changes);
      records.push({ unitKey: form.identity.unitKey, file, at: now.toISOString(), formCreatedAt: form.identity.createdAt });
      imported.push({
        file,
        unit: form.identity.unitName,
        changes: changes.length,
        prefilled: changes.filter((c) => c.column === '核定填报').length,
        replaced: Boolean(before),
      });
      // About three operations per value written and four per row formatted: a large roster is sent in
      // requests below Excel on the web's size limit, a few units in one.
      await batch.add(changes.length * 3 + block.rows * 4, null);
    }
    log.append(context, rows, now, '自评导入');
    logged = rows.length;
    queueRecords(context, live.nextRecordRow, records);
    await batch.flush();
  });
  if (imported.length > 0) await session.rescoreAll();
  const who = whoReturned(session.meta, earlier, taken);
  return {
    imported,
    refused,
    earlier: who.earlier.map((u) => u.name),
    notReturned: who.notReturned.map((u) => u.name),
    logged,
  };
}
