/**
 * Webpack build for the Excel add-in: the task pane (React + Fluent UI v9) and the ribbon function file.
 *
 *   npx webpack --mode production              -> dist/ (office.js <script> in both pages)
 *   npx webpack --mode production --env e2e    -> dist-e2e/ without the office.js tag; taskpane.html first runs the
 *                                                 `e2e-host` entry (test/e2e/host-entry.ts: the in-memory Excel host
 *                                                 installed as window.Excel/Office), then the task pane
 *   --env outputPath=<dir>                     -> build into <dir> (relative to this folder) instead
 *   --env baseUrl=https://host/path/           -> dist/manifest.xml names that base for every URL (default: the
 *                                                 dev server https://localhost:3000/); see scripts/release.js
 *   --env officeJs=local                       -> office.js served from the build itself (office-js/, copied from
 *                                                 the @microsoft/office-js package) instead of Microsoft's CDN
 *
 * Production builds carry no source maps (development builds do). Both pages carry a
 * Content-Security-Policy meta tag (see contentSecurityPolicy below).
 *   npx webpack serve --mode development       -> https://localhost:3000 (or http when no certificate can be made)
 *   node scripts/start.js                      -> same dev server through the Node API, with sideloading hints
 *
 * Type checking is separate (`tsc --noEmit`); ts-loader only transpiles.
 */
'use strict';

const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const devCerts = require('./scripts/dev-certs');
const exceljsForBrowser = require('./webpack.exceljs');
const { renderGuide } = require('./scripts/render-guide');

const ROOT = __dirname;
const DEV_PORT = 3000;
const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const DEV_BASE_URL = `https://localhost:${DEV_PORT}/`;
const pkg = require('./package.json');

/**
 * The Content-Security-Policy of the task pane, the function file and the help page (meta tag).
 *  - script-src: our own chunks only, plus Microsoft's office.js CDN when office.js comes from there
 *    (office.js loads its host and locale files from the same place). No inline script, no eval: the
 *    bundle needs neither (the e2e tests fail on any violation).
 *  - style-src 'unsafe-inline': Fluent UI v9 (Griffel) inserts <style> rules at run time and React sets
 *    style attributes; office.js in Excel on the web does the same. Styles cannot run code.
 *  - img-src data: blob:, font-src data: — Fluent's inline SVG/data icons; blob: for the downloads.
 *  - connect-src 'self': nothing is fetched from anywhere else (rubrics are bundled, files are read
 *    locally). object-src, form-action none; base-uri self.
 */
