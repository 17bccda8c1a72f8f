/** Worksheets (naming rules, ids, order, visibility), defined names, settings, custom XML parts. */
import { ExcelHost, createExcelHost, installGlobals, uninstallGlobals } from './index';

let host: ExcelHost;
beforeEach(() => {
  host = createExcelHost();
  installGlobals(host);
});
afterEach(() => uninstallGlobals());

async function errorOf(batch: (ctx: Excel.RequestContext) => Promise<unknown>): Promise<{ code?: string; message?: string } | undefined> {
  try {
    await Excel.run(async (ctx) => {
      await batch(ctx);
      await ctx.sync();
    });
  } catch (e) {
    return e as { code?: string };
  }
  return undefined;
}

describe('worksheet names', () => {
  test.each([
    ['x'.repeat(32), 'InvalidArgument'],
    ['a:b', 'InvalidArgument'],
    ['a\\b', 'InvalidArgument'],
    ['a/b', 'InvalidArgument'],
    ['a?b', 'InvalidArgument'],
    ['a*b', 'InvalidArgument'],
    ['a[b]', 'InvalidArgument'],
    ["'quoted", 'InvalidArgument'],
    ["quoted'", 'InvalidArgument'],
    ['History', 'InvalidArgument'],
    ['history', 'InvalidArgument'],
    ['', 'InvalidArgument'],
    ['SHEET1', 'ItemAlreadyExists'],
  ])('renaming to %j fails with %s', async (name, code) => {
    host.userAddSheet('Other');
    const err = await errorOf(async (ctx) => {
      ctx.workbook.worksheets.getItem('Other').name = name;
    });
    expect(err?.code).toBe(code);
    expect(host.sheetNames()).toEqual(['Sheet1', 'Other']);
  });

  test('valid names include Chinese, spaces and 31 characters; adding a duplicate fails', async () => {
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add('县 公安局');
      ctx.workbook.worksheets.add('x'.repeat(31));
      ctx.workbook.worksheets.getItem('Sheet1').name = "评分 (2024)'s";
      await ctx.sync();
    });
    expect(host.sheetNames()).toEqual(["评分 (2024)'s", '县 公安局', 'x'.repeat(31)]);
    expect((await errorOf(async (ctx) => void ctx.workbook.worksheets.add('县 公安局')))?.code).toBe('ItemAlreadyExists');
  });

  test('add() without a name picks the next SheetN', async () => {
    await Excel.run(async (ctx) => {
      const a = ctx.workbook.worksheets.add();
      const b = ctx.workbook.worksheets.add();
      a.load('name');
      b.load('name');
      await ctx.sync();
      expect([a.name, b.name]).toEqual(['Sheet2', 'Sheet3']);
    });
  });
});

