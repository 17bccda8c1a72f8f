/**
 * 汇总 with the 自评 beside the 核定 (issue 17), where the office chooses it (WorkbookMeta.summarySelf):
 * per unit 自评总分 | 差值（核定−自评） | 未说明差异 after the 核定总分. Pure data for both hosts: the
 * 汇总 plan of an existing workbook (the option decides its columns), and the cells of the three
 * columns from the 核定 results, the 自评 totals and the 核查清单 differences. The figures and words
 * are those of the annex's 自评与核定对照表 (comparisonOf, src/layout/annex-comparison.ts; the test
 * test/layout/summary-self.test.ts holds both to the same rows): a unit
 * that returned no form shows 「未提交」, an unsettled 自评 (a wrong or missing figure) 「未完成」,
 * never a number. The official annex never carries these columns: it is planned from the rubric alone.
 */
import type { Rubric } from '../rubric/schema';
import { NOT_RETURNED, type ComparisonDifference } from './annex-comparison';
import type { OutputCell } from './outputs';
import { rowKey, type CellValue, type SheetPlan, type WorkbookMeta } from './plan';
import { planSummarySheet } from './summary-sheet';

/** What a 自评 total shows when the unit's form leaves it unsettled (the annex's word). */
export const SELF_UNSETTLED = '未完成';
/** Where there is nothing to subtract or count (no form, or no 自评 total). */
export const NO_FIGURE = '—';

/** Whether the workbook's 汇总 shows the 自评 columns. */
export const showsSummarySelf = (meta: Pick<WorkbookMeta, 'summarySelf'>): boolean => meta.summarySelf === true;

/** The metadata with the choice made: off leaves no trace (a workbook as made). */
export function withSummarySelf(meta: WorkbookMeta, on: boolean): WorkbookMeta {
  const next: WorkbookMeta = { ...meta, summarySelf: true };
  if (!on) delete next.summarySelf;
  return next;
}

/** The 汇总 of an existing workbook, laid out as its metadata says (rebuilding it keeps its sheet name). */
export function planSummaryOf(rubric: Rubric, meta: WorkbookMeta, sheetName: string): SheetPlan {
  const groupLabel = (id: string) => rubric.ranking.groups.find((g) => g.id === id)?.label ?? id;
  return planSummarySheet(
    rubric,
    sheetName,
    meta.units.map((u) => ({ ...u, groupLabel: groupLabel(u.group) })),
    { self: showsSummarySelf(meta) },
  );
}

export interface SummarySelfUnit {
  key: string;
  name: string;
  group: string;
  /** The 核定 final score (null while unsettled). */
  verified: number | null;
}

/**
 * The three cells of every unit's 汇总 row. `selfTotals`: the 自评 total of each unit whose form was
 * collected (null where it is unsettled); `differences`: the 核查清单's, with the reasons typed.
 */
export function summarySelfOutputs(
  units: readonly SummarySelfUnit[],
  selfTotals: ReadonlyMap<string, number | null>,
  differences: readonly Pick<ComparisonDifference, 'unitKey' | 'reason'>[],
): OutputCell[] {
  // Counted once per unit (the live session calls this every round): not a filter per unit.
  const open = new Map<string, number>();
  for (const d of differences) if (d.reason.trim() === '') open.set(d.unitKey, (open.get(d.unitKey) ?? 0) + 1);
  const out: OutputCell[] = [];
  for (const u of units) {
    const rk = rowKey.summaryUnit(u.key);
    const put = (role: OutputCell['role'], value: CellValue) => out.push({ sheetKey: 'SUMMARY', rowKey: rk, role, value, optional: true });
    if (!selfTotals.has(u.key)) {
      put('selfTotal', NOT_RETURNED);
      put('selfDifference', NO_FIGURE);
      put('selfOpen', NO_FIGURE);
      continue;
    }
    const self = selfTotals.get(u.key) ?? null;
    put('selfTotal', self ?? SELF_UNSETTLED);
    // 核定 − 自评, the 对照表's arithmetic (comparisonOf): floating-point noise rounded away.
    put('selfDifference', self !== null && u.verified !== null ? Number((u.verified - self).toPrecision(12)) : NO_FIGURE);
    put('selfOpen', open.get(u.key) ?? 0);
  }
  return out;
}
