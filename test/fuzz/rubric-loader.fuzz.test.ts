/**
 * Fuzzing the rubric loader (issue 13): the shipped rubrics with one to three hostile edits
 * (a value replaced, a key removed or added, a condition nested deep) go through the loader as
 * JSON text, as an imported or embedded rubric does. The loader never throws; a refusal names the
 * path and says what and how to fix in Chinese; a rubric it accepts keeps every key it was given
 * and scores random units without an exception (the crash paths: prototype ids, inexact numbers).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRubricText } from '../../src/rubric/load';
import { builtinRubricIds } from '../../src/rubric/catalog';
import { scoreRoster } from '../../src/scoring/score';
import { randomRoster } from '../../bench/random-inputs';
import { hostileKey, NO_ENGLISH, PROTOTYPE_NAMES, text } from './arbitraries';

const RUNS = 10_000;
const CHINESE = /[\u4e00-\u9fff]/;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Doc = {
  fullMarks: number;
  aggregation: { mode: string; base?: number };
  categories: { points: number | null; indicators: { points: number | null; pointsParam?: string }[] }[];
  parameters?: { id: string }[];
};

/**
 * A shipped rubric cut to its first category and at most four indicators, totals adjusted: every
 * kind of section is still there, and loading it costs a fifth of the whole (10,000 runs in CI).
 */
function cut(id: string): Json {
  const doc = JSON.parse(readFileSync(join(__dirname, '../../rubrics', `${id}.json`), 'utf8')) as Doc;
  const cat = doc.categories[0];
  cat.indicators = cat.indicators.slice(0, 4);
  if (cat.points !== null) cat.points = Math.round(cat.indicators.reduce((s, i) => s + (i.points ?? 0), 0) * 10) / 10;
  doc.categories = [cat];
  if (cat.points !== null) doc.fullMarks = cat.points;
  if (doc.aggregation.mode === 'deduct_from_base') doc.aggregation.base = doc.fullMarks;
  // Parameters only of the indicators kept (朝阳 1.3.0: an unused parameter is refused).
  if (doc.parameters) doc.parameters = doc.parameters.filter((p) => cat.indicators.some((i) => i.pointsParam === p.id));
  return doc as unknown as Json;
}
const bases: Json[] = builtinRubricIds.map(cut);

/** Every path to a value in a JSON document. */
function pathsOf(v: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...path, i], out));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) pathsOf(v[k], [...path, k], out);
  return out;
}
const basePaths = bases.map((b) => pathsOf(b));

const hostileRubricValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<Json>(0, 0.5, 1, 2, 2.5, 100, -1, 1 / 12, 1e300, 1e-16, 1e9 + 1, 0.1234567, 2020.5) },
  {
    weight: 3,
    arbitrary: fc.oneof(
      text,
      fc.constantFrom(...PROTOTYPE_NAMES),
      fc.constantFrom('yesno', 'count', 'percent', 'manual', 'tiers', 'sum', '一.1', 'n'),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom<Json>(true, false, null, {}, [], '很'.repeat(10_001)) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES).map((id): Json => ({ id, label: '是否', type: 'yesno' })) },
  // Nesting past the limit of 32 (the 3,000-deep case is in test/rubric/validate.test.ts: JSON.stringify itself overflows there).
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      ...[1, 2, 5, 31, 32, 33, 200].map((d) => JSON.parse(`${'{"any":['.repeat(d)}{"field":"n","is":true}${']}'.repeat(d)}`) as Json),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...[2, 1000, 1001].map((n): Json => Array.from({ length: n }, (_, i) => ({ min: i, points: 1 })))),
  },
);

const edit = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'delete', 'addKey'),
  at: fc.nat(),
  key: hostileKey,
  value: hostileRubricValue,
});

function apply(doc: Json, paths: (string | number)[][], e: { kind: string; at: number; key: string; value: Json }): void {
  const path = paths[e.at % paths.length];
  if (path.length === 0) return;
  // An earlier edit may have removed or replaced part of the path: then this edit does nothing.
  let parent = doc as Record<string | number, Json>;
  for (const p of path.slice(0, -1)) {
    const next = parent[p];
    if (next === null || typeof next !== 'object') return;
    parent = next as Record<string | number, Json>;
  }
  const last = path[path.length - 1];
  // A copy: generated values may be shared constants, and a later edit may reach inside this one.
  if (e.kind === 'replace') parent[last] = structuredClone(e.value);
  else if (e.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) target[e.key] = structuredClone(e.value);
  }
}

/** Key paths of a value (objects only), for the "no key silently dropped" check. */
function keyPaths(v: unknown, path: string, out: Set<string>): Set<string> {
  if (Array.isArray(v)) v.forEach((x, i) => keyPaths(x, `${path}[${i}]`, out));
  else if (v !== null && typeof v === 'object')
    for (const k of Object.keys(v)) {
      out.add(`${path}.${k}`);
      keyPaths((v as Record<string, unknown>)[k], `${path}.${k}`, out);
    }
  return out;
}

describe('rubric loader fuzz', () => {
  it.each(builtinRubricIds.map((id, i) => [id, i] as const))(
    'the cut of %s loads unedited (the fuzz starts from valid rubrics)',
    (_, i) => {
      const r = parseRubricText(JSON.stringify(bases[i]), 'cut.json');
      expect(r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([]);
    },
  );
  it(`${RUNS} edited rubrics: refused well or accepted whole, and an accepted one scores`, () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.array(edit, { minLength: 1, maxLength: 3 }), fc.nat(), (b, edits, seed) => {
        const doc = structuredClone(bases[b]);
        for (const e of edits) apply(doc, basePaths[b], e);
        const json = JSON.stringify(doc).replace(/"HOSTILE_PROTO"/g, '"__proto__"');
        const r = parseRubricText(json, 'fuzz.json');
        if (!r.ok) {
          refused++;
          expect(r.errors.length).toBeGreaterThan(0);
          for (const err of r.errors) {
            expect(typeof err.path).toBe('string');
            expect(err.message).toMatch(CHINESE);
            expect(err.fix).toMatch(CHINESE);
            // Quoted words are the JSON values the file may hold (「可选值："number"、"name"…」): the
            // rubric language's own keywords, not English internals leaking.
            expect(`${err.message} ${err.fix}`.replace(/"[^"]*"/g, '')).not.toMatch(NO_ENGLISH);
            expect(err.message).not.toContain('内部错误');
          }
          return;
        }
        // Accepted: every key given is in the rubric (defaults may add more), and it scores.
        const given = keyPaths(JSON.parse(json), '', new Set());
        const kept = keyPaths(r.value.rubric, '', new Set());
        for (const k of given) expect(kept.has(k) ? k : `dropped ${k}`).toBe(k);
        const result = scoreRoster(r.value.rubric, randomRoster(r.value.rubric, 2, seed));
        for (const u of result.units) for (const p of u.problems) expect(p.message).not.toContain('内部错误');
      }),
      { numRuns: RUNS, seed: 20261206 },
    );
    expect(refused).toBeGreaterThan(RUNS * 0.1);
    expect(refused).toBeLessThan(RUNS * 0.95);
  });
});
