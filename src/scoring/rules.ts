/**
 * The rule kinds, compiled. Each rule of a rubric becomes, once, a small function from the item's
 * parsed inputs to an exact score, with a one-line reason in Chinese said to the reader piece by piece. All
 * that depends only on the rubric — field slots, labels, constants as rationals, the fixed parts of
 * reasons — is worked out at compile time; scoring a unit then only reads values, does the
 * arithmetic and joins a few strings. Still an interpreter of data: no code is generated.
 */
import type { Condition, Field, PartRule, RatioOf, Rule } from '../rubric/schema';
import { clamp, exact, max, min, ONE, TEXT_INDICES, textIndex, toText, ZERO, type Rational } from './exact';
import type { Reader } from './reader';

/** A compiled rule: the score (within [0, its maximum]); its reason is said piece by piece to r.say. */
export type Evaluator = (r: Reader, itemMax: Rational) => Rational;
type KindEvaluator = (r: Reader, own: Rational) => Rational;
type Test = (r: Reader) => boolean;

/** The indicator's fields, for resolving a rule's field ids to slots. */
export class FieldTable {
  private readonly slots = new Map<string, number>();
  /**
   * `decimals`: the rubric's rounding places. A score an assessor types with more places than the
   * results are shown with (20.005) would be printed as a different number, so it is refused.
   */
  constructor(readonly fields: readonly Field[], readonly decimals = 2) {
    fields.forEach((f, i) => this.slots.set(f.id, i));
  }
  slot(id: string): number {
    const s = this.slots.get(id);
    if (s === undefined) throw new Error(`rubric bug: field ${id} is not an input of this indicator`); // prevented by validateRubric
    return s;
  }
  field(id: string): Field {
    return this.fields[this.slot(id)];
  }
  /** A field's label without its 是否 prefix, as used in reasons. */
  label(id: string): string {
    return this.field(id).label.replace(/^是否/, '');
  }
}

// Reasons are said piece by piece and joined once per item (reader.ts): one flat string, where +
// and template literals leave a tree of pieces that every young-generation collection copies while
// a roster's 25,000 reasons are alive. Joining costs per piece, so every run of text known at
// compile time is one piece: a composite part's "；" is folded into the part's first piece (`lead`),
// "，得 5 分" is one cached piece, and texts that depend only on the item maximum are kept per
// maximum (it is the same object for every unit unless the office sets it per unit, 朝阳).

/** "0 分" … "200 分", "，得 0 分" …, "；本项得 0 分" …: whole points fill most reasons. */
const WHOLE_POINTS = Array.from({ length: 201 }, (_, i) => `${i} 分`);
const WHOLE_GETS = WHOLE_POINTS.map((p) => `，得 ${p}`);
const WHOLE_TOTALS = WHOLE_POINTS.map((p) => `；本项得 ${p}`);

const isSmallWhole = (x: Rational) => x.d === 1 && x.n >= 0 && x.n < WHOLE_POINTS.length && x.big === null;

/**
 * Texts of a fraction of points ("4.67 分", "，得 4.67 分"), made once per 2-decimal value and kept
 * by its index among toText's texts (exact.ts): a roster's fractional scores recur constantly.
 */
function byHundredths(kept: (string | undefined)[], x: Rational, make: (text: string) => string): string {
  const k = textIndex(x);
  if (k < 0) return make(toText(x));
  let text = kept[k];
  if (text === undefined) kept[k] = text = make(toText(x));
  return text;
}
// Filled in up front: writing at index 5,000 of an empty array gives it slow dictionary storage.
const kept = () => new Array<string | undefined>(TEXT_INDICES).fill(undefined);
const FRACTION_POINTS = kept();
const FRACTION_GETS = kept();
const FRACTION_TOTALS = kept();
const pointsText = (t: string) => `${t} 分`;
const getsText = (t: string) => `，得 ${t} 分`;
const totalText = (t: string) => `；本项得 ${t} 分`;

/** Points in a reason: "5 分", "4.67 分". */
function pts(x: Rational | number): string {
  if (typeof x === 'number') return `${x} 分`;
  if (isSmallWhole(x)) return WHOLE_POINTS[x.n];
  return byHundredths(FRACTION_POINTS, x, pointsText);
}

/** "，得 5 分" */
const gets = (x: Rational): string => (isSmallWhole(x) ? WHOLE_GETS[x.n] : byHundredths(FRACTION_GETS, x, getsText));

