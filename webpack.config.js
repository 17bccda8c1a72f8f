/**
 * Webpack build for the Excel add-in: the task pane (React + Fluent UI v9) and the ribbon function file.
 *
 *   npx webpack --mode production              -> dist/ (office.js <script> in both pages)
 *   npx webpack --mode production --env e2e    -> dist-e2e/ without the office.js tag; taskpane.html first runs the
 *                                                 `e2e-host` entry (test/e2e/host-entry.ts: the in-memory Excel host
 *                                                 installed as window.Excel/Office), then the task pane
 *   --env outputPath=<dir>                     -> build into <dir> (relative to this folder) instead
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

const ROOT = __dirname;
const DEV_PORT = 3000;
const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

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
      console.warn(`[webpack] Serving https with the certificate files in ${devCerts.CERT_DIR}; this machine or browser may not trust their CA.`);
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

  /** Shared by both pages' templates. */
  const templateParameters = {
    officeJsUrl: e2e ? '' : OFFICE_JS_URL,
  };

  const config = {
    mode: isProd ? 'production' : 'development',
    context: ROOT,
    // No eval-based source maps: Office webviews may run with a CSP, and we do not ship eval.
    devtool: 'source-map',
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
                sourceMap: true,
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
          { from: 'manifest.xml', to: 'manifest.xml' },
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
