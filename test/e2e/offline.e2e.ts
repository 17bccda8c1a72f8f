/**
 * Content-Security-Policy and the intranet without internet, in headless Chromium:
 *   - dist-e2e/local-office/ (`--env officeJs=local`): office.js comes from the build itself. Every
 *     request outside the page's own origin is refused AND recorded: the pane boots (office.js loaded,
 *     Office.onReady resolved outside Excel, the browser page shown) with none made.
 *   - every page (task pane, function file, help) of both production builds, from 127.0.0.1 and from
 *     file://: no CSP violation (browser.ts turns each into a console error), and the CSP the page
 *     carries forbids inline script and eval.
 * The pane at work under the CSP (creating a workbook, scoring a file) is covered by the other e2e
 * files, which run with the same violation check.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { E2E_DIST } from './global-setup';
import { baseUrl, launch, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Refuses and records every request that is neither the test server nor a file:// URL. */
async function recordOutside(context: BrowserContext, outside: string[]): Promise<void> {
  const own = baseUrl();
  await context.route(
    (url) => !url.href.startsWith(own) && url.protocol !== 'file:',
    (route) => {
      outside.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
}

const sources: Array<[string, (page: string) => string]> = [
  ['127.0.0.1', (page) => page],
  ['file://', (page) => `file://${join(E2E_DIST, page)}`],
];

describe.each(sources)('office.js served by the release itself, from %s, every outside request refused', (where, url) => {
  test('the pane boots with office.js loaded and no request leaves the page’s origin', async () => {
    const outside: string[] = [];
    const p = await openPage(browser, url('local-office/taskpane.html'), { setup: (c) => recordOutside(c, outside) });
    try {
      const page = p.page;
      await page.getByText('当前页面不是在 Excel 中打开的').waitFor();
      expect(await page.evaluate(() => typeof (window as unknown as { Office?: { onReady?: unknown } }).Office?.onReady)).toBe('function');
      await page.getByRole('combobox', { name: '评分细则' }).waitFor();
      await page.waitForTimeout(500);
      expect(outside).toEqual([]);
      // From file:// Chromium refuses office.js's own requests for its helper files (CORS needs http);
      // office.js then never becomes ready and the page goes on as a plain page after 3 s (index.tsx).
      // Those refusals name office-js/ files of the build itself; nothing else may fail.
      const errors =
        where === 'file://'
          ? p.errors.filter((e) => !/office-js\/[\w./-]+' from origin 'null' has been blocked by CORS|net::ERR_FAILED/.test(e))
          : p.errors;
      expect(errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe.each(sources)('CSP on every page of the production builds, from %s', (where, url) => {
  // local-office/commands.html from file:// is left out: the function file only ever runs inside Office, over https.
  const pages = [
    'plain/taskpane.html',
    'plain/commands.html',
    'plain/help/index.html',
    ...(where === 'file://' ? [] : ['local-office/commands.html']),
  ];
  test.each(pages)('%s: a strict CSP and no violation', async (page) => {
    const p = await openPage(browser, url(page));
    try {
      await p.page.waitForLoadState('load');
      await p.page.waitForTimeout(800);
      const csp = await p.page.evaluate(
        () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      );
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc.split(' ')[0]).toBe("'self'");
      expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
