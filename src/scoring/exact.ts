/**
 * Exact arithmetic for scores. Every item score is a rational number (fraction.js), so 0.1 × n,
 * 0.5 × n and ratio × points never drift (no 0.30000000000000004, no 89.99999999999999 landing in
 * the wrong band). Only the annex result and the final score are rounded, half-up, to the
 * rubric's decimals (RUBRIC-ANALYSIS D1).
 */
import Fraction from 'fraction.js';

export type Exact = Fraction;

export const ZERO = new Fraction(0);

/** Converts a rubric constant or a parsed input to an exact value, through its decimal text. */
export function exact(x: number | string | Fraction): Fraction {
  if (x instanceof Fraction) return x;
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
    return new Fraction(decimalText(x));
  }
  return new Fraction(x);
}

/** Plain decimal text of a JS number without exponent notation (1e-7 → "0.0000001"). */
function decimalText(x: number): string {
  const s = String(x);
  if (!/e/i.test(s)) return s;
  return x.toFixed(20).replace(/\.?0+$/, '');
}

/** Half-up (away from zero) rounding to `decimals` places. */
export function roundHalfUp(x: Fraction, decimals: number): Fraction {
  const scale = new Fraction(10).pow(decimals);
  const scaled = x.abs().mul(scale).add(new Fraction(1, 2)).floor();
  const r = scaled.div(scale);
  return x.s < 0 ? r.neg() : r;
}

export function clamp(x: Fraction, lo: Fraction, hi: Fraction): Fraction {
  if (x.compare(lo) < 0) return lo;
  if (x.compare(hi) > 0) return hi;
  return x;
}

export const min = (a: Fraction, b: Fraction) => (a.compare(b) <= 0 ? a : b);
export const max = (a: Fraction, b: Fraction) => (a.compare(b) >= 0 ? a : b);
export const sumOf = (xs: Fraction[]) => xs.reduce((s, x) => s.add(x), ZERO);

/** A number for output: rounded half-up to `decimals` and converted (exact decimals convert exactly). */
export function toNumber(x: Fraction, decimals = 2): number {
  return Number(toText(x, decimals));
}

/** Display text: half-up to at most `decimals` places, trailing zeros removed ("4.5", "5", "4.67"). */
export function toText(x: Fraction, decimals = 2): string {
  const r = roundHalfUp(x, decimals);
  const neg = r.s < 0;
  const scaled = r.abs().mul(new Fraction(10).pow(decimals));
  const digits = BigInt(scaled.n.toString()) / BigInt(scaled.d.toString());
  let s = digits.toString().padStart(decimals + 1, '0');
  if (decimals > 0) s = `${s.slice(0, -decimals)}.${s.slice(-decimals)}`.replace(/\.?0+$/, '');
  return (neg && s !== '0' ? '-' : '') + s;
}

/** "6/8" style text for a ratio in reasons. */
export function ratioText(n: Fraction, d: Fraction): string {
  return `${toText(n, 4)}/${toText(d, 4)}`;
}
