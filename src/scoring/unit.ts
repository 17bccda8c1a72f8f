/**
 * Scoring one unit against one rubric: items (with reasons), category subtotals, base, bonus,
 * final, band, and every problem found. Pure and synchronous; never throws on user input.
 */
import type { Field, Indicator, Rubric } from '../rubric/schema';
import { exact, ONE, type Rational, roundHalfUp, toNumber, toText, ZERO } from './exact';
import { InexactError, Rational as RationalClass, Sum } from './rational';
import { PieceTrie, Reader } from './reader';
import { compileRule, FieldTable, type Evaluator } from './rules';
import type { CategoryScore, ItemScore, Problem, RankedUnit, UnitInput, UnitScore } from './types';
import { parseFieldValue, uniformField, type RawValue } from './values';

/** An indicator with everything that depends only on the rubric worked out once. */
interface CompiledIndicator {
  ind: Indicator;
  /** ind.id, read here: indicators differ in which optional keys they have, fields too. */
  id: string;
  /**
   * The id as a property key: a number when the id is an array index ("1" … "25" in 亳州 and
   * 朝阳). Such keys are stored as elements, and looking one up by its text converts the text to
   * the index every time.
   */
  key: string | number;
  /** The fields in one object shape (uniformField), so that reading them stays fast. */
  fields: readonly Field[];
  printedMax: Rational | null;
  /** Slot of the number field holding the item maximum set by the office (朝阳), or −1. */
  maxFieldSlot: number;
  /**
   * Slots of percent fields where a bare number means percent points (85 → 85 %): a bare 0.85 is
   * then 0.85 %, which may be what was meant or may be 85 % typed as a fraction (see scoreItem).
   */
  barePercentSlots: readonly number[];
  evaluate: Evaluator;
  /**
   * Results whose reason is made only of texts the rubric fixes (是/否, a level, the conditions met,
   * a gate, and the points they add up to), with no typed value in it: the same for every unit that
   * gets it, so made once and shared, frozen. Found by the pieces of the reason (Reader.walk).
   */
  shared: PieceTrie<{ score: Rational; result: ItemScore }>;
  /** How many shared results were made (bounded: a checklist of n elements has 2^n outcomes). */
  sharedCount: number;
}

interface CompiledRubric {
  categories: { id: string; points: number | null; indicators: CompiledIndicator[] }[];
  /** 10^decimals when item scores are rounded before they are summed (rounding.itemScores), else 0. */
  itemGrid: number;
  decimals: number;
  /** Said after an item score that was rounded. */
  roundedNote: string;
  /**
   * Every indicator id (and every category id) already present, in rubric order: a unit's items
   * and categories start as copies, so filling them in never reshapes the object.
   */
  itemsShape: Record<string, ItemScore>;
  categoriesShape: Record<string, CategoryScore>;
  known: ReadonlySet<string>;
  groups: ReadonlySet<string>;
}

/** Compiled once per rubric object (rubrics are immutable once loaded). */
const compiled = new WeakMap<Rubric, CompiledRubric>();

function compileRubric(rubric: Rubric): CompiledRubric {
  let c = compiled.get(rubric);
  if (c) return c;
  c = {
    categories: rubric.categories.map((cat) => ({
      id: cat.id,
      points: cat.points,
      indicators: cat.indicators.map((ind) => {
        const table = new FieldTable(ind.fields, rubric.rounding.decimals);
        return {
          ind,
          id: ind.id,
          key: propertyKey(ind.id),
          fields: ind.fields.map(uniformField),
          printedMax: ind.points === null ? null : exact(ind.points),
          maxFieldSlot: ind.rule.kind === 'manual' && ind.rule.maxField ? table.slot(ind.rule.maxField) : -1,
          barePercentSlots: ind.fields.flatMap((f, i) => (f.type === 'percent' && f.bare === 'percent' ? [i] : [])),
          evaluate: compileRule(ind.rule, table),
          shared: new PieceTrie(),
          sharedCount: 0,
        };
      }),
    })),
    itemGrid: rubric.rounding.itemScores === 'rounded' ? 10 ** rubric.rounding.decimals : 0,
    decimals: rubric.rounding.decimals,
    roundedNote: `（四舍五入保留 ${rubric.rounding.decimals} 位小数）`,
    itemsShape: Object.fromEntries(rubric.categories.flatMap((cat) => cat.indicators.map((i) => [i.id, null]))) as unknown as Record<string, ItemScore>,
    categoriesShape: Object.fromEntries(rubric.categories.map((cat) => [cat.id, null])) as unknown as Record<string, CategoryScore>,
    known: new Set(rubric.categories.flatMap((cat) => cat.indicators.map((i) => i.id))),
    groups: new Set(rubric.ranking.groups.map((g) => g.id)),
  };
  compiled.set(rubric, c);
  return c;
}

