/**
 * 编辑评分细则 end to end, in headless Chromium with the production pane:
 *   - in Excel (e2e build, in-memory host): from blank, the 细则定义 sheets laid out; a new 20-indicator
 *     rubric typed cell by cell through the host; a mistyped 分值 marked on its cell and listed in the
 *     pane with its address; fixed → 保存为评分细则 → 生成评分表 with it → one unit filled in the sheet →
 *     its total and band are the method's (test/e2e/office-rubric.ts shows the arithmetic);
 *   - on the page without Excel (plain build): 细则定义.xlsx downloaded blank, filled by exceljs as an
 *     office would in WPS, uploaded → the wrong cell listed; fixed → saved → 生成评分表 downloads the
 *     workbook → filled → scored in file mode → the annex's total is the method's.
 * And 比较评分细则 on the page. SCREENSHOTS=1 writes docs/screenshots/rubric-editor-errors.png and rubric-diff.png.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import * as XLSX from '@e965/xlsx';
import { loadBuiltin } from '../../src/rubric/catalog';
import { unitKey } from '../../src/layout/workbook-plan';
import { fillWorkbook, readBook, scratch, sheetGrid } from '../xlsx/helpers';
import { launch, openPage, screenshot } from './browser';
import { EXPECTED_BAND, EXPECTED_FINAL, indicatorRows, METHOD_VALUES, unitAnswers } from './office-rubric';

const UNIT = '市发改委';
const ERROR_FILL = '#F4B6B6';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const letter = (col: number) => String.fromCharCode(65 + col);

/** Every non-empty cell to type: [sheet, A1 address, value]; 细则定义!E3 (指标 一.1 分值) mistyped as words. */
function cellsToType(): [string, string, string | number][] {
  const out: [string, string, string | number][] = [];
  indicatorRows().forEach((row, i) =>
    row.forEach((v, c) => {
      if (v !== null) out.push(['细则定义', `${letter(c)}${i + 2}`, v]);
    }),
  );
  for (const [r, v] of Object.entries(METHOD_VALUES)) if (v !== null) out.push(['考核办法', `B${r}`, v]);
  return out.map(([s, a, v]) => (s === '细则定义' && a === 'E3' ? [s, a, '五分'] : [s, a, v]));
}

async function waitFor(check: () => Promise<boolean>, what: string, timeout = 20_000): Promise<void> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function errorItems(page: Page): Promise<string[]> {
  const list = page.getByRole('list', { name: '细则定义表的问题' });
  if (!(await list.count())) return [];
  return list.getByRole('listitem').allInnerTexts();
}

