/**
 * Exact arithmetic for scores. Every item score is a rational number (fraction.js 4, whose
 * numerator and denominator are plain numbers: the BigInt-based 5.x was 5–10× slower here, and
 * inputs are bounded far below 2^53 by values.ts), so 0.1 × n,
 * 0.5 × n and ratio × points never drift (no 0.30000000000000004, no 89.99999999999999 landing in
 * the wrong band). Only the annex result and the final score are rounded, half-up, to the
 * rubric's decimals (RUBRIC-ANALYSIS D1).
 */
import Fraction from 'fraction.js';

export type Exact = Fraction;

export const ZERO = new Fraction(0);

/** Rubric constants and typed numbers recur constantly: parsed once, then shared (Fractions are immutable). */
const cache = new Map<number, Fraction>();

/** Converts a rubric constant or a parsed input to an exact value, through its decimal text. */
export function exact(x: number | string | Fraction): Fraction {
  if (x instanceof Fraction) return x;
  if (typeof x === 'number') {
    const hit = cache.get(x);
    if (hit) return hit;
    if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
    const f = Number.isInteger(x) ? new Fraction(x) : new Fraction(decimalText(x));
    if (cache.size > 50_000) cache.clear();
    cache.set(x, f);
    return f;
  }
  return new Fraction(x);
}

/** Plain decimal text of a JS number without exponent notation (1e-7 → "0.0000001"). */
function decimalText(x: number): string {
  const s = String(x);
  if (!/e/i.test(s)) return s;
  return x.toFixed(20).replace(/\.?0+$/, '');
}

const pow10 = (d: number): number => 10 ** d;
const scales = new Map<number, Fraction>();
const scaleOf = (d: number) => {
  let f = scales.get(d);
  if (!f) scales.set(d, (f = new Fraction(pow10(d))));
  return f;
};
const HALF = new Fraction(1, 2);

/** Half-up (away from zero) rounding to `decimals` places. */
export function roundHalfUp(x: Fraction, decimals: number): Fraction {
  // Already exact at this precision (integers, halves, quarters, tenths…): nothing to do.
  if (pow10(decimals) % x.d === 0) return x;
  const scale = scaleOf(decimals);
  const r = x.abs().mul(scale).add(HALF).floor().div(scale);
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
  if (x.d === 1) return x.s * x.n;
  return Number(toText(x, decimals));
}

/** Display text: half-up to at most `decimals` places, trailing zeros removed ("4.5", "5", "4.67"). */
export function toText(x: Fraction, decimals = 2): string {
  if (x.d === 1) return String(x.s * x.n);
  const r = roundHalfUp(x, decimals);
  const p = pow10(decimals);
  const digits = Math.round((r.n * p) / r.d);
  let s = digits.toString().padStart(decimals + 1, '0');
  if (decimals > 0) s = `${s.slice(0, -decimals)}.${s.slice(-decimals)}`.replace(/\.?0+$/, '');
  return (r.s < 0 && s !== '0' ? '-' : '') + s;
}

/** "6/8" style text for a ratio in reasons. */
export function ratioText(n: Fraction, d: Fraction): string {
  return `${toText(n, 4)}/${toText(d, 4)}`;
}
