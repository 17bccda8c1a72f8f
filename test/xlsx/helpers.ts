/**
 * Helpers for the .xlsx tests. Files are read back with SheetJS (`@e965/xlsx`, a maintained build of it on the npm registry), a reader
 * independent of exceljs which wrote them, and their XML parts through SheetJS' zip reader.
 * Filling a blank workbook is done with exceljs, through the defined names and key column only,
 * the way a script (or a person) finds the input cells whatever the layout.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { indexBlock, type SheetIndex } from '../../src/layout/binding';
import { definedNameFor, NOT_APPLICABLE_FIELD, type CellValue } from '../../src/layout/plan';
import { isPercentFormat } from '../../src/layout/percent';
import { parseReference } from '../../src/xlsx/read-workbook';
import { parameterSlots } from '../../src/rubric/parameters';
import type { Rubric } from '../../src/rubric/schema';
import type { UnitInput } from '../../src/scoring/types';
import type { RawValue } from '../../src/scoring/values';
import { randomUnit, mulberry32 } from '../../bench/random-inputs';

export const scratch = (prefix = 'cs-xlsx-') => mkdtempSync(join(tmpdir(), prefix));

export function readBook(data: Buffer | ArrayBuffer | Uint8Array): XLSX.WorkBook {
  const buf = data instanceof Buffer ? data : Buffer.from(data instanceof Uint8Array ? data : new Uint8Array(data));
  return XLSX.read(buf, { type: 'buffer', cellFormula: true, cellStyles: true, cellNF: true });
}

/** Every cell with a formula, as "sheet!A1" (should be none). */
export function formulaCells(wb: XLSX.WorkBook): string[] {
  const out: string[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    for (const addr of Object.keys(ws)) {
      if (addr.startsWith('!')) continue;
      if ((ws[addr] as XLSX.CellObject).f !== undefined) out.push(`${name}!${addr}`);
    }
  }
  return out;
}

/** The parts of the zip, by path without the leading slash. */
export function zipParts(data: Buffer | ArrayBuffer | Uint8Array): Map<string, string> {
  const buf = data instanceof Buffer ? data : Buffer.from(data instanceof Uint8Array ? data : new Uint8Array(data));
  const cfb = XLSX.CFB.read(buf, { type: 'buffer' });
  const parts = new Map<string, string>();
  (cfb.FileIndex as { type: number; content?: unknown }[]).forEach((entry, i: number) => {
    if (entry.type !== 2 || !entry.content) return;
    const path = cfb.FullPaths[i].replace(/^Root Entry\//, '');
    parts.set(path, Buffer.from(entry.content as Uint8Array).toString('utf8'));
  });
  return parts;
}

/** XML of each worksheet by sheet name (through workbook.xml and its relationships). */
export function sheetXml(parts: Map<string, string>): Map<string, string> {
  const book = parts.get('xl/workbook.xml') ?? '';
  const rels = parts.get('xl/_rels/workbook.xml.rels') ?? '';
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const t = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && t) target.set(id, t.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const out = new Map<string, string>();
  for (const m of book.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1];
    const rid = /r:id="([^"]+)"/.exec(m[0])?.[1];
    if (name && rid) out.set(unescapeXml(name), parts.get(target.get(rid) ?? '') ?? '');
  }
  return out;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The values of a block of a SheetJS sheet (0-based grid from the given 1-based top-left). */
export function sheetGrid(ws: XLSX.WorkSheet, top = 1, left = 1, bottom?: number, right?: number): CellValue[][] {
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
  const b = bottom ?? range.e.r + 1;
  const r = right ?? range.e.c + 1;
  const grid: CellValue[][] = [];
  for (let row = top; row <= b; row++) {
    const line: CellValue[] = [];
    for (let col = left; col <= r; col++) {
      const cell = ws[XLSX.utils.encode_cell({ r: row - 1, c: col - 1 })] as XLSX.CellObject | undefined;
      line.push(cell === undefined || cell.v === undefined ? null : (cell.v as CellValue));
    }
    grid.push(line);
  }
  return grid;
}

/** A managed block of a SheetJS workbook found through its `CS_<key>` name, indexed. */
export function sheetJsBlock(wb: XLSX.WorkBook, sheetKey: string): { sheetName: string; grid: CellValue[][]; index: SheetIndex } {
  const name = wb.Workbook?.Names?.find((n) => n.Name === definedNameFor(sheetKey));
  if (!name) throw new Error(`no defined name for ${sheetKey}`);
  const parts = name.Ref.split(',').map((r) => parseReference(r)!);
  const top = Math.min(...parts.map((p) => p.top));
  const left = Math.min(...parts.map((p) => p.left));
  const bottom = Math.max(...parts.map((p) => p.bottom));
  const right = Math.max(...parts.map((p) => p.right));
  const grid = sheetGrid(wb.Sheets[parts[0].sheetName], top, left, bottom, right);
  const idx = indexBlock(grid);
  if (!idx.ok) throw new Error(idx.message);
  return { sheetName: parts[0].sheetName, grid, index: idx.index };
}

