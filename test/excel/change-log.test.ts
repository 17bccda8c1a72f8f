/**
 * 变更记录 in the live workbook (src/excel/change-log.ts): the first append makes the sheet with its
 * header; later appends, also from a new writer opened on the saved sheet, go after the last row and
 * never rewrite one; values stay text (a 85% typed stays 「85%」, not 0.85).
 */
import { LiveChangeLog } from '../../src/excel/change-log';
import { CHANGE_LOG_HEADERS, CHANGE_LOG_SHEET, type ChangeRow } from '../../src/layout/change-log';
import { cleanup, newHost } from './helpers';

afterEach(cleanup);

const row = (unit: string, old: string, now: string): ChangeRow => ({
  unit,
  item: '3.2 信用承诺',
  field: '承诺率',
  column: '核定填报',
  old,
  now,
});
const at = new Date(2026, 11, 6, 9, 5, 7);

test('appends after the last row, makes the sheet once, keeps values as text, queues without syncing', async () => {
  const host = await newHost('1.8');
  await Excel.run(async (context) => {
    const log = await LiveChangeLog.open(context);
    const syncs = host.syncCount;
    log.append(context, [row('县公安局', '', '85%')], at, '自评导入');
    log.append(context, [row('县财政局', '3/17', '4/17'), row('县公安局', '85%', '90%')], at, '手工修改');
    expect(host.syncCount).toBe(syncs); // append only queues
    await context.sync();
  });
  expect(host.sheetNames()).toContain(CHANGE_LOG_SHEET);
  const grid = host.values(CHANGE_LOG_SHEET, 'A1:I5');
  expect(grid[0]).toEqual([...CHANGE_LOG_HEADERS]);
  expect(grid[1]).toEqual(['2026-12-06 09:05:07', '县公安局', '3.2 信用承诺', '承诺率', '核定填报', '', '85%', '自评导入', '']);
  expect(grid[2].slice(5, 8)).toEqual(['3/17', '4/17', '手工修改']);
  expect(grid[3].slice(5, 8)).toEqual(['85%', '90%', '手工修改']);
  expect(grid[4].every((v) => v === '' || v === null)).toBe(true);
  expect(host.cell(CHANGE_LOG_SHEET, 'G2').numberFormat).toBe('@');

  // A new session (the workbook saved and reopened) continues after row 4.
  await Excel.run(async (context) => {
    const log = await LiveChangeLog.open(context);
    log.append(context, [row('县公安局', '90%', '85%')], at, '恢复');
    await context.sync();
  });
  const after = host.values(CHANGE_LOG_SHEET, 'A1:I5');
  expect(after.slice(0, 4)).toEqual(grid.slice(0, 4)); // nothing rewritten
  expect(after[4].slice(5, 8)).toEqual(['90%', '85%', '恢复']);
});

test('nothing to log: no sheet is made', async () => {
  const host = await newHost('1.8');
  await Excel.run(async (context) => {
    const log = await LiveChangeLog.open(context);
    log.append(context, [], at, '手工修改');
    await context.sync();
  });
  expect(host.sheetNames()).not.toContain(CHANGE_LOG_SHEET);
});
