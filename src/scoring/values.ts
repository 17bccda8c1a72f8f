/**
 * Reading values as staff type them. Full-width digits and signs (８５％), "85%", "0.85" or "85"
 * for a percentage (per the field's declaration), a count with its measure word (7份, 7 份, 3个),
 * points with 分 where the field is in points, and the yes/no words of Chinese forms (是/否, 是的,
 * 有/无, 有的/没有, 已/未, √/×, ✓/✗, Y/N). A blank is "not filled" — never 0. Anything else,
 * including what could be read two ways ("1 2", "x"), is rejected with a reason in Chinese;
 * nothing here throws.
 */
import type { Field } from '../rubric/schema';
import { exact, exactOrNull, toText } from './exact';
import { parseDecimal, Rational } from './rational';

export type RawValue = string | number | boolean | null | undefined;

export type FieldValue = boolean | Rational | string;

export type Parsed = { status: 'ok'; value: FieldValue } | { status: 'blank' } | { status: 'invalid'; message: string };

const EXCEL_ERRORS = ['#DIV/0!', '#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#BUSY!'];

/** Full-width ASCII (！ to ～) and the ideographic space to their ASCII forms; minus signs and dashes to '-'. */
const FOLDABLE = /[\uFF01-\uFF5E\u3000\u2212\u2012-\u2014]/;

export function toHalfWidth(s: string): string {
  // Most typed values have nothing to fold: one test instead of three replacements.
  if (!FOLDABLE.test(s)) return s;
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[\u2212\u2012\u2013\u2014]/g, '-');
}

/** Yes/no answers, compared after folding to half width and upper case. */
const YES = new Set(['是', '是的', '有', '有的', '对', '已', '√', '✓', '✔', 'Y', 'YES', 'TRUE', '1']);
const NO = new Set(['否', '不是', '无', '没有', '错', '未', '×', '✗', '✘', 'N', 'NO', 'FALSE', '0']);
/**
 * A letter x is not read either way: × means 否 on a Chinese form and an X typed for it is
 * plausible, but many forms mark a ticked box with an X. Guessing would turn one of the two into
 * a silent wrong score, so the clerk is asked to say 是 or 否.
 */
const AMBIGUOUS_X = new Set(['X']);
/** The answers named in messages (all accepted). */
export const YES_NO_WORDS = '是、否、是的、不是、有、无、有的、没有、已、未、√、×、✓、✗、Y、N';

/**
 * Measure words a count may carry (7份, 3 个), besides the field's own unit. Only words that count
 * things: 天, 元 or 月 after a count are a different quantity and are refused.
 */
export const COUNT_WORDS: ReadonlySet<string> = new Set([
  '个',
  '份',
  '项',
  '次',
  '条',
  '篇',
  '件',
  '家',
  '人',
  '名',
  '户',
  '场',
  '期',
  '批',
  '本',
  '张',
  '所',
  '处',
  '起',
  '例',
  '套',
  '台',
  '座',
  '位',
  '种',
  '类',
  '轮',
  '封',
  '部',
]);

/** Larger values are typing errors in this domain, and would leave exact arithmetic's safe range. */
const MAX_ABS = 1e12;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** A number followed by a word of CJK characters: "7份", "7 份", "2分", "3.5 万元". */
const WITH_WORD = /^(.*?[\d.])\s*(\p{Script=Han}+)$/u;

function show(raw: RawValue): string {
  return typeof raw === 'string' ? raw.trim() : String(raw);
}

/** The unit words a field's numbers may carry (the empty set: a bare number only). */
function unitWords(field: Field): ReadonlySet<string> {
  switch (field.type) {
    case 'count':
      return field.unit ? new Set([field.unit, ...COUNT_WORDS]) : COUNT_WORDS;
    case 'number':
      // The bonus is read as a number field in 分 (scoring/unit.ts), so 「2分」 is 2.
      return field.unit ? new Set([field.unit]) : new Set();
    case 'score':
      return new Set(['分']);
    default:
      return new Set();
  }
}

/**
 * A decimal text (already folded and trimmed) as an exact number, or the reason it is not one.
 * Grouped thousands (1,234) are accepted; a space inside the digits is not (1 2 is not 12).
 */
function numberFromText(t: string, shown: string): Rational | Invalid {
  if (/\s/.test(t)) return new Invalid(`「${shown}」中间有空格：请只填一个数（如 12，不要写成 1 2）`);
  const n = NUMBER.test(t) ? parseDecimal(t) : GROUPED.test(t) ? parseDecimal(t.replace(/,/g, '')) : null;
  if (n === null) {
    // parseDecimal refuses more than 15 decimal places: digits nobody types, but say so.
    if (NUMBER.test(t)) return new Invalid(`「${shown}」小数位数过多`);
    return new Invalid(`「${shown}」不是数字`);
  }
  if (Math.abs(n.valueOf()) > MAX_ABS) return new Invalid(`「${shown}」数值过大（绝对值不能超过 ${MAX_ABS}，请核对位数）`);
  return n;
}