/** "；本项得 5 分" */
const itemTotal = (x: Rational): string => (isSmallWhole(x) ? WHOLE_TOTALS[x.n] : byHundredths(FRACTION_TOTALS, x, totalText));

/** A text that depends only on the item maximum, kept for the last maximum seen. */
function perMax(make: (own: Rational) => string): (own: Rational) => string {
  let last: Rational | null = null;
  let text = '';
  return (own) => {
    if (own !== last) {
      last = own;
      text = make(own);
    }
    return text;
  };
}

/**
 * Compiles a rule; `lead` is said before its reason ("；" for a composite's later parts), folded
 * into the reason's first piece where that piece is known at compile time.
 */
export function compileRule(rule: Rule | PartRule, t: FieldTable, lead = ''): Evaluator {
  const kind = compileKind(rule, t, lead);
  const fixedMax = 'max' in rule && typeof rule.max === 'number' ? exact(rule.max) : null;
  if (!rule.zeroIf) {
    return (r, itemMax) => {
      const own = fixedMax ?? itemMax;
      return clamp(kind(r, own), ZERO, own);
    };
  }
  const gate = compileCondition(rule.zeroIf, t);
  const gateReason = `${lead}${rule.zeroIfLabel ?? describeCondition(rule.zeroIf, t)}，不得分`;
  return (r, itemMax) => {
    if (gate(r)) {
      r.say(gateReason);
      return ZERO;
    }
    const own = fixedMax ?? itemMax;
    return clamp(kind(r, own), ZERO, own);
  };
}

