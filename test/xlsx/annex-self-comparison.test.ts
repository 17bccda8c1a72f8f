/**
 * 自评与核定对照表 (issue 17 item 3): with the option on, the annex of a workbook holding collected
 * 自评表 gets one more sheet, last, setting each unit's 自评总分 beside its 核定总分 (「未提交」 for a
 * unit that returned no form, never 0) and listing the differing items with their 核减原因; the
 * official sheets are unchanged (same sheet XML as without the option). Without any 自评 the option
 * says so in Chinese and the annex is the one made without it. The forms are filled by openpyxl
 * (scripts/fill-form.py), as in test/xlsx/self-assessment.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { mulberry32, randomUnit } from '../../bench/random-inputs';
import { NO_SELF_ASSESSMENT } from '../../src/layout/annex-comparison';
import { NOT_APPLICABLE_FIELD } from '../../src/layout/plan';
import { unitKey } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import type { UnitInput } from '../../src/scoring/types';
import { blankWorkbook } from '../../src/xlsx/blank-workbook';
import { collectForms } from '../../src/xlsx/collect';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { makeForms } from '../../src/xlsx/forms';
import { REVIEW_SHEET } from '../../src/xlsx/review';
import { runCli } from '../cli/run-cli';
import { fillWorkbook, formulaCells, readBook, scratch, sheetGrid, sheetXml, zipParts } from './helpers';

const ROOT = resolve(__dirname, '../..');
const loaded = loadBuiltin('hengdong-2020-members');
const { rubric } = loaded;
const group = rubric.ranking.groups[0];
const roster = rubric.defaultRoster!.slice(0, 3).map((u) => ({ name: u.name, group: group.id }));
const [A, B, C] = roster.map((u) => u.name);
const dir = scratch('cs-comparison-');
const REASON = '现场核查：未见分管领导任命文件';
const SHEET = '自评与核定对照表';
const DATE = '2026年12月6日';

/** Complete answers (the bench generator) with 一 工作机制建设 all 是: 自评分 of 一 = 4. */
function answers(seed: number, name: string): UnitInput {
  const u = randomUnit(rubric, mulberry32(seed), name);
  u.group = group.id;
  u.inputs!['一'] = { leader: '是', leadOffice: '是', dutyOffices: '是', liaison: '是' };
  return u;
}

/** A unit's answers keyed by the form's row keys, for scripts/fill-form.py (bonus included: it is in the 自评 total). */
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

let merged: Buffer;
let plainWorkbook: Buffer;
beforeAll(async () => {
  // 核定: every unit as it answered, except A's 分管领导 (否: 一 = 4 − 1 = 3) and B's 分管领导 and
  // 责任处室 (否, 否: 一 = 4 − 2 = 2). A and B return their forms (all 是), C returns none.
  const own = roster.map((u, i) => answers(700 + i, u.name));
  const verified = roster.map((u, i) => answers(700 + i, u.name));
  verified[0].inputs!['一'].leader = '否';
  verified[1].inputs!['一'].leader = '否';
  verified[1].inputs!['一'].dutyOffices = '否';
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await blankWorkbook(loaded, roster)).buffer);
  fillWorkbook(
    wb,
    roster.map((_, i) => unitKey(i)),
    verified,
  );
  plainWorkbook = Buffer.from(await wb.xlsx.writeBuffer());
  const { forms } = await makeForms(plainWorkbook);
  const filled = [0, 1].map((i) => {
    const form = join(dir, `form-${i}.xlsx`);
    const spec = join(dir, `spec-${i}.json`);
    const out = join(dir, `filled-${i}.xlsx`);
    writeFileSync(form, Buffer.from(forms[i].buffer));
    writeFileSync(spec, JSON.stringify(fillSpec(own[i])));
    execFileSync('/usr/bin/python3', [join(ROOT, 'scripts', 'fill-form.py'), form, spec, out], { stdio: 'pipe' });
    return { name: `filled-${i}.xlsx`, bytes: readFileSync(out) };
  });
  const collected = await collectForms(plainWorkbook, filled);
  expect(collected.accepted.map((a) => a.unitName)).toEqual([A, B]);
  // A's difference explained in 核查清单 (first line), B's left without a reason.
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(collected.scored.scored);
  const review = book.getWorksheet(REVIEW_SHEET)!;
  expect([review.getCell(4, 2).value, review.getCell(5, 2).value]).toEqual([A, B]);
  review.getCell(4, 7).value = REASON;
  merged = Buffer.from(await book.xlsx.writeBuffer());
}, 120_000);

