/**
 * 自评 in the page without Excel (issue 17), every step in headless Chromium on the plain build:
 *   a score workbook with the office's 核定 inputs (made and filled here, as an office would)
 *   → 生成自评表: one .zip with a form per unit
 *   → one form filled by openpyxl (scripts/fill-form.py), the other sent back blank
 *   → 收回自评表 with both: imported / refused with its reason / not returned, merged workbook downloaded
 *   → the review list shows the item where 核定 differs from 自评, 「缺核减原因」
 *   → a 核减原因 typed in the page: the downloaded workbook carries it in 核查清单 and is 终稿
 *   → a 核减原因 typed in the merged workbook's 核查清单 (exceljs, as a person would in WPS)
 *   → opened in file mode: the list shows the reason and the annex is 终稿 (before the reason it is 草稿)
 *   → 导出附件（含佐证材料清单）with the 对照表 box ticked: the annex ends with the evidence the unit named
 *     and the team's reason, then the 自评与核定对照表 (B, whose blank form was refused: 未提交).
 * SCREENSHOTS=1 writes docs/self-assessment/page-review.png (the review view).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { unzipSync } from 'fflate';
import type { Browser, Download, Page } from 'playwright-core';
import { mulberry32, randomUnit } from '../../bench/random-inputs';
import { NOT_APPLICABLE_FIELD } from '../../src/layout/plan';
import { unitKey } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import type { UnitInput } from '../../src/scoring/types';
import { blankWorkbook } from '../../src/xlsx/blank-workbook';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { REVIEW_SHEET } from '../../src/xlsx/review';
import { fillWorkbook, readBook, scratch, sheetGrid } from '../xlsx/helpers';
import { launch, openPage } from './browser';

const ROOT = resolve(__dirname, '../..');
const loaded = loadBuiltin('hengdong-2020-members');
const { rubric } = loaded;
const roster = rubric.defaultRoster!.slice(0, 2).map((u) => ({ name: u.name, group: rubric.ranking.groups[0].id }));
const [A, B] = roster.map((u) => u.name);

/** Complete answers (the bench generator) with 一 工作机制建设 all 是: 自评分 of 一 = 4. */
function answers(seed: number, name: string): UnitInput {
  const u = randomUnit(rubric, mulberry32(seed), name);
  u.group = roster[0].group;
  u.inputs!['一'] = { leader: '是', leadOffice: '是', dutyOffices: '是', liaison: '是' };
  return u;
}

/** The unit's answers keyed by the form's row keys, for scripts/fill-form.py. */
function fillSpec(u: UnitInput) {
  const values: Record<string, unknown> = {};
  for (const cat of rubric.categories)
    for (const ind of cat.indicators) {
      ind.fields.forEach((f, i) => {
        const v = u.inputs?.[ind.id]?.[f.id];
        if (v !== null && v !== undefined) values[`${i === 0 ? 'i' : 'f'}|${ind.id}|${f.id}`] = v;
      });
      if (u.notApplicable?.includes(ind.id)) values[`f|${ind.id}|${NOT_APPLICABLE_FIELD}`] = '是';
    }
  if (u.bonus !== null && u.bonus !== undefined) values['t|bonus'] = u.bonus;
  return { values, evidence: { 'i|一|leader': `${u.name} 党组会议纪要（2020）第 3 号` } };
}

const toArrayBuffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** Every download an action starts, once `count` have come. */
async function downloads(page: Page, count: number, action: () => Promise<unknown>): Promise<Download[]> {
  const seen: Download[] = [];
  const done = new Promise<void>((res) => {
    const on = (d: Download) => {
      seen.push(d);
      if (seen.length === count) {
        page.off('download', on);
        res();
      }
    };
    page.on('download', on);
  });
  await action();
  await done;
  return seen;
}

async function choose(page: Page, button: RegExp, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(files);
}

