/** Row/column insertion and deletion, sheet rename/delete: what moves and which references Excel adjusts. */
import { ExcelHost, createExcelHost, installGlobals, uninstallGlobals } from './index';

let host: ExcelHost;
beforeEach(() => {
  host = createExcelHost();
  installGlobals(host);
});
afterEach(() => uninstallGlobals());

async function setup(): Promise<void> {
  host.userAddSheet('县 公安局');
  host.userEdit('县 公安局', 'A1', [
    ['指标', '得分'],
    ['a', 1],
    ['b', 2],
    ['c', 3],
    ['d', 4],
    ['e', 5],
    ['f', 6],
  ]);
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('县 公安局');
    ctx.workbook.names.add('Score', ws.getRange('B7'));
    ctx.workbook.names.add('Block', ws.getRange('A2:B7'));
    ws.getRange('B7').format.fill.color = '#FFFF00';
    ws.getRange('B7').dataValidation.rule = { wholeNumber: { formula1: 0, formula2: 10, operator: 'Between' } };
    ws.getRange('C8').formulas = [['=SUM(B2:B7)+B7']];
    ws.getRange('D1:E1').merge();
    await ctx.sync();
  });
}

test('a row inserted above moves cells, formats, validation, names and formulas down (B7 → B8)', async () => {
  await setup();
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('县 公安局').getRange('5:5').insert(Excel.InsertShiftDirection.down);
    await ctx.sync();
  });
  expect(host.names().map((n) => [n.name, n.formula])).toEqual([
    ['Score', "='县 公安局'!$B$8"],
    ['Block', "='县 公安局'!$A$2:$B$8"],
  ]);
  expect(host.values('县 公安局', 'B4:B8')).toEqual([[3], [''], [4], [5], [6]]);
  const moved = host.cell('县 公安局', 'B8');
  expect(moved.fill).toBe('#FFFF00');
  expect(moved.validation?.areas).toEqual(['B8']);
  expect(host.cell('县 公安局', 'B7').validation).toBeNull();
  expect(host.cell('县 公安局', 'C9').formula).toBe('=SUM(B2:B8)+B8');
  expect(host.merges('县 公安局')).toEqual(['D1:E1']);
  await Excel.run(async (ctx) => {
    const r = ctx.workbook.names.getItem('Score').getRange().load('address,values');
    await ctx.sync();
    expect(r.address).toBe("'县 公安局'!B8");
    expect(r.values).toEqual([[6]]);
  });
});

test('getEntireRow().insert and the host-side userInsertRows behave the same', async () => {
  await setup();
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('县 公安局').getRange('A3').getEntireRow().insert('Down');
    await ctx.sync();
  });
  host.userInsertRows('县 公安局', 1, 2);
  expect(host.names()[0].formula).toBe("='县 公安局'!$B$10");
  expect(host.values('县 公安局', 'B10')).toEqual([[6]]);
});

test('inserted rows take the formatting of the row above', async () => {
  host.userEdit('Sheet1', 'A1', [['h']]);
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').getRange('A2').format.font.bold = true;
    await ctx.sync();
    ctx.workbook.worksheets.getItem('Sheet1').getRange('3:4').insert('Down');
    await ctx.sync();
  });
  expect([host.cell('Sheet1', 'A3').bold, host.cell('Sheet1', 'A4').bold, host.cell('Sheet1', 'A5').bold]).toEqual([true, true, false]);
});

test('deleting the referenced row turns names into #REF!', async () => {
  await setup();
  host.userDeleteRows('县 公安局', 7);
  expect(host.names().map((n) => n.formula)).toEqual(["='县 公安局'!#REF!", "='县 公安局'!$A$2:$B$6"]);
  expect(host.cell('县 公安局', 'C7').formula).toBe('=SUM(B2:B6)+#REF!');
  await Excel.run(async (ctx) => {
    const n = ctx.workbook.names.getItem('Score').load('type');
    const r = ctx.workbook.names.getItem('Score').getRangeOrNullObject();
    await ctx.sync();
    expect(n.type).toBe('Error');
    expect(r.isNullObject).toBe(true);
  });
});

test('Range.delete("Up") on whole rows, and columns shift references horizontally', async () => {
  await setup();
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('县 公安局');
    ws.getRange('2:3').delete('Up');
    ws.getRange('A:A').insert('Right');
    await ctx.sync();
  });
  expect(host.names()[0].formula).toBe("='县 公安局'!$C$5");
  expect(host.values('县 公安局', 'C5')).toEqual([[6]]);
});

test('tables grow when rows are inserted inside them and move when inserted above', async () => {
  host.userEdit('Sheet1', 'A3', [
    ['名称', '分'],
    ['x', 1],
    ['y', 2],
  ]);
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').tables.add('A3:B5', true);
    await ctx.sync();
  });
  expect(host.tables()[0].address).toBe('A3:B5');
  host.userInsertRows('Sheet1', 5);
  expect(host.tables()[0].address).toBe('A3:B6');
  host.userInsertRows('Sheet1', 1);
  expect(host.tables()[0]).toMatchObject({ address: 'A4:B7', rowCount: 3 });
});

test('shifting part of a table or merged area is refused', async () => {
  host.userEdit('Sheet1', 'A1', [
    ['h1', 'h2'],
    [1, 2],
  ]);
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').tables.add('A1:B2', true);
    await ctx.sync();
  });
  const err = await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').getRange('B1').insert('Down');
    await ctx.sync();
  }).catch((e) => e);
  expect(err.code).toBe('InvalidOperation');
  expect(host.tables()[0].address).toBe('A1:B2');
});

test('pushing data off the bottom of the sheet is refused', async () => {
  host.userEdit('Sheet1', 'A1048576', [['last']]);
  const err = await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').getRange('1:1').insert('Down');
    await ctx.sync();
  }).catch((e) => e);
  expect(err.code).toBe('NonBlankCellOffSheet');
});

test('renaming a sheet (API or user) rewrites names and formulas that point at it', async () => {
  await setup();
  host.userRenameSheet('县 公安局', '公安局');
  expect(host.names()[0].formula).toBe('=公安局!$B$7');
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').formulas = [['=公安局!B7*2']];
    ctx.workbook.worksheets.getItem('公安局').name = 'Police Dept';
    await ctx.sync();
  });
  expect(host.names()[0].formula).toBe("='Police Dept'!$B$7");
  expect(host.cell('Sheet1', 'A1').formula).toBe("='Police Dept'!B7*2");
  expect(() => host.userRenameSheet('Police Dept', 'bad/name')).toThrow();
});

test('deleting a sheet breaks references to it', async () => {
  await setup();
  host.userDeleteSheet('县 公安局');
  expect(host.names()[0].formula).toBe('=#REF!$B$7');
});

test('inserting rows in a protected sheet needs allowInsertRows', async () => {
  host.userProtectSheet('Sheet1');
  const err = await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').getRange('2:2').insert('Down');
    await ctx.sync();
  }).catch((e) => e);
  expect(err.code).toBe('AccessDenied');
  expect(() => host.userInsertRows('Sheet1', 2)).toThrow(/protected/);
  host.userUnprotectSheet('Sheet1');
  host.userProtectSheet('Sheet1', { allowInsertRows: true });
  host.userInsertRows('Sheet1', 2);
});
