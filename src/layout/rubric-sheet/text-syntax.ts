/**
 * The plain Chinese texts of the definition sheet's cells, both ways: 输入项 lines, conditions
 * (「adjust 否」「n ≥ 3 或 m 是」), 档次表 (「≥90%:5；≥80%:3；其他:0」), 等级 (「优秀:5；良好:3」),
 * 比率 (「合规数/应报数；分母为0=报错」), 扣分条件 lines and key=value lists. Each parser throws a
 * CellProblem (message + fix in Chinese) that the reader pins to the cell; nothing is evaluated.
 */
import type { Condition, Field, RatioOf } from '../../rubric/schema';
import type { SheetCellValue } from './types';

export class CellProblem extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = 'CellProblem';
  }
}

/** Items of a list cell: separated by 「；」「;」 or line breaks, blanks dropped. */
export const splitItems = (s: string): string[] =>
  s
    .split(/[；;\n\r]+/)
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** Lines of a multi-line cell, blanks dropped. */
export const splitLines = (s: string): string[] =>
  s
    .split(/[\n\r]+/)
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** Parts of a line separated by 「｜」 or 「|」, trimmed (empty parts kept: position matters). */
export const splitBars = (s: string): string[] => s.split(/[｜|]/).map((x) => x.trim());

/** Words separated by 「、」 or 「,」 / 「，」. */
export const splitWords = (s: string): string[] =>
  s
    .split(/[、,，]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');

const FULL_WIDTH_DIGITS = /[０-９．－]/g;
const halfWidth = (s: string) => s.replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** A number written in a cell or in a text ("2.5", "２.５", 2.5). */
export function parseNumber(v: SheetCellValue | string, what: string): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const s = halfWidth(String(v ?? '').trim()).replace(/分$/, '');
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  throw new CellProblem(`${what}「${String(v ?? '')}」不是数字。`, `写成数字，如 2 或 2.5。`);
}

/** Points per thing counted: a number, or an exact fraction "1/12" (kept as text, checked at load). */
export function parseRate(v: SheetCellValue, what: string): number | string {
  const s = halfWidth(String(v ?? '').trim());
  if (/^\d+\s*\/\s*\d+$/.test(s)) return s.replace(/\s+/g, '');
  return parseNumber(v, what);
}

export const formatNumber = (x: number): string => String(x);

// ---------------------------------------------------------------- key=value lists

/** 「单位=篇；最多=12」 → entries, in order. */
export function parseKeyValues(parts: string[], where: string): [string, string][] {
  return parts.map((p) => {
    const m = /^([^=＝]+)[=＝](.*)$/.exec(p);
    if (!m) throw new CellProblem(`${where}中的「${p}」不是「名称=值」的写法。`, '写成如「单位=篇」，多个之间用「｜」分隔。');
    return [m[1].trim(), m[2].trim()];
  });
}

// ---------------------------------------------------------------- 输入项

export const FIELD_TYPE_NAMES: Record<Field['type'], string> = {
  yesno: '是否',
  count: '个数',
  number: '数值',
  percent: '百分比',
  choice: '选项',
  score: '得分',
};
const FIELD_TYPES = Object.fromEntries(Object.entries(FIELD_TYPE_NAMES).map(([k, v]) => [v, k])) as Record<string, Field['type']>;

/** One field per line: 「标识｜标签｜类型｜参数=值…」, e.g. 「n｜转发条数｜个数｜单位=条｜最多=12」. */
export function formatFields(fields: readonly Field[]): string {
  return fields.map(formatField).join('\n');
}

function formatField(f: Field): string {
  const parts = [f.id, f.label, FIELD_TYPE_NAMES[f.type]];
  const add = (k: string, v: string | number | undefined) => {
    if (v !== undefined) parts.push(`${k}=${v}`);
  };
  switch (f.type) {
    case 'count':
      add('单位', f.unit);
      add('最多', f.max);
      break;
    case 'number':
      add('单位', f.unit);
      add('最少', f.min);
      add('最多', f.max);
      break;
    case 'percent':
      if (f.bare === 'fraction') add('读法', '小数');
      if (f.smallValues !== undefined) add('小于1按百分点', f.smallValues ? '是' : '否');
      break;
    case 'choice':
      // 「、」 between options, or 「；」 when an option has a 「、」 of its own (亳州: 以县、区政府名义…).
      add('选项', f.options.join(f.options.some((o) => /[、,，]/.test(o)) ? '；' : '、'));
      break;
    case 'score':
      add('步长', f.step);
      break;
    default:
      break;
  }
  add('提示', f.hint);
  return parts.join('｜');
}

