import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, median, percentile } from '../../bench/harness';
import { benchModules } from '../../bench/modules';
import { mulberry32, randomParameters, randomRoster } from '../../bench/random-inputs';
import { mergeResults, runBench } from '../../bench/run';
import { loadBuiltin } from '../../src/rubric/catalog';
import { scoreRoster } from '../../src/scoring/score';

describe('bench harness', () => {
  it('median and nearest-rank p95', () => {
    expect(median([1, 2, 3])).toBe(2);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    const xs = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(xs, 95)).toBe(19);
    expect(percentile([5], 95)).toBe(5);
  });

  it('measure warms up, then times the requested runs', async () => {
    let calls = 0;
    const m = await measure('noop', () => void calls++, { warmup: 2, runs: 7 });
    expect(calls).toBe(9);
    expect(m).toMatchObject({ name: 'noop', runs: 7 });
    expect(m.minMs).toBeLessThanOrEqual(m.medianMs);
    expect(m.medianMs).toBeLessThanOrEqual(m.p95Ms);
    expect(m.p95Ms).toBeLessThanOrEqual(m.maxMs);
  });

  it('merging replaces only the keys of the modules run', () => {
    const before = { excel: { openMs: 900 }, engine: { roster1000Ms: 80, old: true } };
    expect(mergeResults(before, { engine: { roster1000Ms: 40 } })).toEqual({ excel: { openMs: 900 }, engine: { roster1000Ms: 40 } });
  });

  it('an unknown module name is refused and the file left alone', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bench-')), 'results.json');
    writeFileSync(file, '{"excel": {"x": 1}}\n');
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await runBench(['nosuch'], file, () => undefined)).toBe(2);
    err.mockRestore();
    expect(readFileSync(file, 'utf8')).toBe('{"excel": {"x": 1}}\n');
  });

  it('registers the engine module', () => {
    expect(benchModules.map((m) => m.name)).toEqual(expect.arrayContaining(['engine', 'excel', 'annex']));
  });
});

describe('bench inputs', () => {
  it('are reproducible from the seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('are complete and valid for every rubric, so every unit gets a final score', () => {
    for (const id of ['hengdong-2020-members', 'bozhou-2017-counties', 'chaoyang-2020-method']) {
      const { rubric } = loadBuiltin(id);
      const roster = randomRoster(rubric, 20, 7);
      expect(randomRoster(rubric, 20, 7)).toEqual(roster);
      const res = scoreRoster(rubric, roster, randomParameters(rubric, 7));
      expect(res.units.every((u) => u.final !== null)).toBe(true);
    }
  });
});
