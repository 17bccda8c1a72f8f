/**
 * 汇总 with the 自评 beside the 核定 (issue 17), where the office chooses it: the choice is kept in
 * the workbook's metadata (off as made), 汇总 then carries 自评总分 | 差值（核定−自评） | 未说明差异
 * right after the 核定总分, every later scoring fills them without being asked again, and turning
 * the choice off lays 汇总 out as before. A unit without a returned form reads 「未提交」, a 自评 with
 * a wrong figure 「未完成」 (the words of the annex's 自评与核定对照表), never a number. The official
 * annex is the same whatever the choice. The forms are filled by openpyxl (scripts/fill-form.py), as
 * in test/xlsx/annex-self-comparison.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { mulberry32, randomUnit } from '../../bench/random-inputs';
import { readMetaColumn } from '../../src/layout/meta';
import { META_SHEET, NOT_APPLICABLE_FIELD, type CellValue } from '../../src/layout/plan';
import { unitKey } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import type { UnitInput } from '../../src/scoring/types';
import { blankWorkbook } from '../../src/xlsx/blank-workbook';
import { collectForms } from '../../src/xlsx/collect';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { makeForms } from '../../src/xlsx/forms';
import { runCli } from '../cli/run-cli';
import { fillWorkbook, formulaCells, readBook, scratch, sheetGrid, sheetXml, zipParts } from './helpers';

const ROOT = resolve(__dirname, '../..');
const loaded = loadBuiltin('hengdong-2020-members');
const { rubric } = loaded;
const group = rubric.ranking.groups[0];
const roster = rubric.defaultRoster!.slice(0, 4).map((u) => ({ name: u.name, group: group.id }));
const [A, B, C, D] = roster.map((u) => u.name);
const dir = scratch('cs-summary-self-');

/** Complete answers (the bench generator) with 一 工作机制建设 all 是: 自评分 of 一 = 4. */
function answers(seed: number, name: string): UnitInput {
  const u = randomUnit(rubric, mulberry32(seed), name);
  u.group = group.id;
  u.inputs!['一'] = { leader: '是', leadOffice: '是', dutyOffices: '是', liaison: '是' };
  return u;
}

/** A unit's answers keyed by the form's row keys, for scripts/fill-form.py. */
function fillSpec(u: UnitInput) {
  const values: Record<string, unknown> = {};
  for (const cat of rubric.categories)
    for (const ind of cat.indicators) {
      ind.fields.forEach((f, i) => {
        const v = u.inputs?.[ind.id]?.[f.id];
        if (v !== null && v !== undefined) values[`${i === 0 ? 'i' : 'f'}|${ind.id}|${f.id}`] = v;
      });
      if (u.notApplicable?.includes(ind.id)) values[`f|${ind.id}|${NOT_APPLICABLE_FIELD}`] = '是';
    }
  if (u.bonus !== null && u.bonus !== undefined) values['t|bonus'] = u.bonus;
  return { values, evidence: {} };
}

/** 汇总's header row and unit rows as SheetJS reads them, by header. */
function summaryTable(data: ArrayBuffer | Buffer): { headers: string[]; rows: Record<string, CellValue>[] } {
  const book = readBook(Buffer.from(data as ArrayBuffer));
  expect(formulaCells(book)).toEqual([]);
  const grid = sheetGrid(book.Sheets['汇总'] as XLSX.WorkSheet);
  const h = grid.findIndex((r) => r[0] === '序号');
  const headers = grid[h].map((x) => String(x ?? ''));
  const rows = grid.slice(h + 1, h + 1 + roster.length).map((r) => Object.fromEntries(headers.map((x, i) => [x, r[i]])));
  return { headers, rows };
}

async function metaOf(data: ArrayBuffer | Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  const ws = wb.getWorksheet(META_SHEET)!;
  const column: CellValue[] = [];
  for (let r = 1; r <= ws.rowCount; r++) column.push(ws.getCell(r, 1).value as CellValue);
  const read = readMetaColumn(column);
  if (!read.ok) throw new Error(read.message);
  return read.meta;
}

