/**
 * Groups cells that share a look (style, validation, prompt) into rectangles, so a host formats a
 * whole block with one operation instead of one per cell. Greedy: horizontal runs per row, then
 * runs with the same columns on consecutive rows are joined.
 */
import type { CellPlan } from './plan';

export interface Rect {
  fromRow: number;
  fromCol: number;
  toRow: number;
  toCol: number;
}

export function rectangles(cells: { row: number; col: number }[]): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const list = byRow.get(c.row) ?? [];
    list.push(c.col);
    byRow.set(c.row, list);
  }
  const runs: Rect[] = [];
  for (const [row, cols] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const sorted = [...new Set(cols)].sort((a, b) => a - b);
    let start = sorted[0];
    for (let i = 1; i <= sorted.length; i++) {
      if (i === sorted.length || sorted[i] !== sorted[i - 1] + 1) {
        runs.push({ fromRow: row, toRow: row, fromCol: start, toCol: sorted[i - 1] });
        start = sorted[i];
      }
    }
  }
  // Join a run to the rectangle directly above it when the columns match.
  const open = new Map<string, Rect>();
  const out: Rect[] = [];
  for (const r of runs) {
    const k = `${r.fromCol}:${r.toCol}`;
    const above = open.get(k);
    if (above && above.toRow === r.fromRow - 1) above.toRow = r.fromRow;
    else {
      const rect = { ...r };
      open.set(k, rect);
      out.push(rect);
    }
  }
  return out;
}

/** Cells grouped by a key (e.g. style name) into rectangles. */
export function groupRects<K>(cells: CellPlan[], keyOf: (c: CellPlan) => K | undefined): { key: K; rects: Rect[] }[] {
  const groups = new Map<string, { key: K; cells: CellPlan[] }>();
  for (const c of cells) {
    const key = keyOf(c);
    if (key === undefined) continue;
    const id = JSON.stringify(key);
    const g = groups.get(id) ?? { key, cells: [] };
    g.cells.push(c);
    groups.set(id, g);
  }
  return [...groups.values()].map((g) => ({ key: g.key, rects: rectangles(g.cells) }));
}