// ------------------------------------------------------------------ inputs

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
export const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => FULL_WIDTH_DIGITS[Number(d)]).replace(/\./g, '．');

/**
 * Seeded inputs for a roster of the given names: complete random values (typed as staff type
 * them), plus on purpose one unit with a blank field, one not-applicable indicator (where the
 * rubric allows it), a fraud finding (where the rubric has the rule) and a bonus.
 */
export function sampleInputs(rubric: Rubric, names: { name: string; group: string }[], seed: number): UnitInput[] {
  const rng = mulberry32(seed);
  // Scores within the points sampleParameters sets (朝阳 1.3.0); other rubrics draw as before.
  const points = new Map(
    rubric.categories.flatMap((c) => c.indicators).flatMap((i) => (i.pointsParam ? [[i.id, samplePoints(rubric)] as const] : [])),
  );
  const units = names.map((n) => ({ ...randomUnit(rubric, rng, n.name, points), group: n.group }));
  const inds = rubric.categories.flatMap((c) => c.indicators);
  if (units.length > 1) {
    const ind = inds[inds.length - 1];
    units[1].inputs![ind.id][ind.fields[0].id] = null; // incomplete
  }
  if (units.length > 2 && rubric.notApplicable !== 'not_allowed') units[2].notApplicable = [inds[1].id];
  if (units.length > 3 && rubric.fraud === 'item_zero') units[3].fraud = [inds[0].id];
  if (units.length > 3 && rubric.fraud === 'honour_ineligible') units[3].fraud = true;
  if (rubric.bonus.kind === 'tiers') units[0].bonus = rubric.bonus.tiers[0].label;
  if (rubric.bonus.kind === 'manual') units[0].bonus = Math.min(1, rubric.bonus.max ?? 1);
  return units;
}

// ------------------------------------------------------------------ filling with exceljs

function blockOf(wb: ExcelJS.Workbook, key: string) {
  const entry = wb.definedNames.model.find((d) => d.name === definedNameFor(key));
  if (!entry) throw new Error(`no name ${key}`);
  const parts = entry.ranges.map((r) => parseReference(r)!);
  const top = Math.min(...parts.map((p) => p.top));
  const left = Math.min(...parts.map((p) => p.left));
  const bottom = Math.max(...parts.map((p) => p.bottom));
  const right = Math.max(...parts.map((p) => p.right));
  const ws = wb.getWorksheet(parts[0].sheetName)!;
  const grid: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: CellValue[] = [];
    for (let c = left; c <= right; c++) {
      const v = ws.getCell(r, c).value;
      row.push(typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null);
    }
    grid.push(row);
  }
  const idx = indexBlock(grid);
  if (!idx.ok) throw new Error(idx.message);
  return { ws, top, left, index: idx.index };
}

export type Typing = 'plain' | 'fullWidth' | 'percentCell';

/**
 * How a raw value is typed into a cell: "85%" as 0.85 with a percent format (what Excel stores),
 * every other number in full-width digits as text, words as they are.
 */
function typeInto(cell: ExcelJS.Cell, raw: RawValue, counter: { n: number }) {
  if (raw === null || raw === undefined) return;
  if (typeof raw === 'string' && /^\d+(\.\d+)?%$/.test(raw)) {
    const pct = Number(raw.slice(0, -1));
    cell.value = pct / 100;
    // exceljs shares one style object between the cells of a loaded style: copy, never mutate.
    cell.style = { ...cell.style, numFmt: Number.isInteger(pct) ? '0%' : '0.0%' };
    return;
  }
  // A percent field's cell is formatted as percent: a number typed there is stored as Excel's
  // percent entry stores it (85 → 0.85, shown 85%). The shipped percent fields read bare numbers
  // as percent points (bare "percent"), so v means v %. Below 1 the bare number is ambiguous
  // (0.5: 0.5 % or 50 %?) and the engine warns: it is written as text, the way a paste keeps it.
  if (typeof raw === 'number' && isPercentFormat(cell.numFmt)) {
    cell.value = raw >= 1 ? raw / 100 : String(raw);
    return;
  }
  if (typeof raw === 'number' && counter.n++ % 3 === 0) {
    cell.value = toFullWidth(String(raw));
    return;
  }
  cell.value = raw;
}