let merged: Buffer;
let plainPath: string;
let formPaths: string[];
beforeAll(async () => {
  // 核定: every unit as it answered, except A's 分管领导 (否: 一 = 4 − 1 = 3) and B's 分管领导 and
  // 责任处室 (否, 否: 一 = 4 − 2 = 2). A, B and D return their forms (一 all 是); C returns none;
  // D's form says 「大概」 for 分管领导, which is no 是/否: its 自评 of 一 cannot be scored.
  const own = roster.map((u, i) => answers(900 + i, u.name));
  const verified = roster.map((u, i) => answers(900 + i, u.name));
  verified[0].inputs!['一'].leader = '否';
  verified[1].inputs!['一'].leader = '否';
  verified[1].inputs!['一'].dutyOffices = '否';
  own[3].inputs!['一'].leader = '大概';
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await blankWorkbook(loaded, roster)).buffer);
  fillWorkbook(
    wb,
    roster.map((_, i) => unitKey(i)),
    verified,
  );
  const plain = Buffer.from(await wb.xlsx.writeBuffer());
  plainPath = join(dir, 'plain.xlsx');
  writeFileSync(plainPath, plain);
  const { forms } = await makeForms(plain);
  const filled = [0, 1, 3].map((i) => {
    const form = join(dir, `form-${i}.xlsx`);
    const spec = join(dir, `spec-${i}.json`);
    const out = join(dir, `filled-${i}.xlsx`);
    writeFileSync(form, Buffer.from(forms[i].buffer));
    writeFileSync(spec, JSON.stringify(fillSpec(own[i])));
    execFileSync('/usr/bin/python3', [join(ROOT, 'scripts', 'fill-form.py'), form, spec, out], { stdio: 'pipe' });
    return { name: `filled-${i}.xlsx`, bytes: readFileSync(out) };
  });
  const collected = await collectForms(plain, filled);
  expect(collected.accepted.map((a) => a.unitName)).toEqual([A, B, D]);
  formPaths = [0, 1, 3].map((i) => join(dir, `filled-${i}.xlsx`));
  merged = Buffer.from(collected.scored.scored);
}, 120_000);

test('off (as made): 汇总 has no 自评 column and choosing off changes nothing, byte for byte', async () => {
  expect((await metaOf(merged)).summarySelf).toBeUndefined();
  const plain = await scoreFilledWorkbook(merged);
  const off = await scoreFilledWorkbook(merged, { summarySelf: false });
  expect(summaryTable(plain.scored).headers).not.toContain('自评总分');
  expect(summaryTable(plain.scored).headers).toContain('最终得分');
  expect(sheetXml(zipParts(off.scored)).get('汇总')).toBe(sheetXml(zipParts(plain.scored)).get('汇总'));
  expect(sheetXml(zipParts(off.scored)).get(META_SHEET)).toBe(sheetXml(zipParts(plain.scored)).get(META_SHEET));
});

