/**
 * Profiles the single-cell edit round of bench/excel.ts (same rubric, roster, cell and values):
 * prints the pane's CPU per edit split into phases, each phase's own CPU minus the host's CPU spent
 * inside it (host.hostCpuMicros), and with CPU_PROFILE=<file> writes a V8 CPU profile of the
 * measured edits only (setup excluded).
 *   npx ts-node --transpile-only bench/profile-edit.ts 1000 200
 * NO_MOVE=1 makes every edit one that moves nobody (六 10 ↔ 12 reports, both capped at 5 points):
 * what an edit costs at this roster size whatever it writes (bench/edit-floor.ts).
 *
 * The phases are taken by wrapping the functions below for this process only (their module exports
 * and class methods): a profiling aid, not a benchmark (bench/excel.ts is the benchmark).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import * as status from '../src/layout/status';
import * as rank from '../src/scoring/rank';
import * as score from '../src/scoring/score';
import { detectApiLevel } from '../src/excel/requirements';
import { LiveSession } from '../src/excel/session';
import { RosterScores } from '../src/excel/roster-scores';
import { uninstallGlobals, type ExcelHost } from '../test/excel-host';
import { editAddress, editValue, setup } from './excel';

const cpu = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

let host: ExcelHost | null = null;
const spent = new Map<string, number>();
const calls = new Map<string, number>();
/** Phases currently running (nested phases are subtracted from their parent's own time). */
const stack: { name: string; c0: number; h0: number; inner: number }[] = [];

function enter(name: string) {
  stack.push({ name, c0: cpu(), h0: host?.hostCpuMicros ?? 0, inner: 0 });
}
function leave() {
  const f = stack.pop()!;
  const total = cpu() - f.c0 - ((host?.hostCpuMicros ?? 0) - f.h0);
  spent.set(f.name, (spent.get(f.name) ?? 0) + total - f.inner);
  calls.set(f.name, (calls.get(f.name) ?? 0) + 1);
  if (stack.length > 0) stack[stack.length - 1].inner += total;
}

/** Wraps a synchronous function so that its CPU (minus the host's and minus nested phases) goes to `name`. */
function wrap<T extends object>(obj: T, key: string, name: string) {
  const o = obj as Record<string, unknown>;
  const original = o[key] as (...a: unknown[]) => unknown;
  o[key] = function (this: unknown, ...args: unknown[]) {
    enter(name);
    try {
      return original.apply(this, args);
    } finally {
      leave();
    }
  };
}

