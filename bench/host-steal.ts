/**
 * How much of this virtual machine's CPU time the host took while a benchmark ran ("steal" in
 * /proc/stat). On this shared 2-core machine the engine's median moves with it (38 % stolen during
 * one engine run on 2026-12-03, 4 % in another), so every run prints it beside its figures: a
 * median missed while a third of the CPU went elsewhere says something different from one missed
 * on a quiet machine. Linux only; elsewhere the figure is null.
 */
import { readFileSync } from 'node:fs';

/** CPU time in jiffies summed over all CPUs: what the guest ran (busy) and what the host took (steal). */
export interface CpuTimes {
  busy: number;
  steal: number;
}

/**
 * The aggregate "cpu" line of /proc/stat: user nice system idle iowait irq softirq steal … .
 * Null when the text has no such line or it is cut short (kernels before 2.6.11 had no steal).
 */
export function parseProcStat(text: string): CpuTimes | null {
  const line = text.split('\n').find((l) => /^cpu\s/.test(l));
  if (line === undefined) return null;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  if (v.length < 8 || v.slice(0, 8).some((x) => !Number.isFinite(x))) return null;
  const [user, nice, system, , , irq, softirq, steal] = v;
  return { busy: user + nice + system + irq + softirq, steal };
}

export function readCpuTimes(file = '/proc/stat'): CpuTimes | null {
  try {
    return parseProcStat(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Percent of the CPU time the guest wanted between two readings that the host took; null if unknown. */
export function stealPercent(before: CpuTimes | null, after: CpuTimes | null): number | null {
  if (before === null || after === null) return null;
  const busy = after.busy - before.busy;
  const steal = after.steal - before.steal;
  if (busy + steal <= 0) return null;
  return Math.round((1000 * steal) / (busy + steal)) / 10;
}
