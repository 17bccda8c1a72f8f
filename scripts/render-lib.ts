/**
 * The steps every picture script shares: .xlsx → PDF with headless LibreOffice, PDF page → PNG with
 * pdftoppm. LibreOffice runs with a profile of its own for this run (another running LibreOffice, of
 * a person or of another script, would otherwise hold the profile's lock and the conversion would hang
 * or silently do nothing) and with a private fontconfig file mapping the Windows faces the workbooks
 * name to the Noto CJK faces: 宋体/仿宋 → Noto Serif CJK SC, 黑体 → Noto Sans CJK SC, Calibri (the
 * workbook's default font, which sets the column-width unit) → Carlito, metric-compatible with
 * Calibri (without it LibreOffice measures columns in DejaVu Sans digits, a third wider, and shrinks
 * every page to about 78 %).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const FONT_MAP: [string[], string][] = [
  [['宋体', 'SimSun', '仿宋', 'FangSong', '仿宋_GB2312', '方正仿宋_GBK'], 'Noto Serif CJK SC'],
  [['黑体', 'SimHei', '方正小标宋简体', '方正黑体_GBK'], 'Noto Sans CJK SC'],
  [['Calibri'], 'Carlito'],
];

/** The Debian package that brings each tool, for the message when it is missing. */
const PACKAGE: Record<string, string> = {
  soffice: 'libreoffice-calc',
  pdftoppm: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  'fc-match': 'fontconfig',
};

/** A conversion longer than this is a LibreOffice that hangs (a locked profile, a dialog), not a big file. */
const CONVERT_TIMEOUT_MS = 180_000;

/** Fails with the apt-get line to run when a tool is missing or no Calibri-compatible font is installed. */
export function requireTools(tools: readonly string[]): void {
  for (const tool of new Set(['soffice', 'pdftoppm', 'fc-match', ...tools])) {
    try {
      execFileSync('which', [tool], { stdio: 'ignore' });
    } catch {
      throw new Error(
        `${tool} not found: apt-get install -y --no-install-recommends ${PACKAGE[tool] ?? tool} fonts-noto-cjk fonts-crosextra-carlito`,
      );
    }
  }
  // Column widths are counted in the default font's digits: without Calibri or Carlito the pictures
  // would show pages shrunk to about 78 %, which no office with Excel, WPS or LibreOffice sees.
  if (!/Carlito|Calibri/i.test(execFileSync('fc-match', ['Calibri'], { encoding: 'utf8' })))
    throw new Error('no Calibri-compatible font: apt-get install -y --no-install-recommends fonts-crosextra-carlito');
}

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

export interface LibreOffice {
  /** Converts `xlsx` to a PDF beside it (same name, .pdf) and returns the PDF's path. */
  toPdf(xlsx: string): string;
}

/**
 * LibreOffice for one run of a script: checks the tools, writes the font map into `work` (the run's
 * scratch directory) and keeps the profile there too, so it goes when the script removes `work`.
 */
export function libreOffice(work: string, tools: readonly string[] = []): LibreOffice {
  requireTools(tools);
  const conf = join(work, 'fonts.conf');
  writeFileSync(conf, fontsConf());
  const env = { ...process.env, FONTCONFIG_FILE: conf };
  const profile = pathToFileURL(join(work, 'lo-profile')).href;
  return {
    toPdf(xlsx) {
      try {
        execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, xlsx], {
          env,
          stdio: 'ignore',
          timeout: CONVERT_TIMEOUT_MS,
        });
      } catch (e) {
        const timedOut = (e as NodeJS.ErrnoException).code === 'ETIMEDOUT';
        throw new Error(
          timedOut
            ? `${basename(xlsx)}: LibreOffice did not finish within ${CONVERT_TIMEOUT_MS / 1000} s`
            : `${basename(xlsx)}: LibreOffice failed (${e instanceof Error ? e.message : String(e)})`,
        );
      }
      const pdf = join(work, basename(xlsx).replace(/\.xlsx$/i, '') + '.pdf');
      if (!existsSync(pdf)) throw new Error(`${basename(xlsx)}: LibreOffice produced no PDF`);
      return pdf;
    },
  };
}

/** Number of pages of a PDF (pdfinfo). */
export function pdfPages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
}

/** Writes page `page` (1-based) of `pdf` to `target` (…png) at `dpi`. */
export function pdfPageToPng(pdf: string, page: number, target: string, dpi: number): void {
  const prefix = target.replace(/\.png$/i, '');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
}