function compileKind(rule: Rule | PartRule, t: FieldTable, lead: string): KindEvaluator {
  switch (rule.kind) {
    case 'bool': {
      const slot = t.slot(rule.field);
      const what = rule.label ?? t.label(rule.field);
      const points = exact(rule.points);
      const yes = `${lead}${what}：是，得 ${pts(rule.points)}`;
      const no = `${lead}${what}：否，不得分`;
      return (r) => {
        if (r.yesno(slot)) {
          r.say(yes);
          return points;
        }
        r.say(no);
        return ZERO;
      };
    }
    case 'levels': {
      const slot = t.slot(rule.field);
      const unpicked = `${lead}${t.label(rule.field)}未选择`;
      const levels = rule.levels.map((l) => ({
        option: l.option,
        points: exact(l.points),
        times: ` × ${pts(l.points)}，得 `,
        overTimes: `，超过 100% 按 100% 计 × ${pts(l.points)}，得 `,
        fixed: `${lead}${l.option}，得 ${pts(l.points)}`,
        ratio: l.ratio ? compileRatio(l.ratio, t, `${lead}${l.option}：`) : null,
      }));
      return (r) => {
        const picked = r.choice(slot);
        const level = levels.find((l) => l.option === picked);
        if (!level) {
          r.say(unpicked);
          return ZERO;
        }
        if (level.ratio === null) {
          r.say(level.fixed);
          return level.points;
        }
        const q = level.ratio(r);
        const s = q.mul(level.points);
        r.say(ratioOver ? level.overTimes : level.times);
        r.say(pts(s));
        return s;
      };
    }
    case 'count': {
      const slot = t.slot(rule.field);
      const rate = exact(rule.rate);
      const fixedCap = rule.cap !== undefined ? exact(rule.cap) : null;
      const head = `${lead}${rule.label ?? t.label(rule.field)} `;
      const tail = `${rule.unit ?? ''} × ${pts(rule.rate)}`;
      const tailGets = `${tail}，得 `;
      const tailIs = `${tail} = `;
      const capped = perMax((cap) => `，上限 ${pts(cap)}，得 ${pts(cap)}`);
      return (r, own) => {
        const n = r.num(slot);
        const raw = n.mul(rate);
        const cap = fixedCap ?? own;
        r.say(head);
        r.sayValue(toText(n));
        if (raw.compare(cap) > 0) {
          r.say(tailIs);
          r.say(pts(raw));
          r.say(capped(cap));
          return cap;
        }
        r.say(tailGets);
        r.say(pts(raw));
        return raw;
      };
    }
    case 'ratio': {
      const ratio = compileRatio(rule.ratio, t, `${lead}${rule.label ? `${rule.label}：` : ''}`);
      const points = exact(rule.points);
      const times = ` × ${pts(rule.points)}，得 `;
      const overTimes = `，超过 100% 按 100% 计${times}`;
      return (r) => {
        const s = ratio(r).mul(points);
        r.say(ratioOver ? overTimes : times);
        r.say(pts(s));
        return s;
      };
    }
    case 'tiers': {
      const slot = t.slot(rule.field);
      const whatSp = `${lead}${t.label(rule.field)} `;
      const tiers = rule.tiers.map((tier) => ({
        min: tier.min === undefined ? null : exact(tier.min),
        minInclusive: tier.minInclusive,
        max: tier.max === undefined ? null : exact(tier.max),
        maxInclusive: tier.maxInclusive,
        points: exact(tier.points),
        tail: `，属「${tier.label ?? tierText(tier)}」档，得 ${pts(tier.points)}`,
      }));
      return (r) => {
        const v = r.num(slot);
        for (const tier of tiers) {
          if (tier.min !== null) {
            const c = v.compare(tier.min);
            if (c < 0 || (c === 0 && !tier.minInclusive)) continue;
          }
          if (tier.max !== null) {
            const c = v.compare(tier.max);
            if (c > 0 || (c === 0 && !tier.maxInclusive)) continue;
          }
          r.say(whatSp);
          r.sayValue(toText(v, 4));
          r.say(tier.tail);
          return tier.points;
        }
        r.say(whatSp);
        r.sayValue(toText(v));
        r.say(' 不属于任何档次，不得分');
        return ZERO;
      };
    }
    case 'checklist': {
      const slots = rule.elements.map((e) => t.slot(e));
      const labels = rule.elements.map((e) => t.label(e));
      const count = rule.elements.length;
      const perMissing = exact(rule.perMissing);
      const perMissingText = toText(perMissing);
      const allThere = perMax((own) => `${lead}${count} 项齐全，得 ${pts(own)}`);
      const allMissing = rule.zeroIfAllMissing ? `${lead}${count} 项均缺，不得分` : null;
      return (r, own) => {
        // Every element is read (no early exit), so each blank one is reported.
        const missing: string[] = [];
        for (let i = 0; i < count; i++) if (!r.yesno(slots[i])) missing.push(labels[i]);
        const k = missing.length;
        if (k === 0) {
          r.say(allThere(own));
          return own;
        }
        if (k === count && allMissing !== null) {
          r.say(allMissing);
          return ZERO;
        }
        const s = max(ZERO, own.sub(perMissing.mul(exact(k))));
        r.say(`${lead}缺 ${k} 项（${missing.join('、')}），${toText(own)} − ${k} × ${perMissingText} = `);
        r.say(pts(s));
        return s;
      };
    }
    case 'deduct_if': {
      const conditions = rule.conditions.map((c) => ({
        test: compileCondition(c.when, t),
        deduct: exact(c.deduct),
        first: `${lead}${c.label}扣 ${pts(c.deduct)}`,
        next: `；${c.label}扣 ${pts(c.deduct)}`,
      }));
      const none = perMax((own) => `${lead}无扣分情形，得 ${pts(own)}`);
      return (r, own) => {
        // Every condition is evaluated (no early exit), so each blank field is reported.
        let total = ZERO;
        let hits = 0;
        for (const c of conditions) {
          if (!c.test(r)) continue;
          total = total.add(c.deduct);
          r.say(hits === 0 ? c.first : c.next);
          hits++;
        }
        if (hits === 0) {
          r.say(none(own));
          return own;
        }
        const s = max(ZERO, own.sub(total));
        r.say(gets(s));
        return s;
      };
    }
    case 'step_deduct': {
      const exemptSlot = rule.exemptIf ? t.slot(rule.exemptIf) : -1;
      const exempt = perMax((own) => (rule.exemptIf ? `${lead}${t.label(rule.exemptIf)}，不扣分，得 ${pts(own)}` : ''));
      const slot = t.slot(rule.field);
      const isPercent = t.field(rule.field).type === 'percent';
      const u = isPercent ? '%' : '';
      const threshold = exact(rule.threshold);
      const step = exact(rule.step);
      const perStep = exact(rule.perStep);
      const reached = perMax((own) => `${u} 达到 ${rule.threshold}${u}，不扣分，得 ${pts(own)}`);
      const below = `${u}，低于 ${rule.threshold}${u} `;
      const how = rule.rounding === 'floor' ? '不足一档不扣' : rule.rounding === 'ceil' ? '不足一档按一档' : '按比例';
      const per = ` 个${isPercent ? '百分点' : '单位'}，每 ${rule.step} 扣 ${toText(perStep)} 分（${how}），扣 `;
      const contradicts = rule.exemptIf
        ? (v: Rational) => `填写了 ${toText(v, 4)}${u}，但「${t.field(rule.exemptIf as string).label}」填了“是”，二者矛盾，请核对`
        : null;
      return (r, own) => {
        if (exemptSlot >= 0 && r.yesno(exemptSlot)) {
          // An exemption (no enterprise concerned) and a value that only exists when there are
          // some cannot both be true: never score one and silently drop the other.
          if (contradicts !== null && r.hasValue(slot)) r.reject(slot, contradicts(r.num(slot)));
          r.say(exempt(own));
          return own;
        }
        const v = r.num(slot);
        if (lead !== '') r.say(lead);
        if (v.compare(threshold) >= 0) {
          r.sayValue(toText(v));
          r.say(reached(own));
          return own;
        }
        const gap = threshold.sub(v);
        const stepsExact = gap.div(step);
        const steps = rule.rounding === 'floor' ? stepsExact.floor() : rule.rounding === 'ceil' ? stepsExact.ceil() : stepsExact;
        const deduct = steps.mul(perStep);
        const s = max(ZERO, own.sub(deduct));
        r.sayValue(`${toText(v)}${below}${toText(gap)}${per}${pts(deduct)}`);
        r.say(gets(s));
        return s;
      };
    }
    case 'per_occurrence': {
      const slot = t.slot(rule.field);
      const what = `${lead}${t.label(rule.field)} `;
      const base = exact(rule.base);
      const perOccurrence = exact(rule.perOccurrence);
      const none = `${what}0 次，得 ${pts(rule.base)}`;
      const times = ` 次 × ${pts(rule.perOccurrence)}，扣 `;
      return (r) => {
        const k = r.num(slot);
        if (k.n === 0) {
          r.say(none);
          return base;
        }
        const d = k.mul(perOccurrence);
        const s = max(ZERO, base.sub(d));
        r.say(what);
        r.sayValue(toText(k));
        r.say(times);
        r.say(pts(d));
        r.say(gets(s));
        return s;
      };
    }
    case 'manual': {
      // A score outside its range is an input error, never clamped silently (also inside a composite).
      const slot = t.slot(rule.field);
      const lowest = exact(rule.min);
      const head = `${lead}考核组评定 `;
      const outOf = perMax((own) => `（满分 ${pts(own)}）`);
      const places = t.decimals;
      const grid = 10 ** places;
      const tooFine = `最多保留 ${places} 位小数`;
      return (r, own) => {
        const v = r.num(slot);
        if (v.compare(own) > 0) r.reject(slot, `${toText(v, 6)} 超过本项最高分 ${toText(own, 6)}`);
        else if (v.compare(lowest) < 0) r.reject(slot, `${toText(v, 6)} 低于最低分 ${rule.min}`);
        else if (v.big !== null || grid % v.d !== 0) r.reject(slot, `${tooFine}（「${toText(v, 6)}」）`);
        r.say(head);
        r.sayValue(pts(v));
        r.say(outOf(own));
        return v;
      };
    }
    case 'composite': {
      const fixedCap = rule.cap !== undefined ? exact(rule.cap) : null;
      // part；part；…[，合计 … 超过上限 …]；本项得 s — each part says its own pieces, "；" folded in.
      const parts = rule.parts.map((p, i) => compileRule(p, t, i === 0 ? lead : '；'));
      return (r, own) => {
        const cap = fixedCap === null ? own : min(fixedCap, own);
        let total = ZERO;
        for (let i = 0; i < parts.length; i++) total = total.add(parts[i](r, cap));
        const s = min(total, cap);
        if (total.compare(cap) > 0) r.say(`，合计 ${pts(total)} 超过上限 ${pts(cap)}`);
        r.say(itemTotal(s));
        return s;
      };
    }
  }
}

