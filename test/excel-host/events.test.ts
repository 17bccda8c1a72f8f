/** WorksheetChanged events: delivery, argument gating by requirement set, add-in echoes, loops, dropdown picks. */
import { ApiVersion, ExcelHost, createExcelHost, installGlobals, uninstallGlobals } from './index';

let host: ExcelHost;
afterEach(() => uninstallGlobals());

function open(apiVersion: ApiVersion): ExcelHost {
  host = createExcelHost({ apiVersion });
  installGlobals(host);
  return host;
}

async function listen(received: Excel.WorksheetChangedEventArgs[], sheet = 'Sheet1'): Promise<void> {
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).onChanged.add(async (e) => {
      received.push(e);
    });
    await ctx.sync();
  });
}

test('a handler is registered by sync, and user edits are delivered by flushEvents', async () => {
  open('1.9');
  const got: Excel.WorksheetChangedEventArgs[] = [];
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async (e) => void got.push(e));
    host.userEdit('Sheet1', 'A1', [['before registration']]);
    await ctx.sync();
  });
  await host.flushEvents();
  expect(got).toHaveLength(0);
  host.userEdit('Sheet1', 'B7', [['12']]);
  expect(got).toHaveLength(0);
  expect(host.pendingEvents).toBe(1);
  await host.flushEvents();
  expect(got).toHaveLength(1);
  expect(got[0]).toMatchObject({
    type: 'WorksheetChanged',
    changeType: 'RangeEdited',
    source: 'Local',
    worksheetId: host.sheetId('Sheet1'),
    address: 'B7',
  });
  expect(host.values('Sheet1', 'B7')).toEqual([[12]]);
});

test('ExcelApi 1.8: no details and no triggerSource', async () => {
  open('1.8');
  const got: Excel.WorksheetChangedEventArgs[] = [];
  await listen(got);
  host.userEdit('Sheet1', 'B7', [['x']]);
  await host.flushEvents();
  expect('details' in got[0]).toBe(false);
  expect('triggerSource' in got[0]).toBe(false);
});

test('ExcelApi 1.9: details for a single-cell edit only (office-js #5347)', async () => {
  open('1.9');
  const got: Excel.WorksheetChangedEventArgs[] = [];
  host.userEdit('Sheet1', 'B7', [[1]]);
  await listen(got);
  host.userEdit('Sheet1', 'B7', [['#DIV/0!']]);
  host.userEdit('Sheet1', 'B7:C8', [
    [1, 2],
    [3, 4],
  ]);
  await host.flushEvents();
  expect(got[0].details).toEqual({ valueBefore: 1, valueAfter: '#DIV/0!', valueTypeBefore: 'Double', valueTypeAfter: 'Error' });
  expect(got[1].address).toBe('B7:C8');
  expect(got[1].details).toBeUndefined();
  expect('triggerSource' in got[0]).toBe(false);
});

test('ExcelApi 1.14: triggerSource tells the add-in its own writes from the user', async () => {
  open('1.14');
  const got: Excel.WorksheetChangedEventArgs[] = [];
  await listen(got);
  host.userEdit('Sheet1', 'A1', [['user']]);
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [['add-in']];
    await ctx.sync();
  });
  await host.flushEvents();
  expect(got.map((e) => [e.address, e.triggerSource])).toEqual([
    ['A1', 'Unknown'],
    ['A2', 'ThisLocalAddin'],
  ]);
});

test("the add-in's own writes echo as events: one per written range, after the sync that applied them", async () => {
  open('1.9');
  const got: Excel.WorksheetChangedEventArgs[] = [];
  await listen(got);
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    ws.getRange('A1:B2').values = [
      [1, 2],
      [3, 4],
    ];
    ws.getRange('C1').formulas = [['=A1*2']];
    ws.getRange('D1').format.fill.color = 'yellow';
    await ctx.sync();
    ws.getRange('A1:B2').clear();
    await ctx.sync();
  });
  await host.flushEvents();
  expect(got.map((e) => [e.address, e.source, e.changeType])).toEqual([
    ['A1:B2', 'Local', 'RangeEdited'],
    ['C1', 'Local', 'RangeEdited'],
    ['A1:B2', 'Local', 'RangeEdited'],
  ]);
  // Sync 1 registered the handler.
  expect(host.eventsFired.map((e) => [e.origin, e.sync])).toEqual([
    ['addin', 2],
    ['addin', 2],
    ['addin', 3],
  ]);
});

test('a handler that writes back into the sheet it listens to loops until flushEvents gives up', async () => {
  open('1.9');
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async () => {
      await Excel.run(async (c) => {
        c.workbook.worksheets.getItem('Sheet1').getRange('Z1').values = [[Date.now()]];
        await c.sync();
      });
    });
    await ctx.sync();
  });
  host.userEdit('Sheet1', 'A1', [['go']]);
  await expect(host.flushEvents({ maxRounds: 5 })).rejects.toThrow(/still being raised after 5 rounds/);
  expect(host.eventsFired.length).toBe(5);
});

