/**
 * Engine benchmark, as a ratio: `engine.vsHyperFormula` = the CPU time HyperFormula takes to
 * recalculate the same score table written as spreadsheet formulas (bench/hyperformula-table.ts,
 * 平顶山 附件1, 1,000 units) divided by the CPU time of `scoreRoster` on the same roster; both timed
 * interleaved in this process, medians of several rounds, after checking that every total, band,
 * rank and a sample of items agree. Goal: ≥ 50 (issue 15). A ratio measured in one process moves
 * much less with the host than an absolute time did (the same code read 19 ms and 77 ms minutes apart).
 *
 * Also informational: the median wall time of scoring and ranking 1,000 units per built-in rubric
 * (`roster1000Ms`, the worst rubric), with the host's steal and the load average. No absolute target.
 */
import { loadavg } from 'node:os';
import { builtinRubricIds, loadBuiltin } from '../src/rubric/catalog';
import { scoreRoster } from '../src/scoring/score';
import type { RosterResult } from '../src/scoring/types';
import { formatMeasurements, measure, median, type Measurement, type MeasureOptions } from './harness';
import { readCpuTimes, stealPercent } from './host-steal';
import { buildHyperFormula, scoreTable, TABLE_RUBRIC, type FormulaColumns } from './hyperformula-table';
import { randomParameters, randomRoster } from './random-inputs';
import type { HyperFormula } from 'hyperformula';

export const ROSTER_SIZE = 1000;
export const VS_HYPERFORMULA_GOAL = 50;
const SEED = 20260101;

/** CPU (user + system) and wall milliseconds of one call. */
export function timeCall(fn: () => unknown): { cpuMs: number; wallMs: number } {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  fn();
  const d = process.cpuUsage(cpu);
  return { cpuMs: (d.user + d.system) / 1000, wallMs: Number(process.hrtime.bigint() - wall) / 1e6 };
}

/** Every unit's items, categories, base, bonus, final, band and rank: equal in both, or it throws. */
export function checkTableAgrees(hf: HyperFormula, at: FormulaColumns, result: RosterResult): number {
  let checked = 0;
  const cell = (row: number, col: number) => hf.getCellValue({ sheet: 0, row, col });
  const same = (row: number, col: number, want: unknown, what: string) => {
    const got = cell(row, col);
    // Both sides are rounded to 2 places by then: equal as doubles, or a formula or engine bug.
    if (got !== want)
      throw new Error(`HyperFormula table and scoreRoster differ at unit ${row + 1} ${what}: ${String(got)} ≠ ${String(want)}`);
    checked++;
  };
  result.units.forEach((u, row) => {
    same(row, at.base, u.base, 'base');
    same(row, at.bonus, u.bonus, 'bonus');
    same(row, at.final, u.final, 'final');
    same(row, at.band, u.band, 'band');
    same(row, at.rank, u.rank, 'rank');
    for (const [id, col] of Object.entries(at.items)) same(row, col, u.items[id].score, `item ${id}`);
    for (const [id, col] of Object.entries(at.categories)) same(row, col, u.categories[id].score, `category ${id}`);
  });
  return checked;
}

export interface VsHyperFormula {
  ratio: number;
  engineCpuMs: number;
  hyperFormulaCpuMs: number;
  engineWallMs: number;
  hyperFormulaWallMs: number;
  rounds: number;
  valuesChecked: number;
  loadAverage: { before: number[]; after: number[] };
}

/**
 * Interleaved rounds: scoreRoster (repeated `repeat` times per sample so that a sample is well
 * above the CPU clock's granularity), then HyperFormula's full rebuild and recalculation.
 */
export function measureVsHyperFormula(rounds = 7, repeat = 5): VsHyperFormula {
  const loadBefore = loadavg();
  const rubric = loadBuiltin(TABLE_RUBRIC).rubric;
  const roster = randomRoster(rubric, ROSTER_SIZE, SEED);
  const { rows, at } = scoreTable(rubric, roster);
  const hf = buildHyperFormula(rows);
  const valuesChecked = checkTableAgrees(hf, at, scoreRoster(rubric, roster));
  const engine = () => {
    for (let i = 0; i < repeat; i++) scoreRoster(rubric, roster);
  };
  const table = () => hf.rebuildAndRecalculate();
  for (let i = 0; i < 2; i++) {
    engine();
    table();
  }
  const e: { cpuMs: number; wallMs: number }[] = [];
  const h: { cpuMs: number; wallMs: number }[] = [];
  for (let i = 0; i < rounds; i++) {
    e.push(timeCall(engine));
    h.push(timeCall(table));
  }
  checkTableAgrees(hf, at, scoreRoster(rubric, roster)); // still the same table after the rebuilds
  hf.destroy();
  const med = (xs: number[]) => median([...xs].sort((a, b) => a - b));
  const engineCpuMs = med(e.map((x) => x.cpuMs)) / repeat;
  const hyperFormulaCpuMs = med(h.map((x) => x.cpuMs));
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    ratio: r2(hyperFormulaCpuMs / engineCpuMs),
    engineCpuMs: r2(engineCpuMs),
    hyperFormulaCpuMs: r2(hyperFormulaCpuMs),
    engineWallMs: r2(med(e.map((x) => x.wallMs)) / repeat),
    hyperFormulaWallMs: r2(med(h.map((x) => x.wallMs))),
    rounds,
    valuesChecked,
    loadAverage: { before: loadBefore.map(r2), after: loadavg().map(r2) },
  };
}

