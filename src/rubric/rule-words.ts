/**
 * A rubric's settings in words: each rule, field, condition and annex setting becomes a short list
 * of labelled Chinese phrases (「档次」: ≥90%:5、≥60%:3、<60%:0). The rubric diff compares these
 * lists, so that a change reads as the office would say it (「档次由 ≥90%:5 改为 ≥95%:5」) rather than
 * as JSON. Pure; nothing here evaluates anything.
 */
import type { Band, Bonus, Condition, Field, PartRule, RankGroup, RatioOf, Rubric, Rule } from './schema';

/** Labelled phrases, in reading order: [label, values]. A list value (档次) keeps one phrase per entry. */
export type Words = [label: string, values: string[]][];

export const RULE_KIND_NAMES: Record<Rule['kind'], string> = {
  bool: '是否得分',
  levels: '按选项得分',
  count: '按数量得分',
  ratio: '按比例得分',
  tiers: '分档得分',
  checklist: '要素清单扣分',
  deduct_if: '条件扣分',
  step_deduct: '按差距扣分',
  per_occurrence: '按次扣分',
  manual: '人工评分',
  composite: '多项合计',
  veto: '一票否决',
  monthly: '按月考核',
};

const FIELD_TYPE_NAMES: Record<Field['type'], string> = {
  yesno: '是/否',
  count: '数量',
  number: '数值',
  percent: '百分比',
  choice: '选项',
  score: '评分',
};

const num = (n: number | string | null | undefined): string => (n === null || n === undefined ? '（无）' : String(n));

/** A field by its label when the indicator has it (the office knows labels, not ids). */
export function fieldName(id: string, fields: readonly Field[]): string {
  const f = fields.find((x) => x.id === id);
  return f ? `「${f.label}」` : `「${id}」`;
}

export function fieldWords(f: Field): string {
  const extra: string[] = [];
  if (f.type === 'count' || f.type === 'number') {
    if (f.unit) extra.push(`单位 ${f.unit}`);
    if (f.type === 'number' && f.min !== undefined) extra.push(`最小 ${f.min}`);
    if (f.max !== undefined) extra.push(`最大 ${f.max}`);
  }
  if (f.type === 'percent') {
    extra.push(f.bare === 'fraction' ? '不带 % 的数按小数读' : '不带 % 的数按百分数读');
    if (f.smallValues) extra.push('允许小于 1%');
  }
  if (f.type === 'choice') extra.push(`选项 ${f.options.join('/')}`);
  if (f.type === 'score' && f.step !== undefined) extra.push(`最小步长 ${f.step}`);
  if (f.hint) extra.push(`提示「${f.hint}」`);
  return `${FIELD_TYPE_NAMES[f.type]}${extra.length ? `，${extra.join('，')}` : ''}`;
}

export function ratioWords(r: RatioOf, fields: readonly Field[]): string {
  const zero = { zero: '分母为 0 按 0 计', full: '分母为 0 按 100% 计', invalid: '分母为 0 是填报错误' }[r.whenDenominatorZero];
  const above = r.whenAbove === 'invalid' ? '分子大于分母是填报错误' : '超过 100% 按 100% 计';
  return `${fieldName(r.numerator, fields)}÷${fieldName(r.denominator, fields)}（${zero}，${above}）`;
}

const OPS: Record<string, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '==': '=' };

export function conditionWords(c: Condition, fields: readonly Field[]): string {
  if ('is' in c) return `${fieldName(c.field, fields)}为${c.is ? '是' : '否'}`;
  if ('oneOf' in c) return `${fieldName(c.field, fields)}为 ${c.oneOf.join('/')}`;
  if ('any' in c) return c.any.map((x) => conditionWords(x, fields)).join(' 或 ');
  if ('all' in c) return c.all.map((x) => conditionWords(x, fields)).join(' 且 ');
  if ('ratio' in c) return `${ratioWords(c.ratio, fields)} ${OPS[c.op]} ${c.value}%`;
  return `${fieldName(c.field, fields)} ${OPS[c.op]} ${c.value}`;
}

