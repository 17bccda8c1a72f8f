/**
 * Fuzzing the units file parser (issue 13): any JSON value, and units files close to valid ones
 * with hostile keys and values, is either read with every key kept or refused with a CliError
 * naming the path and a fix in Chinese; nothing else is thrown, and nothing read crashes scoring.
 */
import fc from 'fast-check';
import { parseUnitsData } from '../../src/cli/units-file';
import { CliError } from '../../src/cli/errors';
import { loadBuiltin } from '../../src/rubric/catalog';
import { scoreRoster } from '../../src/scoring/score';
import { hostileKey, hostileValue, NO_ENGLISH, withProtoKeys } from './arbitraries';

const RUNS = 10_000;
const rubric = loadBuiltin('hengdong-2020-members').rubric;
const indicatorIds = rubric.categories.flatMap((c) => c.indicators.map((i) => i.id));
const fieldIds = rubric.categories.flatMap((c) => c.indicators.flatMap((i) => i.fields.map((f) => f.id)));

/** A refusal: a CliError whose one line names the file, says what and how to fix it, in Chinese. */
function expectGoodRefusal(e: unknown) {
  expect(e).toBeInstanceOf(CliError);
  const message = (e as Error).message;
  expect(message).toMatch(/^单位文件「u\.json」/);
  expect(message).toContain('修改：');
  expect(message).not.toContain('内部错误');
  expect(message).not.toMatch(NO_ENGLISH);
}

/** Every own key of a plain-object input, as a path, is also in the output (names are trimmed). */
function keyPaths(v: unknown, path: string, out: string[]) {
  if (Array.isArray(v)) v.forEach((x, i) => keyPaths(x, `${path}[${i}]`, out));
  else if (v !== null && typeof v === 'object')
    for (const k of Object.keys(v))
      keyPaths((v as Record<string, unknown>)[k], `${path}.${JSON.stringify(k)}`, (out.push(`${path}.${JSON.stringify(k)}`), out));
  return out;
}

const unitArb = fc.record(
  {
    name: fc.oneof(fc.constantFrom('县公安局', '  甲  ', ''), fc.string(), hostileValue),
    group: fc.oneof(fc.constant('成员单位'), fc.constant(null), hostileValue),
    inputs: fc.oneof(
      fc.dictionary(
        fc.oneof(fc.constantFrom(...indicatorIds), hostileKey),
        fc.dictionary(fc.oneof(fc.constantFrom(...fieldIds), hostileKey), hostileValue, { maxKeys: 4 }),
        { maxKeys: 6 },
      ),
      hostileValue,
    ),
    notApplicable: fc.oneof(fc.array(fc.constantFrom(...indicatorIds)), hostileValue),
    bonus: hostileValue,
    fraud: fc.oneof(fc.boolean(), fc.array(fc.string()), hostileValue),
  },
  { requiredKeys: ['name'] },
);

const fileArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ units: fc.array(unitArb, { maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.dictionary(hostileKey, fc.array(unitArb, { maxLength: 2 }), { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue() },
);

describe('units file fuzz', () => {
  it(`${RUNS} generated files (via JSON text, so "__proto__" is a real key): read whole or refused well; what is read scores without throwing`, () => {
    let refused = 0;
    fc.assert(
      fc.property(fileArb, (file) => {
        const data = withProtoKeys(file);
        let read;
        try {
          read = parseUnitsData(data, 'u.json');
        } catch (e) {
          expectGoodRefusal(e);
          refused++;
          return;
        }
        // No key silently dropped: every key of every unit is in what was read.
        const units = (data as { units: Record<string, unknown>[] }).units;
        units.forEach((u, i) => {
          const got = read.units[i] as unknown as Record<string, unknown>;
          for (const k of Object.keys(u)) if (u[k] !== null && u[k] !== undefined) expect(Object.keys(got)).toContain(k);
          if (u.inputs && typeof u.inputs === 'object') expect(keyPaths(got.inputs, '', [])).toEqual(keyPaths(u.inputs, '', []));
        });
        // What is read can be scored: problems, never an exception.
        const result = scoreRoster(rubric, read.units);
        for (const u of result.units) for (const p of u.problems) expect(p.message).not.toContain('内部错误');
      }),
      { numRuns: RUNS, seed: 20261206 },
    );
    // Both outcomes are exercised (a generator that only made broken files would prove little).
    expect(refused).toBeGreaterThan(RUNS * 0.1);
    expect(refused).toBeLessThan(RUNS * 0.9);
  });
});
