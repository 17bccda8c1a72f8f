/** host.save() and reopening with createExcelHost({ state }). */
import { createExcelHost, installGlobals, uninstallGlobals } from './index';

afterEach(() => uninstallGlobals());

test('save/reopen keeps sheets (ids, order), cells, formats, validation, names, settings, XML, tables, charts', async () => {
  const first = createExcelHost({ apiVersion: '1.9' });
  installGlobals(first);
  first.userAddSheet('县 公安局');
  first.userEdit('县 公安局', 'A1', [
    ['指标', '得分'],
    ['a', 1],
    ['b', 2],
  ]);
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('县 公安局');
    ws.position = 0;
    ws.getRange('B2:B3').format.fill.color = '#FFFF00';
    ws.getRange('B2:B3').dataValidation.rule = { decimal: { formula1: 0, formula2: 10, operator: 'Between' } };
    ws.getRange('D1:E1').merge();
    ws.tables.add('A1:B3', true);
    ws.charts.add('ColumnClustered', ws.getRange('A1:B3')).title.text = '得分';
    ws.freezePanes.freezeRows(1);
    ctx.workbook.names.add('Score', ws.getRange('B3'));
    ctx.workbook.settings.add('credit-score', { schema: 2, rubric: '2024' });
    ctx.workbook.customXmlParts.add('<s xmlns="urn:credit"><v>1</v></s>');
    ws.onChanged.add(async () => undefined);
    await ctx.sync();
  });
  const ids = first.sheetNames().map((n) => first.sheetId(n));
  const snapshot = JSON.parse(JSON.stringify(first.save()));
  uninstallGlobals();

  const second = createExcelHost({ apiVersion: '1.9', state: snapshot });
  installGlobals(second);
  expect(second.sheetNames()).toEqual(['县 公安局', 'Sheet1']);
  expect(second.sheetNames().map((n) => second.sheetId(n))).toEqual(ids);
  expect(second.values('县 公安局', 'A1:B3')).toEqual([
    ['指标', '得分'],
    ['a', 1],
    ['b', 2],
  ]);
  expect(second.cell('县 公安局', 'B3')).toMatchObject({ fill: '#FFFF00', validation: { type: 'Decimal' } });
  expect(second.merges('县 公安局')).toEqual(['D1:E1']);
  expect(second.names()).toEqual([{ name: 'Score', formula: "='县 公安局'!$B$3", comment: '', visible: true }]);
  expect(second.settings()).toEqual({ 'credit-score': { schema: 2, rubric: '2024' } });
  expect(second.customXmlParts()[0].namespaceUri).toBe('urn:credit');
  expect(second.tables()[0]).toMatchObject({ name: 'Table1', address: 'A1:B3' });
  expect(second.charts()[0]).toMatchObject({ type: 'ColumnClustered', props: { 'title.text': '得分' } });
  expect(second.frozen('县 公安局')).toEqual({ rows: 1, columns: 0 });
  expect(second.syncCount).toBe(0);
  expect(second.handlerCount).toBe(0);

  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(ids[0]).load('name');
    const setting = ctx.workbook.settings.getItem('credit-score').load('value');
    const range = ctx.workbook.names.getItem('Score').getRange().load('values');
    await ctx.sync();
    expect(ws.name).toBe('县 公安局');
    expect(setting.value).toEqual({ schema: 2, rubric: '2024' });
    expect(range.values).toEqual([[2]]);
  });
  second.userEdit('县 公安局', 'B2', [[5]]);
  await second.flushEvents();
  expect(second.eventsFired).toEqual([]);
});

test('new sheets after reopening get fresh ids', async () => {
  const first = createExcelHost();
  first.userAddSheet('Two');
  const second = createExcelHost({ state: first.save() });
  const id = second.userAddSheet('Three');
  expect(new Set(second.sheetNames().map((n) => second.sheetId(n))).size).toBe(3);
  expect(first.sheetNames()).not.toContain('Three');
  expect(id).toBe(second.sheetId('Three'));
});

test('a snapshot is independent of the host it came from', () => {
  const host = createExcelHost();
  host.userEdit('Sheet1', 'A1', [['before']]);
  const snap = host.save();
  host.userEdit('Sheet1', 'A1', [['after']]);
  expect(createExcelHost({ state: snap }).values('Sheet1', 'A1')).toEqual([['before']]);
  expect(() => createExcelHost({ state: { nope: true } as never })).toThrow(/snapshot/);
});
