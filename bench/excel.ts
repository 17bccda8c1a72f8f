/**
 * Excel I/O of the live workbook, measured on the in-memory Excel host (test/excel-host) at
 * ExcelApi 1.8: syncs and cells written for one single-cell edit, for rosters of 10, 100 and 1,000
 * units, and syncs for a 500-cell paste; side by side with a naive baseline measured in the same
 * run (read every block, rescore everything, write every computed cell).
 *
 * CPU time: the pane's share of one single-cell edit round and of one 重新计分 (rescoreAll), as
 * process CPU time (process.cpuUsage) minus the CPU the host spent applying the requests
 * (host.hostCpuMicros, "Excel's" side of each sync); medians of repeated rounds. The figures that
 * matter are the ratios 1,000 / 10 units (edit) and 1,000 / 100 units (重新计分): work that grows
 * with the roster shows there whatever the machine's speed. Wall time and the load average are
 * recorded beside them, as a check on how busy the machine was.
 */
import { applyPlan } from '../src/excel/apply-plan';
import { Batch } from '../src/excel/batch';
import { detectApiLevel } from '../src/excel/requirements';
import { LiveSession } from '../src/excel/session';
import { indexBlock, readUnitInputs, cellOf, inputCells } from '../src/layout/binding';
import { allOutputs } from '../src/layout/outputs';
import { percentTexts } from '../src/layout/percent';
import { a1, definedNameFor, type CellValue, type WorkbookPlan } from '../src/layout/plan';
import { planWorkbook } from '../src/layout/workbook-plan';
import { loadBuiltin } from '../src/rubric/catalog';
import type { Rubric } from '../src/rubric/schema';
import { scoreRoster } from '../src/scoring/score';
import { createExcelHost, installGlobals, uninstallGlobals, type ExcelHost } from '../test/excel-host';
import { median, percentile } from './harness';
import { mulberry32, randomUnit } from './random-inputs';
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const RUBRIC = 'hengdong-2020-members';

interface Figures {
  syncsPerEdit: number;
  cellsWrittenPerEdit: number;
  setupSeconds: number;
}

interface CpuFigures {
  editCpuMs: number;
  editWallMs: number;
  rescoreAllCpuMs?: number;
  rescoreAllWallMs?: number;
}

