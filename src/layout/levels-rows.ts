/**
 * Three levels (考核项目 → 考核指标 → 子项, src/rubric/levels.ts) in the sheets: a 考核指标 row above
 * its 子项, like a category row one level down, with its subtotal and reason; and its computed cells.
 */
import type { IndicatorGroup } from '../rubric/schema';
import type { RankedUnit } from '../scoring/types';
import type { OutputCell } from './outputs';
import type { CellPlan, ColumnRole, SheetPlan } from './plan';

/** Row key of a 考核指标's row. */
export const groupRowKey = (groupId: string) => `g|${groupId}`;

/** 「（一）制度建设（5 分）」 */
export const groupHeading = (g: IndicatorGroup) => `${g.number}${g.name}（${g.points} 分）`;

interface RowContext {
  put: (row: number, col: number, value: CellPlan['value'], style: CellPlan['style']) => void;
  merges: SheetPlan['merges'];
  rowHeights: Record<number, number>;
  col: (role: ColumnRole) => number;
  lastVisible: number;
  keyCol: number;
  hasDeduction: boolean;
}

/** The 考核指标 row of a unit sheet: heading across the document's columns, 小计, its subtotal and reason. */
export function putGroupRow(c: RowContext, row: number, g: IndicatorGroup): void {
  const label = c.col('label');
  c.put(row, 0, groupHeading(g), 'fieldLabel');
  for (let col = 1; col < label; col++) c.put(row, col, null, 'fieldLabel');
  if (label > 1) c.merges.push({ fromRow: row, fromCol: 0, toRow: row, toCol: label - 1 });
  for (let col = label; col <= c.lastVisible; col++)
    if (col !== c.col('score') && col !== c.col('reason') && !(c.hasDeduction && col === c.col('deduction')))
      c.put(row, col, col === label ? '小计' : null, 'fieldLabel');
  c.put(row, c.col('score'), null, 'output');
  if (c.hasDeduction) c.put(row, c.col('deduction'), null, 'output');
  c.put(row, c.col('reason'), null, 'outputText');
  c.put(row, c.keyCol, groupRowKey(g.id), 'key');
  c.rowHeights[row] = 20;
}

/** The computed cells of a unit's 考核指标 rows. */
export function groupOutputs(groups: readonly IndicatorGroup[], sheetKey: string, u: RankedUnit): OutputCell[] {
  return groups.flatMap((g) => {
    const s = u.groups?.[g.id];
    return [
      { sheetKey, rowKey: groupRowKey(g.id), role: 'score' as const, value: s?.score ?? null },
      { sheetKey, rowKey: groupRowKey(g.id), role: 'reason' as const, value: s?.reason ?? null },
    ];
  });
}