export function formatVsHyperFormula(v: VsHyperFormula): string {
  return (
    `engine.vsHyperFormula (${TABLE_RUBRIC}, ${ROSTER_SIZE} units, ${v.valuesChecked} values checked equal, median of ${v.rounds} interleaved rounds):\n` +
    `  HyperFormula full recalculation: ${v.hyperFormulaCpuMs} ms CPU, ${v.hyperFormulaWallMs} ms wall\n` +
    `  scoreRoster:                     ${v.engineCpuMs} ms CPU, ${v.engineWallMs} ms wall\n` +
    `  ratio (CPU): ${v.ratio} (goal ≥ ${VS_HYPERFORMULA_GOAL}: ${v.ratio >= VS_HYPERFORMULA_GOAL ? 'met' : 'NOT met'})\n` +
    `  load average (1, 5, 15 min): ${v.loadAverage.before.join(', ')} before, ${v.loadAverage.after.join(', ')} after\n`
  );
}

export async function runEngineBench(
  options: MeasureOptions = {},
  log: (s: string) => void = (s) => process.stdout.write(s),
): Promise<Record<string, unknown>> {
  const vs = measureVsHyperFormula();
  log(formatVsHyperFormula(vs));
  const measurements: Measurement[] = [];
  const steal: Record<string, number | null> = {};
  const start = readCpuTimes();
  for (const id of builtinRubricIds) {
    const { rubric } = loadBuiltin(id);
    const roster = randomRoster(rubric, ROSTER_SIZE, SEED);
    const parameters = randomParameters(rubric, SEED); // 朝阳's item points, set once
    // sanity: the generated inputs are complete and valid, so every unit gets a final score
    const check = scoreRoster(rubric, roster, parameters);
    const unscored = check.units.filter((u) => u.final === null && !(rubric.aggregation.mode === 'normalised' && u.normalisation === null));
    if (unscored.length > 0)
      throw new Error(
        `${id}: ${unscored.length} generated units were not scored: ${unscored[0].problems.map((p) => p.message).join('; ')}`,
      );
    const before = readCpuTimes();
    measurements.push(
      await measure(id, () => scoreRoster(rubric, roster, parameters), { warmup: 3, runs: 31, budgetMs: 10_000, minRuns: 5, ...options }),
    );
    steal[id] = stealPercent(before, readCpuTimes());
  }
  const overallSteal = stealPercent(start, readCpuTimes());
  const worst = measurements.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
  log(formatMeasurements(`engine (informational, wall time): scoreRoster, ${ROSTER_SIZE} units per roster`, measurements));
  log(`worst: ${worst.name} ${worst.medianMs.toFixed(2)} ms\n`);
  const shown = (p: number | null) => (p === null ? 'unknown' : `${p}%`);
  log(
    `CPU time taken by the host (steal, /proc/stat): ${shown(overallSteal)} over the whole run, ${shown(steal[worst.name])} while ${worst.name} was timed\n`,
  );
  return {
    vsHyperFormula: vs.ratio,
    vsHyperFormulaGoal: VS_HYPERFORMULA_GOAL,
    vsHyperFormulaDetail: { rubric: TABLE_RUBRIC, units: ROSTER_SIZE, ...vs },
    roster1000Ms: worst.medianMs,
    worstRubric: worst.name,
    perRubric: Object.fromEntries(measurements.map((m) => [m.name, m.medianMs])),
    p95PerRubric: Object.fromEntries(measurements.map((m) => [m.name, m.p95Ms])),
    runsPerRubric: Object.fromEntries(measurements.map((m) => [m.name, m.runs])),
    hostStealPercent: overallSteal,
    hostStealPercentPerRubric: steal,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
