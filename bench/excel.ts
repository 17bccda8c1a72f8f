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
import { median } from './harness';
import { mulberry32, randomUnit } from './random-inputs';
import { loadavg } from 'node:os';

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

const EDIT_RUNS = 21;
const round2 = (x: number) => Math.round(x * 100) / 100;
const medianOf = (xs: number[]) => round2(median([...xs].sort((a, b) => a - b)));

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

async function measureLive(size: number): Promise<Figures & CpuFigures & { syncsPerPaste500?: number }> {
  const { host, plan, seconds } = await setup(size);
  const r = await LiveSession.bind(detectApiLevel());
  if (!r.ok) throw new Error(r.message);
  // The task pane listens to every round's status: that work is part of the pane's cost.
  r.session.subscribe(() => undefined);
  await host.flushEvents();
  const sheet = plan.sheets.find((s) => s.kind === 'unit')!.name;
  const address = editAddress(host, sheet);
  let before = host.syncCount;
  // 六 (0.5 per report, cap 5): a value that changes the item's score, so the total and ranks move.
  const current = Number(host.values(sheet, address)[0][0]);
  host.userEdit(sheet, address, [[current >= 4 ? 1 : 9]]);
  await host.flushEvents();
  const syncsPerEdit = host.syncCount - before;
  const cellsWrittenPerEdit = host.cellsWritten({ sinceSync: before, kinds: ['values'] }); // the add-in's value writes
  const out: Figures & CpuFigures & { syncsPerPaste500?: number } = {
    syncsPerEdit,
    cellsWrittenPerEdit,
    setupSeconds: seconds,
    editCpuMs: 0,
    editWallMs: 0,
  };
  // Repeated single-cell edits of the same cell, each changing the item's score (and the total).
  const edits: { cpuMs: number; wallMs: number }[] = [];
  for (let i = 0; i < EDIT_RUNS; i++) {
    host.userEdit(sheet, address, [[i % 2 === 0 ? 2 + (i % 5) : 9]]);
    edits.push(await paneCost(host, () => host.flushEvents()));
  }
  out.editCpuMs = medianOf(edits.map((e) => e.cpuMs));
  out.editWallMs = medianOf(edits.map((e) => e.wallMs));
  if (size >= 100) {
    const runs = size >= 1000 ? 3 : 7;
    const rescores: { cpuMs: number; wallMs: number }[] = [];
    for (let i = 0; i < runs; i++) rescores.push(await paneCost(host, () => r.session.rescoreAll()));
    out.rescoreAllCpuMs = medianOf(rescores.map((e) => e.cpuMs));
    out.rescoreAllWallMs = medianOf(rescores.map((e) => e.wallMs));
  }
  if (size === 100) {
    const col = address.replace(/\d+/g, '');
    before = host.syncCount;
    host.userEdit(
      sheet,
      `${col}5:${col}504`,
      Array.from({ length: 500 }, (_, i) => [i % 7]),
    );
    await host.flushEvents();
    out.syncsPerPaste500 = host.syncCount - before;
  }
  await r.session.dispose();
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
  const live: Record<string, Figures & CpuFigures & { syncsPerPaste500?: number }> = {};
  const load: number[][] = [loadavg()];
  const naive: Record<string, Figures> = {};
  for (const n of sizes) {
    live[n] = await measureLive(n);
    naive[n] = await measureNaive(n);
    load.push(loadavg());
    log(
      `roster ${String(n).padStart(4)}: live ${live[n].syncsPerEdit} syncs / ${live[n].cellsWrittenPerEdit} cells per edit · naive ${naive[n].syncsPerEdit} syncs / ${naive[n].cellsWrittenPerEdit} cells (setup ${live[n].setupSeconds.toFixed(1)} s)\n`,
    );
    const l = live[n];
    log(
      `             pane CPU per edit ${l.editCpuMs.toFixed(2)} ms (wall ${l.editWallMs.toFixed(2)} ms)${l.rescoreAllCpuMs !== undefined ? ` · 重新计分 ${l.rescoreAllCpuMs.toFixed(1)} ms CPU (wall ${l.rescoreAllWallMs?.toFixed(1)} ms)` : ''} · load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}\n`,
    );
  }
  const editScaling = round2(live[1000].editCpuMs / live[10].editCpuMs);
  const rescoreScaling = round2((live[1000].rescoreAllCpuMs as number) / (live[100].rescoreAllCpuMs as number));
  log(`edit 1000 / 10 units: ${editScaling} (goal ≤ 4) · 重新计分 1000 / 100 units: ${rescoreScaling} (goal ≤ 12)\n`);
  log(`500-cell paste (roster 100): ${live[100].syncsPerPaste500} syncs\n`);
  const pick = (src: Record<string, Figures>, k: keyof Figures) => Object.fromEntries(sizes.map((n) => [String(n), src[n][k]]));
  return {
    rubric: RUBRIC,
    apiVersion: '1.8',
    syncsPerEdit: pick(live, 'syncsPerEdit'),
    cellsWrittenPerEdit: pick(live, 'cellsWrittenPerEdit'),
    syncsPerPaste500: live[100].syncsPerPaste500,
    editCpuMs: Object.fromEntries(sizes.map((n) => [String(n), live[n].editCpuMs])),
    editWallMs: Object.fromEntries(sizes.map((n) => [String(n), live[n].editWallMs])),
    editScaling,
    rescoreAllCpuMs: { '100': live[100].rescoreAllCpuMs, '1000': live[1000].rescoreAllCpuMs },
    rescoreAllWallMs: { '100': live[100].rescoreAllWallMs, '1000': live[1000].rescoreAllWallMs },
    rescoreScaling,
    loadAverage: load.map((l) => l.map((x) => round2(x))),
    targets: { syncsPerEdit: 2, syncsPerPaste500: 3, editScaling: 4, rescoreScaling: 12 },
    naive: { syncsPerEdit: pick(naive, 'syncsPerEdit'), cellsWrittenPerEdit: pick(naive, 'cellsWrittenPerEdit') },
    host: 'in-memory Excel host (test/excel-host), ExcelApi 1.8',
  };
}
