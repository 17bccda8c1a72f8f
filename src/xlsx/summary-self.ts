/**
 * 汇总 with 自评总分 | 差值 | 未说明差异 in a file (issue 17), where the office chooses it:
 * - `chooseSummarySelf` records the choice in the metadata sheet (WorkbookMeta.summarySelf) and lays
 *   汇总 out again from the layout's plan with or without the three columns, in the same place and
 *   under the same name. 汇总 holds only computed cells (nothing typed there is read), so rebuilding
 *   it loses no input; the scores are written into it by the same run.
 * - `summarySelfCells` gives the three cells of every unit for writeScores, from the review of the
 *   file (src/xlsx/review.ts): the same figures as the annex's 自评与核定对照表.
 * A workbook whose choice is off (every workbook as made) is left exactly as it was.
 */
import { planIndex } from '../layout/grid';
import { metaColumn } from '../layout/meta';
import type { OutputCell } from '../layout/outputs';
import { META_SHEET, definedNameFor } from '../layout/plan';
import { STYLES } from '../layout/styles';
import { planSummaryOf, showsSummarySelf, summarySelfOutputs, withSummarySelf } from '../layout/summary-self';
import type { Problem, RosterResult } from '../scoring/types';
import { addSheet, blockReference, protect } from './apply-plan';
import type { Workbook } from './exceljs';
import type { ReadWorkbookResult } from './read-workbook';
import type { ReviewResult } from './review';
import { styleTable } from './style-map';

/** The metadata sheet's column A rewritten for `meta` (the rubric as the read found it); rows left over are emptied. */
function rewriteMeta(read: ReadWorkbookResult, meta: ReadWorkbookResult['meta']): boolean {
  const ws = read.workbook.getWorksheet(META_SHEET);
  if (!ws) return false;
  const rows = ws.rowCount;
  const column = metaColumn({ meta, rubricJson: read.rubricJson });
  column.forEach((text, i) => (ws.getCell(i + 1, 1).value = text));
  for (let r = column.length + 1; r <= rows; r++) ws.getCell(r, 1).value = null;
  return true;
}

/** Removes every range of a defined name (names are case-insensitive). */
function removeName(wb: Workbook, name: string): void {
  const names = wb.definedNames as unknown as { matrixMap: Record<string, unknown> };
  for (const k of Object.keys(names.matrixMap)) if (k.toLowerCase() === name.toLowerCase()) delete names.matrixMap[k];
}

/**
 * Records the choice and lays 汇总 out for it. Returns a problem when 汇总 cannot be found (deleted):
 * the choice is then not recorded. Nothing happens when the choice is already as asked and 汇总
 * already has (or lacks) the columns.
 */
export async function chooseSummarySelf(read: ReadWorkbookResult, on: boolean): Promise<Problem | null> {
  const block = read.blocks.get('SUMMARY');
  if (!block) return { severity: 'warning', unit: '', message: '找不到「汇总」工作表，未能设置汇总中的自评列' };
  const laidOut = block.index.cols.has('selfTotal');
  if (showsSummarySelf(read.meta) === on && laidOut === on) return null;
  const meta = withSummarySelf(read.meta, on);
  if (!rewriteMeta(read, meta)) return { severity: 'warning', unit: '', message: '工作簿的元数据无法改写，未能设置汇总中的自评列' };
  read.meta = meta;

  const old = block.worksheet;
  const plan = planSummaryOf(read.rubric, meta, old.name);
  // exceljs writes sheets in the order of orderNo (not typed): the new 汇总 takes the old one's place.
  type Ordered = { orderNo: number };
  const { orderNo } = old as unknown as Ordered;
  const { state } = old;
  const protectedSheet = Boolean((old as unknown as { sheetProtection?: unknown }).sheetProtection);
  read.workbook.removeWorksheet(old.id);
  const ws = addSheet(read.workbook, plan, styleTable(STYLES));
  (ws as unknown as Ordered).orderNo = orderNo;
  ws.state = state;
  if (meta.protectComputed || protectedSheet) await protect(ws);
  removeName(read.workbook, definedNameFor('SUMMARY'));
  read.workbook.definedNames.add(blockReference(plan), definedNameFor('SUMMARY'));

  read.blocks.set('SUMMARY', {
    ...block,
    worksheet: ws,
    top: 1,
    left: 1,
    rows: plan.block.rows,
    cols: plan.block.cols,
    index: planIndex(plan),
  });
  return null;
}

/** The three 自评 cells of every unit's 汇总 row when the workbook's choice is on; none otherwise. */
export function summarySelfCells(read: ReadWorkbookResult, result: RosterResult, review: ReviewResult | null): OutputCell[] {
  if (!showsSummarySelf(read.meta)) return [];
  return summarySelfOutputs(
    read.meta.units.map((u, i) => ({ key: u.key, name: u.name, group: u.group, verified: result.units[i]?.final ?? null })),
    review?.selfTotals ?? new Map(),
    review?.differences ?? [],
  );
}
