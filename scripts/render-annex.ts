/**
 * `npm run render-annex [-- <rubric-id>…]`: renders, for every built-in rubric, a final and a draft
 * annex (附件) and the working workbook, to check the print layout by eye: units from
 * examples/<id>.json (otherwise a few seeded random units), scored, exported with src/xlsx/annex.ts;
 * the draft is the same roster with one unit's first input blanked and one unit left empty; the
 * working workbook is made by the CLI's plan, filled with the same units and scored in file mode.
 * Converted by LibreOffice to PDF and by pdftoppm to PNG at 80 dpi:
 *
 *   docs/annex/<id>-p1.png             final annex, first page (汇总)
 *   docs/annex/<id>-unit-p1.png        final annex, the last page of the first unit's table (its result rows)
 *   docs/annex/<id>-draft-p1.png       draft annex, first page (汇总)
 *   docs/annex/<id>-draft-unit-p1.png  draft annex, first page of the first unit's table
 *   docs/annex/<id>-workbook-summary.png, <id>-workbook-unit.png  the scored working workbook
 *
 * Needs `soffice` (libreoffice-calc), `pdftoppm` and `pdftotext` (poppler-utils) and a CJK font
 * (fonts-noto-cjk). LibreOffice runs with a private profile (so it does not collide with another
 * running instance) and a private fontconfig file mapping the Windows faces the annex names to the
 * Noto CJK faces: 宋体/仿宋 → Noto Serif CJK SC, 黑体 → Noto Sans CJK SC, Calibri (the workbook's
 * default font, which sets the column-width unit) → Carlito, metric-compatible with Calibri
 * (fonts-crosextra-carlito; without it LibreOffice measures columns in DejaVu Sans digits, a third
 * wider, and shrinks every page to about 78 %).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomParameters, randomRoster } from '../bench/random-inputs';
import { parseUnitsData } from '../src/cli/units-file';
import { builtinRubricIds, loadBuiltin } from '../src/rubric/catalog';
import type { Rubric } from '../src/rubric/schema';
import { scoreRoster, type ParameterValues } from '../src/scoring/score';
import type { UnitInput } from '../src/scoring/types';
import { planWorkbook } from '../src/layout/workbook-plan';
import { annexBuffer, annexUnits } from '../src/xlsx/annex';
import { applyPlan } from '../src/xlsx/apply-plan';
import { loadExcelJS, toArrayBuffer } from '../src/xlsx/exceljs';
import { scoreFilledWorkbook } from '../src/xlsx/file-mode';
import { fillParameters, fillWorkbook } from '../test/xlsx/helpers';
import { libreOffice, pdfPageToPng } from './render-lib';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'docs', 'annex');
const DPI = 80;

function sampleUnits(rubric: Rubric): { units: UnitInput[]; parameters?: ParameterValues; source: string } {
  for (const name of [`${rubric.id}.units.json`, `${rubric.id}.json`]) {
    const file = join(ROOT, 'examples', name);
    if (existsSync(file)) {
      const data = parseUnitsData(JSON.parse(readFileSync(file, 'utf8')), `examples/${name}`);
      if (!data.rubric || data.rubric === rubric.id) return { units: data.units, parameters: data.parameters, source: `examples/${name}` };
    }
  }
  const units = randomRoster(rubric, 4, 20261124).map((u, i) => ({ ...u, name: `示例单位${i + 1}` }));
  return { units, parameters: randomParameters(rubric, 20261124), source: 'random (seed 20261124)' };
}

/** 1-based page of the PDF whose text contains `needle`, or null. */
function pageWith(pdf: string, needle: string): number | null {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
  const squash = (s: string) => s.replace(/\s+/g, '');
  for (let p = 1; p <= pages; p++) {
    const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-'], { encoding: 'utf8' });
    if (squash(text).includes(squash(needle))) return p;
  }
  return null;
}

/** 1-based last page of the PDF whose text contains `needle` in a run of pages starting with the first hit. */
function lastPageWith(pdf: string, needle: string): number | null {
  const first = pageWith(pdf, needle);
  if (!first) return null;
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
  let last = first;
  for (let p = first + 1; p <= pages; p++) {
    const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    if (!text.includes(needle.replace(/\s+/g, ''))) break;
    last = p;
  }
  return last;
}

