/**
 * Reading values as staff type them. Full-width digits and signs (８５％), "85%", "0.85" or "85"
 * for a percentage (per the field's declaration), 是/否/√/×/有/无/Y/N for yes/no. A blank is "not
 * filled" — never 0. Anything else is rejected with a reason in Chinese; nothing here throws.
 */
import type { Field } from '../rubric/schema';
import { exact, exactOrNull } from './exact';
import { parseDecimal, Rational } from './rational';

export type RawValue = string | number | boolean | null | undefined;

export type FieldValue = boolean | Rational | string;

export type Parsed =
  | { status: 'ok'; value: FieldValue }
  | { status: 'blank' }
  | { status: 'invalid'; message: string };

const EXCEL_ERRORS = ['#DIV/0!', '#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#BUSY!'];

/** Full-width ASCII (！ to ～) and ideographic space to their ASCII forms; the minus sign to '-'. */
/** Whether s has a full-width character, an ideographic space or a dash to fold (a scan: typed values are short). */
function needsFolding(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000 || c === 0x2212 || (c >= 0x2012 && c <= 0x2014)) return true;
  }
  return false;
}

/**
 * Whether s has nothing for trim() to remove: a visible ASCII or CJK character at both ends
 * (conservative: anything else goes through trim()). Most typed values are, and trim() is a call.
 */
function isTrimmed(s: string): boolean {
  if (s.length === 0) return false;
  const a = s.charCodeAt(0);
  const z = s.charCodeAt(s.length - 1);
  return ((a > 0x20 && a < 0x7f) || (a >= 0x3001 && a < 0xfeff)) && ((z > 0x20 && z < 0x7f) || (z >= 0x3001 && z < 0xfeff));
}

export function toHalfWidth(s: string): string {
  if (!needsFolding(s)) return s;
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[\u2212\u2012\u2013\u2014]/g, '-');
}

const YES = new Set(['是', '有', '√', '✓', '✔', '对', '已', 'Y', 'YES', 'TRUE', '1']);
const NO = new Set(['否', '无', '×', '✗', '✘', 'X', '错', '未', 'N', 'NO', 'FALSE', '0']);

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const HAS_SPACE = /\s/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

function show(raw: RawValue): string {
  return typeof raw === 'string' ? raw.trim() : String(raw);
}

/** Decimal text with at most 15 decimal places (more has no exact safe-integer form; nobody types it). */
function parseNumberText(text: string): Rational | null {
  const t = HAS_SPACE.test(text) ? text.replace(/\s+/g, '') : text;
  if (NUMBER.test(t)) return parseDecimal(t);
  if (GROUPED.test(t)) return parseDecimal(t.replace(/,/g, ''));
  return null;
}

/** Larger values are typing errors in this domain, and would leave exact arithmetic's safe range. */
const MAX_ABS = 1e12;

