/**
 * Reading filled workbooks that users have changed (renamed, moved sheets, inserted rows and
 * columns), and refusing files that are not scoring workbooks with a clear Chinese message.
 */
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { cellOf } from '../../src/layout/binding';
import { allOutputs } from '../../src/layout/outputs';
import { definedNameFor, META_SHEET } from '../../src/layout/plan';
import { planWorkbook, unitKey } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import { parseRubricData } from '../../src/rubric/load';
import type { Rubric } from '../../src/rubric/schema';
import { scoreRoster } from '../../src/scoring/score';
import { applyPlan } from '../../src/xlsx/apply-plan';
import { blankWorkbook } from '../../src/xlsx/blank-workbook';
import { WorkbookError } from '../../src/xlsx/errors';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { parseReference, readWorkbook } from '../../src/xlsx/read-workbook';
import { scoredWorkbook } from '../../src/xlsx/write-scores';
import { percentText, plainValue, isPercentFormat } from '../../src/xlsx/cell-values';
import { fillWorkbook, insertColumnLikeExcel, insertRowLikeExcel, readBook, renameLikeExcel, sampleInputs, sheetJsBlock } from './helpers';

const ID = 'pingdingshan-2020-departments';
const { rubric } = loadBuiltin(ID);
const names = ['市发改委', '市财政局', '市税务局', '市公安局'].map((name) => ({ name, group: rubric.ranking.groups[0].id }));
const keys = names.map((_, i) => unitKey(i));
const inputs = sampleInputs(rubric, names, 7);

async function filledWorkbook(): Promise<ExcelJS.Workbook> {
  const { buffer } = await blankWorkbook(loadBuiltin(ID), names);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  fillWorkbook(wb, keys, inputs);
  return wb;
}

const bytes = async (wb: ExcelJS.Workbook) => new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

