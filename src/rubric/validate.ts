/**
 * Semantic checks a schema cannot express: unique ids, field references and their types, sums of
 * points, caps within the item maximum, tiers ordered and non-overlapping, bands covering the range,
 * declared attainable maxima. Every problem names the JSON path and says how to fix it.
 */
import type { Condition, Field, Indicator, PartRule, Rubric, Rule } from './schema';
import { attainableMax } from './attainable';
import { FRACTION, fractionParts, type Constant } from './fraction';
import { checkDeductions } from './deductions';
import { checkAverage, checkBlocks } from './blocks-checks';
import { checkSchemaVersion, versionTooNew } from './schema-version';
import { categoryPartsPoints, checkGroups } from './levels';
import { checkParameters, checkPointsParam } from './parameters';

export interface RubricIssue {
  /** JSON path in the file, e.g. `categories[2].indicators[1].rule.cap`. */
  path: string;
  /** What is wrong, in Chinese. */
  message: string;
  /** How to fix it, in Chinese. */
  fix: string;
}

type FieldType = Field['type'];

const TYPE_NAMES: Record<FieldType, string> = {
  yesno: '是否（yesno）',
  count: '个数（count）',
  number: '数值（number）',
  percent: '百分比（percent）',
  choice: '选项（choice）',
  score: '得分（score）',
};

/** Exact-enough comparison for rubric constants (points are multiples of 0.01 at most). */
const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const sum = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x, 0) * 1e6) / 1e6;

export function validateRubric(r: Rubric): RubricIssue[] {
  const issues: RubricIssue[] = [];
  const add = (path: string, message: string, fix: string) => issues.push({ path, message, fix });
  const tooNew = versionTooNew(r);
  if (tooNew) return [tooNew];

  const noteIds = new Set<string>();
  r.notes.forEach((n, i) => {
    if (noteIds.has(n.id)) add(`notes[${i}].id`, `说明编号「${n.id}」重复。`, '给每条说明一个不同的 id。');
    noteIds.add(n.id);
  });

  const categoryIds = new Set<string>();
  const indicatorIds = new Set<string>();
  const pointsKnown = r.categories.every((c) => c.points !== null);

  r.categories.forEach((cat, ci) => {
    const cp = `categories[${ci}]`;
    if (categoryIds.has(cat.id)) add(`${cp}.id`, `类别编号「${cat.id}」重复。`, '给每个类别一个不同的 id。');
    categoryIds.add(cat.id);

    cat.indicators.forEach((ind, ii) => {
      const ip = `${cp}.indicators[${ii}]`;
      if (indicatorIds.has(ind.id))
        add(`${ip}.id`, `指标编号「${ind.id}」在本细则中重复。`, '指标 id 在整个文件中必须唯一，例如「三.2」。');
      indicatorIds.add(ind.id);
      ind.notes.forEach((n, ni) => {
        if (!noteIds.has(n)) add(`${ip}.notes[${ni}]`, `引用的说明「${n}」不存在。`, `在 notes 中加入 id 为「${n}」的说明，或删除此引用。`);
      });
      checkIndicator(ind, ip, r, add);
    });

    if (cat.points !== null) {
      // Three levels: a 考核指标 counts for its own points (which cap its 子项).
      const items = categoryPartsPoints(cat);
      if (items.some((p) => p === null)) {
        add(`${cp}.points`, `类别「${cat.name}」有分值，但其中有指标未定分值。`, '给所有指标填写分值，或把类别分值设为 null。');
      } else {
        const s = sum(items as number[]);
        if (!near(s, cat.points))
          add(
            `${cp}.points`,
            `类别「${cat.number} ${cat.name}」分值 ${cat.points} 不等于其指标分值之和 ${s}。`,
            `核对原文：把类别分值改为 ${s}，或更正某个指标的分值。`,
          );
      }
    }
  });

  // The bonus items' category (bonus kind "items") is added as the bonus, not within the full marks.
  const bonusCategory = r.bonus.kind === 'items' ? r.bonus.category : null;
  if (bonusCategory !== null && !r.categories.some((c) => c.id === bonusCategory))
    add(
      'bonus.category',
      `加分项类别「${bonusCategory}」不存在。`,
      `改为加分项所在类别的 id：${r.categories.map((c) => c.id).join('、')}。`,
    );
  if (pointsKnown && r.aggregation.mode !== 'normalised' && r.aggregation.mode !== 'blocks') {
    const total = sum(r.categories.filter((c) => c.id !== bonusCategory).map((c) => c.points as number));
    if (!near(total, r.fullMarks))
      add('fullMarks', `各类别分值之和 ${total} 不等于满分 ${r.fullMarks}。`, `核对原文：满分应为 ${total}，或更正类别分值。`);
  }
  if (!pointsKnown && r.aggregation.mode !== 'normalised' && r.aggregation.mode !== 'blocks')
    add(
      'aggregation.mode',
      '分值未公布（null）的细则只能用归一化计分（normalised）。',
      '填写所有分值，或把 aggregation.mode 设为 normalised。',
    );
  if (r.aggregation.mode === 'deduct_from_base' && !near(r.aggregation.base, r.fullMarks))
    add('aggregation.base', `扣分制基础分 ${r.aggregation.base} 与满分 ${r.fullMarks} 不一致。`, '两者应相同（鹤岗：基础分 100）。');

  if (r.outerScale && r.fullMarks <= 0)
    add('outerScale', `满分为 ${r.fullMarks}，无法折合为 ${r.outerScale.max} 分。`, '先填写满分（fullMarks 大于 0），或删除 outerScale。');
  checkBands(r, add);
  checkParameters(r, add);
  checkGroups(r, add);
  checkRanking(r, add);
  checkTable(r, add);

  if (r.bonus.kind === 'tiers') {
    const labels = new Set<string>();
    r.bonus.tiers.forEach((t, i) => {
      if (labels.has(t.label)) add(`bonus.tiers[${i}].label`, `加分档次「${t.label}」重复。`, '每个档次名称唯一。');
      labels.add(t.label);
    });
  }
  if (r.notApplicable === 'exclude' && r.aggregation.mode !== 'normalised' && r.aggregation.mode !== 'blocks')
    add('notApplicable', '「不涉及则不计入 x 和 y」只适用于归一化计分。', '改为 not_allowed 或 full_points，或把计分方式改为 normalised。');
  checkBlocks(r, add);
  checkAverage(r, add);
  for (const v of checkSchemaVersion(r)) add(v.path, v.message, v.fix);
  return issues;
}

