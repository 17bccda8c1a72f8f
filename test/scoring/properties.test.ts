/**
 * Property tests over EVERY built-in rubric: random valid inputs for every field type, random 不涉及
 * subsets where the rubric allows them, bonus within its range, fraud flags, and rosters of 1–12
 * units. The expectations are recomputed here from the rubric data and the item results with exact
 * fractions, independently of the engine's aggregation code.
 *
 * Checks use a plain `check` (not jest's expect) inside the loops. The run time is the engine's:
 * about 1 ms per unit (see bench/), some 1,000–1,500 units per rubric here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { builtinRubricIds, loadBuiltin } from '../../src/rubric/catalog';
import { parseRubricText } from '../../src/rubric/load';
import type { Field, Indicator, Rubric } from '../../src/rubric/schema';
import { parameterSlots, pointsKey } from '../../src/rubric/parameters';
import { scoreRoster, scoreUnit, type ParameterValues } from '../../src/scoring/score';
import type { RankedUnit, UnitInput, UnitScore } from '../../src/scoring/types';
import type { RawValue } from '../../src/scoring/values';
import { makeConsistent } from '../../bench/random-inputs';

/** 100 per property and rubric; PROPERTY_RUNS=1000 for a deeper run. */
const NUM_RUNS = Number(process.env.PROPERTY_RUNS) || 100;

