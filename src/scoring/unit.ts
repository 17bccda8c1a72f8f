/**
 * Scoring one unit against one rubric: items (with reasons), category subtotals, base, bonus,
 * final, band, and every problem found. Pure and synchronous; never throws on user input.
 */
import { categoryPartsPoints } from '../rubric/levels';
import { pointsKey } from '../rubric/parameters';
import type { Indicator, Rubric, VetoRule } from '../rubric/schema';
import { exact, ONE, roundHalfUp, toNumber, toText, ZERO } from './exact';
import { Rational } from './rational';
import { categoryLevels } from './levels';
import { readParameters, type ParameterReading, type ParameterValues } from './parameters';
import { ItemReader } from './reader';
import { combineBlocks, type CategoryTotals } from './blocks';
import { averagedItem, type NotApplicableAverages } from './not-applicable-average';
import { scoreRule, vetoOutcome } from './rules';
import type { CategoryScore, ItemScore, Problem, UnitInput, UnitScore } from './types';
import { parseFieldValue, type RawValue } from './values';

const HUNDRED = exact(100);

/** What scoring one item gives: its result, and its exact score and maximum for the sums (null when none). */
interface ItemOutcome {
  result: ItemScore;
  score: Rational | null;
  max: Rational | null;
  /** Fields with a value, for progress. */
  filled: number;
}

/** Collects a unit's problems, each naming the unit. */
class Problems {
  readonly list: Problem[] = [];
  constructor(private readonly unit: string) {}
  add(severity: Problem['severity'], message: string): void {
    this.list.push({ unit: this.unit, severity, message });
  }
  /** A problem of one indicator (and field). */
  item(ind: Indicator, severity: Problem['severity'], message: string, fieldId?: string): void {
    if (fieldId === undefined) this.list.push({ unit: this.unit, indicatorId: ind.id, severity, message });
    else this.list.push({ unit: this.unit, indicatorId: ind.id, severity, fieldId, message });
  }
  /** A problem naming an indicator id the rubric does not have. */
  unknownId(id: string, severity: Problem['severity'], message: string): void {
    this.list.push({ unit: this.unit, severity, indicatorId: id, message });
  }
  get hasError(): boolean {
    return this.list.some((p) => p.severity === 'error');
  }
}

const itemLabel = (ind: Indicator) => `${ind.id} ${ind.name}`;

function itemScore(
  indicatorId: string,
  score: number | null,
  exactText: string | null,
  max: number | null,
  reason: string,
  status: ItemScore['status'],
): ItemScore {
  return { indicatorId, score, exact: exactText, max, reason, status };
}

/** The item's maximum is set by the office in this field (朝阳), if any. */
const maxFieldOf = (ind: Indicator) => (ind.rule.kind === 'manual' ? ind.rule.maxField : undefined);

/**
 * Results of items scored without any problem, per indicator, by the values typed. Such a result
 * depends on nothing else, and the units of a roster answer most items alike (是/否, a few counts
 * and scores), so each distinct answer is scored once and its result shared. This is the one
 * optimisation kept, because the ratio benchmark shows it: without it engine.vsHyperFormula
 * measured 31, with it 74–79 (goal ≥ 50; `npm run bench -- engine`, the same load, 2026-12-06).
 */
const cleanResults = new WeakMap<Indicator, Map<string, ItemOutcome>>();
const MAX_CLEAN_RESULTS = 10_000; // per indicator: enough for any roster's distinct answers

/** The values typed for an item, as a key: type and text of each field's value ('' and 0, 1 and "1" differ). */
const answerKey = (ind: Indicator, raw: Record<string, RawValue>) =>
  ind.fields.map((f) => `${typeof raw[f.id]}:${String(raw[f.id])}`).join('\u0000');

/** The rubric's parameters as read for this roster (office-set points), by id. */
type Readings = ReadonlyMap<string, ParameterReading>;

/** The parameter value setting an item's points for this unit's group, as read (undefined without pointsParam). */
function pointsReading(rubric: Rubric, ind: Indicator, unit: UnitInput, readings: Readings | undefined): ParameterReading | undefined {
  const key = pointsKey(rubric, ind, unit.group ?? rubric.ranking.groups[0].id);
  if (key === undefined) return undefined;
  return readings?.get(key) ?? { status: 'blank', why: `参数「${key}」未设定` };
}

