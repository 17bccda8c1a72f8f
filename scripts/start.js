#!/usr/bin/env node
/**
 * `npm start`: development certificates + webpack-dev-server on https://localhost:3000 + how to sideload.
 *
 *  1. office-addin-dev-certs' ensureCertificatesAreInstalled() (via scripts/dev-certs.js) creates
 *     ~/.office-addin-dev-certs/{ca.crt, localhost.crt, localhost.key} and tries to trust the CA. On Linux
 *     that step is best effort (it needs sudo and update-ca-certificates, and browsers keep their own trust
 *     store), so this script checks the files itself and reports what it actually found.
 *  2. Starts webpack-dev-server through its Node API with webpack.config.js (development mode).
 *  3. After the first build, prints how to load manifest.xml into Excel.
 *
 * Stop with Ctrl+C.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const WebpackDevServer = require('webpack-dev-server');
const makeConfig = require('../webpack.config.js');
const devCerts = require('./dev-certs');

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const { DEV_PORT } = makeConfig;

function log(msg = '') {
  console.log(msg);
}

async function ensureCerts() {
  const result = await devCerts.ensureDevCerts();
  const files = Object.values(devCerts.CERT_FILES);
  log('');
  if (result.reused) {
    log('沿用现有开发证书 / Reusing the existing development certificates (not regenerated, so trust you gave');
    log('  the CA in a browser survives restarts; set CREDIT_SCORE_RENEW_CERTS=1 to renew).');
  } else if (result.error) {
    log(`office-addin-dev-certs 报错 / reported an error: ${result.error}`);
  }
  const missing = files.filter((f) => !fs.existsSync(f));
  if (missing.length === 0) {
    log(`证书文件齐全 / Certificate files present: ${files.join(', ')}`);
  } else {
    log(`缺少证书文件 / Missing certificate files: ${missing.join(', ')}`);
  }
  if (!result.filesOk && result.status.problem) log(`  problem: ${result.status.problem}`);
  if (result.status.validTo) log(`  valid until ${result.status.validTo.toISOString()}`);

  if (result.trusted === true) {
    log('系统信任库已包含开发 CA / The development CA is in the system trust store.');
  } else if (result.trusted === false) {
    log('系统信任库中没有开发 CA / The development CA is NOT in the system trust store.');
  } else {
    log('无法确认开发 CA 是否受信任 / Could not tell whether the development CA is trusted.');
  }
  if (process.platform === 'linux') {
    log(
      'Linux: office-addin-dev-certs can only add the CA to the system store (needs sudo and\n' +
        '  update-ca-certificates) and may finish without doing so. Chrome, Edge and Firefox use their own NSS\n' +
        `  store anyway: open https://localhost:${DEV_PORT}/taskpane.html once and accept the warning, or import the CA:\n` +
        `  certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in Dev CA" -i ${devCerts.CERT_FILES.ca}\n` +
        '  Linux：请先在浏览器中打开上述地址并信任证书，或用 certutil 导入 ca.crt。',
    );
  }
  return result.filesOk;
}

/** A desktop Excel we could side-load into with office-addin-debugging. */
function findDesktopExcel() {
  if (process.platform === 'darwin') {
    const app = '/Applications/Microsoft Excel.app';
    return fs.existsSync(app) ? app : null;
  }
  if (process.platform === 'win32') {
    const bases = [process.env.ProgramFiles, process.env['ProgramFiles(x86)'], 'C:\\Program Files', 'C:\\Program Files (x86)'];
    const tails = [
      'Microsoft Office\\root\\Office16\\EXCEL.EXE',
      'Microsoft Office\\Office16\\EXCEL.EXE',
      'Microsoft Office\\root\\Office15\\EXCEL.EXE',
    ];
    for (const base of bases.filter(Boolean)) {
      for (const tail of tails) {
        const exe = path.join(base, tail);
        if (fs.existsSync(exe)) return exe;
      }
    }
  }
  return null;
}

function printSideloadHelp(url) {
  const excel = findDesktopExcel();
  log('');
  log('────────────────────────────────────────────────────────────');
  log(`任务窗格 / Task pane: ${url}taskpane.html`);
  log(`清单文件 / Manifest:  ${MANIFEST}`);
  if (excel) {
    log('');
    log(`检测到桌面版 Excel / Desktop Excel found: ${excel}`);
    log('在另一个终端运行 / In another terminal run:');
    log('  npx office-addin-debugging start manifest.xml');
    log('（会把加载项旁加载到桌面版 Excel 并打开。It side-loads the add-in into desktop Excel and opens it.）');
  } else {
    log('');
    log('在网页版 Excel 中旁加载（Excel on the web）：');
    log('  1. 在浏览器中打开 https://www.office.com ，新建或打开一个 Excel 工作簿；');
    log('  2. 「插入」→「加载项」(Add-ins) →「上传我的加载项」(Upload My Add-in)；');
    log(`  3. 选择 ${MANIFEST} 并上传；`);
    log('  4. 在「开始」选项卡的「信用考核」组中点击「打开评分面板」。');
    log('Sideload into Excel on the web:');
    log('  1. Open a workbook at https://www.office.com in your browser;');
    log('  2. Insert → Add-ins → Upload My Add-in;');
    log(`  3. Pick ${MANIFEST} and upload it;`);
    log('  4. On the Home tab, group 信用考核 (Credit Assessment), click 打开评分面板 (Open Scoring Pane).');
    log(`The browser must trust ${url} first (open it once; see the certificate note above).`);
    if (process.platform === 'win32' || process.platform === 'darwin') {
      log('No desktop Excel was found in the usual install location; if you have one, try');
      log('  npx office-addin-debugging start manifest.xml');
    }
  }
  log('按 Ctrl+C 停止 / Press Ctrl+C to stop.');
  log('────────────────────────────────────────────────────────────');
}

async function main() {
  const haveCerts = await ensureCerts();
  const config = await makeConfig({ WEBPACK_SERVE: true, certsEnsured: true }, { mode: 'development' });
  const protocol = config.devServer.server.type === 'https' ? 'https' : 'http';
  if (protocol === 'http' && haveCerts) {
    log('警告 / Warning: certificate files exist but the dev server fell back to http (see above).');
  }
  const url = `${protocol}://localhost:${DEV_PORT}/`;

  const compiler = webpack(config);
  let firstBuild = true;
  compiler.hooks.done.tap('credit-score-start', (stats) => {
    if (!firstBuild) return;
    firstBuild = false;
    if (stats.hasErrors()) {
      log('首次构建有错误，见上方输出 / The first build has errors (see above); the server keeps watching.');
    }
    // After webpack-dev-middleware has printed the build stats.
    setImmediate(() => printSideloadHelp(url));
  });

  const server = new WebpackDevServer(config.devServer, compiler);
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: stopping the dev server…`);
    try {
      await server.stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  await server.start();
  log(`webpack-dev-server listening on ${url}`);
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
