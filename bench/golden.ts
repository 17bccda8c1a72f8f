/**
 * Dev tool for refactoring the engine: `npx ts-node --transpile-only bench/golden.ts <file>` writes
 * `JSON.stringify(scoreRoster(...))` for every built-in rubric × its `examples/*.json`, large random
 * complete rosters (bench/random-inputs.ts, fixed seeds) and "messy" rosters where fields are
 * blanked, mistyped, marked 不涉及 or typed in another style, one line per case. Run it before a
 * change and after, and compare the two files byte for byte (`cmp`): an engine refactoring must not
 * change a single result. Not a test: its output is not checked in (a stored dump would be a
 * hard-coded result); the tests compare against fraction.js and the documents instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRubricIds, loadBuiltin } from '../src/rubric/catalog';
import type { Rubric } from '../src/rubric/schema';
import { scoreRoster, type ParameterValues } from '../src/scoring/score';
import type { UnitInput } from '../src/scoring/types';
import type { RawValue } from '../src/scoring/values';
import { mulberry32, randomParameters, randomRoster } from './random-inputs';

const ODD_VALUES: RawValue[] = [
  '',
  '  ',
  'abc',
  '#DIV/0!',
  '-3',
  '120%',
  '８５％',
  '0.85',
  0.85,
  '1,234',
  1e13,
  true,
  '√',
  '×',
  '无',
  'Y',
  '2分',
  0,
  0.005,
  20.005,
  '1 2',
  '3.5',
  7,
];

/** A random roster, then seeded damage: blanks, odd values, 不涉及, odd bonuses, fraud, groups. */
function messyRoster(rubric: Rubric, size: number, seed: number): UnitInput[] {
  const rng = mulberry32(seed ^ 0x5eed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
  const ids = rubric.categories.flatMap((c) => c.indicators.map((i) => i.id));
  return randomRoster(rubric, size, seed).map((u, k) => {
    const inputs = u.inputs ?? {};
    for (const id of Object.keys(inputs))
      for (const f of Object.keys(inputs[id])) {
        const roll = rng();
        if (roll < 0.04) inputs[id][f] = null;
        else if (roll < 0.08) inputs[id][f] = pick(ODD_VALUES);
      }
    if (rng() < 0.05) inputs['no-such-item'] = { x: 1 };
    const notApplicable = ids.filter(() => rng() < 0.05);
    const bonus = rng() < 0.1 ? pick(ODD_VALUES) : u.bonus;
    const fraud = rng() < 0.05 ? (rng() < 0.5 ? true : [pick(ids)]) : false;
    const group = rng() < 0.03 ? undefined : rng() < 0.02 ? 'nosuchgroup' : u.group;
    const name = rng() < 0.02 ? '单位0001' : k % 50 === 0 ? `${u.name}` : u.name;
    return { ...u, name, group, inputs, notApplicable, bonus, fraud };
  });
}

export function goldenLines(): string[] {
  const lines: string[] = [];
  for (const id of builtinRubricIds) {
    const { rubric } = loadBuiltin(id);
    const example = JSON.parse(readFileSync(join(__dirname, '..', 'examples', `${id}.json`), 'utf8')) as {
      units: UnitInput[];
      parameters?: ParameterValues;
    };
    lines.push(`${id} example ${JSON.stringify(scoreRoster(rubric, example.units, example.parameters))}`);
    for (const seed of [1, 20260101])
      lines.push(
        `${id} random ${seed} ${JSON.stringify(scoreRoster(rubric, randomRoster(rubric, 1000, seed), randomParameters(rubric, seed)))}`,
      );
    for (const seed of [2, 3, 4])
      lines.push(
        `${id} messy ${seed} ${JSON.stringify(scoreRoster(rubric, messyRoster(rubric, 400, seed), randomParameters(rubric, seed)))}`,
      );
  }
  return lines;
}

if (require.main === module) {
  const out = process.argv[2] ?? '/tmp/golden.txt';
  const lines = goldenLines();
  writeFileSync(out, `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.length} cases, ${lines.reduce((n, l) => n + l.length, 0)} characters → ${out}\n`);
}
