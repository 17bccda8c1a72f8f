/**
 * Collecting returned 自评表 into the score workbook. Each form is matched by its hidden identity
 * (never by its file name) and checked before anything is taken from it: a form of another
 * workbook, another rubric or rubric version, a unit already collected (unless `replace`), or a
 * tampered form (identity or locked cells changed) is refused with one Chinese line, and nothing of
 * it is merged. An accepted form's values go into the unit's 自评填报 column (added to the right of
 * the unit's table the first time, src/xlsx/self-columns.ts); the office's 核定 inputs are prefilled
 * from them only where still empty. Every value changed is appended to 变更记录 (change-log.ts).
 * The merged workbook is then scored in file mode, which also writes 自评分 and 核查清单 (review.ts).
 */
import type { Cell } from 'exceljs';
import { indexBlock } from '../layout/binding';
import { planGrid } from '../layout/grid';
import type { CellValue, WorkbookMeta } from '../layout/plan';
import {
  INSTRUCTIONS_SHEET,
  SELF_ROLES,
  formInputCells,
  lockedCells,
  lockedDifferences,
  lockedDigest,
  planFormSheet,
  workbookId,
} from '../layout/self-assessment';
import { allocateSheetNames } from '../layout/sheet-names';
import type { Rubric } from '../rubric/schema';
import { appendChanges, describeField, localTime, type ChangeRow } from './change-log';
import { plainValue, isPercentFormat, percentText } from './cell-values';
import { readCollectRecords, appendCollectRecord, type CollectRecord } from './collect-records';
import { toArrayBuffer, type Workbook } from './exceljs';
import { scoreFilledWorkbook, type FileModeResult } from './file-mode';
import { readForm, type FormRead, type ReadForm } from './forms';
import { readWorkbook, type LocatedBlock, type XlsxInput } from './read-workbook';
import { currentInputs, recordInputChanges, writeInputSnapshot } from './input-snapshot';
import { ensureSelfColumns } from './self-columns';
import { compactValidations } from './validations';
import { repairTables } from './write-scores';

export interface FormFile {
  /** The file's name, for messages only. */
  name: string;
  bytes: XlsxInput;
}

export interface CollectOptions {
  /** Replace the 自评 of a unit already collected. */
  replace?: boolean;
  /** The time written to 变更记录 (default now). */
  now?: Date;
  /** 汇总 shows 自评总分 | 差值 | 未说明差异 (true) or not (false); undefined keeps the workbook's choice. */
  summarySelf?: boolean;
  /** The workbook's file name: the 文件 of the 手工修改 rows logged for edits typed in it since the tool last saw it. */
  fileName?: string;
}

export interface Accepted {
  file: string;
  unitKey: string;
  unitName: string;
  /** Values that changed (自评填报, 核定填报 prefilled, 佐证材料). */
  changes: number;
  /** 核定 inputs prefilled (they were empty). */
  prefilled: number;
  replaced: boolean;
}

export interface Refused {
  file: string;
  /** One line of Chinese: which file, what is wrong, 未导入. */
  message: string;
}

export interface CollectResult {
  accepted: Accepted[];
  refused: Refused[];
  /** Units whose 自评 was collected in an earlier run and not replaced now. */
  earlier: { key: string; name: string; file: string }[];
  /** Units of the roster without a 自评 yet (neither earlier nor now). */
  notReturned: { key: string; name: string }[];
  /** The merged workbook, scored (file mode), with its annex and problems. */
  scored: FileModeResult;
}

const isEmpty = (v: CellValue) => v === null || (typeof v === 'string' && v.trim() === '');

/** A cell's value for the change log: percents as typed (85%), everything else as its text. */
function shown(cell: Cell): string {
  const v = plainValue(cell.value);
  if (v === null) return '';
  return typeof v === 'number' && isPercentFormat(cell.numFmt) ? percentText(v) : String(v);
}

/** Copies a form cell's value into a workbook cell, keeping whether the number was a percent. */
function copyValue(from: Cell, to: Cell): void {
  const v = plainValue(from.value);
  to.value = v;
  if (typeof v === 'number') {
    const percent = isPercentFormat(from.numFmt);
    // A number typed without a percent format means what it shows (85 → 85 %), never 8,500 %.
    if (percent !== isPercentFormat(to.numFmt)) to.style = { ...to.style, numFmt: percent ? from.numFmt : 'General' };
  }
}

