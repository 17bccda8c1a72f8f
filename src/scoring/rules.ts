/**
 * The interpreter of rule kinds. Each kind is a small function from inputs to an exact score and a
 * one-line reason in Chinese. Inputs are read through a FieldReader that records blank or invalid
 * fields; the caller discards the score when any was recorded (an item is then incomplete, never 0).
 */
import Fraction from 'fraction.js';
import type { Condition, Field, PartRule, RatioOf, Rule } from '../rubric/schema';
import { clamp, exact, max, min, ratioText, sumOf, toText, ZERO } from './exact';
import type { FieldValue } from './values';

export interface FieldReader {
  field(id: string): Field;
  /** The parsed value, or a neutral placeholder after recording the field as blank or invalid. */
  yesno(id: string): boolean;
  num(id: string): Fraction;
  choice(id: string): string;
  /** Records a value the rule cannot accept (e.g. a manual score above its maximum); the item becomes invalid. */
  reject(id: string, message: string): void;
}

export interface RuleResult {
  score: Fraction;
  reason: string;
}

const ONE = new Fraction(1);
/** Points in a reason. Rubric constants are plain short decimals and print as they are (no rational work). */
const ptsText = new Map<number, string>();
const pts = (x: Fraction | number) => {
  if (typeof x !== 'number') return `${toText(x)} 分`;
  // Number-to-string conversion is a hot spot in reasons: rubric constants recur, so cache them.
  let t = ptsText.get(x);
  if (t === undefined) ptsText.set(x, (t = `${x} 分`));
  return t;
};
const labels = new WeakMap<object, string>();
/** A field's label without its 是否 prefix, as used in reasons (cached per field). */
const labelOf = (r: FieldReader, id: string) => {
  const f = r.field(id);
  let l = labels.get(f);
  if (l === undefined) labels.set(f, (l = f.label.replace(/^是否/, '')));
  return l;
};

export function evaluateRule(rule: Rule | PartRule, r: FieldReader, itemMax: Fraction): RuleResult {
  if (rule.zeroIf && holds(rule.zeroIf, r)) {
    return { score: ZERO, reason: `${rule.zeroIfLabel ?? describeCondition(rule.zeroIf, r)}，不得分` };
  }
  const own = 'max' in rule && typeof rule.max === 'number' ? exact(rule.max) : itemMax;
  const res = evaluateKind(rule, r, own);
  return { score: clamp(res.score, ZERO, own), reason: res.reason };
}