/** "7" → 7 for ids that are array indices (canonical: no sign, no leading zero, below 2^32 − 1). */
function propertyKey(id: string): string | number {
  const n = Number(id);
  return /^(0|[1-9][0-9]*)$/.test(id) && n < 4294967295 ? n : id;
}

const NO_VALUES: Record<string, RawValue> = Object.freeze({});
const NO_INPUTS: Record<string, Record<string, RawValue>> = Object.freeze({});

function itemLabel(ind: Indicator) {
  return `${ind.id} ${ind.name}`;
}

/** Object spread is slow in V8's hot paths (measured ~6 µs each): results are built field by field. */
function itemScore(indicatorId: string, score: number | null, exact: string | null, max: number | null, reason: string, status: ItemScore['status']): ItemScore {
  return { indicatorId, score, exact, max, reason, status };
}
// Made once with nulls so that V8 keeps score and max as tagged fields (integers unboxed) rather
// than boxing every number, as it does for fields that have only ever held numbers (rational.ts).
itemScore('', null, null, null, '', 'scored');

function report(problems: Problem[], unit: UnitInput, ind: Indicator, extra: Partial<Problem> & Pick<Problem, 'severity' | 'message'>): void {
  problems.push({ unit: unit.name, indicatorId: ind.id, ...extra });
}

function done(reader: Reader, score: Rational | null, max: Rational | null, result: ItemScore): ItemScore {
  reader.score = score;
  reader.max = max;
  return result;
}

/** A field id among an indicator's two or three fields: a scan beats hashing the key. */
function hasField(fields: readonly Field[], id: string): boolean {
  for (let i = 0; i < fields.length; i++) if (fields[i].id === id) return true;
  return false;
}

/** The problem for a value too large to score exactly (only reachable where BigInt is missing). */
const INEXACT = '数值过大，无法精确计分，请核对填写的数值';

/**
 * A bare number of at most 1 in a percent field read as percent points (0.85 → 0.85 %) may be 85 %
 * typed as a fraction. Where the two readings score differently, a warning says both; the score
 * keeps the field's declared reading. Rare, so the item is simply evaluated again with the value
 * × 100 (the reader's state for the item is restored after).
 */
function checkBarePercents(c: CompiledRubric, ci: CompiledIndicator, raw: Record<string, RawValue>, itemMax: Rational | null, score: Rational, unit: UnitInput, reader: Reader, problems: Problem[]): void {
  for (const slot of ci.barePercentSlots) {
    const f = ci.fields[slot];
    const typed = raw[f.id];
    if (typeof typed !== 'number' && (typeof typed !== 'string' || typed.includes('%') || typed.includes('％'))) continue;
    const v = reader.value(slot);
    if (!(v instanceof RationalClass) || v.n <= 0 || v.compare(ONE) > 0) continue;
    const { filled, score: ownScore, max: ownMax } = reader;
    reader.load(ci.fields, { ...raw, [f.id]: toNumber(v.mul(HUNDRED), 6) });
    let other: Rational | null = null;
    try {
      other = roundedItem(c, ci.evaluate(reader, itemMax ?? ZERO), null);
    } catch (e) {
      if (!(e instanceof InexactError)) throw e;
    }
    const comparable = other !== null && reader.invalid.length === 0 && reader.blank.length === 0;
    reader.load(ci.fields, raw);
    reader.filled = filled;
    reader.score = ownScore;
    reader.max = ownMax;
    if (!comparable || other === null || other.equals(score)) continue;
    const shown = toText(v, 6);
    const asPercent = toText(v.mul(HUNDRED), 4);
    report(problems, unit, ci.ind, {
      severity: 'warning',
      fieldId: f.id,
      message: `${unit.name}：${itemLabel(ci.ind)} · ${f.label}：填写的 ${shown} 按 ${shown}% 计，得 ${toText(score)} 分；若指 ${asPercent}%，应得 ${toText(other)} 分，请填写「${asPercent}%」或「${shown}%」`,
    });
  }
}