async function expectWorkbookError(data: Uint8Array | ArrayBuffer, code: WorkbookError['code'], text: RegExp) {
  const e = await readWorkbook(data).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(WorkbookError);
  expect((e as WorkbookError).code).toBe(code);
  expect((e as WorkbookError).message).toMatch(text);
  expect((e as WorkbookError).message).not.toMatch(/\n|at .*\(/);
}

describe('a filled workbook read back', () => {
  it('gives the typed inputs to the engine, whatever form they were typed in', async () => {
    const read = await readWorkbook(await bytes(await filledWorkbook()));
    expect(read.meta.units.map((u) => u.name)).toEqual(names.map((n) => n.name));
    expect(read.problems).toEqual([]);
    expect(scoreRoster(read.rubric, read.units)).toEqual(scoreRoster(rubric, inputs));
  });

  it('finds sheets renamed and moved, and cells after a row and a column were inserted (as Excel does)', async () => {
    const wb = await filledWorkbook();
    const ws = wb.getWorksheet('市财政局')!;
    // a row inserted above an indicator: exceljs moves the defined name (splitting it around the row)
    const entry = () => wb.definedNames.model.find((d) => d.name === definedNameFor(keys[1]))!;
    const before = parseReference(entry().ranges[0])!;
    const grid = sheetJsBlock(readBook(await bytes(wb)), keys[1]);
    const ind = rubric.categories[1].indicators[0];
    const indicatorRow = grid.index.rows.get(`i|${ind.id}|${ind.fields[0].id}`)! + 1;
    insertRowLikeExcel(ws, indicatorRow, ['插入的说明行']);
    const parts = entry().ranges.map((r) => parseReference(r)!);
    expect(parts.length).toBe(2);
    expect(Math.max(...parts.map((p) => p.bottom))).toBe(before.bottom + 1);
    // a column inserted before the input column
    const inputCol = grid.index.cols.get('input')! + 1;
    insertColumnLikeExcel(ws, inputCol);
    ws.getCell(indicatorRow + 2, inputCol).value = '核对人：张三';
    // rename, and move the sheet to the end
    renameLikeExcel(wb, ws, '财政局（已改名）');
    (ws as unknown as { orderNo: number }).orderNo = 999; // exceljs orders sheets by orderNo
    // a note typed beside a unit's block changes nothing
    wb.getWorksheet('市公安局')!.getCell('N3').value = '备注：已核对';

    const data = await bytes(wb);
    const read = await readWorkbook(data);
    expect(read.problems).toEqual([]);
    expect(read.blocks.get(keys[1])!.worksheet.name).toBe('财政局（已改名）');
    const expected = scoreRoster(rubric, inputs);
    expect(scoreRoster(read.rubric, read.units)).toEqual(expected);

    // and the scores land in the right cells of the moved rows
    const { buffer } = await scoredWorkbook(read, expected);
    const book = readBook(buffer);
    expect(book.SheetNames[book.SheetNames.length - 1]).toBe('财政局（已改名）');
    const block = sheetJsBlock(book, keys[1]);
    expect(block.grid.some((r) => r.includes('插入的说明行'))).toBe(true);
    expect(block.index.cols.get('input')).toBe(inputCol); // moved one column right (0-based = old 1-based)
    for (const o of allOutputs(
      rubric,
      keys.map((key, i) => ({ key, score: expected.units[i] })),
    ).filter((x) => x.sheetKey === keys[1])) {
      const at = cellOf(block.index, o.rowKey, o.role)!;
      expect([o.rowKey, o.role, block.grid[at.row][at.col]]).toEqual([o.rowKey, o.role, o.value]);
    }
  });

  it('finds a sheet by its original name when the defined name is gone, and says so', async () => {
    const wb = await filledWorkbook();
    wb.definedNames.model = wb.definedNames.model.filter((d) => d.name !== definedNameFor(keys[2]));
    const read = await readWorkbook(await bytes(wb));
    expect(read.problems.map((p) => p.message)).toEqual([
      `单位「市税务局」的工作表的定义名称 ${definedNameFor(keys[2])} 已丢失，按工作表名称「市税务局」读取`,
    ]);
    expect(scoreRoster(read.rubric, read.units)).toEqual(scoreRoster(rubric, inputs));
  });

  it('reports computed cells it cannot find (a deleted row) instead of writing elsewhere', async () => {
    const wb = await filledWorkbook();
    const read0 = await readWorkbook(await bytes(wb));
    const b = read0.blocks.get(keys[0])!;
    const finalRow = b.top + b.index.rows.get('t|final')!;
    wb.getWorksheet('市发改委')!.getCell(finalRow, b.left + b.index.keyCol).value = null; // key erased
    const read = await readWorkbook(await bytes(wb));
    const { report } = await scoredWorkbook(read, scoreRoster(read.rubric, read.units));
    expect(report.problems.map((p) => p.message)).toEqual([
      '工作表「市发改委」有 2 个计分单元格找不到（行或列被删除了？），这些结果未写入',
    ]);
  });

  it('鹤岗: a workbook made before the 扣分 column existed is scored without a missing-cell warning; one with it gets 扣分 written', async () => {
    const loaded = loadBuiltin('hegang-2022-counties');
    const units = [{ name: '萝北县', group: '县区' }];
    const { buffer } = await blankWorkbook(loaded, units);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer);
    fillWorkbook(wb, [unitKey(0)], sampleInputs(loaded.rubric, units, 3));
    const withColumn = await readWorkbook(await bytes(wb));
    const b = withColumn.blocks.get(unitKey(0))!;
    const col = b.index.cols.get('deduction')!;
    expect(col).toBe(b.index.cols.get('score')! + 1);
    const result = scoreRoster(withColumn.rubric, withColumn.units);
    expect(result.units[0].base).not.toBeNull();
    const { report: full } = await scoredWorkbook(withColumn, result);
    expect(full.problems).toEqual([]);
    expect(b.worksheet.getCell(b.top + b.index.rows.get('t|base')!, b.left + col).value).toBe(100 - result.units[0].base!);

    // The older layout: no column with the role 扣分 (its role cell is what marks it).
    wb.getWorksheet(b.worksheet.name)!.getCell(b.top, b.left + col).value = null;
    const old = await readWorkbook(await bytes(wb));
    expect(old.blocks.get(unitKey(0))!.index.cols.has('deduction')).toBe(false);
    const { report } = await scoredWorkbook(old, scoreRoster(old.rubric, old.units));
    expect(report.problems).toEqual([]);
    expect(report.written).toBe(
      full.written -
        1 -
        loaded.rubric.categories.length -
        loaded.rubric.categories.flatMap((c) => c.indicators).length +
        singleCategories(loaded.rubric),
    );
  });

  it('never modifies the buffer it is given', async () => {
    const data = await bytes(await filledWorkbook());
    const copy = data.slice();
    await scoreFilledWorkbook(data);
    await scoreFilledWorkbook(data.buffer as ArrayBuffer);
    expect(Buffer.compare(Buffer.from(data), Buffer.from(copy))).toBe(0);
  });
});

