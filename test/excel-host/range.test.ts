/** Range contents, conversion rules, formats, validation, protection, navigation helpers, inspection. */
import { ExcelHost, createExcelHost, installGlobals, uninstallGlobals } from './index';

let host: ExcelHost;
beforeEach(() => {
  host = createExcelHost({ apiVersion: '1.9' });
  installGlobals(host);
});
afterEach(() => uninstallGlobals());

async function run<T>(f: (ws: Excel.Worksheet, ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(async (ctx) => f(ctx.workbook.worksheets.getItem('Sheet1'), ctx));
}

async function failure(
  f: (ws: Excel.Worksheet) => void,
): Promise<{ code?: string; message?: string; debugInfo?: { errorLocation?: string } }> {
  return run(async (ws, ctx) => {
    f(ws);
    await ctx.sync();
  }).then(
    () => ({ code: 'no error' }),
    (e) => e,
  );
}

describe('values and formulas', () => {
  test('writing strings converts like typing: numbers, leading zeros, 15 digits, booleans, errors, percent, dates', async () => {
    await run(async (ws) => {
      ws.getRange('A1:A9').values = [
        ['0012'],
        ['110101199003071234'],
        ['true'],
        ['#N/A'],
        ['50%'],
        ['1,234'],
        ['2024-03-01'],
        ["'0012"],
        ['  文本  '],
      ];
    });
    expect(host.values('Sheet1', 'A1:A9')).toEqual([
      [12],
      [110101199003071000],
      [true],
      ['#N/A'],
      [0.5],
      [1234],
      [45352],
      ['0012'],
      ['  文本  '],
    ]);
    expect(host.cell('Sheet1', 'A4').valueType).toBe('Error');
    expect(host.cell('Sheet1', 'A5')).toMatchObject({ numberFormat: '0%', text: '50%' });
    expect(host.cell('Sheet1', 'A7')).toMatchObject({ numberFormat: 'yyyy/m/d', text: '2024/3/1' });
  });

  test('text-formatted cells keep strings verbatim', async () => {
    await run(async (ws) => {
      ws.getRange('B1:B2').numberFormat = [['@'], ['@']];
      ws.getRange('B1:B2').values = [['0012'], ['110101199003071234']];
    });
    expect(host.values('Sheet1', 'B1:B2')).toEqual([['0012'], ['110101199003071234']]);
    expect(host.cell('Sheet1', 'B1').valueType).toBe('String');
  });

  test('the array must match the range; a scalar fills it; null leaves a cell unchanged', async () => {
    expect((await failure((ws) => void (ws.getRange('A1:B2').values = [[1, 2]]))).code).toBe('InvalidArgument');
    expect((await failure((ws) => void (ws.getRange('A1:B2').values = [[1]]))).code).toBe('InvalidArgument');
    await run(async (ws) => {
      ws.getRange('A1:B2').values = 7 as never;
      ws.getRange('A1:B2').values = [
        [null, 'x'],
        [Number.NaN, null],
      ] as never;
    });
    expect(host.values('Sheet1', 'A1:B2')).toEqual([
      [7, 'x'],
      [7, 7],
    ]);
  });

  test('formulas are stored, not calculated; values shows #FORMULA until setFormulaResult', async () => {
    await run(async (ws, ctx) => {
      ws.getRange('A1:A2').values = [[1], [2]];
      ws.getRange('A3').formulas = [['=SUM(A1:A2)']];
      ws.getRange('A4').values = [['=A1*10']];
      const r = ws.getRange('A1:A4').load('values,formulas,valueTypes,text');
      await ctx.sync();
      expect(r.formulas).toEqual([[1], [2], ['=SUM(A1:A2)'], ['=A1*10']]);
      expect(r.values).toEqual([[1], [2], ['#FORMULA'], ['#FORMULA']]);
      expect(r.valueTypes.flat()).toEqual(['Double', 'Double', 'Error', 'Error']);
    });
    host.setFormulaResult('Sheet1', 'A3', 3);
    expect(host.cell('Sheet1', 'A3')).toMatchObject({ value: 3, formula: '=SUM(A1:A2)', valueType: 'Double' });
  });

  test('text and valueTypes follow the number format', async () => {
    host.userEdit('Sheet1', 'A1', [[1234.5, -3, 0.256, true, '']]);
    await run(async (ws, ctx) => {
      ws.getRange('A1:C1').numberFormat = [['#,##0.00', '0.0;(0.0)', '0.0%']];
      const r = ws.getRange('A1:E1').load('text,valueTypes,numberFormat');
      await ctx.sync();
      expect(r.text).toEqual([['1,234.50', '(3.0)', '25.6%', 'TRUE', '']]);
      expect(r.valueTypes).toEqual([['Double', 'Double', 'Double', 'Boolean', 'Empty']]);
      expect(r.numberFormat[0][3]).toBe('General');
    });
  });

  test('address, indexes and counts', async () => {
    host.userAddSheet('县 公安局');
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets
        .getItem('县 公安局')
        .getRange('B2:D9')
        .load('address,rowIndex,columnIndex,rowCount,columnCount,cellCount');
      const row = ctx.workbook.worksheets.getItem('县 公安局').getRange('B2').getEntireRow().load('address,isEntireRow');
      await ctx.sync();
      expect([r.address, r.rowIndex, r.columnIndex, r.rowCount, r.columnCount, r.cellCount]).toEqual(["'县 公安局'!B2:D9", 1, 1, 8, 3, 24]);
      expect([row.address, row.isEntireRow]).toEqual(["'县 公安局'!2:2", true]);
    });
  });
});

