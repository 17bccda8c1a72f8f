/** Load/sync semantics of the proxies, sync counting, payload limit, failure injection, error shapes. */
import { ExcelHost, createExcelHost, installGlobals, uninstallGlobals } from './index';

let host: ExcelHost;
beforeEach(() => {
  host = createExcelHost();
  installGlobals(host);
});
afterEach(() => uninstallGlobals());

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

describe('properties and load()', () => {
  test('a scalar property is unreadable until load() and sync()', async () => {
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      expect(() => sheet.name).toThrow(/The property 'name' is not available/);
      expect(codeOf(() => sheet.name)).toBe('PropertyNotLoaded');
      sheet.load('name');
      expect(codeOf(() => sheet.name)).toBe('PropertyNotLoaded');
      await ctx.sync();
      expect(sheet.name).toBe('Sheet1');
      expect(codeOf(() => sheet.id)).toBe('PropertyNotLoaded');
    });
  });

  test('a sync that was not awaited has not delivered anything yet', async () => {
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
      const pending = ctx.sync();
      expect(codeOf(() => r.values)).toBe('PropertyNotLoaded');
      await pending;
      expect(r.values).toEqual([['']]);
    });
  });

  test('loaded values are a snapshot as of that sync', async () => {
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.load('values');
      await ctx.sync();
      host.userEdit('Sheet1', 'A1', [['changed']]);
      expect(r.values).toEqual([['']]);
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([['changed']]);
    });
  });

  test('setting a property queues the write; the proxy keeps the value it was given', async () => {
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('B2');
      r.values = [[42]];
      expect(r.values).toEqual([[42]]);
      expect(host.values('Sheet1', 'B2')).toEqual([['']]);
      await ctx.sync();
      expect(host.values('Sheet1', 'B2')).toEqual([[42]]);
    });
  });

  test('load forms: "a,b", arrays, {select}, object form, navigation paths', async () => {
    host.userEdit('Sheet1', 'A1', [['x']]);
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.load('values, address');
      r.load(['rowCount']);
      r.load({ select: 'columnCount' });
      r.load({ format: { font: { bold: true } } } as never);
      r.load('worksheet/name');
      await ctx.sync();
      expect([r.values, r.address, r.rowCount, r.columnCount]).toEqual([[['x']], 'Sheet1!A1', 1, 1]);
      expect(r.format.font.bold).toBe(false);
      expect(r.worksheet.name).toBe('Sheet1');
      expect(codeOf(() => r.format.font.color)).toBe('PropertyNotLoaded');
    });
  });

  test('loading an unknown property fails the sync with InvalidArgument', async () => {
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').load('nonsense');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('collections: items unreadable until loaded; "items/name" and "name" both load item properties', async () => {
    host.userAddSheet('汇总');
    await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(codeOf(() => sheets.items)).toBe('PropertyNotLoaded');
      sheets.load('items/name');
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Sheet1', '汇总']);
      expect(codeOf(() => sheets.items[0].id)).toBe('PropertyNotLoaded');
      const again = ctx.workbook.worksheets.load('name,position');
      const count = ctx.workbook.worksheets.getCount();
      expect(codeOf(() => count.value)).toBe('ValueNotLoaded');
      await ctx.sync();
      expect(again.items.map((s) => [s.name, s.position])).toEqual([
        ['Sheet1', 0],
        ['汇总', 1],
      ]);
      expect(count.value).toBe(2);
    });
  });

  test('getItemOrNullObject: isNullObject is known only after sync', async () => {
    await Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const present = ctx.workbook.worksheets.getItemOrNullObject('sheet1');
      expect(codeOf(() => missing.isNullObject)).toBe('PropertyNotLoaded');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  test('getItem of a missing item fails when the batch uses it', async () => {
    const err = await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Nope').load('name');
      await ctx.sync();
    }).catch((e) => e);
    expect(err).toBeInstanceOf(OfficeExtension.Error);
    expect(err).toMatchObject({ name: 'RichApi.Error', code: 'ItemNotFound' });
    expect(err.debugInfo.errorLocation).toBe('WorksheetCollection.getItem');
  });

  test('read-only properties cannot be assigned', async () => {
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(() => {
        (r as unknown as { address: string }).address = 'B2';
      }).toThrow(TypeError);
    });
  });
});

