/**
 * Builds the task pane once and serves it on 127.0.0.1 for every e2e test file:
 *   dist-e2e/          `webpack --mode production --env e2e`: taskpane.html runs the in-memory Excel host first
 *   dist-e2e/plain/    `webpack --mode production`: the normal build (office.js tag and all), for the
 *                      plain-browser and old-Office checks
 *   dist-e2e/local-office/  `webpack --mode production --env officeJs=local`: office.js served from the
 *                      build itself, for the offline (intranet without internet) check
 * The builds run in parallel; the others are built in temporary folders and moved in afterwards,
 * because the e2e build empties dist-e2e/. E2E_SKIP_BUILD=1 reuses what is there.
 * The base URL is handed to the tests in process.env.E2E_BASE_URL.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const E2E_DIST = join(ROOT, 'dist-e2e');

function webpack(args: string[]): Promise<void> {
  const cli = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, '--mode', 'production', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`webpack ${args.join(' ')} failed (${code}):\n${out.slice(-4000)}`)),
    );
  });
}

export default async function globalSetup(): Promise<void> {
  const built = ['taskpane.html', 'plain/taskpane.html', 'local-office/taskpane.html'].every((f) => existsSync(join(E2E_DIST, f)));
  const fresh = !(process.env.E2E_SKIP_BUILD === '1' && built);
  if (fresh) {
    const started = Date.now();
    const plain = mkdtempSync(join(tmpdir(), 'credit-score-plain-'));
    const localOffice = mkdtempSync(join(tmpdir(), 'credit-score-local-office-'));
    try {
      await Promise.all([
        webpack(['--env', 'e2e', '--env', `outputPath=${E2E_DIST}`]),
        webpack(['--env', `outputPath=${plain}`]),
        webpack(['--env', `outputPath=${localOffice}`, '--env', 'officeJs=local']),
      ]);
      cpSync(plain, join(E2E_DIST, 'plain'), { recursive: true });
      cpSync(localOffice, join(E2E_DIST, 'local-office'), { recursive: true });
    } finally {
      rmSync(plain, { recursive: true, force: true });
      rmSync(localOffice, { recursive: true, force: true });
    }
    process.stdout.write(
      `\n[e2e] built dist-e2e/, dist-e2e/plain/ and dist-e2e/local-office/ in ${Math.round((Date.now() - started) / 1000)} s\n`,
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startServer } = require('../../scripts/serve-dist.js') as {
    startServer(o: { root: string; port: number }): Promise<{ url: string; close(): Promise<void> }>;
  };
  const server = await startServer({ root: E2E_DIST, port: 0 });
  (globalThis as { __e2eServer?: { close(): Promise<void> } }).__e2eServer = server;
  process.env.E2E_BASE_URL = server.url;
}