/** The document's own columns: unique headers, 扣分 only where scored by deduction, every extra cell declared. */
function checkTable(r: Rubric, add: AddFn) {
  const cols = r.table?.columns;
  const extras = new Set((cols ?? []).filter((c) => c.from === 'extra').map((c) => c.header));
  const seen = new Set<string>();
  (cols ?? []).forEach((c, i) => {
    if (seen.has(c.header)) add(`table.columns[${i}].header`, `表格列「${c.header}」重复。`, '每列的表头只写一次。');
    seen.add(c.header);
    if (c.from === 'deduction' && r.aggregation.mode !== 'deduct_from_base')
      add(`table.columns[${i}].from`, `「${c.header}」列显示扣分，但本细则不是扣分制。`, '删除此列，或改为文件中的其他列。');
    if ((c.withNumber || c.withPoints) && !['name', 'content'].includes(c.from))
      add(`table.columns[${i}]`, `「${c.header}」列的 withNumber / withPoints 只用于 name 或 content。`, '删除 withNumber / withPoints。');
  });
  r.categories.forEach((cat, ci) =>
    cat.indicators.forEach((ind, ii) => {
      for (const key of Object.keys(ind.extra ?? {}))
        if (!extras.has(key))
          add(
            `categories[${ci}].indicators[${ii}].extra.${key}`,
            `指标「${ind.id}」的「${key}」不是表格中声明的列。`,
            extras.size ? `改为已声明的列：${[...extras].join('、')}。` : `在 table.columns 中加入 {"header": "${key}", "from": "extra"}。`,
          );
    }),
  );
}

