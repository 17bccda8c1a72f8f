/**
 * Annex benchmark: time to build and serialise the official annex (src/xlsx/annex.ts: plan,
 * exceljs workbook, .xlsx bytes) for 36 scored units (衡东's roster size) on every built-in rubric,
 * reporting the worst as units36Ms, and for 1,000 scored units on the rubric with the largest table
 * (most indicator and input rows), with the file size. Scoring is outside the timed part.
 */
import { builtinRubricIds, loadBuiltin } from '../src/rubric/catalog';
import type { Rubric } from '../src/rubric/schema';
import { scoreRoster } from '../src/scoring/score';
import { annexBuffer, annexUnits } from '../src/xlsx/annex';
import { formatMeasurements, measure, type Measurement, type MeasureOptions } from './harness';
import { randomRoster } from './random-inputs';

const SEED = 20261124;
const DATE = '2026年11月24日';

function scoredUnits(rubric: Rubric, size: number) {
  const units = randomRoster(rubric, size, SEED);
  return annexUnits(units, scoreRoster(rubric, units).units);
}

const tableSize = (r: Rubric) => r.categories.reduce((n, c) => n + 1 + c.indicators.reduce((m, i) => m + 1 + i.fields.length, 0), 0);

export async function runAnnexBench(options: MeasureOptions = {}, log: (s: string) => void = (s) => process.stdout.write(s)): Promise<Record<string, unknown>> {
  const small: Measurement[] = [];
  for (const id of builtinRubricIds) {
    const { rubric } = loadBuiltin(id);
    const units = scoredUnits(rubric, 36);
    small.push(await measure(id, () => annexBuffer(rubric, units, { date: DATE }), { warmup: 1, runs: 7, budgetMs: 10_000, minRuns: 3, ...options }));
  }
  const worst = small.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
  log(formatMeasurements('annex: 36 scored units → .xlsx', small));

  const largest = builtinRubricIds.map((id) => loadBuiltin(id).rubric).reduce((a, b) => (tableSize(b) > tableSize(a) ? b : a));
  const units = scoredUnits(largest, 1000);
  let bytes = 0;
  const big = await measure(
    largest.id,
    async () => {
      bytes = (await annexBuffer(largest, units, { date: DATE })).byteLength;
    },
    { warmup: 1, runs: 3, budgetMs: 30_000, minRuns: 2, ...options },
  );
  log(formatMeasurements('annex: 1,000 scored units → .xlsx', [big]));
  log(`worst 36-unit rubric: ${worst.name} ${worst.medianMs.toFixed(0)} ms; 1,000 units (${largest.id}): ${big.medianMs.toFixed(0)} ms, ${(bytes / 1e6).toFixed(2)} MB\n`);
  return {
    units36Ms: worst.medianMs,
    units36Rubric: worst.name,
    units36PerRubric: Object.fromEntries(small.map((m) => [m.name, m.medianMs])),
    units1000Ms: big.medianMs,
    units1000P95Ms: big.p95Ms,
    units1000Bytes: bytes,
    units1000Rubric: largest.id,
  };
}
