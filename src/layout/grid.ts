/** A sheet plan rendered to a plain 2-D grid of values (for tests, file reading and diffing). */
import type { CellValue, SheetPlan } from './plan';

export function planGrid(sheet: SheetPlan): CellValue[][] {
  const grid: CellValue[][] = Array.from({ length: sheet.block.rows }, () => Array<CellValue>(sheet.block.cols).fill(null));
  for (const c of sheet.cells) if (c.row < sheet.block.rows && c.col < sheet.block.cols) grid[c.row][c.col] = c.value;
  return grid;
}
