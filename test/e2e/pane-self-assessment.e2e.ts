/**
 * 自评 inside Excel (issue 17), every step in headless Chromium in the production task pane against the
 * in-memory Excel host (ExcelApi 1.8):
 *   衡东, three units → 生成评分表 → the office types one 核定 value of 县公安局 (分管领导 否)
 *   → 生成自评表: one .zip with a form per unit, made from the open workbook
 *   → 县公安局 fills its form completely and 人民银行衡东县支行 two items (openpyxl, scripts/fill-form.py);
 *     a form of another workbook (made from a blank workbook of the same rubric and roster) comes back too
 *   → 收回自评表: two imported, the other workbook's refused with its Chinese line, 县发改局 not returned
 *   → the open workbook: 自评填报 and 佐证材料 beside 核定, empty 核定 prefilled, the typed 否 kept,
 *     变更记录 rows with source 自评导入, the scores following 核定
 *   → a second form of 县公安局 refused (the pane's words for replacing)
 *   → 导出附件: the annex (Excel.createWorkbook) carries the 核定 total, not the 自评 one.
 * SCREENSHOTS=1 writes docs/self-assessment/pane-collect.png (the pane's 自评 section after 收回自评表, with its 核查清单).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as XLSX from '@e965/xlsx';
import { unzipSync } from 'fflate';
import type { Browser, Download, Page } from 'playwright-core';
import { PANE_REPLACE_HINT } from '../../src/excel/self-assessment';
import { CHANGE_LOG_SHEET } from '../../src/layout/change-log';
import { REVIEW_SHEET } from '../../src/layout/review';
import { SELF_ROLES } from '../../src/layout/self-assessment';
import { loadBuiltin } from '../../src/rubric/catalog';
import { blankWorkbook } from '../../src/xlsx/blank-workbook';
import { makeForms } from '../../src/xlsx/forms';
import { readBook, scratch, sheetGrid } from '../xlsx/helpers';
import { launch, openPage, type OpenedPage } from './browser';

const ROOT = resolve(__dirname, '../..');
const loaded = loadBuiltin('hengdong-2020-members');
/** A = 县公安局 (fills everything), B = 人民银行衡东县支行 (two items), C = 县发改局 (does not return). */
const [A, B, C] = ['县公安局', '人民银行衡东县支行', '县发改局'];

/**
 * 县公安局's answers (test/excel/session.test.ts FULL, hand-scored there to 84.5), by the form's row keys.
 * 一: leader, leadOffice, dutyOffices 是, liaison 否 → 4 − 1 = 3 of the 84.5.
 */
const FULL_A: Record<string, unknown> = {
  'i|一|leader': '是',
  'f|一|leadOffice': '是',
  'f|一|dutyOffices': '√',
  'f|一|liaison': '否',
  'i|二|plan': '是',
  'f|二|opinion': '是',
  'f|二|system': '有',
  'i|三.1|catalog': '制定并盖章确认且目录完整',
  'i|三.2|score': 20,
  'i|三.3|score': 2,
  'i|三.4|score': 3,
  'i|三.5|score': 3,
  'i|四.1|issued': '是',
  'i|四.2|score': 8,
  'i|四.3|score': 4,
  'i|五|commitments': '25',
  'i|六|reports': 4,
  'i|七|firms': 12,
  'i|八|share': '75%',
  'f|八|noSevere': '否',
  'i|九.1|activities': 3,
  'i|九.2|adopted': 10,
  'i|十|missed': 2,
};
const EVIDENCE_A = '县公安局党委会议纪要（2020）第 3 号';
/**
 * The office's 核定 of 县公安局: everything as the unit says, except 分管领导 not confirmed (typed 否
 * before the forms came back): 一 = 4 − 2 = 2, total 84.5 − 1 = 83.5.
 */
const VERIFIED_TOTAL_A = 83.5;

/** Fills a form as another program would (openpyxl), by the form's row keys. */
function fill(dir: string, form: string, spec: object, out: string): string {
  writeFileSync(join(dir, `${out}.json`), JSON.stringify(spec));
  execFileSync('/usr/bin/python3', [join(ROOT, 'scripts', 'fill-form.py'), form, join(dir, `${out}.json`), join(dir, out)], {
    stdio: 'pipe',
  });
  return join(dir, out);
}

async function nextDownload(page: Page, action: () => Promise<unknown>): Promise<Download> {
  const download = page.waitForEvent('download');
  await action();
  return download;
}

async function chooseForms(page: Page, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^收回自评表/ }).click();
  await (await chooser).setFiles(files);
}

/** A cell of a unit sheet by row key and column role, read from the host in the page. */
const cell = (page: Page, sheet: string, rowKey: string, role: string) =>
  page.evaluate(({ s, k, r }) => window.__e2e!.value(s, window.__e2e!.cellAddress(s, k, r)), { s: sheet, k: rowKey, r: role });

