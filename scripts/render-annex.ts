/**
 * `npm run render-annex [-- <rubric-id>…]`: renders a sample annex (附件) of every built-in rubric to
 * PNG, to check the print layout by eye: units from examples/<id>.units.json or examples/<id>.json
 * when present (otherwise a few seeded random units), scored, exported with src/xlsx/annex.ts,
 * converted by LibreOffice to PDF and by pdftoppm to PNG at 80 dpi:
 *
 *   docs/annex/<id>-p1.png        first page (汇总)
 *   docs/annex/<id>-unit-p1.png   first page of the first unit's table
 *
 * Needs `soffice` (libreoffice-calc), `pdftoppm` and `pdftotext` (poppler-utils) and a CJK font
 * (fonts-noto-cjk). LibreOffice runs with a private profile (so it does not collide with another
 * running instance) and a private fontconfig file mapping the Windows faces the annex names to the
 * Noto CJK faces: 宋体/仿宋 → Noto Serif CJK SC, 黑体 → Noto Sans CJK SC, Calibri (the workbook's
 * default font, which sets the column-width unit) → Liberation Sans Narrow, close to Calibri's width.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomRoster } from '../bench/random-inputs';
import { parseUnitsData } from '../src/cli/units-file';
import { builtinRubricIds, loadBuiltin } from '../src/rubric/catalog';
import type { Rubric } from '../src/rubric/schema';
import { scoreRoster } from '../src/scoring/score';
import type { UnitInput } from '../src/scoring/types';
import { annexBuffer, annexUnits } from '../src/xlsx/annex';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'docs', 'annex');
const DPI = 80;

const FONT_MAP: [string[], string][] = [
  [['宋体', 'SimSun', '仿宋', 'FangSong', '仿宋_GB2312', '方正仿宋_GBK'], 'Noto Serif CJK SC'],
  [['黑体', 'SimHei', '方正小标宋简体', '方正黑体_GBK'], 'Noto Sans CJK SC'],
  [['Calibri'], 'Liberation Sans Narrow'],
];

function fontsConf(): string {
  const rules = FONT_MAP.flatMap(([names, to]) =>
    names.map(
      (n) =>
        `  <match target="pattern"><test name="family"><string>${n}</string></test><edit name="family" mode="assign" binding="strong"><string>${to}</string></edit></match>`,
    ),
  );
  return ['<?xml version="1.0"?>', '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">', '<fontconfig>', '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>', ...rules, '</fontconfig>', ''].join('\n');
}

function need(cmd: string) {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
  } catch {
    throw new Error(`${cmd} not found: apt-get install -y --no-install-recommends libreoffice-calc poppler-utils fonts-noto-cjk`);
  }
}

function sampleUnits(rubric: Rubric): { units: UnitInput[]; source: string } {
  for (const name of [`${rubric.id}.units.json`, `${rubric.id}.json`]) {
    const file = join(ROOT, 'examples', name);
    if (existsSync(file)) {
      const data = parseUnitsData(JSON.parse(readFileSync(file, 'utf8')), `examples/${name}`);
      if (!data.rubric || data.rubric === rubric.id) return { units: data.units, source: `examples/${name}` };
    }
  }
  const units = randomRoster(rubric, 4, 20261124).map((u, i) => ({ ...u, name: `示例单位${i + 1}` }));
  return { units, source: 'random (seed 20261124)' };
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

function png(pdf: string, page: number, target: string, work: string) {
  const prefix = join(work, `page${page}`);
  execFileSync('pdftoppm', ['-png', '-r', String(DPI), '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
  copyFileSync(`${prefix}.png`, target);
}

async function main(ids: string[]) {
  for (const cmd of ['soffice', 'pdftoppm', 'pdftotext', 'pdfinfo']) need(cmd);
  const selected = ids.length ? ids : [...builtinRubricIds];
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'render-annex-'));
  const conf = join(work, 'fonts.conf');
  writeFileSync(conf, fontsConf());
  const env = { ...process.env, FONTCONFIG_FILE: conf };
  const profile = pathToFileURL(join(work, 'lo-profile')).href;
  try {
    for (const id of selected) {
      const { rubric } = loadBuiltin(id);
      const { units, source } = sampleUnits(rubric);
      const result = scoreRoster(rubric, units);
      const xlsx = join(work, `${id}.xlsx`);
      writeFileSync(xlsx, Buffer.from(await annexBuffer(rubric, annexUnits(units, result.units), { date: '2026年11月24日' })));
      execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, xlsx], { env, stdio: 'ignore', timeout: 180_000 });
      const pdf = join(work, `${id}.pdf`);
      if (!existsSync(pdf)) throw new Error(`${id}: LibreOffice produced no PDF`);
      // RENDER_ANNEX_KEEP=<dir> keeps the .xlsx and .pdf for a closer look.
      const keep = process.env.RENDER_ANNEX_KEEP;
      if (keep) {
        mkdirSync(keep, { recursive: true });
        copyFileSync(xlsx, join(keep, `${id}.xlsx`));
        copyFileSync(pdf, join(keep, `${id}.pdf`));
      }
      png(pdf, 1, join(OUT, `${id}-p1.png`), work);
      const unitPage = pageWith(pdf, `被考核单位：${result.units[0].name}`);
      if (unitPage) png(pdf, unitPage, join(OUT, `${id}-unit-p1.png`), work);
      process.stdout.write(`${id}: ${units.length} units from ${source} → docs/annex/${id}-p1.png${unitPage ? `, docs/annex/${id}-unit-p1.png (page ${unitPage})` : ''}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2).filter((a) => a !== '--')).catch((e: unknown) => {
  process.stderr.write(`render-annex: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
