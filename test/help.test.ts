/**
 * The user guide as shipped (help/index.html, scripts/render-guide.js): every picture it shows is a
 * screenshot the e2e tests write, every step of the yearly workflow has its section, the page carries
 * the CSP and no script, and Chinese lines joined without a stray space.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderGuide, joinChineseLines } = require('../scripts/render-guide.js') as {
  renderGuide(md: string, o?: { csp?: string }): string;
  joinChineseLines(md: string): string;
};
const guide = readFileSync(join(ROOT, 'docs', '用户指南.md'), 'utf8');
const html = renderGuide(guide, { csp: "default-src 'self'; script-src 'self'" });

it('every image of the guide is a screenshot in docs/screenshots', () => {
  const images = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1] as string);
  expect(images.length).toBeGreaterThanOrEqual(8);
  expect(images.filter((src) => !src.startsWith('screenshots/') || !existsSync(join(ROOT, 'docs', src)))).toEqual([]);
  // Both the add-in and the page are shown.
  expect(images).toEqual(
    expect.arrayContaining(['screenshots/rubric-chosen.png', 'screenshots/page-rubric.png', 'screenshots/page-scored.png']),
  );
});

it('the yearly workflow, each step a section', () => {
  for (const step of ['选择细则', '名单', '生成评分表', '分发与填写', '检查问题清单', '导出附件', '打印签字']) {
    expect(html).toMatch(new RegExp(`<h2>\\d\\. ${step}</h2>`));
  }
});

it('the page has the CSP and no script', () => {
  expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\'" />');
  expect(html).not.toMatch(/<script/);
});

it('a line break inside Chinese text is dropped, elsewhere kept', () => {
  expect(joinChineseLines('填写后\n自动计分')).toBe('填写后自动计分');
  expect(joinChineseLines('中文\n- 列表')).toBe('中文\n- 列表');
  expect(joinChineseLines('```\n中文\n中文\n```')).toBe('```\n中文\n中文\n```');
  expect(html).not.toMatch(/填写后 自动计分/);
});
