/**
 * 变更记录 in file mode: inputs typed in another program (exceljs, openpyxl) since the tool last
 * scored or collected the file are appended as 手工修改 rows, against the very hidden `_cs_inputs`
 * snapshot. The first scoring (and a workbook made before the snapshot existed) logs nothing and
 * writes the baseline; a collect's 自评导入 values are not logged again as 手工修改.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { definedNameFor } from '../../src/layout/plan';
import { indexBlock } from '../../src/layout/binding';
import { INPUTS_SHEET } from '../../src/layout/input-snapshot';
import { unitKey } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import { blankWorkbook } from '../../src/xlsx/blank-workbook';
import { CHANGE_LOG_SHEET } from '../../src/xlsx/change-log';
import { collectForms } from '../../src/xlsx/collect';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { makeForms } from '../../src/xlsx/forms';
import { readInputSnapshot, writeInputSnapshot } from '../../src/xlsx/input-snapshot';
import { parseReference } from '../../src/xlsx/read-workbook';
import { parameterSlots } from '../../src/rubric/parameters';
import { fillParameters, sampleParameters, scratch } from './helpers';

const ROOT = resolve(__dirname, '../..');
const PYTHON = '/usr/bin/python3';
const loaded = loadBuiltin('hengdong-2020-members');
const roster = loaded.rubric.defaultRoster!.slice(0, 2).map((u) => ({ name: u.name, group: u.group }));
const keys = roster.map((_, i) => unitKey(i));
const dir = scratch('cs-filelog-');
const FILE = '衡东县考核.xlsx';
const T = (n: number) => new Date(`2026-03-0${n}T10:00:00`);

/** The sheet, row and column (1-based) of a unit's 核定填报 cell for a row key, through the block's name and key column. */
function inputCell(wb: ExcelJS.Workbook, key: string, rowKey: string): { sheet: string; row: number; col: number } {
  const entry = wb.definedNames.model.find((d) => d.name === definedNameFor(key))!;
  const parts = entry.ranges.map((r) => parseReference(r)!);
  const top = Math.min(...parts.map((p) => p.top));
  const left = Math.min(...parts.map((p) => p.left));
  const bottom = Math.max(...parts.map((p) => p.bottom));
  const right = Math.max(...parts.map((p) => p.right));
  const ws = wb.getWorksheet(parts[0].sheetName)!;
  const grid = [];
  for (let r = top; r <= bottom; r++) {
    const row = [];
    for (let c = left; c <= right; c++) {
      const v = ws.getCell(r, c).value;
      row.push(typeof v === 'string' || typeof v === 'number' ? v : null);
    }
    grid.push(row);
  }
  const indexed = indexBlock(grid);
  if (!indexed.ok) throw new Error(indexed.message);
  return { sheet: ws.name, row: top + indexed.index.rows.get(rowKey)!, col: left + indexed.index.cols.get('input')! };
}

type Typed = [unit: number, rowKey: string, value: string | number | null, percent?: boolean];

/** Types values the way a script does with exceljs. */
async function typeWithExceljs(buffer: ArrayBuffer, typed: Typed[]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  for (const [unit, rowKey, value, percent] of typed) {
    const at = inputCell(wb, keys[unit], rowKey);
    const cell = wb.getWorksheet(at.sheet)!.getCell(at.row, at.col);
    cell.value = value;
    // true: a percent cell; false: a cell whose percent format was lost (General), as another program may leave it.
    if (percent === true) cell.numFmt = '0%';
    else if (percent === false) cell.numFmt = 'General';
  }
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

/** Types values with openpyxl (the cells found by exceljs through the names; openpyxl keeps each cell's format). */
async function typeWithOpenpyxl(buffer: ArrayBuffer, typed: Typed[], name: string): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  const cells = typed.map(([unit, rowKey, value]) => ({ ...inputCell(wb, keys[unit], rowKey), value }));
  const src = join(dir, `${name}-in.xlsx`);
  const out = join(dir, `${name}.xlsx`);
  writeFileSync(src, Buffer.from(buffer));
  const script = [
    'import json, sys, openpyxl',
    'wb = openpyxl.load_workbook(sys.argv[1])',
    'for c in json.loads(sys.argv[3]): wb[c["sheet"]].cell(c["row"], c["col"]).value = c["value"]',
    'wb.save(sys.argv[2])',
  ].join('\n');
  execFileSync(PYTHON, ['-c', script, src, out, JSON.stringify(cells)], { stdio: 'pipe', timeout: 120_000 });
  const bytes = readFileSync(out);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** The rows of 变更记录 below its header, as text; [] without the sheet. */
async function logRows(buffer: ArrayBuffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  const ws = wb.getWorksheet(CHANGE_LOG_SHEET);
  if (!ws) return [];
  const rows: string[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) rows.push(Array.from({ length: 9 }, (_, i) => String(row.getCell(i + 1).value ?? '')));
  });
  return rows;
}

