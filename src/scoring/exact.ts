/**
 * Exact arithmetic for scores. Every item score is a rational number (rational.ts), so 0.1 × n,
 * 0.5 × n and ratio × points never drift (no 0.30000000000000004, no 89.99999999999999 landing in
 * the wrong band). Only the annex result and the final score are rounded, half-up, to the
 * rubric's decimals (RUBRIC-ANALYSIS D1).
 */
import { InexactError, parseDecimal, Rational, reduce, whole, wholeText, ZERO_Q } from './rational';

export type Exact = Rational;
// Only the type is re-exported: a value re-export compiles (CommonJS) to a getter that turns the
// module's exports object into a dictionary, and every engine call through it into a slow lookup.
export type { Rational };

export const ZERO = ZERO_Q;
export const ONE = new Rational(1, 1);

/** Rubric constants and typed numbers recur constantly: converted once, then shared (Rationals are immutable). */
const cache = new Map<number, Rational>();

/**
 * The exact value of a JS number as Excel shows it: 15 significant digits (a cell holding
 * 0.1 + 0.2 reads 0.3), or null when that needs more than 15 decimal places (below 1e-15).
 */
export function exactOrNull(x: number): Rational | null {
  // Small whole numbers (counts, points) are most of what is typed: a table, not a hash lookup.
  if (x >= 0 && x < 1024 && (x | 0) === x) return whole(x);
  // Most other typed numbers have one or two decimals (26.1, 85.25): recognised by arithmetic.
  // k/100 === x means x is the double nearest k/100, and k/100 (under 15 digits) is then exactly
  // what x shows to 15 significant digits, x's distance to it being far below that grid's step.
  const k = Math.round(x * 100);
  if (k / 100 === x && k >= -HUNDREDTHS_LIMIT && k <= HUNDREDTHS_LIMIT) return hundredths(k);
  const hit = cache.get(x);
  if (hit !== undefined) return hit;
  if (!Number.isFinite(x)) return null;
  const r = Number.isSafeInteger(x) ? new Rational(x, 1) : parseDecimal(x.toPrecision(15));
  if (r === null) return null;
  if (cache.size > 50_000) cache.clear();
  cache.set(x, r);
  return r;
}

/** |k| up to this many hundredths: k/100 and the reductions of it stay small integers. */
const HUNDREDTHS_LIMIT = 1e9;

/** k/100 for k in 0 … 19 999 (0.00 … 199.99: percentages, scores, typed amounts), made on first use. */
const HUNDREDTHS: (Rational | undefined)[] = new Array<Rational | undefined>(20_000).fill(undefined);

function hundredths(k: number): Rational {
  if (k < 0 || k >= HUNDREDTHS.length) return reduce(k, 100);
  let r = HUNDREDTHS[k];
  if (r === undefined) HUNDREDTHS[k] = r = reduce(k, 100);
  return r;
}

/** A rubric constant (always a short decimal) or a decimal text, exactly. */
export function exact(x: number | string | Rational): Rational {
  if (x instanceof Rational) return x;
  const r = typeof x === 'number' ? exactOrNull(x) : parseDecimal(x);
  if (r === null) throw new RangeError(`not a decimal number: ${x}`);
  return r;
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

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

/** |x| rounded half-up to `decimals` places, in units of 10^−decimals, or −1 when it needs the slow path. */
function scaledDigits(x: Rational, decimals: number): number {
  if (x.big !== null) return -1;
  // ⌊|n|·p/d + 1/2⌋ = ⌊(2·|n|·p + d) / 2d⌋
  const top = 2 * Math.abs(x.n) * POW10[decimals] + x.d;
  const bottom = 2 * x.d;
  if (top > Number.MAX_SAFE_INTEGER || bottom > Number.MAX_SAFE_INTEGER) return -1;
  return (top - (top % bottom)) / bottom;
}

/**
 * A number for output: rounded half-up to `decimals` and converted. k / 10^decimals is the double
 * nearest the decimal, exactly what Number("4.67") gives, without the text.
 */
export function toNumber(x: Rational, decimals = 2): number {
  if (x.d === 1 && x.big === null) return x.n;
  const k = scaledDigits(x, decimals);
  if (k < 0) return Number(toText(x, decimals));
  const v = k / POW10[decimals];
  return x.n < 0 && v !== 0 ? -v : v;
}

/**
 * Texts of 0.00 … 199.99 (every item score, subtotal and total), made on first use: reasons print
 * scores constantly, and converting a fraction to text is the costly part of number formatting.
 */
export const TEXT_INDICES = 20_000;
const TEXT2: (string | undefined)[] = new Array<string | undefined>(TEXT_INDICES).fill(undefined);

/**
 * The index of x's 2-decimal text among the texts kept by toText (its value in hundredths,
 * rounded half-up), or −1 for a value outside 0 … 199.99: callers key their own texts by it.
 */
export function textIndex(x: Rational): number {
  if (x.n < 0) return -1;
  const k = scaledDigits(x, 2);
  return k >= 0 && k < TEXT2.length ? k : -1;
}

/** Display text: half-up to at most `decimals` places, trailing zeros removed ("4.5", "5", "4.67"). */
export function toText(x: Rational, decimals = 2): string {
  if (x.d === 1 && x.big === null) return wholeText(x.n);
  // A value of whole hundredths (26.1, 85.25: most typed values) reads the same to any number of
  // places from 2 on, and its 2-place text is kept.
  if (decimals > 2 && x.big === null && 100 % x.d === 0) decimals = 2;
  const k = scaledDigits(x, decimals);
  // k / 10^decimals is the double nearest the decimal; with at most 15 significant digits its
  // shortest JS text is exactly that decimal without trailing zeros, and with at most 6 places it
  // is never in exponent form. One conversion instead of assembling the text piece by piece.
  if (k < 0 || k > 1e15 || decimals > 6) return bigText(x, decimals);
  if (decimals === 2 && k < TEXT2.length && x.n >= 0) {
    let t = TEXT2[k];
    if (t === undefined) TEXT2[k] = t = String(k / 100);
    return t;
  }
  const v = k / POW10[decimals];
  return String(x.n < 0 && k !== 0 ? -v : v);
}

/**
 * toText's slow path: more than 6 places, or digits past 2^53. The rounded value is k / 10^decimals;
 * k is computed in BigInt (exact) and the point put back in its digits.
 */
function bigText(x: Rational, decimals: number): string {
  const r = x.roundHalfUp(decimals);
  if (r.d === 1 && r.big === null) return String(r.n);
  if (typeof BigInt !== 'function') throw new InexactError('text');
  const n = r.big === null ? BigInt(r.n) : r.big.n;
  const d = r.big === null ? BigInt(r.d) : r.big.d;
  const negative = n < BigInt(0);
  const k = ((negative ? -n : n) * BigInt(10) ** BigInt(decimals)) / d; // exact: r · 10^decimals is whole
  let digits = k.toString();
  if (decimals > 0) {
    digits = digits.padStart(decimals + 1, '0');
    const cut = digits.length - decimals;
    let end = digits.length;
    while (end > cut && digits.charCodeAt(end - 1) === 48 /* 0 */) end--;
    digits = end === cut ? digits.slice(0, cut) : `${digits.slice(0, cut)}.${digits.slice(cut, end)}`;
  }
  return (negative && k !== BigInt(0) ? '-' : '') + digits;
}
