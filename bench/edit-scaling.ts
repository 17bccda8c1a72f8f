/**
 * The edit part of `npm run bench -- excel` alone, for iterating on `excel.editScaling`: binds the
 * 10- and 1,000-unit rosters (or the sizes given), makes the same warm-up and timed edits in the same
 * batches taken in turn, and prints each size's median, mean and spread and the ratios, with the
 * load average. Writes nothing (bench/results.json comes from the whole bench only).
 *   npx ts-node --transpile-only bench/edit-scaling.ts [10 1000] [--batches N]
 */
import { loadavg } from 'node:os';
import { BATCHES, bindLive, EDITS_PER_BATCH, editBatch, spread, WARMUP, type LiveRoster } from './excel';

async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--batches');
  const batches = at >= 0 ? Number(args[at + 1]) : BATCHES;
  const sizes = args.filter((a, i) => /^\d+$/.test(a) && (at < 0 || i !== at + 1)).map(Number);
  if (sizes.length === 0) sizes.push(10, 1000);
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  process.stdout.write(`load average ${load()}\n`);
  const live: LiveRoster[] = [];
  for (const n of sizes) live.push(await bindLive(n));
  for (const l of live) await editBatch(l, WARMUP, false);
  for (let b = 0; b < batches; b++)
    for (let k = 0; k < live.length; k++) {
      const l = live[(b + k) % live.length];
      await editBatch(l, EDITS_PER_BATCH[l.size] ?? 20, true);
    }
  const figures = live.map((l) => ({ size: l.size, cpu: spread(l.cpuMs), first: l.figures.cellsWrittenPerEdit }));
  for (const { size, cpu, first } of figures)
    process.stdout.write(
      `roster ${String(size).padStart(4)}: pane CPU per edit ${cpu.median.toFixed(2)} ms median (mean ${cpu.mean.toFixed(2)}, p10 ${cpu.p10.toFixed(2)}, p90 ${cpu.p90.toFixed(2)}, ${cpu.n} edits) · first edit wrote ${first} cells\n`,
    );
  const [small, large] = [figures[0], figures[figures.length - 1]];
  process.stdout.write(
    `edit ${large.size} / ${small.size} units: ${(large.cpu.median / small.cpu.median).toFixed(2)} (of the means ${(large.cpu.mean / small.cpu.mean).toFixed(2)}) · load average ${load()}\n`,
  );
  for (const l of live) await l.session.dispose();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
