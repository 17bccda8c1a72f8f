/**
 * Groups the cells a round writes into rectangles, each one range write (and one change event
 * echoed back): adjacent cells of a row form a run (a score and its reason, a 排名 row), and runs
 * spanning the same columns in consecutive rows form one block (the 排名 rows an edit shifted, a
 * column of 名次 cells of units that stand next to each other in 汇总). Only the given cells are
 * covered: a cell that is not to be written never falls inside a block.
 */
export interface Positioned {
  row: number;
  col: number;
}

export interface CellBlock<T extends Positioned> {
  row: number;
  col: number;
  /** The block's cells, row by row; every row has the same length. */
  rows: T[][];
}

/** `cells` in any order, at most one per position. */
export function cellBlocks<T extends Positioned>(cells: readonly T[]): CellBlock<T>[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const blocks: CellBlock<T>[] = [];
  let open: CellBlock<T> | null = null;
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sorted[j].row === sorted[i].row && sorted[j].col === sorted[j - 1].col + 1) j++;
    const run = sorted.slice(i, j);
    const { row, col } = run[0];
    if (open && open.col === col && open.rows[0].length === run.length && open.row + open.rows.length === row) open.rows.push(run);
    else blocks.push((open = { row, col, rows: [run] }));
    i = j;
  }
  return blocks;
}
