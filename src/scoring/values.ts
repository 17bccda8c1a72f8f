/**
 * Reading values as staff type them. Full-width digits and signs (８５％), "85%", "0.85" or "85"
 * for a percentage (per the field's declaration), 是/否/√/×/有/无/Y/N for yes/no. A blank is "not
 * filled" — never 0. Anything else is rejected with a reason in Chinese; nothing here throws.
 */
import type Fraction from 'fraction.js';
import type { Field } from '../rubric/schema';
import { exact } from './exact';

export type RawValue = string | number | boolean | null | undefined;

export type FieldValue = boolean | Fraction | string;

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

function parseNumberText(text: string): Fraction | null {
  const t = text.replace(/\s+/g, '');
  if (NUMBER.test(t)) return exact(t.replace(/^\+/, '').replace(/\.$/, ''));
  if (GROUPED.test(t)) return exact(t.replace(/,/g, '').replace(/^\+/, ''));
  return null;
}

/** Larger values are typing errors in this domain, and would leave exact arithmetic's safe range. */
const MAX_ABS = 1e12;

function asNumber(raw: string | number): Fraction | null {
  if (typeof raw === 'number') return Number.isFinite(raw) && Math.abs(raw) <= MAX_ABS ? exact(raw) : null;
  const n = parseNumberText(toHalfWidth(raw));
  return n && Math.abs(n.valueOf()) <= MAX_ABS ? n : null;
}

export function parseFieldValue(field: Field, raw: RawValue): Parsed {
  if (raw === null || raw === undefined) return { status: 'blank' };
  if (typeof raw === 'string') {
    const trimmed = toHalfWidth(raw).trim();
    if (trimmed === '') return { status: 'blank' };
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
      if (n.compare(lo) < 0) return { status: 'invalid', message: `不能小于 ${lo}（「${show(raw)}」）` };
      if (field.max !== undefined && n.compare(field.max) > 0)
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
      if (field.step !== undefined && n.div(field.step).d !== 1)
        return { status: 'invalid', message: `得分须为 ${field.step} 的整数倍（「${show(raw)}」）` };
      return { status: 'ok', value: n };
    }
  }
}

function parseYesNo(raw: string | number | boolean): Parsed {
  if (typeof raw === 'boolean') return { status: 'ok', value: raw };
  const t = toHalfWidth(String(raw)).trim().toUpperCase();
  if (YES.has(t)) return { status: 'ok', value: true };
  if (NO.has(t)) return { status: 'ok', value: false };
  return { status: 'invalid', message: `「${show(raw)}」无法识别为是/否（可填：是、否、√、×、有、无、Y、N）` };
}

/** Percent values are returned in percent points (85 % → 85), within [0, 100]. */
function parsePercent(raw: string | number | boolean, bare: 'percent' | 'fraction'): Parsed {
  if (typeof raw === 'boolean') return { status: 'invalid', message: `「${show(raw)}」不是百分比` };
  let value: Fraction | null;
  if (typeof raw === 'string') {
    const t = toHalfWidth(raw).trim();
    const m = /^(.*?)\s*%$/.exec(t);
    if (m) {
      value = parseNumberText(m[1]);
    } else {
      const n = parseNumberText(t);
      value = n && (bare === 'fraction' ? n.mul(100) : n);
    }
  } else {
    const n = asNumber(raw);
    value = n && (bare === 'fraction' ? n.mul(100) : n);
  }
  if (!value) return { status: 'invalid', message: `「${show(raw)}」不是百分比` };
  if (value.s < 0) return { status: 'invalid', message: `比例不能为负数（「${show(raw)}」）` };
  if (value.compare(100) > 0) return { status: 'invalid', message: `比例不能超过 100%（「${show(raw)}」）` };
  return { status: 'ok', value };
}