/** The item's result; its exact score and maximum are left in reader.score and reader.max. */
function scoreItem(
  rubric: Rubric,
  c: CompiledRubric,
  ci: CompiledIndicator,
  unit: UnitInput,
  notApplicable: readonly string[] | null,
  fraudItems: readonly string[] | null,
  raw: Record<string, RawValue>,
  reader: Reader,
  problems: Problem[],
): ItemScore {
  const ind = ci.ind;
  const printedMax = ci.printedMax;

  for (const key in raw)
    if (!hasField(ci.fields, key)) report(problems, unit, ind, { severity: 'warning', fieldId: key, message: `${unit.name}：${itemLabel(ind)} 没有输入项「${key}」，该值未使用` });

  if (notApplicable !== null && notApplicable.includes(ci.id)) {
    if (rubric.notApplicable !== 'not_allowed') {
      // A value typed for an item marked 不涉及 is not scored: say so, it may be the tick that is wrong.
      const typed = reader.filled > 0 ? ci.fields.filter((_, i) => reader.isFilled(i)).map((f) => f.label) : [];
      if (typed.length > 0)
        report(problems, unit, ind, { severity: 'warning', message: `${unit.name}：${itemLabel(ind)} 标为「不涉及」，但填写了${typed.map((l) => `「${l}」`).join('、')}：所填的值不计分，请核对是否确实不涉及` });
    }
    if (rubric.notApplicable === 'not_allowed') {
      report(problems, unit, ind, { severity: 'error', message: `${unit.name}：${itemLabel(ind)} 标为「不涉及」，但本文件未规定不涉及的情形，每个单位都须评分` });
      return done(reader, null, printedMax, itemScore(ci.id, null, null, ind.points, '文件未规定「不涉及」，须评分', 'invalid'));
    }
    if (rubric.notApplicable === 'full_points') {
      if (printedMax === null) throw new Error('rubric bug: full_points needs printed points');
      return done(reader, printedMax, printedMax, itemScore(ci.id, ind.points, printedMax.toFraction(), ind.points, '不涉及，不扣分', 'not_applicable'));
    }
    return done(reader, null, null, itemScore(ci.id, null, null, null, '不涉及，不计入 x 和 y', 'excluded'));
  }

  // The item maximum: printed, or set by the office in a number field (朝阳).
  reader.limitSlot = ci.maxFieldSlot;
  // A points field left blank or typed wrong gives no maximum (not 0): the item is unfinished or
  // invalid, and must not count as an item worth 0 (the differing-points check, 扣分, displays).
  // Read through num() even then, so that the blank or the error is recorded.
  let itemMax = printedMax;
  if (ci.maxFieldSlot >= 0) {
    const typed = reader.num(ci.maxFieldSlot);
    itemMax = reader.hasValue(ci.maxFieldSlot) ? typed : null;
  }

  // (An office-set maximum still blank or wrong is reported below like any other field.)
  if (fraudItems !== null && fraudItems.includes(ci.id) && (itemMax !== null || ci.maxFieldSlot < 0)) {
    return done(reader, ZERO, itemMax, itemScore(ci.id, 0, '0', itemMax === null ? null : toNumber(itemMax), '提供虚假材料，本项不得分', 'scored'));
  }

  let score: Rational;
  try {
    score = ci.evaluate(reader, itemMax ?? ZERO);
  } catch (e) {
    if (!(e instanceof InexactError)) throw e;
    score = ZERO;
    reader.invalid.push({ field: ci.fields[0], message: INEXACT });
  }
  const maxNumber = itemMax === null ? null : toNumber(itemMax);
  if (reader.invalid.length > 0) {
    for (const { field, message } of reader.invalid)
      report(problems, unit, ind, { severity: 'error', fieldId: field.id, message: `${unit.name}：${itemLabel(ind)} · ${field.label}：${message}` });
    const what = reader.invalid.map((x) => `${x.field.label}填写有误：${x.message}`).join('；');
    return done(reader, null, itemMax, itemScore(ci.id, null, null, maxNumber, what, 'invalid'));
  }
  if (reader.blank.length > 0) {
    const names = reader.blank.map((slot) => reader.field(slot).label).join('、');
    report(problems, unit, ind, { severity: 'missing', fieldId: reader.field(reader.blank[0]).id, message: `${unit.name}：${itemLabel(ind)} 未填写：${names}` });
    return done(reader, null, itemMax, itemScore(ci.id, null, null, maxNumber, `未填写：${names}`, 'incomplete'));
  }
  score = roundedItem(c, score, reader);
  if (ci.barePercentSlots.length === 0) return scored(ci, score, itemMax, maxNumber, reader);
  const result = scored(ci, score, itemMax, maxNumber, reader);
  checkBarePercents(c, ci, raw, itemMax, score, unit, reader, problems);
  return result;
}

