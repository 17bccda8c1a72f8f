#!/usr/bin/env node
/**
 * The standalone command line: one file, credit-score.cjs, that runs on Node ≥ 18 with no node_modules
 * (every rubric, exceljs, zod and the engine bundled in by esbuild).
 *
 *   node scripts/build-standalone.js [--out dist-cli/credit-score.cjs]     (npm run build:standalone)
 *
 * The version is baked in (CREDIT_SCORE_VERSION), since no package.json travels with the file.
 */
'use strict';

const path = require('node:path');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_OUT = path.join(ROOT, 'dist-cli', 'credit-score.cjs');

async function buildStandalone(outfile = DEFAULT_OUT) {
  const { version } = require(path.join(ROOT, 'package.json'));
  await esbuild.build({
    stdin: {
      contents: "const { main } = require('./src/cli/main');\nmain(process.argv.slice(2)).then((code) => { process.exitCode = code; });\n",
      resolveDir: ROOT,
      sourcefile: 'credit-score-standalone.js',
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    outfile,
    banner: { js: '#!/usr/bin/env node' },
    define: { 'process.env.CREDIT_SCORE_VERSION': JSON.stringify(version) },
    legalComments: 'none',
    logLevel: 'warning',
    tsconfig: path.join(ROOT, 'tsconfig.cli.json'),
  });
  require('node:fs').chmodSync(outfile, 0o755);
  return outfile;
}

module.exports = { buildStandalone, DEFAULT_OUT };

if (require.main === module) {
  const i = process.argv.indexOf('--out');
  const out = i > 0 ? path.resolve(process.argv[i + 1]) : DEFAULT_OUT;
  buildStandalone(out).then(
    (file) => console.log(`wrote ${path.relative(process.cwd(), file)}`),
    (err) => {
      console.error(err.message);
      process.exitCode = 1;
    },
  );
}
