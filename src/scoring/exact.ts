/**
 * Exact arithmetic for scores. Every item score is a rational number (rational.ts), so 0.1 × n,
 * 0.5 × n and ratio × points never drift (no 0.30000000000000004, no 89.99999999999999 landing in
 * the wrong band). Only the annex result and the final score are rounded, half-up, to the
 * rubric's decimals (RUBRIC-ANALYSIS D1); numbers and texts for output are made here.
 */
import { parseDecimal, Rational } from './rational';

export type Exact = Rational;
export type { Rational };

export const ZERO = new Rational(0);
export const ONE = new Rational(1);

/**
 * The exact value of a JS number as Excel shows it: 15 significant digits (a cell holding
 * 0.1 + 0.2 reads 0.3), or null when that needs more than 15 decimal places (below 1e-15).
 */
export function exactOrNull(x: number): Rational | null {
  if (!Number.isFinite(x)) return null;
  if (Number.isSafeInteger(x)) return new Rational(x);
  return parseDecimal(x.toPrecision(15));
}

/**
 * Rubric constants converted so far: the rules read the same few points, rates and thresholds for
 * every unit, and converting them each time took about a tenth of scoring a roster (CPU profile).
 */
const constants = new Map<number, Rational>();

/** A rubric constant (always a short decimal) or a decimal text, exactly. */
export function exact(x: number | string | Rational): Rational {
  if (x instanceof Rational) return x;
  const known = typeof x === 'number' ? constants.get(x) : undefined;
  if (known !== undefined) return known;
  const r = typeof x === 'number' ? exactOrNull(x) : parseDecimal(x);
  if (r === null) throw new RangeError(`not a decimal number: ${x}`);
  if (typeof x === 'number' && constants.size < 10_000) constants.set(x, r);
  return r;
}

/** Half-up (away from zero) rounding to `decimals` places. */
export function roundHalfUp(x: Rational, decimals: number): Rational {
  return x.roundHalfUp(decimals);
}

export function clamp(x: Rational, lo: Rational, hi: Rational): Rational {
  if (x.compare(lo) < 0) return lo;
  if (x.compare(hi) > 0) return hi;
  return x;
}

export const min = (a: Rational, b: Rational) => (a.compare(b) <= 0 ? a : b);
export const max = (a: Rational, b: Rational) => (a.compare(b) >= 0 ? a : b);

/** Display text: half-up to at most `decimals` places, trailing zeros removed ("4.5", "5", "4.67"), never "-0". */
export function toText(x: Rational, decimals = 2): string {
  const k = x.scaledDigits(decimals);
  const sign = x.n < 0 && k !== 0 && k !== 0n ? '-' : '';
  // k / 10^decimals is the double nearest the decimal; with at most 15 significant digits and 6
  // places its shortest JS text is exactly that decimal without trailing zeros, never in exponent form.
  if (typeof k === 'number' && k <= 1e15 && decimals <= 6) return `${sign}${k / 10 ** decimals}`;
  let digits = String(k);
  if (decimals > 0) {
    digits = digits.padStart(decimals + 1, '0');
    const point = digits.length - decimals;
    const places = digits.slice(point).replace(/0+$/, '');
    digits = places === '' ? digits.slice(0, point) : `${digits.slice(0, point)}.${places}`;
  }
  return `${sign}${digits}`;
}

/** A number for output: rounded half-up to `decimals`, the double nearest that decimal (as Number("4.67") reads it). */
export function toNumber(x: Rational, decimals = 2): number {
  if (x.d === 1 && x.big === null) return x.n;
  const k = x.scaledDigits(decimals);
  if (typeof k !== 'number') return Number(toText(x, decimals));
  const v = k / 10 ** decimals;
  return x.n < 0 && v !== 0 ? -v : v;
}