describe('files that are not scoring workbooks', () => {
  it('a text file: not an .xlsx', async () => {
    await expectWorkbookError(new TextEncoder().encode('单位,得分\n甲,90\n'), 'not-zip', /^文件不是 \.xlsx 工作簿（无法按 zip 格式打开）/);
  });

  it('an old .xls or a password-protected workbook (OLE container)', async () => {
    const old = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(old, XLSX.utils.aoa_to_sheet([['单位', '得分']]), 'Sheet1');
    const cfb = XLSX.write(old, { type: 'buffer', bookType: 'xls' }) as Buffer;
    await expectWorkbookError(new Uint8Array(cfb), 'legacy-or-encrypted', /旧版 \.xls 文件或设置了打开密码/);
  });

  it('a zip that is not a spreadsheet', async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'readme.txt', Buffer.from('hello'));
    const zip = XLSX.CFB.write(cfb, { fileType: 'zip', type: 'buffer' }) as Buffer;
    await expectWorkbookError(new Uint8Array(zip), 'not-xlsx', /不是 \.xlsx 工作簿|没有工作表/);
  });

  it('someone else’s workbook', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['单位', '得分'],
        ['甲', 90],
      ]),
      '考核',
    );
    const data = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    await expectWorkbookError(new Uint8Array(data), 'no-meta', /^不是本加载项生成的考核工作簿（没有隐藏的元数据工作表 _cs_meta）$/);
  });

  it('damaged metadata', async () => {
    const wb = await filledWorkbook();
    wb.getWorksheet(META_SHEET)!.getCell('A2').value = '7';
    await expectWorkbookError(await bytes(wb), 'bad-meta', /元数据已损坏/);
    const wb2 = await filledWorkbook();
    wb2.getWorksheet(META_SHEET)!.getCell('A4').value = '{"format":"credit-score-workbook"';
    await expectWorkbookError(await bytes(wb2), 'bad-meta', /元数据已损坏（无法解析）/);
  });

  it('a deleted unit sheet', async () => {
    const wb = await filledWorkbook();
    wb.removeWorksheet(wb.getWorksheet('市税务局')!.id);
    await expectWorkbookError(await bytes(wb), 'missing-sheet', /^找不到 1 个单位的工作表：市税务局/);
  });

  it('a changed role row or key column', async () => {
    const wb = await filledWorkbook();
    const ws = wb.getWorksheet('市公安局')!;
    ws.getRow(1).eachCell((c) => {
      if (c.value === 'key') c.value = null;
    });
    await expectWorkbookError(await bytes(wb), 'bad-block', /^工作表「市公安局」无法读取：找不到隐藏的标识列/);
  });
});

describe('rubric versions', () => {
  /** The built-in rubric with another version and a stricter top band: the workbook embeds it. */
  function olderRubric(): Rubric {
    const data = JSON.parse(JSON.stringify(rubric)) as Rubric;
    data.version = '0.9.0';
    data.bands!.list[0].min = 99.5;
    const parsed = parseRubricData(data, 'test');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.value.rubric;
  }

  it('reports a version mismatch and scores with the version embedded in the workbook', async () => {
    const older = olderRubric();
    const parsed = parseRubricData(older, 'test');
    if (!parsed.ok) throw new Error('invalid');
    const plan = planWorkbook(parsed.value, names);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await applyPlan(plan)).xlsx.writeBuffer()) as ArrayBuffer);
    fillWorkbook(wb, keys, inputs);
    const read = await readWorkbook(await bytes(wb));
    expect(read.rubric).toEqual(older);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0].message).toMatch(
      new RegExp(
        `^版本不一致：工作簿按评分细则「${ID}」v0\\.9\\.0（校验码 ${parsed.value.hash}）制作，本程序内置的是 v${rubric.version}（校验码 ${loadBuiltin(ID).hash}）；按工作簿内嵌的 v0\\.9\\.0 计分$`,
      ),
    );
    const result = await scoreFilledWorkbook(await bytes(wb));
    expect(result.result).toEqual(scoreRoster(older, inputs));
    expect(result.problems[0]).toEqual(read.problems[0]);
  });
});

describe('cell values', () => {
  it('reads rich text, formula results, errors and percent cells as the user sees them', () => {
    expect(plainValue({ richText: [{ text: '是' }, { text: '（已核）' }] })).toBe('是（已核）');
    expect(plainValue({ formula: 'A1*2', result: 7 } as ExcelJS.CellFormulaValue)).toBe(7);
    expect(plainValue({ formula: 'A1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue)).toBe('#DIV/0!');
    expect(plainValue({ error: '#N/A' } as ExcelJS.CellErrorValue)).toBe('#N/A');
    expect(plainValue({ text: '链接', hyperlink: 'https://example.org' })).toBe('链接');
    expect(plainValue(new Date(Date.UTC(2026, 10, 24)))).toBe('2026-11-24');
    expect(isPercentFormat('0%')).toBe(true);
    expect(isPercentFormat('0.0%;[Red]-0.0%')).toBe(true);
    expect(isPercentFormat('0"%"')).toBe(false);
    expect(isPercentFormat('General')).toBe(false);
    expect(percentText(0.85)).toBe('85%');
    expect(percentText(0.855)).toBe('85.5%');
    expect(percentText(0.07)).toBe('7%');
  });
});

/** Categories that are one indicator (鹤岗 四, 五, 六): the indicator row is the category row. */
function singleCategories(rubric: Rubric): number {
  return rubric.categories.filter((c) => c.indicators.length === 1 && c.indicators[0].id === c.id).length;
}
