/** Tables (creation rules, rows.add, sort) and charts (recorded). */
import { ExcelHost, createExcelHost, installGlobals, uninstallGlobals } from './index';

let host: ExcelHost;
beforeEach(() => {
  host = createExcelHost({ apiVersion: '1.9' });
  installGlobals(host);
  host.userEdit('Sheet1', 'A1', [
    ['单位', '得分', '备注'],
    ['县公安局', 8, 'a'],
    ['县法院', 10, 'b'],
    ['县税务局', '', 'c'],
    ['县教育局', 9, 'd'],
  ]);
});
afterEach(() => uninstallGlobals());

test('tables.add with headers: name, ranges, columns', async () => {
  await Excel.run(async (ctx) => {
    const t = ctx.workbook.worksheets.getItem('Sheet1').tables.add('A1:C5', true);
    t.load('name,id');
    const all = t.getRange().load('address');
    const header = t.getHeaderRowRange().load('values');
    const body = t.getDataBodyRange().load('address');
    const cols = t.columns.load('items/name');
    await ctx.sync();
    expect(t.name).toBe('Table1');
    expect([all.address, body.address]).toEqual(['Sheet1!A1:C5', 'Sheet1!A2:C5']);
    expect(header.values).toEqual([['单位', '得分', '备注']]);
    expect(cols.items.map((c) => c.name)).toEqual(['单位', '得分', '备注']);
  });
  expect(host.tables()[0]).toMatchObject({ name: 'Table1', sheet: 'Sheet1', address: 'A1:C5', rowCount: 4 });
});

test('without headers Excel inserts a header row above the data', async () => {
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').tables.add('E1:F2', false);
    await ctx.sync();
  });
  expect(host.tables()[0]).toMatchObject({ address: 'E1:F3', columns: ['Column1', 'Column2'] });
});

test('tables cannot overlap; names must be valid and unique', async () => {
  const overlap = await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').tables.add('A1:C5', true);
    ctx.workbook.worksheets.getItem('Sheet1').tables.add('B2:D3', true);
    await ctx.sync();
  }).catch((e) => e);
  expect(overlap.code).toBe('InvalidOperation');
  const badName = await Excel.run(async (ctx) => {
    ctx.workbook.tables.getItem('Table1').name = 'has space';
    await ctx.sync();
  }).catch((e) => e);
  expect(badName.code).toBe('InvalidArgument');
});

test('rows.add appends inside the table and pushes what is below down', async () => {
  host.userEdit('Sheet1', 'A7', [['below']]);
  await Excel.run(async (ctx) => {
    const t = ctx.workbook.worksheets.getItem('Sheet1').tables.add('A1:C5', true);
    t.rows.add(undefined, [['县财政局', 7, 'e']]);
    const count = t.rows.getCount();
    await ctx.sync();
    expect(count.value).toBe(5);
  });
  expect(host.tables()[0].address).toBe('A1:C6');
  expect(host.values('Sheet1', 'A6:B6')).toEqual([['县财政局', 7]]);
  expect(host.values('Sheet1', 'A8')).toEqual([['below']]);
});

test('sort.apply reorders whole rows (formats too); blanks sort last', async () => {
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    const t = ws.tables.add('A1:C5', true);
    ws.getRange('A3').format.fill.color = 'yellow';
    t.sort.apply([{ key: 1, ascending: false }]);
    await ctx.sync();
  });
  expect(host.values('Sheet1', 'A2:B5')).toEqual([
    ['县法院', 10],
    ['县教育局', 9],
    ['县公安局', 8],
    ['县税务局', ''],
  ]);
  expect(host.cell('Sheet1', 'A2').fill).toBe('#FFFF00');
  host.userSortTable('Table1', 1, true);
  expect(host.values('Sheet1', 'B2:B5').flat()).toEqual([8, 9, 10, '']);
});

test('writing the header row renames columns; blanks and duplicates are fixed up like Excel', async () => {
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').tables.add('A1:C5', true);
    await ctx.sync();
    ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:C1').values = [['名称', '', '名称']];
    await ctx.sync();
  });
  expect(host.tables()[0].columns).toEqual(['名称', 'Column2', '名称2']);
  expect(host.values('Sheet1', 'A1:C1')).toEqual([['名称', 'Column2', '名称2']]);
});

test('charts record type, source, title, position and series/point formatting', async () => {
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    const chart = ws.charts.add(Excel.ChartType.columnClustered, ws.getRange('A1:B5'), Excel.ChartSeriesBy.columns);
    chart.title.text = '各单位得分';
    chart.legend.visible = false;
    chart.axes.valueAxis.maximum = 10;
    chart.setPosition('E2', 'L20');
    chart.series.getItemAt(0).points.getItemAt(2).format.fill.setSolidColor('#C00000');
    const count = chart.series.getCount();
    const title = chart.title.load('text');
    await ctx.sync();
    expect(count.value).toBe(1);
    expect(title.text).toBe('各单位得分');
  });
  expect(host.charts()[0]).toMatchObject({
    type: 'ColumnClustered',
    source: 'Sheet1!$A$1:$B$5',
    seriesBy: 'Columns',
    seriesCount: 1,
    pointCount: 4,
    sheet: 'Sheet1',
    props: {
      'title.text': '各单位得分',
      'legend.visible': false,
      'axes.valueAxis.maximum': 10,
      setPosition: { start: 'Sheet1!E2', end: 'Sheet1!L20' },
      'series.0.points.2.format.fill.setSolidColor': ['#C00000'],
    },
  });
  const bad = await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    ws.charts.add('Nonsense' as never, ws.getRange('A1:B5'));
    await ctx.sync();
  }).catch((e) => e);
  expect(bad.code).toBe('InvalidArgument');
  const outOfRange = await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').charts.getItemAt(0).series.getItemAt(0).points.getItemAt(4).format.fill.setSolidColor('red');
    await ctx.sync();
  }).catch((e) => e);
  expect(outOfRange.code).toBe('InvalidArgument');
});

test('chart sources follow row insertion', async () => {
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    ws.charts.add('Pie', ws.getRange('A1:B5'));
    await ctx.sync();
  });
  host.userInsertRows('Sheet1', 3);
  expect(host.charts()[0].source).toBe('Sheet1!$A$1:$B$6');
});
