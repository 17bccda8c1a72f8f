/**
 * 佐证材料清单 (issue 17 point 5): an optional last sheet of the annex listing, per unit and item,
 * the evidence the unit named on its 自评表 (filled by openpyxl through scripts/fill-form.py) and the
 * team's basis (the 核减原因 typed in 核查清单). Formula-free and print-ready like 排名; absent unless
 * asked for (`annex --evidence`, scoreFilledWorkbook `evidenceList`).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { mulberry32, randomUnit } from '../../bench/random-inputs';
import { unitKey } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import type { UnitInput } from '../../src/scoring/types';
import { blankWorkbook } from '../../src/xlsx/blank-workbook';
import { collectForms } from '../../src/xlsx/collect';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { makeForms } from '../../src/xlsx/forms';
import { REVIEW_SHEET } from '../../src/xlsx/review';
import { runCli } from '../cli/run-cli';
import { fillWorkbook, formulaCells, readBook, scratch, sheetGrid } from './helpers';

const ROOT = resolve(__dirname, '../..');
const loaded = loadBuiltin('hengdong-2020-members');
const { rubric } = loaded;
const roster = rubric.defaultRoster!.slice(0, 2).map((u) => ({ name: u.name, group: rubric.ranking.groups[0].id }));
const [A, B] = roster.map((u) => u.name);
const dir = scratch('cs-evidence-');
const REASON = '现场核查：未见分管领导任命文件';
const UNIT_EVIDENCE = `${A} 党组会议纪要（2020）第 3 号`;
const UNIT_EVIDENCE_2 = `${A} 信用信息报送台账 2020`;

function answers(seed: number, name: string): UnitInput {
  const u = randomUnit(rubric, mulberry32(seed), name);
  u.group = roster[0].group;
  u.inputs!['一'] = { leader: '是', leadOffice: '是', dutyOffices: '是', liaison: '是' };
  return u;
}

/** The merged workbook: A's form (evidence on 一 and on the second item) collected; 核定 of 一 differs, reason typed. */
async function mergedWithReason(): Promise<Buffer> {
  const verified = roster.map((u, i) => answers(500 + i, u.name));
  verified[0].inputs!['一'].leader = '否';
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await blankWorkbook(loaded, roster)).buffer);
  fillWorkbook(
    wb,
    roster.map((_, i) => unitKey(i)),
    verified,
  );
  const scoreBook = Buffer.from(await wb.xlsx.writeBuffer());
  const { forms } = await makeForms(scoreBook);
  const formPath = join(dir, 'a-form.xlsx');
  writeFileSync(formPath, Buffer.from(forms[0].buffer));
  const second = rubric.categories.flatMap((c) => c.indicators)[1];
  const values: Record<string, unknown> = {};
  const own = answers(500, A);
  for (const cat of rubric.categories)
    for (const ind of cat.indicators)
      ind.fields.forEach((f, i) => {
        const v = own.inputs?.[ind.id]?.[f.id];
        if (v !== null && v !== undefined) values[`${i === 0 ? 'i' : 'f'}|${ind.id}|${f.id}`] = v;
      });
  const spec = join(dir, 'a.json');
  writeFileSync(
    spec,
    JSON.stringify({ values, evidence: { 'i|一|leader': UNIT_EVIDENCE, [`i|${second.id}|${second.fields[0].id}`]: UNIT_EVIDENCE_2 } }),
  );
  const filled = join(dir, 'a-filled.xlsx');
  execFileSync('/usr/bin/python3', [join(ROOT, 'scripts', 'fill-form.py'), formPath, spec, filled], { stdio: 'pipe' });
  const collected = await collectForms(scoreBook, [{ name: 'a-filled.xlsx', bytes: readFileSync(filled) }]);
  expect(collected.accepted.map((a) => a.unitName)).toEqual([A]);
  const merged = new ExcelJS.Workbook();
  await merged.xlsx.load(collected.scored.scored);
  const review = merged.getWorksheet(REVIEW_SHEET)!;
  expect(review.getCell(4, 2).value).toBe(A);
  review.getCell(4, 7).value = REASON;
  return Buffer.from(await merged.xlsx.writeBuffer());
}

let merged: Buffer;
beforeAll(async () => {
  merged = await mergedWithReason();
}, 120_000);

test('佐证材料清单 lists per unit and item what the unit named and the team’s basis, values only, printed like the other annex sheets', async () => {
  const out = await scoreFilledWorkbook(merged, { evidenceList: true, date: '2026年12月6日' });
  expect(out.state.final).toBe(true);
  const book = readBook(Buffer.from(out.annex));
  expect(book.SheetNames[book.SheetNames.length - 1]).toBe('佐证材料清单');
  expect(formulaCells(book)).toEqual([]);
  const grid = sheetGrid(book.Sheets['佐证材料清单'] as XLSX.WorkSheet);
  const header = grid.findIndex((r) => r[0] === '序号');
  expect(grid[header]).toEqual(['序号', '被考核单位', '考核项目', '佐证材料（单位填报）', '核查依据（考核组）']);
  const second = rubric.categories.flatMap((c) => c.indicators)[1];
  // Two items of A: 一 (evidence and the reason for 核定 3 ≠ 自评 4), the second item (evidence only). B returned no form.
  expect(grid.slice(header + 1).filter((r) => r.some((v) => v !== null))).toEqual([
    [1, A, '一 工作机制建设', UNIT_EVIDENCE, REASON],
    [2, A, `${second.id} ${second.name}`, UNIT_EVIDENCE_2, null],
  ]);
  expect(grid.flat()).not.toContain(B);
  // Print-ready: fitted to the page width, the header row repeated on every page, 终稿 so no draft line.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(out.annex);
  const ws = wb.getWorksheet('佐证材料清单')!;
  expect(ws.pageSetup.fitToWidth).toBe(1);
  expect(ws.pageSetup.paperSize).toBe(9);
  expect(ws.pageSetup.printTitlesRow).toBe(`${header + 1}:${header + 1}`);
  expect(grid.flat().join('')).not.toContain('草稿');
});

test('without --evidence the annex has no 佐证材料清单; `annex --evidence` adds it', async () => {
  const plain = await scoreFilledWorkbook(merged);
  expect(readBook(Buffer.from(plain.annex)).SheetNames).not.toContain('佐证材料清单');
  const input = join(dir, 'merged.xlsx');
  writeFileSync(input, merged);
  const run = await runCli(['annex', input, '-o', join(dir, 'annex.xlsx'), '--evidence', '--force'], dir);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  const book = readBook(readFileSync(join(dir, 'annex.xlsx')));
  const grid = sheetGrid(book.Sheets['佐证材料清单'] as XLSX.WorkSheet);
  expect(grid.flat()).toContain(UNIT_EVIDENCE);
  expect(grid.flat()).toContain(REASON);
});