/** Throws with both values shown when they differ (deep equality). */
function eq(actual: unknown, expected: unknown, what: string): void {
  if (!isDeepStrictEqual(actual, expected)) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
function check(cond: boolean, what: string): void {
  if (!cond) throw new Error(what);
}

// ---------------------------------------------------------------- exact helpers (independent of src/scoring/exact)

const F = (x: number | string) => new Fraction(typeof x === 'number' ? String(x) : x);
const sum = (xs: Fraction[]) => xs.reduce((s, x) => s.add(x), new Fraction(0));
/** Half-up to d decimals, for x ≥ 0, as a JS number. */
function round(x: Fraction, d: number): number {
  const scale = new Fraction(10).pow(d);
  const r = x.mul(scale).add(new Fraction(1, 2)).floor().div(scale);
  return Number(r.valueOf().toFixed(d));
}
const indicatorsOf = (r: Rubric) => r.categories.flatMap((c) => c.indicators);

// ---------------------------------------------------------------- generators

/** Decimal multiples of `step` in [lo, hi], as exact JS decimals (no 0.30000000000000004). */
function onStep(lo: number, hi: number, step: number): fc.Arbitrary<number> {
  const kLo = Math.ceil(lo / step - 1e-9);
  const kHi = Math.floor(hi / step + 1e-9);
  return fc.integer({ min: kLo, max: Math.max(kLo, kHi) }).map((k) => Number((k * step).toFixed(6)));
}

/** Bounds of a score field: its manual rule's min and max (part max, item points, or the maxField value). */
function scoreBounds(ind: Indicator, field: Field, maxFieldValue: number | null): { lo: number; hi: number } {
  const rules = ind.rule.kind === 'composite' ? ind.rule.parts : [ind.rule];
  for (const r of rules) {
    if (r.kind !== 'manual' || r.field !== field.id) continue;
    const hi = 'max' in r && typeof r.max === 'number' ? r.max : r.maxField ? (maxFieldValue as number) : (ind.points as number);
    return { lo: r.min, hi };
  }
  return { lo: 0, hi: ind.points ?? 10 };
}

function valueArb(ind: Indicator, f: Field, maxFieldValue: number | null): fc.Arbitrary<RawValue> {
  switch (f.type) {
    case 'yesno':
      return fc.constantFrom<RawValue>(true, false, '是', '否', '√', '×', '有', '无', 'Y', 'N');
    case 'count':
      return fc.integer({ min: 0, max: 60 }).chain((n) => fc.constantFrom<RawValue>(n, String(n)));
    case 'number': {
      const lo = f.min ?? 0;
      const hi = f.max ?? lo + 60;
      return onStep(lo, hi, 0.1);
    }
    case 'percent':
      return onStep(0, 100, 0.1).chain((p) => {
        if (f.bare === 'fraction') return fc.constantFrom<RawValue>(Number((p / 100).toFixed(6)), `${p}%`);
        // A bare 0.1 … 1 could be either magnitude: an input error unless the field says values under 1 % are real.
        if (p > 0 && p <= 1 && f.smallValues !== true) return fc.constant<RawValue>(`${p}%`);
        return fc.constantFrom<RawValue>(p, `${p}%`);
      });
    case 'choice':
      return fc.constantFrom<RawValue>(...f.options);
    case 'score': {
      const { lo, hi } = scoreBounds(ind, f, maxFieldValue);
      return onStep(lo, hi, f.step ?? 0.01);
    }
  }
}

/** The manual rule's maxField (朝阳: the office types each item's points). */
const maxFieldOf = (ind: Indicator) => (ind.rule.kind === 'manual' ? ind.rule.maxField : undefined);

/**
 * The office-set parameters (朝阳's item points, rubric.parameters) every roster is scored with:
 * fixed values, one of them 0 (an item worth nothing still counts in y), the same in every run.
 */
function parametersOf(r: Rubric): ParameterValues {
  return Object.fromEntries(parameterSlots(r).map((slot, k) => [slot.key, [6, 7.5, 0, 10, 12.5, 5][k % 6]]));
}

/** The points a parameter gives an item for a unit of `group`, or null when the item has none. */
function parameterMax(r: Rubric, ind: Indicator, group: string): number | null {
  const key = pointsKey(r, ind, group);
  return key === undefined ? null : (parametersOf(r)[key] as number);
}

function inputsArb(ind: Indicator, paramMax: number | null = null): fc.Arbitrary<Record<string, RawValue>> {
  const mf = maxFieldOf(ind);
  const build = (maxValue: number | null) =>
    fc.record(Object.fromEntries(ind.fields.filter((f) => f.id !== mf).map((f) => [f.id, valueArb(ind, f, maxValue)]))) as fc.Arbitrary<
      Record<string, RawValue>
    >;
  if (!mf) return build(paramMax).map((values) => makeConsistent(ind, values));
  // 朝阳 item points: 0–30 in half points (0 allowed: an item worth nothing still counts in y)
  return onStep(0, 30, 0.5).chain((m) => build(m).map((rest) => ({ ...rest, [mf]: m })));
}

function bonusArb(r: Rubric): fc.Arbitrary<RawValue> {
  const b = r.bonus;
  if (b.kind === 'none') return fc.constant(null);
  if (b.kind === 'tiers') return fc.constantFrom<RawValue>(null, ...b.tiers.map((t) => t.label));
  return fc.oneof(fc.constant(null), onStep(0, b.max ?? 30, 0.5));
}

function fraudArb(r: Rubric): fc.Arbitrary<UnitInput['fraud']> {
  if (r.fraud === 'none') return fc.constant(false);
  if (r.fraud === 'honour_ineligible') return fc.boolean();
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant([] as string[]) },
    {
      weight: 1,
      arbitrary: fc.subarray(
        indicatorsOf(r).map((i) => i.id),
        { maxLength: 3 },
      ),
    },
  );
}

function unitArb(r: Rubric): fc.Arbitrary<Omit<UnitInput, 'name'>> {
  const inds = indicatorsOf(r);
  // The group first: where a parameter sets an item's points per group, the scores typed stay within them.
  return fc.constantFrom(...r.ranking.groups.map((g) => g.id)).chain((group) =>
    fc.record({
      group: fc.constant(group),
      inputs: fc.record(Object.fromEntries(inds.map((i) => [i.id, inputsArb(i, parameterMax(r, i, group))]))),
      notApplicable: r.notApplicable === 'not_allowed' ? fc.constant([] as string[]) : fc.subarray(inds.map((i) => i.id)),
      bonus: bonusArb(r),
      fraud: fraudArb(r),
    }),
  );
}

function rosterArb(r: Rubric, maxLength = 12): fc.Arbitrary<UnitInput[]> {
  return fc.array(unitArb(r), { minLength: 1, maxLength }).map((us) => us.map((u, i) => ({ name: `单位${i + 1}`, ...u })));
}

