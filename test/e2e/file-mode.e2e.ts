/**
 * File mode end to end: the plain production build (dist-e2e/plain/, no Office) in headless Chromium.
 * A 衡东 workbook for 3 units is made and filled in Node with exceljs (one unit complete, one with
 * 「四篇」 in a count, one partly blank), picked through the pane's file input; both downloads
 * (<name>-已计分.xlsx, <name>-附件.xlsx) are read back with SheetJS: no formula anywhere, every computed
 * cell equals scoreRoster() on the same inputs; the pane shows the 3 units and the bad value.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Download } from 'playwright-core';
import { cellOf } from '../../src/layout/binding';
import { allOutputs } from '../../src/layout/outputs';
import { unitKey } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import { scoreRoster } from '../../src/scoring/score';
import { blankWorkbook } from '../../src/xlsx/blank-workbook';
import { fillWorkbook, formulaCells, readBook, sampleInputs, scratch, sheetGrid, sheetJsBlock } from '../xlsx/helpers';
import { axeViolations, launch, openPage, screenshot, seriousOnly } from './browser';

const ID = 'hengdong-2020-members';
const FILE = '衡东信用考核2026';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('plain browser: a filled 衡东 workbook picked in file mode is scored, both files downloaded, the status shown', async () => {
  const loaded = loadBuiltin(ID);
  const { rubric } = loaded;
  const group = rubric.ranking.groups[0].id;
  const names = ['县发改局', '县财政局', '县教育局'].map((name) => ({ name, group }));
  const inputs = sampleInputs(rubric, names, 20261124);
  const inds = rubric.categories.flatMap((c) => c.indicators);
  const last = inds[inds.length - 1];
  // Unit 2: complete apart from a count typed as words.
  inputs[1].inputs![last.id][last.fields[0].id] = inputs[0].inputs![last.id][last.fields[0].id];
  const count = inds.find((i) => i.fields[0].type === 'count')!;
  inputs[1].inputs![count.id][count.fields[0].id] = '四篇';
  // Unit 3: the second half of the indicators left blank.
  inputs[2].notApplicable = [];
  for (const ind of inds.slice(Math.floor(inds.length / 2))) for (const f of ind.fields) inputs[2].inputs![ind.id][f.id] = null;
  const expected = scoreRoster(rubric, inputs);
  expect(expected.units[0].final).not.toBeNull();
  expect(expected.units[1].items[count.id].status).toBe('invalid');
  expect(expected.units[2].final).toBeNull();

  const dir = scratch('cs-e2e-file-');
  const { buffer } = await blankWorkbook(loaded, names);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  const keys = names.map((_, i) => unitKey(i));
  fillWorkbook(wb, keys, inputs);
  const filled = join(dir, `${FILE}.xlsx`);
  writeFileSync(filled, Buffer.from(await wb.xlsx.writeBuffer()));

  const p = await openPage(browser, 'plain/taskpane.html');
  try {
    const page = p.page;
    await page.getByRole('heading', { name: '文件模式：为已填写的评分表计分' }).waitFor();
    const downloads: Download[] = [];
    const two = new Promise<void>((resolve) =>
      page.on('download', (d) => {
        downloads.push(d);
        if (downloads.length === 2) resolve();
      }),
    );
    // The Fluent button opens the (hidden) input's dialog.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /选择已填写的评分表.* 选择文件/ }).click();
    await (await chooser).setFiles(filled);
    await two;

    const byName = new Map(downloads.map((d) => [d.suggestedFilename(), d]));
    expect([...byName.keys()].sort()).toEqual([`${FILE}-已计分.xlsx`, `${FILE}-附件.xlsx`].sort());
    const saved = async (suffix: string) => {
      const path = join(dir, `out${suffix}`);
      await byName.get(`${FILE}${suffix}`)!.saveAs(path);
      return readBook(readFileSync(path));
    };
    const scored = await saved('-已计分.xlsx');
    const annex = await saved('-附件.xlsx');
    expect(formulaCells(scored)).toEqual([]);
    expect(formulaCells(annex)).toEqual([]);

    // Every computed cell of the scored workbook is the engine's value; the complete unit's final score in 汇总 too.
    const outputs = allOutputs(
      rubric,
      keys.map((key, i) => ({ key, score: expected.units[i] })),
    );
    const mismatches: string[] = [];
    const blocks = new Map<string, ReturnType<typeof sheetJsBlock>>();
    for (const o of outputs) {
      if (!blocks.has(o.sheetKey)) blocks.set(o.sheetKey, sheetJsBlock(scored, o.sheetKey));
      const b = blocks.get(o.sheetKey)!;
      const at = cellOf(b.index, o.rowKey, o.role);
      const got = at ? b.grid[at.row][at.col] : undefined;
      if (got !== o.value) mismatches.push(`${b.sheetName} ${o.rowKey} ${o.role}: ${String(got)} ≠ ${String(o.value)}`);
    }
    expect(mismatches).toEqual([]);
    const final = outputs.find((o) => o.sheetKey === 'SUMMARY' && o.rowKey.includes(keys[0]) && o.role === 'final');
    expect(final?.value).toBe(expected.units[0].final);
    // The annex's 汇总 has the complete unit's row with its final score.
    const summary = sheetGrid(annex.Sheets['汇总']);
    const row = summary.find((r) => r.includes(names[0].name));
    expect(row).toContain(expected.units[0].final);

    // The pane: the status table with the 3 units, the problem list with the bad value.
    await page.getByRole('heading', { name: '评分状态' }).waitFor();
    const table = page.getByRole('region', { name: '各单位得分' });
    for (const n of names) await table.getByRole('cell', { name: n.name, exact: true }).waitFor();
    expect(await table.getByRole('row').count()).toBe(4);
    await page.getByRole('heading', { name: /^问题清单（\d+）$/ }).waitFor();
    await page.getByRole('listitem').filter({ hasText: '「四篇」不是数字' }).first().waitFor();
    await page.getByText(`「${FILE}.xlsx」已计分`).waitFor();
    // No workbook here: nothing to rescore or export from, no cell to take the user to.
    expect(await page.getByRole('button', { name: '重新计分' }).count()).toBe(0);
    // (The 自评 section's 「导出附件（含佐证材料清单）」 exports from a workbook picked there: not this one.)
    expect(await page.getByRole('button', { name: '导出附件', exact: true }).count()).toBe(0);
    expect(await page.getByText('点击某一条问题').count()).toBe(0);
    expect(seriousOnly(await axeViolations(page))).toEqual([]);
    // The picture: the picked file, the success message, the status table and the problems.
    await page.getByRole('heading', { name: '文件模式：为已填写的评分表计分' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'browser');
    expect(p.errors).toEqual([]);
  } finally {
    await p.close();
  }
});