function checkIndicator(ind: Indicator, ip: string, r: Rubric, add: (p: string, m: string, f: string) => void) {
  const fields = new Map<string, Field>();
  ind.fields.forEach((f, fi) => {
    if (fields.has(f.id)) add(`${ip}.fields[${fi}].id`, `指标「${ind.id}」的输入项 id「${f.id}」重复。`, '每个输入项 id 在指标内唯一。');
    fields.set(f.id, f);
    if (f.type === 'percent' && f.smallValues && f.bare === 'fraction')
      add(
        `${ip}.fields[${fi}].smallValues`,
        `输入项「${f.id}」按小数读（bare: fraction），smallValues 不起作用。`,
        '删除 smallValues，或把 bare 改为 "percent"。',
      );
    if (f.type === 'choice') {
      const seen = new Set<string>();
      f.options.forEach((o, oi) => {
        if (seen.has(o)) add(`${ip}.fields[${fi}].options[${oi}]`, `选项「${o}」重复。`, '删除重复的选项。');
        seen.add(o);
      });
    }
  });
  const used = new Set<string>();
  const ref = (path: string, fieldId: string, allowed: FieldType[]) => {
    used.add(fieldId);
    const f = fields.get(fieldId);
    if (!f) {
      add(
        path,
        `指标「${ind.id}」没有 id 为「${fieldId}」的输入项。`,
        `在 fields 中加入「${fieldId}」，或改用已有的：${[...fields.keys()].join('、')}。`,
      );
      return undefined;
    }
    if (!allowed.includes(f.type))
      add(
        path,
        `输入项「${fieldId}」类型为 ${TYPE_NAMES[f.type]}，此处需要 ${allowed.map((t) => TYPE_NAMES[t]).join(' 或 ')}。`,
        '更改输入项类型，或引用另一个输入项。',
      );
    return f;
  };

  if (ind.points === null) {
    const usesMaxField = ind.rule.kind === 'manual' && ind.rule.maxField !== undefined;
    if (!usesMaxField && ind.pointsParam === undefined)
      add(
        `${ip}.points`,
        `指标「${ind.id}」分值为 null，但评分规则不是带 maxField 的 manual，也没有由参数设定分值（pointsParam）。`,
        '文件未公布分值时，用 "pointsParam" 引用信用办设定的参数（parameters），或用 {"kind":"manual","field":…,"maxField":…} 由考核单位录入分值。',
      );
  }
  checkPointsParam(ind, ip, r, add);
  const itemMax = ind.points ?? Infinity;
  checkRule(ind.rule, `${ip}.rule`, itemMax, ref, add, r);

  // Fields nobody reads are confusing input cells.
  ind.fields.forEach((f, fi) => {
    if (!used.has(f.id)) add(`${ip}.fields[${fi}]`, `输入项「${f.id}」未被评分规则使用。`, '删除它，或在规则中引用它。');
  });

  // A veto's points (0) are checked with its rule; it awards nothing by design.
  if (ind.points !== null && ind.rule.kind !== 'veto') {
    const reach = attainableMax(ind);
    if (reach !== null && reach < ind.points - 1e-9) {
      if (ind.attainableMax === undefined)
        add(
          `${ip}.attainableMax`,
          `指标「${ind.id}」印刷分值 ${ind.points}，但规则最多只能得 ${reach} 分。`,
          `加入 "attainableMax": ${reach} 并写一条说明（notes）解释差异。`,
        );
      else if (!near(ind.attainableMax, reach))
        add(`${ip}.attainableMax`, `声明的可得最高分 ${ind.attainableMax} 与规则计算的 ${reach} 不符。`, `改为 ${reach}。`);
    } else if (ind.attainableMax !== undefined && reach !== null && !near(ind.attainableMax, reach)) {
      add(
        `${ip}.attainableMax`,
        `声明的可得最高分 ${ind.attainableMax} 与规则计算的 ${reach} 不符。`,
        `删除 attainableMax（规则可得满分 ${ind.points}）。`,
      );
    }
    if (ind.attainableMax !== undefined && ind.notes.length === 0)
      add(`${ip}.notes`, `指标「${ind.id}」印刷分值与可得最高分不同，但没有说明。`, '写一条 notes 说明差异和采用的理解。');
  }
}

type RefFn = (path: string, fieldId: string, allowed: FieldType[]) => Field | undefined;
type AddFn = (p: string, m: string, f: string) => void;