const cpuMicros = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/** Pane-side CPU (process CPU minus the host's) and wall time of `round`, in ms. */
async function paneCost(host: ExcelHost, round: () => Promise<unknown>): Promise<{ cpuMs: number; wallMs: number }> {
  const h0 = host.hostCpuMicros;
  const c0 = cpuMicros();
  const t0 = performance.now();
  await round();
  const wallMs = performance.now() - t0;
  return { cpuMs: (cpuMicros() - c0 - (host.hostCpuMicros - h0)) / 1000, wallMs };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const medianOf = (xs: number[]) => round2(median([...xs].sort((a, b) => a - b)));

/**
 * Edits timed per roster size, in BATCHES batches per size taken in turn (10, 100, 1,000, 10, …),
 * after WARMUP untimed edits: the machine is shared, and a load that changes during the run then
 * weighs on every size alike instead of on whichever size ran at that moment. Each size's figure is
 * the median of its edits (the spread is reported beside it).
 */
export const WARMUP = 20;
export const BATCHES = 10;
export const EDITS_PER_BATCH: Record<number, number> = { 10: 200, 100: 60, 1000: 20 };

/** Forces a full garbage collection between batches (not timed): every batch starts from the same heap. */
const collectGarbage: () => void = (() => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  // Not started with --expose-gc (npm run bench): the flag can still be set, and the function taken
  // from a fresh context, which then has it.
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** Fills every input cell before the add-in listens (as if the file had been filled earlier). */
function fillInputs(host: ExcelHost, plan: WorkbookPlan, rubric: Rubric, seed: number) {
  const rng = mulberry32(seed);
  for (const sheet of plan.sheets.filter((s) => s.kind === 'unit')) {
    const unit = randomUnit(rubric, rng, sheet.name);
    const grid = host.values(sheet.name, `A1:${a1(sheet.block.rows - 1, sheet.block.cols - 1)}`) as CellValue[][];
    const idx = indexBlock(grid);
    if (!idx.ok) throw new Error(idx.message);
    for (const ref of inputCells(idx.index)) {
      const v = unit.inputs?.[ref.indicatorId]?.[ref.fieldId];
      if (v !== undefined && v !== null) host.userEdit(sheet.name, a1(ref.row, ref.col), [[v]]);
    }
  }
}

export async function setup(size: number): Promise<{ host: ExcelHost; plan: WorkbookPlan; rubric: Rubric; seconds: number }> {
  const t0 = Date.now();
  const host = createExcelHost({ apiVersion: '1.8' });
  installGlobals(host);
  const loaded = loadBuiltin(RUBRIC);
  const roster = Array.from({ length: size }, (_, i) => ({ name: `单位${String(i + 1).padStart(4, '0')}`, group: '成员单位' }));
  const plan = planWorkbook(loaded, roster);
  await applyPlan(plan, { api: detectApiLevel(), requestBudget: 4_000_000 });
  await host.flushEvents();
  fillInputs(host, plan, loaded.rubric, size);
  await host.flushEvents(); // no handler is registered yet: nothing is scored until binding
  return { host, plan, rubric: loaded.rubric, seconds: (Date.now() - t0) / 1000 };
}

export function editAddress(host: ExcelHost, sheet: string): string {
  const grid = host.values(sheet, 'A1:Z120') as CellValue[][];
  const idx = indexBlock(grid);
  if (!idx.ok) throw new Error(idx.message);
  const at = cellOf(idx.index, 'i|六|reports', 'input');
  if (!at) throw new Error('no 六 input');
  return a1(at.row, at.col);
}

/** The value of the bench's n-th edit: 六 (0.5 per report, cap 5), so that the total and the ranks move. */
export const editValue = (n: number) => (n % 2 === 0 ? 2 + (n % 5) : 9);

/** A bound live workbook of one roster size, kept while the sizes' edits are timed in turn. */
export interface LiveRoster {
  size: number;
  host: ExcelHost;
  session: LiveSession;
  sheet: string;
  address: string;
  edits: number;
  cpuMs: number[];
  wallMs: number[];
  figures: Figures & { syncsPerPaste500?: number };
}

export async function bindLive(size: number): Promise<LiveRoster> {
  const { host, plan, seconds } = await setup(size);
  const r = await LiveSession.bind(detectApiLevel());
  if (!r.ok) throw new Error(r.message);
  // The task pane listens to every round's status: that work is part of the pane's cost.
  r.session.subscribe(() => undefined);
  await host.flushEvents();
  const sheet = plan.sheets.find((s) => s.kind === 'unit')!.name;
  const address = editAddress(host, sheet);
  const before = host.syncCount;
  const current = Number(host.values(sheet, address)[0][0]);
  host.userEdit(sheet, address, [[current >= 4 ? 1 : 9]]);
  await host.flushEvents();
  const figures = {
    syncsPerEdit: host.syncCount - before,
    cellsWrittenPerEdit: host.cellsWritten({ sinceSync: before, kinds: ['values'] }), // the add-in's value writes
    setupSeconds: seconds,
  };
  return { size, host, session: r.session, sheet, address, edits: 0, cpuMs: [], wallMs: [], figures };
}

/** `count` single-cell edits of the same cell, each changing the item's score (and the total); timed unless warming up. */
export async function editBatch(live: LiveRoster, count: number, timed: boolean): Promise<void> {
  installGlobals(live.host);
  collectGarbage();
  for (let i = 0; i < count; i++) {
    // The in-memory host logs every write and event for tests: emptied before each edit (untimed),
    // so that an edit's garbage collection does not also carry the log of the edits before it
    // (Excel keeps no such log).
    live.host.writesLog.length = 0;
    (live.host.eventsFired as unknown[]).length = 0;
    live.host.userEdit(live.sheet, live.address, [[editValue(live.edits++)]]);
    const cost = await paneCost(live.host, () => live.host.flushEvents());
    if (!timed) continue;
    live.cpuMs.push(cost.cpuMs);
    live.wallMs.push(cost.wallMs);
  }
}

/** Median, mean and spread (10th and 90th percentiles) of one size's timed edits, in ms. */
export function spread(xs: number[]): { median: number; mean: number; p10: number; p90: number; n: number } {
  const sorted = [...xs].sort((a, b) => a - b);
  return {
    median: round2(median(sorted)),
    mean: round2(xs.reduce((a, b) => a + b, 0) / xs.length),
    p10: round2(percentile(sorted, 10)),
    p90: round2(percentile(sorted, 90)),
    n: xs.length,
  };
}

async function rescoreAndPaste(live: LiveRoster): Promise<Partial<CpuFigures> & { syncsPerPaste500?: number }> {
  installGlobals(live.host);
  const out: Partial<CpuFigures> & { syncsPerPaste500?: number } = {};
  const { host, session, sheet, address } = live;
  if (live.size >= 100) {
    const runs = live.size >= 1000 ? 3 : 7;
    const rescores: { cpuMs: number; wallMs: number }[] = [];
    for (let i = 0; i < runs; i++) rescores.push(await paneCost(host, () => session.rescoreAll()));
    out.rescoreAllCpuMs = medianOf(rescores.map((e) => e.cpuMs));
    out.rescoreAllWallMs = medianOf(rescores.map((e) => e.wallMs));
  }
  if (live.size === 100) {
    const col = address.replace(/\d+/g, '');
    const before = host.syncCount;
    host.userEdit(
      sheet,
      `${col}5:${col}504`,
      Array.from({ length: 500 }, (_, i) => [i % 7]),
    );
    await host.flushEvents();
    out.syncsPerPaste500 = host.syncCount - before;
  }
  await session.dispose();
  uninstallGlobals();
  return out;
}

/** The naive baseline: read every block, rescore everything, write every computed cell. */
async function naiveRound(rubric: Rubric, plan: WorkbookPlan): Promise<number> {
  let cells = 0;
  await Excel.run(async (context) => {
    const batch = new Batch(context, 4_000_000);
    // Even the naive baseline must read in chunks: one sync for 1,000 blocks exceeds the 5 MB response limit.
    const sheets = plan.sheets.filter((s) => s.kind !== 'info');
    const reads: { s: (typeof sheets)[number]; range: Excel.Range; ws: Excel.Worksheet }[] = [];
    for (let i = 0; i < sheets.length; i += 50) {
      for (const s of sheets.slice(i, i + 50)) {
        const range = context.workbook.names.getItem(definedNameFor(s.key)).getRange();
        range.load(['values', 'numberFormat']);
        // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- worksheet is a navigation property: a proxy, read without a load
        const ws = range.worksheet;
        ws.load('id');
        reads.push({ s, range, ws });
      }
      await batch.flush();
    }
    const indexes = new Map(
      reads.map(({ s, range, ws }) => {
        const idx = indexBlock(range.values as CellValue[][]);
        if (!idx.ok) throw new Error(idx.message);
        return [
          s.key,
          { index: idx.index, values: range.values as CellValue[][], text: percentTexts(range.values, range.numberFormat), wsId: ws.id },
        ];
      }),
    );
    const units = plan.meta.units.map((u) => {
      const x = indexes.get(u.key)!;
      return readUnitInputs(rubric, x.index, u.name, u.group, x.values, x.text);
    });
    const result = scoreRoster(rubric, units);
    const outputs = allOutputs(
      rubric,
      plan.meta.units.map((u, i) => ({ key: u.key, score: result.units[i] })),
    );
    for (const o of outputs) {
      const x = indexes.get(o.sheetKey)!;
      const at = cellOf(x.index, o.rowKey, o.role);
      if (!at) continue;
      context.workbook.worksheets.getItem(x.wsId).getRangeByIndexes(at.row, at.col, 1, 1).values = [[o.value ?? '']];
      cells++;
      await batch.add(1, o.value);
    }
    await batch.flushPending();
  });
  return cells;
}

async function measureNaive(size: number): Promise<Figures> {
  const { host, plan, rubric, seconds } = await setup(size);
  await naiveRound(rubric, plan); // first fill of the computed cells
  const sheet = plan.sheets.find((s) => s.kind === 'unit')!.name;
  host.userEdit(sheet, editAddress(host, sheet), [[37]]);
  const before = host.syncCount;
  const cells = await naiveRound(rubric, plan);
  const syncs = host.syncCount - before;
  uninstallGlobals();
  return { syncsPerEdit: syncs, cellsWrittenPerEdit: cells, setupSeconds: seconds };
}

export async function runExcelBench(log: (s: string) => void = (s) => process.stdout.write(s)): Promise<Record<string, unknown>> {
  const sizes = [10, 100, 1000];
  const load: number[][] = [loadavg()];
  const loadText = () =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  const live: LiveRoster[] = [];
  for (const n of sizes) {
    live.push(await bindLive(n));
    log(
      `roster ${String(n).padStart(4)}: bound (setup ${live[live.length - 1].figures.setupSeconds.toFixed(1)} s) · load average ${loadText()}\n`,
    );
  }
  for (const l of live) await editBatch(l, WARMUP, false);
  for (let b = 0; b < BATCHES; b++)
    for (let k = 0; k < live.length; k++) {
      const l = live[(b + k) % live.length]; // each batch round starts with another size
      await editBatch(l, EDITS_PER_BATCH[l.size], true);
    }
  load.push(loadavg());
  const results: Record<string, Figures & CpuFigures & { syncsPerPaste500?: number; editCpuSpread: ReturnType<typeof spread> }> = {};
  const naive: Record<string, Figures> = {};
  for (const l of live) {
    const cpu = spread(l.cpuMs);
    const rest = await rescoreAndPaste(l);
    results[l.size] = { ...l.figures, ...rest, editCpuMs: cpu.median, editWallMs: medianOf(l.wallMs), editCpuSpread: cpu };
    naive[l.size] = await measureNaive(l.size);
    load.push(loadavg());
    const r = results[l.size];
    log(
      `roster ${String(l.size).padStart(4)}: live ${r.syncsPerEdit} syncs / ${r.cellsWrittenPerEdit} cells per edit · naive ${naive[l.size].syncsPerEdit} syncs / ${naive[l.size].cellsWrittenPerEdit} cells\n`,
    );
    log(
      `             pane CPU per edit ${cpu.median.toFixed(2)} ms median (mean ${cpu.mean.toFixed(2)}, p10 ${cpu.p10.toFixed(2)}, p90 ${cpu.p90.toFixed(2)}, ${cpu.n} edits; wall ${r.editWallMs.toFixed(2)} ms)${r.rescoreAllCpuMs !== undefined ? ` · 重新计分 ${r.rescoreAllCpuMs.toFixed(1)} ms CPU (wall ${r.rescoreAllWallMs?.toFixed(1)} ms)` : ''} · load average ${loadText()}\n`,
    );
  }
  const editScaling = round2(results[1000].editCpuMs / results[10].editCpuMs);
  const rescoreScaling = round2((results[1000].rescoreAllCpuMs as number) / (results[100].rescoreAllCpuMs as number));
  // The ratio of the means (garbage collections included) is printed as information beside it.
  const editScalingOfMeans = round2(results[1000].editCpuSpread.mean / results[10].editCpuSpread.mean);
  log(
    `edit 1000 / 10 units: ${editScaling} (goal ≤ 4; of the means ${editScalingOfMeans}) · 重新计分 1000 / 100 units: ${rescoreScaling} (goal ≤ 12)\n`,
  );
  log(`500-cell paste (roster 100): ${results[100].syncsPerPaste500} syncs\n`);
  const pick = <K extends keyof (typeof results)[string]>(src: Record<string, Record<K, unknown>>, k: K) =>
    Object.fromEntries(sizes.map((n) => [String(n), src[n][k]]));
  return {
    rubric: RUBRIC,
    apiVersion: '1.8',
    syncsPerEdit: pick(results, 'syncsPerEdit'),
    cellsWrittenPerEdit: pick(results, 'cellsWrittenPerEdit'),
    syncsPerPaste500: results[100].syncsPerPaste500,
    editCpuMs: pick(results, 'editCpuMs'),
    editCpuSpread: pick(results, 'editCpuSpread'),
    editWallMs: pick(results, 'editWallMs'),
    editScaling,
    editScalingOfMeans,
    editMethod: `median of ${BATCHES} batches × ${sizes.map((n) => EDITS_PER_BATCH[n]).join(' / ')} edits (rosters ${sizes.join(' / ')}), sizes in turn, after ${WARMUP} warm-up edits; a full GC (untimed) before each batch`,
    rescoreAllCpuMs: { '100': results[100].rescoreAllCpuMs, '1000': results[1000].rescoreAllCpuMs },
    rescoreAllWallMs: { '100': results[100].rescoreAllWallMs, '1000': results[1000].rescoreAllWallMs },
    rescoreScaling,
    loadAverage: load.map((l) => l.map((x) => round2(x))),
    targets: { syncsPerEdit: 2, syncsPerPaste500: 3, editScaling: 4, rescoreScaling: 12 },
    naive: { syncsPerEdit: pick(naive, 'syncsPerEdit'), cellsWrittenPerEdit: pick(naive, 'cellsWrittenPerEdit') },
    host: 'in-memory Excel host (test/excel-host), ExcelApi 1.8',
  };
}
