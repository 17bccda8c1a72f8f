/**
 * The 自评 columns of a unit sheet, pure data: where 自评填报 | 自评分 | 佐证材料 go (to the RIGHT of
 * the unit's table, after its hidden key column, so that no existing cell moves), what the hidden
 * role row and the header row say, which existing headers are renamed (填写值 → 核定填报, 得分 →
 * 核定分), which cell of each row lends its look to each new cell, and which rows are merged. Both
 * hosts apply this one plan: files through exceljs (src/xlsx/self-columns.ts, copying the lending
 * cell's style) and the live workbook through Office.js (src/excel/self-assessment.ts, with the
 * layout's named styles). Workbooks without a self-assessment never get these columns.
 */
import type { SheetIndex } from './binding';
import { SELF_ROLES, itemSpans } from './self-assessment';
import { UNIT_HEADER_ROW } from './unit-sheet';

export interface SelfColumns {
  /** 0-based columns within the block. */
  input: number;
  score: number;
  evidence: number;
}

/** The unit's own figures are shown on a pale green, distinct from the office's yellow inputs. */
export const SELF_FILL = '#E2EFDA';

/**
 * What a new cell looks like: `selfInput` the unit's figure (like the 填写值 cell beside it, pale green,
 * locked); `selfScore` like the 得分 cell; `evidence` like the 计分说明 cell, as text; `band` the row's
 * own look (a category or result row's grey band and borders).
 */
export type SelfCellLook = 'selfInput' | 'selfScore' | 'evidence' | 'band';

export interface SelfCellPlan {
  row: number;
  col: number;
  look: SelfCellLook;
  /** The existing cell (0-based in the block) whose style the new cell takes (files). */
  from: { row: number; col: number };
  /** The row's kind from its key: i (item), f (further field), c (category), t (result). */
  kind: string;
  rowKey: string;
}

export interface SelfColumnsPlan {
  cols: SelfColumns;
  /** The new columns: role (row 0), header title (UNIT_HEADER_ROW) and width in characters. */
  heads: { col: number; role: string; title: string; width: number }[];
  /** Existing headers renamed, when they still read as laid out. */
  renames: { col: number; from: string; to: string }[];
  cells: SelfCellPlan[];
  /** Item spans over several rows: 自评分 and 佐证材料 merged like 得分. */
  merges: { first: number; last: number; col: number }[];
  /** The block's width once the columns are there. */
  width: number;
}

export const SELF_HEADERS = { input: '自评填报', score: '自评分', evidence: '佐证材料（单位填报）' } as const;

/** The columns already in the block, or null. */
export function selfColumnsOf(index: Pick<SheetIndex, 'cols'>): SelfColumns | null {
  const c = index.cols;
  const input = c.get(SELF_ROLES.input);
  const score = c.get(SELF_ROLES.score);
  const evidence = c.get(SELF_ROLES.evidence);
  return input === undefined || score === undefined || evidence === undefined ? null : { input, score, evidence };
}

/** The plan that adds the columns to a block indexed as `index` (call only when selfColumnsOf is null). */
export function planSelfColumns(index: SheetIndex, blockCols: number): SelfColumnsPlan {
  const first = Math.max(...index.cols.values()) + 1;
  const cols: SelfColumns = { input: first, score: first + 1, evidence: first + 2 };
  const inputCol = index.cols.get('input')!;
  const scoreCol = index.cols.get('score')!;
  const reasonCol = index.cols.get('reason') ?? scoreCol;
  const heads = [
    { col: cols.input, role: SELF_ROLES.input, title: SELF_HEADERS.input, width: 10 },
    { col: cols.score, role: SELF_ROLES.score, title: SELF_HEADERS.score, width: 8 },
    { col: cols.evidence, role: SELF_ROLES.evidence, title: SELF_HEADERS.evidence, width: 30 },
  ];
  const renames = [
    { col: inputCol, from: '填写值', to: '核定填报' },
    { col: scoreCol, from: '得分', to: '核定分' },
  ];
  const cells: SelfCellPlan[] = [];
  for (const [rowKey, row] of index.rows) {
    if (row === UNIT_HEADER_ROW) continue;
    const kind = rowKey.split('|')[0];
    const put = (col: number, look: SelfCellLook, fromCol: number) =>
      cells.push({ row, col, look, from: { row, col: fromCol }, kind, rowKey });
    // 自评填报 beside every value row (and the bonus claimed); locked, it is the unit's figure.
    if (kind === 'i' || kind === 'f' || rowKey === 't|bonus') put(cols.input, 'selfInput', inputCol);
    if (kind === 'i' || kind === 'c' || rowKey === 't|base' || rowKey === 't|final') put(cols.score, 'selfScore', scoreCol);
    if (kind === 'i') put(cols.evidence, 'evidence', reasonCol);
    // Category and result rows: the row's own look (grey band, borders) across the new columns.
    if (kind === 'c' || kind === 't')
      for (const col of [cols.input, cols.score, cols.evidence])
        if (
          !(col === cols.score && (kind === 'c' || rowKey === 't|base' || rowKey === 't|final')) &&
          !(col === cols.input && rowKey === 't|bonus')
        )
          put(col, 'band', inputCol);
  }
  const merges: SelfColumnsPlan['merges'] = [];
  for (const { first: top, last } of itemSpans(index.rows).values())
    if (last > top) for (const col of [cols.score, cols.evidence]) merges.push({ first: top, last, col });
  return { cols, heads, renames, cells, merges, width: Math.max(blockCols, cols.evidence + 1) };
}

/** The index once the plan is applied (the new roles found like every other column). */
export function withSelfColumns(index: SheetIndex, cols: SelfColumns): void {
  index.cols.set(SELF_ROLES.input, cols.input);
  index.cols.set(SELF_ROLES.score, cols.score);
  index.cols.set(SELF_ROLES.evidence, cols.evidence);
}
