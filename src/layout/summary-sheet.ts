/** 汇总: one row per unit as an Excel table (filterable, sortable), keyed by a hidden column. */
import type { Rubric } from '../rubric/schema';
import { colIndex, summaryColumns } from './columns';
import { lineCount, rowHeightFor } from './annex-plan';
import { rowKey, type CellPlan, type SheetPlan } from './plan';

export const SUMMARY_HEADER_ROW = 3;

export function planSummarySheet(
  rubric: Rubric,
  sheetName: string,
  units: { key: string; name: string; group: string; groupLabel: string }[],
  options: { self?: boolean } = {},
): SheetPlan {
  const cols = summaryColumns(rubric, options);
  const keyCol = colIndex(cols, 'key');
  const cells: CellPlan[] = [];
  cols.forEach((spec, i) => cells.push({ row: 0, col: i, value: spec.role, style: 'role' }));
  // 考核结果汇总表, not an 附件 number: the document gave its numbers to its own annexes.
  cells.push({ row: 1, col: 0, value: '考核结果汇总表', style: 'title' });
  cells.push({
    row: 2,
    col: 0,
    value: [rubric.documentNumber, rubric.title, rubric.annex.title].filter(Boolean).join('　'),
    style: 'subtitle',
  });
  cols.forEach((spec, i) => cells.push({ row: SUMMARY_HEADER_ROW, col: i, value: spec.header, style: 'header' }));
  units.forEach((u, i) => {
    const r = SUMMARY_HEADER_ROW + 1 + i;
    cols.forEach((spec, col) => {
      if (spec.role === 'seq') cells.push({ row: r, col, value: i + 1, style: 'textCenter' });
      else if (spec.role === 'unit') cells.push({ row: r, col, value: u.name, style: 'text' });
      else if (spec.role === 'group') cells.push({ row: r, col, value: u.groupLabel, style: 'textCenter' });
      else if (spec.role === 'key') cells.push({ row: r, col, value: rowKey.summaryUnit(u.key), style: 'key' });
      else
        cells.push({
          row: r,
          col,
          value: null,
          style: spec.role === 'labels' || spec.role === 'status' || spec.role === 'progress' ? 'outputText' : 'output',
        });
    });
  });
  const lastRow = SUMMARY_HEADER_ROW + Math.max(1, units.length);
  // Heights from a text measure (LibreOffice and WPS do not grow rows for wrapped text on opening):
  // the header's category names and each row's unit name and group label.
  const rowHeights: Record<number, number> = { 1: 30 };
  rowHeights[SUMMARY_HEADER_ROW] = Math.max(
    24,
    ...cols.filter((x) => !x.hidden).map((x) => rowHeightFor(lineCount(x.header, x.width, 10.5), 10.5)),
  );
  const unitCol = cols.find((x) => x.role === 'unit')!;
  const groupCol = cols.find((x) => x.role === 'group')!;
  units.forEach((u, i) => {
    rowHeights[SUMMARY_HEADER_ROW + 1 + i] = Math.max(
      18,
      rowHeightFor(Math.max(lineCount(u.name, unitCol.width), lineCount(u.groupLabel, groupCol.width))),
    );
  });
  return {
    key: 'SUMMARY',
    kind: 'summary',
    name: sheetName,
    columns: cols.map((c) => ({ width: c.width, hidden: c.hidden })),
    hiddenRows: [0],
    rowHeights,
    cells,
    merges: [
      { fromRow: 1, fromCol: 0, toRow: 1, toCol: keyCol - 1 },
      { fromRow: 2, fromCol: 0, toRow: 2, toCol: keyCol - 1 },
    ],
    freezeRows: SUMMARY_HEADER_ROW + 1,
    printTitleRows: [SUMMARY_HEADER_ROW, SUMMARY_HEADER_ROW],
    landscape: true,
    block: { rows: lastRow + 1, cols: cols.length },
    tables: [{ name: 'CS_SummaryTable', firstRow: SUMMARY_HEADER_ROW, lastRow, firstCol: 0, lastCol: keyCol }],
    charts: [],
    header: [sheetName, rubric.documentNumber].filter(Boolean).join('　'),
  };
}
