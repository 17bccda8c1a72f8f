/**
 * A small benchmark harness: warmup calls, then timed calls with process.hrtime.bigint until the
 * run count or the time budget is reached (at least minRuns), then median, p95, min and max.
 */
import { formatTable } from '../src/cli/format-table';

export interface MeasureOptions {
  /** Untimed calls first (JIT, caches). Default 3. */
  warmup?: number;
  /** Timed calls wanted. Default 20. */
  runs?: number;
  /** Stop timing after this many milliseconds once minRuns are done. Default 15 000. */
  budgetMs?: number;
  /** Timed calls made whatever the budget. Default 5. */
  minRuns?: number;
}

export interface Measurement {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export async function measure(name: string, fn: () => unknown | Promise<unknown>, options: MeasureOptions = {}): Promise<Measurement> {
  const { warmup = 3, runs = 20, budgetMs = 15_000, minRuns = 5 } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  const start = process.hrtime.bigint();
  while (samples.length < runs) {
    const t0 = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (samples.length >= minRuns && elapsed > budgetMs) break;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    name,
    runs: samples.length,
    medianMs: round3(median(sorted)),
    p95Ms: round3(percentile(sorted, 95)),
    minMs: round3(sorted[0]),
    maxMs: round3(sorted[sorted.length - 1]),
  };
}

export function formatMeasurements(title: string, ms: readonly Measurement[]): string {
  const rows = ms.map((m) => [m.name, m.runs, m.medianMs.toFixed(2), m.p95Ms.toFixed(2), m.minMs.toFixed(2), m.maxMs.toFixed(2)]);
  const table = formatTable(['case', 'runs', 'median ms', 'p95 ms', 'min ms', 'max ms'], rows, {
    align: ['left', 'right', 'right', 'right', 'right', 'right'],
  });
  return `${title}\n${table}\n`;
}