function scoreItem(
  rubric: Rubric,
  ind: Indicator,
  unit: UnitInput,
  raw: Record<string, RawValue>,
  problems: Problems,
  readings?: Readings,
  averages?: NotApplicableAverages,
): ItemOutcome {
  for (const key in raw)
    if (!ind.fields.some((f) => f.id === key))
      problems.item(ind, 'warning', `${unit.name}：${itemLabel(ind)} 没有输入项「${key}」，该值未使用`, key);
  // 不涉及 and false material depend on the unit, not only on the values typed.
  if (unit.notApplicable?.includes(ind.id) || (rubric.fraud === 'item_zero' && Array.isArray(unit.fraud) && unit.fraud.includes(ind.id)))
    return evaluateItem(rubric, ind, unit, raw, problems, readings, averages);
  let known = cleanResults.get(ind);
  if (known === undefined) cleanResults.set(ind, (known = new Map()));
  // An item whose points are a parameter depends on its value too.
  const param = pointsReading(rubric, ind, unit, readings);
  const key = param?.status === 'ok' ? `${answerKey(ind, raw)}\u0001${String(param.raw)}` : answerKey(ind, raw);
  const shared = known.get(key);
  if (shared !== undefined) return shared;
  const before = problems.list.length;
  const outcome = evaluateItem(rubric, ind, unit, raw, problems, readings);
  if (outcome.result.status === 'scored' && problems.list.length === before && known.size < MAX_CLEAN_RESULTS) {
    Object.freeze(outcome.result); // shared by every unit that typed the same
    known.set(key, outcome);
  }
  return outcome;
}