/** Rounded before it is summed where the rubric says so (rounding.itemScores), so that the printed items add up. */
function roundedItem(c: CompiledRubric, score: Rational, reader: Reader | null): Rational {
  if (c.itemGrid === 0 || (score.big === null && c.itemGrid % score.d === 0)) return score;
  if (reader !== null) reader.say(c.roundedNote);
  return score.roundHalfUp(c.decimals);
}

/** A scored item's result: shared when its reason is made only of the rubric's texts, else its own. */
function scored(ci: CompiledIndicator, score: Rational, itemMax: Rational | null, maxNumber: number | null, reader: Reader): ItemScore {
  if (reader.saidOnlyRubricTexts() && ci.maxFieldSlot < 0) {
    const node = reader.walk(ci.shared, ci.sharedCount < 1024);
    const hit = node === null ? undefined : node.value;
    if (hit !== undefined && hit.score.equals(score)) return done(reader, score, itemMax, hit.result);
    const result = Object.freeze(itemScore(ci.id, toNumber(score), score.toFraction(), maxNumber, reader.reason(), 'scored'));
    if (node !== null && hit === undefined) {
      node.value = { score, result };
      ci.sharedCount++;
    }
    return done(reader, score, itemMax, result);
  }
  return done(reader, score, itemMax, itemScore(ci.id, toNumber(score), score.toFraction(), maxNumber, reader.reason(), 'scored'));
}

export function bandFor(rubric: Rubric, score: Rational | null): string | null {
  if (!rubric.bands || score === null) return null;
  for (const b of rubric.bands.list) {
    if (b.min === null) return b.label;
    const c = score.compare(exact(b.min));
    if (c > 0 || (c === 0 && b.minInclusive)) return b.label;
  }
  return null;
}

