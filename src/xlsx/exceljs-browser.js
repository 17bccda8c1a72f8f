/**
 * exceljs for the browser bundle, built by webpack from exceljs' own sources instead of its prebuilt
 * dist/exceljs.min.js. That prebuilt bundle is made by browserify, which shims Node's `crypto` with
 * crypto-browserify and so ships its ECDSA/ECDH package at 6.5.4 (six advisories, fixed in 6.6.1;
 * named in docs/security.md, not here, so that a search of dist/ for it finds nothing). exceljs needs
 * `crypto` only to hash a sheet-protection password (lib/utils/encryptor.js), and we never set one,
 * so webpack.exceljs.js maps `crypto` to nothing. Same shape as exceljs' browser entry
 * (lib/exceljs.browser.js) without its core-js polyfills: the pane needs an ES2020 webview anyway.
 */
'use strict';

// exceljs and readable-stream read the free variable `process` at run time (process.browser,
// process.nextTick). Defined here, when the lazy exceljs chunk loads, rather than injected by
// webpack's ProvidePlugin, which would also put the shim into the pane's first bundle.
if (typeof process === 'undefined') globalThis.process = require('process/browser');

const ExcelJS = { Workbook: require('exceljs/lib/doc/workbook') };
const Enums = require('exceljs/lib/doc/enums');

Object.keys(Enums).forEach((key) => {
  ExcelJS[key] = Enums[key];
});

module.exports = ExcelJS;
