/**
 * Seeded random complete inputs for a rubric (no fast-check: deterministic, and cheap to make
 * outside the timed part). Values are typed the way clerks type them ("是", "85%", numbers).
 */
import type { Field, Indicator, Rubric } from '../src/rubric/schema';
import { parameterSlots } from '../src/rubric/parameters';
import type { ParameterValues } from '../src/scoring/parameters';
import type { UnitInput } from '../src/scoring/types';
import type { RawValue } from '../src/scoring/values';

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const onStep = (rng: Rng, lo: number, hi: number, step: number) =>
  Number((int(rng, Math.ceil(lo / step), Math.floor(hi / step)) * step).toFixed(6));

function scoreHi(ind: Indicator, field: Field, maxValue: number | null): number {
  const rules = ind.rule.kind === 'composite' ? ind.rule.parts : [ind.rule];
  for (const r of rules)
    if (r.kind === 'manual' && r.field === field.id)
      return 'max' in r && typeof r.max === 'number'
        ? r.max
        : r.maxField || ind.pointsParam
          ? (maxValue as number)
          : (ind.points as number);
  return ind.points ?? 10;
}

function value(rng: Rng, ind: Indicator, f: Field, maxValue: number | null): RawValue {
  switch (f.type) {
    case 'yesno':
      return rng() < 0.8 ? '是' : '否';
    case 'count':
      return int(rng, 0, 60);
    case 'number':
      return onStep(rng, f.min ?? 0, f.max ?? (f.min ?? 0) + 60, 0.1);
    case 'percent': {
      // A bare 0 < v ≤ 1 reads two ways (v % or v × 100 %) and is refused unless the field allows
      // values under 1 % (smallValues): such a value is written with its % sign, as a clerk must.
      const signed = rng() < 0.5;
      const v = onStep(rng, 0, 100, 0.1);
      return signed || (v > 0 && v <= 1 && !f.smallValues) ? `${v}%` : v;
    }
    case 'choice':
      return f.options[int(rng, 0, f.options.length - 1)];
    case 'score':
      return onStep(rng, 0, scoreHi(ind, f, maxValue), f.step ?? 0.5);
  }
}

const YES_TEXTS = new Set<RawValue>([true, '是', '√', '有', 'Y']);
const numberOf = (v: RawValue) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : null);

/**
 * Makes independently drawn values of one item consistent the way real answers are, in place:
 * nothing typed in a field its exemption rules out (衡东 八: no share when there is no severe
 * enterprise), a part never above its whole (亳州 13: records with key information among all
 * records) and no 0 where a ratio's denominator may not be 0. The engine refuses the others.
 */
export function makeConsistent(ind: Indicator, values: Record<string, RawValue>): Record<string, RawValue> {
  const rules = ind.rule.kind === 'composite' ? ind.rule.parts : [ind.rule];
  for (const r of rules) {
    if (r.kind === 'step_deduct' && r.exemptIf && YES_TEXTS.has(values[r.exemptIf])) values[r.field] = null;
    const ratios = r.kind === 'ratio' ? [r.ratio] : r.kind === 'levels' ? r.levels.flatMap((l) => (l.ratio ? [l.ratio] : [])) : [];
    for (const q of ratios) {
      const n = numberOf(values[q.numerator]);
      const d = numberOf(values[q.denominator]);
      if (n === null || d === null) continue;
      let whole = d;
      if (q.whenDenominatorZero === 'invalid' && whole === 0) whole = 1;
      if (q.whenAbove === 'invalid' && n > whole) whole = n;
      if (whole !== d) values[q.denominator] = whole;
    }
  }
  return values;
}

/**
 * `points`: the item points where the office types them (朝阳), one value per indicator for the
 * whole roster as one annex gives them; drawn per unit when omitted.
 */
export function randomUnit(rubric: Rubric, rng: Rng, name: string, points?: ReadonlyMap<string, number>): UnitInput {
  const inputs: Record<string, Record<string, RawValue>> = {};
  for (const cat of rubric.categories)
    for (const ind of cat.indicators) {
      const mf = ind.rule.kind === 'manual' ? ind.rule.maxField : undefined;
      const maxValue = mf || ind.pointsParam ? (points?.get(ind.id) ?? onStep(rng, 1, 30, 0.5)) : null;
      const values: Record<string, RawValue> = {};
      for (const f of ind.fields) values[f.id] = f.id === mf ? maxValue : value(rng, ind, f, maxValue);
      inputs[ind.id] = makeConsistent(ind, values);
    }
  const groups = rubric.ranking.groups;
  const b = rubric.bonus;
  const bonus: RawValue =
    rng() < 0.7 || b.kind === 'none'
      ? null
      : b.kind === 'tiers'
        ? b.tiers[int(rng, 0, b.tiers.length - 1)].label
        : onStep(rng, 0, b.max ?? 10, 0.5);
  return { name, group: groups[int(rng, 0, groups.length - 1)].id, inputs, notApplicable: [], bonus, fraud: false };
}

export function randomRoster(rubric: Rubric, size: number, seed: number): UnitInput[] {
  const rng = mulberry32(seed);
  const points = annexPoints(rubric, rng);
  return Array.from({ length: size }, (_, i) => randomUnit(rubric, rng, `单位${String(i + 1).padStart(4, '0')}`, points));
}

/**
 * The rubric's parameters (rubric.parameters: 朝阳's item points, set once) matching
 * randomRoster(rubric, …, seed): the same points for every group; {} without parameters.
 */
export function randomParameters(rubric: Rubric, seed: number): ParameterValues {
  const points = annexPoints(rubric, mulberry32(seed));
  const out: Record<string, RawValue> = {};
  for (const ind of rubric.categories.flatMap((c) => c.indicators)) {
    if (ind.pointsParam === undefined) continue;
    for (const slot of parameterSlots(rubric).filter((s) => s.parameter.id === ind.pointsParam)) out[slot.key] = points.get(ind.id) ?? null;
  }
  return out;
}

/**
 * Points for the items whose points the office types (朝阳), the same for every unit and adding up
 * to the full marks, as an annex would give them: whole points, 1 or more each, the rest on the last.
 */
function annexPoints(rubric: Rubric, rng: Rng): Map<string, number> {
  const ids = rubric.categories
    .flatMap((c) => c.indicators)
    .filter((i) => (i.rule.kind === 'manual' && i.rule.maxField) || i.pointsParam)
    .map((i) => i.id);
  const points = new Map<string, number>();
  let left = rubric.fullMarks;
  ids.forEach((id, k) => {
    const rest = ids.length - k - 1;
    const p = rest === 0 ? left : int(rng, 1, Math.max(1, Math.floor((2 * left) / (rest + 1)) - 1));
    points.set(id, p);
    left -= p;
  });
  return points;
}