/** Why a form cannot be taken into this workbook, or null when it can. */
function refusal(form: ReadForm, meta: WorkbookMeta, rubric: Rubric, file: string): string | null {
  const id = form.identity;
  const who = `「${file}」（${id.unitName ?? '?'}）`;
  if (id.rubric.id !== meta.rubric.id)
    return `${who}是按评分细则「${id.rubric.id}」制作的自评表，本工作簿按「${meta.rubric.id}」考核，未导入`;
  if (id.rubric.version !== meta.rubric.version || id.rubric.hash !== meta.rubric.hash)
    return `${who}按评分细则 ${id.rubric.id} v${id.rubric.version}（校验码 ${id.rubric.hash}）制作，本工作簿为 v${meta.rubric.version}（校验码 ${meta.rubric.hash}），未导入：请用本工作簿重新生成自评表`;
  if (id.workbookId !== workbookId(meta))
    return `${who}是另一份考核工作簿的自评表（工作簿标识 ${id.workbookId}，本工作簿 ${workbookId(meta)}），未导入`;
  const unit = meta.units.find((u) => u.key === id.unitKey);
  if (!unit || unit.name !== id.unitName || unit.group !== id.group)
    return `${who}的身份信息与本工作簿的单位名单不符（${id.unitKey} ${id.unitName}），未导入`;
  if (lockedDigest(form.values, form.index) !== id.lockedDigest) {
    const groupLabel = rubric.ranking.groups.find((g) => g.id === unit.group)?.label ?? unit.group;
    const sheetName = allocateSheetNames([unit.name], [INSTRUCTIONS_SHEET])[0];
    const plan = planFormSheet(rubric, { key: unit.key, sheetName, unitName: unit.name, groupLabel });
    const grid = planGrid(plan);
    const idx = indexBlock(grid);
    const made = idx.ok ? lockedCells(grid, idx.index) : new Map<string, string>();
    const what = lockedDifferences(made, lockedCells(form.values, form.index));
    return `${who}的锁定内容被改动${what.length ? `：${what.join('；')}` : '（与生成时的校验码不符）'}，未导入`;
  }
  return null;
}

export interface ScreenContext {
  meta: WorkbookMeta;
  rubric: Rubric;
  /** Units collected in earlier runs (collect-records). */
  earlier: Map<string, CollectRecord>;
  /** Units taken in this run: unit key → file. */
  taken: Map<string, string>;
  replace?: boolean;
  /** How to ask for a replacement, at the end of the already-collected line (the command line's flag by default). */
  replaceHint?: string;
}

export type Screened = { ok: true; form: ReadForm; before: CollectRecord | undefined } | { ok: false; message: string };

/**
 * Every check a returned form passes before anything is taken from it, in order, each refusal one
 * Chinese line naming the file and the unit: readable, made from this workbook (rubric, version,
 * workbook, roster), not altered, not blank, not twice in this run, not collected before unless
 * replacing. Shared by the files (collectForms) and the live workbook (src/excel/self-assessment.ts).
 */
export function screenForm(parsed: FormRead, file: string, ctx: ScreenContext): Screened {
  if (!parsed.ok) return { ok: false, message: `「${file}」：${parsed.message}，未导入` };
  const form = parsed.form;
  const why = refusal(form, ctx.meta, ctx.rubric, file);
  if (why) return { ok: false, message: why };
  const { unitKey, unitName } = form.identity;
  // A form sent back blank is not a self-assessment: taking it would only block the real one.
  if (formInputCells(form.index).every((c) => isEmpty(form.values[c.row]?.[c.col] ?? null)))
    return { ok: false, message: `「${file}」（${unitName}）：自评表中没有填写任何内容，未导入` };
  const taken = ctx.taken.get(unitKey);
  if (taken !== undefined) return { ok: false, message: `「${file}」（${unitName}）：本次已导入该单位的另一份自评表「${taken}」，未导入` };
  const before = ctx.earlier.get(unitKey);
  if (before && !ctx.replace)
    return {
      ok: false,
      message: `「${file}」（${unitName}）：该单位的自评表已于 ${localTime(new Date(before.at))} 导入（「${before.file}」），未导入；要以本文件替换，${ctx.replaceHint ?? '请加 --replace'}`,
    };
  return { ok: true, form, before };
}

/** A form's values as the unit filled them, by the unit table's row keys (what both hosts merge). */
export interface FormValue {
  rowKey: string;
  indicatorId: string;
  fieldId: string;
  value: CellValue;
  /** The number was typed in a percent cell (0.85 shown as 85%). */
  percent: boolean;
}

export function formValues(form: ReadForm): FormValue[] {
  return formInputCells(form.index).map((ref) => {
    const cell = form.worksheet.getCell(form.top + ref.row, form.left + ref.col);
    const value = plainValue(cell.value);
    return {
      rowKey: ref.rowKey,
      indicatorId: ref.indicatorId,
      fieldId: ref.fieldId,
      value,
      percent: typeof value === 'number' && isPercentFormat(cell.numFmt),
    };
  });
}

