#!/usr/bin/env node
/**
 * A release an office's IT can deploy:
 *
 *   npm run release -- --url https://credit.example.gov.cn/credit-score/ [--office-js local] [--out release]
 *
 * 1. builds the production site (webpack, --env baseUrl=<url>) so that every URL of manifest.xml
 *    (SourceLocation, FunctionFile, icons, SupportUrl) lies under that base;
 * 2. checks the manifest: every URL under the base, then the Office XSD offline (xmllint-wasm);
 * 3. builds the standalone command line credit-score.cjs (scripts/build-standalone.js);
 * 4. writes <out>/credit-score-<version>.zip holding, under credit-score-<version>/:
 *      site/            the static site to copy to the web server (with help/, the user guide)
 *      manifest.xml     the same manifest as site/manifest.xml, for the admin center or shared folder
 *      credit-score.cjs the command line (Node ≥ 18, nothing else to install)
 *      用户指南.html     the user guide, readable offline; 部署说明.md  how to deploy
 *      docs/cli.md      the command line's reference
 *
 * Without --url, with an http:// or localhost URL, it refuses with a Chinese message: a release that
 * points at the developer's machine would install in Excel and then show a blank pane.
 * --office-js local serves office.js from the site itself (see docs/部署说明.md for Microsoft's caveats).
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const { checkBaseUrl } = require('../webpack.config.js');
const { buildStandalone } = require('./build-standalone.js');
const validator = require('./validate-manifest.js');

const USAGE = '用法：npm run release -- --url https://单位服务器/路径/ [--office-js local] [--out 输出目录]';

class ReleaseError extends Error {}

function parse(argv) {
  const opts = { url: undefined, officeJs: 'cdn', out: path.join(ROOT, 'release') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new ReleaseError(`${name} 后面缺少值。\n${USAGE}`);
      return v;
    };
    if (name === '--url') opts.url = value();
    else if (name === '--out') opts.out = path.resolve(value());
    else if (name === '--office-js') opts.officeJs = value();
    else throw new ReleaseError(`不认识的参数「${arg}」。\n${USAGE}`);
  }
  if (!opts.url) {
    throw new ReleaseError(
      '请用 --url 给出加载项在单位服务器上的 https 地址，例如 --url https://credit.example.gov.cn/credit-score/。\n' +
        '清单中的所有地址都会指向它；没有这个地址就不生成发布包（指向 localhost 的清单在别的电脑上无法使用）。\n' +
        USAGE,
    );
  }
  if (opts.officeJs !== 'cdn' && opts.officeJs !== 'local')
    throw new ReleaseError(`--office-js 只能是 cdn 或 local，不是「${opts.officeJs}」`);
  try {
    opts.url = checkBaseUrl(opts.url);
  } catch (err) {
    throw new ReleaseError(`${err.message}\n${USAGE}`);
  }
  return opts;
}

function webpack(outDir, baseUrl, officeJs) {
  const cli = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const args = [cli, '--mode', 'production', '--env', `outputPath=${outDir}`, '--env', `baseUrl=${baseUrl}`];
  if (officeJs === 'local') args.push('--env', 'officeJs=local');
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`webpack failed (${r.status}):\n${`${r.stdout}${r.stderr}`.slice(-4000)}`);
}

/** Every URL-valued attribute of the manifest must lie under the base: no localhost, no other host. */
function urlsOutside(manifestXml, baseUrl) {
  const urls = [...manifestXml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]*)"/g)].map((m) => m[1]);
  return { urls, outside: urls.filter((u) => !u.startsWith(baseUrl)) };
}

async function checkManifest(xml, baseUrl) {
  const { urls, outside } = urlsOutside(xml, baseUrl);
  if (urls.length === 0) throw new Error('manifest.xml has no URL at all');
  if (outside.length > 0) throw new Error(`manifest.xml still names URLs outside ${baseUrl}: ${outside.join(', ')}`);
  if (!validator.schemasPresent()) {
    const message = validator.missingMessage();
    if (process.env.CI === 'true') throw new Error(message);
    console.warn(`\n!!!!!!!! ${message}\n!!!!!!!! 清单未经 XSD 校验；请在有 ../shared/office-manifest-schemas 的环境中重新生成。\n`);
    return { urls, schemaChecked: false };
  }
  const { valid, errors } = await validator.validateManifest(xml);
  if (!valid) throw new Error(`manifest.xml does not validate against the Office XSD:\n${errors.join('\n')}`);
  return { urls, schemaChecked: true };
}

/** Adds a folder to a JSZip folder, recursively, files in a stable order. */
function addTree(zipFolder, dir) {
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) addTree(zipFolder.folder(name), full);
    else zipFolder.file(name, fs.readFileSync(full));
  }
}

async function release(opts) {
  const { version } = require(path.join(ROOT, 'package.json'));
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-score-release-'));
  try {
    const site = path.join(stage, 'site');
    console.log(`构建网站（${opts.url}，office.js ${opts.officeJs === 'local' ? '随发布包提供' : '来自微软 CDN'}）…`);
    webpack(site, opts.url, opts.officeJs);
    const manifest = fs.readFileSync(path.join(site, 'manifest.xml'), 'utf8');
    const { urls, schemaChecked } = await checkManifest(manifest, opts.url);
    console.log(`清单：${urls.length} 个地址都在 ${opts.url} 之下${schemaChecked ? '，已通过 Office XSD 校验' : ''}`);
    const cli = await buildStandalone(path.join(stage, 'credit-score.cjs'));

    const JSZip = require('jszip');
    const zip = new JSZip();
    const top = zip.folder(`credit-score-${version}`);
    addTree(top.folder('site'), site);
    top.file('manifest.xml', manifest);
    top.file('credit-score.cjs', fs.readFileSync(cli), { unixPermissions: 0o755 });
    top.file(
      '用户指南.html',
      fs
        .readFileSync(path.join(site, 'help', 'index.html'))
        .toString('utf8')
        .replace(/src="screenshots\//g, 'src="site/help/screenshots/'),
    );
    top.file('部署说明.md', fs.readFileSync(path.join(ROOT, 'docs', '部署说明.md')));
    top.file('docs/cli.md', fs.readFileSync(path.join(ROOT, 'docs', 'cli.md')));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
    fs.mkdirSync(opts.out, { recursive: true });
    const file = path.join(opts.out, `credit-score-${version}.zip`);
    fs.writeFileSync(`${file}.tmp`, bytes);
    fs.renameSync(`${file}.tmp`, file);
    console.log(`已生成 ${path.relative(process.cwd(), file) || file}（${(bytes.length / 1024 / 1024).toFixed(1)} MB）`);
    return file;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

module.exports = { parse, release, urlsOutside, ReleaseError };

if (require.main === module) {
  let opts;
  try {
    opts = parse(process.argv.slice(2));
  } catch (err) {
    console.error(err.message);
    process.exit(2);
  }
  release(opts).catch((err) => {
    console.error(err.message);
    process.exitCode = 1;
  });
}
