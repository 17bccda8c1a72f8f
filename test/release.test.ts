/**
 * `npm run release -- --url <base>` (scripts/release.js), run for real into a temporary folder: the zip
 * holds the site, the manifest, the standalone command line, the user guide and the 部署说明; every URL
 * of the manifest lies under the base and nothing names localhost; the manifest validates against the
 * Office XSD (when ../shared/office-manifest-schemas is present; CI=true requires it); the production
 * site carries no source maps, no demo controller, and the CSP meta tag on every page.
 * Without --url, with http:// or localhost, the release is refused in Chinese with exit code 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';

const ROOT = join(__dirname, '..');
const BASE = 'https://credit.example.gov.cn/credit-score/';
const RELEASE = join(ROOT, 'scripts', 'release.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const validator = require('../scripts/validate-manifest.js') as {
  validateManifest(xml: string): Promise<{ valid: boolean; errors: string[] }>;
  schemasPresent(): boolean;
  missingMessage(): string;
};
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const TOP = `credit-score-${version}/`;

let out: string;
let zip: JSZip;
const text = (name: string): Promise<string> => {
  const f = zip.file(TOP + name);
  if (!f) throw new Error(`${TOP + name} is not in the zip`);
  return f.async('string');
};

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'credit-score-release-test-'));
  // Without the base URL's trailing slash: the release adds it.
  const r = spawnSync(process.execPath, [RELEASE, '--url', BASE.slice(0, -1), '--out', out], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`release failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  zip = await JSZip.loadAsync(readFileSync(join(out, `credit-score-${version}.zip`)));
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

it('the zip holds the site, the manifest, the command line, the user guide and the 部署说明', () => {
  const names = Object.keys(zip.files);
  expect(names.every((n) => n.startsWith(TOP))).toBe(true);
  for (const f of [
    'site/taskpane.html',
    'site/commands.html',
    'site/manifest.xml',
    'site/help/index.html',
    'site/legacy-office.js',
    'site/assets/icon-80.png',
    'manifest.xml',
    'credit-score.cjs',
    '用户指南.html',
    '部署说明.md',
    'docs/cli.md',
  ]) {
    expect(names).toContain(TOP + f);
  }
});

it('the manifest names only the base URL: SourceLocation, FunctionFile, icons, SupportUrl', async () => {
  const manifest = await text('manifest.xml');
  expect(await text('site/manifest.xml')).toBe(manifest);
  expect(manifest).not.toMatch(/localhost/);
  const urls = [...manifest.matchAll(/Value="(https?:\/\/[^"]*)"/g)].map((m) => m[1] as string);
  expect(urls.length).toBeGreaterThanOrEqual(18);
  expect(urls.filter((u) => !u.startsWith(BASE))).toEqual([]);
  expect(manifest).toContain(`<SourceLocation DefaultValue="${BASE}taskpane.html"/>`);
  expect(manifest).toContain(`<bt:Url id="Commands.Url" DefaultValue="${BASE}commands.html"/>`);
  expect(manifest).toContain(`<SupportUrl DefaultValue="${BASE}help/index.html"/>`);
  expect(manifest).toContain(`<Version>${version}.0</Version>`);
  // Every URL names a file the site has.
  for (const u of urls) expect(Object.keys(zip.files)).toContain(`${TOP}site/${u.slice(BASE.length)}`);
});

it('the manifest validates against the Office XSD (offline)', async () => {
  if (!validator.schemasPresent()) {
    if (process.env.CI === 'true') throw new Error(validator.missingMessage());
    process.stderr.write(`\n\n!!!!!!!! ${validator.missingMessage()}\n\n`);
    return;
  }
  expect(await validator.validateManifest(await text('manifest.xml'))).toEqual({ valid: true, errors: [] });
});

it('the production site: no source maps, no demo controller, a CSP without inline scripts or eval on every page', async () => {
  const names = Object.keys(zip.files);
  expect(names.filter((n) => n.endsWith('.map'))).toEqual([]);
  const scripts = names.filter((n) => n.startsWith(`${TOP}site/`) && n.endsWith('.js'));
  for (const s of scripts) {
    const js = await (zip.file(s) as JSZip.JSZipObject).async('string');
    expect({ s, demo: /createDemoController|sourceMappingURL/.test(js) }).toEqual({ s, demo: false });
  }
  for (const page of ['site/taskpane.html', 'site/commands.html', 'site/help/index.html']) {
    const html = await text(page);
    // The pages are minified: attribute quotes are optional.
    const csp = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/.exec(html)?.[1];
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    // No inline <script> body: every script has a src.
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
  }
});

it('the command line in the zip runs on its own', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'credit-score-release-cli-'));
  try {
    const file = join(dir, 'credit-score.cjs');
    writeFileSync(file, await (zip.file(`${TOP}credit-score.cjs`) as JSZip.JSZipObject).async('nodebuffer'));
    const r = spawnSync(process.execPath, [file, '--version'], { cwd: dir, encoding: 'utf8' });
    expect({ status: r.status, out: r.stdout }).toEqual({ status: 0, out: `${version}\n` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it.each([
  ['no --url', [], /请用 --url 给出加载项在单位服务器上的 https 地址/],
  ['http://', ['--url', 'http://credit.example.gov.cn/'], /必须以 https:\/\/ 开头/],
  ['localhost', ['--url', 'https://localhost:3000/'], /指向本机/],
  ['not a URL', ['--url', 'credit.example.gov.cn'], /不是完整的网址/],
])('refuses %s with a Chinese message and exit code 2', (_name, args, message) => {
  const r = spawnSync(process.execPath, [RELEASE, ...args, '--out', join(tmpdir(), 'never-written')], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stdout).toBe('');
});