// ---------------------------------------------------------------- expectations

function expectedBonus(r: Rubric, raw: RawValue): Fraction {
  const b = r.bonus;
  if (b.kind === 'none' || raw === null || raw === undefined) return new Fraction(0);
  if (b.kind === 'tiers') return F(b.tiers.find((t) => t.label === raw)?.points ?? 0);
  const v = F(raw as number);
  return b.max !== null && v.compare(b.max) > 0 ? F(b.max) : v;
}

function expectedBand(r: Rubric, v: number | null): string | null {
  if (!r.bands || v === null) return null;
  for (const b of r.bands.list) if (b.min === null || v > b.min || (v === b.min && b.minInclusive)) return b.label;
  return null;
}

/** Item maximum: printed points, the office's parameter, or the value typed in the maxField (朝阳 before 1.3.0). */
function itemMax(r: Rubric, ind: Indicator, input: UnitInput): Fraction {
  const fromParameter = parameterMax(r, ind, input.group ?? r.ranking.groups[0].id);
  if (fromParameter !== null) return F(fromParameter);
  const mf = maxFieldOf(ind);
  return mf ? F(input.inputs?.[ind.id]?.[mf] as number) : F(ind.points as number);
}

/** Every per-unit property; `input` is the unit as generated (all values valid). */
function checkUnit(r: Rubric, input: UnitInput, u: UnitScore) {
  const d = r.rounding.decimals;
  const at = (what: string) => `${u.name} ${what}`;
  // valid inputs: nothing is an error or missing
  eq(
    u.problems.filter((p) => p.severity !== 'warning'),
    [],
    at('problems'),
  );
  const na = new Set(input.notApplicable ?? []);

  const scores: Fraction[] = [];
  const maxes: Fraction[] = [];
  for (const cat of r.categories) {
    const catScores: Fraction[] = [];
    let shown = 0;
    for (const ind of cat.indicators) {
      const item = u.items[ind.id];
      const it = (what: string) => at(`item ${ind.id} ${what}`);
      if (na.has(ind.id) && r.notApplicable === 'exclude') {
        eq([item.status, item.score], ['excluded', null], it('excluded'));
        continue;
      }
      const max = itemMax(r, ind, input);
      check(item.score !== null && item.exact !== null, it(`has a score (${item.reason})`));
      const exact = new Fraction(item.exact as string);
      // item within [0, its maximum]
      check(exact.compare(0) >= 0 && exact.compare(max) <= 0, it(`exact ${item.exact} within [0, ${max.toFraction()}]`));
      check((item.score as number) >= 0 && (item.score as number) <= max.valueOf(), it(`score ${item.score} within [0, ${max.valueOf()}]`));
      eq(item.max, max.valueOf(), it('max'));
      if (na.has(ind.id)) check(exact.equals(max), it('不涉及 keeps full points')); // 鹤岗
      if (r.fraud === 'item_zero' && Array.isArray(input.fraud) && input.fraud.includes(ind.id))
        check(exact.equals(0), it('false material scores 0'));
      catScores.push(exact);
      shown += item.score as number;
      maxes.push(max);
    }
    // category subtotal = sum of its items (exactly, then rounded; the shown items to 0.005 per item)
    const catScore = u.categories[cat.id].score as number;
    eq(catScore, round(sum(catScores), 2), at(`category ${cat.id} = sum of its items`));
    check(Math.abs(catScore - shown) <= 0.005 * catScores.length + 1e-9, at(`category ${cat.id} ${catScore} ≈ shown items ${shown}`));
    check(catScore >= 0 && (cat.points === null || catScore <= cat.points), at(`category ${cat.id} ${catScore} within [0, ${cat.points}]`));
    scores.push(...catScores);
  }

  // base by aggregation mode
  const agg = r.aggregation;
  let base: number | null;
  if (agg.mode === 'sum') base = round(sum(scores), d);
  else if (agg.mode === 'deduct_from_base') {
    const b = F(agg.base).sub(sum(maxes).sub(sum(scores)));
    base = round(b.compare(0) < 0 ? new Fraction(0) : b, d);
  } else {
    const y = sum(maxes);
    base = y.equals(0) ? null : round(sum(scores).mul(agg.scale).div(y), d);
  }
  eq(u.base, base, at(`base (${agg.mode})`));
  if (base !== null) check(base >= 0 && base <= (agg.mode === 'normalised' ? agg.scale : r.fullMarks), at(`base ${base} within range`));

  // final = base + bonus
  const bonus = expectedBonus(r, input.bonus);
  eq(u.bonus, round(bonus, d), at('bonus'));
  eq(u.final, base === null ? null : round(F(base).add(bonus), d), at('final = base + bonus'));
  eq(u.complete, base !== null, at('complete'));

  // band from the rubric's list
  eq(u.band, expectedBand(r, r.bands?.basis === 'base' ? u.base : u.final), at('band'));
}

