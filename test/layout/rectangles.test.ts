import { rectangles } from '../../src/layout/rectangles';

describe('rectangles', () => {
  it('joins runs into rectangles and keeps gaps apart', () => {
    const cells = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1], // 2×2 block
      [0, 3], // lone cell after a gap
      [3, 0],
      [3, 1], // not adjacent to the block (row 2 missing)
    ].map(([row, col]) => ({ row, col }));
    expect(rectangles(cells)).toEqual([
      { fromRow: 0, toRow: 1, fromCol: 0, toCol: 1 },
      { fromRow: 0, toRow: 0, fromCol: 3, toCol: 3 },
      { fromRow: 3, toRow: 3, fromCol: 0, toCol: 1 },
    ]);
  });
  it('covers exactly the given cells', () => {
    const cells: { row: number; col: number }[] = [];
    for (let r = 0; r < 20; r++) for (let c = 0; c < 12; c++) if ((r * 7 + c * 3) % 5 !== 0) cells.push({ row: r, col: c });
    const covered = new Set<string>();
    for (const x of rectangles(cells))
      for (let r = x.fromRow; r <= x.toRow; r++) for (let c = x.fromCol; c <= x.toCol; c++) covered.add(`${r},${c}`);
    expect([...covered].sort()).toEqual(cells.map((c) => `${c.row},${c.col}`).sort());
  });
});