function asNumber(raw: string | number): Rational | null {
  // A number from a cell is read as Excel shows it, to 15 significant digits (exact.ts).
  if (typeof raw === 'number') return Math.abs(raw) <= MAX_ABS ? exactOrNull(raw) : null;
  const n = parseNumberText(toHalfWidth(raw));
  return n && Math.abs(n.valueOf()) <= MAX_ABS ? n : null;
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

/**
 * The field with every optional key present (undefined when absent), all in one order. Fields
 * of different types have different keys, so field.type and field.id were read at call sites
 * seeing a dozen object shapes, V8's slowest kind of property access; the engine reads copies
 * made once per rubric.
 */
export function uniformField(f: Field): Field {
  const u = {
    id: f.id,
    label: f.label,
    hint: f.hint,
    type: f.type,
    unit: 'unit' in f ? f.unit : undefined,
    min: 'min' in f ? f.min : undefined,
    max: 'max' in f ? f.max : undefined,
    bare: 'bare' in f ? f.bare : undefined,
    options: 'options' in f ? f.options : undefined,
    step: 'step' in f ? f.step : undefined,
  };
  return u as Field;
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

/**
 * parseFieldValue without a result object per call: the value itself, BLANK, or an Invalid. The
 * engine parses every field of every unit, so this is what it calls.
 */
export function parseValue(field: Field, raw: RawValue): FieldValue | typeof BLANK | Invalid {
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === 'string') {
    const trimmed = isTrimmed(raw) ? toHalfWidth(raw) : toHalfWidth(raw).trim();
    if (trimmed === '') return BLANK;
    if (trimmed.charCodeAt(0) === 35 /* # */ && EXCEL_ERRORS.includes(trimmed.toUpperCase()))
      return new Invalid(`单元格是错误值 ${trimmed}，请填写数值或文字`);
  }
  switch (field.type) {
    case 'yesno':
      return parseYesNo(raw);
    case 'count': {
      if (typeof raw === 'boolean') return new Invalid(`「${show(raw)}」不是个数`);
      const n = asNumber(raw);
      if (!n) return new Invalid(`「${show(raw)}」不是数字`);
      if (n.s < 0) return new Invalid(`不能为负数（「${show(raw)}」）`);
      if (n.d !== 1) return new Invalid(`须为整数（「${show(raw)}」）`);
      return n;
    }
    case 'number': {
      if (typeof raw === 'boolean') return new Invalid(`「${show(raw)}」不是数字`);
      const n = asNumber(raw);
      if (!n) return new Invalid(`「${show(raw)}」不是数字`);
      const lo = field.min ?? 0;
      if (n.compare(exact(lo)) < 0) return new Invalid(`不能小于 ${lo}（「${show(raw)}」）`);
      if (field.max !== undefined && n.compare(exact(field.max)) > 0)
        return new Invalid(`不能大于 ${field.max}（「${show(raw)}」）`);
      return n;
    }
    case 'percent':
      return parsePercent(raw, field.bare);
    case 'choice': {
      const options = optionsOf(field);
      const hit = options.get(typeof raw === 'string' ? raw : String(raw)) ?? options.get(toHalfWidth(String(raw)).trim());
      if (hit !== undefined) return hit;
      return new Invalid(`「${show(raw)}」不是可选项（可选：${field.options.join('、')}）`);
    }
    case 'score': {
      if (typeof raw === 'boolean') return new Invalid(`「${show(raw)}」不是分数`);
      const n = asNumber(raw);
      if (!n) return new Invalid(`「${show(raw)}」不是数字`);
      if (n.s < 0) return new Invalid(`不能为负数（「${show(raw)}」）`);
      if (field.step !== undefined && n.div(exact(field.step)).d !== 1)
        return new Invalid(`须为 ${field.step} 的整数倍（「${show(raw)}」）`);
      return n;
    }
  }
}

function parseYesNo(raw: string | number | boolean): boolean | Invalid {
  if (typeof raw === 'boolean') return raw;
  // The common answers are looked up as typed, before any folding; 是 and 否 before any lookup.
  if (raw === '是') return true;
  if (raw === '否') return false;
  if (YES.has(raw as string)) return true;
  if (NO.has(raw as string)) return false;
  const t = toHalfWidth(String(raw)).trim().toUpperCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return new Invalid(`「${show(raw)}」无法识别为是/否（可填：是、否、√、×、有、无、Y、N）`);
}

const HUNDRED = new Rational(100, 1);

/** Percent values are returned in percent points (85 % → 85), within [0, 100]. */
function parsePercent(raw: string | number | boolean, bare: 'percent' | 'fraction'): Rational | Invalid {
  if (typeof raw === 'boolean') return new Invalid(`「${show(raw)}」不是百分比`);
  let value: Rational | null;
  if (typeof raw === 'string') {
    const t = toHalfWidth(raw).trim();
    if (t.charCodeAt(t.length - 1) === 37 /* % */) {
      value = parseNumberText(t.slice(0, -1));
    } else {
      const n = parseNumberText(t);
      value = n && (bare === 'fraction' ? n.mul(HUNDRED) : n);
    }
  } else {
    const n = asNumber(raw);
    value = n && (bare === 'fraction' ? n.mul(HUNDRED) : n);
  }
  if (!value) return new Invalid(`「${show(raw)}」不是百分比`);
  if (value.s < 0) return new Invalid(`不能为负数（「${show(raw)}」）`);
  if (value.compare(HUNDRED) > 0) return new Invalid(`不能超过 100%（「${show(raw)}」）`);
  return value;
}