function checkRanks(r: Rubric, units: RankedUnit[]) {
  for (const g of r.ranking.groups) {
    const pool = units.filter((u) => u.group === g.id && u.final !== null);
    for (const a of pool) {
      const fa = a.final as number;
      eq(a.rank, 1 + pool.filter((b) => (b.final as number) > fa).length, `${a.name} rank`);
      eq(a.bottomRank, 1 + pool.filter((b) => (b.final as number) < fa).length, `${a.name} bottomRank`);
      for (const b of pool) {
        const fb = b.final as number;
        if (fa > fb) check((a.rank as number) < (b.rank as number), `${a.name} ${fa} > ${b.name} ${fb} but rank ${a.rank} ≥ ${b.rank}`);
        if (fa === fb) eq(a.rank, b.rank, `${a.name} and ${b.name} tied at ${fa}`);
      }
      // honours by rank number (ties at the cut-off included); none for a fraud flag under 取消评先资格
      for (const h of g.honours) {
        const honoured = (a.rank as number) <= h.top && !(r.fraud === 'honour_ineligible' && a.fraud);
        eq(a.labels.includes(h.label), honoured, `${a.name} rank ${a.rank} honour ${h.label}`);
      }
    }
  }
  // units without a final are not ranked
  for (const u of units) if (u.final === null) eq([u.rank, u.bottomRank, u.labels], [null, null, []], `${u.name} unranked`);
  // higher score, same or better band
  if (r.bands) {
    const order = r.bands.list.map((b) => b.label);
    const v = (u: RankedUnit) => (r.bands?.basis === 'base' ? u.base : u.final);
    for (const a of units)
      for (const b of units)
        if (v(a) !== null && v(b) !== null && (v(a) as number) > (v(b) as number))
          check(
            order.indexOf(a.band as string) <= order.indexOf(b.band as string),
            `${a.name} ${v(a)} ${a.band} vs ${b.name} ${v(b)} ${b.band}`,
          );
  }
}

/** Fields that a step_deduct's exemption makes irrelevant (and contradictory when filled). */
const exemptedFields = (ind: Indicator) =>
  (ind.rule.kind === 'composite' ? ind.rule.parts : [ind.rule]).flatMap((r) => (r.kind === 'step_deduct' && r.exemptIf ? [r.field] : []));

const byName = (units: RankedUnit[]) => Object.fromEntries(units.map((u) => [u.name, u]));

const BLANKS: RawValue[] = [null, undefined, '', '   ', '\u3000'];

// ---------------------------------------------------------------- the properties, per rubric

/** 朝阳 before 1.3.0 (item points typed per unit, maxField): workbooks made with it still score. */
const CHAOYANG_1_2 = 'test/rubric/constructs/chaoyang-2020-method-1.2.0.json';
const loadRubric = (id: string): Rubric => {
  if (id !== CHAOYANG_1_2) return loadBuiltin(id).rubric;
  const r = parseRubricText(readFileSync(join(__dirname, '../..', id), 'utf8'), id);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value.rubric;
};

