/**
 * 重建该单位评分表: lays out one unit's score sheet again from the plan (a deleted sheet, or one whose
 * `CS_<key>` name, role row or key column was broken) and writes back every input the live session
 * read from it before it was lost. Queued on the caller's request; the caller syncs.
 */
import type { SheetIndex } from '../layout/binding';
import { planIndex } from '../layout/grid';
import { definedNameFor, META_SHEET, type CellValue } from '../layout/plan';
import { allocateSheetNames } from '../layout/sheet-names';
import { planUnitSheet } from '../layout/unit-sheet';
import { FIXED_SHEETS } from '../layout/workbook-plan';
import { planSelfColumns, selfColumnsOfIndex } from '../layout/review';
import { SELF_ROLES } from '../layout/self-assessment';
import type { Rubric } from '../rubric/schema';
import { applySheet, PROTECTION_OPTIONS } from './apply-plan';
import type { Batch } from './batch';
import type { ApiLevel } from './requirements';

/** A unit sheet as the session last read it. */
export interface LostSheet {
  index: SheetIndex;
  values: CellValue[][];
  /** The block's number formats (a typed "75%" is 0.75 shown as a percent). */
  formats?: unknown[][];
}

export interface RebuildRequest {
  rubric: Rubric;
  api: ApiLevel;
  unit: { key: string; name: string; group: string };
  lost: LostSheet | null;
  protect: boolean;
}

export interface Rebuilt {
  sheetName: string;
  worksheet: Excel.Worksheet;
  /** Input cells written back. */
  restored: number;
  /** Row keys of inputs read before that the new layout has no cell for (never expected: same rubric). */
  unplaced: string[];
}

/** Input rows of a unit sheet: item and field rows, the bonus and fraud lines. */
const isInputRow = (rowKey: string) => /^[if]\|/.test(rowKey) || rowKey === 't|bonus' || rowKey === 't|fraud';

/** The input columns written back, with the rows each has inputs on. */
const RESTORED_COLUMNS = [
  ['input', isInputRow],
  // 自评填报 and 佐证材料 of a sheet carrying the 自评 columns; the 弄虚作假 finding has no 自评.
  [SELF_ROLES.input, (k: string) => isInputRow(k) && k !== 't|fraud'],
  [SELF_ROLES.evidence, (k: string) => k.startsWith('i|')],
] as const;

/** Input cells with something in them, in a unit sheet as last read. */
export function filledInputs(lost: LostSheet): number {
  let n = 0;
  for (const [role, rowsOf] of RESTORED_COLUMNS) {
    const col = lost.index.cols.get(role);
    if (col === undefined) continue;
    for (const [rowKey, row] of lost.index.rows) {
      const v = lost.values[row]?.[col];
      if (rowsOf(rowKey) && v !== null && v !== undefined && v !== '') n++;
    }
  }
  return n;
}

/**
 * How a value read from a cell is written back so that Excel stores the same thing: a string is
 * written with Excel's text prefix "'" (else "0012" would become 12 and "75%" a number), except in a
 * cell formatted as text, which keeps what it is given.
 */
function writable(v: CellValue, format: unknown): string | number | boolean {
  if (typeof v !== 'string') return v as number | boolean;
  return format === '@' ? v : `'${v}`;
}

/**
 * Queues the sheet's layout and its inputs. The old defined name (left pointing at #REF! when its
 * sheet was deleted) is deleted first: the sheet gets a fresh one. A damaged sheet that still exists
 * is left as it is (the user's content is never overwritten); the new one takes a free name.
 */
export async function queueRebuild(context: Excel.RequestContext, batch: Batch, r: RebuildRequest): Promise<Rebuilt> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const oldName = context.workbook.names.getItemOrNullObject(definedNameFor(r.unit.key));
  await batch.flush();
  // eslint-disable-next-line office-addins/call-sync-before-read -- batch.flush() above is context.sync() (src/excel/batch.ts); the rule only knows a literal context.sync()
  if (!oldName.isNullObject) oldName.delete();
  const taken = [...sheets.items.map((s) => s.name), FIXED_SHEETS.info, FIXED_SHEETS.summary, FIXED_SHEETS.rank, META_SHEET];
  const sheetName = allocateSheetNames([r.unit.name], taken)[0];
  const groupLabel = r.rubric.ranking.groups.find((g) => g.id === r.unit.group)?.label ?? r.unit.group;
  const unitPlan = planUnitSheet(r.rubric, { key: r.unit.key, sheetName, unitName: r.unit.name, groupLabel });
  // A sheet that carried the 自评 columns (a merged workbook) gets them back, with the unit's figures.
  const plan = r.lost && selfColumnsOfIndex(r.lost.index) ? planSelfColumns(unitPlan) : unitPlan;
  const ws = sheets.add(sheetName);
  await applySheet(context, batch, ws, plan, r.api);

  let restored = 0;
  const unplaced: string[] = [];
  const lost = r.lost;
  if (lost) {
    const index = planIndex(plan);
    // 核定填报, and where the sheet had them 自评填报 and 佐证材料 (on the item's first row).
    for (const [role, rowsOf] of RESTORED_COLUMNS) {
      const oldCol = lost.index.cols.get(role);
      const newCol = index.cols.get(role);
      if (oldCol === undefined || newCol === undefined) continue;
      for (const [rowKey, row] of lost.index.rows) {
        if (!rowsOf(rowKey)) continue;
        const v = lost.values[row]?.[oldCol] ?? null;
        if (v === null || v === '') continue;
        const at = index.rows.get(rowKey);
        if (at === undefined) {
          unplaced.push(rowKey);
          continue;
        }
        const cell = ws.getRangeByIndexes(at, newCol, 1, 1);
        const format = lost.formats?.[row]?.[oldCol];
        // The number format first: 0.75 read from a percent cell is written back as 75 %.
        if (typeof format === 'string') cell.numberFormat = [[format]];
        cell.values = [[writable(v, format)]];
        restored++;
        await batch.add(2, v);
      }
    }
  }
  if (r.protect) ws.protection.protect(PROTECTION_OPTIONS);
  ws.activate();
  return { sheetName, worksheet: ws, restored, unplaced };
}
