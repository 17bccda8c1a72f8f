/**
 * `npm run render-rubric-sheet [-- <rubric-id>]`: renders the 细则定义 workbook of a built-in rubric
 * (default hengdong-2020-members) through LibreOffice to PNG, to check by eye that a clerk can read
 * it (wrapped text, widths, header, input cells marked):
 *
 *   docs/authoring/细则定义-<city>.png      the 细则定义 sheet, first printed page
 *   docs/authoring/细则定义-<city>-计分列.png  the first page of its scoring columns
 *   docs/authoring/考核办法-<city>.png      the 考核办法 sheet
 *
 * Fonts as in render-annex.ts: 宋体 → Noto Serif CJK SC, 黑体 → Noto Sans CJK SC, Calibri → Carlito,
 * with a private LibreOffice profile and fontconfig file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { rubricToDefinition, SHEET_NAMES } from '../src/layout/rubric-sheet';
import { loadBuiltin } from '../src/rubric/catalog';
import { writeDefinitionXlsx } from '../src/xlsx/rubric-sheet-file';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'docs', 'authoring');
const DPI = 90;
const CITY: Record<string, string> = { 'hengdong-2020-members': '衡东' };

const FONT_MAP: [string[], string][] = [
  [['宋体', 'SimSun'], 'Noto Serif CJK SC'],
  [['黑体', 'SimHei'], 'Noto Sans CJK SC'],
  [['Calibri'], 'Carlito'],
];

function fontsConf(): string {
  const rules = FONT_MAP.flatMap(([names, to]) =>
    names.map(
      (n) =>
        `  <match target="pattern"><test name="family"><string>${n}</string></test><edit name="family" mode="assign" binding="strong"><string>${to}</string></edit></match>`,
    ),
  );
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ...rules,
    '</fontconfig>',
    '',
  ].join('\n');
}

async function main(id: string) {
  const { rubric } = loadBuiltin(id);
  const city = CITY[id] ?? rubric.city;
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'render-rubric-sheet-'));
  const conf = join(work, 'fonts.conf');
  writeFileSync(conf, fontsConf());
  const env = { ...process.env, FONTCONFIG_FILE: conf };
  const def = rubricToDefinition(rubric);
  // One file per sheet: LibreOffice prints every sheet of a workbook into one PDF.
  for (const [sheet, pages] of [
    [SHEET_NAMES.indicators, [1, 2]],
    [SHEET_NAMES.method, [1]],
  ] as const) {
    const one = { sheets: def.sheets.filter((s) => s.name === sheet) };
    const xlsx = join(work, `${sheet}.xlsx`);
    writeFileSync(xlsx, Buffer.from(await writeDefinitionXlsx(one)));
    execFileSync('soffice', ['-env:UserInstallation=file:///tmp/lo-sheet', '--headless', '--convert-to', 'pdf', '--outdir', work, xlsx], {
      env,
      stdio: 'ignore',
      timeout: 180_000,
    });
    const pdf = join(work, `${sheet}.pdf`);
    if (!existsSync(pdf)) throw new Error(`${sheet}: LibreOffice produced no PDF`);
    // LibreOffice numbers pages down, then across: the scoring columns start after the first band of rows.
    const total = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 1);
    const bands = Math.max(1, Math.ceil(one.sheets[0].columns.reduce((n, c) => n + c.width, 0) / 150));
    for (const page of pages.map((p) => (p === 1 ? 1 : Math.min(total, total / bands + 1)))) {
      const target = join(OUT, `${sheet}-${city}${page > 1 ? '-计分列' : ''}`);
      execFileSync('pdftoppm', ['-png', '-r', String(DPI), '-f', String(page), '-l', String(page), '-singlefile', pdf, target]);
      process.stdout.write(`${target}.png\n`);
    }
  }
}

main(process.argv[2] ?? 'hengdong-2020-members').catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
