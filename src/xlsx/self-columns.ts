/**
 * The 自评 columns of a unit sheet in a workbook that holds self-assessments: 自评填报, 自评分 and
 * 佐证材料, added once to the RIGHT of the unit's table (after its hidden key column), so that no
 * existing cell moves: the office's input addresses, formulas or notes of its own and the live
 * add-in's bindings stay where they were. The hidden role row names the new columns (selfInput,
 * selfScore, evidence) and the sheet's `CS_<key>` name is widened over them, so they are found
 * again like every other column. The existing 填写值 / 得分 headers read 核定填报 / 核定分.
 * Workbooks without a self-assessment never get these columns. The plan is src/layout/self-columns.ts,
 * shared with the live workbook (src/excel/self-assessment.ts).
 */
import type { Style } from 'exceljs';
import { definedNameFor } from '../layout/plan';
import { SELF_FILL, planSelfColumns, selfColumnsOf as columnsOfIndex, withSelfColumns, type SelfColumns } from '../layout/self-columns';
import { UNIT_HEADER_ROW } from '../layout/unit-sheet';
import { blockReference } from './apply-plan';
import type { Workbook } from './exceljs';
import type { LocatedBlock } from './read-workbook';

export type { SelfColumns } from '../layout/self-columns';

const SELF_FILL_XLSX: Style['fill'] = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${SELF_FILL.slice(1)}` } };

export function selfColumnsOf(block: Pick<LocatedBlock, 'index'>): SelfColumns | null {
  return columnsOfIndex(block.index);
}

/** Adds the columns (src/layout/self-columns.ts) when missing, each new cell styled like the cell that lends it its look. */
export function ensureSelfColumns(wb: Workbook, block: LocatedBlock): SelfColumns {
  const found = selfColumnsOf(block);
  if (found) return found;
  const ws = block.worksheet;
  const at = (row: number, col: number) => ws.getCell(block.top + row, block.left + col);
  const plan = planSelfColumns(block.index, block.cols);
  const header = at(UNIT_HEADER_ROW, block.index.cols.get('input')!);
  const roleStyle = at(0, block.index.keyCol).style;
  for (const { role, col, title, width } of plan.heads) {
    at(0, col).value = role;
    at(0, col).style = { ...roleStyle };
    at(UNIT_HEADER_ROW, col).value = title;
    at(UNIT_HEADER_ROW, col).style = { ...header.style };
    ws.getColumn(block.left + col).width = width;
  }
  for (const { col, from, to } of plan.renames) if (at(UNIT_HEADER_ROW, col).value === from) at(UNIT_HEADER_ROW, col).value = to;
  for (const c of plan.cells) {
    const style = at(c.from.row, c.from.col).style;
    if (c.look === 'selfInput') at(c.row, c.col).style = { ...style, fill: SELF_FILL_XLSX, protection: { locked: true } };
    else if (c.look === 'evidence') at(c.row, c.col).style = { ...style, numFmt: '@', protection: { locked: true } };
    else at(c.row, c.col).style = { ...style, protection: { locked: true } };
  }
  for (const { first, last, col } of plan.merges) {
    for (let r = first + 1; r <= last; r++) at(r, col).style = { ...at(first, col).style };
    ws.mergeCells(block.top + first, block.left + col, block.top + last, block.left + col);
  }
  withSelfColumns(block.index, plan.cols);
  block.cols = plan.width;
  widenName(wb, block);
  return plan.cols;
}

/** The sheet's `CS_<key>` name over the widened block. */
function widenName(wb: Workbook, block: LocatedBlock): void {
  if (block.top !== 1 || block.left !== 1) return; // a moved block keeps its name; the reader reads past its right edge
  const name = definedNameFor(block.sheetKey);
  const model = (wb.definedNames.model as { name: string; ranges: string[] }[]).filter((d) => d.name !== name);
  model.push({ name, ranges: [blockReference({ name: block.worksheet.name, block: { rows: block.rows, cols: block.cols } })] });
  wb.definedNames.model = model as typeof wb.definedNames.model;
}