describe('navigation', () => {
  test('getCell, getOffsetRange, getResizedRange, getRow/Column, getLastCell, bounding/intersection', async () => {
    await run(async (ws, ctx) => {
      const base = ws.getRange('B2:D4');
      const all = [
        base.getCell(1, 1),
        base.getOffsetRange(1, 1),
        base.getResizedRange(1, -1),
        base.getRow(2),
        base.getColumn(0),
        base.getLastCell(),
        base.getEntireColumn(),
        base.getBoundingRect('F6'),
        base.getIntersection('C3:Z9'),
        ws.getRangeByIndexes(9, 0, 2, 2),
        ws.getCell(0, 2),
      ].map((r) => r.load('address'));
      const none = base.getIntersectionOrNullObject('Z9');
      await ctx.sync();
      expect(all.map((r) => r.address.replace('Sheet1!', ''))).toEqual([
        'C3',
        'C3:E5',
        'B2:C5',
        'B4:D4',
        'B2:B4',
        'D4',
        'B:D',
        'B2:F6',
        'C3:D4',
        'A10:B11',
        'C1',
      ]);
      expect(none.isNullObject).toBe(true);
    });
    expect((await failure((ws) => void ws.getRange('A1').getOffsetRange(-1, 0).load('address'))).code).toBe('InvalidArgument');
  });

  test('used range: A1 on an empty sheet, null object with OrNullObject, values-only ignores formatting', async () => {
    await run(async (ws, ctx) => {
      const empty = ws.getUsedRange().load('address');
      const nothing = ws.getUsedRangeOrNullObject();
      await ctx.sync();
      expect(empty.address).toBe('Sheet1!A1');
      expect(nothing.isNullObject).toBe(true);
      ws.getRange('B2').values = [['x']];
      ws.getRange('E9').format.fill.color = '#FF0000';
      const used = ws.getUsedRange().load('address');
      const usedValues = ws.getUsedRange(true).load('address');
      await ctx.sync();
      expect([used.address, usedValues.address]).toEqual(['Sheet1!B2:E9', 'Sheet1!B2']);
    });
  });
});

