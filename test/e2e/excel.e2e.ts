/**
 * The production task pane inside "Excel": dist-e2e/taskpane.html, whose e2e-host entry installs the
 * in-memory Excel host (ExcelApi 1.8, zh-CN) before the pane's own script runs.
 *
 * One workbook, step by step (the tests of the first describe share the page and run in order):
 * first paint → 衡东 rubric and its notes → 36-unit roster from the annex → 生成评分表 → the user
 * fills 县公安局 (84.5 points, hand-computed in test/excel/session.test.ts) → totals and the problem
 * list follow → a click on a problem selects its cell → 中文 ⇄ English. Then keyboard only, and
 * axe-core in the real browser. SCREENSHOTS=1 writes docs/screenshots/*.png along the way.
 */
import type { Browser, Page } from 'playwright-core';
import { HENGDONG_FULL, type InputRow } from '../excel-host/add-in-sheets';
import { axeViolations, launch, openPage, screenshot, seriousOnly, type OpenedPage } from './browser';

const UNIT = '县公安局';

/** Pastes `rows` into the unit's input column as one multi-cell edit, in the page, and waits for the events. */
async function paste(page: Page, sheet: string, rows: readonly InputRow[]) {
  await page.evaluate(({ sheet, rows }) => window.__e2e!.pasteInputs(sheet, rows), { sheet, rows: [...rows] });
}

const unitRow = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
const problemsHeading = (page: Page) => page.getByRole('heading', { name: /^问题清单（\d+）$/ });
const problemCount = async (page: Page) => Number(/（(\d+)）/.exec((await problemsHeading(page).textContent()) ?? '')![1]);

async function chooseHengdong(page: Page) {
  await page.getByRole('combobox', { name: '评分细则' }).click();
  await page.getByRole('option', { name: /衡东县/ }).click();
  await page.getByRole('heading', { name: /细则说明（25 条）/ }).waitFor();
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('inside Excel 1.8: one workbook, step by step', () => {
  let p: OpenedPage;
  let page: Page;
  let releaseController: () => void = () => undefined;

  beforeAll(async () => {
    // Hold back the Excel controller's chunk, to see what the pane paints without it.
    const held = new Promise<void>((resolve) => (releaseController = resolve));
    p = await openPage(browser, 'taskpane.html', {
      setup: (context) =>
        context.route(/\/excel\.[0-9a-f]+\.js$/, async (route) => {
          await held;
          await route.continue();
        }),
    });
    page = p.page;
  });
  afterAll(async () => {
    await p?.close();
  });

  test('first paint is the real pane: header, language toggle and sections, the rubric list still loading', async () => {
    await page.getByRole('heading', { level: 1, name: '信用建设考核评分' }).waitFor();
    await expectVisible(page.getByRole('group', { name: '界面语言' }));
    await expectVisible(page.getByRole('button', { name: '中文' }));
    await expectVisible(page.getByRole('button', { name: 'English' }));
    await expectVisible(page.getByRole('heading', { name: '选择评分细则' }));
    await expectVisible(page.getByRole('heading', { name: '导入评分细则' }));
    await expectVisible(page.getByRole('heading', { name: '被考核单位名单' }));
    await expectVisible(page.getByRole('button', { name: '生成评分表' }));
    await expectVisible(page.getByText('正在载入评分细则…'));
    expect(await page.getByRole('combobox', { name: '评分细则' }).count()).toBe(0);
    releaseController();
    await page.getByRole('combobox', { name: '评分细则' }).waitFor();
    expect(await page.getByText('正在载入评分细则…').count()).toBe(0);
    await screenshot(page, 'empty');
  });

  test('choosing 衡东 shows its details and notes', async () => {
    await chooseHengdong(page);
    await expectVisible(page.getByText('东信建〔2020〕02号'));
    await page.getByRole('button', { name: /细则说明（25 条）/ }).click();
    const firstNote = page.getByRole('button', { name: /总体/ }).first();
    await firstNote.click();
    await expectVisible(page.getByText(/四舍五入/).first());
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'rubric-chosen');
  });

  test('使用文件附件名单 fills 36 units; 生成评分表 lays out the workbook and the status table appears', async () => {
    await page.getByRole('button', { name: '使用文件附件名单' }).click();
    await expectVisible(page.getByText('共 36 个单位'));
    await page.getByRole('button', { name: '生成评分表' }).click();
    await page.getByRole('heading', { name: '评分状态' }).waitFor({ timeout: 60_000 });
    await expectVisible(page.getByText('已填完 0 / 共 36 个单位'));
    expect(await page.getByRole('region', { name: '各单位得分' }).getByRole('row').count()).toBe(37);
    const sheets = await page.evaluate(() => window.__excelHost!.sheetNames());
    expect(sheets).toEqual(expect.arrayContaining(['汇总', '排名', '细则说明', UNIT]));
    // Focus moved to the status heading (App does this after a successful create).
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('评分状态');
    // The table fits the pane at 360 and 320 px: every column (等次, 名次 too) without scrolling sideways.
    const table = page.getByRole('region', { name: '各单位得分' });
    const size = page.viewportSize()!;
    for (const width of [360, 320]) {
      await page.setViewportSize({ width, height: size.height });
      const fits = await table.evaluate((el) => el.scrollWidth <= el.clientWidth);
      expect([width, fits]).toEqual([width, true]);
    }
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'workbook-made');
  });

  test('the user fills 县公安局 in the sheet: its total (84.5) and the problem list update in the pane', async () => {
    const before = await problemCount(page);
    expect(before).toBeGreaterThan(0);
    await paste(page, UNIT, HENGDONG_FULL);
    await expectText(unitRow(page, UNIT), /84\.5/);
    await expectVisible(page.getByText('已填完 1 / 共 36 个单位'));
    await expectText(unitRow(page, UNIT), /23\/23/);
    // 县公安局's unfilled entry has gone; in its place the ranks say they are provisional (35 units
    // have no total yet), so the count is 36 − 1 + 1.
    const problems = page.getByRole('listitem').getByRole('button');
    await expect_(async () => expect(await problems.filter({ hasText: UNIT }).count()).toBe(0));
    await expectVisible(problems.filter({ hasText: '还有 35 个单位未得出总分' }));
    expect(await problemCount(page)).toBe(before);
    // The workbook itself agrees.
    const final = await page.evaluate((u) => window.__e2e!.value(u, window.__e2e!.cellAddress(u, 't|final', 'score')), UNIT);
    expect(final).toBe(84.5);
    expect(p.errors).toEqual([]);
    expect(await page.evaluate(() => window.__e2e!.handlerErrors())).toEqual([]);
  });

  test('a bad entry shows up as a problem; clicking it selects the cell in Excel', async () => {
    const before = await problemCount(page);
    const address = await page.evaluate(async (u) => {
      const a = window.__e2e!.inputAt(u, '六', 'reports');
      await window.__e2e!.edit(u, a, [['四份']]);
      return a;
    }, UNIT);
    const problem = page.getByRole('listitem').getByRole('button').filter({ hasText: UNIT }).filter({ hasText: '错误' }).first();
    await expectVisible(problem);
    // No unit has a total now: the provisional-rank notice goes as the error comes (36 − 1 + 1).
    await expect_(async () =>
      expect(await page.getByRole('listitem').getByRole('button').filter({ hasText: '未得出总分' }).count()).toBe(0),
    );
    expect(await problemCount(page)).toBe(before);
    await problem.scrollIntoViewIfNeeded();
    await problem.click();
    await expect_(async () => expect(await page.evaluate(() => window.__excelHost!.selectedAddress)).toBe(`${UNIT}!${address}`));
    // The problem list at the top of the picture, the clicked problem (an error: listed first) below it.
    await problemsHeading(page).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -8));
    await screenshot(page, 'problems');
    // Put the value back.
    await page.evaluate(async ({ u, a }) => window.__e2e!.edit(u, a, [[4]]), { u: UNIT, a: address });
    await expectText(problemsHeading(page), new RegExp(`（${before}）`));
  });

  test('中文 → English and back', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Credit Assessment Scoring' }).waitFor();
    await expectVisible(page.getByRole('heading', { name: 'Scoring status' }));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'english');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 1, name: '信用建设考核评分' }).waitFor();
    await expectVisible(page.getByRole('heading', { name: '评分状态' }));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  test('axe-core finds nothing serious or critical in the bound pane (both languages)', async () => {
    expect(seriousOnly(await axeViolations(page))).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    expect(seriousOnly(await axeViolations(page))).toEqual([]);
    await page.getByRole('button', { name: '中文' }).click();
    expect(p.errors).toEqual([]);
  });
});

