/**
 * The rule kinds. Each kind is one function from an item's inputs to an exact score and the
 * one-line reason in Chinese that shows the arithmetic, written where the score is computed. A
 * score is kept within [0, the item's maximum]. An interpreter of data: no code is generated.
 */
import type { Condition, PartRule, RatioOf, Rule } from '../rubric/schema';
import { fractionParts, type Constant } from '../rubric/fraction';
import { clamp, exact, max, min, ONE, toText, ZERO } from './exact';
import { Rational } from './rational';
import { scoreMonthly } from './monthly';
import type { ItemReader } from './reader';

const HUNDRED = exact(100);

export interface Scored {
  score: Rational;
  reason: string;
  /** A veto rule whose condition holds (一票否决): the unit fails whatever its points. */
  vetoed?: boolean;
  /** Monthly tracking: the months not yet assessed (the item is pending, src/scoring/monthly.ts). */
  pending?: string;
}

/** Points in a reason: a rubric constant as written ("0.5 分", "1/12 分"), a computed value to 2 places ("4.67 分"). */
const pts = (x: Rational | Constant) => `${typeof x === 'number' || typeof x === 'string' ? x : toText(x)} 分`;

/** A rule constant exactly: a number, or a fraction "1/12" (checked at load: rubric/validate.ts). */
function constant(x: Constant): Rational {
  if (typeof x === 'number') return exact(x);
  const parts = fractionParts(x);
  if (parts === null) throw new Error(`rubric bug: constant "${x}" is not a fraction`);
  return new Rational(parts.n, parts.d);
}

/**
 * A rule's score within [0, its maximum] (its own `max`, else the item's) and its reason; a rule
 * with a `zeroIf` gate scores 0 when the gate holds. `decimals`: the rubric's rounding places.
 */
export function scoreRule(rule: Rule | PartRule, r: ItemReader, itemMax: Rational, decimals: number): Scored {
  if (rule.kind === 'veto') return veto(rule, r);
  if (rule.zeroIf && holds(rule.zeroIf, r)) return { score: ZERO, reason: `${rule.zeroIfLabel ?? describe(rule.zeroIf, r)}，不得分` };
  const own = 'max' in rule && typeof rule.max === 'number' ? exact(rule.max) : itemMax;
  const { score, reason, pending } = scoreKind(rule, r, own, decimals);
  return pending === undefined ? { score: clamp(score, ZERO, own), reason } : { score: clamp(score, ZERO, own), reason, pending };
}

function scoreKind(rule: Exclude<Rule | PartRule, { kind: 'veto' }>, r: ItemReader, own: Rational, decimals: number): Scored {
  switch (rule.kind) {
    case 'bool':
      return yesNo(rule, r);
    case 'levels':
      return levels(rule, r);
    case 'count':
      return count(rule, r, own);
    case 'ratio':
      return ratio(rule, r);
    case 'tiers':
      return tiers(rule, r);
    case 'checklist':
      return checklist(rule, r, own);
    case 'deduct_if':
      return deductIf(rule, r, own);
    case 'step_deduct':
      return stepDeduct(rule, r, own);
    case 'per_occurrence':
      return perOccurrence(rule, r);
    case 'manual':
      return manual(rule, r, own, decimals);
    case 'monthly':
      return scoreMonthly(rule, r, own, decimals);
    case 'composite':
      return composite(rule, r, own, decimals);
  }
}

type KindOf<K extends Rule['kind']> = Extract<Rule | PartRule, { kind: K }>;

/** 是 scores the points, 否 nothing. */
function yesNo(rule: KindOf<'bool'>, r: ItemReader): Scored {
  const what = rule.label ?? r.label(rule.field);
  if (r.yesno(rule.field)) return { score: exact(rule.points), reason: `${what}：是，得 ${pts(rule.points)}` };
  return { score: ZERO, reason: `${what}：否，不得分` };
}

/** The option picked scores its points, or its points × a ratio. */
function levels(rule: KindOf<'levels'>, r: ItemReader): Scored {
  const picked = r.choice(rule.field);
  const level = rule.levels.find((l) => l.option === picked);
  if (!level) return { score: ZERO, reason: `${r.label(rule.field)}未选择` };
  if (!level.ratio) return { score: exact(level.points), reason: `${level.option}，得 ${pts(level.points)}` };
  return timesRatio(level.ratio, r, `${level.option}：`, level.points);
}

/** n × rate, up to the cap (the rule's, else the item's maximum). */
function count(rule: KindOf<'count'>, r: ItemReader, own: Rational): Scored {
  const n = r.num(rule.field);
  const raw = n.mul(constant(rule.rate));
  const cap = rule.cap !== undefined ? exact(rule.cap) : own;
  const typed = `${rule.label ?? r.label(rule.field)} ${toText(n)}${rule.unit ?? ''} × ${pts(rule.rate)}`;
  if (raw.compare(cap) > 0) return { score: cap, reason: `${typed} = ${pts(raw)}，上限 ${pts(cap)}，得 ${pts(cap)}` };
  return { score: raw, reason: `${typed}，得 ${pts(raw)}` };
}