test('on: 自评总分 | 差值 | 未说明差异 beside 核定总分; 未提交 and 未完成 are words, never numbers; kept by later runs', async () => {
  const on = await scoreFilledWorkbook(merged, { summarySelf: true });
  expect((await metaOf(on.scored)).summarySelf).toBe(true);
  const { headers, rows } = summaryTable(on.scored);
  const at = headers.indexOf('核定总分');
  expect(headers.slice(at, at + 4)).toEqual(['核定总分', '自评总分', '差值（核定−自评）', '未说明差异']);
  expect(headers).not.toContain('最终得分');
  const [vA, vB, vC, vD] = on.result.units.map((u) => u.final);
  expect([vA, vB, vC, vD].every((v) => typeof v === 'number')).toBe(true);
  // Hengdong sums its items; 自评 and 核定 answers differ only in 一 (and D's 自评 of 一 is unreadable):
  // A: 自评 一 = 4, 核定 一 = 3 → 自评总分 = vA + 1, 差值 = vA − (vA + 1) = −1; no reason yet → 1 open.
  // B: 自评 一 = 4, 核定 一 = 2 → 自评总分 = vB + 2, 差值 −2, 1 open.
  // C returned no form: 未提交, and nothing to subtract or count (—).
  // D: 「大概」 is no 是/否 → its 自评 total is unsettled: 未完成, 差值 —; 一 differs (自评未填) → 1 open.
  expect(rows.map((r) => [r['被考核单位'], r['核定总分'], r['自评总分'], r['差值（核定−自评）'], r['未说明差异']])).toEqual([
    [A, vA, (vA as number) + 1, -1, 1],
    [B, vB, (vB as number) + 2, -2, 1],
    [C, vC, '未提交', '—', '—'],
    [D, vD, '未完成', '—', 1],
  ]);
  // The 核定 figures are those of the workbook without the option.
  const plain = summaryTable((await scoreFilledWorkbook(merged)).scored);
  expect(rows.map((r) => r['核定总分'])).toEqual(plain.rows.map((r) => r['最终得分']));

  // Saved and scored again without being asked: the choice is the workbook's; a reason typed for A's
  // difference in 核查清单 closes it (未说明差异 1 → 0).
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(on.scored);
  book.getWorksheet('核查清单')!.getCell(4, 7).value = '现场核查：未见分管领导任命文件';
  const again = await scoreFilledWorkbook(Buffer.from(await book.xlsx.writeBuffer()));
  const later = summaryTable(again.scored);
  expect(later.headers).toEqual(headers);
  expect(later.rows[0]['未说明差异']).toBe(0);
  expect(later.rows[1]['未说明差异']).toBe(1);
  // The table and the name cover the new columns (filter and sort move whole rows; the block is found again).
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(again.scored);
  const ws = wb.getWorksheet('汇总')!;
  const table = (ws as unknown as { tables: Record<string, { table: { ref: string; columns: unknown[] } }> }).tables;
  expect(Object.values(table)[0].table.columns).toHaveLength(headers.length);
  expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual(['汇总', '排名', '细则说明']);
});

test("the official annex is the same with 汇总's 自评 columns as without", async () => {
  const on = await scoreFilledWorkbook(merged, { summarySelf: true, date: '2026年12月6日' });
  const off = await scoreFilledWorkbook(merged, { date: '2026年12月6日' });
  const onXml = sheetXml(zipParts(on.annex));
  const offXml = sheetXml(zipParts(off.annex));
  expect([...onXml.keys()]).toEqual([...offXml.keys()]);
  for (const [name, xml] of offXml) expect([name, onXml.get(name)]).toEqual([name, xml]);
  expect(JSON.stringify(readBook(Buffer.from(on.annex)).Sheets['汇总'])).not.toContain('自评总分');
});

test('turned off again, 汇总 is laid out as before and the metadata holds no choice', async () => {
  const on = await scoreFilledWorkbook(merged, { summarySelf: true });
  const off = await scoreFilledWorkbook(on.scored, { summarySelf: false });
  expect((await metaOf(off.scored)).summarySelf).toBeUndefined();
  const plain = summaryTable((await scoreFilledWorkbook(merged)).scored);
  const back = summaryTable(off.scored);
  expect(back.headers).toEqual(plain.headers);
  expect(back.rows).toEqual(plain.rows);
});

test('`collect --summary-self` records the choice; `annex` keeps it; `annex --no-summary-self` removes the columns', async () => {
  const collected = join(dir, 'collected.xlsx');
  const run = await runCli(['collect', plainPath, ...formPaths, '-o', collected, '--summary-self', '--force'], dir);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  expect(summaryTable(readFileSync(collected)).rows[0]['差值（核定−自评）']).toBe(-1);
  const scored = join(dir, 'scored.xlsx');
  const annex = await runCli(['annex', collected, '-o', join(dir, 'annex.xlsx'), '--scored', scored, '--force'], dir);
  expect(annex.code).toBe(0);
  expect(summaryTable(readFileSync(scored)).rows[2]['自评总分']).toBe('未提交');
  const offPath = join(dir, 'off.xlsx');
  const off = await runCli(['annex', scored, '-o', join(dir, 'annex2.xlsx'), '--scored', offPath, '--no-summary-self', '--force'], dir);
  expect(off.code).toBe(0);
  expect(summaryTable(readFileSync(offPath)).headers).not.toContain('自评总分');
  const both = await runCli(['annex', scored, '--summary-self', '--no-summary-self', '--force'], dir);
  expect(both.code).not.toBe(0);
  expect(both.err).toContain('不能同时使用');
});