async function main() {
  const size = Number(process.argv[2] ?? 1000);
  const edits = Number(process.argv[3] ?? 200);
  const s = await setup(size);
  host = s.host;
  const r = await LiveSession.bind(detectApiLevel());
  if (!r.ok) throw new Error(r.message);
  let last: { problems: unknown[]; units: unknown[] } | null = null;
  r.session.subscribe((st) => (last = st));
  await host.flushEvents();
  const sheet = s.plan.sheets.find((x) => x.kind === 'unit')!.name;
  const address = editAddress(host, sheet);
  const valueOf = process.env.NO_MOVE === '1' ? (n: number) => (n % 2 === 0 ? 10 : 12) : editValue;
  for (let i = 0; i < 20; i++) {
    host.userEdit(sheet, address, [[valueOf(i)]]);
    await host.flushEvents();
  }
  const phases = process.env.PHASES !== '0';
  // What one wrapped call costs the wrapper itself (two process.cpuUsage calls and the bookkeeping),
  // measured on an empty function and taken off each phase per call.
  let overhead = 0;
  if (phases) {
    const probe = { nothing: () => undefined };
    wrap(probe, 'nothing', 'probe');
    const n = 20_000;
    const c0 = cpu();
    for (let i = 0; i < n; i++) probe.nothing();
    overhead = (cpu() - c0) / n;
  }
  if (phases) {
    // Phases entered once per edit only: a wrapper costs microseconds, which a function called
    // for each of an edit's hundred change events or output rows would mostly measure (the CPU
    // profile, CPU_PROFILE=…, shows those).
    wrap(score, 'scoreUnit', 'score the edited unit (scoreUnit)');
    wrap(rank, 'rankUnits', 're-rank the roster (rankUnits)');
    wrap(RosterScores.prototype, 'update', 'cells of moved units and 排名 rows (RosterScores.update, less the two above)');
    wrap(status, 'buildStatus', 'status for the pane (buildStatus)');
    const proto = LiveSession.prototype as unknown as Record<string, unknown>;
    wrap(proto, 'writeChanged', 'diff against the ledger, group into blocks, queue writes (writeChanged)');
    wrap(proto, 'readSheets', 'read and index the edited sheet (readSheets)');
  }
  const out = process.env.CPU_PROFILE;
  const allocOut = process.env.ALLOC_PROFILE;
  const inspector = out || allocOut ? new Session() : null;
  const post = (method: string, params?: object) =>
    new Promise<unknown>((res, rej) => inspector!.post(method, params ?? {}, (e, x) => (e ? rej(e) : res(x))));
  if (inspector) {
    inspector.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 100 });
    if (out) await post('Profiler.start');
    if (allocOut)
      await post('HeapProfiler.startSampling', {
        samplingInterval: 4096,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
  }
  let paneMicros = 0;
  let hostMicros = 0;
  let cells = 0;
  let events = 0;
  spent.clear();
  // The host's test logs of writes and events are emptied before each edit (untimed), as in the bench.
  const trim = process.env.TRIM_LOGS !== '0';
  for (let i = 0; i < edits; i++) {
    if (trim) {
      host.writesLog.length = 0;
      (host.eventsFired as unknown[]).length = 0;
    }
    const e0 = host.eventsFired.length;
    host.userEdit(sheet, address, [[valueOf(i)]]);
    const h0 = host.hostCpuMicros;
    const c0 = cpu();
    await host.flushEvents();
    const h = host.hostCpuMicros - h0;
    paneMicros += cpu() - c0 - h;
    hostMicros += h;
    cells += r.session.stats.lastRoundCells;
    events += host.eventsFired.length - e0;
  }
  if (inspector && out) {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(out, JSON.stringify(profile));
  }
  if (inspector && allocOut) {
    const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: unknown };
    writeFileSync(allocOut, JSON.stringify(profile));
  }
  inspector?.disconnect();
  const ms = (x: number) => (x / 1000 / edits).toFixed(3);
  process.stdout.write(
    `roster ${size}: ${edits} edits · per edit: pane ${ms(paneMicros)} ms, host ${ms(hostMicros)} ms, ${(cells / edits).toFixed(0)} cells written, ${(events / edits).toFixed(0)} change events delivered\n`,
  );
  if (last) process.stdout.write(`  status: ${(last as { problems: unknown[] }).problems.length} problems listed\n`);
  if (phases) {
    let named = 0;
    let wrapper = 0;
    const own = [...spent].map(([name, v]) => [name, v - overhead * (calls.get(name) ?? 0)] as const);
    for (const [name, v] of own.sort((a, b) => b[1] - a[1])) {
      named += v;
      wrapper += overhead * (calls.get(name) ?? 0);
      process.stdout.write(`  ${ms(v).padStart(8)} ms  ${name} (${((calls.get(name) ?? 0) / edits).toFixed(0)} calls)\n`);
    }
    process.stdout.write(
      `  ${ms(paneMicros - named - wrapper).padStart(8)} ms  the rest (change events and echo filter, Excel.run, proxies, GC)\n`,
    );
    process.stdout.write(`  (the phase wrappers' own cost, ${ms(wrapper)} ms per edit, is left out of every line above)\n`);
  }
  await r.session.dispose();
  uninstallGlobals();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