/** numerator/denominator × points. */
function ratio(rule: KindOf<'ratio'>, r: ItemReader): Scored {
  return timesRatio(rule.ratio, r, rule.label ? `${rule.label}：` : '', rule.points);
}

/** A ratio (within [0, 1]) × points, with the ratio's arithmetic in the reason. */
function timesRatio(q: RatioOf, r: ItemReader, prefix: string, points: number): Scored {
  const { value, text, over } = ratioOf(q, r);
  const score = value.mul(exact(points));
  return { score, reason: `${prefix}${text}${over ? '，超过 100% 按 100% 计' : ''} × ${pts(points)}，得 ${pts(score)}` };
}

/**
 * numerator/denominator within [0, 1]: above 100 % counts as 100 % (or is refused where the
 * numerator is part of the whole); a zero denominator counts as 0 or 100 % (or is refused where it
 * is a standard that is never 0), as the rubric declares.
 */
function ratioOf(q: RatioOf, r: ItemReader): { value: Rational; text: string; over: boolean } {
  const name = `${r.label(q.numerator)}/${r.label(q.denominator)}`;
  const n = r.num(q.numerator);
  const d = r.num(q.denominator);
  if (d.n === 0) {
    if (q.whenDenominatorZero === 'invalid') r.reject(q.denominator, `不能为 0（本项按「${name}」计分）`);
    const full = q.whenDenominatorZero === 'full';
    const how = full ? '按 100% 计' : q.whenDenominatorZero === 'zero' ? '按 0 计' : '无法计算';
    return { value: full ? ONE : ZERO, text: `${name} 分母为 0，${how}`, over: false };
  }
  const text = `${name} = ${toText(n, 4)}/${toText(d, 4)}`;
  const v = n.div(d);
  if (v.compare(ONE) <= 0) return { value: v, text, over: false };
  // A part can never exceed its whole (records with key information among all records): a typing error.
  if (q.whenAbove === 'invalid') r.reject(q.numerator, `${toText(n, 4)} 大于${r.field(q.denominator).label} ${toText(d, 4)}，请核对`);
  return { value: ONE, text, over: true };
}

/**
 * The value a tiers rule bands, and how the reason shows it: a field's value, or a rate of two
 * counts in percent points, exact (49/50 is 98 %, 2/3 stays 200/3 % and is shown ≈ 66.6667 %).
 */
function tierValue(rule: KindOf<'tiers'>, r: ItemReader): { v: Rational; shown: string } {
  if (rule.ratio === undefined) {
    const field = rule.field as string; // validate.ts: field or ratio
    return { v: r.num(field), shown: `${r.label(field)} ${toText(r.num(field), 4)}` };
  }
  const { value, text, over } = ratioOf(rule.ratio, r);
  const v = value.mul(HUNDRED);
  const percent = `${v.hasPlaces(4) ? '=' : '≈'} ${toText(v, 4)}%`;
  return { v, shown: `${text}${/分母为 0/.test(text) ? `，${toText(v, 4)}%` : ` ${percent}`}${over ? '，超过 100% 按 100% 计' : ''}` };
}

/** The first tier the value falls in scores its points. */
function tiers(rule: KindOf<'tiers'>, r: ItemReader): Scored {
  const { v, shown } = tierValue(rule, r);
  for (const tier of rule.tiers) {
    if (tier.min !== undefined) {
      const c = v.compare(exact(tier.min));
      if (c < 0 || (c === 0 && !tier.minInclusive)) continue;
    }
    if (tier.max !== undefined) {
      const c = v.compare(exact(tier.max));
      if (c > 0 || (c === 0 && !tier.maxInclusive)) continue;
    }
    return { score: exact(tier.points), reason: `${shown}，属「${tier.label ?? tierText(tier)}」档，得 ${pts(tier.points)}` };
  }
  return { score: ZERO, reason: `${shown} 不属于任何档次，不得分` };
}

function tierText(t: { min?: number; minInclusive: boolean; max?: number; maxInclusive: boolean }): string {
  if (t.min !== undefined && t.max === undefined) return `${t.minInclusive ? '≥' : '>'}${t.min}`;
  const lo = t.min !== undefined ? `${t.min}${t.minInclusive ? '≤' : '<'}` : '';
  const hi = t.max !== undefined ? `${t.maxInclusive ? '≤' : '<'}${t.max}` : '';
  return `${lo}x${hi}`;
}

