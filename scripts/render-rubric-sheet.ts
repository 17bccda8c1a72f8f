/**
 * `npm run render-rubric-sheet [-- <rubric-id>]`: renders the 细则定义 workbook of a built-in rubric
 * (default hengdong-2020-members) through LibreOffice to PNG, to check by eye that a clerk can read
 * it (wrapped text, widths, header, input cells marked):
 *
 *   docs/authoring/细则定义-<city>.png      the 细则定义 sheet, first printed page
 *   docs/authoring/细则定义-<city>-计分列.png  the first page of its scoring columns
 *   docs/authoring/考核办法-<city>.png      the 考核办法 sheet
 *
 * LibreOffice, fonts and pdftoppm as in every picture script: scripts/render-lib.ts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { rubricToDefinition, SHEET_NAMES } from '../src/layout/rubric-sheet';
import { loadBuiltin } from '../src/rubric/catalog';
import { writeDefinitionXlsx } from '../src/xlsx/rubric-sheet-file';
import { libreOffice, pdfPages, pdfPageToPng } from './render-lib';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'docs', 'authoring');
const DPI = 90;
const CITY: Record<string, string> = { 'hengdong-2020-members': '衡东' };

async function main(id: string) {
  const { rubric } = loadBuiltin(id);
  const city = CITY[id] ?? rubric.city;
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'render-rubric-sheet-'));
  const office = libreOffice(work, ['pdfinfo']);
  const def = rubricToDefinition(rubric);
  // One file per sheet: LibreOffice prints every sheet of a workbook into one PDF.
  for (const [sheet, pages] of [
    [SHEET_NAMES.indicators, [1, 2]],
    [SHEET_NAMES.method, [1]],
  ] as const) {
    const one = { sheets: def.sheets.filter((s) => s.name === sheet) };
    const xlsx = join(work, `${sheet}.xlsx`);
    writeFileSync(xlsx, Buffer.from(await writeDefinitionXlsx(one)));
    const pdf = office.toPdf(xlsx);
    // LibreOffice numbers pages down, then across: the scoring columns start after the first band of rows.
    const total = pdfPages(pdf) || 1;
    const bands = Math.max(1, Math.ceil(one.sheets[0].columns.reduce((n, c) => n + c.width, 0) / 150));
    for (const page of pages.map((p) => (p === 1 ? 1 : Math.min(total, total / bands + 1)))) {
      const target = join(OUT, `${sheet}-${city}${page > 1 ? '-计分列' : ''}`);
      pdfPageToPng(pdf, page, `${target}.png`, DPI);
      process.stdout.write(`${target}.png\n`);
    }
  }
}

main(process.argv[2] ?? 'hengdong-2020-members').catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