async function sheetState(buffer: ArrayBuffer, name: string): Promise<string | undefined> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  return wb.getWorksheet(name)?.state;
}

describe('file mode appends 手工修改 rows to 变更记录', () => {
  let blank: ArrayBuffer;
  let typed: ArrayBuffer;
  beforeAll(async () => {
    blank = (await blankWorkbook(loaded, roster, { createdAt: '2026-01-05T08:00:00.000Z' })).buffer;
    typed = await typeWithExceljs(blank, [
      [0, 'i|一|leader', '是'],
      [0, 'i|五|commitments', 3],
      [0, 'i|八|share', 0.85, true],
      [0, 'i|六|reports', 2],
      [1, 'i|五|commitments', 7],
    ]);
  }, 60_000);

  it('logs each value typed with exceljs and with openpyxl since the last scoring, once, and nothing when unchanged', async () => {
    // First scoring: the baseline, nothing logged.
    const first = await scoreFilledWorkbook(typed, { fileName: FILE, now: T(1) });
    expect(first.changesLogged).toBe(0);
    expect(await logRows(first.scored)).toEqual([]);
    expect(await sheetState(first.scored, INPUTS_SHEET)).toBe('veryHidden');

    // exceljs: a number and a yes/no changed.
    const byExceljs = await typeWithExceljs(first.scored, [
      [0, 'i|五|commitments', 5],
      [0, 'i|一|leader', '否'],
    ]);
    const second = await scoreFilledWorkbook(byExceljs, { fileName: FILE, now: T(2) });
    const firstRows = [
      ['2026-03-02 10:00:00', roster[0].name, expect.stringMatching(/^一 /), expect.any(String), '核定填报', '是', '否', '手工修改', FILE],
      ['2026-03-02 10:00:00', roster[0].name, expect.stringMatching(/^五 /), expect.any(String), '核定填报', '3', '5', '手工修改', FILE],
    ];
    expect(second.changesLogged).toBe(2);
    expect(await logRows(second.scored)).toEqual(firstRows);

    // openpyxl: the percent 85% → 90% (the cell keeps its percent format) and an input cleared.
    const byOpenpyxl = await typeWithOpenpyxl(
      second.scored,
      [
        [0, 'i|八|share', 0.9],
        [0, 'i|六|reports', null],
      ],
      'openpyxl',
    );
    const third = await scoreFilledWorkbook(byOpenpyxl, { fileName: FILE, now: T(3) });
    expect(third.changesLogged).toBe(2);
    const rows = await logRows(third.scored);
    // The earlier rows are unchanged, the new ones appended after them, in the table's order.
    expect(rows.slice(0, 2)).toEqual(firstRows);
    expect(rows.slice(2)).toEqual([
      ['2026-03-03 10:00:00', roster[0].name, expect.stringMatching(/^六 /), expect.any(String), '核定填报', '2', '', '手工修改', FILE],
      [
        '2026-03-03 10:00:00',
        roster[0].name,
        expect.stringMatching(/^八 /),
        expect.any(String),
        '核定填报',
        '85%',
        '90%',
        '手工修改',
        FILE,
      ],
    ]);

    // Scored again without changes: nothing appended.
    const fourth = await scoreFilledWorkbook(third.scored, { fileName: FILE, now: T(4) });
    expect(fourth.changesLogged).toBe(0);
    expect(await logRows(fourth.scored)).toEqual(rows);
  }, 120_000);

  it('logs no row for a value retyped in another spelling (85% as 85 in a General cell, 3 as 3项)', async () => {
    const first = await scoreFilledWorkbook(typed, { fileName: FILE, now: T(1) });
    // 八's share reads a bare number as percent points (bare: percent): 85 is 85 %; 五 counts 项.
    const retyped = await typeWithExceljs(first.scored, [
      [0, 'i|八|share', 85, false],
      [0, 'i|五|commitments', '3项'],
      [1, 'i|五|commitments', 6],
    ]);
    const second = await scoreFilledWorkbook(retyped, { fileName: FILE, now: T(2) });
    expect((await logRows(second.scored)).map((r) => [r[1], r[5], r[6]])).toEqual([[roster[1].name, '7', '6']]);
    expect(second.changesLogged).toBe(1);
  }, 120_000);

  it('gives a workbook made before the snapshot existed its baseline, scoring it as before', async () => {
    const scored = await scoreFilledWorkbook(typed, { now: T(1) });
    // The same file without _cs_inputs (as every workbook made before this change), then a value changed.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(scored.scored);
    wb.removeWorksheet(wb.getWorksheet(INPUTS_SHEET)!.id);
    const older = await typeWithExceljs((await wb.xlsx.writeBuffer()) as ArrayBuffer, [[1, 'i|五|commitments', 9]]);
    const baseline = await scoreFilledWorkbook(older, { now: T(2) });
    expect(baseline.changesLogged).toBe(0);
    expect(await logRows(baseline.scored)).toEqual([]);
    expect(await sheetState(baseline.scored, INPUTS_SHEET)).toBe('veryHidden');
    // Scored as before: the same result as the file scored without any snapshot logic involved (blank + the same typing).
    const same = await scoreFilledWorkbook(await typeWithExceljs(typed, [[1, 'i|五|commitments', 9]]), { now: T(2) });
    expect(baseline.result.units).toEqual(same.result.units);
    // From the baseline on, changes are logged.
    const next = await scoreFilledWorkbook(await typeWithExceljs(baseline.scored, [[1, 'i|五|commitments', 4]]), { now: T(3) });
    expect((await logRows(next.scored)).map((r) => [r[1], r[5], r[6], r[7]])).toEqual([[roster[1].name, '9', '4', '手工修改']]);
  }, 120_000);

  it('does not log a collect’s 自评导入 values again as 手工修改', async () => {
    const made = await makeForms(blank, new Date('2026-01-06T00:00:00Z'));
    const form = made.forms.find((f) => f.unitKey === keys[1])!;
    const formPath = join(dir, form.fileName);
    writeFileSync(formPath, Buffer.from(form.buffer));
    const spec = join(dir, 'spec.json');
    writeFileSync(spec, JSON.stringify({ values: { 'i|一|leader': '是', 'i|五|commitments': 6, 'i|八|share': '85%' }, evidence: {} }));
    const filled = join(dir, 'filled-1.xlsx');
    execFileSync(PYTHON, [join(ROOT, 'scripts', 'fill-form.py'), formPath, spec, filled], { stdio: 'pipe', timeout: 120_000 });
    const scoredOnce = await scoreFilledWorkbook(typed, { now: T(1) });
    const collected = await collectForms(scoredOnce.scored, [{ name: 'filled-1.xlsx', bytes: readFileSync(filled) }], { now: T(2) });
    expect(collected.accepted).toHaveLength(1);
    const imported = await logRows(collected.scored.scored);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.every((r) => r[7] === '自评导入')).toBe(true);
    // 八 was empty in 核定填报 for this unit: prefilled from the form, logged once as 自评导入.
    expect(imported.filter((r) => r[4] === '核定填报' && r[5] === '' && r[6] === '85%')).toHaveLength(1);
    const after = await scoreFilledWorkbook(collected.scored.scored, { now: T(3) });
    expect(after.changesLogged).toBe(0);
    expect(await logRows(after.scored)).toEqual(imported);
  }, 180_000);

  it('names the files in a collect’s rows: the workbook for 手工修改 typed in it, the form for 自评导入', async () => {
    const made = await makeForms(blank, new Date('2026-01-06T00:00:00Z'));
    const form = made.forms.find((f) => f.unitKey === keys[0])!;
    const formPath = join(dir, form.fileName);
    writeFileSync(formPath, Buffer.from(form.buffer));
    const spec = join(dir, 'spec-files.json');
    writeFileSync(spec, JSON.stringify({ values: { 'i|五|commitments': 4 }, evidence: {} }));
    const filled = join(dir, 'filled-files.xlsx');
    execFileSync(PYTHON, [join(ROOT, 'scripts', 'fill-form.py'), formPath, spec, filled], { stdio: 'pipe', timeout: 120_000 });
    const scoredOnce = await scoreFilledWorkbook(typed, { now: T(1) });
    // Typed in the workbook after its scoring, before the collect: a 手工修改 the collect logs.
    const edited = await typeWithExceljs(scoredOnce.scored, [[1, 'i|五|commitments', 8]]);
    const collected = await collectForms(edited, [{ name: '回收-表.xlsx', bytes: readFileSync(filled) }], { now: T(2), fileName: FILE });
    const rows = await logRows(collected.scored.scored);
    const typedRows = rows.filter((r) => r[7] === '手工修改');
    expect(typedRows.map((r) => [r[1], r[5], r[6], r[8]])).toEqual([[roster[1].name, '7', '8', FILE]]);
    const imported = rows.filter((r) => r[7] === '自评导入');
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.every((r) => r[8] === '回收-表.xlsx')).toBe(true);
  }, 180_000);
});

