/** Runs the command line in-process with captured stdout and stderr. */
import { resolve } from 'node:path';
import { main } from '../../src/cli/main';

export const ROOT = resolve(__dirname, '../..');

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(argv: string[], cwd: string = ROOT): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}