/** The bonus, or the reason it cannot be read (a bonus typed wrong is an error, never 0). */
function readBonus(rubric: Rubric, unit: UnitInput, problems: Problem[]): Rational | { invalid: string } {
  const raw = unit.bonus;
  const blank = raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
  const warn = (severity: Problem['severity'], message: string) => problems.push({ unit: unit.name, severity, message });
  const refuse = (why: string) => {
    warn('error', `${unit.name}：${why}`);
    return { invalid: why };
  };
  const bonus = rubric.bonus;
  if (bonus.kind === 'none') {
    if (!blank && String(raw).trim() !== '0') warn('warning', `${unit.name}：本细则没有加分项，填写的加分「${String(raw)}」未计入`);
    return ZERO;
  }
  if (blank) return ZERO;
  if (bonus.kind === 'tiers') {
    const text = String(raw).trim();
    if (text === '无' || text === '0') return ZERO;
    const tier = bonus.tiers.find((t) => t.label === text || String(t.points) === text);
    if (!tier) return refuse(`加分「${text}」不是可选档次（${bonus.tiers.map((t) => `${t.label} ${t.points} 分`).join('、')}）`);
    return exact(tier.points);
  }
  const p = parseFieldValue({ id: 'bonus', label: bonus.label, type: 'number', min: 0 }, raw);
  if (p.status !== 'ok') return refuse(`${bonus.label}：${p.status === 'invalid' ? p.message : '未填写'}`);
  const v = p.value as Rational;
  const places = rubric.rounding.decimals;
  if (v.big !== null || 10 ** places % v.d !== 0) return refuse(`${bonus.label}「${String(raw).trim()}」最多保留 ${places} 位小数`);
  if (bonus.max !== null && v.compare(exact(bonus.max)) > 0) {
    warn('warning', `${unit.name}：${bonus.label} ${toText(v)} 分超过上限 ${bonus.max} 分，按 ${bonus.max} 分计`);
    return exact(bonus.max);
  }
  return v;
}

const HUNDRED = exact(100);

/** Reused for every item (scoring is synchronous and never re-entered). */
const reader = new Reader();
/** The running sums, reused for every unit likewise (reset before use). */
const ALL_SCORES = new Sum();
const ALL_MAXES = new Sum();
const CAT_SCORE = new Sum();
const CAT_MAX = new Sum();

