import fc from 'fast-check';
import { cellBlocks } from '../../src/excel/cell-blocks';

const at = (row: number, col: number) => ({ row, col, id: `${row},${col}` });

describe('cellBlocks', () => {
  it('shifted 排名 rows (same columns, consecutive rows) are one block', () => {
    const cells = [5, 6, 7].flatMap((r) => [0, 1, 2, 3].map((c) => at(r, c))).reverse();
    const blocks = cellBlocks(cells);
    expect(blocks).toHaveLength(1);
    expect(blocks[0].row).toBe(5);
    expect(blocks[0].col).toBe(0);
    expect(blocks[0].rows.map((r) => r.map((x) => x.id))).toEqual([
      ['5,0', '5,1', '5,2', '5,3'],
      ['6,0', '6,1', '6,2', '6,3'],
      ['7,0', '7,1', '7,2', '7,3'],
    ]);
  });

  it('a row whose run spans other columns, a gap in a row or a skipped row starts a new block', () => {
    // Row 2: columns 0–1 (its rank cell 2 unchanged); row 3: 0–2; row 4: 0–2; row 6: 0–2 (row 5 not written).
    const cells = [
      at(2, 0),
      at(2, 1),
      at(3, 0),
      at(3, 1),
      at(3, 2),
      at(4, 0),
      at(4, 1),
      at(4, 2),
      at(6, 0),
      at(6, 1),
      at(6, 2),
      at(7, 0),
      at(7, 2),
    ];
    expect(cellBlocks(cells).map((b) => [b.row, b.col, b.rows.length, b.rows[0].length])).toEqual([
      [2, 0, 1, 2],
      [3, 0, 2, 3],
      [6, 0, 1, 3],
      [7, 0, 1, 1],
      [7, 2, 1, 1],
    ]);
  });

  it('blocks are rectangles covering exactly the given cells', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.nat(12), fc.nat(6)), { selector: ([r, c]) => `${r},${c}` }), (positions) => {
        const cells = positions.map(([r, c]) => at(r, c));
        const covered: string[] = [];
        for (const b of cellBlocks(cells))
          b.rows.forEach((run, i) => {
            expect(run).toHaveLength(b.rows[0].length);
            run.forEach((x, j) => {
              expect([x.row, x.col]).toEqual([b.row + i, b.col + j]);
              covered.push(x.id);
            });
          });
        expect(covered.sort()).toEqual(cells.map((x) => x.id).sort());
      }),
      { numRuns: 500 },
    );
  });
});