function checkRule(rule: Rule | PartRule, rp: string, max: number, ref: RefFn, add: AddFn, r: Rubric) {
  if ('zeroIf' in rule && rule.zeroIf) checkCondition(rule.zeroIf, `${rp}.zeroIf`, ref, add);
  const over = (path: string, value: number, what: string) => {
    if (value > max + 1e-9) add(path, `${what} ${value} 超过本项最高分 ${max}。`, `改为不大于 ${max} 的数。`);
  };
  switch (rule.kind) {
    case 'bool':
      ref(`${rp}.field`, rule.field, ['yesno']);
      over(`${rp}.points`, rule.points, '分值');
      break;
    case 'levels': {
      const f = ref(`${rp}.field`, rule.field, ['choice']);
      const seen = new Set<string>();
      rule.levels.forEach((l, li) => {
        over(`${rp}.levels[${li}].points`, l.points, '档次分值');
        if (seen.has(l.option)) add(`${rp}.levels[${li}].option`, `档次「${l.option}」重复。`, '每个选项只对应一个档次。');
        seen.add(l.option);
        if (f && f.type === 'choice' && !f.options.includes(l.option))
          add(`${rp}.levels[${li}].option`, `档次「${l.option}」不是输入项「${f.id}」的选项。`, `选项应为：${f.options.join('、')}。`);
        if (l.ratio) {
          ref(`${rp}.levels[${li}].ratio.numerator`, l.ratio.numerator, ['count', 'number']);
          ref(`${rp}.levels[${li}].ratio.denominator`, l.ratio.denominator, ['count', 'number']);
        }
      });
      if (f && f.type === 'choice')
        f.options.forEach((o) => {
          if (!seen.has(o)) add(`${rp}.levels`, `选项「${o}」没有对应的档次。`, `为「${o}」加一个档次（得 0 分也要写明）。`);
        });
      break;
    }
    case 'count':
      checkFraction(rule.rate, `${rp}.rate`, add);
      ref(`${rp}.field`, rule.field, ['count']);
      if (rule.cap !== undefined) over(`${rp}.cap`, rule.cap, '上限');
      break;
    case 'ratio':
      ref(`${rp}.ratio.numerator`, rule.ratio.numerator, ['count', 'number']);
      ref(`${rp}.ratio.denominator`, rule.ratio.denominator, ['count', 'number']);
      over(`${rp}.points`, rule.points, '分值');
      break;
    case 'tiers': {
      rule.tiers.forEach((t, ti) => over(`${rp}.tiers[${ti}].points`, t.points, '档次分值'));
      if ((rule.field === undefined) === (rule.ratio === undefined))
        add(
          rp,
          '档次规则须有且只有一个取值来源：field（一个输入项）或 ratio（两个个数之比）。',
          '写 "field": "<输入项>"，或写 "ratio": {"numerator": …, "denominator": …, "whenDenominatorZero": …}，不要两者都写。',
        );
      const tf = rule.field === undefined ? undefined : ref(`${rp}.field`, rule.field, ['count', 'number', 'percent']);
      if (rule.ratio) {
        ref(`${rp}.ratio.numerator`, rule.ratio.numerator, ['count', 'number']);
        ref(`${rp}.ratio.denominator`, rule.ratio.denominator, ['count', 'number']);
      }
      checkTiers(rule.tiers, `${rp}.tiers`, add, tf?.type === 'count');
      break;
    }
    case 'checklist':
      rule.elements.forEach((e, ei) => ref(`${rp}.elements[${ei}]`, e, ['yesno']));
      break;
    case 'deduct_if':
      rule.conditions.forEach((c, ci) => checkCondition(c.when, `${rp}.conditions[${ci}].when`, ref, add));
      break;
    case 'step_deduct':
      ref(`${rp}.field`, rule.field, ['percent', 'number']);
      if (rule.exemptIf) ref(`${rp}.exemptIf`, rule.exemptIf, ['yesno']);
      break;
    case 'per_occurrence':
      checkFraction(rule.perOccurrence, `${rp}.perOccurrence`, add);
      ref(`${rp}.field`, rule.field, ['count']);
      over(`${rp}.base`, rule.base, '基础分');
      break;
    case 'manual':
      ref(`${rp}.field`, rule.field, ['score']);
      if (rule.maxField) ref(`${rp}.maxField`, rule.maxField, ['number']);
      break;
    case 'monthly':
      rule.months.forEach((m, mi) => ref(`${rp}.months[${mi}]`, m, ['score']));
      if (new Set(rule.months).size !== rule.months.length) add(`${rp}.months`, '月份输入项重复。', '每个月一个不同的得分输入项。');
      if (rule.combine === 'sum' && rule.monthMax === undefined)
        add(`${rp}.monthMax`, '按月合计（sum）须写明每月最高分 monthMax。', '加入 "monthMax"，如每月 0.5 分。');
      if (rule.monthMax !== undefined && rule.combine === 'average') over(`${rp}.monthMax`, rule.monthMax, '每月最高分');
      break;
    case 'veto':
      checkCondition(rule.when, `${rp}.when`, ref, add);
      if (max !== 0)
        add(
          rp.replace(/\.rule$/, '.points'),
          `一票否决项不计分，分值应为 0（现为 ${max}）。`,
          '把 points 改为 0；否决的后果由 result 规定（fail：不合格；zero：总分计 0）。',
        );
      if (rule.result === 'zero' && rule.resultLabel !== undefined)
        add(`${rp}.resultLabel`, '「总分计 0 分」的否决没有等次名称。', '删除 resultLabel，或把 result 改为 "fail"。');
      break;
    case 'composite':
      if (rule.cap !== undefined) over(`${rp}.cap`, rule.cap, '上限');
      rule.parts.forEach((p, pi) => {
        const partMax = 'max' in p && typeof p.max === 'number' ? p.max : (rule.cap ?? max);
        if ('max' in p && typeof p.max === 'number') over(`${rp}.parts[${pi}].max`, p.max, '分项最高分');
        checkRule(p, `${rp}.parts[${pi}]`, Math.min(partMax, rule.cap ?? max), ref, add, r);
      });
      checkDeductions(rule, rp, max, (p, path, m) => checkRule(p, path, m, ref, add, r), add);
      break;
  }
}

