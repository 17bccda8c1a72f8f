/** Cell values: Excel's type-in conversion, error values, value types, 15-digit precision of typed numbers. */
import { invalidArgument } from './errors';

export type CellScalar = string | number | boolean;

/** What a cell holds. `v === null` is an empty cell; `err` marks an error value such as "#DIV/0!". */
export interface CellValue {
  v: CellScalar | null;
  err?: true;
  /** Formula text (starting with "="); its result is never computed, see FORMULA_MARKER. */
  f?: string;
}

export const EXCEL_ERRORS = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BUSY!',
  '#CONNECT!',
  '#BLOCKED!',
  '#UNKNOWN!',
];

/** The value a formula cell shows until a test supplies one with host.setFormulaResult (the host does not calculate). */
export const FORMULA_MARKER = '#FORMULA';

export const MAX_CELL_TEXT = 32767;
export const MAX_FORMULA_LENGTH = 8192;

export type ValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

export function isErrorLiteral(s: string): boolean {
  return EXCEL_ERRORS.includes(s.toUpperCase());
}

/**
 * Typed numbers keep 15 significant digits and Excel drops (zeroes) the rest: an 18-digit ID number typed
 * as "110101199003071234" becomes 110101199003071000.
 */
export function typedNumber(text: string): number {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return Number(text);
  const [, sign, int = '', frac = '', exp] = m;
  const digits = int + frac;
  const first = digits.search(/[1-9]/);
  if (first < 0 || digits.length - first <= 15) return Number(text);
  const kept = digits.slice(0, first + 15) + '0'.repeat(digits.length - first - 15);
  const rebuilt = `${sign}${kept.slice(0, int.length) || '0'}.${kept.slice(int.length) || '0'}${exp ? `e${exp}` : ''}`;
  return Number(rebuilt);
}

const NUMBER_RE = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

/** Days since 1899-12-30 (Excel's 1900 date system, ignoring the 1900 leap-year bug before March 1900). */
export function dateToSerial(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const dt = new Date(t);
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
}

export interface TypedInput extends CellValue {
  /** Number format Excel applies implicitly (a typed "50%" gets "0%", a typed date gets a date format). */
  impliedFormat?: string;
}

/**
 * Converts what the add-in (through values/formulas) or the user types into a cell value, like Excel does:
 * "=..." is a formula, "'x" is the text x, numeric text becomes a number (leading zeros and digits past 15 lost),
 * "50%" becomes 0.5, TRUE/FALSE become booleans, "#N/A" etc. become error values, "2024-03-01" becomes a date serial.
 * A cell formatted as text ("@") keeps strings verbatim. `null` means "leave the cell unchanged" (caller handles it).
 */
export function convertInput(input: unknown, numberFormat: string, location: string): TypedInput {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw invalidArgument('values', location);
    return { v: input };
  }
  if (typeof input === 'boolean') return { v: input };
  if (typeof input !== 'string') throw invalidArgument('values', location);
  if (input.length > MAX_CELL_TEXT) throw invalidArgument('values', location);
  if (input === '') return { v: null };
  if (numberFormat === '@') return { v: input };
  if (input.startsWith("'")) return input.length === 1 ? { v: null } : { v: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { v: FORMULA_MARKER, err: true, f: input };
  const t = input.trim();
  if (isErrorLiteral(t)) return { v: t.toUpperCase(), err: true };
  if (/^(true|false)$/i.test(t)) return { v: t.toUpperCase() === 'TRUE' };
  const pct = t.endsWith('%');
  const num = pct ? t.slice(0, -1).trim() : t;
  if (num.length > 0 && NUMBER_RE.test(num) && /\d/.test(num)) {
    const n = typedNumber(num.replace(/,/g, ''));
    if (pct) return { v: n / 100, impliedFormat: '0%' };
    return num.includes(',') ? { v: n, impliedFormat: '#,##0' } : { v: n };
  }
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (date) {
    const serial = dateToSerial(Number(date[1]), Number(date[2]), Number(date[3]));
    if (serial !== null) return { v: serial, impliedFormat: 'yyyy/m/d' };
  }
  return { v: input };
}

export function valueTypeOf(c: CellValue | undefined): ValueType {
  if (!c || c.v === null) return 'Empty';
  if (c.err) return 'Error';
  if (typeof c.v === 'number') return 'Double';
  if (typeof c.v === 'boolean') return 'Boolean';
  return 'String';
}

/** What `range.values` returns for a cell: "" for empty, the error text for errors. */
export function apiValue(c: CellValue | undefined): CellScalar {
  if (!c || c.v === null) return '';
  return c.v;
}

/** What `range.formulas` returns: the formula text, else the value. */
export function apiFormula(c: CellValue | undefined): CellScalar {
  if (c?.f) return c.f;
  return apiValue(c);
}

/** Office.js sends values as JSON: undefined/NaN/functions become null (= "leave unchanged"), Dates become ISO strings. */
export function jsonRoundTrip<T>(v: T): T {
  if (v === undefined) return v;
  return JSON.parse(JSON.stringify(v)) as T;
}