test('the 对照表 sets 自评总分 beside 核定总分 per unit, 「未提交」 for a unit without a form, and lists the differing items', async () => {
  const out = await scoreFilledWorkbook(merged, { selfComparison: true, date: DATE });
  expect(out.comparisonSkipped).toBeUndefined();
  const [vA, vB, vC] = out.result.units.map((u) => u.final as number);
  expect([vA, vB, vC].every((v) => typeof v === 'number')).toBe(true);
  const book = readBook(Buffer.from(out.annex));
  expect(book.SheetNames[book.SheetNames.length - 1]).toBe(SHEET);
  expect(formulaCells(book)).toEqual([]);
  const grid = sheetGrid(book.Sheets[SHEET] as XLSX.WorkSheet);
  const header = grid.findIndex((r) => r[0] === '序号');
  expect(grid[header]).toEqual([
    '序号',
    '被考核单位',
    '分组',
    '自评表',
    '自评总分',
    '核定总分',
    '差值（核定−自评）',
    '差异项数',
    '未说明差异',
  ]);
  // Hengdong sums its items (aggregation "sum"), and the 自评 and 核定 answers differ only in 一:
  // A: 自评 一 = 4, 核定 一 = 3 → 自评总分 = 核定总分 + 1, 差值 −1, 1 item, explained.
  // B: 自评 一 = 4, 核定 一 = 2 → 自评总分 = 核定总分 + 2, 差值 −2, 1 item, no reason.
  // C returned nothing: 未提交 where its 自评 would be, no 0 anywhere in its row.
  expect(grid.slice(header + 1, header + 4)).toEqual([
    [1, A, group.label, '已提交', vA + 1, vA, -1, 1, 0],
    [2, B, group.label, '已提交', vB + 2, vB, -2, 1, 1],
    [3, C, group.label, '未提交', '未提交', vC, '—', '—', '—'],
  ]);
  // The per-item list below: the 核查清单 lines, 核减原因 or 「（未填核减原因）」.
  const items = grid.findIndex((r) => r[0] === '逐项差异（核查清单，共 2 项）');
  expect(items).toBeGreaterThan(header + 3);
  expect(grid[items + 1]).toEqual(['序号', '被考核单位', '考核项目', '自评分', '核定分', '差值（核定−自评）', '核减原因', null, null]);
  expect(grid.slice(items + 2)).toEqual([
    [1, A, '一 工作机制建设', 4, 3, -1, REASON, null, null],
    [2, B, '一 工作机制建设', 4, 2, -2, '（未填核减原因）', null, null],
  ]);
  // B's difference has no reason: the whole annex is a draft, this sheet too.
  expect(out.state.final).toBe(false);
  expect(grid.flat().join('')).toContain('草稿');

  // Print-ready like the other annex sheets: A4 fitted to the width, the page header says what the
  // page is, page numbers per sheet; no repeated header row over two different tables.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(out.annex);
  const ws = wb.getWorksheet(SHEET)!;
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  expect(ws.headerFooter.oddHeader).toContain(`&L${SHEET}`);
  expect(ws.headerFooter.oddHeader).toContain(`&R${DATE}`);
  expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 1 页');
  expect(ws.pageSetup.printTitlesRow).toBeUndefined();
  expect(ws.views[0]).toMatchObject({ showGridLines: false });
});

test('the official sheets are the same with the option as without it; off, there is no 对照表', async () => {
  const on = await scoreFilledWorkbook(merged, { selfComparison: true, date: DATE });
  const off = await scoreFilledWorkbook(merged, { date: DATE });
  const onBook = readBook(Buffer.from(on.annex));
  const offBook = readBook(Buffer.from(off.annex));
  expect(offBook.SheetNames).not.toContain(SHEET);
  expect(onBook.SheetNames).toEqual([...offBook.SheetNames, SHEET]);
  const onXml = sheetXml(zipParts(on.annex));
  const offXml = sheetXml(zipParts(off.annex));
  for (const name of offBook.SheetNames) expect([name, onXml.get(name)]).toEqual([name, offXml.get(name)]);
  // 汇总 stays the 核定 result: it shows no 自评 at all.
  expect(sheetGrid(onBook.Sheets['汇总'] as XLSX.WorkSheet).flat()).not.toContain('自评总分');
});

test('without any 自评 the option says so in Chinese and the annex is made without the sheet', async () => {
  const asked = await scoreFilledWorkbook(plainWorkbook, { selfComparison: true, date: DATE });
  const plain = await scoreFilledWorkbook(plainWorkbook, { date: DATE });
  expect(asked.comparisonSkipped).toBe(NO_SELF_ASSESSMENT);
  expect(asked.comparisonSkipped).toContain('没有收回的自评表');
  expect(plain.comparisonSkipped).toBeUndefined();
  expect(readBook(Buffer.from(asked.annex)).SheetNames).toEqual(readBook(Buffer.from(plain.annex)).SheetNames);
  const askedXml = sheetXml(zipParts(asked.annex));
  for (const [name, xml] of sheetXml(zipParts(plain.annex))) expect([name, askedXml.get(name)]).toEqual([name, xml]);
});

test('`annex --self-compare` adds the sheet; on a workbook without 自评 it prints the message and still writes the annex', async () => {
  const input = join(dir, 'merged.xlsx');
  writeFileSync(input, merged);
  const run = await runCli(['annex', input, '-o', join(dir, 'annex.xlsx'), '--self-compare', '--force'], dir);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  const book = readBook(readFileSync(join(dir, 'annex.xlsx')));
  expect(book.SheetNames[book.SheetNames.length - 1]).toBe(SHEET);
  expect(sheetGrid(book.Sheets[SHEET] as XLSX.WorkSheet).flat()).toContain('未提交');

  const plainInput = join(dir, 'plain.xlsx');
  writeFileSync(plainInput, plainWorkbook);
  const none = await runCli(['annex', plainInput, '-o', join(dir, 'plain-annex.xlsx'), '--self-compare', '--force'], dir);
  expect(none.code).toBe(0);
  expect(none.err).toBe(`${NO_SELF_ASSESSMENT}\n`);
  expect(readBook(readFileSync(join(dir, 'plain-annex.xlsx'))).SheetNames).not.toContain(SHEET);
});