/** A copy of a unit with its first indicator's first input left blank (an unfinished unit). */
function blankFirst(rubric: Rubric, u: UnitInput): UnitInput {
  const ind = rubric.categories[0].indicators[0];
  const inputs = { ...(u.inputs ?? {}) };
  inputs[ind.id] = { ...(inputs[ind.id] ?? {}), [ind.fields[0].id]: null };
  return { ...u, inputs, notApplicable: (u.notApplicable ?? []).filter((x) => x !== ind.id) };
}

async function main(ids: string[]) {
  const selected = ids.length ? ids : [...builtinRubricIds];
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'render-annex-'));
  const office = libreOffice(work, ['pdftotext', 'pdfinfo']);
  try {
    const convert = (name: string, bytes: ArrayBuffer): string => {
      const xlsx = join(work, `${name}.xlsx`);
      writeFileSync(xlsx, Buffer.from(bytes));
      const pdf = office.toPdf(xlsx);
      // RENDER_ANNEX_KEEP=<dir> keeps the .xlsx and .pdf for a closer look.
      const keep = process.env.RENDER_ANNEX_KEEP;
      if (keep) {
        mkdirSync(keep, { recursive: true });
        copyFileSync(xlsx, join(keep, `${name}.xlsx`));
        copyFileSync(pdf, join(keep, `${name}.pdf`));
      }
      return pdf;
    };
    for (const id of selected) {
      const loaded = loadBuiltin(id);
      const { rubric } = loaded;
      const sample = sampleUnits(rubric);
      // The final annex: the sample's complete units without an error (an example may hold an unfinished one).
      const sampleResult = scoreRoster(rubric, sample.units, sample.parameters);
      const units = sample.units.filter(
        (_, i) => sampleResult.units[i].complete && !sampleResult.units[i].problems.some((p) => p.severity === 'error'),
      );
      const source = sample.source;
      const result = scoreRoster(rubric, units, sample.parameters);
      const date = '2026年11月24日';
      const written: string[] = [];
      const shot = (pdf: string, page: number | null, target: string) => {
        if (!page) return;
        pdfPageToPng(pdf, page, join(OUT, target), DPI);
        written.push(`${target} (p${page})`);
      };

      const final = convert(`${id}-final`, await annexBuffer(rubric, annexUnits(units, result.units), { date }));
      shot(final, 1, `${id}-p1.png`);
      // The page that ends the first unit's table: its result rows (最终得分, 名次) are on it.
      shot(final, pageWith(final, `被考核单位：${result.units[0].name}`) && lastPageWith(final, result.units[0].name), `${id}-unit-p1.png`);

      // Draft: the first unit's first input blanked, the last unit emptied.
      const draftUnits: UnitInput[] = units.map((u, i) =>
        i === units.length - 1 ? { name: u.name, group: u.group } : i === 0 ? blankFirst(rubric, u) : u,
      );
      // With the sample's parameters (朝阳 1.3.0's points are parameters): otherwise every item reads 待定.
      const draftResult = scoreRoster(rubric, draftUnits, sample.parameters);
      const draft = convert(`${id}-draft`, await annexBuffer(rubric, annexUnits(draftUnits, draftResult.units), { date }));
      shot(draft, 1, `${id}-draft-p1.png`);
      shot(draft, pageWith(draft, `被考核单位：${draftResult.units[0].name}`), `${id}-draft-unit-p1.png`);

      // The working workbook: made, filled with the units, scored in file mode.
      const plan = planWorkbook(
        loaded,
        units.map((u) => ({ name: u.name, group: u.group ?? rubric.ranking.groups[0].id })),
        '2026-11-24T00:00:00.000Z',
      );
      const ExcelJS = await loadExcelJS();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await toArrayBuffer(await applyPlan(plan)));
      fillWorkbook(
        wb,
        plan.meta.units.map((u) => u.key),
        units,
      );
      // The office's parameters typed into 参数, as in the annex above.
      if (sample.parameters) fillParameters(wb, sample.parameters);
      const scored = await scoreFilledWorkbook(await toArrayBuffer(wb), { date });
      const book = convert(`${id}-workbook`, scored.scored);
      shot(book, pageWith(book, '考核结果汇总表'), `${id}-workbook-summary.png`);
      shot(book, pageWith(book, `被考核单位：${units[0].name}`), `${id}-workbook-unit.png`);
      process.stdout.write(`${id}: ${units.length} units from ${source} → ${written.join(', ')}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2).filter((a) => a !== '--')).catch((e: unknown) => {
  process.stderr.write(`render-annex: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