/** A constant written as text must be an exact fraction "n/d" of short integers with d > 0. */
function checkFraction(value: Constant, path: string, add: AddFn) {
  if (typeof value !== 'string' || fractionParts(value) !== null) return;
  const zero = FRACTION.test(value);
  add(
    path,
    zero ? `分数「${value}」的分母为 0。` : `「${value}」不是分数：分数写成「分子/分母」，分子、分母为不超过 6 位的整数。`,
    zero ? '改为分母大于 0 的分数，如 "1/12"。' : '写成如 "1/12" 的分数，或写成数字（不带引号），如 0.5。',
  );
}

function checkCondition(c: Condition, path: string, ref: RefFn, add: AddFn) {
  if ('any' in c) return c.any.forEach((x, i) => checkCondition(x, `${path}.any[${i}]`, ref, add));
  if ('all' in c) return c.all.forEach((x, i) => checkCondition(x, `${path}.all[${i}]`, ref, add));
  if ('ratio' in c) {
    ref(`${path}.ratio.numerator`, c.ratio.numerator, ['count', 'number']);
    ref(`${path}.ratio.denominator`, c.ratio.denominator, ['count', 'number']);
    return;
  }
  if ('is' in c) {
    ref(`${path}.field`, c.field, ['yesno']);
    return;
  }
  if ('oneOf' in c) {
    const f = ref(`${path}.field`, c.field, ['choice']);
    if (f && f.type === 'choice')
      c.oneOf.forEach((o, i) => {
        if (!f.options.includes(o))
          add(`${path}.oneOf[${i}]`, `「${o}」不是输入项「${f.id}」的选项。`, `选项应为：${f.options.join('、')}。`);
      });
    return;
  }
  ref(`${path}.field`, c.field, ['count', 'number', 'percent']);
}

interface TierLike {
  min?: number;
  minInclusive: boolean;
  max?: number;
  maxInclusive: boolean;
}

/** Tiers must not overlap and must cover [0, ∞) so every non-negative value lands in exactly one. */
function checkTiers(tiers: TierLike[], path: string, add: AddFn, integers: boolean) {
  if (integers) return checkIntegerTiers(tiers, path, add);
  // Values are never negative: a tier open downwards (or below 0) starts at 0 inclusive.
  const spans = tiers.map((t, i) => {
    const opensBelowZero = t.min === undefined || t.min < 0;
    return {
      i,
      lo: opensBelowZero ? 0 : (t.min as number),
      loIn: opensBelowZero ? true : t.minInclusive,
      hi: t.max ?? Infinity,
      hiIn: t.max === undefined ? false : t.maxInclusive,
    };
  });
  spans.forEach((s) => {
    if (s.lo > s.hi || (s.lo === s.hi && !(s.loIn && s.hiIn)))
      add(`${path}[${s.i}]`, `档次区间为空（下限 ${s.lo} 上限 ${s.hi}）。`, '检查 min / max 及是否含本数。');
  });
  spans.sort((a, b) => a.lo - b.lo || Number(b.loIn) - Number(a.loIn));
  let reached = 0; // every value below `reached` is covered
  let reachedIn = false; // whether `reached` itself is covered
  for (const s of spans) {
    if (s.lo < reached || (s.lo === reached && reachedIn && s.loIn)) {
      add(`${path}[${s.i}]`, `档次与其他档次重叠（从 ${s.lo} 起）。`, '按「以上含本数、以下不含本数」调整边界，使各档互不重叠。');
    } else if (s.lo > reached || (s.lo === reached && !reachedIn && !s.loIn)) {
      add(
        `${path}[${s.i}]`,
        `档次之间有空档：${reached} 附近的值不属于任何档次。`,
        '补一个档次或调整边界，使 0 及以上每个值都属于某一档。',
      );
    }
    if (s.hi > reached || (s.hi === reached && s.hiIn)) {
      reached = s.hi;
      reachedIn = s.hiIn;
    }
  }
  if (reached !== Infinity) add(path, `档次未覆盖 ${reached} 以上的值。`, '最后一档不写 max（无上限）。');
}

