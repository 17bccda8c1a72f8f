/**
 * Workbooks saved by other programs are read and scored the same as the file they came from
 * (issue 12.7). The fixtures are made on this machine: a blank workbook from the CLI, filled by
 * openpyxl (scripts/make-fixtures.py, which also derives an inline-strings copy and a copy without
 * styles), and openpyxl's file saved again by LibreOffice. The reference is the same values typed
 * into the original file with exceljs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { unitKey } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import { scoreRoster } from '../../src/scoring/score';
import { WorkbookError } from '../../src/xlsx/errors';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { runCli, ROOT } from '../cli/run-cli';
import { fillWorkbook, sampleInputs, scratch } from './helpers';

const ID = 'hegang-2022-counties';
const loaded = loadBuiltin(ID);
const names = ['萝北县', '绥滨县', '向阳区', '工农区'].map((name) => ({ name, group: '县区' }));
const inputs = sampleInputs(loaded.rubric, names, 7);
const expected = scoreRoster(loaded.rubric, inputs);
const dir = scratch('cs-other-');
const fixture = (name: string) => readFileSync(join(dir, name));

/** Every cell whose value differs between the blank and the filled workbook, as the script sets it. */
function typedCells(blank: ExcelJS.Workbook, filled: ExcelJS.Workbook) {
  const cells: { sheet: string; cell: string; value: string | number | boolean; numFmt?: string }[] = [];
  for (const ws of filled.worksheets) {
    const before = blank.getWorksheet(ws.name)!;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (v === before.getCell(cell.address).value) return;
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
          throw new Error(`unexpected value in ${cell.address}`);
        cells.push({
          sheet: ws.name,
          cell: cell.address,
          value: v,
          ...(cell.numFmt && cell.numFmt !== before.getCell(cell.address).numFmt ? { numFmt: cell.numFmt } : {}),
        });
      }),
    );
  }
  return cells;
}

beforeAll(async () => {
  writeFileSync(join(dir, 'names.txt'), names.map((n) => n.name).join('\n'));
  const made = await runCli(['workbook', ID, '--roster', 'names.txt', '-o', 'blank.xlsx'], dir);
  if (made.code !== 0) throw new Error(made.err);
  const blank = new ExcelJS.Workbook();
  await blank.xlsx.load(new Uint8Array(fixture('blank.xlsx')).buffer);
  const filled = new ExcelJS.Workbook();
  await filled.xlsx.load(new Uint8Array(fixture('blank.xlsx')).buffer);
  fillWorkbook(
    filled,
    names.map((_, i) => unitKey(i)),
    inputs,
  );
  writeFileSync(join(dir, 'original.xlsx'), Buffer.from(await filled.xlsx.writeBuffer()));
  const spec = { blank: join(dir, 'blank.xlsx'), outdir: dir, cells: typedCells(blank, filled) };
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
  execFileSync('/usr/bin/python3', [join(ROOT, 'scripts/make-fixtures.py'), join(dir, 'spec.json')], { stdio: 'pipe' });
  mkdirSync(join(dir, 'lo'));
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      join(dir, 'lo'),
      join(dir, 'openpyxl.xlsx'),
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
}, 240_000);

const part = (file: Buffer, name: string) => Buffer.from(unzipSync(new Uint8Array(file))[name] ?? new Uint8Array()).toString('utf8');

describe('workbooks saved by other programs', () => {
  it('the fixtures are what those programs write (so the cases below test something)', () => {
    expect(part(fixture('openpyxl.xlsx'), 'xl/_rels/workbook.xml.rels')).toContain('Target="/xl/worksheets/sheet1.xml"');
    expect(part(fixture('inline-strings.xlsx'), 'xl/worksheets/sheet4.xml')).toContain('t="inlineStr"');
    expect(Object.keys(unzipSync(new Uint8Array(fixture('inline-strings.xlsx'))))).not.toContain('xl/sharedStrings.xml');
    expect(Object.keys(unzipSync(new Uint8Array(fixture('no-styles.xlsx'))))).not.toContain('xl/styles.xml');
    expect(part(fixture('lo/openpyxl.xlsx'), 'docProps/app.xml')).toMatch(/LibreOffice/);
  });

  it('the original, filled through exceljs, scores as the engine does on the same inputs', async () => {
    const out = await scoreFilledWorkbook(fixture('original.xlsx'));
    expect(out.workbookProblems).toEqual([]);
    expect(out.result).toEqual(expected);
  });

  it.each([
    ['openpyxl (absolute part paths, shared strings)', 'openpyxl.xlsx'],
    ['inline strings instead of shared strings', 'inline-strings.xlsx'],
    ['openpyxl’s file saved again by LibreOffice', 'lo/openpyxl.xlsx'],
  ])('%s: read and scored the same as the original', async (_label, file) => {
    const out = await scoreFilledWorkbook(fixture(file));
    expect(out.workbookProblems).toEqual([]);
    expect(out.result).toEqual(expected);
    // and the scored copy is itself readable again
    const again = await readWorkbook(new Uint8Array(out.scored));
    expect(again.units).toEqual((await readWorkbook(fixture('original.xlsx'))).units);
  });
});

