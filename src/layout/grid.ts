/** A sheet plan rendered to a plain 2-D grid of values (for tests, file reading and diffing). */
import { indexBlock, type SheetIndex } from './binding';
import type { CellValue, SheetPlan } from './plan';

export function planGrid(sheet: SheetPlan): CellValue[][] {
  const grid: CellValue[][] = Array.from({ length: sheet.block.rows }, () => Array<CellValue>(sheet.block.cols).fill(null));
  for (const c of sheet.cells) if (c.row < sheet.block.rows && c.col < sheet.block.cols) grid[c.row][c.col] = c.value;
  return grid;
}

/** The index a planned block will have once written (its role row and key column): a plan without them is a layout bug. */
export function planIndex(sheet: SheetPlan): SheetIndex {
  const idx = indexBlock(planGrid(sheet));
  if (!idx.ok) throw new Error(`内部错误：「${sheet.name}」的布局缺少标识列（${idx.message}）`);
  return idx.index;
}
