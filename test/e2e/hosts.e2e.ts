/**
 * The pane's other host states in headless Chromium:
 *   - the normal production build (dist-e2e/plain/) opened in a plain browser, office.js refused:
 *     the 'open outside Excel' notice and file mode;
 *   - inside an Excel that only has ExcelApi 1.7 (e2e build, ?api=1.7): the too-old message;
 *   - an Internet Explorer 11 webview (old volume-licensed Office), imitated by deleting Promise or
 *     fetch or by setting document.documentMode before any script runs: the static message in
 *     taskpane.html, and no React at all.
 */
import type { Browser } from 'playwright-core';
import { axeViolations, launch, openPage, screenshot, seriousOnly } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('plain browser (production build, no Office): outside-Excel notice, file mode, the rubric list', async () => {
  const requested: string[] = [];
  const p = await openPage(browser, 'plain/taskpane.html', { setup: async (c) => void c.on('request', (r) => requested.push(r.url())) });
  try {
    const page = p.page;
    await page.getByText('当前页面不是在 Excel 中打开的').waitFor();
    await page.getByRole('heading', { name: '文件模式：为已填写的评分表计分' }).waitFor();
    // File mode: its input when src/xlsx provides scoreFile, otherwise the sentence saying it is not in this version.
    const input = page.getByLabel('选择已填写的评分表（.xlsx）');
    const unavailable = page.getByText('当前版本未提供文件模式，请在 Excel 中使用本加载项。');
    expect((await input.count()) + (await unavailable.count())).toBe(1);
    if (await input.count()) expect(await input.getAttribute('accept')).toContain('.xlsx');
    // The rubric library arrives after first paint; 生成评分表 is offered (it downloads the blank workbook).
    await page.getByRole('combobox', { name: '评分细则' }).waitFor();
    expect(await page.getByRole('button', { name: '生成评分表' }).count()).toBe(1);
    // office.js was asked for (and refused by the test); nothing of exceljs or the Excel controller was loaded.
    expect(requested.some((u) => u.includes('appsforoffice.microsoft.com'))).toBe(true);
    expect(requested.filter((u) => /\/(exceljs|excel)\.[0-9a-f]+\.js$/.test(u))).toEqual([]);
    expect(seriousOnly(await axeViolations(page))).toEqual([]);
    // docs/screenshots/browser.png is taken after a file was scored (file-mode.e2e.ts).
    expect(p.errors).toEqual([]);
  } finally {
    await p.close();
  }
});

test('ExcelApi 1.7: only the too-old message, in Office’s language, and no controller code is loaded', async () => {
  const requested: string[] = [];
  const p = await openPage(browser, 'taskpane.html?api=1.7', { setup: async (c) => void c.on('request', (r) => requested.push(r.url())) });
  try {
    const page = p.page;
    await page.getByRole('heading', { name: 'Excel 版本过低，无法使用本加载项' }).waitFor();
    await page.getByText('检测到的版本：ExcelApi 1.7').waitFor();
    expect(await page.getByRole('heading', { name: '选择评分细则' }).count()).toBe(0);
    expect(requested.filter((u) => /\/(excel|browser|exceljs)\.[0-9a-f]+\.js$/.test(u))).toEqual([]);
    expect(seriousOnly(await axeViolations(page))).toEqual([]);
    await screenshot(page, 'too-old');
    expect(p.errors).toEqual([]);
  } finally {
    await p.close();
  }
});

describe('Internet Explorer 11 or EdgeHTML webview (old Office): the static message from taskpane.html', () => {
  const cases: [string, string][] = [
    ['no Promise', 'delete window.Promise;'],
    ['no fetch', 'delete window.fetch;'],
    [
      'document.documentMode set',
      "Object.defineProperty(Document.prototype, 'documentMode', { configurable: true, get: function () { return 11; } });",
    ],
    // Office 2019 without WebView2 on Windows 10 1903+: legacy Edge, which has Promise and fetch.
    [
      'EdgeHTML 18 user agent',
      "Object.defineProperty(Navigator.prototype, 'userAgent', { configurable: true, get: function () { return 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045'; } });",
    ],
  ];
  test.each(cases)('%s', async (name, initScript) => {
    const p = await openPage(browser, 'plain/taskpane.html', { initScript });
    try {
      const page = p.page;
      const message = page.getByRole('alert');
      await message.waitFor({ state: 'visible' });
      expect(await message.getByRole('heading', { level: 1 }).textContent()).toBe('需要较新版本的 Office');
      // The same requirement, in the same words, as the pane's too-old message; and the page offered instead.
      expect(await message.textContent()).toContain('本加载项需要 ExcelApi 1.8 及以上，并由 Microsoft Edge WebView2 显示');
      expect(await message.textContent()).toContain('不升级也能完成全部工作：在 Chrome、Edge 等浏览器中打开本工具的网页');
      // The React pane never starts: #root is gone and nothing of it was rendered.
      await page.waitForLoadState('load');
      await page.waitForTimeout(300);
      expect(await page.locator('#root').count()).toBe(0);
      expect(await page.getByText('信用建设考核评分', { exact: true }).count()).toBe(0);
      if (name === 'no Promise') await screenshot(page, 'legacy-office');
    } finally {
      await p.close();
    }
  });

  test('a current browser never sees it', async () => {
    const p = await openPage(browser, 'plain/taskpane.html');
    try {
      await p.page.getByRole('heading', { level: 1, name: '信用建设考核评分' }).waitFor();
      expect(await p.page.locator('#legacy-office').isVisible()).toBe(false);
    } finally {
      await p.close();
    }
  });
});