/** Full points when every element is there, less perMissing for each one missing (0 when all are, if so declared). */
function checklist(rule: KindOf<'checklist'>, r: ItemReader, own: Rational): Scored {
  // Every element is read (no early exit), so each blank one is reported.
  const missing = rule.elements.filter((e) => !r.yesno(e)).map((e) => r.label(e));
  const all = rule.elements.length;
  const k = missing.length;
  if (k === 0) return { score: own, reason: `${all} 项齐全，得 ${pts(own)}` };
  if (k === all && rule.zeroIfAllMissing) return { score: ZERO, reason: `${all} 项均缺，不得分` };
  const perMissing = exact(rule.perMissing);
  const score = max(ZERO, own.sub(perMissing.mul(exact(k))));
  return { score, reason: `缺 ${k} 项（${missing.join('、')}），${toText(own)} − ${k} × ${toText(perMissing)} = ${pts(score)}` };
}

/** Full points less each deduction whose condition holds. */
function deductIf(rule: KindOf<'deduct_if'>, r: ItemReader, own: Rational): Scored {
  // Every condition is evaluated (no early exit), so each blank field is reported.
  const hits = rule.conditions.filter((c) => holds(c.when, r));
  if (hits.length === 0) return { score: own, reason: `无扣分情形，得 ${pts(own)}` };
  const total = hits.reduce((sum, c) => sum.add(exact(c.deduct)), ZERO);
  const score = max(ZERO, own.sub(total));
  return { score, reason: `${hits.map((c) => `${c.label}扣 ${pts(c.deduct)}`).join('；')}，得 ${pts(score)}` };
}

/** Below the threshold, perStep off for each step short of it (rounded as declared); an exemption deducts nothing. */
function stepDeduct(rule: KindOf<'step_deduct'>, r: ItemReader, own: Rational): Scored {
  const exempt = rule.exemptIf;
  if (exempt && r.yesno(exempt)) {
    // An exemption (no enterprise concerned) and a value that only exists when there are some
    // cannot both be true: never score one and silently drop the other.
    if (r.hasValue(rule.field))
      r.reject(
        rule.field,
        `填写了 ${toText(r.num(rule.field), 4)}${unitOf(rule, r)}，但「${r.field(exempt).label}」填了“是”，二者矛盾，请核对`,
      );
    return { score: own, reason: `${r.label(exempt)}，不扣分，得 ${pts(own)}` };
  }
  const u = unitOf(rule, r);
  const v = r.num(rule.field);
  const threshold = exact(rule.threshold);
  if (v.compare(threshold) >= 0) return { score: own, reason: `${toText(v)}${u} 达到 ${rule.threshold}${u}，不扣分，得 ${pts(own)}` };
  const gap = threshold.sub(v);
  const steps = gap.div(exact(rule.step));
  const counted = rule.rounding === 'floor' ? steps.floor() : rule.rounding === 'ceil' ? steps.ceil() : steps;
  const perStep = exact(rule.perStep);
  const deduct = counted.mul(perStep);
  const score = max(ZERO, own.sub(deduct));
  const how = rule.rounding === 'floor' ? '不足一档不扣' : rule.rounding === 'ceil' ? '不足一档按一档' : '按比例';
  const what = u === '%' ? '百分点' : '单位';
  return {
    score,
    reason: `${toText(v)}${u}，低于 ${rule.threshold}${u} ${toText(gap)} 个${what}，每 ${rule.step} 扣 ${toText(perStep)} 分（${how}），扣 ${pts(deduct)}，得 ${pts(score)}`,
  };
}

const unitOf = (rule: KindOf<'step_deduct'>, r: ItemReader) => (r.field(rule.field).type === 'percent' ? '%' : '');

/** base less perOccurrence for each occurrence. */
function perOccurrence(rule: KindOf<'per_occurrence'>, r: ItemReader): Scored {
  const k = r.num(rule.field);
  const what = r.label(rule.field);
  if (k.n === 0) return { score: exact(rule.base), reason: `${what} 0 次，得 ${pts(rule.base)}` };
  const deduct = k.mul(constant(rule.perOccurrence));
  const score = max(ZERO, exact(rule.base).sub(deduct));
  return { score, reason: `${what} ${toText(k)} 次 × ${pts(rule.perOccurrence)}，扣 ${pts(deduct)}，得 ${pts(score)}` };
}

/** The assessors' score as typed; outside its range, or finer than the results, it is an input error (never clamped silently). */
function manual(rule: KindOf<'manual'>, r: ItemReader, own: Rational, decimals: number): Scored {
  const v = r.num(rule.field);
  if (v.compare(own) > 0) r.reject(rule.field, `${toText(v, 6)} 超过本项最高分 ${toText(own, 6)}`);
  else if (v.compare(exact(rule.min)) < 0) r.reject(rule.field, `${toText(v, 6)} 低于最低分 ${rule.min}`);
  else if (!v.hasPlaces(decimals)) r.reject(rule.field, `最多保留 ${decimals} 位小数（「${toText(v, 6)}」）`);
  return { score: v, reason: `考核组评定 ${pts(v)}（满分 ${pts(own)}）` };
}

