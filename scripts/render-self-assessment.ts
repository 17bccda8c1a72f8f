/**
 * `npx ts-node --transpile-only scripts/render-self-assessment.ts`: renders, with LibreOffice, a
 * unit sheet of a workbook into which a 自评表 was collected (自评填报 | 自评分 | 佐证材料 beside
 * 核定填报 | 核定分) and its 核查清单, to check them by eye:
 *
 *   docs/self-assessment/merged-unit-p1.png   the first page of the unit's sheet after collecting
 *   docs/self-assessment/review-p1.png        核查清单 with one difference and its 核减原因
 *   docs/self-assessment/form-p1.png          the 自评表 as the unit receives it
 *   docs/self-assessment/comparison-p1.png    the annex's 自评与核定对照表 (annex --self-compare): the
 *                                             unit that returned its form beside two that did not (未提交)
 *   docs/self-assessment/summary-self.png      the workbook's 汇总 with the office's choice of 自评总分 |
 *                                             差值 | 未说明差异 beside 核定总分 (annex --summary-self)
 *
 * The form is filled by scripts/fill-form.py (openpyxl) from examples/hengdong-2020-members.json's
 * first unit; the office then types 否 for one item, so 核定 differs from 自评 by one point.
 * Needs soffice, pdftoppm, /usr/bin/python3 with openpyxl, and the fonts of scripts/render-lib.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { parseUnitsData } from '../src/cli/units-file';
import { NOT_APPLICABLE_FIELD } from '../src/layout/plan';
import { unitKey } from '../src/layout/workbook-plan';
import { loadBuiltin } from '../src/rubric/catalog';
import { blankWorkbook } from '../src/xlsx/blank-workbook';
import { collectForms } from '../src/xlsx/collect';
import { scoreFilledWorkbook } from '../src/xlsx/file-mode';
import { makeForms } from '../src/xlsx/forms';
import { REVIEW_SHEET } from '../src/xlsx/review';
import { fillWorkbook } from '../test/xlsx/helpers';
import { libreOffice, pdfPageToPng } from './render-lib';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'docs', 'self-assessment');

async function main() {
  const loaded = loadBuiltin('hengdong-2020-members');
  const { rubric } = loaded;
  const example = parseUnitsData(JSON.parse(readFileSync(join(ROOT, 'examples', 'hengdong-2020-members.json'), 'utf8')), 'example');
  const unit = example.units[0];
  const roster = [unit, ...example.units.slice(1, 3)].map((u) => ({ name: u.name, group: u.group ?? rubric.ranking.groups[0].id }));
  const work = mkdtempSync(join(tmpdir(), 'render-self-'));
  mkdirSync(OUT, { recursive: true });

  // The office's 核定 of the two other units is typed before the forms go out; they return none.
  const office = new ExcelJS.Workbook();
  await office.xlsx.load((await blankWorkbook(loaded, roster, { createdAt: '2026-11-02T08:00:00.000Z' })).buffer);
  fillWorkbook(office, [unitKey(1), unitKey(2)], example.units.slice(1, 3));
  const blank = (await office.xlsx.writeBuffer()) as ArrayBuffer;
  const form = (await makeForms(blank)).forms[0];
  writeFileSync(join(work, 'form.xlsx'), Buffer.from(form.buffer));
  const values: Record<string, unknown> = {};
  const evidence: Record<string, string> = {};
  for (const cat of rubric.categories)
    for (const ind of cat.indicators) {
      ind.fields.forEach((f, i) => {
        const v = unit.inputs?.[ind.id]?.[f.id];
        if (v !== null && v !== undefined) values[`${i === 0 ? 'i' : 'f'}|${ind.id}|${f.id}`] = v;
      });
      if (unit.notApplicable?.includes(ind.id)) values[`f|${ind.id}|${NOT_APPLICABLE_FIELD}`] = '是';
      evidence[`i|${ind.id}|${ind.fields[0].id}`] = `信用工作台账 ${ind.id}；衡公发〔2020〕${ind.fields.length + 10}号`;
    }
  writeFileSync(join(work, 'values.json'), JSON.stringify({ values, evidence }));
  execFileSync('/usr/bin/python3', [
    join(ROOT, 'scripts', 'fill-form.py'),
    join(work, 'form.xlsx'),
    join(work, 'values.json'),
    join(work, 'filled.xlsx'),
  ]);
  const collected = await collectForms(blank, [{ name: 'filled.xlsx', bytes: readFileSync(join(work, 'filled.xlsx')) }]);

  // The office finds no 联络员 on site: 核定 否, one point less than the 自评; the reason typed.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(collected.scored.scored);
  const ws = wb.getWorksheet(unit.name)!;
  const roles = (ws.getRow(1).values as unknown[]).slice(1);
  const keyCol = roles.indexOf('key') + 1;
  for (let r = 1; r <= ws.rowCount; r++)
    if (ws.getCell(r, keyCol).value === 'f|一|liaison') ws.getCell(r, roles.indexOf('input') + 1).value = '否';
  let scored = await scoreFilledWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const withReason = new ExcelJS.Workbook();
  await withReason.xlsx.load(scored.scored);
  withReason.getWorksheet(REVIEW_SHEET)!.getCell(4, 7).value = '现场核查：联络员未发文明确（台账第 3 页只有口头安排）';
  scored = await scoreFilledWorkbook((await withReason.xlsx.writeBuffer()) as ArrayBuffer, {
    selfComparison: true,
    summarySelf: true,
    date: '2026年12月6日',
  });

  const soffice = libreOffice(work);
  /** Only the sheet wanted is printed: the others are removed from a copy. */
  const render = async (bytes: ArrayBuffer, sheet: string, target: string) => {
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(bytes);
    for (const w of [...copy.worksheets]) if (w.name !== sheet) copy.removeWorksheet(w.id);
    copy.definedNames.model = [];
    const name = target.replace(/\.png$/, '');
    await copy.xlsx.writeFile(join(work, `${name}.xlsx`));
    pdfPageToPng(soffice.toPdf(join(work, `${name}.xlsx`)), 1, join(OUT, target), 80);
    console.log(`docs/self-assessment/${target}`);
  };
  await render(scored.scored, unit.name, 'merged-unit-p1.png');
  await render(scored.scored, REVIEW_SHEET, 'review-p1.png');
  await render(form.buffer, unit.name, 'form-p1.png');
  await render(scored.annex, '自评与核定对照表', 'comparison-p1.png');
  await render(scored.scored, '汇总', 'summary-self.png');
  console.log(scored.review, scored.state.mark);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
