/**
 * Where a problem's input cell is in a read workbook: the sheet's name as the user sees it and the
 * cell's A1 address, from the block each unit sheet was located at (read-workbook.ts) and its
 * index (src/layout/binding.ts `inputCells`), so that rows moved or inserted by the user give the
 * cell where the value actually is. The same choice as the live workbook (src/excel/session.ts):
 * the field's own cell, else the indicator's first value cell, else (no indicator) the bonus cell.
 */
import { inputCells, type InputCellRef } from '../layout/binding';
import { NOT_APPLICABLE_FIELD, a1 } from '../layout/plan';
import type { LocatedBlock } from './read-workbook';

export interface CellLocation {
  sheet: string;
  /** A1, e.g. "H12". */
  cell: string;
}

export type LocateInput = (unitKey: string, indicatorId?: string, fieldId?: string) => CellLocation | undefined;

export function inputLocator(blocks: ReadonlyMap<string, LocatedBlock>): LocateInput {
  // Copied out of the blocks: the locator outlives the parsed workbook, which it must not keep alive.
  const sheets = new Map([...blocks].map(([key, b]) => [key, { sheet: b.worksheet.name, top: b.top, left: b.left, index: b.index }]));
  const refs = new Map<string, InputCellRef[]>();
  return (unitKey, indicatorId, fieldId) => {
    const block = sheets.get(unitKey);
    if (!block) return undefined;
    let cells = refs.get(unitKey);
    if (!cells) refs.set(unitKey, (cells = inputCells(block.index)));
    const ref =
      cells.find((r) => r.indicatorId === indicatorId && r.fieldId === fieldId) ??
      cells.find((r) => r.indicatorId === indicatorId && r.fieldId !== NOT_APPLICABLE_FIELD) ??
      (indicatorId ? undefined : cells.find((r) => r.indicatorId === '@bonus'));
    // block.top/left are 1-based, the index 0-based within the block; a1() takes 0-based positions.
    return ref ? { sheet: block.sheet, cell: a1(block.top - 1 + ref.row, block.left - 1 + ref.col) } : undefined;
  };
}

/** 「工作表「萝北县」 单元格 H12」, as the CLI and the page print it. */
export const describeLocation = (at: CellLocation) => `工作表「${at.sheet}」 单元格 ${at.cell}`;
