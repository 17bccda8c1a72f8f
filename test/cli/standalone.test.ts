/**
 * The standalone command line (scripts/build-standalone.js): one file, credit-score.cjs, copied alone
 * into an empty folder without node_modules, runs every command and prints what the in-process
 * command line prints for the same files. Then `npm pack`: the tarball holds what `bin` names, and
 * that file runs from the unpacked package with nothing installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from './run-cli';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildStandalone } = require('../../scripts/build-standalone.js') as { buildStandalone(out: string): Promise<string> };

let work: string;
let alone: string;
let inProcess: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'credit-score-standalone-'));
  const built = await buildStandalone(join(work, 'build', 'credit-score.cjs'));
  alone = join(work, 'alone');
  inProcess = join(work, 'in-process');
  mkdirSync(alone);
  mkdirSync(inProcess);
  copyFileSync(built, join(alone, 'credit-score.cjs'));
  for (const dir of [alone, inProcess]) {
    copyFileSync(join(ROOT, 'examples', 'hengdong-2020-members.json'), join(dir, 'units.json'));
    writeFileSync(join(dir, 'roster.txt'), '甲县\n乙区\n');
  }
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function runAlone(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['credit-score.cjs', ...args], {
    cwd: alone,
    encoding: 'utf8',
    env: { ...process.env, NODE_PATH: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

it('the folder holds nothing but the one file (no node_modules anywhere above it is used)', () => {
  expect(readdirSync(alone).sort()).toEqual(['credit-score.cjs', 'roster.txt', 'units.json']);
  // Nothing resolvable from the temp folder: the bundle must carry exceljs and zod itself.
  expect(() => require.resolve('exceljs', { paths: [alone] })).toThrow();
  const version = runAlone(['--version']);
  expect(version).toEqual({ code: 0, out: `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`, err: '' });
});

it.each([
  ['rubrics', ['rubrics']],
  ['template', ['template', 'hegang-2022-counties']],
  ['score', ['score', 'hengdong-2020-members', 'units.json']],
  ['score --json', ['score', 'hengdong-2020-members', 'units.json', '--json']],
  ['workbook', ['workbook', 'hegang-2022-counties', '--roster', 'roster.txt', '-o', 'blank.xlsx']],
  ['annex', ['annex', 'blank.xlsx', '-o', 'annex.xlsx']],
  ['a usage error', ['score', 'hengdong-2020-members', 'missing.json']],
])(
  '%s: the standalone file prints what the command line prints',
  async (_name, args) => {
    const standalone = runAlone(args);
    const reference = await runCli(args, inProcess);
    expect(standalone).toEqual({ code: reference.code, out: reference.out, err: reference.err });
  },
  60_000,
);

it('workbook and annex wrote real .xlsx files beside the standalone file', () => {
  for (const f of ['blank.xlsx', 'annex.xlsx', 'blank-已计分.xlsx']) {
    const bytes = readFileSync(join(alone, f));
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  }
});

it('npm pack: the tarball carries the file bin names, and it runs unpacked with nothing installed', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  const binFile = pkg.bin['credit-score'] as string;
  // The packed file is the one prepack builds; build it here so the test does not depend on a prior run.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-standalone.js')], { cwd: ROOT, stdio: 'pipe' });
  const packDir = join(work, 'pack');
  mkdirSync(packDir);
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [info] = JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const files = (info as { files: Array<{ path: string }> }).files.map((f) => f.path);
  expect(files).toContain(binFile);
  // The whole repository is not shipped: no sources, tests or node_modules.
  expect(files.filter((f) => /^(src|test|node_modules)\//.test(f))).toEqual([]);
  execFileSync('tar', ['-xzf', join(packDir, (info as { filename: string }).filename), '-C', packDir]);
  const unpacked = join(packDir, 'package');
  expect(existsSync(join(unpacked, 'node_modules'))).toBe(false);
  const r = spawnSync(process.execPath, [join(unpacked, binFile), 'rubrics'], { cwd: packDir, encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/hengdong-2020-members/);
}, 120_000);