test('in Excel: a 20-indicator rubric typed into the 细则定义 sheet from blank, checked per edit, saved, used for 生成评分表, filled, annex exported', async () => {
  const p = await openPage(browser, 'taskpane.html', { viewport: { width: 420, height: 1000 } });
  try {
    const page = p.page;
    await page.getByRole('combobox', { name: '评分细则' }).waitFor();
    const editor = page.getByRole('region', { name: '编辑评分细则' });
    await editor.getByRole('button', { name: '在工作簿中生成细则定义表' }).click();
    await editor.getByText(/已生成空白的「细则定义」等工作表/).waitFor();
    expect(await page.evaluate(() => window.__excelHost!.sheetNames())).toEqual(
      expect.arrayContaining(['细则定义', '考核办法', '附注', '填写说明']),
    );

    // The office types every cell (one edit each, through the host, as Excel delivers them).
    const cells = cellsToType();
    await page.evaluate(async (list) => {
      for (const [sheet, address, value] of list) await window.__e2e!.edit(sheet, address, [[value]]);
    }, cells);
    expect(cells.length).toBeGreaterThan(200);
    await waitFor(async () => (await errorItems(page)).length === 1, 'the one refused cell');
    expect((await errorItems(page))[0]).toMatch(/^细则定义!E3：分值「五分」不是数字/);
    expect(await page.evaluate(() => window.__excelHost!.cell('细则定义', 'E3').fill)).toBe(ERROR_FILL);
    await editor.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'rubric-editor-errors');

    await page.evaluate(() => window.__e2e!.edit('细则定义', 'E3', [[5]]));
    await editor.getByText(/^检查通过：测试市 2026/).waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => window.__excelHost!.cell('细则定义', 'E3').fill)).not.toBe(ERROR_FILL);
    await editor.getByRole('button', { name: '保存为评分细则' }).click();
    await editor.getByText(/已保存「测试市 2026.*」到本工作簿/).waitFor();
    expect(await editor.getByRole('link', { name: '下载细则文件「testcity-2026-office.json」' }).count()).toBe(1);
    await page.getByText('这是本办自定的评分细则（在细则定义表中制定），不是随工具提供的细则。').waitFor();

    // 生成评分表 with the saved rubric (it is selected), for one unit; the unit fills its sheet.
    await page.getByLabel('单位名称（每行一个）').fill(`${UNIT}\n市财政局`);
    await page.getByText('共 2 个单位').waitFor();
    await page.getByRole('button', { name: '生成评分表' }).click();
    await page.getByRole('heading', { name: '评分状态' }).waitFor({ timeout: 60_000 });
    await page.evaluate(
      async ({ unit, answers }) => {
        for (const [ind, field, value] of answers) await window.__e2e!.edit(unit, window.__e2e!.inputAt(unit, ind, field), [[value]]);
      },
      { unit: UNIT, answers: unitAnswers() },
    );
    const at = (role: string) =>
      page.evaluate(({ u, r }) => window.__e2e!.value(u, window.__e2e!.cellAddress(u, `t|${r}`, 'score')), { u: UNIT, r: role });
    await waitFor(async () => (await at('final')) === EXPECTED_FINAL, `${UNIT} total ${EXPECTED_FINAL}`);
    expect(await at('band')).toBe(EXPECTED_BAND);
    await page
      .getByRole('region', { name: '各单位得分' })
      .getByRole('row')
      .filter({ hasText: UNIT })
      .filter({ hasText: String(EXPECTED_FINAL) })
      .waitFor();
    // 导出附件 from the pane: at ExcelApi 1.8 the annex opens as a new workbook (Excel.createWorkbook, which
    // the in-memory host records). It carries the unit's total and band, and says the rubric is the
    // office's own (a draft: 市财政局 has typed nothing).
    await page.getByRole('button', { name: '导出附件', exact: true }).click();
    await page.getByText('附件已导出。').waitFor();
    const base64 = await page.evaluate(() => window.__excelHost!.createdWorkbooks.at(-1) ?? '');
    const summary = sheetGrid(readBook(Buffer.from(base64, 'base64')).Sheets['汇总'] as XLSX.WorkSheet);
    expect(summary.find((r) => r.includes(UNIT))).toEqual(expect.arrayContaining([EXPECTED_FINAL, EXPECTED_BAND]));
    expect(summary.flat().some((c) => typeof c === 'string' && c.includes('评分细则由本办自行制定'))).toBe(true);
    expect(await page.evaluate(() => window.__e2e!.handlerErrors())).toEqual([]);
    expect(p.errors).toEqual([]);
  } finally {
    await p.close();
  }
});

async function nextDownload(page: Page, action: () => Promise<unknown>): Promise<Download> {
  const download = page.waitForEvent('download');
  await action();
  return download;
}

async function chooseFile(page: Page, label: RegExp, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: label }).click();
  await (await chooser).setFiles(path);
}