describe('the _cs_inputs sheet', () => {
  it('keeps a unit line longer than a cell holds across cells, and reads it back whole', () => {
    const wb = new ExcelJS.Workbook();
    const long = '台账'.repeat(40_000); // 80,000 characters of 佐证材料, beyond Excel's 32,767 a cell
    const unit = {
      key: 'u0',
      name: '县发改局',
      inputs: [{ column: '佐证材料' as const, rowKey: 'i|一|leader', indicatorId: '一', fieldId: 'evidence', row: 2, col: 8, text: long }],
    };
    writeInputSnapshot(wb, [unit]);
    const ws = wb.getWorksheet(INPUTS_SHEET)!;
    expect(String(ws.getCell(2, 3).value).length).toBeGreaterThan(0);
    for (let c = 1; c <= 4; c++) expect(String(ws.getCell(2, c).value ?? '').length).toBeLessThanOrEqual(32_767);
    expect(readInputSnapshot(wb)!.get('u0')!.values).toEqual({ 佐证材料: { 'i|一|leader': long } });
    // Replaced by a shorter snapshot: no piece of the longer one is left behind.
    writeInputSnapshot(wb, [{ ...unit, inputs: [{ ...unit.inputs[0], text: '台账' }] }]);
    expect(ws.getCell(2, 2).value).toBeNull();
    expect(readInputSnapshot(wb)!.get('u0')!.values).toEqual({ 佐证材料: { 'i|一|leader': '台账' } });
  });
});