export { isEmpty as isEmptyValue };

/** Takes one checked form into the unit's sheet; returns the change-log rows. */
function merge(wb: Workbook, rubric: Rubric, block: LocatedBlock, form: ReadForm, unitName: string): ChangeRow[] {
  const ws = block.worksheet;
  const cols = ensureSelfColumns(wb, block);
  const at = (row: number, col: number) => ws.getCell(block.top + row, block.left + col);
  const changes: ChangeRow[] = [];
  const inputCol = block.index.cols.get('input')!;
  for (const ref of formInputCells(form.index)) {
    const row = block.index.rows.get(ref.rowKey);
    if (row === undefined) continue; // a row the office deleted: the reader reports its inputs missing
    const from = form.worksheet.getCell(form.top + ref.row, form.left + ref.col);
    const item = describeField(rubric, ref.indicatorId, ref.fieldId);
    const record = (cell: Cell, column: string, write: () => void) => {
      const old = shown(cell);
      write();
      const now = shown(cell);
      if (old !== now) changes.push({ unit: unitName, ...item, column, old, now });
    };
    if (ref.fieldId === SELF_ROLES.evidence) {
      const to = at(row, cols.evidence);
      record(to, '佐证材料', () => (to.value = plainValue(from.value)));
      continue;
    }
    const self = at(row, cols.input);
    record(self, '自评填报', () => copyValue(from, self));
    const office = at(row, inputCol);
    if (isEmpty(plainValue(office.value)) && !isEmpty(plainValue(from.value))) record(office, '核定填报', () => copyValue(from, office));
  }
  return changes;
}

/** Checks and merges the forms, then scores the merged workbook. Throws WorkbookError for an unusable workbook. */
export async function collectForms(workbook: XlsxInput, forms: FormFile[], options: CollectOptions = {}): Promise<CollectResult> {
  const read = await readWorkbook(workbook);
  const now = options.now ?? new Date();
  const earlier = readCollectRecords(read.workbook);
  const taken = new Map<string, string>(); // unit key → file, this run
  const accepted: Accepted[] = [];
  const refused: Refused[] = [];
  const log: ChangeRow[] = [];
  // Edits typed since the tool last saw the file are logged as 手工修改 before the forms' 自评导入.
  recordInputChanges(read, { now, file: options.fileName });
  for (const file of forms) {
    const screened = screenForm(await readForm(file.bytes), file.name, {
      meta: read.meta,
      rubric: read.rubric,
      earlier,
      taken,
      replace: options.replace,
    });
    if (!screened.ok) {
      refused.push({ file: file.name, message: screened.message });
      continue;
    }
    const { form, before } = screened;
    const { unitKey, unitName } = form.identity;
    const block = read.blocks.get(unitKey)!;
    const changes = merge(read.workbook, read.rubric, block, form, unitName);
    appendCollectRecord(read.workbook, { unitKey, file: file.name, at: now.toISOString(), formCreatedAt: form.identity.createdAt });
    taken.set(unitKey, file.name);
    log.push(...changes.map((c) => ({ ...c, file: file.name })));
    accepted.push({
      file: file.name,
      unitKey,
      unitName,
      changes: changes.length,
      prefilled: changes.filter((c) => c.column === '核定填报').length,
      replaced: Boolean(before),
    });
  }
  appendChanges(read.workbook, log, now, '自评导入');
  // The merged inputs are the new snapshot: the scoring below (and later ones) do not log them again.
  writeInputSnapshot(read.workbook, currentInputs(read));
  for (const ws of read.workbook.worksheets) {
    compactValidations(ws);
    repairTables(ws);
  }
  const merged = await toArrayBuffer(read.workbook);
  const scored = await scoreFilledWorkbook(merged, options.summarySelf === undefined ? {} : { summarySelf: options.summarySelf });
  return { accepted, refused, ...whoReturned(read.meta, earlier, taken), scored };
}

/** Who returned a form in an earlier run (and was not replaced now), and who has not returned one yet. */
export function whoReturned(
  meta: WorkbookMeta,
  earlier: Map<string, CollectRecord>,
  taken: Map<string, string>,
): Pick<CollectResult, 'earlier' | 'notReturned'> {
  const notReturned = meta.units.filter((u) => !taken.has(u.key) && !earlier.has(u.key)).map((u) => ({ key: u.key, name: u.name }));
  const before = meta.units.flatMap((u) => {
    const rec = earlier.get(u.key);
    return rec && !taken.has(u.key) ? [{ key: u.key, name: u.name, file: rec.file }] : [];
  });
  return { earlier: before, notReturned };
}