describe('formats', () => {
  test('formats are stored per cell and read back; mixed values read as null', async () => {
    await run(async (ws, ctx) => {
      const r = ws.getRange('A1:B2');
      r.format.fill.color = 'Orange';
      r.format.font.set({ bold: true, color: '#1f4e79', size: 12, name: '宋体', italic: true });
      r.format.wrapText = true;
      r.format.horizontalAlignment = Excel.HorizontalAlignment.center;
      r.format.verticalAlignment = 'Top';
      ws.getRange('A1').format.font.bold = false;
      const whole = ws.getRange('A1:B2').format.load('wrapText,horizontalAlignment');
      const font = ws.getRange('A1:B2').format.font.load('bold,color,name');
      const fill = ws.getRange('A1:B2').format.fill.load('color');
      await ctx.sync();
      expect([whole.wrapText, whole.horizontalAlignment, font.bold, font.color, font.name, fill.color]).toEqual([
        true,
        'Center',
        null,
        '#1F4E79',
        '宋体',
        '#FFA500',
      ]);
    });
    expect(host.cell('Sheet1', 'B2')).toMatchObject({
      fill: '#FFA500',
      bold: true,
      fontColor: '#1F4E79',
      fontSize: 12,
      wrapText: true,
      verticalAlignment: 'Top',
    });
    expect(host.cell('Sheet1', 'C3').fill).toBeNull();
  });

  test('invalid colours, alignments and sizes are rejected', async () => {
    expect((await failure((ws) => void (ws.getRange('A1').format.fill.color = 'blurple'))).code).toBe('InvalidArgument');
    expect((await failure((ws) => void (ws.getRange('A1').format.horizontalAlignment = 'Middle' as never))).code).toBe('InvalidArgument');
    expect((await failure((ws) => void (ws.getRange('A1').format.rowHeight = 500))).code).toBe('InvalidArgument');
    expect((await failure((ws) => void (ws.getRange('A1').format.font.size = 0))).code).toBe('InvalidArgument');
  });

  test('borders share edges with the neighbouring cells', async () => {
    await run(async (ws) => {
      const b = ws.getRange('B2:C3').format.borders;
      b.getItem('EdgeTop').style = 'Continuous';
      b.getItem(Excel.BorderIndex.insideHorizontal).style = 'Dash';
      b.getItem('EdgeBottom').set({ style: 'Double', color: '#FF0000', weight: 'Thick' });
    });
    expect(host.cell('Sheet1', 'B2').borders.EdgeTop.style).toBe('Continuous');
    expect(host.cell('Sheet1', 'B1').borders.EdgeBottom.style).toBe('Continuous');
    expect(host.cell('Sheet1', 'C3').borders.EdgeTop.style).toBe('Dash');
    expect(host.cell('Sheet1', 'B3').borders.EdgeBottom).toEqual({ style: 'Double', color: '#FF0000', weight: 'Thick' });
  });

  test('whole columns are formatted without materialising a million cells', async () => {
    await run(async (ws, ctx) => {
      ws.getRange('D:D').format.protection.locked = false;
      ws.getRange('D:D').numberFormat = '@' as never;
      ws.getRange('1:1').format.font.bold = true;
      ws.getRange('D:D').format.columnWidth = 120;
      const p = ws.getRange('D5:D900000').format.protection.load('locked');
      await ctx.sync();
      expect(p.locked).toBe(false);
    });
    expect(host.cell('Sheet1', 'D500000')).toMatchObject({ locked: false, numberFormat: '@' });
    expect(host.cell('Sheet1', 'D1').bold).toBe(true);
    expect(host.columnWidth('Sheet1', 'D')).toBe(120);
    expect(host.model.sheets[0].cells.size).toBeLessThan(20000);
  });

  test('autofitColumns widens columns to their text (CJK counts double)', async () => {
    host.userEdit('Sheet1', 'A1', [['社会信用体系建设工作考核评分表', 'ab']]);
    await run(async (ws) => {
      ws.getRange('A1:B1').format.autofitColumns();
    });
    expect(host.columnWidth('Sheet1', 'A')).toBeGreaterThan(host.columnWidth('Sheet1', 'B') * 4);
  });
});

