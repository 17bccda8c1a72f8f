/**
 * The exceljs host of the layout: a WorkbookPlan (pure data, src/layout) becomes an exceljs
 * Workbook — sheets in order, cells with styles, merges, widths, hidden helper rows/columns, row
 * heights, freeze panes, data validation, the 汇总 table, the `CS_<key>` defined names, the very
 * hidden `_cs_meta` sheet, print setup and (optionally) sheet protection. Values only: no cell ever
 * receives a formula. Charts are not made here: exceljs cannot write charts, so the 排名 chart of
 * the plan exists only in workbooks made by the Office.js host.
 */
import type * as ExcelJSModule from 'exceljs';
import type { CellPlan, SheetPlan, Validation, WorkbookPlan } from '../layout/plan';
import { META_SHEET, a1, columnLetter, definedNameFor } from '../layout/plan';
import { metaColumn } from '../layout/meta';
import { quoteSheetName } from '../layout/sheet-names';
import { STYLES, type CellStyle } from '../layout/styles';
import { loadExcelJS, type Workbook, type Worksheet } from './exceljs';
import { styleTable } from './style-map';
import { compactValidations } from './validations';

/** A sheet plan whose cells may use any style table (the annex has its own styles). */
export type ApplicableSheet = Omit<SheetPlan, 'cells'> & {
  cells: (Omit<CellPlan, 'style'> & { style: string; link?: string })[];
  /** Middle part of the page header (草稿：…). */
  headerCenter?: string;
  /** Right part of the page header (the annex puts the date there). */
  headerRight?: string;
  /** 0-based rows that start a new printed page. */
  rowBreaks?: number[];
  /**
   * Pages of this sheet when its pages are all planned (rowBreaks): the footer then counts per sheet
   * (第 1 页 共 2 页 on a unit's table, first page number 1), as a signed document wants; LibreOffice's
   * own page total (&N) counts the whole workbook.
   */
  pages?: number;
  /** Hide the grid on screen (printed documents). */
  hideGridLines?: boolean;
};

export interface ApplyOptions {
  /** Protect every sheet so that only input (unlocked) cells can be edited; no password. Default off. */
  protectComputed?: boolean;
  /** Style table for the cells' style keys; default the workbook styles of src/layout/styles.ts. */
  styles?: Record<string, CellStyle>;
  /** Creation date written to the file's properties. */
  created?: Date;
}

/** Excel's limits on data-validation texts. */
const PROMPT_MAX = 255;
const ERROR_MAX = 225;
const clip = (s: string, n: number) => ([...s].length <= n ? s : `${[...s].slice(0, n - 1).join('')}…`);
const fmt = (x: number) => String(x);

