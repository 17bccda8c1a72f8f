#!/usr/bin/env node
'use strict';
// The command line is compiled to lib/ by `npm run build:cli` (also run on `npm install` via prepare).
const { main } = require('../lib/src/cli/main.js');
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