describe('syncs and Excel.run', () => {
  test('syncCount counts round trips that carry actions; empty syncs are free', async () => {
    await Excel.run(async (ctx) => {
      await ctx.sync();
      expect(host.syncCount).toBe(0);
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await ctx.sync();
      expect(host.syncCount).toBe(1);
    });
    expect(host.syncCount).toBe(1);
  });

  test('Excel.run syncs what is still queued when the batch resolves', async () => {
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['late']];
    });
    expect(host.values('Sheet1', 'A1')).toEqual([['late']]);
    expect(host.syncCount).toBe(1);
  });

  test('a batch that throws does not send its pending actions', async () => {
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['never']];
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(host.values('Sheet1', 'A1')).toEqual([['']]);
  });

  test('the batch function must return a promise', async () => {
    await expect(Excel.run((() => 1) as unknown as (c: Excel.RequestContext) => Promise<void>)).rejects.toMatchObject({
      code: 'RunMustReturnPromise',
    });
  });

  test('proxies from a finished Excel.run cannot be used again (InvalidObjectPath)', async () => {
    let stale: Excel.Range | undefined;
    await Excel.run(async (ctx) => {
      stale = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      await ctx.sync();
    });
    expect(codeOf(() => (stale!.values = [[1]]))).toBe('InvalidObjectPath');
  });

  test('mixing objects of two request contexts is refused', async () => {
    await Excel.run(async (outer) => {
      const r = outer.workbook.worksheets.getItem('Sheet1').getRange('A1');
      await Excel.run(async (inner) => {
        expect(codeOf(() => inner.workbook.names.add('Mixed', r))).toBe('InvalidRequestContext');
      });
    });
  });

  test('Excel.run(object, batch) reuses the object context', async () => {
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      await Excel.run(r, async (same) => {
        expect(same).toBe(ctx);
        r.values = [['reused']];
        await same.sync();
      });
    });
    expect(host.values('Sheet1', 'A1')).toEqual([['reused']]);
  });
});

describe('failures', () => {
  test('failNextSync rejects and applies nothing; the next sync works', async () => {
    host.failNextSync();
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.values = [['first']];
      const probe = ctx.workbook.worksheets.getItem('Sheet1').getRange('B1').load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
      expect(host.values('Sheet1', 'A1')).toEqual([['']]);
      expect(codeOf(() => probe.values)).toBe('PropertyNotLoaded');
      r.values = [['second']];
      await ctx.sync();
    });
    expect(host.values('Sheet1', 'A1')).toEqual([['second']]);
    expect(host.syncCount).toBe(2);
  });

  test('failNextSync with a custom error', async () => {
    const boom = new Error('network down');
    host.failNextSync(boom);
    await expect(Excel.run(async (ctx) => void ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values'))).rejects.toBe(boom);
  });

  test('an error mid-batch keeps what ran before it (Excel has no rollback) and skips the rest', async () => {
    const err = await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1').values = [['before']];
      ws.getRange('A2').values = [[1, 2]];
      ws.getRange('A3').values = [['after']];
      await ctx.sync();
    }).catch((e) => e);
    expect(err.code).toBe('InvalidArgument');
    expect(err.debugInfo.errorLocation).toBe('Range.values');
    expect(host.values('Sheet1', 'A1:A3')).toEqual([['before'], [''], ['']]);
  });

  test('a request over maxRequestBytes is rejected like Excel on the web and applies nothing', async () => {
    const small = createExcelHost({ maxRequestBytes: 10_000 });
    installGlobals(small);
    const big = Array.from({ length: 200 }, (_, i) => [`第${i}行的一段比较长的中文说明文字`]);
    const err = await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A200').values = big;
      await ctx.sync();
    }).catch((e) => e);
    expect(err.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(small.values('Sheet1', 'A1')).toEqual([['']]);
    expect(small.lastRequestBytes).toBeGreaterThan(10_000);
    expect(small.maxRequestBytesSeen).toBe(small.lastRequestBytes);
  });

  test('request size is estimated per sync', async () => {
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A2').values = [['a'], ['b']];
      await ctx.sync();
      const first = host.lastRequestBytes;
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A2000').values = Array.from({ length: 2000 }, () => ['abcdef']);
      await ctx.sync();
      expect(host.lastRequestBytes).toBeGreaterThan(first * 10);
      expect(host.maxRequestBytesSeen).toBe(host.lastRequestBytes);
    });
  });

  test('reading a huge range can exceed the response limit', async () => {
    const err = await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A:B').load('values');
      await ctx.sync();
    }).catch((e) => e);
    expect(err.code).toBe('ResponsePayloadSizeLimitExceeded');
  });
});