/** The words of a veto's consequence: the method's 不合格 / 不通过, or a total of 0. */
export const vetoOutcome = (rule: KindOf<'veto'>) => (rule.result === 'zero' ? '总分计 0 分' : (rule.resultLabel ?? '不合格'));

/** A veto scores nothing either way; when its condition holds the unit fails (scoring/unit.ts). */
function veto(rule: KindOf<'veto'>, r: ItemReader): Scored {
  if (holds(rule.when, r)) return { score: ZERO, reason: `${rule.label}，一票否决：${vetoOutcome(rule)}`, vetoed: true };
  return { score: ZERO, reason: `无「${rule.label}」情形，不否决` };
}

/** The parts' scores added, up to the cap (the rule's and the item's maximum). */
function composite(rule: KindOf<'composite'>, r: ItemReader, own: Rational, decimals: number): Scored {
  const cap = rule.cap === undefined ? own : min(exact(rule.cap), own);
  const parts = rule.parts.map((p) => scoreRule(p, r, cap, decimals));
  const total = parts.reduce((sum, p) => sum.add(p.score), ZERO);
  if (rule.deductions) return withDeductions(rule.deductions, parts, total, cap, r, decimals);
  const score = min(total, cap);
  const over = total.compare(cap) > 0 ? `，合计 ${pts(total)} 超过上限 ${pts(cap)}` : '';
  return { score, reason: `${parts.map((p) => p.reason).join('；')}${over}；本项得 ${pts(score)}` };
}

/**
 * Added parts less deduction parts (「转发1个得0.1分，最高1分；少转发1个扣0.1分」): each deduction
 * part is scored like a part (within its own cap, else the item's) and its points are taken off;
 * the difference is kept within [0, cap]. Every part is read (no early exit), so each blank is reported.
 */
function withDeductions(deductions: PartRule[], parts: Scored[], added: Rational, cap: Rational, r: ItemReader, decimals: number): Scored {
  const taken = deductions.map((p) => scoreRule(p, r, cap, decimals));
  const deducted = taken.reduce((sum, p) => sum.add(p.score), ZERO);
  const raw = added.sub(deducted);
  const score = clamp(raw, ZERO, cap);
  const bound = raw.n < 0 ? '，不低于 0 分' : raw.compare(cap) > 0 ? `，上限 ${pts(cap)}` : '';
  const adds = parts.map((p) => p.reason).join('；');
  const takes = taken.map((p) => `扣分：${asDeduction(p.reason)}`).join('；');
  return {
    score,
    reason: `${adds}；${takes}；${toText(added)} − ${toText(deducted)} = ${pts(raw)}${bound}；本项得 ${pts(score)}`,
  };
}

/** A part's reason read as a deduction: its closing 「得 0.3 分」 becomes 「扣 0.3 分」 (「不得分」 becomes 「不扣分」). */
const asDeduction = (reason: string) => reason.replace(/得 ([^，；]+ 分)$/, '扣 $1').replace(/不得分$/, '不扣分');

/** Whether a condition holds. any/all evaluate every part (no short circuit) so that each blank is reported. */
function holds(c: Condition, r: ItemReader): boolean {
  if ('any' in c) return c.any.map((x) => holds(x, r)).includes(true);
  if ('all' in c) return !c.all.map((x) => holds(x, r)).includes(false);
  if ('is' in c) return r.yesno(c.field) === c.is;
  if ('oneOf' in c) return c.oneOf.includes(r.choice(c.field));
  // A rate of two counts is compared in percent points on the exact fraction (49/50 is 98, not about 98).
  const value = 'ratio' in c ? ratioOf(c.ratio, r).value.mul(HUNDRED) : r.num(c.field);
  const order = value.compare(exact(c.value));
  switch (c.op) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '==':
      return order === 0;
  }
}

function describe(c: Condition, r: ItemReader): string {
  if ('any' in c) return c.any.map((x) => describe(x, r)).join('或');
  if ('all' in c) return c.all.map((x) => describe(x, r)).join('且');
  if ('ratio' in c) return `${r.label(c.ratio.numerator)}/${r.label(c.ratio.denominator)} ${c.op} ${c.value}%`;
  const f = r.field(c.field);
  if ('is' in c) return c.is ? r.label(c.field) : `未${r.label(c.field)}`;
  if ('oneOf' in c) return `${f.label}为${c.oneOf.join('或')}`;
  return `${f.label} ${c.op} ${c.value}${f.type === 'percent' ? '%' : ''}`;
}
