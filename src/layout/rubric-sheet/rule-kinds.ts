/**
 * The one table of rule kinds the definition sheet writes in plain Chinese: kind ↔ Chinese name (the
 * 计分方式 list) ↔ parameter columns, with the writer and reader of those columns. A kind missing
 * here, or a rule a writer cannot say plainly (returns null), is written as JSON in 高级设置, so a
 * new kind of the schema is never lost; registering it here makes it plain.
 */
import type { Rule } from '../../rubric/schema';
import {
  CellProblem,
  formatCondition,
  formatLevels,
  formatNumber,
  formatRatio,
  formatTiers,
  parseCondition,
  parseKeyValues,
  parseLevels,
  parseNumber,
  parseRate,
  parseRatio,
  parseTiers,
  reverse,
  splitBars,
  splitItems,
  splitLines,
  splitWords,
} from './text-syntax';
import type { SheetCellValue } from './types';

/** The parameter columns shared by the kinds, with their headers. */
export const PARAM_HEADERS = {
  field: '计分字段',
  perItem: '每项分值',
  deduct: '每次扣分',
  base: '基础分',
  cap: '上限',
  table: '档次表',
  ratio: '比率',
  condition: '条件',
  label: '规则说明',
  result: '否决结果',
  zeroIf: '不得分条件',
} as const;

export type ParamKey = keyof typeof PARAM_HEADERS;
export type ParamCells = Partial<Record<ParamKey, SheetCellValue>>;

/** Reads one parameter cell; a problem is pinned to that cell and the value is undefined. */
export interface ParamReader {
  /** The cell's text, or undefined when blank. */
  text(key: ParamKey): string | undefined;
  /** Parses a non-blank cell; a blank required cell is a problem too. */
  parse<T>(key: ParamKey, parse: (text: string, raw: SheetCellValue) => T, required: boolean): T | undefined;
}

export interface RuleKindSpec {
  kind: Rule['kind'];
  /** Shown in the 计分方式 list. */
  name: string;
  /** One line for the 填写说明 sheet. */
  usage: string;
  params: ParamKey[];
  /** The parameter cells of a rule, or null when this rule cannot be said plainly (then 高级设置). */
  write(rule: Rule): ParamCells | null;
  /** The rule object (before the schema's defaults) from the parameter cells. */
  read(get: ParamReader): Record<string, unknown>;
}

/** Marks the 计分方式 of a rule kept as JSON in 高级设置. */
export const ADVANCED_KIND_NAME = '高级设置';

const num = (what: string) => (_: string, raw: SheetCellValue) => parseNumber(raw, what);
const rate = (what: string) => (_: string, raw: SheetCellValue) => parseRate(raw, what);
const idText = (t: string) => t.trim();
/** 「0.5」, 「1/12」 or with the thing counted: 「0.5分/项」. */
const ratePerUnit = (t: string, raw: SheetCellValue): { rate: number | string; unit?: string } => {
  const m = /^(.+?)分\s*[/／]\s*(\S+)$/.exec(t.trim());
  return m ? { rate: parseRate(m[1], '每项分值'), unit: m[2] } : { rate: parseRate(raw, '每项分值') };
};
const idList = (t: string) => splitWords(t);

const MONTHLY_COMBINE = { average: '平均', sum: '合计' } as const;
const STEP_ROUNDING = { floor: '整步', ceil: '不足一步按一步', prorata: '按比例' } as const;

