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
const NEEDS_FOLDING = /[\uFF01-\uFF5E\u3000\u2212\u2012\u2013\u2014]/;

export function toHalfWidth(s: string): string {
  if (!NEEDS_FOLDING.test(s)) return s;
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[\u2212\u2012\u2013\u2014]/g, '-');
}

const YES = new Set(['是', '有', '√', '✓', '✔', '对', '已', 'Y', 'YES', 'TRUE', '1']);
const NO = new Set(['否', '无', '×', '✗', '✘', 'X', '错', '未', 'N', 'NO', 'FALSE', '0']);

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

function show(raw: RawValue): string {
  return typeof raw === 'string' ? raw.trim() : String(raw);
}

/** Decimal text with at most 15 decimal places (more has no exact safe-integer form; nobody types it). */
function parseNumberText(text: string): Rational | null {
  const t = text.replace(/\s+/g, '');
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

/** The outcomes that carry no data are shared (the engine parses every field of every unit). */
const BLANK: Parsed = Object.freeze({ status: 'blank' });
const OK_YES: Parsed = Object.freeze({ status: 'ok', value: true });
const OK_NO: Parsed = Object.freeze({ status: 'ok', value: false });

export function parseFieldValue(field: Field, raw: RawValue): Parsed {
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === 'string') {
    const trimmed = toHalfWidth(raw).trim();
    if (trimmed === '') return BLANK;
    if (trimmed.charCodeAt(0) === 35 /* # */ && EXCEL_ERRORS.includes(trimmed.toUpperCase()))
      return { status: 'invalid', message: `单元格是错误值 ${trimmed}，请填写数值或文字` };
  }
  switch (field.type) {
    case 'yesno':
      return parseYesNo(raw);
    case 'count': {
      if (typeof raw === 'boolean') return { status: 'invalid', message: `「${show(raw)}」不是个数` };
      const n = asNumber(raw);
      if (!n) return { status: 'invalid', message: `「${show(raw)}」不是数字` };
      if (n.s < 0) return { status: 'invalid', message: `个数不能为负数（「${show(raw)}」）` };
      if (n.d !== 1) return { status: 'invalid', message: `个数须为整数（「${show(raw)}」）` };
      return { status: 'ok', value: n };
    }
    case 'number': {
      if (typeof raw === 'boolean') return { status: 'invalid', message: `「${show(raw)}」不是数字` };
      const n = asNumber(raw);
      if (!n) return { status: 'invalid', message: `「${show(raw)}」不是数字` };
      const lo = field.min ?? 0;
      if (n.compare(exact(lo)) < 0) return { status: 'invalid', message: `不能小于 ${lo}（「${show(raw)}」）` };
      if (field.max !== undefined && n.compare(exact(field.max)) > 0)
        return { status: 'invalid', message: `不能大于 ${field.max}（「${show(raw)}」）` };
      return { status: 'ok', value: n };
    }
    case 'percent':
      return parsePercent(raw, field.bare);
    case 'choice': {
      const t = toHalfWidth(String(raw)).trim();
      const hit = field.options.find((o) => toHalfWidth(o).trim() === t);
      if (hit) return { status: 'ok', value: hit };
      return { status: 'invalid', message: `「${show(raw)}」不是可选项（可选：${field.options.join('、')}）` };
    }
    case 'score': {
      if (typeof raw === 'boolean') return { status: 'invalid', message: `「${show(raw)}」不是分数` };
      const n = asNumber(raw);
      if (!n) return { status: 'invalid', message: `「${show(raw)}」不是数字` };
      if (n.s < 0) return { status: 'invalid', message: `得分不能为负数（「${show(raw)}」）` };
      if (field.step !== undefined && n.div(exact(field.step)).d !== 1)
        return { status: 'invalid', message: `得分须为 ${field.step} 的整数倍（「${show(raw)}」）` };
      return { status: 'ok', value: n };
    }
  }
}

function parseYesNo(raw: string | number | boolean): Parsed {
  if (typeof raw === 'boolean') return raw ? OK_YES : OK_NO;
  // The common answers are looked up as typed, before any folding.
  if (YES.has(raw as string)) return OK_YES;
  if (NO.has(raw as string)) return OK_NO;
  const t = toHalfWidth(String(raw)).trim().toUpperCase();
  if (YES.has(t)) return OK_YES;
  if (NO.has(t)) return OK_NO;
  return { status: 'invalid', message: `「${show(raw)}」无法识别为是/否（可填：是、否、√、×、有、无、Y、N）` };
}

const HUNDRED = new Rational(100, 1);

/** Percent values are returned in percent points (85 % → 85), within [0, 100]. */
function parsePercent(raw: string | number | boolean, bare: 'percent' | 'fraction'): Parsed {
  if (typeof raw === 'boolean') return { status: 'invalid', message: `「${show(raw)}」不是百分比` };
  let value: Rational | null;
  if (typeof raw === 'string') {
    const t = toHalfWidth(raw).trim();
    const m = /^(.*?)\s*%$/.exec(t);
    if (m) {
      value = parseNumberText(m[1]);
    } else {
      const n = parseNumberText(t);
      value = n && (bare === 'fraction' ? n.mul(HUNDRED) : n);
    }
  } else {
    const n = asNumber(raw);
    value = n && (bare === 'fraction' ? n.mul(HUNDRED) : n);
  }
  if (!value) return { status: 'invalid', message: `「${show(raw)}」不是百分比` };
  if (value.s < 0) return { status: 'invalid', message: `比例不能为负数（「${show(raw)}」）` };
  if (value.compare(HUNDRED) > 0) return { status: 'invalid', message: `比例不能超过 100%（「${show(raw)}」）` };
  return { status: 'ok', value };
}