describe.each([...builtinRubricIds, CHAOYANG_1_2].map((id) => [id]))('%s', (id) => {
  const rubric = loadRubric(id);
  const inds = indicatorsOf(rubric);
  const params = parametersOf(rubric);

  it('items within [0, max]; subtotals, base, final and band follow from the items; ranks follow the finals', () => {
    fc.assert(
      fc.property(rosterArb(rubric, 8), (roster) => {
        const res = scoreRoster(rubric, roster, params);
        res.units.forEach((u, i) => checkUnit(rubric, roster[i], u));
        checkRanks(rubric, res.units);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('results do not depend on roster order, and scoring twice gives identical results', () => {
    const arb = rosterArb(rubric, 4).chain((roster) =>
      fc.tuple(fc.constant(roster), fc.shuffledSubarray(roster, { minLength: roster.length, maxLength: roster.length })),
    );
    fc.assert(
      fc.property(arb, ([roster, shuffled]) => {
        const a = scoreRoster(rubric, roster, params);
        eq(scoreRoster(rubric, roster, params), a, 'scoring twice');
        eq(byName(scoreRoster(rubric, shuffled, params).units), byName(a.units), 'shuffled roster');
      }),
      { numRuns: NUM_RUNS },
    );
  });

  /**
   * A blank is never read as a number: the unit is incomplete, or — where the rule does not consult
   * the field given the other answers (zeroIf, exemptIf, a level without a ratio) — the item score is
   * the same as with the value and with any other value of that field.
   */
  it('a blank field makes the unit incomplete (final null), never a number', () => {
    const arb = fc.record({ unit: unitArb(rubric), at: fc.nat(), blank: fc.constantFrom(...BLANKS) }).chain(({ unit, at, blank }) => {
      const input: UnitInput = { name: '甲', ...unit };
      const fraudItems = Array.isArray(input.fraud) ? input.fraud : [];
      // the fields the unit must fill: not 不涉及, not zeroed for false material
      const slots = inds
        .filter((i) => !(input.notApplicable ?? []).includes(i.id) && !fraudItems.includes(i.id))
        .flatMap((i) => i.fields.map((f) => [i, f] as const));
      if (slots.length === 0) return fc.constant(null);
      const [ind, field] = slots[at % slots.length];
      const mf = maxFieldOf(ind);
      const maxValue = mf
        ? (input.inputs?.[ind.id]?.[mf] as number)
        : parameterMax(rubric, ind, input.group ?? rubric.ranking.groups[0].id);
      // alternatives for a maxField keep the typed score within range
      const alt = field.id === mf ? onStep(Math.max(maxValue as number, 0), 40, 0.5) : valueArb(ind, field, maxValue);
      return fc.tuple(fc.constant({ input, ind, field, blank }), fc.array(alt, { minLength: 3, maxLength: 3 }));
    });
    fc.assert(
      fc.property(arb, (c) => {
        if (c === null) return;
        const [{ input, ind, field, blank }, alternatives] = c;
        const withValue = (v: RawValue) => ({
          ...input,
          inputs: { ...input.inputs, [ind.id]: { ...input.inputs?.[ind.id], [field.id]: v } },
        });
        const u = scoreUnit(rubric, withValue(blank), params);
        const item = u.items[ind.id];
        const what = `${ind.id}.${field.id} = ${JSON.stringify(blank)}`;
        if (item.status === 'incomplete') {
          eq([item.score, u.base, u.final, u.complete], [null, null, null, false], what);
          check(
            u.problems.some((p) => p.severity === 'missing' && p.indicatorId === ind.id && p.fieldId !== undefined),
            `${what}: a missing-value problem`,
          );
          return;
        }
        // not consulted: the blank acted as no value at all
        const original = scoreUnit(rubric, input, params).items[ind.id];
        eq(item.exact, original.exact, `${what} was ignored, so the score is the one with the value`);
        for (const v of alternatives) {
          const other = scoreUnit(rubric, withValue(v), params).items[ind.id];
          // a value in a field its exemption rules out (衡东 八: a share when there is no severe
          // enterprise) is refused as contradicting the exemption, not scored
          if (other.status === 'invalid' && exemptedFields(ind).includes(field.id)) continue;
          eq(other.exact, original.exact, `${what} was ignored, so any value gives the same score (${JSON.stringify(v)})`);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
