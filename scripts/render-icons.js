#!/usr/bin/env node
/**
 * Renders the add-in icons from the SVG sources in assets/src/ to the PNGs in assets/.
 *
 *   node scripts/render-icons.js                 # write assets/*.png
 *   node scripts/render-icons.js --preview FILE  # also write a magnified contact sheet (for eyeballing)
 *
 * For each icon name and pixel size the source is assets/src/<name>-<size>.svg when that hand-tuned
 * variant exists, otherwise assets/src/<name>.svg scaled to the size. The PNGs are committed; rerun
 * this after editing an SVG. Uses playwright-core with the system Chromium (Debian: apt-get install -y
 * chromium); set CHROMIUM_PATH to use another binary.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..');
const SRC_DIR = path.join(ROOT, 'assets', 'src');
const OUT_DIR = path.join(ROOT, 'assets');

/** Every PNG the manifest (and the task pane) uses. Keep in sync with manifest.xml. */
const TARGETS = [
  { name: 'icon', sizes: [16, 32, 64, 80, 128] }, // add-in icon + ribbon group icon
  { name: 'panel', sizes: [16, 32, 80] }, // 打开评分面板
  { name: 'rescore', sizes: [16, 32, 80] }, // 重新计分
  { name: 'export', sizes: [16, 32, 80] }, // 导出附件
];

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function sourceFor(name, size) {
  const specific = path.join(SRC_DIR, `${name}-${size}.svg`);
  if (fs.existsSync(specific)) return specific;
  const generic = path.join(SRC_DIR, `${name}.svg`);
  if (fs.existsSync(generic)) return generic;
  throw new Error(`No SVG source for ${name} at ${size}px (looked for ${specific} and ${generic})`);
}

function pageFor(svg, size) {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
html,body{margin:0;padding:0;background:transparent;overflow:hidden}
svg{display:block;width:${size}px;height:${size}px}
</style></head><body>${svg}</body></html>`;
}

function parseArgs(argv) {
  const args = { preview: null };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--preview') {
      args.preview = path.resolve(argv[i + 1] || 'icons-preview.png');
      i += 1;
    } else if (argv[i] === '--help' || argv[i] === '-h') {
      console.log('usage: node scripts/render-icons.js [--preview FILE]');
      process.exit(0);
    } else {
      throw new Error(`Unknown argument: ${argv[i]}`);
    }
  }
  return args;
}

async function renderAll(page) {
  const written = [];
  for (const { name, sizes } of TARGETS) {
    for (const size of sizes) {
      const src = sourceFor(name, size);
      const svg = fs.readFileSync(src, 'utf8').replace(/^<\?xml[^>]*>\s*/, '');
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(pageFor(svg, size));
      const out = path.join(OUT_DIR, `${name}-${size}.png`);
      await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      written.push({ name, size, out, src });
      console.log(`${path.relative(ROOT, src)} -> ${path.relative(ROOT, out)} (${size}x${size})`);
    }
  }
  return written;
}

/** A contact sheet: every PNG at 1x, and magnified with hard pixels, on a light and on a dark ribbon. */
async function renderPreview(page, written, file) {
  const cell = (w, bg) => {
    const zoom = w.size <= 32 ? 6 : w.size <= 80 ? 2 : 1;
    const data = fs.readFileSync(w.out).toString('base64');
    const src = `data:image/png;base64,${data}`;
    return `<td style="background:${bg}"><img src="${src}" width="${w.size}" height="${w.size}">
      <img src="${src}" width="${w.size * zoom}" height="${w.size * zoom}" style="image-rendering:pixelated">
      <div>${w.name}-${w.size}</div></td>`;
  };
  const rows = TARGETS.map(({ name }) => {
    const ws = written.filter((w) => w.name === name);
    return `<tr>${ws.map((w) => cell(w, '#F3F3F3')).join('')}</tr><tr>${ws.map((w) => cell(w, '#292929')).join('')}</tr>`;
  }).join('');
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.setContent(`<!doctype html><html><body style="margin:8px;font:11px sans-serif;background:#fff">
    <table cellspacing="6">${rows}</table></body></html>`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`preview -> ${file}`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}. On Debian: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ deviceScaleFactor: 1 });
    const page = await context.newPage();
    const written = await renderAll(page);
    if (args.preview) await renderPreview(page, written, args.preview);
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