describe('a workbook whose styles were dropped', () => {
  // Without the styles part nothing says a cell was formatted as percent: "81.4%" (stored 0.814)
  // reads as the bare number 0.814. The file is read, and such a value never becomes a number:
  // the engine refuses a bare 0 < x ≤ 1 in a percent field as two readings (0.814 % or 81.4 %), and
  // where the field allows values under 1 % (鹤岗 二.5 / 二.6, smallValues) the reader withholds it.
  it('is read; every other item scores as in the original, and no percent below 1 becomes a number', async () => {
    const out = await scoreFilledWorkbook(fixture('no-styles.xlsx'));
    const percentItems = new Set(
      loaded.rubric.categories
        .flatMap((c) => c.indicators)
        .filter((i) => i.fields.some((f) => f.type === 'percent'))
        .map((i) => i.id),
    );
    let refused = 0;
    out.result.units.forEach((u, k) => {
      for (const [id, item] of Object.entries(u.items)) {
        const want = expected.units[k].items[id];
        if (!percentItems.has(id) || want.status !== 'scored') {
          expect(item).toEqual(want);
          continue;
        }
        // A percent item scores as in the original only where its percent was above 1 (unambiguous).
        if (item.status === 'scored') expect(item.score).toBe(want.score);
        else {
          expect(item.status === 'invalid' || item.status === 'incomplete').toBe(true);
          expect(item.score).toBeNull();
          refused++;
        }
      }
    });
    expect(refused).toBeGreaterThan(0);
    const problems = [...out.result.problems, ...out.result.units.flatMap((u) => u.problems), ...out.workbookProblems].map(
      (p) => p.message,
    );
    expect(problems.some((m) => /两种读法|无法确定单元格中的/.test(m))).toBe(true);
  });

  it('a styles part with elements exceljs would lose its place at is refused as damaged', async () => {
    const parts = unzipSync(fixture('original.xlsx'));
    const xml = strFromU8(parts['xl/styles.xml']).replace('<numFmts', '<row r="1"><c r="A1"><v>7</v></c></row><numFmts');
    expect(await refusal(zipSync({ ...parts, 'xl/styles.xml': strToU8(xml) }))).toBe(
      '文件已损坏：样式部件 xl/styles.xml 中有不属于 .xlsx 格式的内容，无法确定单元格的百分比等数字格式',
    );
  });
});

/** The message of the WorkbookError a file gives. */
async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await readWorkbook(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookError);
    return (e as WorkbookError).message;
  }
  throw new Error('the file was read');
}

/** No English from exceljs, JSZip or Node in a message (part paths are named on purpose). */
const ENGLISH_INTERNALS = /Cannot|undefined|reading|Error|Bug|unexpected|invalid|zip file|end of/i;

describe('damaged files get a Chinese message saying what could not be read', () => {
  const zipOf = (parts: Record<string, Uint8Array>) => zipSync(parts);
  const original = () => unzipSync(new Uint8Array(fixture('openpyxl.xlsx')));

  it('a file cut short (no zip directory)', async () => {
    const bytes = new Uint8Array(fixture('openpyxl.xlsx'));
    const message = await refusal(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(message).toBe('文件已损坏：找不到 zip 目录（文件不完整，可能下载或复制时被截断）');
  });

  it('a worksheet part cut short inside a valid zip names the part', async () => {
    const parts = original();
    const sheet = parts['xl/worksheets/sheet4.xml'];
    parts['xl/worksheets/sheet4.xml'] = sheet.subarray(0, Math.floor(sheet.length / 2));
    const message = await refusal(zipOf(parts));
    expect(message).toBe('文件已损坏：部件 xl/worksheets/sheet4.xml 不完整，无法读取（文件可能在保存或复制时被截断）');
    expect(message).not.toMatch(ENGLISH_INTERNALS);
  });

  it('a worksheet part missing names the sheet', async () => {
    const parts = original();
    delete parts['xl/worksheets/sheet5.xml'];
    const message = await refusal(zipOf(parts));
    expect(message).toMatch(/^文件已损坏：工作表 「.+」（xl\/worksheets\/sheet5\.xml） 的内容缺失$/);
  });

  it('corrupt compressed data names the part', async () => {
    const bytes = new Uint8Array(fixture('openpyxl.xlsx'));
    const at = Buffer.from(bytes).indexOf('xl/worksheets/sheet4.xml');
    const damaged = bytes.slice();
    // The local header of sheet4 is at `at - 30`; scramble its compressed data.
    for (let i = at + 200; i < at + 400; i++) damaged[i] = 0xff;
    const message = await refusal(damaged);
    expect(message).toMatch(/^文件已损坏：部件 xl\/worksheets\/sheet4\.xml /);
    expect(message).not.toMatch(ENGLISH_INTERNALS);
  });
});