async function waitFor(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('inside Excel: 生成自评表 → two forms filled, one of another workbook → 收回自评表 → the open workbook → 导出附件', async () => {
  const dir = scratch('cs-e2e-pane-self-');
  let p: OpenedPage | null = null;
  try {
    p = await openPage(browser, 'taskpane.html', { viewport: { width: 420, height: 1000 } });
    const page = p.page;
    await page.getByRole('combobox', { name: '评分细则' }).click();
    await page.getByRole('option', { name: /衡东县/ }).click();
    await page.getByLabel('单位名称（每行一个）').fill([A, B, C].join('\n'));
    await page.getByText('共 3 个单位').waitFor();
    await page.getByRole('button', { name: '生成评分表' }).click();
    await page.getByRole('heading', { name: '评分状态' }).waitFor({ timeout: 60_000 });
    // The office has checked one item of 县公安局 already: 分管领导 not confirmed.
    await page.evaluate((u) => window.__e2e!.edit(u, window.__e2e!.inputAt(u, '一', 'leader'), [['否']]), A);

    // 生成自评表 from the open workbook: one .zip, a form per unit in roster order.
    const section = page.getByRole('region', { name: '自评：分发与收回自评表' });
    await section.getByText(/按本工作簿的单位名单和评分细则生成自评表/).waitFor();
    expect(await section.getByRole('button', { name: /选择评分表/ }).count()).toBe(0); // no file to choose in Excel
    const zip = await nextDownload(page, () => section.getByRole('button', { name: '生成自评表' }).click());
    expect(zip.suggestedFilename()).toBe('衡东县2020年考核自评表.zip');
    const zipPath = join(dir, 'forms.zip');
    await zip.saveAs(zipPath);
    await section.getByText('已下载「衡东县2020年考核自评表.zip」：共 3 份自评表。').waitFor();
    const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
    expect(Object.keys(entries)).toEqual([`01-${A}-自评表.xlsx`, `02-${B}-自评表.xlsx`, `03-${C}-自评表.xlsx`]);
    mkdirSync(join(dir, 'forms'));
    for (const [name, bytes] of Object.entries(entries)) writeFileSync(join(dir, 'forms', name), bytes);

    // A fills everything (with one piece of evidence), B two items of 二, C nothing; and a form of another workbook.
    const formA = fill(
      dir,
      join(dir, 'forms', `01-${A}-自评表.xlsx`),
      { values: FULL_A, evidence: { 'i|一|leader': EVIDENCE_A } },
      `${A}-已填.xlsx`,
    );
    const formB = fill(
      dir,
      join(dir, 'forms', `02-${B}-自评表.xlsx`),
      { values: { 'i|二|plan': '是', 'f|二|opinion': '否' } },
      `${B}-已填.xlsx`,
    );
    const other = await makeForms(
      (
        await blankWorkbook(
          loaded,
          [A, B, C].map((name) => ({ name, group: '成员单位' })),
        )
      ).buffer,
    );
    writeFileSync(join(dir, 'other-blank.xlsx'), Buffer.from(other.forms[1].buffer));
    const otherForm = fill(dir, join(dir, 'other-blank.xlsx'), { values: { 'i|二|plan': '是' } }, '别的工作簿的自评表.xlsx');

    // 收回自评表: nothing downloaded in Excel, the summary says who returned and who did not.
    await chooseForms(page, [formA, formB, otherForm]);
    await section.getByText('已导入（2）').waitFor({ timeout: 60_000 });
    await section.getByText(/已写入本工作簿/).waitFor();
    // A: 23 自评填报 + 1 佐证材料; 22 核定 prefilled (分管领导 was typed). B: 2 + 2.
    await section.getByText(`${A}：「${A}-已填.xlsx」，46 处改动，预填核定 22 项`).waitFor();
    await section.getByText(`${B}：「${B}-已填.xlsx」，4 处改动，预填核定 2 项`).waitFor();
    await section.getByText('未导入（1）').waitFor();
    await section
      .getByText(new RegExp(`^「别的工作簿的自评表\\.xlsx」（${B}）是另一份考核工作簿的自评表（工作簿标识 \\w+，本工作簿 \\w+），未导入$`))
      .waitFor();
    await section.getByText(`未交回（1）：${C}`).waitFor();
    await page.evaluate(() => window.__e2e!.settle());

    // The open workbook: 自评 beside 核定; the typed 否 kept; empty 核定 prefilled; 75 % a percent.
    expect(await cell(page, A, 'i|一|leader', SELF_ROLES.input)).toBe('是');
    expect(await cell(page, A, 'i|一|leader', 'input')).toBe('否');
    expect(await cell(page, A, 'f|一|leadOffice', 'input')).toBe('是');
    expect(await cell(page, A, 'i|八|share', 'input')).toBeCloseTo(0.75, 12);
    expect(await cell(page, A, 'i|一|leader', SELF_ROLES.evidence)).toBe(EVIDENCE_A);
    expect(await cell(page, B, 'i|二|plan', SELF_ROLES.input)).toBe('是');
    expect(await cell(page, B, 'i|二|plan', 'input')).toBe('是');
    expect(await page.evaluate((u) => window.__excelHost!.values(u, 'A1:Z1')[0], C)).not.toContain(SELF_ROLES.input);
    // The scores follow 核定: 一 = 2 (分管领导 and 联络员 否), total 83.5.
    await waitFor(async () => (await cell(page, A, 't|final', 'score')) === VERIFIED_TOTAL_A, `${A} total ${VERIFIED_TOTAL_A}`);
    expect(await cell(page, A, 'i|一|leader', 'score')).toBe(2);
    // 变更记录: one row per value changed, source 自评导入; 分管领导's 核定 is not among them.
    const log = (await page.evaluate((s) => window.__excelHost!.values(s, 'A1:I80'), CHANGE_LOG_SHEET)).filter(
      (r) => r[0] !== '' && r[0] !== null,
    );
    // Row 2: the office's 否 typed before the collect, logged by the live session as 手工修改; the
    // collect's own writes are never logged a second time as 手工修改.
    expect(log[1].slice(1, 8)).toEqual([A, '一 工作机制建设', '是否明确分管领导', '核定填报', '', '否', '手工修改']);
    const rows = log.slice(2);
    expect(rows).toHaveLength(46 + 4);
    expect(rows.every((r) => r[7] === '自评导入')).toBe(true);
    expect(rows.filter((r) => r[1] === A && r[3] === '是否明确分管领导').map((r) => [r[4], r[5], r[6]])).toEqual([['自评填报', '', '是']]);
    expect(rows).toContainEqual([
      expect.any(String),
      A,
      '八 信用修复、信用投诉和异议处理情况',
      '严重失信企业参加信用修复、信用投诉和异议处理的占比',
      '核定填报',
      '',
      '75%',
      '自评导入',
      `${A}-已填.xlsx`,
    ]);

    // Review: the session scores the 自评 columns. 一 of A: 自评 4 − 1 (联络员 否) = 3 against 核定 2
    // (分管领导 typed 否 as well), the only item where they differ (every other 核定 was prefilled
    // from the 自评, B's two items too). 核查清单 lists it without a reason: the pane says so.
    expect(await page.evaluate(() => window.__excelHost!.sheetNames())).toEqual(
      expect.arrayContaining([A, B, C, CHANGE_LOG_SHEET, REVIEW_SHEET]),
    );
    await waitFor(async () => (await cell(page, A, 'i|一|leader', SELF_ROLES.score)) === 3, `${A} 自评分 of 一 = 3`);
    const reviewRows = async () =>
      (await page.evaluate((s) => window.__excelHost!.values(s, 'A1:H12'), REVIEW_SHEET)).filter((r) => typeof r[0] === 'number');
    const listed = await reviewRows();
    expect(listed.map((r) => r.slice(1, 7))).toEqual([[A, '一 工作机制建设', 3, 2, -1, '']]);
    await section.getByText('缺核减原因').waitFor();
    // The picture in docs: the summary of the collect and the 核查清单 that follows it.
    if (process.env.SCREENSHOTS === '1') {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
      await page.mouse.move(0, 0);
      await page.waitForTimeout(250);
      mkdirSync(join(ROOT, 'docs', 'self-assessment'), { recursive: true });
      // The whole 自评 section, also the part below the window.
      await section.screenshot({ path: join(ROOT, 'docs', 'self-assessment', 'pane-collect.png'), animations: 'disabled', caret: 'hide' });
    }
    // The reason typed in 核查清单 (row 4: the first line under the header) is read back and kept.
    const reasonRow = (await page.evaluate((s) => window.__excelHost!.values(s, 'A1:A12'), REVIEW_SHEET)).findIndex((r) => r[0] === 1);
    await page.evaluate(([s, address]) => window.__e2e!.edit(s, address, [['现场核查：分管领导未发文明确']]), [
      REVIEW_SHEET,
      `G${reasonRow + 1}`,
    ] as const);
    await page.evaluate(() => window.__e2e!.settle());
    await section.getByText('现场核查：分管领导未发文明确').waitFor();
    expect(await section.getByText('缺核减原因').count()).toBe(0);
    expect((await reviewRows()).map((r) => r[6])).toEqual(['现场核查：分管领导未发文明确']);

    // A second form of 县公安局: refused with the pane's words, nothing changed.
    const again = fill(dir, join(dir, 'forms', `01-${A}-自评表.xlsx`), { values: { 'i|一|leader': '否' } }, `${A}-再交.xlsx`);
    await chooseForms(page, [again]);
    await section.getByText('已导入（0）').waitFor({ timeout: 60_000 });
    await section
      .getByText(
        new RegExp(
          `^「${A}-再交\\.xlsx」（${A}）：该单位的自评表已于 .* 导入（「${A}-已填\\.xlsx」），未导入；要以本文件替换，${PANE_REPLACE_HINT}$`,
        ),
      )
      .waitFor();
    await section.getByText(`此前已导入：${A}、${B}`).waitFor();
    expect(await cell(page, A, 'i|一|leader', SELF_ROLES.input)).toBe('是');

    // 「汇总中列出自评总分、差值和未说明差异」 lays 汇总 out again in the open workbook. A: 自评 一 = 3
    // against 核定 2, every other item prefilled from its 自评, so 自评总分 = 83.5 + 1 = 84.5 and 差值
    // 83.5 − 84.5 = −1, its one difference explained above (0 open). B filled two items: neither total is
    // settled (核定 blank, 自评 未完成, 差值 —) and nothing differs (0). C returned nothing: 未提交.
    const box = section.getByRole('checkbox', { name: '汇总中列出自评总分、差值和未说明差异' });
    await box.check();
    const summaryGrid = () => page.evaluate(() => window.__excelHost!.values('汇总', 'A4:AF8'));
    await waitFor(async () => (await summaryGrid())[0].includes('自评总分'), '汇总 has 自评总分');
    await page.evaluate(() => window.__e2e!.settle());
    expect(await box.isChecked()).toBe(true);
    const grid = await summaryGrid();
    const selfOf = (unit: string) => {
      const r = grid.find((x) => x[1] === unit)!;
      return ['核定总分', '自评总分', '差值（核定−自评）', '未说明差异'].map((h) => r[grid[0].indexOf(h)]);
    };
    expect(selfOf(A)).toEqual([VERIFIED_TOTAL_A, 84.5, -1, 0]);
    expect(selfOf(B)).toEqual(['', '未完成', '—', 0]);
    expect(selfOf(C)).toEqual(['', '未提交', '—', '—']);

    // 导出附件: the annex opened as a new workbook is the 核定 result (83.5), never the 自评 one.
    await page.getByRole('button', { name: '导出附件', exact: true }).click();
    await page.getByText('附件已导出。').waitFor();
    const base64 = await page.evaluate(() => window.__excelHost!.createdWorkbooks.at(-1) ?? '');
    const annex = readBook(Buffer.from(base64, 'base64'));
    const summary = sheetGrid(annex.Sheets['汇总'] as XLSX.WorkSheet);
    expect(summary.find((r) => r.includes(A))).toEqual(expect.arrayContaining([VERIFIED_TOTAL_A]));
    const text = annex.SheetNames.flatMap((n) => sheetGrid(annex.Sheets[n] as XLSX.WorkSheet).flat()).join('\n');
    expect(text).not.toContain('自评填报');
    expect(text).toContain('草稿'); // 县发改局 has nothing yet

    // 导出附件（含佐证材料清单） with the 对照表: read from the open workbook, opened as a new workbook.
    const opened = await page.evaluate(() => window.__excelHost!.createdWorkbooks.length);
    await section.getByRole('checkbox', { name: '附件中加入自评与核定对照表' }).check();
    await section.getByRole('button', { name: '导出附件（含佐证材料清单）' }).click();
    await section.getByText(/附件已在新工作簿中打开（草稿，含佐证材料清单）/).waitFor({ timeout: 60_000 });
    await section.getByText(/附件末尾已加入「自评与核定对照表」/).waitFor();
    expect(await page.evaluate(() => window.__excelHost!.createdWorkbooks.length)).toBe(opened + 1);
    const withEvidence = readBook(Buffer.from(await page.evaluate(() => window.__excelHost!.createdWorkbooks.at(-1) ?? ''), 'base64'));
    expect(withEvidence.SheetNames.slice(-2)).toEqual(['佐证材料清单', '自评与核定对照表']);
    const evidence = sheetGrid(withEvidence.Sheets['佐证材料清单'] as XLSX.WorkSheet)
      .flat()
      .join('\n');
    expect(evidence).toContain(EVIDENCE_A);
    expect(evidence).toContain('现场核查：分管领导未发文明确');
    expect(await page.evaluate(() => window.__e2e!.handlerErrors())).toEqual([]);
    expect(p.errors).toEqual([]);
  } finally {
    await p?.close();
  }
}, 300_000);