describe('keyboard only', () => {
  test('Tab to the rubric, the annex roster and 生成评分表; Enter makes the workbook', async () => {
    const p = await openPage(browser, 'taskpane.html');
    const page = p.page;
    try {
      const combo = page.getByRole('combobox', { name: '评分细则' });
      await combo.waitFor();
      expect(seriousOnly(await axeViolations(page))).toEqual([]);

      await tabTo(page, combo);
      await page.keyboard.press('Enter');
      await page.getByRole('listbox').waitFor();
      for (let i = 0; i < 10; i++) {
        const active = await page.evaluate(() => {
          const id = document.activeElement?.getAttribute('aria-activedescendant');
          return id ? (document.getElementById(id)?.textContent ?? '') : '';
        });
        if (active.includes('衡东县')) break;
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /细则说明（25 条）/ }).waitFor();

      await tabTo(page, page.getByRole('button', { name: '使用文件附件名单' }));
      await page.keyboard.press('Enter');
      await expectVisible(page.getByText('共 36 个单位'));

      const create = page.getByRole('button', { name: '生成评分表' });
      await tabTo(page, create);
      expect(seriousOnly(await axeViolations(page))).toEqual([]);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: '评分状态' }).waitFor({ timeout: 60_000 });
      await expect_(async () => expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('评分状态'));
      expect((await page.evaluate(() => window.__excelHost!.sheetNames())).length).toBeGreaterThan(36);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

// ------------------------------------------------------------------ helpers

/** Presses Tab until `target` has the focus (at most 80 times). */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('Tab never reached the target');
}

async function expectVisible(locator: ReturnType<Page['getByText']>) {
  await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
}

async function expectText(locator: ReturnType<Page['getByText']>, re: RegExp) {
  await expect_(async () => expect((await locator.first().textContent()) ?? '').toMatch(re));
}

/** Retries an assertion for up to 15 s. */
async function expect_(assertion: () => Promise<void>, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