export const RULE_KINDS: readonly RuleKindSpec[] = [
  {
    kind: 'bool',
    name: '做到即得分',
    usage: '计分字段写一个「是否」输入项的标识，每项分值写做到时的得分。',
    params: ['field', 'perItem'],
    write: (r) => (r.kind === 'bool' ? { field: r.field, perItem: r.points } : null),
    read: (g) => ({ kind: 'bool', field: g.parse('field', idText, true), points: g.parse('perItem', num('每项分值'), true) }),
  },
  {
    kind: 'count',
    name: '按个数计分',
    usage: '计分字段写一个「个数」输入项，每项分值写每个的分值（可写分数，如 1/12；可带单位，如 0.5分/项），上限可空（空=本项分值）。',
    params: ['field', 'perItem', 'cap'],
    write: (r) =>
      r.kind === 'count' ? { field: r.field, perItem: r.unit === undefined ? r.rate : `${r.rate}分/${r.unit}`, cap: r.cap ?? null } : null,
    read: (g) => ({
      kind: 'count',
      field: g.parse('field', idText, true),
      ...g.parse('perItem', ratePerUnit, true),
      cap: g.parse('cap', num('上限'), false),
    }),
  },
  {
    kind: 'ratio',
    name: '按比率计分',
    usage: '比率写「分子标识/分母标识；分母为0=记0|记满|报错；分子大于分母=按100%|报错」，每项分值写比率为100%时的得分。',
    params: ['perItem', 'ratio'],
    write: (r) => (r.kind === 'ratio' ? { perItem: r.points, ratio: formatRatio(r.ratio) } : null),
    read: (g) => ({ kind: 'ratio', points: g.parse('perItem', num('每项分值'), true), ratio: g.parse('ratio', parseRatio, true) }),
  },
  {
    kind: 'tiers',
    name: '分档计分',
    usage: '计分字段写被分档的输入项（或改写比率），档次表写「≥90%:5；≥80%:3；其他:0」，从高到低逐档比较。',
    params: ['field', 'ratio', 'table'],
    write: (r) =>
      r.kind === 'tiers'
        ? { field: r.field ?? null, ratio: r.ratio ? formatRatio(r.ratio) : null, table: formatTiers(r.tiers, true) }
        : null,
    read: (g) => ({
      kind: 'tiers',
      field: g.parse('field', idText, false),
      ratio: g.parse('ratio', parseRatio, false),
      tiers: g.parse('table', parseTiers, true),
    }),
  },
  {
    kind: 'levels',
    name: '按等级计分',
    usage: '计分字段写一个「选项」输入项，档次表写每个选项的得分：「优秀:5；良好:3；一般:0」。',
    params: ['field', 'table'],
    write: (r) => {
      if (r.kind !== 'levels' || r.levels.some((l) => l.ratio)) return null;
      const table = formatLevels(r.levels);
      return table === null ? null : { field: r.field, table };
    },
    read: (g) => ({ kind: 'levels', field: g.parse('field', idText, true), levels: g.parse('table', parseLevels, true) }),
  },
  {
    kind: 'checklist',
    name: '缺项扣分',
    usage: '计分字段写各要素的「是否」输入项标识，用「、」分隔；每次扣分写每缺一项扣的分；条件写「全缺不得分」表示全部缺失时得0分。',
    params: ['field', 'deduct', 'condition'],
    write: (r) =>
      r.kind === 'checklist'
        ? { field: r.elements.join('、'), deduct: r.perMissing, condition: r.zeroIfAllMissing ? '全缺不得分' : null }
        : null,
    read: (g) => ({
      kind: 'checklist',
      elements: g.parse('field', idList, true),
      perMissing: g.parse('deduct', num('每次扣分'), true),
      zeroIfAllMissing: g.parse(
        'condition',
        (t) => {
          if (t.trim() === '全缺不得分') return true;
          throw new CellProblem(`缺项扣分的条件「${t}」不认识。`, '只能写「全缺不得分」或留空。');
        },
        false,
      ),
    }),
  },
  {
    kind: 'deduct_if',
    name: '按条件扣分',
    usage: '档次表每行一个扣分条件：「条件｜扣分｜说明」，如「meeting 否｜2.5｜未召开信用工作会议」。',
    params: ['table'],
    write: (r) => {
      if (r.kind !== 'deduct_if') return null;
      const lines = r.conditions.map((c) => {
        const when = formatCondition(c.when);
        return when === null || /[｜|\n]/.test(c.label) ? null : `${when}｜${formatNumber(c.deduct)}｜${c.label}`;
      });
      return lines.some((l) => l === null) ? null : { table: lines.join('\n') };
    },
    read: (g) => ({
      kind: 'deduct_if',
      conditions: g.parse(
        'table',
        (t) =>
          splitLines(t).map((line) => {
            const [when, deduct, ...label] = splitBars(line);
            if (!when || !deduct || label.join('') === '')
              throw new CellProblem(`扣分条件「${line}」不全。`, '每行写「条件｜扣分｜说明」，如「meeting 否｜2.5｜未召开信用工作会议」。');
            return { when: parseCondition(when), deduct: parseNumber(deduct, `扣分条件「${line}」的扣分`), label: label.join('｜') };
          }),
        true,
      ),
    }),
  },
  {
    kind: 'step_deduct',
    name: '按差距扣分',
    usage:
      '计分字段写被比较的输入项；条件写「标准=80；每差=10；取整=整步|不足一步按一步|按比例」（可加「；免扣=是否输入项」）；每次扣分写每差一步扣的分。',
    params: ['field', 'deduct', 'condition'],
    write: (r) => {
      if (r.kind !== 'step_deduct') return null;
      const parts = [`标准=${formatNumber(r.threshold)}`, `每差=${formatNumber(r.step)}`, `取整=${STEP_ROUNDING[r.rounding]}`];
      if (r.exemptIf !== undefined) parts.push(`免扣=${r.exemptIf}`);
      return { field: r.field, deduct: r.perStep, condition: parts.join('；') };
    },
    read: (g) => {
      const out: Record<string, unknown> = {
        kind: 'step_deduct',
        field: g.parse('field', idText, true),
        perStep: g.parse('deduct', num('每次扣分'), true),
      };
      const params = g.parse('condition', (t) => parseKeyValues(splitItems(t), '条件'), true) ?? [];
      g.parse(
        'condition',
        () => {
          for (const [k, v] of params) {
            if (k === '标准') out.threshold = parseNumber(v, '标准');
            else if (k === '每差') out.step = parseNumber(v, '每差');
            else if (k === '取整') out.rounding = reverse(STEP_ROUNDING, v, '取整');
            else if (k === '免扣') out.exemptIf = v;
            else
              throw new CellProblem(`按差距扣分的条件「${k}」不认识。`, '写「标准=80；每差=10；取整=整步」，可加「；免扣=输入项标识」。');
          }
          if (out.threshold === undefined || out.step === undefined || out.rounding === undefined)
            throw new CellProblem('按差距扣分缺少标准、每差或取整。', '写「标准=80；每差=10；取整=整步」。');
          return true;
        },
        true,
      );
      return out;
    },
  },
  {
    kind: 'per_occurrence',
    name: '按次扣分',
    usage: '计分字段写一个「个数」输入项（发生次数），基础分写扣分前的分，每次扣分写每次扣的分。',
    params: ['field', 'base', 'deduct'],
    write: (r) => (r.kind === 'per_occurrence' ? { field: r.field, base: r.base, deduct: r.perOccurrence } : null),
    read: (g) => ({
      kind: 'per_occurrence',
      field: g.parse('field', idText, true),
      base: g.parse('base', num('基础分'), true),
      perOccurrence: g.parse('deduct', rate('每次扣分'), true),
    }),
  },
  {
    kind: 'manual',
    name: '考核组评分',
    usage: '计分字段写一个「得分」输入项，由考核组直接打分；上限可空（空=本项分值），或写一个「数值」输入项标识（分值由本办设定）。',
    params: ['field', 'cap'],
    write: (r) => (r.kind === 'manual' && r.min === 0 ? { field: r.field, cap: r.maxField ?? null } : null),
    read: (g) => ({ kind: 'manual', field: g.parse('field', idText, true), maxField: g.parse('cap', idText, false) }),
  },
  {
    kind: 'veto',
    name: '一票否决',
    usage:
      '条件写触发否决的情形，如「incident 是」；规则说明写否决事项；否决结果写「计0分」或结论（如「不通过」；留空为「不合格」）。本项分值填 0。',
    params: ['condition', 'label', 'result'],
    write: (r) => {
      if (r.kind !== 'veto') return null;
      const when = formatCondition(r.when);
      if (when === null) return null;
      if (r.result === 'fail' && r.resultLabel === '计0分') return null;
      return { condition: when, label: r.label, result: r.result === 'zero' ? '计0分' : (r.resultLabel ?? null) };
    },
    read: (g) => {
      const result = g.text('result') ?? '';
      return {
        kind: 'veto',
        when: g.parse('condition', parseCondition, true),
        label: g.parse('label', idText, true),
        ...(result === '计0分' ? { result: 'zero' } : result === '' ? { result: 'fail' } : { result: 'fail', resultLabel: result }),
      };
    },
  },
  {
    kind: 'monthly',
    name: '按月考核',
    usage:
      '计分字段写各月的「得分」输入项标识，按月份顺序用「、」分隔（如 m1、m2、…、m12）；条件写「年度得分=平均」（已考核月份的平均分）或「年度得分=合计」（各月相加，不超过本项分值），合计时须加「；每月最高分=0.5」，平均时可省（省略=本项分值）。',
    params: ['field', 'condition'],
    write: (r) => {
      if (r.kind !== 'monthly') return null;
      const parts = [`年度得分=${MONTHLY_COMBINE[r.combine]}`];
      if (r.monthMax !== undefined) parts.push(`每月最高分=${formatNumber(r.monthMax)}`);
      return { field: r.months.join('、'), condition: parts.join('；') };
    },
    read: (g) => {
      const out: Record<string, unknown> = { kind: 'monthly', months: g.parse('field', idList, true) };
      g.parse(
        'condition',
        (t) => {
          for (const [k, v] of parseKeyValues(splitItems(t), '条件')) {
            if (k === '年度得分') out.combine = reverse(MONTHLY_COMBINE, v, '年度得分');
            else if (k === '每月最高分') out.monthMax = parseNumber(v, '每月最高分');
            else throw new CellProblem(`按月考核的条件「${k}」不认识。`, '写「年度得分=平均」或「年度得分=合计；每月最高分=0.5」。');
          }
          if (out.combine === undefined) throw new CellProblem('按月考核缺少年度得分。', '写「年度得分=平均」或「年度得分=合计」。');
          return true;
        },
        true,
      );
      return out;
    },
  },
];