type Tier = Extract<Rule, { kind: 'tiers' }>['tiers'][number];

function tierWords(t: Tier, unit: string): string {
  const lo = t.min === undefined ? '' : `${t.minInclusive ? '≥' : '>'}${t.min}${unit}`;
  const hi = t.max === undefined ? '' : `${t.maxInclusive ? '≤' : '<'}${t.max}${unit}`;
  const range = lo && hi ? `${lo}且${hi}` : lo || hi || '任意';
  return `${range}:${t.points}${t.label ? `（${t.label}）` : ''}`;
}

const ROUNDING_NAMES = { floor: '不足一档不扣', ceil: '不足一档按一档扣', prorata: '按比例扣' };

/** The rule's settings as labelled phrases; parts of a composite are prefixed 第 n 部分. */
export function ruleWords(rule: Rule | PartRule, fields: readonly Field[]): Words {
  const w: Words = [['方式', [RULE_KIND_NAMES[rule.kind]]]];
  const f = (id: string) => fieldName(id, fields);
  switch (rule.kind) {
    case 'bool':
      w.push(['填报项', [f(rule.field)]], ['分值', [num(rule.points)]]);
      break;
    case 'levels':
      w.push(
        ['填报项', [f(rule.field)]],
        ['选项分值', rule.levels.map((l) => `${l.option}:${l.points}${l.ratio ? `×${ratioWords(l.ratio, fields)}` : ''}`)],
      );
      break;
    case 'count':
      w.push(['填报项', [f(rule.field)]], ['每个得分', [num(rule.rate)]], ['上限', [rule.cap === undefined ? '本项分值' : num(rule.cap)]]);
      break;
    case 'ratio':
      w.push(['分值', [num(rule.points)]], ['比例', [ratioWords(rule.ratio, fields)]]);
      break;
    case 'tiers': {
      const percent = rule.ratio !== undefined || fields.find((x) => x.id === rule.field)?.type === 'percent';
      w.push(
        ['依据', [rule.ratio ? ratioWords(rule.ratio, fields) : f(rule.field ?? '')]],
        ['档次', rule.tiers.map((t) => tierWords(t, percent ? '%' : ''))],
      );
      break;
    }
    case 'checklist':
      w.push(['要素', rule.elements.map(f)], ['每缺一项扣', [num(rule.perMissing)]], ['全缺不得分', [rule.zeroIfAllMissing ? '是' : '否']]);
      break;
    case 'deduct_if':
      w.push(['扣分条件', rule.conditions.map((c) => `${c.label}（${conditionWords(c.when, fields)}）扣 ${c.deduct}`)]);
      break;
    case 'step_deduct':
      w.push(
        ['填报项', [f(rule.field)]],
        ['不扣分线', [num(rule.threshold)]],
        ['每差', [num(rule.step)]],
        ['每档扣', [num(rule.perStep)]],
        ['不足一档', [ROUNDING_NAMES[rule.rounding]]],
        ['免扣条件', [rule.exemptIf ? `${f(rule.exemptIf)}为是` : '（无）']],
      );
      break;
    case 'per_occurrence':
      w.push(['填报项', [f(rule.field)]], ['基础分', [num(rule.base)]], ['每次扣', [num(rule.perOccurrence)]]);
      break;
    case 'manual':
      w.push(['填报项', [f(rule.field)]], ['最低分', [num(rule.min)]], ['最高分', [rule.maxField ? f(rule.maxField) : '本项分值']]);
      break;
    case 'composite':
      w.push(['合计上限', [rule.cap === undefined ? '本项分值' : num(rule.cap)]]);
      rule.parts.forEach((p, i) => {
        for (const [label, values] of ruleWords(p, fields)) w.push([`第${i + 1}部分${label}`, values]);
      });
      // One phrase per deduction part: a part added, removed or changed reads as one line.
      if (rule.deductions) w.push(['扣分部分', rule.deductions.map((p) => deductionWords(p, fields))]);
      break;
    case 'monthly':
      w.push(
        ['月份', [monthsWords(rule.months, fields)]],
        ['年度得分', [rule.combine === 'average' ? '已考核月份的平均分' : '各月得分之和']],
        ['每月最高分', [rule.monthMax === undefined ? '本项分值' : num(rule.monthMax)]],
      );
      break;
    case 'veto':
      w.push(
        ['否决事项', [rule.label]],
        ['条件', [conditionWords(rule.when, fields)]],
        ['结果', [rule.result === 'zero' ? '总分为 0' : `评为${rule.resultLabel ?? '不合格'}`]],
      );
      return w;
  }
  if ('max' in rule) w.push(['最高分', [num(rule.max)]]);
  if (rule.label !== undefined) w.push(['名称', [rule.label]]);
  if (rule.zeroIf) w.push(['不得分条件', [`${rule.zeroIfLabel ?? ''}（${conditionWords(rule.zeroIf, fields)}）`]]);
  return w;
}

