/**
 * Problems point at their cell in file mode (issue 14 point 4): a filled workbook with a bad value
 * gives the sheet and the A1 address of that cell in scoreFilledWorkbook's result (`locate`), and the
 * CLI's `annex` prints them after the problem. The expected address is exceljs' own `cell.address`
 * of the cell the value was typed into, found through the defined name and key column (helpers.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { definedNameFor } from '../../src/layout/plan';
import { unitKey } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import { blankWorkbook } from '../../src/xlsx/blank-workbook';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { parseReference } from '../../src/xlsx/read-workbook';
import { runCli } from '../cli/run-cli';
import { scratch } from './helpers';

const loaded = loadBuiltin('hegang-2022-counties');
const roster = [
  { name: '萝北县', group: '县区' },
  { name: '绥滨县', group: '县区' },
];

/** The input cell of one field of a unit sheet, found as a script would: name → key column → input column. */
function inputCell(wb: ExcelJS.Workbook, key: string, indicatorId: string, fieldId: string): ExcelJS.Cell {
  const ref = parseReference(wb.definedNames.model.find((d) => d.name === definedNameFor(key))!.ranges[0])!;
  const ws = wb.getWorksheet(ref.sheetName)!;
  const header = ws.getRow(ref.top);
  let keyCol = 0;
  let inputCol = 0;
  header.eachCell((c, col) => {
    if (c.value === 'key') keyCol = col;
    if (c.value === 'input') inputCol = col;
  });
  for (let r = ref.top + 1; r <= ws.rowCount; r++)
    if (ws.getCell(r, keyCol).value === `i|${indicatorId}|${fieldId}` || ws.getCell(r, keyCol).value === `f|${indicatorId}|${fieldId}`)
      return ws.getCell(r, inputCol);
  throw new Error(`no input row for ${indicatorId}|${fieldId}`);
}

async function workbookWithBadValue(): Promise<{ bytes: Uint8Array; address: string }> {
  const { buffer } = await blankWorkbook(loaded, roster);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  // 一.1 "是否召开信用工作会议" is a 是/否 field: 「也许」 is neither.
  const cell = inputCell(wb, unitKey(1), '一.1', 'meeting');
  cell.value = '也许';
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), address: cell.address };
}

it('file mode gives the sheet and cell of a bad value', async () => {
  const { bytes, address } = await workbookWithBadValue();
  expect(address).toMatch(/^[A-Z]+\d+$/);
  const out = await scoreFilledWorkbook(bytes);
  const bad = out.problems.find((p) => p.severity === 'error' && p.unit === '绥滨县');
  expect(bad).toMatchObject({ indicatorId: '一.1', fieldId: 'meeting' });
  expect(bad!.message).toContain('也许');
  expect(out.locate(unitKey(1), bad!.indicatorId, bad!.fieldId)).toEqual({ sheet: '绥滨县', cell: address });
  // The other unit's same field is on its own sheet, same row and column (both sheets share one layout).
  expect(out.locate(unitKey(0), '一.1', 'meeting')).toEqual({ sheet: '萝北县', cell: address });
  // An indicator the sheet does not have, or an unknown unit: nowhere.
  expect(out.locate(unitKey(0), '九.9', 'x')).toBeUndefined();
  expect(out.locate('U9999', '一.1', 'meeting')).toBeUndefined();
}, 60_000);

it('credit-score annex prints the sheet and cell after the problem', async () => {
  const { bytes, address } = await workbookWithBadValue();
  const dir = scratch();
  writeFileSync(join(dir, '考核表.xlsx'), bytes);
  const r = await runCli(['annex', '考核表.xlsx'], dir);
  expect(r.code).toBe(0);
  const line = r.out.split('\n').find((l) => l.startsWith('  [错误]') && l.includes('也许'));
  expect(line).toBeDefined();
  expect(line!.endsWith(`（工作表「绥滨县」 单元格 ${address}）`)).toBe(true);
  // The input is untouched, and the outputs carry no location text (printing only).
  expect(Buffer.compare(readFileSync(join(dir, '考核表.xlsx')), Buffer.from(bytes))).toBe(0);
}, 60_000);