/** A number from a cell (read as Excel shows it, to 15 significant digits: exact.ts) or the reason. */
function numberFromCell(x: number): Rational | Invalid {
  if (!Number.isFinite(x)) return new Invalid(`「${String(x)}」不是数字`);
  if (Math.abs(x) > MAX_ABS) return new Invalid(`「${String(x)}」数值过大（绝对值不能超过 ${MAX_ABS}，请核对位数）`);
  return exactOrNull(x) ?? new Invalid(`「${String(x)}」小数位数过多`);
}

/** A typed number with the unit words the field allows ("7 份" in a count of 份), or the reason. */
function readNumber(field: Field, raw: string | number): Rational | Invalid {
  if (typeof raw === 'number') return numberFromCell(raw);
  const t = toHalfWidth(raw).trim();
  if (NUMBER.test(t)) return numberFromText(t, show(raw));
  const m = WITH_WORD.exec(t);
  if (m === null) return numberFromText(t, show(raw));
  const words = unitWords(field);
  if (!words.has(m[2])) {
    const allowed = field.type === 'count' && field.unit ? `本项以「${field.unit}」计，` : '';
    return new Invalid(`「${show(raw)}」的单位「${m[2]}」与本项不符：${allowed}只填数字`);
  }
  return numberFromText(m[1].trim(), show(raw));
}

/** A choice field's options by their folded text (made once per field: every unit picks one). */
const optionMaps = new WeakMap<Field, Map<string, string>>();
function optionsOf(field: Field & { type: 'choice' }): Map<string, string> {
  let m = optionMaps.get(field);
  if (m === undefined) {
    m = new Map();
    // The first option wins when two fold to the same text, as with find() over the list.
    for (const o of field.options) {
      const key = toHalfWidth(o).trim();
      if (!m.has(key)) m.set(key, o);
    }
    optionMaps.set(field, m);
  }
  return m;
}

/** A value the field cannot take, with the reason in Chinese. */
export class Invalid {
  constructor(readonly message: string) {}
}

/** The parse of a blank cell (one shared marker: blank is not a value). */
export const BLANK: unique symbol = Symbol('blank');

const PARSED_BLANK: Parsed = Object.freeze({ status: 'blank' });

export function parseFieldValue(field: Field, raw: RawValue): Parsed {
  const v = parseValue(field, raw);
  if (v === BLANK) return PARSED_BLANK;
  if (v instanceof Invalid) return { status: 'invalid', message: v.message };
  return { status: 'ok', value: v };
}

/** The value itself, BLANK, or an Invalid (parseFieldValue wraps it). */
function parseValue(field: Field, raw: RawValue): FieldValue | typeof BLANK | Invalid {
  if (raw === null || raw === undefined) return BLANK;
  // Files are shape-checked before they get here; a list or an object is still refused, not thrown on.
  if (typeof raw === 'object' || typeof raw === 'function' || typeof raw === 'symbol' || typeof raw === 'bigint')
    return new Invalid('应填写单个值（文字、数字或是/否），不是列表或对象');
  if (typeof raw === 'string') {
    const trimmed = toHalfWidth(raw).trim();
    if (trimmed === '') return BLANK;
    if (trimmed.startsWith('#') && EXCEL_ERRORS.includes(trimmed.toUpperCase()))
      return new Invalid(`单元格是错误值 ${trimmed}，请填写数值或文字`);
  }
  switch (field.type) {
    case 'yesno':
      return parseYesNo(raw);
    case 'count': {
      if (typeof raw === 'boolean') return new Invalid(`「${show(raw)}」不是个数`);
      const n = readNumber(field, raw);
      if (n instanceof Invalid) return n;
      if (n.s < 0) return new Invalid(`不能为负数（「${show(raw)}」）`);
      if (n.d !== 1) return new Invalid(`须为整数（「${show(raw)}」）`);
      if (field.max !== undefined && n.compare(exact(field.max)) > 0)
        return new Invalid(`不能大于 ${field.max}${field.unit ?? ''}（「${show(raw)}」）：本项最多 ${field.max}${field.unit ?? '个'}`);
      return n;
    }
    case 'number': {
      if (typeof raw === 'boolean') return new Invalid(`「${show(raw)}」不是数字`);
      const n = readNumber(field, raw);
      if (n instanceof Invalid) return n;
      const lo = field.min ?? 0;
      if (n.compare(exact(lo)) < 0) return new Invalid(`不能小于 ${lo}（「${show(raw)}」）`);
      if (field.max !== undefined && n.compare(exact(field.max)) > 0) return new Invalid(`不能大于 ${field.max}（「${show(raw)}」）`);
      return n;
    }
    case 'percent':
      return parsePercent(raw, field.bare, field.smallValues === true);
    case 'choice': {
      const options = optionsOf(field);
      const hit = options.get(typeof raw === 'string' ? raw : String(raw)) ?? options.get(toHalfWidth(String(raw)).trim());
      if (hit !== undefined) return hit;
      return new Invalid(`「${show(raw)}」不是可选项（可选：${field.options.join('、')}）`);
    }
    case 'score': {
      if (typeof raw === 'boolean') return new Invalid(`「${show(raw)}」不是分数`);
      const n = readNumber(field, raw);
      if (n instanceof Invalid) return n;
      if (n.s < 0) return new Invalid(`不能为负数（「${show(raw)}」）`);
      if (field.step !== undefined && n.div(exact(field.step)).d !== 1)
        return new Invalid(`须为 ${field.step} 的整数倍（「${show(raw)}」）`);
      return n;
    }
  }
}