/**
 * 组合计分 (composite): the indicator row carries the cap; each part is a row of its own under it,
 * 层级「部分」, with its own 计分方式 and parameters (and 部分满分 for the parts that need one).
 * The parts are read by decode-row.ts (decodePartRow) and appended to `parts`.
 */
export const COMPOSITE_KIND: RuleKindSpec = {
  kind: 'composite',
  name: '组合计分',
  usage:
    '上限可空（空=本项分值）；其下每个部分占一行，层级写「部分」，各选计分方式并填参数，规则说明写部分名称；缺项扣分、按条件扣分、按差距扣分、考核组评分的部分在「部分满分」写该部分满分。',
  params: ['cap'],
  write: (r) => (r.kind === 'composite' ? { cap: r.cap ?? null } : null),
  read: (g) => ({ kind: 'composite', cap: g.parse('cap', num('上限'), false), parts: [] }),
};

/** Every kind with a plain form: the parts' kinds and 组合计分. */
export const ALL_KINDS: readonly RuleKindSpec[] = [...RULE_KINDS, COMPOSITE_KIND];

export const kindByName = (name: string) => ALL_KINDS.find((k) => k.name === name);
export const kindOf = (kind: string) => ALL_KINDS.find((k) => k.kind === kind);

/** 不得分条件 of a rule (its zeroIf gate): 「条件｜说明」. */
export function formatZeroIf(rule: Rule): string | null | undefined {
  if (rule.kind === 'veto' || rule.zeroIf === undefined) return rule.kind === 'veto' || rule.zeroIfLabel === undefined ? undefined : null;
  const when = formatCondition(rule.zeroIf);
  if (when === null) return null;
  return rule.zeroIfLabel !== undefined ? `${when}｜${rule.zeroIfLabel}` : when;
}

export function parseZeroIf(text: string): { zeroIf: unknown; zeroIfLabel?: string } {
  const [when, ...label] = splitBars(text);
  return label.length ? { zeroIf: parseCondition(when), zeroIfLabel: label.join('｜') } : { zeroIf: parseCondition(when) };
}
