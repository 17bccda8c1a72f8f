/** Reads one group of the 考核办法 sheet from its cells; a problem names the row within the group. */
import { cellText } from './decode-row';
import { RowProblem, type MethodGroup } from './method-rows';
import { CellProblem } from './text-syntax';
import type { SheetCellValue } from './types';

export type MethodGroupResult = { ok: true; value: unknown } | { ok: false; row: number; message: string; fix: string };

export function readMethodGroup(g: MethodGroup, raw: SheetCellValue[]): MethodGroupResult {
  const rawCells = g.rows.map((_, i) => (cellText(raw[i] ?? null) === undefined ? null : (raw[i] ?? null)));
  try {
    return {
      ok: true,
      value: g.read(
        rawCells.map((v) => cellText(v)),
        rawCells,
      ),
    };
  } catch (e) {
    if (e instanceof RowProblem) return { ok: false, row: e.index, message: e.message, fix: e.fix };
    if (e instanceof CellProblem) return { ok: false, row: 0, message: e.message, fix: e.fix };
    throw e;
  }
}
