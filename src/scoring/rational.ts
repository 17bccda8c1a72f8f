/**
 * Exact rational numbers for scores, always in lowest terms with a positive denominator.
 *
 * Scores are tenths, halves and ratios of counts: numerator and denominator are plain numbers
 * (safe integers) in practice, and every operation first computes in numbers. A product or sum of
 * safe integers computed in doubles is exact exactly when it is at most 2^53 − 1 in magnitude, so
 * an operation whose intermediate results all are is exact; any other is done again in BigInt, and
 * a result too large for safe integers is kept in BigInt (`big`). Summing four ratio items with
 * denominators in the tens of thousands needs that. Numbers first because the ratio benchmark shows
 * it: with every operation in BigInt, engine.vsHyperFormula measured 51–56 against 74–79 (the same
 * load, 2026-12-06), too close to its goal of 50.
 *
 * Why not fraction.js: version 4 (the tests' oracle) is double-based, so not exact past 2^53, and
 * version 5 computes everything in BigInt.
 */

const MAX = Number.MAX_SAFE_INTEGER;
const safe = (x: number) => Math.abs(x) <= MAX;

/** Greatest common divisor, ≥ 0. */
function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

function bigGcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export class Rational {
  /** Numerator (signed) and denominator (> 0); approximations when `big` is set. */
  readonly n: number;
  readonly d: number;
  /** The exact numerator and denominator when they do not fit in safe integers, else null. */
  readonly big: { readonly n: bigint; readonly d: bigint } | null = null;

  /** n/d reduced; both integers (numbers or BigInt), d ≠ 0. */
  constructor(n: number | bigint, d: number | bigint = 1) {
    if (typeof n === 'number' && typeof d === 'number' && safe(n) && safe(d) && Number.isInteger(n) && Number.isInteger(d)) {
      if (d === 0) throw new RangeError('division by zero');
      if (d === 1) {
        this.n = n + 0; // + 0: never −0
        this.d = 1;
        return;
      }
      const g = gcd(n, d) * Math.sign(d); // gcd(0, d) = |d|: zero is 0/1
      this.n = n / g + 0; // + 0: never −0
      this.d = d / g;
      return;
    }
    let a = BigInt(n);
    let b = BigInt(d);
    if (b === 0n) throw new RangeError('division by zero');
    if (b < 0n) [a, b] = [-a, -b];
    const g = bigGcd(a, b);
    [a, b] = [a / g, b / g];
    this.n = Number(a);
    this.d = Number(b);
    if (!safe(this.n) || !safe(this.d)) this.big = { n: a, d: b };
  }

  /** Numerator and denominator in BigInt (exact whatever the size). */
  get num(): bigint {
    return this.big?.n ?? BigInt(this.n);
  }
  get den(): bigint {
    return this.big?.d ?? BigInt(this.d);
  }

  /** Sign: −1 for negatives, else 1. */
  get s(): number {
    return this.n < 0 ? -1 : 1;
  }

  valueOf(): number {
    return this.n / this.d;
  }

  add(b: Rational): Rational {
    const x = this.n * b.d;
    const y = b.n * this.d;
    const d = this.d * b.d;
    if (this.big === null && b.big === null && safe(x) && safe(y) && safe(d) && safe(x + y)) return new Rational(x + y, d);
    return new Rational(this.num * b.den + b.num * this.den, this.den * b.den);
  }
  sub(b: Rational): Rational {
    return this.add(b.neg());
  }
  mul(b: Rational): Rational {
    const n = this.n * b.n;
    const d = this.d * b.d;
    if (this.big === null && b.big === null && safe(n) && safe(d)) return new Rational(n, d);
    return new Rational(this.num * b.num, this.den * b.den);
  }
  div(b: Rational): Rational {
    if (b.n === 0) throw new RangeError('division by zero');
    return this.mul(b.big === null ? new Rational(b.d, b.n) : new Rational(b.big.d, b.big.n));
  }
  neg(): Rational {
    return this.big === null ? new Rational(-this.n, this.d) : new Rational(-this.big.n, this.big.d);
  }
  abs(): Rational {
    return this.n < 0 ? this.neg() : this;
  }

  floor(): Rational {
    if (this.big === null) {
      const r = this.n % this.d; // % is exact on doubles, n / d alone may round
      const q = (this.n - r) / this.d;
      return new Rational(r < 0 ? q - 1 : q);
    }
    const q = this.big.n / this.big.d; // BigInt division truncates toward zero
    return new Rational(this.big.n < 0n && q * this.big.d !== this.big.n ? q - 1n : q);
  }
  ceil(): Rational {
    return this.neg().floor().neg();
  }

  /** −1, 0 or 1. */
  compare(b: Rational): number {
    let x: number | bigint = this.n * b.d;
    let y: number | bigint = b.n * this.d;
    if (this.big !== null || b.big !== null || !safe(x) || !safe(y)) [x, y] = [this.num * b.den, b.num * this.den];
    return x < y ? -1 : x > y ? 1 : 0;
  }
  equals(b: Rational): boolean {
    return this.big === null && b.big === null ? this.n === b.n && this.d === b.d : this.compare(b) === 0;
  }

  /** Whether the value has at most `decimals` places (its denominator divides 10^decimals). */
  hasPlaces(decimals: number): boolean {
    return this.big === null && 10 ** decimals % this.d === 0;
  }

  /** |this| × 10^decimals rounded half-up, ⌊|n|·p/d + 1/2⌋ = ⌊(2·|n|·p + d) / 2d⌋: the digits of the rounded value. */
  scaledDigits(decimals: number): number | bigint {
    const top = 2 * Math.abs(this.n) * 10 ** decimals + this.d;
    const bottom = 2 * this.d;
    if (this.big === null && safe(top) && safe(bottom)) return (top - (top % bottom)) / bottom;
    const abs = this.num < 0n ? -this.num : this.num;
    return (2n * abs * 10n ** BigInt(decimals) + this.den) / (2n * this.den);
  }

  /** Half-up (away from zero) rounding to `decimals` places. */
  roundHalfUp(decimals: number): Rational {
    if (this.hasPlaces(decimals)) return this; // already exact at this precision
    const k = this.scaledDigits(decimals);
    const p = 10 ** decimals;
    return typeof k === 'number' ? new Rational(this.n < 0 ? -k : k, p) : new Rational(this.n < 0 ? -k : k, BigInt(p));
  }

  /** "14/3", "-1/2", "5": the audit text (the format fraction.js reads back). */
  toFraction(): string {
    const [n, d] = this.big === null ? [this.n, this.d] : [this.big.n, this.big.d];
    return String(d) === '1' ? String(n) : `${n}/${d}`;
  }
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/;

/**
 * The exact value of a plain decimal text ("12", "-0.25", ".5", "1.", "1e-7", "3.0E+2"), or null
 * when it is not one, or has more than 15 decimal places or more digits than 2^53 holds (nobody
 * types those; a cell's number is read to Excel's 15 significant digits before it gets here).
 */
export function parseDecimal(text: string): Rational | null {
  const m = DECIMAL.exec(text);
  if (m === null) return null;
  const [, sign, whole, fraction = '', exponent = '0'] = m;
  if (whole === '' && fraction === '') return null;
  const places = fraction.replace(/0+$/, '');
  let digits = BigInt(`${whole}${places}` || '0');
  let scale = places.length - Number(exponent);
  if (digits > BigInt(MAX)) return null;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    if (digits > BigInt(MAX)) return null;
    scale = 0;
  }
  if (scale > 15) return null;
  return new Rational(Number(sign === '-' ? -digits : digits), 10 ** scale);
}
