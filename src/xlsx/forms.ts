/**
 * 自评表 files: one per unit of a score workbook (made here), and a returned one read back with
 * its identity checked (src/layout/self-assessment.ts). A form is a plain workbook: two sheets
 * (填写说明 and the unit's table), data validation and percent formats as in the score workbook,
 * every sheet protected WITHOUT a password so only the yellow cells can be edited. No password
 * because it would be in this open code for anyone to read: it would protect nothing, and a unit
 * that must unprotect (to fix a print setting, or because its program asks) should be able to;
 * what matters is detected on return by the locked-parts digest, not prevented.
 */
import { indexBlock, type SheetIndex } from '../layout/binding';
import type { CellValue, WorkbookMeta } from '../layout/plan';
import {
  FORM_META_SHEET,
  FORM_NAME,
  INSTRUCTIONS_SHEET,
  formMetaColumn,
  lockedDigest,
  planFormSheet,
  planInstructionsSheet,
  readFormMetaColumn,
  workbookId,
  type FormIdentity,
  unitParameters,
} from '../layout/self-assessment';
import { allocateSheetNames } from '../layout/sheet-names';
import { FIXED_SHEETS } from '../layout/workbook-plan';
import type { Rubric } from '../rubric/schema';
import type { ParameterValues } from '../scoring/parameters';
import { applySheets, blockReference } from './apply-plan';
import { readCell } from './cell-values';
import { loadExcelJS, toArrayBuffer, type Workbook, type Worksheet } from './exceljs';
import { parseReference, readWorkbook, type XlsxInput } from './read-workbook';
import { normalisePackage, readPackage, storedZip } from './zip-package';

export interface MadeForm {
  unitKey: string;
  unitName: string;
  /** Suggested file name: 「03-县公安局-自评表.xlsx」. */
  fileName: string;
  buffer: ArrayBuffer;
}