/** All text of a workbook's cells, for the 草稿 / 终稿 marks. */
async function allText(path: string): Promise<string> {
  const wb = readBook(readFileSync(path));
  return wb.SheetNames.map((n) =>
    Object.entries(wb.Sheets[n]!)
      .filter(([k]) => !k.startsWith('!'))
      .map(([, c]) => String((c as { v?: unknown }).v ?? ''))
      .join('\n'),
  ).join('\n');
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('the page without Excel: 生成自评表 → one form filled, one blank → 收回自评表 → 核查清单 → reason → annex 终稿', async () => {
  const dir = scratch('cs-e2e-self-');
  // The office's 核定: unit A's 分管领导 not confirmed on site (一: 4 − 1 × 1 = 3), everything else as the unit says.
  const own = roster.map((u, i) => answers(300 + i, u.name));
  const verified = roster.map((_, i) => answers(300 + i, roster[i].name));
  verified[0].inputs!['一'].leader = '否';
  const blank = await blankWorkbook(loaded, roster);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(blank.buffer);
  fillWorkbook(
    wb,
    roster.map((_, i) => unitKey(i)),
    verified,
  );
  const scorePath = join(dir, '衡东县考核评分表.xlsx');
  writeFileSync(scorePath, Buffer.from(await wb.xlsx.writeBuffer()));

  const p = await openPage(browser, 'plain/taskpane.html', { viewport: { width: 420, height: 1000 } });
  try {
    const page = p.page;
    await page.getByRole('heading', { name: '自评：分发与收回自评表' }).waitFor();
    await choose(page, /^选择评分表（\.xlsx） 选择文件/, [scorePath]);

    // 生成自评表: one .zip, a form per unit, named by unit.
    const [zip] = await downloads(page, 1, () => page.getByRole('button', { name: '生成自评表' }).click());
    expect(zip.suggestedFilename()).toBe('衡东县考核评分表-自评表.zip');
    const zipPath = join(dir, 'forms.zip');
    await zip.saveAs(zipPath);
    await page.getByText('共 2 份自评表').waitFor();
    const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
    expect(Object.keys(entries).sort()).toEqual([`01-${A}-自评表.xlsx`, `02-${B}-自评表.xlsx`]);
    mkdirSync(join(dir, 'forms'));
    for (const [name, bytes] of Object.entries(entries)) writeFileSync(join(dir, 'forms', name), bytes);

    // Unit A fills its form with openpyxl (another program); unit B sends its form back blank.
    const spec = join(dir, 'a.json');
    writeFileSync(spec, JSON.stringify(fillSpec(own[0])));
    const formA = join(dir, `${A}-已填.xlsx`);
    execFileSync('/usr/bin/python3', [join(ROOT, 'scripts', 'fill-form.py'), join(dir, 'forms', `01-${A}-自评表.xlsx`), spec, formA], {
      stdio: 'pipe',
    });
    const formB = join(dir, 'forms', `02-${B}-自评表.xlsx`);

    // 收回自评表: A imported, B refused with its one-line reason and listed as not returned.
    const [merged] = await downloads(page, 1, () => choose(page, /^收回自评表/, [formA, formB]));
    expect(merged.suggestedFilename()).toBe('衡东县考核评分表-已收回自评.xlsx');
    const mergedPath = join(dir, 'merged.xlsx');
    await merged.saveAs(mergedPath);
    await page.getByText('已导入（1）').waitFor();
    await page.getByText(new RegExp(`${A}：「${A}-已填\\.xlsx」，\\d+ 处改动`)).waitFor();
    await page.getByText('未导入（1）').waitFor();
    await page.getByText(`「02-${B}-自评表.xlsx」（${B}）：自评表中没有填写任何内容，未导入`).waitFor();
    await page.getByText(`未交回（1）：${B}`).waitFor();

    // The review list: the one item where 核定 differs, 3 − 4 = −1, without a reason yet.
    await page.getByRole('heading', { name: '核查清单（1）' }).waitFor();
    const item = page.getByRole('listitem').filter({ hasText: `${A} · 一 工作机制建设` });
    await item.waitFor();
    expect(await item.innerText()).toContain('自评 4 → 核定 3（差 -1）');
    expect(await item.innerText()).toContain('缺核减原因');
    // The same as the workbook says: the merged file is 草稿 until the reason is given.
    const before = await scoreFilledWorkbook(readFileSync(mergedPath));
    expect(before.review?.differences.map((d) => [d.unit, d.indicatorId, d.self, d.verified, d.difference])).toEqual([[A, '一', 4, 3, -1]]);
    expect(before.state.final).toBe(false);
    if (process.env.SCREENSHOTS === '1') {
      await page.getByRole('heading', { name: '自评：分发与收回自评表' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
      await page.mouse.move(0, 0);
      await page.waitForTimeout(250);
      await page.screenshot({
        path: join(ROOT, 'docs', 'self-assessment', 'page-review.png'),
        fullPage: true,
        animations: 'disabled',
        caret: 'hide',
      });
    }

    // The reason typed in the page: written into the merged workbook's 核查清单, downloaded, 终稿.
    const pageReason = '现场核查：分管领导任命文件未见（页面填写）';
    await page.getByRole('textbox', { name: `${A} · 一 工作机制建设 的核减原因` }).fill(pageReason);
    const [withPageReason] = await downloads(page, 1, () => page.getByRole('button', { name: '写入核减原因并下载评分表' }).click());
    expect(withPageReason.suggestedFilename()).toBe('衡东县考核评分表-含核减原因.xlsx');
    const pageReasonPath = join(dir, 'page-reason.xlsx');
    await withPageReason.saveAs(pageReasonPath);
    await page.getByText(/核减原因已写入「核查清单」，所有差异均已说明（终稿）/).waitFor();
    expect(await page.getByRole('textbox', { name: `${A} · 一 工作机制建设 的核减原因` }).inputValue()).toBe(pageReason);
    const fromPage = await scoreFilledWorkbook(readFileSync(pageReasonPath));
    expect(fromPage.review?.differences.map((d) => [d.unit, d.indicatorId, d.reason])).toEqual([[A, '一', pageReason]]);
    expect(fromPage.state.final).toBe(true);
    const pageBook = new ExcelJS.Workbook();
    await pageBook.xlsx.load(toArrayBuffer(readFileSync(pageReasonPath)));
    expect(pageBook.getWorksheet(REVIEW_SHEET)!.getCell(4, 7).value).toBe(pageReason);

    // The office types the reason into 核查清单 (first difference row), then opens the file in file mode.
    const reason = '现场核查：未见分管领导任命文件';
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(toArrayBuffer(readFileSync(mergedPath)));
    const review = book.getWorksheet(REVIEW_SHEET)!;
    expect(review.getCell(4, 2).value).toBe(A);
    review.getCell(4, 7).value = reason;
    const withReason = join(dir, '衡东县考核评分表-已核定.xlsx');
    writeFileSync(withReason, Buffer.from(await book.xlsx.writeBuffer()));
    const scored = await downloads(page, 2, () => choose(page, /^选择已填写的评分表.* 选择文件/, [withReason]));
    const annexPath = join(dir, 'annex.xlsx');
    await scored.find((d) => d.suggestedFilename().endsWith('-附件.xlsx'))!.saveAs(annexPath);
    // The opened workbook's list has the 核减原因 boxes too, holding the reason read from the file.
    const box = page.getByRole('textbox', { name: `${A} · 一 工作机制建设 的核减原因` });
    await box.waitFor();
    expect(await box.inputValue()).toBe(reason);
    expect(await page.getByText('缺核减原因').count()).toBe(0);
    // A reason changed there is written into the opened file and downloaded, as after 收回自评表.
    const revised = `${reason}（复核）`;
    await box.fill(revised);
    const [fromOpened] = await downloads(page, 1, () => page.getByRole('button', { name: '写入核减原因并下载评分表' }).click());
    expect(fromOpened.suggestedFilename()).toBe('衡东县考核评分表-已核定-含核减原因.xlsx');
    const openedPath = join(dir, 'opened-reason.xlsx');
    await fromOpened.saveAs(openedPath);
    await page.getByText(/核减原因已写入「核查清单」，所有差异均已说明（终稿）/).waitFor();
    const openedBook = new ExcelJS.Workbook();
    await openedBook.xlsx.load(toArrayBuffer(readFileSync(openedPath)));
    expect(openedBook.getWorksheet(REVIEW_SHEET)!.getCell(4, 7).value).toBe(revised);
    // 终稿: no 草稿 mark anywhere in the annex (the annex made before the reason carried one).
    const draftAnnex = join(dir, 'draft-annex.xlsx');
    writeFileSync(draftAnnex, Buffer.from(before.annex));
    expect(await allText(draftAnnex)).toContain('草稿');
    expect(await allText(annexPath)).not.toContain('草稿');

    // 导出附件（含佐证材料清单）with 「附件中加入自评与核定对照表」: the evidence list, then the comparison, last.
    await page.getByRole('checkbox', { name: '附件中加入自评与核定对照表' }).check();
    const [withEvidence] = await downloads(page, 1, () => choose(page, /^导出附件（含佐证材料清单）.* 选择文件/, [withReason]));
    const evidencePath = join(dir, 'annex-evidence.xlsx');
    await withEvidence.saveAs(evidencePath);
    await page.getByText(/（终稿，含佐证材料清单）/).waitFor();
    await page.getByText(/附件末尾已加入「自评与核定对照表」/).waitFor();
    const evidenceBook = readBook(readFileSync(evidencePath));
    expect(evidenceBook.SheetNames.slice(-2)).toEqual(['佐证材料清单', '自评与核定对照表']);
    // B's blank form was refused: 未提交 in the comparison, never 0.
    const comparison = sheetGrid(evidenceBook.Sheets['自评与核定对照表'] as XLSX.WorkSheet);
    expect(comparison.find((r) => r[1] === B)?.slice(3, 5)).toEqual(['未提交', '未提交']);
    expect(comparison.find((r) => r[1] === A)?.slice(3, 9)).toEqual(['已提交', expect.any(Number), expect.any(Number), -1, 1, 0]);
    const rows = sheetGrid(evidenceBook.Sheets['佐证材料清单'] as XLSX.WorkSheet);
    expect(rows.find((r) => r[1] === A && r[2] === '一 工作机制建设')).toEqual([
      1,
      A,
      '一 工作机制建设',
      `${A} 党组会议纪要（2020）第 3 号`,
      reason,
    ]);
    expect(p.errors).toEqual([]);
  } finally {
    await p.close();
  }
}, 300_000);