/** A data validation in exceljs form, with Chinese prompt and error texts. */
export function excelValidation(v: Validation, prompt: string | undefined): ExcelJSModule.DataValidation {
  // "warning" rather than "stop": the engine also accepts √/×, full-width digits and "85%", which a
  // strict rule would refuse; a wrong value is still flagged by the engine's problem list.
  const common = {
    allowBlank: true,
    showInputMessage: Boolean(prompt),
    promptTitle: '填写说明',
    prompt: prompt ? clip(prompt, PROMPT_MAX) : undefined,
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '请核对输入',
  } as const;
  if (v.kind === 'list') {
    const list = v.options.map((o) => o.replace(/"/g, '""')).join(',');
    return { ...common, type: 'list', formulae: [`"${list}"`], error: clip(`请从下拉列表中选择：${v.options.join('、')}`, ERROR_MAX) };
  }
  const what = v.kind === 'whole' ? '整数' : '数值';
  if (v.max === undefined)
    return { ...common, type: v.kind, operator: 'greaterThanOrEqual', formulae: [v.min], error: `请填写不小于 ${fmt(v.min)} 的${what}` };
  return {
    ...common,
    type: v.kind,
    operator: 'between',
    formulae: [v.min, v.max],
    error: `请填写 ${fmt(v.min)} 到 ${fmt(v.max)} 之间的${what}`,
  };
}

/**
 * A cell hyperlink to A1 of another sheet of the same workbook: exceljs writes a target of the form
 * `'name'!A1` as an in-document link (`location`). Not a formula (no HYPERLINK()). A name with `!`
 * would not be recognised as a location by exceljs: such a cell keeps its plain text.
 */
function internalLink(text: string, sheetName: string): ExcelJSModule.CellValue {
  if (sheetName.includes('!')) return text;
  return { text, hyperlink: `${quoteSheetName(sheetName)}!A1`, tooltip: `转到「${sheetName}」` };
}

/** Header/footer text: `&` is the code character and must be doubled in plain text. */
const hf = (s: string) => s.replace(/&/g, '&&');

function pageHeader(sheet: ApplicableSheet): string {
  const left = sheet.header ? `&L${hf(sheet.header)}` : '';
  const center = sheet.headerCenter ? `&C${hf(sheet.headerCenter)}` : '';
  const right = sheet.headerRight ? `&R${hf(sheet.headerRight)}` : '';
  return left + center + right;
}

/** One planned sheet added at the end of `wb` (a sheet rebuilt in place is moved back by its caller). */
export function addSheet(wb: Workbook, sheet: ApplicableSheet, styles: Map<string, Partial<ExcelJSModule.Style>>): Worksheet {
  const frozen = sheet.freezeRows > 0;
  const ws = wb.addWorksheet(sheet.name, {
    // exceljs omits columns 9 wide (its default width) from <cols>: make 9 the sheet's default too.
    properties: { defaultColWidth: 9 } as ExcelJSModule.WorksheetProperties,
    views: [
      {
        ...(frozen
          ? { state: 'frozen' as const, xSplit: 0, ySplit: sheet.freezeRows, topLeftCell: `A${sheet.freezeRows + 1}` }
          : { state: 'normal' as const }),
        showGridLines: !sheet.hideGridLines,
      },
    ],
    pageSetup: {
      paperSize: 9, // A4
      orientation: sheet.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      ...(sheet.pages ? { firstPageNumber: 1 } : {}),
      // exceljs writes `'<name>'!$a:$b` without doubling apostrophes: skip titles for such names.
      ...(sheet.printTitleRows && !sheet.name.includes("'")
        ? { printTitlesRow: `${sheet.printTitleRows[0] + 1}:${sheet.printTitleRows[1] + 1}` }
        : {}),
    },
    headerFooter: { oddHeader: pageHeader(sheet), oddFooter: `&C第 &P 页 共 ${sheet.pages ?? '&N'} 页` } as ExcelJSModule.HeaderFooter,
  });

  sheet.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  for (const [r, h] of Object.entries(sheet.rowHeights)) ws.getRow(Number(r) + 1).height = h;
  for (const r of sheet.hiddenRows) ws.getRow(r + 1).hidden = true;

  for (const c of sheet.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    cell.value = c.link && c.value !== null ? internalLink(String(c.value), c.link) : c.value;
    const style = styles.get(c.style);
    if (style) cell.style = style;
    if (c.validation) cell.dataValidation = excelValidation(c.validation, c.prompt);
    // A prompt without a rule: exceljs' type "any" writes a validation that only shows the prompt.
    else if (c.prompt)
      cell.dataValidation = {
        type: 'any',
        formulae: [],
        showInputMessage: true,
        promptTitle: '填写说明',
        prompt: clip(c.prompt, PROMPT_MAX),
      } as unknown as ExcelJSModule.DataValidation;
  }
  for (const m of sheet.merges) ws.mergeCells(m.fromRow + 1, m.fromCol + 1, m.toRow + 1, m.toCol + 1);
  // A break after row r (1-based) starts the next page at 0-based row r.
  for (const r of sheet.rowBreaks ?? []) if (r > 0) ws.getRow(r).addPageBreak();

  for (const t of sheet.tables) addTable(ws, sheet, t);
  compactValidations(ws);
  return ws;
}

/**
 * The 汇总 table: exceljs' addTable writes header and rows itself; it is given exactly the values
 * the plan already wrote, so the cells' styles stay as planned. No totals row (no formulas).
 */
function addTable(ws: Worksheet, sheet: ApplicableSheet, t: SheetPlan['tables'][number]) {
  const at = new Map(sheet.cells.map((c) => [`${c.row}:${c.col}`, c.value]));
  const cols: number[] = [];
  for (let c = t.firstCol; c <= t.lastCol; c++) cols.push(c);
  const used = new Set<string>();
  const columns = cols.map((c) => {
    let name = String(at.get(`${t.firstRow}:${c}`) ?? `列${c + 1}`);
    for (let n = 2; used.has(name); n++) name = `${name}${n}`;
    used.add(name);
    return { name, filterButton: true };
  });
  const rows: ExcelJSModule.CellValue[][] = [];
  for (let r = t.firstRow + 1; r <= t.lastRow; r++) rows.push(cols.map((c) => at.get(`${r}:${c}`) ?? null));
  ws.addTable({
    name: t.name,
    displayName: t.name,
    ref: a1(t.firstRow, t.firstCol),
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleLight1', showRowStripes: false },
    columns,
    rows,
  } as ExcelJSModule.TableProperties);
}

/** Protects a sheet as every sheet of a protected workbook is (inputs stay editable; no password). */
export async function protect(ws: Worksheet) {
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    sort: true,
    autoFilter: true,
  });
}

/** Sheets only: used for the annex (no names, no meta). */
export async function applySheets(sheets: ApplicableSheet[], options: ApplyOptions = {}): Promise<Workbook> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'credit-score';
  wb.created = options.created ?? new Date();
  const styles = styleTable(options.styles ?? STYLES);
  for (const s of sheets) {
    const ws = addSheet(wb, s, styles);
    if (options.protectComputed) await protect(ws);
  }
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return wb;
}

/** The range a sheet's `CS_<key>` name covers, e.g. `'单位1'!$A$1:$L$60`. */
export function blockReference(sheet: Pick<SheetPlan, 'name' | 'block'>): string {
  return `${quoteSheetName(sheet.name)}!$A$1:$${columnLetter(sheet.block.cols - 1)}$${sheet.block.rows}`;
}

/** The whole workbook: sheets, `CS_<key>` names over each block, and the very hidden meta sheet. */
export async function applyPlan(plan: WorkbookPlan, options: ApplyOptions = {}): Promise<Workbook> {
  const wb = await applySheets(plan.sheets, { ...options, created: options.created ?? new Date(plan.meta.createdAt) });
  for (const s of plan.sheets) wb.definedNames.add(blockReference(s), definedNameFor(s.key));
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.getColumn(1).width = 20;
  metaColumn(plan).forEach((text, i) => {
    meta.getCell(i + 1, 1).value = text;
  });
  if (options.protectComputed) await protect(meta);
  return wb;
}
