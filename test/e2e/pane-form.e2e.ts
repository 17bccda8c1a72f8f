/**
 * A unit's 自评表 open in Excel (issue 17), in headless Chromium in the production task pane against
 * the in-memory Excel host (ExcelApi 1.8): the pane is the unit's (its name, the live 自评分, the
 * items still 未填, how to return the form), never the office's (no 生成评分表, 导出附件, 自评 flows),
 * and the form's 得分 and 计分说明 follow what the unit types.
 *
 * 衡东 县公安局 types FULL (test/excel-host/add-in-sheets.ts), hand-computed in test/excel/session.test.ts's
 * header to 84.5 (六: 4 reports × 0.5 = 2).
 * SCREENSHOTS=1 writes docs/self-assessment/pane-form.png (the pane beside a form being filled) and
 * pane-form-other-version.png (a form made with another rubric version: the unit's pane, no figure).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { applySheet } from '../../src/excel/apply-plan';
import { Batch } from '../../src/excel/batch';
import { detectApiLevel } from '../../src/excel/requirements';
import { indexBlock } from '../../src/layout/binding';
import type { CellValue } from '../../src/layout/plan';
import {
  FORM_META_SHEET,
  formMetaColumn,
  lockedDigest,
  planFormSheet,
  workbookId,
  type FormIdentity,
} from '../../src/layout/self-assessment';
import { loadBuiltin } from '../../src/rubric/catalog';
import { createExcelHost, installGlobals, type WorkbookSnapshot } from '../excel-host';
import { HENGDONG_FULL } from '../excel-host/add-in-sheets';
import { launch, openPage, type OpenedPage } from './browser';

const ROOT = resolve(__dirname, '../..');
const loaded = loadBuiltin('hengdong-2020-members');
const HD = loaded.rubric;
const UNIT = HD.defaultRoster!.find((u) => u.name === '县公安局')!;
const SHEET = '县公安局';

/**
 * 县公安局's form as makeForm lays it out (table, CS_FORM, very hidden identity), saved as a host snapshot;
 * `madeWith` names the rubric version the form says it was made with (an older one: not scored live).
 */
async function formSnapshot(
  madeWith: { version: string; hash: string } = { version: HD.version, hash: loaded.hash },
): Promise<WorkbookSnapshot> {
  const host = createExcelHost({ apiVersion: '1.8' });
  installGlobals(host);
  const groupLabel = HD.ranking.groups.find((g) => g.id === UNIT.group)!.label;
  const table = planFormSheet(HD, { key: 'U0003', sheetName: SHEET, unitName: UNIT.name, groupLabel });
  const grid: CellValue[][] = Array.from({ length: table.block.rows }, () => Array<CellValue>(table.block.cols).fill(null));
  for (const c of table.cells) grid[c.row][c.col] = c.value;
  const idx = indexBlock(grid);
  if (!idx.ok) throw new Error(idx.message);
  const rubric = { id: HD.id, ...madeWith };
  const units = [{ key: 'U0003', name: UNIT.name, group: UNIT.group }];
  const identity: FormIdentity = {
    format: 'credit-score-form',
    formatVersion: 1,
    workbookId: workbookId({ createdAt: '2026-12-01T08:00:00.000Z', rubric, units }),
    unitKey: 'U0003',
    unitName: UNIT.name,
    group: UNIT.group,
    rubric,
    createdAt: '2026-12-02T00:00:00.000Z',
    lockedDigest: lockedDigest(grid, idx.index),
  };
  await Excel.run(async (context) => {
    const batch = new Batch(context);
    const ws = context.workbook.worksheets.add(SHEET);
    await applySheet(context, batch, ws, table, detectApiLevel());
    const hidden = context.workbook.worksheets.add(FORM_META_SHEET);
    const column = formMetaColumn(identity);
    hidden.getRangeByIndexes(0, 0, column.length, 1).values = column.map((v) => [v]);
    hidden.visibility = 'VeryHidden';
    ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowSort: true, allowAutoFilter: true });
    ws.activate();
    await batch.flush();
  });
  await host.flushEvents();
  return host.save();
}

