/**
 * A zip bomb in the page (issue 13 point 3): a 1 MB .xlsx that inflates to 1 GB, picked in the
 * plain-browser file mode of the production build in headless Chromium, is refused with a Chinese
 * message within 5 s; the page stays responsive (it still answers and the file picker works again)
 * and the tab's JavaScript heap (CDP Performance.getMetrics, JSHeapUsedSize) stays well under
 * 300 MB. Two forms: the directory declares the real 1 GB (refused before inflating anything), and
 * the directory lies (declares 4 KB: inflating stops at the first step past it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { gigabyteOfZeros, zipOfOne } from '../xlsx/zip-bomb';
import { scratch } from '../xlsx/helpers';
import { launch, openPage } from './browser';

const MB = 1024 * 1024;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
}

const cases: Array<[string, number, RegExp]> = [
  ['declares its 1 GB', 1024 * MB, /文件过大，不像考核工作簿，未读取：解压后超过 200 MB/],
  ['declares 4 KB and inflates to 1 GB', 4096, /文件已损坏：部件 xl\/worksheets\/sheet1\.xml 解压后比目录中声明的 4096 字节大/],
];

test.each(cases)('a 1 MB archive that %s is refused by the page in under 5 s, the tab well under 300 MB', async (_, declared, message) => {
  const bomb = gigabyteOfZeros();
  const file = join(scratch('cs-e2e-bomb-'), '考核表.xlsx');
  writeFileSync(file, zipOfOne('xl/worksheets/sheet1.xml', bomb.data, bomb.crc, bomb.size, declared));
  const p = await openPage(browser, 'plain/taskpane.html');
  try {
    const page = p.page;
    await page.getByRole('heading', { name: '文件模式：为已填写的评分表计分' }).waitFor();
    const before = await heapUsed(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /选择已填写的评分表.* 选择文件/ }).click();
    const started = Date.now();
    await (await chooser).setFiles(file);
    const shown = page.getByText(message);
    await shown.waitFor({ timeout: 5_000 });
    const elapsed = Date.now() - started;
    const after = await heapUsed(page);
    // Still responsive: script runs at once and the picker can be used again.
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(await page.getByRole('button', { name: /选择已填写的评分表.* 选择文件/ }).isEnabled()).toBe(true);
    expect(elapsed).toBeLessThan(5_000);
    expect(after).toBeLessThan(300 * MB);
    process.stdout.write(
      `zip bomb in the page (${_}): refused in ${elapsed} ms, JS heap ${(before / MB).toFixed(1)} MB before, ${(after / MB).toFixed(1)} MB after\n`,
    );
    expect(p.errors).toEqual([]);
  } finally {
    await p.close();
  }
});