function evaluateKind(rule: Rule | PartRule, r: FieldReader, own: Fraction): RuleResult {
  switch (rule.kind) {
    case 'bool': {
      const yes = r.yesno(rule.field);
      const what = rule.label ?? labelOf(r, rule.field);
      return yes ? { score: exact(rule.points), reason: `${what}：是，得 ${pts(rule.points)}` } : { score: ZERO, reason: `${what}：否，不得分` };
    }
    case 'levels': {
      const picked = r.choice(rule.field);
      const level = rule.levels.find((l) => l.option === picked);
      if (!level) return { score: ZERO, reason: `${labelOf(r, rule.field)}未选择` };
      if (!level.ratio) return { score: exact(level.points), reason: `${picked}，得 ${pts(level.points)}` };
      const q = ratio(level.ratio, r);
      const s = q.value.mul(level.points);
      return { score: s, reason: `${picked}：${q.text} × ${pts(level.points)}，得 ${pts(s)}` };
    }
    case 'count': {
      const n = r.num(rule.field);
      const raw = n.mul(rule.rate);
      const cap = rule.cap !== undefined ? exact(rule.cap) : own;
      const unit = rule.unit ?? '';
      const base = `${rule.label ?? labelOf(r, rule.field)} ${toText(n)}${unit} × ${pts(rule.rate)}`;
      if (raw.compare(cap) > 0) return { score: cap, reason: `${base} = ${pts(raw)}，上限 ${pts(cap)}，得 ${pts(cap)}` };
      return { score: raw, reason: `${base}，得 ${pts(raw)}` };
    }
    case 'ratio': {
      const q = ratio(rule.ratio, r);
      const s = q.value.mul(rule.points);
      return { score: s, reason: `${rule.label ? `${rule.label}：` : ''}${q.text} × ${pts(rule.points)}，得 ${pts(s)}` };
    }
    case 'tiers': {
      const v = r.num(rule.field);
      const tier = rule.tiers.find((t) => inTier(v, t));
      const what = labelOf(r, rule.field);
      if (!tier) return { score: ZERO, reason: `${what} ${toText(v)} 不属于任何档次，不得分` };
      return { score: exact(tier.points), reason: `${what} ${toText(v, 4)}，属「${tier.label ?? tierText(tier)}」档，得 ${pts(tier.points)}` };
    }
    case 'checklist': {
      const missing = rule.elements.filter((e) => !r.yesno(e));
      if (missing.length === 0) return { score: own, reason: `${rule.elements.length} 项齐全，得 ${pts(own)}` };
      const names = missing.map((e) => labelOf(r, e)).join('、');
      if (missing.length === rule.elements.length && rule.zeroIfAllMissing)
        return { score: ZERO, reason: `${rule.elements.length} 项均缺，不得分` };
      const s = max(ZERO, own.sub(exact(rule.perMissing).mul(missing.length)));
      return { score: s, reason: `缺 ${missing.length} 项（${names}），${toText(own)} − ${missing.length} × ${toText(exact(rule.perMissing))} = ${pts(s)}` };
    }
    case 'deduct_if': {
      const hits = rule.conditions.filter((c) => holds(c.when, r));
      if (hits.length === 0) return { score: own, reason: `无扣分情形，得 ${pts(own)}` };
      const total = sumOf(hits.map((h) => exact(h.deduct)));
      const s = max(ZERO, own.sub(total));
      const what = hits.map((h) => `${h.label}扣 ${pts(h.deduct)}`).join('；');
      return { score: s, reason: `${what}，得 ${pts(s)}` };
    }
    case 'step_deduct': {
      if (rule.exemptIf && r.yesno(rule.exemptIf)) return { score: own, reason: `${labelOf(r, rule.exemptIf)}，不扣分，得 ${pts(own)}` };
      const v = r.num(rule.field);
      const isPercent = r.field(rule.field).type === 'percent';
      const u = isPercent ? '%' : '';
      if (v.compare(rule.threshold) >= 0) return { score: own, reason: `${toText(v)}${u} 达到 ${rule.threshold}${u}，不扣分，得 ${pts(own)}` };
      const gap = exact(rule.threshold).sub(v);
      const stepsExact = gap.div(rule.step);
      const steps = rule.rounding === 'floor' ? stepsExact.floor() : rule.rounding === 'ceil' ? stepsExact.ceil() : stepsExact;
      const deduct = steps.mul(rule.perStep);
      const s = max(ZERO, own.sub(deduct));
      const how = rule.rounding === 'floor' ? '不足一档不扣' : rule.rounding === 'ceil' ? '不足一档按一档' : '按比例';
      return {
        score: s,
        reason: `${toText(v)}${u}，低于 ${rule.threshold}${u} ${toText(gap)} 个${isPercent ? '百分点' : '单位'}，每 ${rule.step} 扣 ${toText(exact(rule.perStep))} 分（${how}），扣 ${pts(deduct)}，得 ${pts(s)}`,
      };
    }
    case 'per_occurrence': {
      const k = r.num(rule.field);
      const d = k.mul(rule.perOccurrence);
      const s = max(ZERO, exact(rule.base).sub(d));
      if (k.equals(0)) return { score: exact(rule.base), reason: `${labelOf(r, rule.field)} 0 次，得 ${pts(rule.base)}` };
      return { score: s, reason: `${labelOf(r, rule.field)} ${toText(k)} 次 × ${pts(rule.perOccurrence)}，扣 ${pts(d)}，得 ${pts(s)}` };
    }
    case 'manual': {
      // A score outside its range is an input error, never clamped silently (also inside a composite).
      const v = r.num(rule.field);
      if (v.compare(own) > 0) r.reject(rule.field, `得分 ${toText(v)} 超过本项最高分 ${toText(own)}`);
      else if (v.compare(rule.min) < 0) r.reject(rule.field, `得分 ${toText(v)} 低于最低分 ${rule.min}`);
      return { score: v, reason: `考核组评定 ${pts(v)}（满分 ${pts(own)}）` };
    }
    case 'composite': {
      const cap = rule.cap !== undefined ? min(exact(rule.cap), own) : own;
      const parts = rule.parts.map((p) => evaluateRule(p, r, cap));
      const total = sumOf(parts.map((p) => p.score));
      const s = min(total, cap);
      const capped = total.compare(cap) > 0 ? `，合计 ${pts(total)} 超过上限 ${pts(cap)}` : '';
      return { score: s, reason: `${parts.map((p) => p.reason).join('；')}${capped}；本项得 ${pts(s)}` };
    }
  }
}

