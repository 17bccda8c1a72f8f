/**
 * Prints an .xlsx through LibreOffice headless (its own profile) and returns the text of each PDF
 * page, whitespace removed: what a reader of a single printed page sees, page header included.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function pdfPages(xlsx: Buffer, name: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'cs-pdf-'));
  writeFileSync(join(dir, `${name}.xlsx`), xlsx);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      `${name}.xlsx`,
    ],
    {
      cwd: dir,
      stdio: 'ignore',
      timeout: 120_000,
    },
  );
  const pdf = join(dir, `${name}.pdf`);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
  return Array.from({ length: pages }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''),
  );
}
