/**
 * 编辑评分细则 in the live workbook (in-memory Excel host, ExcelApi 1.8): the 细则定义 sheets laid out
 * from a shipped rubric, checked after each edit (debounced), a refused cell coloured and listed with
 * its address, its own fill given back once fixed, and 保存为评分细则 storing the rubric in the workbook.
 */
import { createExcelController, RUBRIC_SHEET_DEBOUNCE_MS } from '../../src/excel/excel-controller';
import { ERROR_FILL, RUBRIC_SHEET } from '../../src/excel/rubric-editor';
import type { RubricSheetResult } from '../../src/layout/pane-contract';
import { loadBuiltin } from '../../src/rubric/catalog';
import { cleanup, newHost } from './helpers';

afterEach(() => cleanup());
const settle = () => new Promise((r) => setTimeout(r, RUBRIC_SHEET_DEBOUNCE_MS + 100));

describe('编辑评分细则 in Excel', () => {
  it('lays out the sheets from a shipped rubric, marks a refused cell after an edit, restores it when fixed, and saves', async () => {
    const host = await newHost('1.8');
    const controller = createExcelController();
    await controller.ready;
    const seen: RubricSheetResult[] = [];
    controller.onRubricSheet!((r) => seen.push(r));

    const said = await controller.startRubricSheet!('hengdong-2020-members');
    expect(said).toContain('已按「衡东县 2020');
    expect(host.sheetNames()).toEqual(expect.arrayContaining(['细则定义', '考核办法', '附注', '填写说明']));
    // Until the office gives it its own id, the shipped rubric's id is refused on 考核办法!B2.
    expect(seen.at(-1)).toEqual({ ok: false, errors: [expect.objectContaining({ sheet: '考核办法', cell: 'B2' })] });
    expect(host.cell('考核办法', 'B2').fill).toBe(ERROR_FILL);
    host.userEdit('考核办法', 'B2', [['hengdong-2021-office']]);
    await host.flushEvents();
    await settle();
    expect(seen.at(-1)).toMatchObject({ ok: true, rubric: { id: 'hengdong-2021-office', office: true } });
    // Row 3 is 指标 一 (row 1 header, row 2 its category); column E is 分值.
    expect(host.cell('细则定义', 'E3').value).toBe(4);
    const ownFill = host.cell('细则定义', 'E3').fill;

    host.userEdit('细则定义', 'E3', [['四分']]);
    await host.flushEvents();
    await settle();
    expect(seen.at(-1)).toEqual({
      ok: false,
      errors: [expect.objectContaining({ sheet: '细则定义', cell: 'E3', message: expect.stringContaining('四分') })],
    });
    expect(host.cell('细则定义', 'E3').fill).toBe(ERROR_FILL);

    host.userEdit('细则定义', 'E3', [[4]]);
    await host.flushEvents();
    await settle();
    expect(seen.at(-1)).toMatchObject({ ok: true });
    expect(host.cell('细则定义', 'E3').fill).toBe(ownFill);

    const saved = await controller.saveRubricSheet!();
    expect(saved.fileName).toBe('hengdong-2021-office.json');
    expect(JSON.parse(saved.json).origin).toBe('office');
    expect(controller.listRubrics().find((r) => r.id === 'hengdong-2021-office')).toMatchObject({ imported: true, office: true });
    expect(host.sheetNames()).toContain(RUBRIC_SHEET);
  });

  it('a second start does not overwrite the sheets the office is editing', async () => {
    await newHost('1.8');
    const controller = createExcelController();
    await controller.ready;
    await controller.startRubricSheet!(null);
    await expect(controller.startRubricSheet!('hengdong-2020-members')).rejects.toThrow(/已有「细则定义」/);
  });

  it('saving refuses while cells are wrong, naming how many', async () => {
    await newHost('1.8');
    const controller = createExcelController();
    await controller.ready;
    await controller.startRubricSheet!(null);
    const r = await controller.checkRubricSheet!();
    expect(r.ok).toBe(false);
    await expect(controller.saveRubricSheet!()).rejects.toThrow(/细则定义表还有 \d+ 处错误/);
  });

  it('the saved rubric comes back with the workbook, and 生成评分表 uses it', async () => {
    const host = await newHost('1.8');
    const first = createExcelController();
    await first.ready;
    await first.startRubricSheet!('hengdong-2020-members');
    host.userEdit('考核办法', 'B2', [['hengdong-2021-office']]);
    await first.saveRubricSheet!();
    const state = host.save();
    cleanup();

    const reopened = await newHost('1.8', state);
    const controller = createExcelController();
    await controller.ready;
    // The pane asks for the list through whenLoaded (the lazy controller does), which reads _cs_rubric.
    await controller.whenLoaded!();
    expect(controller.listRubrics().find((r) => r.id === 'hengdong-2021-office')).toMatchObject({ office: true });
    const roster = loadBuiltin('hengdong-2020-members').rubric.defaultRoster!.slice(0, 2);
    await controller.createWorkbook('hengdong-2021-office', roster, () => undefined);
    expect(controller.session()!.rubric.origin).toBe('office');
    expect(reopened.sheetNames()).toEqual(expect.arrayContaining(['汇总', roster[0].name]));
  });
});
