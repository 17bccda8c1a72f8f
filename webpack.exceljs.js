/**
 * How the task pane bundle gets exceljs (src/xlsx/exceljs-browser.js says why): `import('exceljs')`
 * resolves to exceljs' sources, with the few Node built-ins they use mapped to browser packages and
 * `crypto` (only for sheet-protection passwords, never used here) and `fs` (file paths, never used
 * in the browser) mapped to nothing. Spread into webpack.config.js's resolve and plugins.
 */
'use strict';

const path = require('node:path');
const webpack = require('webpack');

module.exports = {
  alias: {
    exceljs$: path.resolve(__dirname, 'src/xlsx/exceljs-browser.js'),
  },
  fallback: {
    crypto: false,
    fs: false,
    stream: require.resolve('readable-stream'),
    events: require.resolve('events/'),
    buffer: require.resolve('buffer/'),
    string_decoder: require.resolve('string_decoder/'),
    util: false,
  },
  plugins: [
    // exceljs' CSV support (fast-csv, dayjs) is never used: src/xlsx/exceljs-no-csv.js instead.
    new webpack.NormalModuleReplacementPlugin(/^\.\.\/csv\/csv$/, path.resolve(__dirname, 'src/xlsx/exceljs-no-csv.js')),
    new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }), // only modules that use Buffer get it; `process`: see exceljs-browser.js
  ],
};