/** The unit types each value into its own cell (the form is protected: only the input cells take edits). */
async function typeInto(page: Page, rows: readonly (readonly [string, string, unknown])[]): Promise<void> {
  await page.evaluate(
    async ({ sheet, list }) => {
      for (const [ind, field, v] of list) await window.__e2e!.edit(sheet, window.__e2e!.inputAt(sheet, ind, field), [[v]]);
    },
    { sheet: SHEET, list: rows.map(([ind, field, v]) => [ind, field, v] as [string, string, unknown]) },
  );
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('a 自评表 open in Excel: the unit’s pane, its 自评分 and 计分说明 as it types', async () => {
  const state = await formSnapshot();
  let p: OpenedPage | null = null;
  try {
    p = await openPage(browser, 'taskpane.html', { initScript: `window.__e2eState = ${JSON.stringify(state)};` });
    const page = p.page;
    await page.getByRole('heading', { level: 2, name: '自评表', exact: true }).waitFor({ timeout: 60_000 });
    await page.getByText(`单位：${UNIT.name}`).waitFor();
    await page.getByText('自评分：尚不能计算（有未填或有误的项目）').waitFor();
    await page.getByRole('heading', { name: '如何交回自评表' }).waitFor();
    for (const name of ['生成评分表', '导出附件', '生成自评表', '新建另一份评分表'])
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: '评分状态' }).count()).toBe(0);

    // The unit types everything but 十 (the last row of FULL): one item 未填, no total yet (never a
    // partial sum that would look final); 六's 计分说明 is written beside its 得分.
    const rows = HENGDONG_FULL.filter(([ind]) => ind !== '十');
    await typeInto(page, rows);
    await page.getByText('尚有 1 项未填').waitFor();
    await page.getByText('自评分：尚不能计算（有未填或有误的项目）').waitFor();
    const reason = await page.evaluate((s) => window.__e2e!.value(s, window.__e2e!.cellAddress(s, 'i|六|reports', 'reason')), SHEET);
    expect(String(reason)).toMatch(/4\s*份\s*×\s*0\.5\s*分，得\s*2\s*分/);
    // 十 typed too: 84.5, no longer a draft.
    await typeInto(
      page,
      HENGDONG_FULL.filter(([ind]) => ind === '十'),
    );
    await page.getByText('自评分：84.5 分').waitFor();
    await page.getByText('各项均已填写').waitFor();
    if (process.env.SCREENSHOTS === '1') {
      await page.mouse.move(0, 0);
      await page.waitForTimeout(250);
      mkdirSync(join(ROOT, 'docs', 'self-assessment'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'docs', 'self-assessment', 'pane-form.png'), animations: 'disabled', caret: 'hide' });
    }
    expect(await page.evaluate(() => window.__e2e!.handlerErrors())).toEqual([]);
    expect(p.errors).toEqual([]);
  } finally {
    await p?.close();
  }
}, 120_000);

test('a 自评表 of another rubric version: still the unit’s pane, why there is no 自评分, no figure and no office action', async () => {
  const state = await formSnapshot({ version: '1.0.0', hash: 'older' });
  let p: OpenedPage | null = null;
  try {
    p = await openPage(browser, 'taskpane.html', { initScript: `window.__e2eState = ${JSON.stringify(state)};` });
    const page = p.page;
    await page.getByRole('heading', { level: 2, name: '自评表', exact: true }).waitFor({ timeout: 60_000 });
    await page.getByText(`单位：${UNIT.name}`).waitFor();
    await page.getByText('本表不能在此实时计算自评分（原因见问题清单），仍可填写后交回').waitFor();
    await page.getByText(/v1\.0\.0.*版本不一致，不显示自评分/).waitFor();
    await page.getByRole('heading', { name: '如何交回自评表' }).waitFor();
    expect(await page.getByText(/自评分：/).count()).toBe(0);
    for (const name of ['生成评分表', '导出附件', '生成自评表', '重新计算自评分', '新建另一份评分表'])
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: '选择评分细则' }).count()).toBe(0);
    if (process.env.SCREENSHOTS === '1') {
      await page.mouse.move(0, 0);
      await page.waitForTimeout(250);
      await page.screenshot({
        path: join(ROOT, 'docs', 'self-assessment', 'pane-form-other-version.png'),
        animations: 'disabled',
        caret: 'hide',
      });
    }
    expect(p.errors).toEqual([]);
  } finally {
    await p?.close();
  }
}, 120_000);
