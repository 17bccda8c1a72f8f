/**
 * The benchmark modules run by bench/run.ts. Each owns one top-level key of bench/results.json
 * (its name) and returns the figures stored under it. Add a module (bench/excel.ts, …) with one
 * entry here.
 */
import { runAnnexBench } from './annex';
import { runEngineBench } from './engine';
import { runExcelBench } from './excel';
import { runUiBench } from './ui';

export interface BenchModule {
  name: string;
  run(): Promise<Record<string, unknown>>;
}

export const benchModules: BenchModule[] = [
  { name: 'engine', run: () => runEngineBench() },
  { name: 'excel', run: () => runExcelBench() },
  { name: 'annex', run: () => runAnnexBench() },
  { name: 'ui', run: () => runUiBench() },
];