const FILE_FORBIDDEN = /[\\/:*?"<>|\s]+/g;

/** The unit's sheet name in its form (the same rule as in the score workbook). */
function formSheetName(unitName: string): string {
  return allocateSheetNames([unitName], [INSTRUCTIONS_SHEET, FORM_META_SHEET, FIXED_SHEETS.summary])[0];
}

/** The grid of a block of a worksheet (1-based top-left), values as the reader sees them. */
export function readGrid(ws: Worksheet, top: number, left: number, rows: number, cols: number) {
  const values: CellValue[][] = [];
  const texts: (string | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    const vrow: CellValue[] = [];
    const trow: (string | null)[] = [];
    const wsRow = ws.findRow(top + r);
    for (let c = 0; c < cols; c++) {
      const { value, text } = readCell(wsRow?.findCell(left + c));
      vrow.push(value);
      trow.push(text);
    }
    values.push(vrow);
    texts.push(trow);
  }
  return { values, texts };
}

/** One form: made, serialised; `createdAt` is the form's own time. */
export async function makeForm(
  rubric: Rubric,
  meta: WorkbookMeta,
  unit: WorkbookMeta['units'][number],
  createdAt: string,
  parameters: ParameterValues = {},
): Promise<ArrayBuffer> {
  const groupLabel = rubric.ranking.groups.find((g) => g.id === unit.group)?.label ?? unit.group;
  const sheetName = formSheetName(unit.name);
  const u = { key: unit.key, sheetName, unitName: unit.name, groupLabel };
  const table = planFormSheet(rubric, u);
  const wb = await applySheets([planInstructionsSheet(rubric, u, INSTRUCTIONS_SHEET), table], {
    protectComputed: true,
    created: new Date(createdAt),
  });
  wb.definedNames.add(blockReference(table), FORM_NAME);
  // The digest is taken from the workbook as written, through the same reader as on return.
  const ws = wb.getWorksheet(sheetName)!;
  const { values } = readGrid(ws, 1, 1, table.block.rows, table.block.cols);
  const idx = indexBlock(values);
  if (!idx.ok) throw new Error(`form layout: ${idx.message}`);
  const identity: FormIdentity = {
    format: 'credit-score-form',
    formatVersion: 1,
    workbookId: workbookId(meta),
    unitKey: unit.key,
    unitName: unit.name,
    group: unit.group,
    rubric: meta.rubric,
    createdAt,
    lockedDigest: lockedDigest(values, idx.index),
  };
  const own = unitParameters(rubric, parameters, unit.group);
  if (own) identity.parameters = own;
  const hidden = wb.addWorksheet(FORM_META_SHEET, { state: 'veryHidden' });
  formMetaColumn(identity).forEach((text, i) => {
    hidden.getCell(i + 1, 1).value = text;
  });
  await hidden.protect('', {});
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return toArrayBuffer(wb);
}

/**
 * One 自评表 per unit of the roster in `meta`, in roster order: the core shared by a workbook read
 * from a file (makeForms) and the live workbook in Excel (src/excel/self-assessment.ts).
 */
export async function makeFormsFor(
  rubric: Rubric,
  meta: WorkbookMeta,
  now = new Date(),
  /** The workbook's 参数 values: each form carries its unit's (FormIdentity.parameters). */
  parameters: ParameterValues = {},
): Promise<MadeForm[]> {
  const width = String(meta.units.length).length;
  const forms: MadeForm[] = [];
  for (const [i, unit] of meta.units.entries()) {
    const buffer = await makeForm(rubric, meta, unit, now.toISOString(), parameters);
    const fileName = `${String(i + 1).padStart(Math.max(2, width), '0')}-${unit.name.replace(FILE_FORBIDDEN, '_')}-自评表.xlsx`;
    forms.push({ unitKey: unit.key, unitName: unit.name, fileName, buffer });
  }
  return forms;
}

/** One 自评表 per unit of a score workbook, in roster order. */
export async function makeForms(workbook: XlsxInput, now = new Date()): Promise<{ meta: WorkbookMeta; forms: MadeForm[] }> {
  const read = await readWorkbook(workbook);
  return { meta: read.meta, forms: await makeFormsFor(read.rubric, read.meta, now, read.parameters) };
}

/** A returned form, parsed: its identity, its table and the index of that table. */
export interface ReadForm {
  identity: FormIdentity;
  worksheet: Worksheet;
  top: number;
  left: number;
  values: CellValue[][];
  texts: (string | null)[][];
  index: SheetIndex;
}

export type FormRead = { ok: true; form: ReadForm } | { ok: false; message: string };

/** The form's table: through its defined name, else the visible sheet whose hidden role row has a 佐证材料 column. */
function locateTable(wb: Workbook): { ws: Worksheet; top: number; left: number; rows: number; cols: number } | null {
  const entry = (wb.definedNames.model as { name: string; ranges: string[] }[]).find((d) => d.name === FORM_NAME);
  const area = entry?.ranges.map(parseReference).find((a) => a !== null);
  const ws = area ? wb.getWorksheet(area.sheetName) : undefined;
  if (area && ws) return { ws, top: area.top, left: area.left, rows: area.bottom - area.top + 1, cols: area.right - area.left + 1 };
  for (const sheet of wb.worksheets) {
    if (sheet.state !== 'visible') continue;
    const roles = (sheet.getRow(1).values as unknown[]) ?? [];
    if (roles.includes('evidence') && roles.includes('key'))
      return { ws: sheet, top: 1, left: 1, rows: sheet.rowCount, cols: sheet.columnCount };
  }
  return null;
}

/** Reads a returned form; never throws for a bad file (the reason is returned, in Chinese). */
export async function readForm(input: XlsxInput): Promise<FormRead> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  try {
    const parts = normalisePackage(readPackage(input instanceof Uint8Array ? input : new Uint8Array(input)));
    await wb.xlsx.load(storedZip(parts).buffer as ArrayBuffer);
  } catch {
    return { ok: false, message: '不是 .xlsx 工作簿，或文件已损坏' };
  }
  const hidden = wb.getWorksheet(FORM_META_SHEET);
  if (!hidden) return { ok: false, message: '不是本程序生成的自评表（没有隐藏的身份信息）' };
  const column: CellValue[] = [];
  for (let r = 1; r <= Math.max(3, hidden.rowCount); r++) column.push(readCell(hidden.findCell(r, 1)).value);
  const meta = readFormMetaColumn(column);
  if (!meta.ok) return meta;
  const table = locateTable(wb);
  if (!table) return { ok: false, message: '自评表中找不到评分表（工作表被删除或隐藏的角色行被改动）' };
  const { values, texts } = readGrid(table.ws, table.top, table.left, table.rows, table.cols);
  const idx = indexBlock(values);
  if (!idx.ok) return { ok: false, message: `自评表的评分表无法读取：${idx.message}` };
  return {
    ok: true,
    form: { identity: meta.identity, worksheet: table.ws, top: table.top, left: table.left, values, texts, index: idx.index },
  };
}
