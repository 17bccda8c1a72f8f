/**
 * What an edit round costs the pane per write, and what it costs whatever it writes: the reading of
 * `excel.editScaling` as "an edit costs what it changes". On the bench's rosters (10 and 1,000
 * units, the same cell), two kinds of edit, each repeated in batches after a warm-up:
 *
 * - the bench's own edit (bench/excel.ts editValue): it moves the unit past up to ~115 others, and
 *   each moved unit's 名次 is written on its own sheet and in 汇总, the 排名 rows between shift;
 * - an edit that moves nobody: 六 from 10 to 12 reports and back (both capped at 5 points), so the
 *   unit's 计分说明 changes and nothing else (no score, no rank).
 *
 * The bench's edit cycles through a few states (the same values in turn), each writing the same
 * cells every time it comes round: per state the median pane CPU, the range writes and cells written
 * and the units moved. The states are then fitted by least squares, CPU = fixed + per write × writes,
 * which is the floor the session cannot go below without writing less.
 *   npx ts-node --transpile-only bench/edit-floor.ts [10 1000] [--batches N]
 */
import { loadavg } from 'node:os';
import { bindLive, editValue, type LiveRoster } from './excel';
import { installGlobals } from '../test/excel-host';
import { median } from './harness';

const cpuMicros = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

interface Sample {
  state: string;
  cpuMs: number;
  writes: number;
  cells: number;
  moved: number;
}

/** One edit, timed like the bench's (pane CPU = process CPU − the host's); its writes counted from the host's log. */
async function timedEdit(live: LiveRoster, value: number, state: string): Promise<Sample> {
  const { host, session, sheet, address } = live;
  host.writesLog.length = 0;
  (host.eventsFired as unknown[]).length = 0;
  host.userEdit(sheet, address, [[value]]);
  const h0 = host.hostCpuMicros;
  const c0 = cpuMicros();
  await host.flushEvents();
  const cpuMs = (cpuMicros() - c0 - (host.hostCpuMicros - h0)) / 1000;
  const unitSheets = new Set(
    host.writesLog.filter((w) => w.kind === 'values' && w.sheet?.startsWith('单位') && w.sheet !== sheet).map((w) => w.sheet),
  );
  return { state, cpuMs, writes: host.writesLog.length, cells: session.stats.lastRoundCells, moved: unitSheets.size };
}

async function measure(size: number, batches: number, log: (s: string) => void) {
  const live = await bindLive(size);
  installGlobals(live.host);
  const perBatch = size >= 1000 ? 20 : 100;
  const samples: Sample[] = [];
  // A state is the edit's old and new value: the same state writes the same cells every time.
  let previous = Number(live.host.values(live.sheet, live.address)[0][0]);
  const edit = async (value: number, kind: string, timed: boolean) => {
    const s = await timedEdit(live, value, `${kind} ${previous}→${value}`);
    previous = value;
    if (timed) samples.push(s);
  };
  for (let b = -1; b < batches; b++) {
    // The bench's edits, then edits that move nobody (the first of each batch is untimed: it leaves the other kind's value).
    for (let i = 0; i < perBatch; i++) await edit(editValue(live.edits++), 'bench', b >= 0 && i > 0);
    for (let i = 0; i < perBatch; i++) await edit(i % 2 === 0 ? 10 : 12, 'no move', b >= 0 && i > 0);
  }
  await live.session.dispose();
  const states = [...new Set(samples.map((s) => s.state))].map((state) => {
    const xs = samples.filter((s) => s.state === state);
    const med = (f: (s: Sample) => number) => median(xs.map(f).sort((a, b) => a - b));
    return {
      state,
      cpuMs: med((s) => s.cpuMs),
      writes: med((s) => s.writes),
      cells: med((s) => s.cells),
      moved: med((s) => s.moved),
      n: xs.length,
    };
  });
  log(`roster ${size}:\n`);
  for (const s of states.sort((a, b) => a.writes - b.writes))
    log(
      `  ${s.state.padEnd(16)} ${s.cpuMs.toFixed(3).padStart(6)} ms median · ${String(s.writes).padStart(4)} writes · ${String(s.cells).padStart(4)} cells · ${String(s.moved).padStart(3)} units moved · ${((s.cpuMs / s.cells) * 1000).toFixed(1)} µs per cell (${s.n} edits)\n`,
    );
  // Least squares over the states (one point per state: its median).
  const xs = states.map((s) => s.writes);
  const ys = states.map((s) => s.cpuMs);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const slope = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  const fixed = my - slope * mx;
  log(`  fit: ${fixed.toFixed(3)} ms + ${(slope * 1000).toFixed(1)} µs per range write\n`);
  return { states, fixed, slope };
}

async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--batches');
  const batches = at >= 0 ? Number(args[at + 1]) : 8;
  const sizes = args.filter((a, i) => /^\d+$/.test(a) && (at < 0 || i !== at + 1)).map(Number);
  if (sizes.length === 0) sizes.push(10, 1000);
  const log = (s: string) => process.stdout.write(s);
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  log(`load average ${load()}\n`);
  for (const n of sizes) await measure(n, batches, log);
  log(`load average ${load()}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