export function parseFields(text: string): unknown[] {
  return splitLines(text).map((line, i) => {
    const [id, label, typeName, ...rest] = splitBars(line);
    const where = `第 ${i + 1} 个输入项`;
    if (!id || !label || !typeName)
      throw new CellProblem(
        `${where}「${line}」不全。`,
        '每行写一个输入项：「标识｜标签｜类型」，类型为是否、个数、数值、百分比、选项、得分之一。',
      );
    const type = FIELD_TYPES[typeName];
    if (!type) throw new CellProblem(`${where}的类型「${typeName}」不认识。`, `类型写是否、个数、数值、百分比、选项、得分之一。`);
    const f: Record<string, unknown> = { id, label, type };
    for (const [k, v] of parseKeyValues(rest, where)) {
      const known: Record<string, () => void> = {
        单位: () => (f.unit = v),
        最多: () => (f.max = parseNumber(v, `${where}的最多`)),
        最少: () => (f.min = parseNumber(v, `${where}的最少`)),
        读法: () => (f.bare = v === '小数' ? 'fraction' : v === '百分数' ? 'percent' : badValue(where, k, v, '百分数、小数')),
        小于1按百分点: () => (f.smallValues = yesNo(v, `${where}的小于1按百分点`)),
        选项: () => (f.options = /[；;]/.test(v) ? splitItems(v) : splitWords(v)),
        步长: () => (f.step = parseNumber(v, `${where}的步长`)),
        提示: () => (f.hint = v),
      };
      if (!known[k])
        throw new CellProblem(`${where}的参数「${k}」不认识。`, '参数可写：单位、最多、最少、读法、小于1按百分点、选项、步长、提示。');
      known[k]();
    }
    return f;
  });
}

function badValue(where: string, k: string, v: string, allowed: string): never {
  throw new CellProblem(`${where}的${k}「${v}」不认识。`, `写${allowed}之一。`);
}

export function yesNo(v: SheetCellValue | string, what: string): boolean {
  if (v === true || v === false) return v;
  const s = String(v ?? '').trim();
  if (['是', '√', 'Y', 'y', 'TRUE', 'true'].includes(s)) return true;
  if (['否', '×', 'N', 'n', 'FALSE', 'false'].includes(s)) return false;
  throw new CellProblem(`${what}「${s}」应为是或否。`, '填「是」或「否」。');
}

// ---------------------------------------------------------------- conditions

const OP_TEXT: Record<string, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '==': '=' };
const OP_PARSE: Record<string, '<' | '<=' | '>' | '>=' | '=='> = {
  '<': '<',
  '＜': '<',
  '<=': '<=',
  '≤': '<=',
  '>': '>',
  '＞': '>',
  '>=': '>=',
  '≥': '>=',
  '=': '==',
  '==': '==',
  '＝': '==',
};

/** A condition in words: 「adjust 否」「n ≥ 3」「lvl 属于 差、较差」, joined by 「 或 」 or 「 且 」 (not both). */
export function formatCondition(c: Condition): string | null {
  if ('any' in c || 'all' in c) {
    const parts = 'any' in c ? c.any : c.all;
    const texts = parts.map((p) => ('any' in p || 'all' in p ? null : formatCondition(p)));
    if (texts.some((t) => t === null)) return null;
    return texts.join('any' in c ? ' 或 ' : ' 且 ');
  }
  if ('ratio' in c) return null;
  if ('is' in c) return `${c.field} ${c.is ? '是' : '否'}`;
  if ('oneOf' in c) return c.oneOf.some((o) => /[、,，]/.test(o)) ? null : `${c.field} 属于 ${c.oneOf.join('、')}`;
  return `${c.field} ${OP_TEXT[c.op]} ${formatNumber(c.value)}`;
}