function score(rubric: Rubric, unit: UnitInput, forRanking: boolean): UnitScore {
  const c = compileRubric(rubric);
  const problems: Problem[] = [];
  const groups = rubric.ranking.groups;
  const group = unit.group ?? groups[0].id;
  // With two groups or more the group decides who a unit is ranked against (and its honours).
  if (unit.group === undefined && groups.length > 1)
    problems.push({ unit: unit.name, severity: 'warning', message: `${unit.name}：未填写分组，按「${groups[0].label}」排名，请核对` });
  if (!c.groups.has(group))
    problems.push({ unit: unit.name, severity: 'error', message: `${unit.name}：分组「${group}」不在本细则的分组中（${groups.map((g) => g.id).join('、')}）` });

  const inputs = unit.inputs ?? NO_INPUTS;
  const notApplicable = unit.notApplicable && unit.notApplicable.length > 0 ? unit.notApplicable : null;
  // Inputs under an id the rubric does not have (a typo in a units file) are looked for after the
  // items, and only when fewer inputs were found than given; their warnings go here.
  const unknownAt = problems.length;
  for (const id of unit.notApplicable ?? [])
    if (!c.known.has(id)) problems.push({ unit: unit.name, severity: 'warning', indicatorId: id, message: `${unit.name}：标为不涉及的指标「${id}」不存在` });

  const fraud = unit.fraud === true || (Array.isArray(unit.fraud) && unit.fraud.length > 0);
  // The indicators scored 0 for false material (亳州), or null: checked once here, not per item.
  const fraudItems = rubric.fraud === 'item_zero' && Array.isArray(unit.fraud) && unit.fraud.length > 0 ? unit.fraud : null;
  if (rubric.fraud === 'item_zero' && unit.fraud === true)
    problems.push({ unit: unit.name, severity: 'error', message: `${unit.name}：弄虚作假的处理是「相关指标项不得分」，请列出涉及的指标编号` });
  if (rubric.fraud === 'item_zero' && Array.isArray(unit.fraud))
    for (const id of unit.fraud)
      if (!c.known.has(id)) problems.push({ unit: unit.name, severity: 'error', indicatorId: id, message: `${unit.name}：弄虚作假涉及的指标「${id}」不存在` });
  if (rubric.fraud === 'none' && fraud)
    problems.push({ unit: unit.name, severity: 'warning', message: `${unit.name}：本文件未规定弄虚作假的处理，标记仅作记录` });

  const items: Record<string, ItemScore> = { ...c.itemsShape };
  const categories: Record<string, CategoryScore> = { ...c.categoriesShape };
  let complete = true;
  let found = 0;
  let filled = 0;
  let expected = 0;
  let inexact = false;
  let allExcluded = true;
  // Running exact sums of every item score and every item maximum.
  const sumMaxes = rubric.aggregation.mode !== 'sum';
  const allScores = ALL_SCORES.reset();
  const allMaxes = ALL_MAXES.reset();
  const catScore = CAT_SCORE;
  const catMax = CAT_MAX;
  for (const cat of c.categories) {
    catScore.reset();
    catMax.reset();
    let catComplete = true;
    for (const ci of cat.indicators) {
      const id = ci.id;
      const given = inputs[ci.key];
      if (given !== undefined) found++;
      const raw = given ?? NO_VALUES;
      reader.load(ci.fields, raw);
      const result = scoreItem(rubric, c, ci, unit, notApplicable, fraudItems, raw, reader, problems);
      items[ci.key] = result;
      if (notApplicable === null || !notApplicable.includes(id)) {
        filled += reader.filled;
        expected += ci.fields.length;
      }
      if (result.status === 'excluded') continue;
      allExcluded = false;
      try {
        if (reader.score === null) catComplete = false;
        else {
          catScore.add(reader.score);
          allScores.add(reader.score);
        }
        // Maxima are summed only where used: a category without printed points, and x / y or
        // deduction from a base.
        if (reader.max !== null) {
          if (cat.points === null) catMax.add(reader.max);
          if (sumMaxes) allMaxes.add(reader.max);
        }
      } catch (e) {
        if (!(e instanceof InexactError)) throw e;
        inexact = true;
        catComplete = false;
      }
    }
    if (!catComplete) complete = false;
    let score: number | null = null;
    let max: number | null = cat.points;
    try {
      if (catComplete) score = toNumber(catScore.value());
      if (max === null && catComplete) max = toNumber(catMax.value());
    } catch (e) {
      if (!(e instanceof InexactError)) throw e;
      inexact = true;
      score = null;
    }
    categories[cat.id] = categoryScore(score, max);
  }
  if (found < Object.keys(inputs).length) {
    const unknown: Problem[] = [];
    for (const id in inputs)
      if (!c.known.has(id)) unknown.push({ unit: unit.name, severity: 'warning', indicatorId: id, message: `${unit.name}：本细则没有指标「${id}」，该输入未使用` });
    problems.splice(unknownAt, 0, ...unknown);
  }
  if (inexact) problems.push({ unit: unit.name, severity: 'error', message: `${unit.name}：${INEXACT}` });
  if (problems.some((p) => p.severity === 'error')) complete = false;

  const decimals = rubric.rounding.decimals;
  let base: Rational | null = null;
  let normalisation: UnitScore['normalisation'];
  if (complete) {
    const agg = rubric.aggregation;
    if (agg.mode === 'sum') base = allScores.value();
    else if (agg.mode === 'deduct_from_base') {
      const deductions = allMaxes.value().sub(allScores.value());
      base = exact(agg.base).sub(deductions);
      if (base.n < 0) base = ZERO;
    } else {
      const x = allScores.value();
      const y = allMaxes.value();
      normalisation = { x: toNumber(x, 4), y: toNumber(y, 4) };
      if (y.n === 0) {
        // Kept as { x: 0, y: 0 } (not null, which means "incomplete"): the ranking leaves such a unit
        // out for good, while an incomplete one makes the ranks provisional.
        const why = notApplicable !== null && allExcluded ? '所有指标均不涉及' : '所承担项目的分值合计为 0';
        problems.push({ unit: unit.name, severity: 'warning', message: `${unit.name}：${why}（y = 0），无法计算得分，不参加排名，请考核组决定` });
      } else {
        base = x.mul(exact(agg.scale)).div(y);
        // A unit that carries every item has the whole annex as y: its points total the full marks.
        if (notApplicable === null && !y.equals(exact(rubric.fullMarks)))
          problems.push({ unit: unit.name, severity: 'warning', message: `${unit.name}：承担全部项目，但各项「本项分值」合计 ${toText(y, 4)} 分，不等于总分值 ${rubric.fullMarks} 分，请核对各项分值` });
      }
    }
    if (base !== null) base = roundHalfUp(base, decimals);
  }

  const readBonusResult = readBonus(rubric, unit, problems);
  const bonus = readBonusResult instanceof RationalClass ? readBonusResult : null;
  const bonusProblem = readBonusResult instanceof RationalClass ? undefined : readBonusResult.invalid;
  if (problems.some((p) => p.severity === 'error')) base = null;
  const final = base === null || bonus === null ? null : roundHalfUp(base.add(bonus), decimals);
  const band = bandFor(rubric, rubric.bands?.basis === 'base' ? base : final);

  const baseNumber = base === null ? null : toNumber(base, decimals);
  const bonusNumber = bonus === null ? null : toNumber(bonus, decimals);
  const finalNumber = final === null ? null : toNumber(final, decimals);
  const scored = complete && base !== null;
  const norm = rubric.aggregation.mode === 'normalised' ? (normalisation ?? null) : undefined;
  if (bonusProblem !== undefined) {
    const result = unitScore(unit.name, group, items, categories, baseNumber, bonusNumber, finalNumber, band, scored, filled, expected, fraud, problems, norm);
    result.bonusProblem = bonusProblem;
    return forRanking ? ({ ...result, rank: null, bottomRank: null, labels: [] } as RankedUnit) : result;
  }
  if (forRanking)
    return rankedUnit(unit.name, group, items, categories, baseNumber, bonusNumber, finalNumber, band, scored, filled, expected, fraud, problems, norm);
  return unitScore(unit.name, group, items, categories, baseNumber, bonusNumber, finalNumber, band, scored, filled, expected, fraud, problems, norm);
}

