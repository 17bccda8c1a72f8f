/**
 * Applies a WorkbookPlan to the open workbook through Office.js, in chunks below the request-size
 * limit, with progress and cancellation between units. Only ExcelApi ≤ 1.8 calls are made
 * unconditionally; page layout (1.9) only when supported.
 */
import { metaColumn } from '../layout/meta';
import { a1, definedNameFor, META_SHEET, type CellPlan, type SheetPlan, type Validation, type WorkbookPlan } from '../layout/plan';
import { groupRects, type Rect } from '../layout/rectangles';
import { STYLES, type CellStyle } from '../layout/styles';
import { Batch } from './batch';
import type { ApiLevel } from './requirements';

export interface ApplyOptions {
  api: ApiLevel;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  requestBudget?: number;
}

/** What users may still do on a protected sheet: format, resize, sort and filter; inputs are unlocked. */
export const PROTECTION_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowSort: true,
  allowAutoFilter: true,
};

export class ApplyCancelled extends Error {
  constructor() {
    super('已取消：已生成的工作表保留，可删除后重新生成');
    this.name = 'ApplyCancelled';
  }
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', center: 'Center' } as const;
/** Plan widths are in characters (as in exceljs); Office.js wants points. */
export const POINTS_PER_CHAR = 6;

function rangeOf(ws: Excel.Worksheet, r: Rect): Excel.Range {
  return ws.getRangeByIndexes(r.fromRow, r.fromCol, r.toRow - r.fromRow + 1, r.toCol - r.fromCol + 1);
}

export function applyStyle(range: Excel.Range, s: CellStyle): number {
  const f = range.format;
  f.font.name = s.font.name;
  f.font.size = s.font.size;
  f.font.bold = !!s.font.bold;
  if (s.font.color) f.font.color = s.font.color;
  if (s.fill) f.fill.color = s.fill;
  if (s.horizontal) f.horizontalAlignment = H_ALIGN[s.horizontal];
  if (s.vertical) f.verticalAlignment = V_ALIGN[s.vertical];
  if (s.wrap) f.wrapText = true;
  f.protection.locked = s.locked;
  let ops = 8;
  if (s.border) {
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const) {
      const b = f.borders.getItem(edge);
      b.style = 'Continuous';
      b.color = '#808080';
    }
    ops += 12;
  }
  return ops;
}

export function validationRule(v: Validation): Excel.DataValidationRule {
  if (v.kind === 'list') return { list: { inCellDropDown: true, source: v.options.join(',') } };
  const rule =
    v.max === undefined
      ? { formula1: v.min, operator: 'GreaterThanOrEqualTo' as const }
      : { formula1: v.min, formula2: v.max, operator: 'Between' as const };
  return v.kind === 'whole' ? { wholeNumber: rule } : { decimal: rule };
}

export function validationMessage(v: Validation): string {
  if (v.kind === 'list') return `请从下拉列表选择：${v.options.join('、')}`;
  const range = v.max === undefined ? `不小于 ${v.min}` : `在 ${v.min} 到 ${v.max} 之间`;
  return v.kind === 'whole' ? `请填写${range}的整数` : `请填写${range}的数值`;
}