describe('merge, validation, protection', () => {
  test('merge keeps the upper-left value; across merges row by row; unmerge', async () => {
    host.userEdit('Sheet1', 'A1', [
      ['keep', 'lost'],
      ['x', 'y'],
    ]);
    await run(async (ws) => {
      ws.getRange('A1:B2').merge();
      ws.getRange('D1:E2').merge(true);
    });
    expect(host.values('Sheet1', 'A1:B2')).toEqual([
      ['keep', ''],
      ['', ''],
    ]);
    expect(host.merges('Sheet1')).toEqual(['A1:B2', 'D1:E1', 'D2:E2']);
    expect(host.cell('Sheet1', 'B2').merged).toBe('A1:B2');
    await run(async (ws) => ws.getRange('A1').unmerge());
    expect(host.merges('Sheet1')).toEqual(['D1:E1', 'D2:E2']);
  });

  test('data validation: rules are checked, stored and cleared; mixed ranges must be cleared first', async () => {
    await run(async (ws, ctx) => {
      ws.getRange('B2:B10').dataValidation.rule = { list: { inCellDropDown: true, source: '优秀,良好,合格' } };
      ws.getRange('B2:B10').dataValidation.prompt = { showPrompt: true, title: '等级', message: '请选择' };
      const dv = ws.getRange('B3').dataValidation.load('type,rule,prompt,ignoreBlanks');
      await ctx.sync();
      expect([dv.type, dv.rule, dv.prompt.message, dv.ignoreBlanks]).toEqual([
        'List',
        { list: { inCellDropDown: true, source: '优秀,良好,合格' } },
        '请选择',
        true,
      ]);
    });
    expect(host.validations('Sheet1')).toHaveLength(1);
    expect(
      (await failure((ws) => void (ws.getRange('B9:B12').dataValidation.rule = { decimal: { formula1: 0, operator: 'GreaterThan' } })))
        .code,
    ).toBe('InvalidArgument');
    expect(
      (await failure((ws) => void (ws.getRange('C1').dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'Between' } }))).code,
    ).toBe('InvalidArgument');
    expect(
      (await failure((ws) => void (ws.getRange('C1').dataValidation.rule = { list: { inCellDropDown: true, source: 'x'.repeat(256) } })))
        .code,
    ).toBe('InvalidArgument');
    await run(async (ws) => {
      ws.getRange('B9:B12').dataValidation.clear();
      ws.getRange('B9:B12').dataValidation.rule = { decimal: { formula1: 0, operator: 'GreaterThan' } };
    });
    expect(host.validations('Sheet1').map((v) => [v.type, v.areas])).toEqual([
      ['List', ['B2:B8']],
      ['Decimal', ['B9:B12']],
    ]);
    expect(host.cell('Sheet1', 'B5').validation?.type).toBe('List');
  });

  test('list validation can point at a range', async () => {
    host.userEdit('Sheet1', 'Z1', [['是'], ['否']]);
    await run(async (ws) => {
      ws.getRange('A1').dataValidation.rule = { list: { inCellDropDown: true, source: ws.getRange('Z1:Z2') as never } };
    });
    expect(host.cell('Sheet1', 'A1').validation?.rule).toEqual({ list: { inCellDropDown: true, source: '=Sheet1!$Z$1:$Z$2' } });
    expect(host.userType('Sheet1', 'A1', '否')).toBe(true);
    expect(host.userType('Sheet1', 'A1', '不')).toBe(false);
  });

  test('a protected sheet refuses writes to locked cells but accepts unlocked ones', async () => {
    await run(async (ws) => {
      ws.getRange('B2:B5').format.protection.locked = false;
      ws.protection.protect({ allowFormatColumns: true });
    });
    expect(host.protection('Sheet1')).toMatchObject({ protected: true, options: { allowFormatColumns: true } });
    const locked = await failure((ws) => void (ws.getRange('A1').values = [['x']]));
    expect(locked.code).toBe('AccessDenied');
    expect(locked.debugInfo?.errorLocation).toBe('Range.values');
    expect((await failure((ws) => void (ws.getRange('B2').format.fill.color = 'red'))).code).toBe('AccessDenied');
    expect((await failure((ws) => void (ws.getRange('B2').format.columnWidth = 80))).code).toBe('no error');
    expect((await failure((ws) => void (ws.getRange('B2:B5').values = [[1], [2], [3], [4]]))).code).toBe('no error');
    expect(() => host.userEdit('Sheet1', 'A1', [['typing']])).toThrow(/protected/);
    host.userEdit('Sheet1', 'B3', [['typing']]);
    await run(async (ws, ctx) => {
      ws.protection.unprotect();
      const p = ws.protection.load('protected');
      await ctx.sync();
      expect(p.protected).toBe(false);
    });
  });

  test('failProtect reproduces office-js #6784 (AccessDenied on redundant protect/unprotect)', async () => {
    expect((await failure((ws) => ws.protection.unprotect())).code).toBe('no error');
    host.failProtect = true;
    const err = await failure((ws) => ws.protection.unprotect());
    expect(err.code).toBe('AccessDenied');
    expect(err.debugInfo?.errorLocation).toBe('WorksheetProtection.unprotect');
    expect((await failure((ws) => ws.protection.protect())).code).toBe('no error');
    expect((await failure((ws) => ws.protection.protect())).code).toBe('AccessDenied');
    host.failProtect = 'always';
    expect((await failure((ws) => ws.protection.unprotect())).code).toBe('AccessDenied');
  });

  test('protect with a password needs the password to unprotect', async () => {
    await run(async (ws) => ws.protection.protect({}, 'pw'));
    expect((await failure((ws) => ws.protection.unprotect('wrong'))).code).toBe('InvalidArgument');
    expect((await failure((ws) => ws.protection.unprotect('pw'))).code).toBe('no error');
  });
});