describe('worksheet ids and order', () => {
  test('ids are GUID-like, survive rename, and getItem accepts name (case-insensitive) or id', async () => {
    const id = host.sheetId('Sheet1');
    expect(id).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('sheet1');
      ws.name = '考核';
      await ctx.sync();
      ws.load('id,name');
      const byId = ctx.workbook.worksheets.getItem(id).load('name');
      await ctx.sync();
      expect([ws.id, ws.name, byId.name]).toEqual([id, '考核', '考核']);
    });
    host.userRenameSheet('考核', '考核2');
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(id).load('name');
      await ctx.sync();
      expect(ws.name).toBe('考核2');
    });
  });

  test('a proxy keeps pointing at its sheet after the user renames it between syncs', async () => {
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.load('name');
      await ctx.sync();
      host.userRenameSheet('Sheet1', 'Renamed');
      ws.getRange('A1').values = [['still me']];
      ws.load('name');
      await ctx.sync();
      expect(ws.name).toBe('Renamed');
    });
    expect(host.values('Renamed', 'A1')).toEqual([['still me']]);
  });

  test('position moves sheets; out-of-range positions are rejected', async () => {
    host.userAddSheet('B');
    host.userAddSheet('C');
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('C').position = 0;
      await ctx.sync();
    });
    expect(host.sheetNames()).toEqual(['C', 'Sheet1', 'B']);
    expect((await errorOf(async (ctx) => void (ctx.workbook.worksheets.getItem('C').position = 3)))?.code).toBe('InvalidArgument');
    host.userMoveSheet('B', 0);
    expect(host.sheetNames()).toEqual(['B', 'C', 'Sheet1']);
  });

  test('the last visible sheet can be neither hidden nor deleted', async () => {
    expect((await errorOf(async (ctx) => void (ctx.workbook.worksheets.getItem('Sheet1').visibility = 'Hidden')))?.code).toBe(
      'InvalidOperation',
    );
    expect((await errorOf(async (ctx) => ctx.workbook.worksheets.getItem('Sheet1').delete()))?.code).toBe('InvalidOperation');
    host.userAddSheet('Two');
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').visibility = Excel.SheetVisibility.veryHidden;
      await ctx.sync();
      const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
      await ctx.sync();
      expect(active.name).toBe('Two');
    });
    expect(host.visibility('Sheet1')).toBe('VeryHidden');
  });
});

describe('defined names', () => {
  test.each(['1abc', 'has space', 'A1', 'r1c1', 'R', 'c', 'XFD1048576', 'TRUE', 'a-b', ''])('"%s" is not a valid name', async (name) => {
    const err = await errorOf(async (ctx) => void ctx.workbook.names.add(name, '=Sheet1!$A$1'));
    expect(err?.code).toBe('InvalidArgument');
    expect(host.names()).toEqual([]);
  });

  test.each(['_score', '\\total', '得分', 'Score_2024', 'A1B', 'XFE1', 'a.b'])('"%s" is a valid name', async (name) => {
    expect(await errorOf(async (ctx) => void ctx.workbook.names.add(name, '=Sheet1!$A$1'))).toBeUndefined();
  });

  test('add from a Range or a formula; getRange; type and value; duplicates (case-insensitive) refused', async () => {
    host.userAddSheet('县 公安局');
    await Excel.run(async (ctx) => {
      ctx.workbook.names.add('Total', ctx.workbook.worksheets.getItem('县 公安局').getRange('B7'), '总分');
      ctx.workbook.names.add('Rate', '=0.5');
      ctx.workbook.names.add('Label', '="得分"');
      await ctx.sync();
      const total = ctx.workbook.names.getItem('total').load('name,type,value,formula,comment');
      const rate = ctx.workbook.names.getItem('Rate').load('type,value');
      const label = ctx.workbook.names.getItem('Label').load('type,value');
      const range = total.getRange().load('address');
      const none = ctx.workbook.names.getItemOrNullObject('Missing');
      await ctx.sync();
      expect([total.name, total.type, total.value, total.formula, total.comment]).toEqual([
        'Total',
        'Range',
        "'县 公安局'!$B$7",
        "='县 公安局'!$B$7",
        '总分',
      ]);
      expect([rate.type, rate.value, label.type, label.value]).toEqual(['Double', 0.5, 'String', '得分']);
      expect(range.address).toBe("'县 公安局'!B7");
      expect(none.isNullObject).toBe(true);
    });
    expect((await errorOf(async (ctx) => void ctx.workbook.names.add('TOTAL', '=1')))?.code).toBe('ItemAlreadyExists');
  });

  test('getRange on a non-range name fails; getRangeOrNullObject is null', async () => {
    await Excel.run(async (ctx) => {
      ctx.workbook.names.add('Rate', '=0.5');
      const r = ctx.workbook.names.getItem('Rate').getRangeOrNullObject();
      await ctx.sync();
      expect(r.isNullObject).toBe(true);
    });
    expect((await errorOf(async (ctx) => void ctx.workbook.names.getItem('Rate').getRange().load('address')))?.code).toBe(
      'InvalidOperation',
    );
  });

  test('names and table names share one namespace', async () => {
    host.userEdit('Sheet1', 'A1', [
      ['a', 'b'],
      [1, 2],
    ]);
    await Excel.run(async (ctx) => {
      ctx.workbook.tables.add('Sheet1!A1:B2', true).name = 'Scores';
      await ctx.sync();
    });
    expect((await errorOf(async (ctx) => void ctx.workbook.names.add('scores', '=1')))?.code).toBe('ItemAlreadyExists');
  });

  test('worksheet.getRange accepts a defined name that points at that sheet', async () => {
    await Excel.run(async (ctx) => {
      ctx.workbook.names.add('Cell', '=Sheet1!$C$3');
      await ctx.sync();
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('Cell').load('address');
      await ctx.sync();
      expect(r.address).toBe('Sheet1!C3');
    });
  });
});