describe('file mode logs the 参数 sheet’s values', () => {
  it('appends a 手工修改 row named 参数 and the parameter’s label when a value set there changes, once', async () => {
    const chaoyang = loadBuiltin('chaoyang-2020-method');
    const units = [{ name: '市发改委', group: '成员单位' }];
    const made = (await blankWorkbook(chaoyang, units, { createdAt: '2026-01-05T08:00:00.000Z' })).buffer;
    const slot = parameterSlots(chaoyang.rubric)[0];
    const withParams = async (buffer: ArrayBuffer, value: number | string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buffer);
      fillParameters(wb, { ...sampleParameters(chaoyang.rubric), [slot.key]: value });
      return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
    };
    const first = await scoreFilledWorkbook(await withParams(made, 6.25), { fileName: FILE, now: T(1) });
    expect(first.changesLogged).toBe(0);
    // 6.25 → 6.5: every unit's item scores out of another maximum.
    const second = await scoreFilledWorkbook(await withParams(first.scored, 6.5), { fileName: FILE, now: T(2) });
    expect(await logRows(second.scored)).toEqual([
      ['2026-03-02 10:00:00', '参数', '参数', slot.label, '设定值', '6.25', '6.5', '手工修改', FILE],
    ]);
    // Retyped as 6.50 (text): the same value, no row; scored again: none either.
    const third = await scoreFilledWorkbook(await withParams(second.scored, '6.50'), { fileName: FILE, now: T(3) });
    expect(third.changesLogged).toBe(0);
    expect(await logRows(third.scored)).toHaveLength(1);
  }, 120_000);
});
