/**
 * Engine benchmark: median time to score and rank a 1,000-unit roster (random complete inputs,
 * seeded) for each built-in rubric. Reports the worst rubric as roster1000Ms. Target: < 50 ms.
 */
import { builtinRubricIds, loadBuiltin } from '../src/rubric/catalog';
import { scoreRoster } from '../src/scoring/score';
import { formatMeasurements, measure, type Measurement, type MeasureOptions } from './harness';
import { readCpuTimes, stealPercent } from './host-steal';
import { randomRoster } from './random-inputs';

export const ROSTER_SIZE = 1000;
export const TARGET_MS = 50;
const SEED = 20260101;

export async function runEngineBench(options: MeasureOptions = {}, log: (s: string) => void = (s) => process.stdout.write(s)): Promise<Record<string, unknown>> {
  const measurements: Measurement[] = [];
  const steal: Record<string, number | null> = {};
  const start = readCpuTimes();
  for (const id of builtinRubricIds) {
    const { rubric } = loadBuiltin(id);
    const roster = randomRoster(rubric, ROSTER_SIZE, SEED);
    // sanity: the generated inputs are complete and valid, so every unit gets a final score
    const check = scoreRoster(rubric, roster);
    const unscored = check.units.filter((u) => u.final === null && !(rubric.aggregation.mode === 'normalised' && u.normalisation === null));
    if (unscored.length > 0) throw new Error(`${id}: ${unscored.length} generated units were not scored: ${unscored[0].problems.map((p) => p.message).join('; ')}`);
    const before = readCpuTimes();
    measurements.push(await measure(id, () => scoreRoster(rubric, roster), { warmup: 3, runs: 31, budgetMs: 10_000, minRuns: 5, ...options }));
    steal[id] = stealPercent(before, readCpuTimes());
  }
  const overallSteal = stealPercent(start, readCpuTimes());
  const worst = measurements.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
  log(formatMeasurements(`engine: scoreRoster, ${ROSTER_SIZE} units per roster`, measurements));
  log(`worst: ${worst.name} ${worst.medianMs.toFixed(2)} ms (target < ${TARGET_MS} ms: ${worst.medianMs < TARGET_MS ? 'met' : 'NOT met'})\n`);
  const shown = (p: number | null) => (p === null ? 'unknown' : `${p}%`);
  log(`CPU time taken by the host (steal, /proc/stat): ${shown(overallSteal)} over the whole run, ${shown(steal[worst.name])} while ${worst.name} was timed\n`);
  return {
    roster1000Ms: worst.medianMs,
    worstRubric: worst.name,
    targetMs: TARGET_MS,
    perRubric: Object.fromEntries(measurements.map((m) => [m.name, m.medianMs])),
    p95PerRubric: Object.fromEntries(measurements.map((m) => [m.name, m.p95Ms])),
    runsPerRubric: Object.fromEntries(measurements.map((m) => [m.name, m.runs])),
    hostStealPercent: overallSteal,
    hostStealPercentPerRubric: steal,
  };
}