function ratio(q: RatioOf, r: FieldReader): { value: Fraction; text: string } {
  const n = r.num(q.numerator);
  const d = r.num(q.denominator);
  const name = `${labelOf(r, q.numerator)}/${labelOf(r, q.denominator)}`;
  if (d.equals(0)) {
    return q.whenDenominatorZero === 'full'
      ? { value: ONE, text: `${name} 分母为 0，按 100% 计` }
      : { value: ZERO, text: `${name} 分母为 0，按 0 计` };
  }
  const v = n.div(d);
  if (v.compare(1) > 0) return { value: ONE, text: `${name} = ${ratioText(n, d)}，超过 100% 按 100% 计` };
  return { value: v, text: `${name} = ${ratioText(n, d)}` };
}

interface TierLike {
  min?: number;
  minInclusive: boolean;
  max?: number;
  maxInclusive: boolean;
}

function inTier(v: Fraction, t: TierLike): boolean {
  if (t.min !== undefined) {
    const c = v.compare(t.min);
    if (c < 0 || (c === 0 && !t.minInclusive)) return false;
  }
  if (t.max !== undefined) {
    const c = v.compare(t.max);
    if (c > 0 || (c === 0 && !t.maxInclusive)) return false;
  }
  return true;
}

function tierText(t: TierLike): string {
  const lo = t.min !== undefined ? `${t.min}${t.minInclusive ? '≤' : '<'}` : '';
  const hi = t.max !== undefined ? `${t.maxInclusive ? '≤' : '<'}${t.max}` : '';
  if (lo && !hi) return `${t.minInclusive ? '≥' : '>'}${t.min}`;
  return `${lo}x${hi}`;
}

export function holds(c: Condition, r: FieldReader): boolean {
  if ('any' in c) return c.any.map((x) => holds(x, r)).some(Boolean);
  if ('all' in c) return c.all.map((x) => holds(x, r)).every(Boolean);
  if ('is' in c) return r.yesno(c.field) === c.is;
  if ('oneOf' in c) return c.oneOf.includes(r.choice(c.field));
  const v = r.num(c.field);
  const k = v.compare(c.value);
  switch (c.op) {
    case '<':
      return k < 0;
    case '<=':
      return k <= 0;
    case '>':
      return k > 0;
    case '>=':
      return k >= 0;
    case '==':
      return k === 0;
  }
}

export function describeCondition(c: Condition, r: FieldReader): string {
  if ('any' in c) return c.any.map((x) => describeCondition(x, r)).join('或');
  if ('all' in c) return c.all.map((x) => describeCondition(x, r)).join('且');
  const f = r.field(c.field);
  if ('is' in c) return c.is ? f.label.replace(/^是否/, '') : `未${f.label.replace(/^是否/, '')}`;
  if ('oneOf' in c) return `${f.label}为${c.oneOf.join('或')}`;
  const u = f.type === 'percent' ? '%' : '';
  return `${f.label} ${c.op} ${c.value}${u}`;
}

export type { FieldValue };