test('the page without Excel: 细则定义.xlsx down, filled, up; errors by cell; saved; 生成评分表; scored; 比较评分细则', async () => {
  const p = await openPage(browser, 'plain/taskpane.html', { viewport: { width: 420, height: 1000 } });
  const dir = scratch('cs-e2e-rubric-editor-');
  try {
    const page = p.page;
    await page.getByRole('combobox', { name: '评分细则' }).waitFor();
    const editor = page.getByRole('region', { name: '编辑评分细则' });
    const blank = await nextDownload(page, () => editor.getByRole('button', { name: '下载细则定义表（.xlsx）' }).click());
    expect(blank.suggestedFilename()).toBe('细则定义.xlsx');
    const blankPath = join(dir, '细则定义.xlsx');
    await blank.saveAs(blankPath);

    // Filled as an office would in WPS: every cell typed (exceljs here), 分值 of 一.1 mistyped.
    const fill = async (name: string, fix: boolean) => {
      const wb = new ExcelJS.Workbook();
      const bytes = readFileSync(blankPath);
      await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      for (const [sheet, address, value] of cellsToType())
        wb.getWorksheet(sheet)!.getCell(address).value = fix && address === 'E3' && sheet === '细则定义' ? 5 : value;
      const path = join(dir, name);
      writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
      return path;
    };
    await chooseFile(page, /选择已填写的细则定义表.* 选择文件/, await fill('细则定义-有误.xlsx', false));
    await waitFor(async () => (await errorItems(page)).length === 1, 'the one refused cell');
    expect((await errorItems(page))[0]).toMatch(/^细则定义!E3：分值「五分」不是数字/);

    await chooseFile(page, /选择已填写的细则定义表.* 选择文件/, await fill('细则定义-已改.xlsx', true));
    await editor.getByText(/^检查通过：测试市 2026/).waitFor();
    await editor.getByRole('button', { name: '保存为评分细则' }).click();
    await editor.getByText(/已保存「测试市 2026/).waitFor();

    // 生成评分表 downloads the workbook made with the office's rubric; filled; scored in file mode.
    await page.getByLabel('单位名称（每行一个）').fill(UNIT);
    await page.getByText('共 1 个单位').waitFor();
    const made = await nextDownload(page, () => page.getByRole('button', { name: '生成评分表' }).click());
    expect(made.suggestedFilename()).toBe('测试市2026信用考核评分表.xlsx');
    const madePath = join(dir, made.suggestedFilename());
    await made.saveAs(madePath);
    const wb = new ExcelJS.Workbook();
    const bytes = readFileSync(madePath);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const inputs: Record<string, Record<string, string | number>> = {};
    for (const [ind, field, value] of unitAnswers()) (inputs[ind] ??= {})[field] = value;
    fillWorkbook(wb, [unitKey(0)], [{ name: UNIT, group: '市直部门', inputs }]);
    const filled = join(dir, '测试市-已填写.xlsx');
    writeFileSync(filled, Buffer.from(await wb.xlsx.writeBuffer()));
    const downloads: Download[] = [];
    const two = new Promise<void>((resolve) =>
      page.on('download', (d) => {
        downloads.push(d);
        if (downloads.length === 2) resolve();
      }),
    );
    await chooseFile(page, /选择已填写的评分表.* 选择文件/, filled);
    await two;
    const annexPath = join(dir, 'annex.xlsx');
    await downloads.find((d) => d.suggestedFilename().endsWith('-附件.xlsx'))!.saveAs(annexPath);
    const summary = sheetGrid(readBook(readFileSync(annexPath)).Sheets['汇总'] as XLSX.WorkSheet);
    const row = summary.find((r) => r.includes(UNIT));
    expect(row).toEqual(expect.arrayContaining([EXPECTED_FINAL, EXPECTED_BAND]));

    // 比较评分细则: the shipped 朝阳 rubric against an edited copy.
    const edited = JSON.parse(JSON.stringify(loadBuiltin('chaoyang-2020-method').rubric));
    edited.bands.list[0].min = 95;
    edited.ranking.groups[1].honours[0].top = 2;
    // 朝阳 1.3.0's item points are office-set parameters (issue 16.12): the edit renames an item instead.
    edited.categories[0].indicators[2].name += '（修订）';
    const editedPath = join(dir, '朝阳-修改.json');
    writeFileSync(editedPath, JSON.stringify(edited));
    const compare = page.getByRole('region', { name: '比较评分细则' });
    await compare.getByRole('combobox', { name: '原细则' }).click();
    await page.getByRole('option', { name: /朝阳市 2020/ }).click();
    await chooseFile(page, /选择要比较的评分细则文件.* 选择文件/, editedPath);
    await compare.getByText('共 3 处不同：').waitFor();
    const items = await compare.getByRole('list', { name: '细则差异' }).getByRole('listitem').allInnerTexts();
    expect(items[0]).toMatch(/^指标 3「.+」：名称由「.+」改为「.+（修订）」$/);
    expect(items[1]).toBe('等次线：等次由 优秀 ≥90 改为 优秀 ≥95');
    expect(items[2]).toMatch(/^排名组「县（市）区人民政府」：表彰由 .+ 前 3 名 改为 .+ 前 2 名$/);
    await compare.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'rubric-diff');
    expect(p.errors).toEqual([]);
  } finally {
    await p.close();
  }
});
