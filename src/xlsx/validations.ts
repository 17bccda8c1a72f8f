/**
 * Data validations written as non-overlapping column runs. exceljs keeps one validation per cell
 * and, when writing, merges equal neighbours with an optimiser that sorts addresses as text
 * ("H10" before "H7") and can emit overlapping ranges (exceljs issue #2820): Excel then reports
 * damaged content and LibreOffice keeps only the first range, so some drop-downs disappear.
 * Handing exceljs ready-made ranges ("H7:H13") bypasses the optimiser: ranges are written as is.
 */
import type * as ExcelJSModule from 'exceljs';
import { columnLetter } from '../layout/plan';
import type { Worksheet } from './exceljs';

type Model = Record<string, ExcelJSModule.DataValidation | undefined>;

const CELL = /^\$?([A-Z]{1,3})\$?(\d+)$/;
const colNum = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

function cellsOf(address: string): [number, number][] {
  const [a, b] = address.split(':');
  const p = CELL.exec(a);
  const q = CELL.exec(b ?? a);
  if (!p || !q) return [];
  const out: [number, number][] = [];
  for (let r = Math.min(+p[2], +q[2]); r <= Math.max(+p[2], +q[2]); r++)
    for (let c = Math.min(colNum(p[1]), colNum(q[1])); c <= Math.max(colNum(p[1]), colNum(q[1])); c++) out.push([r, c]);
  return out;
}

/** Rewrites a sheet's validations as maximal vertical runs of equal validations, keyed by range. */
export function compactValidations(ws: Worksheet): void {
  const holder = (ws as unknown as { dataValidations: { model: Model } }).dataValidations;
  const byCell = new Map<string, { row: number; col: number; dv: ExcelJSModule.DataValidation; json: string }>();
  for (const [address, dv] of Object.entries(holder.model)) {
    if (!dv) continue;
    const json = JSON.stringify(dv);
    for (const [row, col] of cellsOf(address)) byCell.set(`${row}:${col}`, { row, col, dv, json });
  }
  const cols = new Map<number, { row: number; dv: ExcelJSModule.DataValidation; json: string }[]>();
  for (const c of byCell.values()) cols.set(c.col, [...(cols.get(c.col) ?? []), c]);
  const model: Model = {};
  for (const [col, cells] of cols) {
    cells.sort((a, b) => a.row - b.row);
    const letter = columnLetter(col - 1);
    for (let i = 0; i < cells.length;) {
      let j = i;
      while (j + 1 < cells.length && cells[j + 1].row === cells[j].row + 1 && cells[j + 1].json === cells[i].json) j++;
      model[`${letter}${cells[i].row}:${letter}${cells[j].row}`] = cells[i].dv;
      i = j + 1;
    }
  }
  holder.model = model;
}