function parseYesNo(raw: string | number | boolean): boolean | Invalid {
  if (typeof raw === 'boolean') return raw;
  // 是 and 否 as typed are most answers: looked up before any folding.
  if (YES.has(raw as string)) return true;
  if (NO.has(raw as string)) return false;
  const t = toHalfWidth(String(raw)).trim().toUpperCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  if (AMBIGUOUS_X.has(t)) return new Invalid(`「${show(raw)}」含义不明：× 表示否，但有的表格用 X 表示打勾；请填“是”或“否”`);
  return new Invalid(`「${show(raw)}」无法识别为是/否（可填：${YES_NO_WORDS}）`);
}

const ONE = new Rational(1, 1);
const HUNDRED = new Rational(100, 1);
const THOUSAND = new Rational(1000, 1);

/**
 * Percent values are returned in percent points (85 % → 85), within [0, 100]. "85%" and "85 %"
 * are always 85 %; a bare number is read per the field's declaration (85 or 0.85). A cell
 * formatted as percent arrives as its text "85%" (layout/binding.ts rawAt).
 *
 * A bare number above 0 and at most 1 read as percent points could be either magnitude (0.85:
 * 0.85 % typed as such, or 85 % typed as a fraction in a units file, pasted text or a cell not
 * formatted as percent). It is an error naming both readings, unless the field declares values
 * under 1 % real (smallValues: then it is percent points, as declared).
 */
function parsePercent(raw: string | number | boolean, bare: 'percent' | 'fraction', smallValues: boolean): Rational | Invalid {
  if (typeof raw === 'boolean') return new Invalid(`「${show(raw)}」不是百分比`);
  let value: Rational | Invalid;
  let withSign = false;
  if (typeof raw === 'string') {
    const t = toHalfWidth(raw).trim();
    withSign = t.endsWith('%');
    if (withSign) value = numberFromText(t.slice(0, -1).trim(), show(raw));
    else {
      const n = numberFromText(t, show(raw));
      value = n instanceof Invalid || bare === 'percent' ? n : n.mul(HUNDRED);
    }
  } else {
    const n = numberFromCell(raw);
    value = n instanceof Invalid || bare === 'percent' ? n : n.mul(HUNDRED);
  }
  if (value instanceof Invalid) return value.message.endsWith('不是数字') ? new Invalid(`「${show(raw)}」不是百分比`) : value;
  if (value.s < 0) return new Invalid(`不能为负数（「${show(raw)}」）`);
  if (!withSign && bare === 'percent' && !smallValues && value.n > 0 && value.compare(ONE) <= 0) {
    const small = toText(value, 6);
    const large = toText(value.mul(HUNDRED), 4);
    return new Invalid(`「${show(raw)}」可读作 ${small}% 或 ${large}%，两种读法相差百倍：请填写「${large}%」或「${small}%」`);
  }
  if (value.compare(HUNDRED) > 0) {
    // 85 typed into a percent-formatted cell by a program without Excel's percent entry is stored
    // as 85 and shows 8500 %: name the reading the clerk most likely meant.
    const meant = value.div(HUNDRED);
    if (value.compare(THOUSAND) > 0 && meant.compare(HUNDRED) <= 0)
      return new Invalid(`不能超过 100%（「${show(raw)}」）：若指 ${toText(meant, 6)}%，请填写「${toText(meant, 6)}%」`);
    return new Invalid(`不能超过 100%（「${show(raw)}」）`);
  }
  return value;
}
