/**
 * `npm run bench [-- <module>…]`: runs the benchmark modules (all by default) and merges their
 * figures into bench/results.json, replacing only the keys the modules run own. Other modules'
 * figures in the file are kept as they are.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { benchModules } from './modules';

export const RESULTS_FILE = join(__dirname, 'results.json');

export function readResults(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file} is not a JSON object`);
  return data as Record<string, unknown>;
}

/** Replaces the keys of `figures` in `results`, keeps the others and their order. */
export function mergeResults(results: Record<string, unknown>, figures: Record<string, unknown>): Record<string, unknown> {
  return { ...results, ...figures };
}

export async function runBench(
  names: string[],
  file = RESULTS_FILE,
  log: (s: string) => void = (s) => process.stdout.write(s),
): Promise<number> {
  const unknown = names.filter((n) => !benchModules.some((m) => m.name === n));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark module: ${unknown.join(', ')} (available: ${benchModules.map((m) => m.name).join(', ')})\n`);
    return 2;
  }
  const selected = names.length === 0 ? benchModules : benchModules.filter((m) => names.includes(m.name));
  const figures: Record<string, unknown> = {};
  for (const m of selected) {
    log(`\n== ${m.name}\n`);
    figures[m.name] = {
      ...(await m.run()),
      measuredAt: new Date().toISOString(),
      node: process.version,
      cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    };
  }
  const merged = mergeResults(readResults(file), figures);
  writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
  log(`\nwrote ${selected.map((m) => m.name).join(', ')} to ${file}\n`);
  return 0;
}

if (require.main === module) {
  runBench(process.argv.slice(2).filter((a) => a !== '--')).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
