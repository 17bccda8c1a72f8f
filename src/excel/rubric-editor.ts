/**
 * 编辑评分细则 in the live workbook: lays out the 细则定义 sheets (src/layout/rubric-sheet, pure data)
 * through Office.js, reads their values back, marks the cells the parser refused, and keeps the
 * saved rubric in a very hidden sheet `_cs_rubric` (so the workbook carries the office's rubric until
 * 生成评分表 embeds it in `_cs_meta`).
 *
 * ExcelApi 1.8 only: no comments or notes (1.10), so a refused cell is shown by its fill (remembered
 * and restored when the cell is fixed) and listed in the pane with its address. Syncs: laying out is
 * one Batch (chunked by request size); reading is 2 syncs; marking is 2 syncs (read the fills it
 * replaces, then write).
 */
import { rectangles } from '../layout/rectangles';
import {
  DEFINITION_STYLES,
  SHEET_NAMES,
  type DefinitionSheet,
  type DefinitionValues,
  type DefinitionWorkbook,
} from '../layout/rubric-sheet';
import type { SheetCellError, SheetCellValue } from '../layout/rubric-sheet';
import { POINTS_PER_CHAR, applyStyle, validationMessage, validationRule } from './apply-plan';
import { Batch } from './batch';

/** The sheets read back (填写说明 is instructions only). */
export const EDITED_SHEETS = [SHEET_NAMES.indicators, SHEET_NAMES.method, SHEET_NAMES.notes] as const;
export const RUBRIC_SHEET = '_cs_rubric';
const RUBRIC_MARKER = 'credit-score-rubric/1';
const CHUNK = 30000;
/** The fill of a refused cell (light red, readable with black text). */
export const ERROR_FILL = '#F4B6B6';

function groupBy<T>(items: T[], keyOf: (t: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = keyOf(it);
    if (k === undefined) continue;
    const list = out.get(k) ?? [];
    list.push(it);
    out.set(k, list);
  }
  return out;
}

async function writeSheet(batch: Batch, ws: Excel.Worksheet, sheet: DefinitionSheet): Promise<void> {
  const rows = Math.max(1, ...sheet.cells.map((c) => c.row + 1));
  const cols = Math.max(1, sheet.columns.length, ...sheet.cells.map((c) => c.col + 1));
  const values: (string | number | boolean)[][] = Array.from({ length: rows }, () => Array(cols).fill(''));
  const formats: string[][] = Array.from({ length: rows }, () => Array(cols).fill('General'));
  for (const c of sheet.cells) {
    if (c.value !== null) values[c.row][c.col] = c.value;
    const nf = DEFINITION_STYLES[c.style].numberFormat;
    if (nf) formats[c.row][c.col] = nf;
  }
  const block = ws.getRangeByIndexes(0, 0, rows, cols);
  block.numberFormat = formats;
  block.values = values;
  await batch.add(2, values);
  for (const [style, cells] of groupBy(sheet.cells, (c) => c.style))
    for (const r of rectangles(cells))
      await batch.add(
        applyStyle(
          ws.getRangeByIndexes(r.fromRow, r.fromCol, r.toRow - r.fromRow + 1, r.toCol - r.fromCol + 1),
          DEFINITION_STYLES[style as keyof typeof DEFINITION_STYLES],
        ),
      );
  for (const m of sheet.merges) {
    ws.getRangeByIndexes(m.fromRow, m.fromCol, m.toRow - m.fromRow + 1, m.toCol - m.fromCol + 1).merge(false);
    await batch.add(1);
  }
  sheet.columns.forEach((c, i) => (ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = c.width * POINTS_PER_CHAR));
  for (const [row, h] of Object.entries(sheet.rowHeights)) ws.getRangeByIndexes(Number(row), 0, 1, 1).getEntireRow().format.rowHeight = h;
  await batch.add(sheet.columns.length + Object.keys(sheet.rowHeights).length);
  const byLook = groupBy(sheet.cells, (c) =>
    c.validation || c.prompt ? JSON.stringify([c.validation ?? null, c.prompt ?? null]) : undefined,
  );
  for (const [key, cells] of byLook) {
    const [v, prompt] = JSON.parse(key) as [DefinitionSheet['cells'][number]['validation'] | null, string | null];
    for (const r of rectangles(cells)) {
      const dv = ws.getRangeByIndexes(r.fromRow, r.fromCol, r.toRow - r.fromRow + 1, r.toCol - r.fromCol + 1).dataValidation;
      if (v) {
        dv.rule = validationRule(v);
        dv.errorAlert = { showAlert: true, style: 'Stop', title: '输入无效', message: validationMessage(v) };
      }
      if (prompt) dv.prompt = { showPrompt: true, title: '填写说明', message: prompt.slice(0, 250) };
      await batch.add(3);
    }
  }
  if (sheet.freezeRows > 0 || sheet.freezeCols > 0)
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, Math.max(1, sheet.freezeRows), Math.max(1, sheet.freezeCols)));
  await batch.add(1);
}

/** Which of the definition sheets the open workbook already has (an editor in progress is never overwritten). */
export async function existingDefinitionSheets(): Promise<string[]> {
  return Excel.run(async (context) => {
    const items = EDITED_SHEETS.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
    await context.sync();
    return EDITED_SHEETS.filter((_, i) => !items[i].isNullObject);
  });
}