/** 「少转发信息数」每个扣 0.1 分: a composite's deduction part as the method says it. */
export function deductionWords(p: PartRule, fields: readonly Field[]): string {
  if (p.kind === 'count')
    return `${fieldName(p.field, fields)}每个扣 ${num(p.rate)} 分${p.cap === undefined ? '' : `，最多扣 ${num(p.cap)} 分`}`;
  return `扣 ${wordsLine(ruleWords(p, fields))} 的得分`;
}

/** 12 个月（「1月」至「12月」）: the months in one phrase, so that a month more or less is one change. */
function monthsWords(months: readonly string[], fields: readonly Field[]): string {
  const first = fieldName(months[0], fields);
  const last = fieldName(months[months.length - 1], fields);
  return `${months.length} 个月（${first}至${last}）`;
}

/** One line: 分档得分，依据…，档次 … (the whole rule, for a rule whose kind changed). */
export function wordsLine(w: Words): string {
  return w.map(([label, values], i) => (i === 0 ? values.join('、') : `${label} ${values.join('、')}`)).join('，');
}

/** The bonus settings without its 标准 text (compared as text, with an excerpt). */
export function bonusWords(b: Bonus, rubric: Rubric): Words {
  switch (b.kind) {
    case 'none':
      return [['方式', ['无加分']]];
    case 'manual':
      return [
        ['方式', ['人工填写加分']],
        ['名称', [b.label]],
        ['上限', [b.max === null ? '不设上限' : num(b.max)]],
      ];
    case 'tiers':
      return [
        ['方式', ['按档次加分']],
        ['名称', [b.label]],
        ['档次', b.tiers.map((t) => `${t.label}:${t.points}`)],
      ];
    case 'items': {
      const cat = rubric.categories.find((c) => c.id === b.category);
      return [
        ['方式', ['加分项目']],
        ['名称', [b.label]],
        ['类别', [cat ? `${cat.number}「${cat.name}」` : b.category]],
        ['上限', [b.max === null ? '不设上限' : num(b.max)]],
      ];
    }
  }
}

export function bandWords(b: Band): string {
  return b.min === null ? `${b.label}（以下）` : `${b.label} ${b.minInclusive ? '≥' : '>'}${b.min}`;
}

export function rankGroupWords(g: RankGroup): Words {
  return [
    ['名称', [g.label]],
    ['表彰', g.honours.length ? g.honours.map((h) => `${h.label} 前 ${h.top} 名`) : ['（无）']],
    ['通报', g.criticism.length ? g.criticism.map((c) => `${c.label} 后 ${c.bottom} 名`) : ['（无）']],
  ];
}