describe('worksheet helpers', () => {
  test('freeze panes, activation, tab colour', async () => {
    host.userAddSheet('二');
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('二');
      ws.freezePanes.freezeRows(2);
      ws.activate();
      ws.tabColor = '#00B050';
      const loc = ws.freezePanes.getLocationOrNullObject().load('address');
      await ctx.sync();
      expect(loc.address).toBe('二!1:2');
      ws.freezePanes.freezeAt(ws.getRange('A1:B3'));
      await ctx.sync();
    });
    expect(host.frozen('二')).toEqual({ rows: 3, columns: 2 });
    expect(host.activeSheetName).toBe('二');
  });
});

test('page layout records checked values (1.9)', async () => {
  await run(async (ws) => {
    ws.pageLayout.paperSize = Excel.PaperType.a4;
    ws.pageLayout.zoom = { scale: 85 };
    ws.pageLayout.setPrintTitleRows(ws.getRange('A1:C2'));
  });
  expect(host.pageLayout('Sheet1')).toEqual({ paperSize: 'A4', zoom: { scale: 85 }, printTitleRows: '$1:$2' });
  expect((await failure((ws) => void (ws.pageLayout.paperSize = 'A99' as never))).code).toBe('InvalidArgument');
  expect((await failure((ws) => void (ws.pageLayout.orientation = 'Sideways' as never))).code).toBe('InvalidArgument');
});

describe('writes log', () => {
  test('records every range the add-in wrote with its sync number', async () => {
    await run(async (ws, ctx) => {
      ws.getRange('A1:C10').values = Array.from({ length: 10 }, () => [1, 2, 3]);
      ws.getRange('A1:C1').format.font.bold = true;
      await ctx.sync();
      ws.getRange('D1').values = [['x']];
      await ctx.sync();
    });
    expect(host.writesLog.map((w) => [w.sync, w.kind, w.address, w.cells])).toEqual([
      [1, 'values', 'A1:C10', 30],
      [1, 'format', 'A1:C1', 3],
      [2, 'values', 'D1', 1],
    ]);
    expect(host.cellsWritten({ kinds: ['values'] })).toBe(31);
    expect(host.cellsWritten({ sinceSync: 1 })).toBe(1);
  });
});