describe('settings', () => {
  test('add/getItem/items; values are JSON copies; getItem of a missing key fails', async () => {
    await Excel.run(async (ctx) => {
      const value = { version: 3, ranges: ['B7'], when: new Date(Date.UTC(2024, 0, 2)) };
      ctx.workbook.settings.add('layout', value);
      value.version = 99;
      ctx.workbook.settings.add('flag', true);
      await ctx.sync();
      const s = ctx.workbook.settings.getItem('layout').load('value');
      const all = ctx.workbook.settings.load('items/key');
      const missing = ctx.workbook.settings.getItemOrNullObject('nope');
      await ctx.sync();
      expect(s.value).toEqual({ version: 3, ranges: ['B7'], when: '2024-01-02T00:00:00.000Z' });
      expect(all.items.map((i) => i.key)).toEqual(['layout', 'flag']);
      expect(missing.isNullObject).toBe(true);
      ctx.workbook.settings.add('flag', false);
      ctx.workbook.settings.getItem('layout').delete();
      await ctx.sync();
    });
    expect(host.settings()).toEqual({ flag: false });
    expect((await errorOf(async (ctx) => void ctx.workbook.settings.getItem('layout').load('value')))?.code).toBe('ItemNotFound');
  });
});

describe('custom XML parts', () => {
  const NS = 'urn:credit-score:v1';

  test('add, find by namespace, read, replace and delete', async () => {
    await Excel.run(async (ctx) => {
      ctx.workbook.customXmlParts.add(`<?xml version="1.0"?><state xmlns="${NS}"><v>1</v></state>`);
      ctx.workbook.customXmlParts.add('<other xmlns="urn:else"/>');
      await ctx.sync();
      const part = ctx.workbook.customXmlParts.getByNamespace(NS).getOnlyItemOrNullObject();
      const none = ctx.workbook.customXmlParts.getByNamespace('urn:none').getOnlyItemOrNullObject();
      await ctx.sync();
      expect(part.isNullObject).toBe(false);
      expect(none.isNullObject).toBe(true);
      const xml = part.getXml();
      await ctx.sync();
      expect(xml.value).toContain('<v>1</v>');
      part.setXml(`<state xmlns="${NS}"><v>2</v></state>`);
      await ctx.sync();
    });
    expect(host.customXmlParts().find((p) => p.namespaceUri === NS)?.xml).toContain('<v>2</v>');
    await Excel.run(async (ctx) => {
      ctx.workbook.customXmlParts.getByNamespace(NS).getOnlyItem().delete();
      await ctx.sync();
    });
    expect(host.customXmlParts().map((p) => p.namespaceUri)).toEqual(['urn:else']);
  });

  test('malformed XML is refused', async () => {
    for (const bad of ['not xml', '<a><b></a>', '<a/><b/>', '<a>']) {
      expect((await errorOf(async (ctx) => void ctx.workbook.customXmlParts.add(bad)))?.code).toBe('InvalidArgument');
    }
    expect(host.customXmlParts()).toEqual([]);
  });
});
