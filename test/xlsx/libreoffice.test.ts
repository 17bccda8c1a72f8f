/**
 * With LibreOffice (the office suite of many offices without Excel; scripts/setup-system.sh installs
 * it, and without it this suite fails rather than skips): a workbook filled and saved by LibreOffice is still read, scored and written back, and
 * the annex prints on A4 pages with its title, table, document number and page numbers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { unitKey } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import { scoreRoster } from '../../src/scoring/score';
import { annexBuffer, annexUnits } from '../../src/xlsx/annex';
import { blankWorkbook } from '../../src/xlsx/blank-workbook';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { fillWorkbook, formulaCells, readBook, sampleInputs, scratch, sheetJsBlock } from './helpers';
import { cellOf } from '../../src/layout/binding';

const has = (cmd: string) => {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
it('LibreOffice and poppler are installed (scripts/setup-system.sh)', () => {
  expect({ soffice: has('soffice'), pdfinfo: has('pdfinfo'), pdftotext: has('pdftotext') }).toEqual({
    soffice: true,
    pdfinfo: true,
    pdftotext: true,
  });
});

describe('LibreOffice', () => {
  const ID = 'hegang-2022-counties';
  const loaded = loadBuiltin(ID);
  const names = ['萝北县', '绥滨县', '向阳区', '工农区'].map((name) => ({ name, group: '县区' }));
  const inputs = sampleInputs(loaded.rubric, names, 3);
  const expected = scoreRoster(loaded.rubric, inputs);
  const dir = scratch('cs-lo-');
  const soffice = (args: string[]) =>
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', ...args], {
      cwd: dir,
      stdio: 'ignore',
      timeout: 120_000,
    });

  beforeAll(async () => {
    const { buffer } = await blankWorkbook(loaded, names);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer);
    fillWorkbook(
      wb,
      names.map((_, i) => unitKey(i)),
      inputs,
    );
    await wb.xlsx.writeFile(join(dir, 'filled.xlsx'));
    soffice(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'lo'), join(dir, 'filled.xlsx')]);
    writeFileSync(
      join(dir, 'annex.xlsx'),
      Buffer.from(await annexBuffer(loaded.rubric, annexUnits(inputs, expected.units), { date: '2026年11月24日' })),
    );
    soffice(['--convert-to', 'pdf', '--outdir', dir, join(dir, 'annex.xlsx')]);
  }, 240_000);

  it('reads, scores and writes back a workbook saved by LibreOffice', async () => {
    const saved = readFileSync(join(dir, 'lo', 'filled.xlsx'));
    const out = await scoreFilledWorkbook(saved);
    expect(out.workbookProblems).toEqual([]);
    expect(out.result).toEqual(expected);
    const book = readBook(out.scored);
    expect(formulaCells(book)).toEqual([]);
    const summary = sheetJsBlock(book, 'SUMMARY');
    expected.units.forEach((u, i) => {
      const at = cellOf(summary.index, `u|${unitKey(i)}`, 'final')!;
      expect(summary.grid[at.row][at.col]).toBe(u.final);
    });
  });

  it('prints the annex on A4 pages: title, table header, document number, page numbers', () => {
    const pdf = join(dir, 'annex.pdf');
    expect(existsSync(pdf)).toBe(true);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '3', pdf], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [
      Math.round(Number(m[1])),
      Math.round(Number(m[2])),
    ]);
    // A4 in points: 汇总 landscape, 排名 portrait, then the unit tables landscape
    expect(sizes).toEqual([
      [842, 595],
      [595, 842],
      [842, 595],
    ]);
    const text = (p: number) =>
      execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text(1)).toContain('考核结果汇总表');
    expect(text(1)).toContain('第1页');
    const unitPage = text(3);
    expect(unitPage).toContain(loaded.rubric.annex.title.replace(/\s+/g, ''));
    // The document's own header words (鹤岗: 考核内容 / 指标明细 / 评分标准 … 扣分 / 备注).
    expect(unitPage).toContain(
      loaded.rubric
        .table!.columns.slice(0, 3)
        .map((c) => c.header)
        .join(''),
    );
    expect(unitPage).toContain(loaded.rubric.documentNumber!);
  });
});