export function parseCondition(text: string): Condition {
  const s = text.trim();
  const hasAny = / 或 /.test(s);
  const hasAll = / 且 /.test(s);
  if (hasAny && hasAll)
    throw new CellProblem(`条件「${s}」同时用了「或」和「且」。`, '一个条件里只用「或」或只用「且」；更复杂的条件写在高级设置中。');
  if (hasAny) return { any: s.split(/ 或 /).map(parseAtom) };
  if (hasAll) return { all: s.split(/ 且 /).map(parseAtom) };
  return parseAtom(s);
}

function parseAtom(text: string): Condition {
  const s = text.trim();
  let m = /^(\S+)\s*(是|否)$/.exec(s);
  if (m) return { field: m[1], is: m[2] === '是' };
  m = /^(\S+?)\s*属于\s*(.+)$/.exec(s);
  if (m) return { field: m[1], oneOf: splitWords(m[2]) };
  m = /^(\S+?)\s*(<=|>=|==|≤|≥|<|>|=|＜|＞|＝)\s*(\S+?)%?$/.exec(s);
  if (m) return { field: m[1], op: OP_PARSE[m[2]], value: parseNumber(m[3], `条件「${s}」中的数值`) };
  throw new CellProblem(
    `条件「${s}」看不懂。`,
    '写成「输入项标识 是」「输入项标识 否」「输入项标识 ≥ 数值」或「输入项标识 属于 选项1、选项2」，多个用「 或 」/「 且 」连接。',
  );
}

// ---------------------------------------------------------------- 档次表

export interface TierData {
  min?: number;
  minInclusive: boolean;
  max?: number;
  maxInclusive: boolean;
  points: number;
  label?: string;
}

/**
 * The upper bound a tier gets without writing one: the lower bound of the tier above it, so that
 * 「≥90%:5；≥80%:3；其他:0」 reads top-down as the document says (≥80 means 80 to under 90) and the
 * bands never overlap (validate.ts).
 */
function impliedMax(previous: TierData | undefined): Pick<TierData, 'max' | 'maxInclusive'> | null {
  if (!previous || previous.min === undefined) return null;
  return { max: previous.min, maxInclusive: !previous.minInclusive };
}

/** 「≥90%:5；≥80%:3（良）；其他:0」: bounds, colon, points, optional label in （）. */
export function formatTiers(tiers: readonly TierData[], percent: boolean): string {
  const pc = percent ? '%' : '';
  return tiers
    .map((t, i) => {
      const bounds: string[] = [];
      const implied = impliedMax(tiers[i - 1]);
      const writeMax = t.max !== undefined && !(implied && implied.max === t.max && implied.maxInclusive === t.maxInclusive);
      if (t.min !== undefined) bounds.push(`${t.minInclusive ? '≥' : '>'}${formatNumber(t.min)}${pc}`);
      if (writeMax) bounds.push(`${t.maxInclusive ? '≤' : '<'}${formatNumber(t.max!)}${pc}`);
      const label = t.label !== undefined ? `（${t.label}）` : '';
      return `${bounds.length ? bounds.join('且') : '其他'}:${formatNumber(t.points)}${label}`;
    })
    .join('；');
}

