/** Requirement-set gating (ApiNotFound) and the Office namespace. */
import { createExcelHost, installGlobals, uninstallGlobals } from './index';
import { memberVersion } from './requirements';

afterEach(() => uninstallGlobals());

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

test('member versions come from the type definitions', () => {
  expect(memberVersion('Range.getCellProperties')).toBe('1.9');
  expect(memberVersion('Worksheet.pageLayout')).toBe('1.9');
  expect(memberVersion('Worksheet.onChanged')).toBe('1.7');
  expect(memberVersion('WorksheetCollection.onChanged')).toBe('1.9');
  expect(memberVersion('Range.getMergedAreasOrNullObject')).toBe('1.13');
  expect(memberVersion('Workbook.customXmlParts')).toBe('1.5');
  expect(memberVersion('Range.values')).toBe('1.1');
});

test('APIs above the host version throw ApiNotFound when called', async () => {
  installGlobals(createExcelHost({ apiVersion: '1.8' }));
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    const r = ws.getRange('A1');
    expect(codeOf(() => r.getCellProperties({ format: { fill: { color: true } } }))).toBe('ApiNotFound');
    expect(codeOf(() => r.setCellProperties([[{ format: { font: { bold: true } } }]]))).toBe('ApiNotFound');
    expect(codeOf(() => ws.pageLayout)).toBe('ApiNotFound');
    expect(codeOf(() => r.getMergedAreasOrNullObject())).toBe('ApiNotFound');
    expect(codeOf(() => r.format.load('indentLevel'))).toBe('ApiNotFound');
    expect(codeOf(() => ws.onChanged)).toBe('no error');
    expect(codeOf(() => r.dataValidation)).toBe('no error');
    expect(codeOf(() => ctx.workbook.customXmlParts)).toBe('no error');
    const err = (() => {
      try {
        r.getCellProperties({});
      } catch (e) {
        return e as OfficeExtension.Error;
      }
    })();
    expect(err?.message).toMatch(/Range\.getCellProperties is part of the ExcelApi 1\.9 requirement set/);
  });
  expect(() => Excel.createWorkbook('UEsDBA==')).not.toThrow();
});

test('older hosts: methods and navigation properties above the version are all gated', async () => {
  installGlobals(createExcelHost({ apiVersion: '1.6' }));
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    expect(codeOf(() => ws.freezePanes)).toBe('ApiNotFound');
    expect(codeOf(() => ws.getRangeByIndexes(0, 0, 1, 1))).toBe('ApiNotFound');
    expect(codeOf(() => ws.onChanged)).toBe('ApiNotFound');
    expect(codeOf(() => ws.getRange('A1').getAbsoluteResizedRange(2, 2))).toBe('ApiNotFound');
    expect(codeOf(() => ws.getRange('A1').dataValidation)).toBe('ApiNotFound');
    expect(codeOf(() => ws.getRange('A1').format.autofitColumns())).toBe('no error');
    expect(codeOf(() => ctx.workbook.worksheets.getItemOrNullObject('x'))).toBe('no error');
  });
});

test('load() without arguments only loads properties the version supports', async () => {
  installGlobals(createExcelHost({ apiVersion: '1.8' }));
  await Excel.run(async (ctx) => {
    const f = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').format.load();
    await ctx.sync();
    expect(f.wrapText).toBe(false);
    expect(codeOf(() => f.indentLevel)).toBe('PropertyNotLoaded');
  });
});

test('the same calls work at a newer version', async () => {
  const host = createExcelHost({ apiVersion: '1.13' });
  installGlobals(host);
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    ws.getRange('A1:B1').merge();
    ws.pageLayout.orientation = Excel.PageOrientation.landscape;
    ws.pageLayout.setPrintTitleRows('$1:$2');
    ws.getRange('A1').setCellProperties([[{ format: { fill: { color: '#00FF00' }, font: { bold: true } } }]]);
    const props = ws.getRange('A1:B1').getCellProperties({ address: true, format: { fill: { color: true }, font: { bold: true } } });
    const merged = ws.getRange('A1').getMergedAreasOrNullObject().load('address');
    await ctx.sync();
    expect(props.value[0]).toEqual([
      { address: 'Sheet1!A1', format: { fill: { color: '#00FF00' }, font: { bold: true } } },
      { address: 'Sheet1!B1', format: { fill: { color: '#FFFFFF' }, font: { bold: false } } },
    ]);
    expect(merged.address).toBe('Sheet1!A1:B1');
  });
  expect(host.pageLayout('Sheet1')).toEqual({ orientation: 'Landscape', printTitleRows: '$1:$2' });
});

test('Excel.createWorkbook is ExcelApi 1.8 and is recorded', async () => {
  const host = createExcelHost({ apiVersion: '1.7' });
  installGlobals(host);
  expect(codeOf(() => Excel.createWorkbook('abc'))).toBe('ApiNotFound');
  uninstallGlobals();
  const h2 = createExcelHost({ apiVersion: '1.8' });
  installGlobals(h2);
  await Excel.createWorkbook('UEsDBBQ=');
  expect(h2.createdWorkbooks).toEqual(['UEsDBBQ=']);
});

test('Office: onReady, isSetSupported, displayLanguage, HostType', async () => {
  installGlobals(createExcelHost({ apiVersion: '1.9', platform: 'OfficeOnline', displayLanguage: 'en-US' }));
  await expect(Office.onReady()).resolves.toEqual({ host: 'Excel', platform: 'OfficeOnline' });
  expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
  expect(Office.context.requirements.isSetSupported('ExcelApi', '1.10')).toBe(false);
  expect(Office.context.requirements.isSetSupported('ExcelApi', 1.2)).toBe(true);
  expect(Office.context.requirements.isSetSupported('WordApi', '1.1')).toBe(false);
  expect(Office.context.displayLanguage).toBe('en-US');
  expect(Office.HostType.Excel).toBe('Excel');
  uninstallGlobals();
  installGlobals(createExcelHost());
  expect(Office.context.displayLanguage).toBe('zh-CN');
  await expect(Office.onReady()).resolves.toEqual({ host: 'Excel', platform: 'PC' });
});

test('uninstallGlobals restores what was there', () => {
  const g = globalThis as unknown as Record<string, unknown>;
  expect('Excel' in g).toBe(false);
  installGlobals(createExcelHost());
  expect(typeof Excel.run).toBe('function');
  uninstallGlobals();
  expect('Excel' in g).toBe(false);
  expect('Office' in g).toBe(false);
});
