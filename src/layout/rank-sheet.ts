/**
 * 排名: per group, positions 1…n sorted by final score, with rank, band and honour/criticism
 * labels, and a bar chart of final scores coloured by band (one hidden series column per band).
 * Rows are positions, not units: rescoring rewrites whichever rows changed.
 */
import type { Rubric } from '../rubric/schema';
import { colIndex, rankColumns, ranksForReference, REFERENCE_RANK_SHEET_NOTE } from './columns';
import { annexHeading } from './unit-sheet';
import { rowKey, type CellPlan, type ChartPlan, type SheetPlan } from './plan';

export const BAND_COLOURS = ['#2E7D32', '#1565C0', '#F9A825', '#C62828', '#6A1B9A', '#455A64'];
export const SINGLE_SERIES_COLOUR = '#1F4E79';

export interface RankGroupRows {
  groupId: string;
  groupLabel: string;
  firstDataRow: number;
  size: number;
}

export function rankGroupRows(rubric: Rubric, unitsPerGroup: Map<string, number>): RankGroupRows[] {
  let row = 3;
  const out: RankGroupRows[] = [];
  for (const g of rubric.ranking.groups) {
    const size = unitsPerGroup.get(g.id) ?? 0;
    if (size === 0) continue;
    out.push({ groupId: g.id, groupLabel: g.label, firstDataRow: row + 2, size });
    row += size + 3; // group title, header, rows, blank line
  }
  return out;
}

export function planRankSheet(rubric: Rubric, sheetName: string, unitsPerGroup: Map<string, number>): SheetPlan {
  const cols = rankColumns(rubric);
  const keyCol = colIndex(cols, 'key');
  const visible = cols.filter((c) => !c.hidden).length;
  const cells: CellPlan[] = [];
  const merges: SheetPlan['merges'] = [];
  const charts: ChartPlan[] = [];
  cols.forEach((spec, i) => cells.push({ row: 0, col: i, value: spec.role, style: 'role' }));
  cells.push({ row: 1, col: 0, value: `${annexHeading(rubric)}　考核排名`, style: 'title' });
  merges.push({ fromRow: 1, fromCol: 0, toRow: 1, toCol: visible - 1 });
  if (ranksForReference(rubric)) {
    cells.push({ row: 2, col: 0, value: REFERENCE_RANK_SHEET_NOTE, style: 'subtitle' });
    merges.push({ fromRow: 2, fromCol: 0, toRow: 2, toCol: visible - 1 });
  }
  const groups = rankGroupRows(rubric, unitsPerGroup);
  let lastRow = 2;
  for (const g of groups) {
    const titleRow = g.firstDataRow - 2;
    const honours = rubric.ranking.groups.find((x) => x.id === g.groupId);
    const rules = [
      ...(honours?.honours ?? []).map((h) => `前${h.top}名：${h.label}`),
      ...(honours?.criticism ?? []).map((c) => `后${c.bottom}名：${c.label}`),
    ];
    cells.push({
      row: titleRow,
      col: 0,
      value: `${g.groupLabel}（${g.size} 个单位）${rules.length ? `　${rules.join('；')}` : ''}`,
      style: 'category',
    });
    merges.push({ fromRow: titleRow, fromCol: 0, toRow: titleRow, toCol: visible - 1 });
    cols.forEach((spec, i) => {
      if (!spec.hidden) cells.push({ row: titleRow + 1, col: i, value: spec.header, style: 'header' });
      else if (spec.role !== 'key') cells.push({ row: titleRow + 1, col: i, value: spec.header, style: 'key' });
    });
    for (let p = 0; p < g.size; p++) {
      const r = g.firstDataRow + p;
      cols.forEach((spec, i) => {
        if (spec.role === 'key') cells.push({ row: r, col: i, value: rowKey.rankRow(g.groupId, p + 1), style: 'key' });
        else
          cells.push({
            row: r,
            col: i,
            value: null,
            style: spec.hidden ? 'key' : spec.role === 'unit' || spec.role === 'labels' ? 'text' : 'output',
          });
      });
    }
    const bandCols = cols.map((c, i) => ({ c, i })).filter(({ c }) => c.role.startsWith('bandSeries:'));
    charts.push({
      title: `${g.groupLabel}最终得分`,
      firstRow: g.firstDataRow,
      lastRow: g.firstDataRow + g.size - 1,
      categoryCol: colIndex(cols, 'unit'),
      series: bandCols.length
        ? bandCols.map(({ c, i }, k) => ({ name: c.header, col: i, color: BAND_COLOURS[k % BAND_COLOURS.length] }))
        : [{ name: '最终得分', col: colIndex(cols, 'final'), color: SINGLE_SERIES_COLOUR }],
      anchor: { fromRow: titleRow, fromCol: keyCol + 1, toRow: titleRow + Math.max(14, Math.min(60, g.size + 4)), toCol: keyCol + 9 },
    });
    lastRow = g.firstDataRow + g.size;
  }
  return {
    key: 'RANK',
    kind: 'rank',
    name: sheetName,
    columns: cols.map((c) => ({ width: c.width, hidden: c.hidden })),
    hiddenRows: [0],
    rowHeights: { 1: 30 },
    cells,
    merges,
    freezeRows: 3,
    landscape: false,
    block: { rows: lastRow + 1, cols: cols.length },
    tables: [],
    charts,
    header: [sheetName, rubric.documentNumber].filter(Boolean).join('　'),
  };
}