export function parseTiers(text: string): TierData[] {
  const tiers = splitItems(text).map((item) => {
    const m = /^(.+?)[:：]\s*([^（(]+?)\s*(?:[（(](.*)[）)])?$/.exec(item);
    if (!m) throw new CellProblem(`档次「${item}」缺少「:分值」。`, '每档写成「≥90%:5」，档与档之间用「；」分隔，最后一档可写「其他:0」。');
    const tier: TierData = { minInclusive: true, maxInclusive: false, points: parseNumber(m[2], `档次「${item}」的分值`) };
    if (m[3] !== undefined) tier.label = m[3];
    const bounds = m[1].trim();
    if (bounds !== '其他' && bounds !== '其余') {
      for (const b of bounds.split(/且|，|,/)) {
        const bm = /^(≥|>=|＞|>|≤|<=|＜|<)\s*(\S+?)\s*%?$/.exec(b.trim());
        if (!bm)
          throw new CellProblem(
            `档次「${item}」的界限「${b}」看不懂。`,
            '界限写成「≥90」「>90」「<60」「≤60」，两头都有时用「且」连接，如「≥80且<90」。',
          );
        const value = parseNumber(bm[2], `档次「${item}」的界限`);
        if (bm[1].startsWith('≥') || bm[1] === '>=' || bm[1] === '>' || bm[1] === '＞') {
          tier.min = value;
          tier.minInclusive = bm[1] === '≥' || bm[1] === '>=';
        } else {
          tier.max = value;
          tier.maxInclusive = bm[1] === '≤' || bm[1] === '<=';
        }
      }
    }
    return tier;
  });
  tiers.forEach((t, i) => {
    const implied = impliedMax(tiers[i - 1]);
    if (t.max === undefined && implied) Object.assign(t, implied);
  });
  return tiers;
}

/** 等级：「优秀:5；良好:3；一般:0」 (option, colon, points). */
export function formatLevels(levels: readonly { option: string; points: number }[]): string | null {
  if (levels.some((l) => /[；;:：\n]/.test(l.option))) return null;
  return levels.map((l) => `${l.option}:${formatNumber(l.points)}`).join('；');
}

export function parseLevels(text: string): { option: string; points: number }[] {
  return splitItems(text).map((item) => {
    const m = /^(.+)[:：]\s*(\S+)$/.exec(item);
    if (!m) throw new CellProblem(`等级「${item}」缺少「:分值」。`, '每个等级写成「选项:分值」，如「优秀:5」，用「；」分隔。');
    return { option: m[1].trim(), points: parseNumber(m[2], `等级「${item}」的分值`) };
  });
}

// ---------------------------------------------------------------- 比率

const ZERO_TEXT: Record<RatioOf['whenDenominatorZero'], string> = { zero: '记0', full: '记满', invalid: '报错' };
const ABOVE_TEXT: Record<RatioOf['whenAbove'], string> = { cap: '按100%', invalid: '报错' };

/** 「合规数/应报数；分母为0=报错；分子大于分母=按100%」. */
export function formatRatio(r: RatioOf): string {
  return `${r.numerator}/${r.denominator}；分母为0=${ZERO_TEXT[r.whenDenominatorZero]}；分子大于分母=${ABOVE_TEXT[r.whenAbove]}`;
}

export function parseRatio(text: string): RatioOf {
  const [head, ...rest] = splitItems(text);
  const m = /^(\S+?)\s*[/／]\s*(\S+)$/.exec(head ?? '');
  if (!m)
    throw new CellProblem(`比率「${text}」应以「分子标识/分母标识」开头。`, '写成「合规数/应报数；分母为0=报错；分子大于分母=按100%」。');
  const out: Record<string, unknown> = { numerator: m[1], denominator: m[2], whenAbove: 'cap' };
  for (const [k, v] of parseKeyValues(rest, '比率')) {
    if (k === '分母为0') out.whenDenominatorZero = reverse(ZERO_TEXT, v, '分母为0');
    else if (k === '分子大于分母') out.whenAbove = reverse(ABOVE_TEXT, v, '分子大于分母');
    else throw new CellProblem(`比率的「${k}」不认识。`, '只写「分母为0=…」和「分子大于分母=…」。');
  }
  if (out.whenDenominatorZero === undefined)
    throw new CellProblem('比率没有说分母为0时怎么办。', '加上「；分母为0=记0」「记满」或「报错」之一。');
  return out as unknown as RatioOf;
}

/** The key whose Chinese text is v, or a problem listing the choices. */
export function reverse<K extends string>(table: Record<K, string>, v: string, what: string): K {
  const hit = (Object.keys(table) as K[]).find((k) => table[k] === v);
  if (hit === undefined) throw new CellProblem(`${what}「${v}」不认识。`, `写${Object.values(table).join('、')}之一。`);
  return hit;
}
