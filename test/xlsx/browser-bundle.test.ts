/**
 * The browser's exceljs (webpack.exceljs.js, src/xlsx/exceljs-browser.js) is built from exceljs'
 * sources without Node's crypto shim: elliptic (advisories, fixed in 6.6.1) and the rest of
 * crypto-browserify must not be in it, and the Workbook it exports must still write and read .xlsx.
 * Builds only that entry with webpack in production mode, as the task pane bundle does.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import webpack from 'webpack';
import { ROOT } from '../cli/run-cli';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const exceljsForBrowser = require(join(ROOT, 'webpack.exceljs.js')) as {
  alias: Record<string, string>;
  fallback: Record<string, string | false>;
  plugins: webpack.WebpackPluginInstance[];
};

function build(outDir: string): Promise<webpack.Stats> {
  const compiler = webpack({
    mode: 'production',
    target: 'web',
    context: ROOT,
    entry: { exceljs: 'exceljs' },
    output: { path: outDir, filename: '[name].js', library: { name: 'ExcelJS', type: 'global' } },
    resolve: { alias: exceljsForBrowser.alias, fallback: exceljsForBrowser.fallback },
    plugins: exceljsForBrowser.plugins,
    performance: { hints: false },
  });
  return new Promise((resolve, reject) => compiler.run((err, stats) => (err || !stats ? reject(err) : resolve(stats))));
}

describe('exceljs in the browser bundle', () => {
  const out = mkdtempSync(join(tmpdir(), 'cs-bundle-'));
  let stats: webpack.Stats;
  beforeAll(async () => {
    stats = await build(out);
  }, 240_000);

  it('builds without errors', () => {
    expect(stats.toJson({ all: false, errors: true }).errors).toEqual([]);
  });

  it('carries no elliptic and no crypto-browserify', () => {
    const modules = (stats.toJson({ all: false, modules: true, nestedModules: true }).modules ?? []).flatMap((m) => [
      m.name ?? '',
      ...(m.modules ?? []).map((n) => n.name ?? ''),
    ]);
    expect(modules.some((n) => n.includes('node_modules/exceljs/lib/doc/workbook.js'))).toBe(true); // the sources, not dist/
    expect(modules.filter((n) => /elliptic|crypto-browserify|browserify-sign|create-ecdh|exceljs\/dist\//.test(n))).toEqual([]);
    const code = readdirSync(out)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(out, f), 'utf8'))
      .join('\n');
    expect(code).not.toMatch(/secp256k1|EllipticCurve|elliptic/);
  });

  it('still writes and reads a workbook (run in this process with the browser globals it expects)', async () => {
    const code = readFileSync(join(out, 'exceljs.js'), 'utf8');
    // A fresh global scope with only what a browser page would also have.
    const scope: Record<string, unknown> & { ExcelJS?: { Workbook: new () => import('exceljs').Workbook } } = {
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      queueMicrotask,
      TextEncoder,
      TextDecoder,
      console,
    };
    scope.self = scope;
    scope.window = scope;
    vm.runInNewContext(code, scope);
    const ExcelJS = scope.ExcelJS!;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('汇总').getCell('A1').value = '考核结果汇总表';
    const bytes = await wb.xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as ArrayBuffer);
    expect(back.getWorksheet('汇总')!.getCell('A1').value).toBe('考核结果汇总表');
  });
});
