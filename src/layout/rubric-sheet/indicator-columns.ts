/**
 * The columns of the 细则定义 sheet: the document's words first (层级 … 考核方式, then the
 * document's own extra columns from table.columns), then the scoring columns (输入项, 计分方式, the
 * parameter columns of rule-kinds.ts, 可得最高分, 附注, 高级设置). The reader finds columns by
 * header, so an office may reorder or drop optional ones; any other header is a document column.
 */
import type { Rubric } from '../../rubric/schema';
import { PARAM_HEADERS, type ParamKey } from './rule-kinds';

export type DocKey = 'level' | 'id' | 'number' | 'name' | 'points' | 'content' | 'criteria' | 'basis' | 'method';
export type ScoringKey = 'fields' | 'kind' | ParamKey | 'partMax' | 'attainableMax' | 'notes' | 'advanced';
export type ColumnKey = DocKey | ScoringKey | `extra:${string}`;

export interface IndicatorColumn {
  key: ColumnKey;
  header: string;
  width: number;
  /** Kept even when no row uses it. */
  always: boolean;
  prompt: string;
}

export const LEVEL_CATEGORY = '类别';
export const LEVEL_INDICATOR = '指标';
/** A part of a 组合计分 indicator: a row under the indicator row. */
export const LEVEL_PART = '部分';

const PARAM_PROMPTS: Record<ParamKey, string> = {
  field: '计分所用输入项的标识。',
  perItem: '每个（或做到时）的分值。',
  deduct: '每次（每缺一项、每差一步）扣的分。',
  base: '扣分前的分。',
  cap: '本规则最多得的分；空=本项分值。',
  table: '档次表，如「≥90%:5；≥80%:3；其他:0」；按条件扣分时每行「条件｜扣分｜说明」。',
  ratio: '「分子标识/分母标识；分母为0=记0|记满|报错；分子大于分母=按100%|报错」。',
  condition: '条件，如「incident 是」「n ≥ 3」。',
  label: '规则的简短说明，用于计分说明。',
  result: '一票否决的结果：计0分，或结论如「不通过」；留空为「不合格」。',
  zeroIf: '满足时本项得0分：「条件｜说明」。',
};

const DOC_COLUMNS: IndicatorColumn[] = [
  {
    key: 'level',
    header: '层级',
    width: 6,
    always: true,
    prompt: '类别行写「类别」，其下的指标行写「指标」；组合计分的各部分在指标行下，写「部分」。',
  },
  { key: 'id', header: '标识', width: 8, always: true, prompt: '全表唯一，如「一.1」；留空时用序号生成。' },
  { key: 'number', header: '序号', width: 6, always: true, prompt: '原文的序号，如「一」「1」。' },
  { key: 'name', header: '考核指标', width: 18, always: true, prompt: '类别名称或指标名称，照录原文。' },
  { key: 'points', header: '分值', width: 6, always: true, prompt: '原文的分值；原文未公布留空。' },
  { key: 'content', header: '考核内容', width: 30, always: true, prompt: '照录原文。' },
  { key: 'criteria', header: '评分标准', width: 36, always: true, prompt: '照录原文。' },
  { key: 'basis', header: '考核依据', width: 16, always: false, prompt: '原文有此列时照录。' },
  { key: 'method', header: '考核方式', width: 16, always: false, prompt: '原文有此列时照录。' },
];

const SCORING_COLUMNS: IndicatorColumn[] = [
  {
    key: 'fields',
    header: '输入项',
    width: 34,
    always: true,
    prompt: '每行一项：标识｜标签｜类型，类型为是否、个数、数值、百分比、选项、得分；可加｜单位=篇｜最多=12｜选项=甲、乙。',
  },
  { key: 'kind', header: '计分方式', width: 12, always: true, prompt: '从列表选择；见「填写说明」。' },
  ...(Object.entries(PARAM_HEADERS) as [ParamKey, string][]).map(([key, header]) => ({
    key,
    header,
    width: key === 'table' || key === 'condition' || key === 'ratio' ? 26 : key === 'field' || key === 'label' || key === 'zeroIf' ? 14 : 8,
    always: true,
    prompt: PARAM_PROMPTS[key],
  })),
  {
    key: 'partMax',
    header: '部分满分',
    width: 8,
    always: true,
    prompt: '组合计分的部分行：缺项扣分、按条件扣分、按差距扣分、考核组评分的部分写该部分的满分。',
  },
  { key: 'attainableMax', header: '可得最高分', width: 8, always: true, prompt: '规则最多只能得到低于分值的分数时填写。' },
  { key: 'notes', header: '附注', width: 8, always: true, prompt: '相关附注的标识，用「、」分隔（附注写在「附注」表）。' },
  { key: 'advanced', header: '高级设置', width: 30, always: true, prompt: 'JSON，覆盖本行其他列的同名内容；一般不必填写。' },
];

/** The headers of the document's own extra columns (table.columns with from "extra"), in order. */
export function extraHeaders(r: Rubric | null): string[] {
  const fromTable = (r?.table?.columns ?? []).filter((c) => c.from === 'extra').map((c) => c.header);
  const fromItems = (r?.categories ?? []).flatMap((c) => c.indicators.flatMap((i) => Object.keys(i.extra ?? {})));
  return [...new Set([...fromTable, ...fromItems])];
}

/** The columns written for a rubric (blank: the always-present ones). */
export function indicatorColumns(r: Rubric | null): IndicatorColumn[] {
  const items = (r?.categories ?? []).flatMap((c) => c.indicators);
  const used = (key: ColumnKey) =>
    (key === 'basis' && items.some((i) => i.basis !== undefined)) ||
    (key === 'method' && items.some((i) => i.method !== undefined)) ||
    (key === 'attainableMax' && items.some((i) => i.attainableMax !== undefined));
  const extras: IndicatorColumn[] = extraHeaders(r).map((h) => ({
    key: `extra:${h}`,
    header: h,
    width: 16,
    always: true,
    prompt: '原文本列，照录。',
  }));
  return [...DOC_COLUMNS.filter((c) => c.always || used(c.key)), ...extras, ...SCORING_COLUMNS.filter((c) => c.always || used(c.key))];
}

/** Every known header → its key (an unknown header is a document column: extra). */
export const KNOWN_HEADERS: ReadonlyMap<string, ColumnKey> = new Map(
  [...DOC_COLUMNS, ...SCORING_COLUMNS].map((c) => [c.header, c.key] as [string, ColumnKey]),
);