function evaluateItem(
  rubric: Rubric,
  ind: Indicator,
  unit: UnitInput,
  raw: Record<string, RawValue>,
  problems: Problems,
  readings?: Readings,
  averages?: NotApplicableAverages,
): ItemOutcome {
  const maxField = maxFieldOf(ind);
  const r = new ItemReader(ind.fields, raw, maxField);
  const printedMax = ind.points === null ? null : exact(ind.points);
  const outcome = (result: ItemScore, score: Rational | null, max: Rational | null): ItemOutcome => ({
    result,
    score,
    max,
    filled: r.filled,
  });

  if (unit.notApplicable?.includes(ind.id)) {
    if (rubric.notApplicable === 'not_allowed') {
      problems.item(ind, 'error', `${unit.name}：${itemLabel(ind)} 标为「不涉及」，但本文件未规定不涉及的情形，每个单位都须评分`);
      return outcome(itemScore(ind.id, null, null, ind.points, '文件未规定「不涉及」，须评分', 'invalid'), null, printedMax);
    }
    // A value typed for an item marked 不涉及 is not scored: say so, it may be the tick that is wrong.
    const typed = ind.fields.filter((f) => r.isFilled(f.id)).map((f) => `「${f.label}」`);
    if (typed.length > 0)
      problems.item(
        ind,
        'warning',
        `${unit.name}：${itemLabel(ind)} 标为「不涉及」，但填写了${typed.join('、')}：所填的值不计分，请核对是否确实不涉及`,
      );
    if (rubric.notApplicable === 'average') {
      const averaged = averagedItem(rubric, ind, unit.group ?? rubric.ranking.groups[0].id, averages);
      if (averaged.problem) problems.item(ind, 'warning', `${unit.name}：${averaged.problem}`);
      return outcome(averaged.result, averaged.score, printedMax);
    }
    if (rubric.notApplicable === 'full_points') {
      if (printedMax === null) throw new Error('rubric bug: full_points needs printed points');
      return outcome(
        itemScore(ind.id, ind.points, printedMax.toFraction(), ind.points, '不涉及，不扣分', 'not_applicable'),
        printedMax,
        printedMax,
      );
    }
    const where = rubric.aggregation.mode === 'blocks' ? '所在部分的 ' : ' '; // weighted blocks: x and y per block
    return outcome(itemScore(ind.id, null, null, null, `不涉及，不计入${where}x 和 y`, 'excluded'), null, null);
  }

  // The item maximum: printed, or set by the office in a number field (朝阳). A points field left
  // blank or typed wrong gives no maximum (not 0): the item is unfinished or invalid. Read through
  // num() even then, so that the blank or the error is recorded.
  let itemMax = printedMax;
  const param = pointsReading(rubric, ind, unit, readings);
  if (param !== undefined && param.status !== 'ok') {
    // Points not set (or set wrong) once for the rubric: the item waits for them, never 0. The
    // roster's problem list names the parameter once; a wrong value typed here is still said.
    for (const { field, message } of r.invalid)
      problems.item(ind, 'error', `${unit.name}：${itemLabel(ind)} · ${field.label}：${message}`, field.id);
    const blank = ind.fields.filter((f) => !r.isFilled(f.id));
    if (blank.length > 0)
      problems.item(ind, 'missing', `${unit.name}：${itemLabel(ind)} 未填写：${blank.map((f) => f.label).join('、')}`, blank[0].id);
    const status = param.status === 'invalid' || r.invalid.length > 0 ? 'invalid' : 'incomplete';
    return outcome(itemScore(ind.id, null, null, null, `待定：${param.why}`, status), null, null);
  }
  if (param !== undefined) itemMax = param.value;
  if (maxField) {
    const typed = r.num(maxField);
    itemMax = r.hasValue(maxField) ? typed : null;
  }
  const maxNumber = itemMax === null ? null : toNumber(itemMax);

  const fraudItem = rubric.fraud === 'item_zero' && Array.isArray(unit.fraud) && unit.fraud.includes(ind.id);
  if (fraudItem && (itemMax !== null || !maxField))
    return outcome(itemScore(ind.id, 0, '0', maxNumber, '提供虚假材料，本项不得分', 'scored'), ZERO, itemMax);

  const { score, reason, vetoed, pending } = scoreRule(ind.rule, r, itemMax ?? ZERO, rubric.rounding.decimals);
  if (r.invalid.length > 0) {
    for (const { field, message } of r.invalid)
      problems.item(ind, 'error', `${unit.name}：${itemLabel(ind)} · ${field.label}：${message}`, field.id);
    const what = r.invalid.map((x) => `${x.field.label}填写有误：${x.message}`).join('；');
    return outcome(itemScore(ind.id, null, null, maxNumber, what, 'invalid'), null, itemMax);
  }
  if (r.blank.length > 0) {
    const names = r.blank.map((f) => f.label).join('、');
    problems.item(ind, 'missing', `${unit.name}：${itemLabel(ind)} 未填写：${names}`, r.blank[0].id);
    return outcome(itemScore(ind.id, null, null, maxNumber, `未填写：${names}`, 'incomplete'), null, itemMax);
  }
  if (pending !== undefined) {
    // Monthly tracking with months 未考核: the figure so far is provisional, the item waits (never 0 for a month).
    problems.item(ind, 'missing', `${unit.name}：${itemLabel(ind)} ${pending}，年度得分待定`);
    return outcome(itemScore(ind.id, null, null, maxNumber, `${reason}（暂定）；${pending}，年度得分待定`, 'incomplete'), null, itemMax);
  }
  const rounded = roundedItem(rubric, score);
  const result = itemScore(
    ind.id,
    toNumber(rounded),
    rounded.toFraction(),
    maxNumber,
    rounded === score ? reason : `${reason}（四舍五入保留 ${rubric.rounding.decimals} 位小数）`,
    'scored',
  );
  if (vetoed) result.vetoed = true;
  checkBarePercents(rubric, ind, unit, raw, itemMax, rounded, r, problems);
  return outcome(result, rounded, itemMax);
}

/** Rounded before it is summed where the rubric says so (rounding.itemScores), so that the printed items add up. */
function roundedItem(rubric: Rubric, score: Rational): Rational {
  if (rubric.rounding.itemScores !== 'rounded' || score.hasPlaces(rubric.rounding.decimals)) return score;
  return score.roundHalfUp(rubric.rounding.decimals);
}

/**
 * In a field whose values under 1 % are real (smallValues), a bare number of at most 1 is read as
 * percent points (0.5 → 0.5 %) but may still be 50 % typed as a fraction. Where the two readings
 * score differently, a warning says both; the score keeps the declared reading. (Without
 * smallValues such a number is an input error: scoring/values.ts parsePercent.)
 */
