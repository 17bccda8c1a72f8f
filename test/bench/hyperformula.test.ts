/**
 * The ratio benchmark's formula table (bench/hyperformula-table.ts) must compute what the engine
 * computes, or the ratio compares different work: every item, category, base, bonus, final, band
 * and rank of a generated roster agree, and a changed input is caught.
 */
import { checkTableAgrees, formatVsHyperFormula, measureVsHyperFormula } from '../../bench/engine';
import { buildHyperFormula, columnLetter, scoreTable, TABLE_RUBRIC } from '../../bench/hyperformula-table';
import { randomRoster } from '../../bench/random-inputs';
import { loadBuiltin } from '../../src/rubric/catalog';
import { scoreRoster } from '../../src/scoring/score';

const rubric = loadBuiltin(TABLE_RUBRIC).rubric;

describe('HyperFormula score table', () => {
  it('column letters', () => {
    expect([0, 25, 26, 27, 51, 52].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });

  it('agrees with scoreRoster on every value of a generated roster', () => {
    const roster = randomRoster(rubric, 80, 11);
    const { rows, at } = scoreTable(rubric, roster);
    const hf = buildHyperFormula(rows);
    // 80 units × (11 items + 5 categories + base, bonus, final, band, rank)
    expect(checkTableAgrees(hf, at, scoreRoster(rubric, roster))).toBe(80 * 21);
    hf.destroy();
  });

  it('a table computing something else is caught', () => {
    const roster = randomRoster(rubric, 20, 12);
    const { rows, at } = scoreTable(rubric, roster);
    const hf = buildHyperFormula(rows);
    const result = scoreRoster(rubric, roster);
    // The engine is told that a unit with some kinds of credit products (5 分 each) has none.
    const k = roster.findIndex((u) => Number(u.inputs?.['三.2']?.kinds) > 0);
    expect(k).toBeGreaterThanOrEqual(0);
    const changed = scoreRoster(
      rubric,
      roster.map((u, i) => (i === k ? { ...u, inputs: { ...u.inputs, '三.2': { kinds: 0 } } } : u)),
    );
    expect(() => checkTableAgrees(hf, at, result)).not.toThrow();
    expect(() => checkTableAgrees(hf, at, changed)).toThrow(new RegExp(`differ at unit ${k + 1} base`));
    hf.destroy();
  });

  it('the ratio run reports CPU and wall times, rounds and the load average', () => {
    const v = measureVsHyperFormula(1, 1);
    expect(v.ratio).toBeGreaterThan(0);
    expect(v.valuesChecked).toBe(1000 * 21);
    expect(v.loadAverage.before).toHaveLength(3);
    expect(formatVsHyperFormula(v)).toMatch(/ratio \(CPU\): [\d.]+ \(goal ≥ 50/);
  }, 60_000);
});