/**
 * Set by a ratio evaluator when the ratio was above 100 % (and counted as 100 %), for its caller's
 * next piece; scoring is synchronous, so it is read before any other ratio runs.
 */
let ratioOver = false;

/**
 * A ratio numerator/denominator within [0, 1]. Says `prefix` + "a/b = 6/8" (or "… 分母为 0，按 0 计");
 * the caller says what follows, with the "超过 100%" note when ratioOver is set.
 */
function compileRatio(q: RatioOf, t: FieldTable, prefix: string): (r: Reader) => Rational {
  const ns = t.slot(q.numerator);
  const ds = t.slot(q.denominator);
  const name = `${t.label(q.numerator)}/${t.label(q.denominator)}`;
  const nameIs = `${prefix}${name} = `;
  const zeroDenominator = q.whenDenominatorZero === 'full' ? ONE : ZERO;
  const zeroText =
    q.whenDenominatorZero === 'full' ? `${prefix}${name} 分母为 0，按 100% 计`
    : q.whenDenominatorZero === 'zero' ? `${prefix}${name} 分母为 0，按 0 计`
    : `${prefix}${name} 分母为 0，无法计算`;
  const zeroRefused = q.whenDenominatorZero === 'invalid' ? `不能为 0（本项按「${name}」计分）` : null;
  const denominatorLabel = t.field(q.denominator).label;
  const aboveRefused = q.whenAbove === 'invalid';
  return (r) => {
    const n = r.num(ns);
    const d = r.num(ds);
    ratioOver = false;
    if (d.n === 0) {
      if (zeroRefused !== null) r.reject(ds, zeroRefused);
      r.say(zeroText);
      return zeroDenominator;
    }
    const v = n.div(d);
    r.say(nameIs);
    r.sayValue(`${toText(n, 4)}/${toText(d, 4)}`);
    if (v.compare(ONE) > 0) {
      // A part can never exceed its whole (records with key information among all records): a typing error.
      if (aboveRefused) r.reject(ns, `${toText(n, 4)} 大于${denominatorLabel} ${toText(d, 4)}，请核对`);
      ratioOver = true;
      return ONE;
    }
    return v;
  };
}