// A unit's result is made by one of two functions (one object shape each), with every key from
// the start: normalisation (undefined outside 朝阳, which JSON and toEqual leave out), and for
// ranking rank, bottomRank and labels. Adding keys to a thousand results afterwards gave rankUnits
// a new object shape per key, and V8 recompiled it run after run.
function unitScore(
  name: string, group: string, items: Record<string, ItemScore>, categories: Record<string, CategoryScore>,
  base: number | null, bonus: number | null, final: number | null, band: string | null, complete: boolean,
  filled: number, expected: number, fraud: boolean, problems: Problem[], normalisation: UnitScore['normalisation'],
): UnitScore {
  return { name, group, items, categories, base, bonus, final, band, complete, filled, expected, fraud, problems, normalisation };
}

function rankedUnit(
  name: string, group: string, items: Record<string, ItemScore>, categories: Record<string, CategoryScore>,
  base: number | null, bonus: number | null, final: number | null, band: string | null, complete: boolean,
  filled: number, expected: number, fraud: boolean, problems: Problem[], normalisation: UnitScore['normalisation'],
): RankedUnit {
  return { name, group, items, categories, base, bonus, final, band, complete, filled, expected, fraud, problems, normalisation, rank: null, bottomRank: null, labels: [] };
}

function categoryScore(score: number | null, max: number | null): CategoryScore {
  return { score, max };
}

// Made once with null and whole-number values in every field, so that V8 settles each field on
// one representation before the first real result. Otherwise a field that held whole numbers and
// then gets 70.18 (or null) changes representation, the shape is replaced, and the code reading
// results is thrown away and recompiled (seen for rankUnits, run after run).
for (const v of [null, 0]) {
  const n = v as unknown as number;
  const seed = rankedUnit('', '', {}, {}, n, n, n, null, false, n, n, false, [], null);
  seed.rank = n;
  seed.bottomRank = n;
  unitScore('', '', {}, {}, n, n, n, null, false, n, n, false, [], null);
  categoryScore(v, v);
}

export function scoreUnit(rubric: Rubric, unit: UnitInput): UnitScore {
  return score(rubric, unit, false);
}

/** scoreUnit with the rank keys (null) in place, for rankUnits to fill in. */
export function scoreUnitForRanking(rubric: Rubric, unit: UnitInput): RankedUnit {
  return score(rubric, unit, true) as RankedUnit;
}