export async function applySheet(
  context: Excel.RequestContext,
  batch: Batch,
  ws: Excel.Worksheet,
  sheet: SheetPlan,
  api: ApiLevel,
): Promise<void> {
  const { rows, cols } = sheet.block;
  const values: (string | number | boolean)[][] = Array.from({ length: rows }, () => Array(cols).fill(''));
  const formats: string[][] = Array.from({ length: rows }, () => Array(cols).fill('General'));
  for (const c of sheet.cells) {
    if (c.value !== null) values[c.row][c.col] = c.value;
    const nf = STYLES[c.style].numberFormat;
    if (nf) formats[c.row][c.col] = nf;
  }
  const block = ws.getRangeByIndexes(0, 0, rows, cols);
  block.numberFormat = formats;
  block.values = values;
  await batch.add(2, values);

  for (const { key, rects } of groupRects(sheet.cells, (c) => c.style)) {
    for (const r of rects) await batch.add(applyStyle(rangeOf(ws, r), STYLES[key]));
  }
  for (const m of sheet.merges) {
    rangeOf(ws, m).merge(false);
    await batch.add(1);
  }
  sheet.columns.forEach((c, i) => {
    const col = ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn();
    col.format.columnWidth = c.width * POINTS_PER_CHAR;
    if (c.hidden) col.columnHidden = true;
  });
  for (const [row, h] of Object.entries(sheet.rowHeights)) ws.getRangeByIndexes(Number(row), 0, 1, 1).getEntireRow().format.rowHeight = h;
  for (const row of sheet.hiddenRows) ws.getRangeByIndexes(row, 0, 1, 1).getEntireRow().rowHidden = true;
  await batch.add(sheet.columns.length * 2 + Object.keys(sheet.rowHeights).length + sheet.hiddenRows.length);

  const withValidation = (c: CellPlan) => (c.validation || c.prompt ? { v: c.validation ?? null, p: c.prompt ?? null } : undefined);
  for (const { key, rects } of groupRects(sheet.cells, withValidation)) {
    for (const r of rects) {
      const dv = rangeOf(ws, r).dataValidation;
      if (key.v) {
        dv.rule = validationRule(key.v);
        dv.errorAlert = { showAlert: true, style: 'Stop', title: '输入无效', message: validationMessage(key.v) };
      }
      if (key.p) dv.prompt = { showPrompt: true, title: '填写说明', message: key.p.slice(0, 250) };
      await batch.add(3);
    }
  }
  if (sheet.freezeRows > 0) ws.freezePanes.freezeRows(sheet.freezeRows);
  context.workbook.names.add(definedNameFor(sheet.key), block, `信用考核评分：${sheet.kind}`);
  for (const t of sheet.tables) {
    const table = ws.tables.add(rangeOf(ws, { fromRow: t.firstRow, fromCol: t.firstCol, toRow: t.lastRow, toCol: t.lastCol }), true);
    table.name = t.name;
    table.style = 'TableStyleLight9';
  }
  for (const chart of sheet.charts) addChart(ws, chart);
  if (api.supports('1.9')) {
    const pl = ws.pageLayout;
    pl.orientation = sheet.landscape ? 'Landscape' : 'Portrait';
    pl.paperSize = 'A4';
    pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    pl.centerHorizontally = true;
    if (sheet.printTitleRows) pl.setPrintTitleRows(`$${sheet.printTitleRows[0] + 1}:$${sheet.printTitleRows[1] + 1}`);
    pl.headersFooters.defaultForAllPages.centerFooter = '第 &P 页，共 &N 页';
    if (sheet.header) pl.headersFooters.defaultForAllPages.rightHeader = sheet.header;
  }
  await batch.add(12 + sheet.tables.length * 3 + sheet.charts.length * 20);
}

function addChart(ws: Excel.Worksheet, c: SheetPlan['charts'][number]): void {
  const rows = c.lastRow - c.firstRow + 1;
  const categories = ws.getRangeByIndexes(c.firstRow, c.categoryCol, rows, 1);
  const first = c.series[0];
  const chart = ws.charts.add('BarClustered', ws.getRangeByIndexes(c.firstRow, first.col, rows, 1), 'Columns');
  chart.title.text = c.title;
  chart.legend.position = 'Bottom';
  // The band columns are hidden helpers: plot them anyway.
  chart.plotVisibleOnly = false;
  const s0 = chart.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(categories);
  s0.format.fill.setSolidColor(first.color);
  s0.overlap = 100;
  for (const s of c.series.slice(1)) {
    const series = chart.series.add(s.name);
    series.setValues(ws.getRangeByIndexes(c.firstRow, s.col, rows, 1));
    series.setXAxisValues(categories);
    series.format.fill.setSolidColor(s.color);
  }
  chart.setPosition(a1(c.anchor.fromRow, c.anchor.fromCol), a1(c.anchor.toRow, c.anchor.toCol));
}