interface TierLike {
  min?: number;
  minInclusive: boolean;
  max?: number;
  maxInclusive: boolean;
}

function tierText(t: TierLike): string {
  const lo = t.min !== undefined ? `${t.min}${t.minInclusive ? '≤' : '<'}` : '';
  const hi = t.max !== undefined ? `${t.maxInclusive ? '≤' : '<'}${t.max}` : '';
  if (lo && !hi) return `${t.minInclusive ? '≥' : '>'}${t.min}`;
  return `${lo}x${hi}`;
}

/** A condition as a test. any/all evaluate every part (no short circuit) so that each blank is reported. */
function compileCondition(c: Condition, t: FieldTable): Test {
  if ('any' in c) {
    const parts = c.any.map((x) => compileCondition(x, t));
    return (r) => {
      let hit = false;
      for (const p of parts) if (p(r)) hit = true;
      return hit;
    };
  }
  if ('all' in c) {
    const parts = c.all.map((x) => compileCondition(x, t));
    return (r) => {
      let every = true;
      for (const p of parts) if (!p(r)) every = false;
      return every;
    };
  }
  const slot = t.slot(c.field);
  if ('is' in c) {
    const want = c.is;
    return (r) => r.yesno(slot) === want;
  }
  if ('oneOf' in c) {
    const options = c.oneOf;
    return (r) => options.includes(r.choice(slot));
  }
  const value = exact(c.value);
  switch (c.op) {
    case '<':
      return (r) => r.num(slot).compare(value) < 0;
    case '<=':
      return (r) => r.num(slot).compare(value) <= 0;
    case '>':
      return (r) => r.num(slot).compare(value) > 0;
    case '>=':
      return (r) => r.num(slot).compare(value) >= 0;
    case '==':
      return (r) => r.num(slot).compare(value) === 0;
  }
}

function describeCondition(c: Condition, t: FieldTable): string {
  if ('any' in c) return c.any.map((x) => describeCondition(x, t)).join('或');
  if ('all' in c) return c.all.map((x) => describeCondition(x, t)).join('且');
  const f = t.field(c.field);
  if ('is' in c) return c.is ? f.label.replace(/^是否/, '') : `未${f.label.replace(/^是否/, '')}`;
  if ('oneOf' in c) return `${f.label}为${c.oneOf.join('或')}`;
  const u = f.type === 'percent' ? '%' : '';
  return `${f.label} ${c.op} ${c.value}${u}`;
}