/** Counts are whole numbers: tiers 0, 1–19, 20–29, ≥30 cover them without gaps. */
function checkIntegerTiers(tiers: TierLike[], path: string, add: AddFn) {
  const spans = tiers
    .map((t, i) => ({
      i,
      lo: t.min === undefined || t.min < 0 ? 0 : t.minInclusive ? Math.ceil(t.min) : Math.floor(t.min) + 1,
      hi: t.max === undefined ? Infinity : t.maxInclusive ? Math.floor(t.max) : Math.ceil(t.max) - 1,
    }))
    .sort((a, b) => a.lo - b.lo);
  let next = 0; // smallest count not yet covered
  for (const s of spans) {
    if (s.lo > s.hi) add(`${path}[${s.i}]`, '档次不含任何整数。', '检查 min / max 及是否含本数。');
    else if (s.lo < next)
      add(`${path}[${s.i}]`, `档次与其他档次重叠（从 ${s.lo} 起）。`, '按「以上含本数、以下不含本数」调整边界，使各档互不重叠。');
    else if (s.lo > next) add(`${path}[${s.i}]`, `档次之间有空档：${next} 到 ${s.lo - 1} 不属于任何档次。`, '补一个档次或调整边界。');
    next = Math.max(next, s.hi + 1);
  }
  if (next !== Infinity) add(path, `档次未覆盖 ${next} 及以上的值。`, '最后一档不写 max（无上限）。');
}

function checkBands(r: Rubric, add: AddFn) {
  if (!r.bands) return;
  const list = r.bands.list;
  const labels = new Set<string>();
  list.forEach((b, i) => {
    if (labels.has(b.label)) add(`bands.list[${i}].label`, `等次「${b.label}」重复。`, '每个等次名称唯一。');
    labels.add(b.label);
    const last = i === list.length - 1;
    if (last && b.min !== null)
      add(`bands.list[${i}].min`, `最低等次「${b.label}」应覆盖其下所有分数。`, '把最后一个等次的 min 设为 null。');
    if (!last && b.min === null) add(`bands.list[${i}].min`, `只有最后一个等次可以不设下限。`, '填写下限，或把此等次移到最后。');
    if (i > 0 && b.min !== null && list[i - 1].min !== null && !(b.min < (list[i - 1].min as number)))
      add(`bands.list[${i}].min`, `等次须从高到低排列：${b.min} 不低于上一等次的 ${list[i - 1].min}。`, '按分数从高到低排列等次。');
  });
}

function checkRanking(r: Rubric, add: AddFn) {
  const ids = new Set<string>();
  r.ranking.groups.forEach((g, i) => {
    if (ids.has(g.id)) add(`ranking.groups[${i}].id`, `排名组「${g.id}」重复。`, '每个组 id 唯一。');
    ids.add(g.id);
  });
  r.defaultRoster?.forEach((u, i) => {
    if (!ids.has(u.group))
      add(`defaultRoster[${i}].group`, `单位「${u.name}」的组「${u.group}」不在 ranking.groups 中。`, `改为：${[...ids].join('、')}。`);
  });
  const names = new Set<string>();
  r.defaultRoster?.forEach((u, i) => {
    if (names.has(u.name)) add(`defaultRoster[${i}].name`, `单位「${u.name}」重复。`, '删除重复的单位。');
    names.add(u.name);
  });
}

export type { Condition };