/**
 * Queues the very hidden metadata sheet. Written last when creating: a workbook without it is not
 * bound, so a cancelled run stays inert. Also 恢复元数据 (src/excel/session.ts, recover-meta.ts).
 */
export function queueMetaSheet(context: Excel.RequestContext, plan: Pick<WorkbookPlan, 'meta' | 'rubricJson'>): void {
  const ws = context.workbook.worksheets.add(META_SHEET);
  const column = metaColumn(plan);
  ws.getRangeByIndexes(0, 0, column.length, 1).values = column.map((v) => [v]);
  ws.visibility = 'VeryHidden';
}

export async function applyPlan(plan: WorkbookPlan, options: ApplyOptions): Promise<{ syncs: number; warnings: string[] }> {
  return Excel.run(async (context) => {
    const batch = new Batch(context, options.requestBudget);
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const meta = sheets.getItemOrNullObject(META_SHEET);
    await batch.flush();
    // eslint-disable-next-line office-addins/call-sync-before-read -- batch.flush() above is context.sync() (src/excel/batch.ts); the rule only knows a literal context.sync()
    if (!meta.isNullObject) throw new Error('本工作簿已经生成过考核评分表。请新建一个空白工作簿再生成。');
    const existing = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    const clash = plan.sheets.find((s) => existing.has(s.name.toLowerCase()));
    if (clash) throw new Error(`工作簿中已有名为「${clash.name}」的工作表，请改名或新建工作簿。`);
    const blank = sheets.items.length === 1 ? sheets.items[0] : null;
    const blankUsed = blank?.getUsedRangeOrNullObject(true);

    const units = plan.sheets.filter((s) => s.kind === 'unit').length;
    let done = 0;
    for (const sheet of plan.sheets) {
      if (options.signal?.aborted) {
        await batch.flush();
        throw new ApplyCancelled();
      }
      const ws = sheets.add(sheet.name);
      await applySheet(context, batch, ws, sheet, options.api);
      if (sheet.kind === 'unit') options.onProgress?.(++done, units);
    }
    queueMetaSheet(context, plan);
    sheets.getItem(plan.sheets[0].name).activate();
    await batch.flush();
    const warnings: string[] = [];
    if (plan.meta.protectComputed) {
      // Protection is a separate request: if Excel refuses it (office-js 6784), the workbook is still made.
      for (const s of plan.sheets) sheets.getItem(s.name).protection.protect(PROTECTION_OPTIONS);
      try {
        await batch.flush();
      } catch (e) {
        warnings.push(`工作表保护未能设置（${e instanceof Error ? e.message : String(e)}），计算单元格未受保护，计分不受影响`);
      }
    }
    if (blank && blankUsed) {
      blankUsed.load('address');
      await batch.flush();
      // The empty default sheet of a new workbook is removed; a sheet with anything in it is kept.
      if (blankUsed.isNullObject) {
        blank.delete();
        await batch.flush();
      }
    }
    return { syncs: batch.syncs, warnings };
  });
}

/**
 * Rolls back an interrupted creation (no metadata sheet was written): deletes the sheets and the
 * defined names of `plan` that exist. applyPlan refuses to start when any of its sheet names is
 * taken, so every such sheet was made by the interrupted run; the workbook's own sheets are kept.
 */
export async function removePartialWorkbook(plan: WorkbookPlan): Promise<void> {
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const names = context.workbook.names;
    names.load('items/name');
    const meta = sheets.getItemOrNullObject(META_SHEET);
    await context.sync();
    if (!meta.isNullObject) throw new Error('本工作簿已经生成过考核评分表');
    const ours = new Set(plan.sheets.map((s) => s.name.toLowerCase()));
    const ourNames = new Set(plan.sheets.map((s) => definedNameFor(s.key).toLowerCase()));
    for (const n of names.items) if (ourNames.has(n.name.toLowerCase())) n.delete();
    for (const ws of sheets.items) if (ours.has(ws.name.toLowerCase())) ws.delete();
    await context.sync();
  });
}