function checkBarePercents(
  rubric: Rubric,
  ind: Indicator,
  unit: UnitInput,
  raw: Record<string, RawValue>,
  itemMax: Rational | null,
  score: Rational,
  r: ItemReader,
  problems: Problems,
): void {
  for (const f of ind.fields) {
    if (f.type !== 'percent' || f.bare !== 'percent' || f.smallValues !== true) continue;
    const typed = raw[f.id];
    if (typeof typed !== 'number' && (typeof typed !== 'string' || typed.includes('%') || typed.includes('％'))) continue;
    const v = r.value(f.id);
    if (!(v instanceof Rational) || v.n <= 0 || v.compare(ONE) > 0) continue;
    const asPercent = v.mul(HUNDRED);
    const other = new ItemReader(ind.fields, { ...raw, [f.id]: toNumber(asPercent, 6) }, maxFieldOf(ind));
    const otherScore = roundedItem(rubric, scoreRule(ind.rule, other, itemMax ?? ZERO, rubric.rounding.decimals).score);
    if (other.invalid.length > 0 || other.blank.length > 0 || otherScore.equals(score)) continue;
    const shown = toText(v, 6);
    const percentText = toText(asPercent, 4);
    problems.item(
      ind,
      'warning',
      `${unit.name}：${itemLabel(ind)} · ${f.label}：填写的 ${shown} 按 ${shown}% 计，得 ${toText(score)} 分；若指 ${percentText}%，应得 ${toText(otherScore)} 分，请填写「${percentText}%」或「${shown}%」`,
      f.id,
    );
  }
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

/** The bonus; blank is 0. A bonus that cannot be read is an error and gives no number (invalid: why). */
function readBonus(rubric: Rubric, unit: UnitInput, problems: Problems, bonusItems: Rational | null): Rational | { invalid: string } {
  const raw = unit.bonus;
  const blank = raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
  const refuse = (why: string) => {
    problems.add('error', `${unit.name}：${why}`);
    return { invalid: why };
  };
  const bonus = rubric.bonus;
  if (bonus.kind === 'items') {
    if (!blank) problems.add('warning', `${unit.name}：本细则的加分按各加分项计算，填写的加分「${String(raw)}」未使用`);
    // Unfinished bonus items leave the unit unfinished (its final is null): no number is made up.
    if (bonusItems === null) return ZERO;
    return bonus.max !== null && bonusItems.compare(exact(bonus.max)) > 0 ? exact(bonus.max) : bonusItems;
  }
  if (bonus.kind === 'none') {
    if (!blank && String(raw).trim() !== '0') problems.add('warning', `${unit.name}：本细则没有加分项，填写的加分「${String(raw)}」未计入`);
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
  const p = parseFieldValue({ id: 'bonus', label: bonus.label, type: 'number', min: 0, unit: '分' }, raw);
  if (p.status !== 'ok') return refuse(`${bonus.label}：${p.status === 'invalid' ? p.message : '未填写'}`);
  const v = p.value as Rational;
  const places = rubric.rounding.decimals;
  if (!v.hasPlaces(places)) return refuse(`${bonus.label}「${String(raw).trim()}」最多保留 ${places} 位小数`);
  if (bonus.max !== null && v.compare(exact(bonus.max)) > 0) {
    problems.add('warning', `${unit.name}：${bonus.label} ${toText(v)} 分超过上限 ${bonus.max} 分，按 ${bonus.max} 分计`);
    return exact(bonus.max);
  }
  return v;
}

/** Problems with the unit as a whole that are found before its items: group, unknown ids, fraud. */
function checkUnit(rubric: Rubric, unit: UnitInput, problems: Problems): void {
  const groups = rubric.ranking.groups;
  const group = unit.group ?? groups[0].id;
  // With two groups or more the group decides who a unit is ranked against (and its honours).
  if (unit.group === undefined && groups.length > 1)
    problems.add('warning', `${unit.name}：未填写分组，按「${groups[0].label}」排名，请核对`);
  if (!groups.some((g) => g.id === group))
    problems.add('error', `${unit.name}：分组「${group}」不在本细则的分组中（${groups.map((g) => g.id).join('、')}）`);

  const known = new Set(rubric.categories.flatMap((c) => c.indicators.map((i) => i.id)));
  // Inputs under an id the rubric does not have: a typo in a units file.
  for (const id of Object.keys(unit.inputs ?? {}))
    if (!known.has(id)) problems.unknownId(id, 'warning', `${unit.name}：本细则没有指标「${id}」，该输入未使用`);
  for (const id of unit.notApplicable ?? [])
    if (!known.has(id)) problems.unknownId(id, 'warning', `${unit.name}：标为不涉及的指标「${id}」不存在`);

  if (rubric.fraud === 'item_zero' && unit.fraud === true)
    problems.add('error', `${unit.name}：弄虚作假的处理是「相关指标项不得分」，请列出涉及的指标编号`);
  if (rubric.fraud === 'item_zero' && Array.isArray(unit.fraud))
    for (const id of unit.fraud) if (!known.has(id)) problems.unknownId(id, 'error', `${unit.name}：弄虚作假涉及的指标「${id}」不存在`);
  if (rubric.fraud === 'none' && isFraud(unit)) problems.add('warning', `${unit.name}：本文件未规定弄虚作假的处理，标记仅作记录`);
}

const isFraud = (unit: UnitInput) => unit.fraud === true || (Array.isArray(unit.fraud) && unit.fraud.length > 0);

const sum = (xs: Rational[]) => xs.reduce((a, b) => a.add(b), ZERO);

/**
 * `parameters`: the values the office set once for the rubric (rubric.parameters), by id.
 * `averages`: the roster's, for items marked 不涉及 under notApplicable "average" (scoreRoster).
 */
export function scoreUnit(rubric: Rubric, unit: UnitInput, parameters?: ParameterValues, averages?: NotApplicableAverages): UnitScore {
  const problems = new Problems(unit.name);
  const readings = rubric.parameters ? readParameters(rubric, parameters) : undefined;
  checkUnit(rubric, unit, problems);
  const inputs = unit.inputs ?? {};
  const carried = (ind: Indicator) => !unit.notApplicable?.includes(ind.id);

  const items: Record<string, ItemScore> = {};
  const categories: Record<string, CategoryScore> = {};
  const scores: Rational[] = [];
  const maxima: Rational[] = [];
  let complete = true;
  let filled = 0;
  let expected = 0;
  let allExcluded = true;
  // Bonus items (bonus kind "items"): their category is scored like any other, then added as the bonus.
  const bonusCategory = rubric.bonus.kind === 'items' ? rubric.bonus.category : null;
  let bonusItems: Rational | null = null;
  const totals = new Map<string, CategoryTotals>(); // per category, for weighted blocks
  let groups: UnitScore['groups'];
  for (const cat of rubric.categories) {
    let catScores: Rational[] = [];
    const catMaxima: Rational[] = [];
    let catComplete = true;
    const counted = new Map<string, Rational | null>(); // for three levels (cat.groups)
    for (const ind of cat.indicators) {
      const item = scoreItem(rubric, ind, unit, inputs[ind.id] ?? {}, problems, readings, averages);
      items[ind.id] = item.result;
      if (carried(ind)) {
        filled += item.filled;
        expected += ind.fields.length;
      }
      if (item.result.status === 'excluded') continue;
      allExcluded = false;
      counted.set(ind.id, item.score);
      if (item.score === null) catComplete = false;
      else catScores.push(item.score);
      if (item.max !== null) catMaxima.push(item.max);
    }
    if (cat.groups) {
      // Three levels: the category adds its 考核指标 subtotals (each at most its points), not its 子项.
      const levels = categoryLevels(cat, counted);
      groups = { ...groups, ...levels.groups };
      if (levels.parts !== null) catScores = levels.parts;
      catMaxima.splice(0, catMaxima.length, ...categoryPartsPoints(cat).map((p) => exact(p ?? 0)));
    }
    if (!catComplete) complete = false;
    totals.set(cat.id, { scores: catScores, maxima: catMaxima });
    if (cat.id === bonusCategory) bonusItems = catComplete ? sum(catScores) : null;
    else {
      scores.push(...catScores);
      maxima.push(...catMaxima);
    }
    const score = catComplete ? toNumber(sum(catScores)) : null;
    categories[cat.id] = { score, max: cat.points ?? (catComplete ? toNumber(sum(catMaxima)) : null) };
  }
  if (problems.hasError) complete = false;

  const decimals = rubric.rounding.decimals;
  let base: Rational | null = null;
  let normalisation: UnitScore['normalisation'];
  const agg = rubric.aggregation;
  if (complete && agg.mode === 'sum') base = sum(scores);
  if (complete && agg.mode === 'deduct_from_base') {
    // 100 less what every item lost, never below 0.
    const lost = sum(maxima).sub(sum(scores));
    base = exact(agg.base).sub(lost);
    if (base.n < 0) base = ZERO;
  }
  if (complete && agg.mode === 'normalised') {
    // x / y × 100: x the points earned, y the points of the items the unit carries (朝阳).
    const x = sum(scores);
    const y = sum(maxima);
    normalisation = { x: toNumber(x, 4), y: toNumber(y, 4) };
    if (y.n === 0) {
      // Kept as { x: 0, y: 0 } (not null, which means "incomplete"): the ranking leaves such a unit
      // out for good, while an incomplete one makes the ranks provisional.
      const why = unit.notApplicable?.length && allExcluded ? '所有指标均不涉及' : '所承担项目的分值合计为 0';
      problems.add('warning', `${unit.name}：${why}（y = 0），无法计算得分，不参加排名，请考核组决定`);
    } else {
      base = x.mul(exact(agg.scale)).div(y);
      // A unit that carries every item has the whole annex as y: its points total the full marks.
      if (!unit.notApplicable?.length && !y.equals(exact(rubric.fullMarks)))
        problems.add(
          'warning',
          `${unit.name}：承担全部项目，但各项「本项分值」合计 ${toText(y, 4)} 分，不等于总分值 ${rubric.fullMarks} 分，请核对各项分值`,
        );
    }
  }
  let blocks: UnitScore['blocks'];
  if (complete && agg.mode === 'blocks') {
    const combined = combineBlocks(agg, totals, decimals);
    base = combined.base;
    blocks = { list: combined.blocks, text: combined.text };
    if (base === null) problems.add('warning', `${unit.name}：${combined.text}，不参加排名，请考核组决定`);
  }
  if (base !== null) base = roundHalfUp(base, decimals);

  const bonus = readBonus(rubric, unit, problems, bonusItems);
  const bonusValue = 'invalid' in bonus ? null : bonus;
  if (problems.hasError) base = null;
  const veto = vetoOf(rubric, items);
  // 一票否决 with a total of 0: base and final are 0 whatever the points and the bonus (the items keep theirs).
  if (veto?.result === 'zero' && base !== null) base = ZERO;
  let final = base === null || bonusValue === null ? null : roundHalfUp(base.add(bonusValue), decimals);
  if (veto?.result === 'zero' && final !== null) final = ZERO;
  const number = (x: Rational | null) => (x === null ? null : toNumber(x, decimals));

  const result: UnitScore = {
    name: unit.name,
    group: unit.group ?? rubric.ranking.groups[0].id,
    items,
    categories,
    base: number(base),
    bonus: number(bonusValue),
    final: number(final),
    // A failing veto is the unit's result whatever its points (不合格 / 不通过), once its score stands.
    band: veto?.result === 'fail' && final !== null ? veto.label : bandFor(rubric, rubric.bands?.basis === 'base' ? base : final),
    complete: complete && base !== null,
    filled,
    expected,
    fraud: isFraud(unit),
    problems: problems.list,
    normalisation: agg.mode === 'normalised' ? (normalisation ?? null) : undefined,
  };
  if (groups) result.groups = groups;
  if (rubric.outerScale) {
    const { max } = rubric.outerScale;
    result.scaled = final === null ? null : toNumber(roundHalfUp(final.mul(exact(max)).div(exact(rubric.fullMarks)), decimals), decimals);
  }
  if ('invalid' in bonus) result.bonusProblem = bonus.invalid;
  if (veto) result.veto = veto;
  if (blocks) result.blocks = blocks;
  return result;
}

/**
 * The vetoes (一票否决) that hold, as the unit's result: a total of 0 when any says so, else the
 * method's word for a failed unit (the first veto's 不合格 / 不通过); and the sentence that says why.
 */
function vetoOf(rubric: Rubric, items: Record<string, ItemScore>): UnitScore['veto'] {
  const held = rubric.categories.flatMap((c) => c.indicators).filter((ind) => items[ind.id]?.vetoed === true);
  if (held.length === 0) return undefined;
  const rules = held.map((ind) => ind.rule as VetoRule);
  const zero = rules.some((r) => r.result === 'zero');
  const label = zero ? '总分计 0 分' : vetoOutcome(rules[0]);
  const what = held.map((ind, i) => `${ind.number} ${rules[i].label}`).join('；');
  return { result: zero ? 'zero' : 'fail', label, text: `一票否决（${what}）：${label}` };
}
