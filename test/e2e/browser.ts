/**
 * Shared by the e2e tests: headless Chromium through playwright-core, pages at task-pane size,
 * console errors collected, axe-core injected on demand, and screenshots when SCREENSHOTS=1.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = join(__dirname, '..', '..');
export const SCREENSHOT_DIR = join(ROOT, 'docs', 'screenshots');
export const PANE = { width: 360, height: 900 };

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run the e2e tests with jest -c jest.e2e.config.js');
  return url;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // playwright-core gives every launch a fresh temporary profile (its own --user-data-dir).
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console.error messages seen so far. */
  errors: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  locale?: string;
  /** Runs before any of the page's scripts (page.addInitScript). */
  initScript?: string;
  viewport?: { width: number; height: number };
  /** Called before the page is opened (e.g. to hold back a request with context.route). */
  setup?: (context: BrowserContext) => Promise<unknown>;
}

export async function openPage(browser: Browser, path: string, options: OpenOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? PANE, deviceScaleFactor: 1, locale: options.locale ?? 'zh-CN' });
  // Nothing may leave 127.0.0.1: office.js (the plain build's only network dependency) is refused.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort('blockedbyclient'));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    // The refused office.js request of the plain build is expected.
    if (/appsforoffice|ERR_BLOCKED_BY_CLIENT/.test(text)) return;
    errors.push(`console.error: ${text}`);
  });
  // Every Content-Security-Policy violation (also those the page swallows, such as an eval probe in a
  // try/catch, which Chromium does not log) becomes a console error, hence a test failure.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', function (e) {
      console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber);
    });`,
  });
  if (options.initScript) await page.addInitScript({ content: options.initScript });
  await options.setup?.(context);
  await page.goto(new URL(path, baseUrl()).toString());
  return { context, page, errors, close: () => context.close() };
}

/** Writes docs/screenshots/<name>.png when SCREENSHOTS=1 (viewport only, or the whole page). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Caret, focus ring and hover of whatever the test last clicked are not part of the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  await page.mouse.move(0, 0);
  await page.waitForTimeout(250);
  await page.screenshot({
    path: join(SCREENSHOT_DIR, `${name}.png`),
    fullPage: options.fullPage ?? false,
    animations: 'disabled',
    caret: 'hide',
  });
}

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core in the page (all rules, including colour contrast: this is a real browser). */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  // Measure the settled page: no hover, and Fluent's colour transitions (≈100 ms) finished.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  const has = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // Evaluated through the DevTools protocol, not as an inline <script>: the page's CSP forbids those.
  if (!has) await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: unknown,
          ): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ html: string }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.html.slice(0, 200)) }));
  });
}

export const seriousOnly = (findings: AxeFinding[]) => findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