/** Adds the definition sheets and activates 细则定义. Refuses when one exists already (its contents are the user's). */
export async function layOutDefinition(workbook: DefinitionWorkbook): Promise<{ syncs: number }> {
  const existing = await existingDefinitionSheets();
  if (existing.length) throw new Error(`工作簿中已有「${existing.join('」「')}」表：请直接在其中修改，或删除它们后重新开始。`);
  return Excel.run(async (context) => {
    const batch = new Batch(context);
    for (const sheet of workbook.sheets) {
      const ws = context.workbook.worksheets.add(sheet.name);
      await writeSheet(batch, ws, sheet);
    }
    context.workbook.worksheets.getItem(SHEET_NAMES.indicators).activate();
    await batch.flush();
    return { syncs: batch.syncs + 1 };
  });
}

/** The values of the definition sheets as the parser reads them (rows from A1, null for empty cells). */
export async function readDefinitionValues(): Promise<DefinitionValues> {
  return Excel.run(async (context) => {
    const sheets = EDITED_SHEETS.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
    await context.sync();
    const used = sheets.map((ws) => (ws.isNullObject ? null : ws.getUsedRangeOrNullObject(true)));
    for (const r of used) r?.load(['values', 'rowIndex', 'columnIndex']);
    await context.sync();
    const out: DefinitionValues = {};
    EDITED_SHEETS.forEach((name, i) => {
      const r = used[i];
      if (!r || r.isNullObject) return;
      const grid: SheetCellValue[][] = Array.from({ length: r.rowIndex }, () => []);
      for (const row of r.values as SheetCellValue[][])
        grid.push([...Array<SheetCellValue>(r.columnIndex).fill(null), ...row.map((v) => (v === '' ? null : v))]);
      out[name] = grid;
    });
    return out;
  });
}

export interface MarkedCells {
  /** "sheet!A1" → the fill the cell had before it was marked. */
  fills: Map<string, string>;
}

export const newMarks = (): MarkedCells => ({ fills: new Map() });

/** Colours the refused cells and gives back their own fill to cells fixed since the last check. */
export async function markErrors(errors: Pick<SheetCellError, 'sheet' | 'cell'>[], marks: MarkedCells): Promise<void> {
  const wanted = new Set(errors.filter((e) => (EDITED_SHEETS as readonly string[]).includes(e.sheet)).map((e) => `${e.sheet}!${e.cell}`));
  const fixed = [...marks.fills.keys()].filter((k) => !wanted.has(k));
  const added = [...wanted].filter((k) => !marks.fills.has(k));
  if (!fixed.length && !added.length) return;
  const split = (k: string) => {
    const i = k.lastIndexOf('!');
    return [k.slice(0, i), k.slice(i + 1)] as const;
  };
  await Excel.run(async (context) => {
    const fills = added.map((k) => {
      const [sheet, cell] = split(k);
      const f = context.workbook.worksheets.getItem(sheet).getRange(cell).format.fill;
      f.load('color');
      return f;
    });
    if (fills.length) await context.sync();
    added.forEach((k, i) => marks.fills.set(k, fills[i].color));
    for (const k of fixed) {
      const [sheet, cell] = split(k);
      const fill = context.workbook.worksheets.getItem(sheet).getRange(cell).format.fill;
      const original = marks.fills.get(k)!;
      if (!original || original === '#FFFFFF') fill.clear();
      else fill.color = original;
      marks.fills.delete(k);
    }
    for (const k of added) {
      const [sheet, cell] = split(k);
      context.workbook.worksheets.getItem(sheet).getRange(cell).format.fill.color = ERROR_FILL;
    }
    await context.sync();
  });
}

/**
 * Calls `onChange` after each edit of a definition sheet (ExcelApi 1.7 onChanged). The handlers live as
 * long as the pane (like the scoring session's); the caller registers them once.
 */
export async function watchDefinitionSheets(onChange: () => void): Promise<number> {
  return Excel.run(async (context) => {
    const sheets = EDITED_SHEETS.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
    await context.sync();
    const present = sheets.filter((ws) => !ws.isNullObject);
    for (const ws of present) ws.onChanged.add(async () => onChange());
    await context.sync();
    return present.length;
  });
}

/** Keeps the saved rubric JSON in the very hidden `_cs_rubric` sheet (replacing an earlier save). */
export async function storeRubric(json: string): Promise<void> {
  const parts: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) parts.push(json.slice(i, i + CHUNK));
  await Excel.run(async (context) => {
    const old = context.workbook.worksheets.getItemOrNullObject(RUBRIC_SHEET);
    await context.sync();
    if (!old.isNullObject) {
      old.visibility = 'Visible';
      old.delete();
    }
    const ws = context.workbook.worksheets.add(RUBRIC_SHEET);
    const column = [RUBRIC_MARKER, String(parts.length), ...parts];
    ws.getRangeByIndexes(0, 0, column.length, 1).values = column.map((v) => [v]);
    ws.visibility = 'VeryHidden';
    await context.sync();
  });
}

/** The rubric JSON saved in this workbook by 保存为评分细则, or null. */
export async function readStoredRubric(): Promise<string | null> {
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(RUBRIC_SHEET);
    await context.sync();
    if (ws.isNullObject) return null;
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('values');
    await context.sync();
    if (used.isNullObject) return null;
    const col = (used.values as unknown[][]).map((r) => String(r[0] ?? ''));
    if (col[0] !== RUBRIC_MARKER) return null;
    const n = Number(col[1]);
    return Number.isInteger(n) && col.length >= 2 + n ? col.slice(2, 2 + n).join('') : null;
  });
}