/** Writes each unit's inputs into its sheet of a blank workbook, through names and keys only. */
export function fillWorkbook(wb: ExcelJS.Workbook, unitKeys: string[], units: UnitInput[]): void {
  const counter = { n: 0 };
  units.forEach((u, i) => {
    const { ws, top, left, index } = blockOf(wb, unitKeys[i]);
    const inputCol = index.cols.get('input')!;
    for (const [key, row] of index.rows) {
      const [kind, a, b] = key.split('|');
      const cell = ws.getCell(top + row, left + inputCol);
      if ((kind === 'i' || kind === 'f') && b === NOT_APPLICABLE_FIELD) {
        if (u.notApplicable?.includes(a)) cell.value = '是';
      } else if (kind === 'i' || kind === 'f') typeInto(cell, u.inputs?.[a]?.[b], counter);
      else if (key === 't|bonus') typeInto(cell, u.bonus, counter);
      else if (key === 't|fraud') {
        if (Array.isArray(u.fraud) && u.fraud.length) cell.value = u.fraud.join('、');
        else if (u.fraud === true) cell.value = '是';
      }
    }
  });
}

/** The points every office-set item gets in samples: the full marks shared equally (朝阳: 100 ÷ 16 = 6.25). */
const samplePoints = (rubric: Rubric) =>
  rubric.fullMarks / rubric.categories.flatMap((c) => c.indicators).filter((i) => i.pointsParam).length;

/** The rubric's parameters as sampleInputs expects them: every value samplePoints; {} without parameters. */
export function sampleParameters(rubric: Rubric): Record<string, RawValue> {
  return Object.fromEntries(parameterSlots(rubric).map((slot) => [slot.key, samplePoints(rubric)]));
}

/** Types the office's parameter values into the 参数 sheet (rubric.parameters), through its name and keys only. */
export function fillParameters(wb: ExcelJS.Workbook, values: Record<string, RawValue>): void {
  const { ws, top, left, index } = blockOf(wb, 'PARAMS');
  const inputCol = index.cols.get('input')!;
  for (const [key, row] of index.rows)
    if (key.startsWith('p|')) ws.getCell(top + row, left + inputCol).value = values[key.slice(2)] ?? null;
}

// ------------------------------------------------------------------ simulating Excel's edits

/**
 * Inserts a row the way Excel does: cells and defined names move (exceljs' spliceRows does that,
 * splitting a name around the new row), merges below move too (exceljs leaves them: moved here).
 */
export function insertRowLikeExcel(ws: ExcelJS.Worksheet, at: number, values: ExcelJS.CellValue[]) {
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map((m) => parseReference(`x!${m}`)!);
  for (const m of merges) ws.unMergeCells(m.top, m.left, m.bottom, m.right);
  ws.spliceRows(at, 0, values);
  for (const m of merges) {
    const top = m.top >= at ? m.top + 1 : m.top;
    const bottom = m.bottom >= at ? m.bottom + 1 : m.bottom;
    ws.mergeCells(top, m.left, bottom, m.right);
  }
}

/** Renames a sheet the way Excel does: defined names follow (exceljs leaves them: renamed here). */
export function renameLikeExcel(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, to: string) {
  const from = ws.name;
  const quote = (n: string) => `'${n.replace(/'/g, "''")}'`;
  const model = wb.definedNames.model.map((d) => ({
    name: d.name,
    ranges: d.ranges.map((r) => {
      const p = parseReference(r);
      return p && p.sheetName === from ? r.replace(/^.*!/, `${quote(to)}!`) : r;
    }),
  }));
  ws.name = to;
  wb.definedNames.model = model;
}

/** Cells covered by more than one data validation of a sheet's XML (exceljs issue #2820). */
export function overlappingValidations(xml: string): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const m of xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g))
    for (const ref of m[1].split(' ')) {
      const r = XLSX.utils.decode_range(ref);
      for (let row = r.s.r; row <= r.e.r; row++)
        for (let col = r.s.c; col <= r.e.c; col++) {
          const a = XLSX.utils.encode_cell({ r: row, c: col });
          if (seen.has(a)) twice.push(a);
          seen.add(a);
        }
    }
  return twice;
}

/** Inserts a column the way Excel does (cells and names by exceljs' spliceColumns, merges here). */
export function insertColumnLikeExcel(ws: ExcelJS.Worksheet, at: number) {
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map((m) => parseReference(`x!${m}`)!);
  for (const m of merges) ws.unMergeCells(m.top, m.left, m.bottom, m.right);
  ws.spliceColumns(at, 0, []);
  for (const m of merges) {
    const left = m.left >= at ? m.left + 1 : m.left;
    const right = m.right >= at ? m.right + 1 : m.right;
    ws.mergeCells(m.top, left, m.bottom, right);
  }
}