function contentSecurityPolicy(officeJsFromCdn) {
  const cdn = officeJsFromCdn ? ' https://appsforoffice.microsoft.com' : '';
  return [
    "default-src 'self'",
    `script-src 'self'${cdn}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${cdn}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** The release base URL: https, absolute, not localhost, ending in '/'. Throws a Chinese message otherwise. */
function checkBaseUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`发布地址「${raw}」不是完整的网址，应形如 https://credit.example.gov.cn/credit-score/`);
  }
  if (url.protocol !== 'https:') throw new Error(`发布地址「${raw}」必须以 https:// 开头：Office 只加载 https 上的加载项`);
  if (/^(localhost|127\.|\[::1\])/.test(url.hostname))
    throw new Error(`发布地址「${raw}」指向本机，其他电脑无法访问；请填写单位服务器的地址`);
  if (url.search || url.hash) throw new Error(`发布地址「${raw}」不能带 ? 或 # 部分`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** manifest.xml for a base URL: every dev-server URL moved under it, and the package version. */
function manifestFor(xml, baseUrl) {
  const version = `${pkg.version.split('-')[0]}.0`;
  return xml
    .split(DEV_BASE_URL)
    .join(baseUrl)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
}

/** Which files of @microsoft/office-js an Excel add-in needs (Office 2016+ hosts; no debug builds, no other apps). */
const OFFICE_JS_FILES = [
  'office.js',
  'es6-promise.js',
  'o15apptofilemappingtable.js',
  'excel-*16.0*.js',
  'telemetry/oteljs_agave.js',
  'telemetry/oteljs.js',
  'ariatelemetry/*.min.js',
  '*/office_strings.js',
];

/**
 * HTTPS options for the dev server.
 *  1. office-addin-dev-certs' getHttpsServerOptions() (creates the certificates and tries to trust the CA).
 *     Skipped when the caller already did that (scripts/start.js passes --env certsEnsured), and on Linux
 *     when unexpired files exist but the system store lacks the CA: there it would regenerate them on every
 *     start (see scripts/dev-certs.js).
 *  2. Otherwise, or if that fails (typically: the CA could not be installed because sudo or
 *     update-ca-certificates is missing), use the certificate files on disk: https, possibly untrusted.
 *  3. No usable certificate files: fall back to plain http and say why.
 */
async function devServerTransport(ensure) {
  let why = '';
  if (ensure && !devCerts.shouldReuseUntrusted()) {
    try {
      const options = await require('office-addin-dev-certs').getHttpsServerOptions();
      return { type: 'https', options };
    } catch (err) {
      why = `office-addin-dev-certs could not set up trusted certificates: ${devCerts.oneLine(err)}`;
    }
  }
  const status = devCerts.certFileStatus();
  if (status.usable) {
    if (why) console.warn(`[webpack] ${why}`);
    if (why || ensure) {
      console.warn(
        `[webpack] Serving https with the certificate files in ${devCerts.CERT_DIR}; this machine or browser may not trust their CA.`,
      );
    }
    return { type: 'https', options: devCerts.readHttpsOptions() };
  }
  why = `${why ? `${why}; ` : ''}no usable certificate files (${status.problem})`;
  console.warn(
    `[webpack] Falling back to plain HTTP because ${why}.\n` +
      '[webpack] Office requires HTTPS for add-ins: run `npx office-addin-dev-certs install` and restart.',
  );
  return { type: 'http' };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || 'development';
  const isProd = mode === 'production';
  const e2e = Boolean(env.e2e);
  const serving = Boolean(env.WEBPACK_SERVE);
  // The e2e build goes to dist-e2e/ unless told otherwise, so it never replaces the production dist/.
  const outputPath = path.resolve(ROOT, typeof env.outputPath === 'string' && env.outputPath ? env.outputPath : e2e ? 'dist-e2e' : 'dist');
  const baseUrl = typeof env.baseUrl === 'string' && env.baseUrl ? checkBaseUrl(env.baseUrl) : DEV_BASE_URL;
  const localOfficeJs = env.officeJs === 'local';
  if (env.officeJs !== undefined && !localOfficeJs) throw new Error(`--env officeJs=${env.officeJs}: only "local" is known`);

  /** Shared by both pages' templates. */
  const templateParameters = {
    officeJsUrl: e2e ? '' : localOfficeJs ? 'office-js/office.js' : OFFICE_JS_URL,
    contentSecurityPolicy: contentSecurityPolicy(!e2e && !localOfficeJs),
  };

  const config = {
    mode: isProd ? 'production' : 'development',
    context: ROOT,
    // No source maps in production (they would ship the whole source); separate files, never eval-based
    // ones, in development, since the pages' CSP forbids eval.
    devtool: isProd ? false : 'source-map',
    target: 'web',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      ...(e2e ? { 'e2e-host': './test/e2e/host-entry.ts' } : {}),
    },
    output: {
      path: outputPath,
      filename: '[name].[contenthash].js',
      chunkFilename: '[name].[contenthash].js',
      // Relative URLs: dist/ works from any base path (dev server, e2e static server, real hosting).
      publicPath: 'auto',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      alias: exceljsForBrowser.alias,
      fallback: exceljsForBrowser.fallback,
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              onlyCompileBundledFiles: true,
              compilerOptions: {
                // tsconfig.json targets CommonJS for jest/tsc; webpack needs ES modules so that
                // import('exceljs') becomes a real async chunk and unused code is tree-shaken.
                module: 'es2020',
                sourceMap: !isProd,
                noEmit: false,
              },
            },
          },
        },
      ],
    },
    plugins: [
      ...exceljsForBrowser.plugins,
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // e2e: the fake Office must exist before the task pane's script runs (defer keeps this order).
        chunks: e2e ? ['e2e-host', 'taskpane'] : ['taskpane'],
        chunksSortMode: 'manual',
        templateParameters,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        templateParameters,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestFor(content.toString('utf8'), baseUrl) },
          { from: 'src/taskpane/legacy-office.js', to: 'legacy-office.js' },
          // The user guide, opened offline by the 帮助 link (help/index.html), with its screenshots.
          {
            from: 'docs/用户指南.md',
            to: 'help/index.html',
            transform: (content) => renderGuide(content.toString('utf8'), { csp: contentSecurityPolicy(false) }),
          },
          { from: 'docs/screenshots/*.png', to: 'help/screenshots/[name][ext]' },
          ...(localOfficeJs
            ? OFFICE_JS_FILES.map((pattern) => ({ from: pattern, context: 'node_modules/@microsoft/office-js/dist', to: 'office-js/' }))
            : []),
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // exceljs is only ever loaded with import('exceljs'): keep it in its own lazily loaded chunk.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: 'exceljs',
            chunks: 'async',
            priority: 30,
            enforce: true,
          },
        },
      },
    },
    performance: {
      // Fluent UI makes the task pane entry larger than webpack's 244 KiB default; exceljs is ~1 MB
      // but lazily loaded. Warn only beyond these.
      hints: isProd ? 'warning' : false,
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1536 * 1024,
      // Microsoft's own office.js files (--env officeJs=local) are what they are.
      assetFilter: (name) => !name.startsWith('office-js/') && !name.endsWith('.map'),
    },
  };

  if (serving) {
    const server = await devServerTransport(!env.certsEnsured);
    config.devServer = {
      host: 'localhost',
      port: DEV_PORT,
      server,
      headers: { 'Access-Control-Allow-Origin': '*' },
      hot: true,
      client: { overlay: { errors: true, warnings: false } },
      static: false,
      devMiddleware: { writeToDisk: false },
    };
  }

  return config;
};

module.exports.DEV_PORT = DEV_PORT;
module.exports.OFFICE_JS_URL = OFFICE_JS_URL;
module.exports.DEV_BASE_URL = DEV_BASE_URL;
module.exports.checkBaseUrl = checkBaseUrl;
module.exports.manifestFor = manifestFor;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