test('a handler that ignores its own echoes (triggerSource) settles', async () => {
  open('1.14');
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async (e) => {
      if (e.triggerSource === Excel.EventTriggerSource.thisLocalAddin) return;
      await Excel.run(async (c) => {
        const src = e.getRange(c).load('values');
        await c.sync();
        c.workbook.worksheets.getItem('Sheet1').getRange('Z1').values = [[`saw ${src.values[0][0]}`]];
        await c.sync();
      });
    });
    await ctx.sync();
  });
  host.userEdit('Sheet1', 'A1', [['go']]);
  await host.flushEvents();
  expect(host.values('Sheet1', 'Z1')).toEqual([['saw go']]);
  expect(host.eventsFired.map((e) => e.origin)).toEqual(['user', 'addin']);
});

test('worksheets.onChanged needs ExcelApi 1.9 (ApiNotFound before); then it fires for every sheet', async () => {
  open('1.8');
  await Excel.run(async (ctx) => {
    expect(() => ctx.workbook.worksheets.onChanged).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
  });
  uninstallGlobals();
  open('1.9');
  host.userAddSheet('二');
  const got: Excel.WorksheetChangedEventArgs[] = [];
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.onChanged.add(async (e) => void got.push(e));
    await ctx.sync();
  });
  host.userEdit('Sheet1', 'A1', [['1']]);
  host.userEdit('二', 'A1', [['2']]);
  await host.flushEvents();
  expect(got.map((e) => e.worksheetId)).toEqual([host.sheetId('Sheet1'), host.sheetId('二')]);
});

test('picking from an in-cell dropdown writes without any event (office-js #4066)', async () => {
  open('1.9');
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').getRange('B2').dataValidation.rule = { list: { inCellDropDown: true, source: '是,否' } };
    await ctx.sync();
  });
  const got: Excel.WorksheetChangedEventArgs[] = [];
  await listen(got);
  host.userPickFromDropdown('Sheet1', 'B2', '否');
  await host.flushEvents();
  expect(host.values('Sheet1', 'B2')).toEqual([['否']]);
  expect(got).toHaveLength(0);
  expect(() => host.userPickFromDropdown('Sheet1', 'B2', '也许')).toThrow(/not in the dropdown/);
  expect(() => host.userPickFromDropdown('Sheet1', 'C2', '是')).toThrow(/no list validation/);
});

test('removing a handler (EventHandlerResult.remove + sync) stops delivery', async () => {
  open('1.9');
  const got: unknown[] = [];
  let reg: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
  await Excel.run(async (ctx) => {
    reg = ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async (e) => void got.push(e));
    await ctx.sync();
  });
  expect(host.handlerCount).toBe(1);
  await Excel.run(reg!.context, async (ctx) => {
    reg!.remove();
    await ctx.sync();
  });
  host.userEdit('Sheet1', 'A1', [['x']]);
  await host.flushEvents();
  expect(got).toHaveLength(0);
  expect(host.handlerCount).toBe(0);
});

test('handler errors are rethrown by flushEvents after delivery', async () => {
  open('1.9');
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async () => {
      throw new Error('handler failed');
    });
    await ctx.sync();
  });
  host.userEdit('Sheet1', 'A1', [['x']]);
  await expect(host.flushEvents()).rejects.toThrow('handler failed');
  expect(host.handlerErrors).toHaveLength(1);
});

test('structural changes raise RowInserted / RowDeleted', async () => {
  open('1.9');
  const got: Excel.WorksheetChangedEventArgs[] = [];
  await listen(got);
  host.userInsertRows('Sheet1', 5, 2);
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').getRange('3:3').delete('Up');
    await ctx.sync();
  });
  await host.flushEvents();
  expect(got.map((e) => [e.changeType, e.address])).toEqual([
    ['RowInserted', '5:6'],
    ['RowDeleted', '3:3'],
  ]);
});

test('typing respects data validation with a Stop alert; pasting does not', async () => {
  open('1.9');
  await Excel.run(async (ctx) => {
    const dv = ctx.workbook.worksheets.getItem('Sheet1').getRange('C2:C10').dataValidation;
    dv.rule = { wholeNumber: { formula1: 0, formula2: 100, operator: Excel.DataValidationOperator.between } };
    dv.errorAlert = { showAlert: true, style: 'Stop', title: '错误', message: '0-100' };
    await ctx.sync();
  });
  expect(host.userType('Sheet1', 'C2', '150')).toBe(false);
  expect(host.userType('Sheet1', 'C2', '1.5')).toBe(false);
  expect(host.userType('Sheet1', 'C2', '99')).toBe(true);
  host.userEdit('Sheet1', 'C3', [['150']]);
  expect(host.values('Sheet1', 'C2:C3')).toEqual([[99], [150]]);
  await Excel.run(async (ctx) => {
    const valid = ctx.workbook.worksheets.getItem('Sheet1').getRange('C2:C3').dataValidation.load('valid');
    const one = ctx.workbook.worksheets.getItem('Sheet1').getRange('C2').dataValidation.load('valid');
    await ctx.sync();
    expect(valid.valid).toBeNull();
    expect(one.valid).toBe(true);
  });
});

test('selection: userSelect and range.select record the selection', async () => {
  open('1.9');
  host.userSelect('Sheet1', 'B2:C3');
  expect(host.selectedAddress).toBe('Sheet1!B2:C3');
  host.userAddSheet('县 公安局');
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('县 公安局').getRange('D4').select();
    await ctx.sync();
    const sel = ctx.workbook.getSelectedRange().load('address');
    await ctx.sync();
    expect(sel.address).toBe("'县 公安局'!D4");
  });
  expect(host.selectedAddress).toBe("'县 公安局'!D4");
  expect(host.activeSheetName).toBe('县 公安局');
});
