/**
 * Exact rational numbers for scores, fast where scores live and exact everywhere.
 *
 * Numerator and denominator are plain safe integers in practice (tenths, halves, ratios of
 * counts). Every operation checks that its products and sums stayed exact — a double product or
 * sum of safe integers is exact exactly when its magnitude is at most 2^53 − 1 — and otherwise
 * redoes the operation in BigInt and keeps the result in `big` (a sum of four ratio items with
 * denominators in the tens of thousands needs that). Where BigInt does not exist (EdgeHTML), such
 * an operation throws InexactError and the engine reports the unit instead of rounding silently.
 * BigInt is only called, never written as a literal, so this module still parses there.
 *
 * Why not fraction.js: it parses its arguments on every call (strings, arrays, objects), which
 * made it the engine's largest arithmetic cost; scores need only +, −, ×, ÷, compare and rounding.
 */

const MAX = Number.MAX_SAFE_INTEGER;
const HAS_BIGINT = typeof BigInt === 'function';
const big = (x: number): bigint => BigInt(x);

/** An exact result that cannot be represented on this platform (no BigInt). */
export class InexactError extends RangeError {
  constructor(what: string) {
    super(`exact arithmetic overflow in ${what}`);
    this.name = 'InexactError';
  }
}

/** Numerator and denominator of a value too large for safe integers. */
interface BigPair {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** ⌊n / d⌋ exactly for safe integers, d > 0 (% is exact on doubles; n / d alone may round). */
function floorDiv(n: number, d: number): number {
  const r = n % d;
  const q = (n - r) / d;
  return r < 0 ? q - 1 : q;
}

export class Rational {
  /** Use reduce(), parseDecimal() or the operations: the constructor trusts d > 0 and gcd(n, d) = 1. */
  constructor(
    /** Signed numerator (an approximation when `big` is set). */
    readonly n: number,
    /** Denominator, > 0 (an approximation when `big` is set). */
    readonly d: number,
    /** The exact value when it does not fit in safe integers; null almost always. */
    readonly big: BigPair | null = null,
  ) {}

  /** Sign: −1 for negatives, else 1. */
  get s(): number {
    return this.n < 0 ? -1 : 1;
  }

  valueOf(): number {
    if (this.big === null) return this.n / this.d;
    const { n, d } = this.big;
    return Number(n / d) + Number(((n % d) * big(1e15)) / d) / 1e15;
  }

  add(b: Rational): Rational {
    if (this.big === null && b.big === null) {
      if (this.d === b.d) {
        const n = this.n + b.n;
        if (Math.abs(n) <= MAX) return this.d === 1 ? whole(n) : reduce(n, this.d);
      } else {
        // Over the least common denominator, so that sums of tenths and halves stay small.
        const g = gcd(this.d, b.d);
        const fa = b.d / g;
        const x = this.n * fa;
        const y = b.n * (this.d / g);
        const d = this.d * fa;
        const n = x + y;
        if (Math.abs(x) <= MAX && Math.abs(y) <= MAX && d <= MAX && Math.abs(n) <= MAX) return reduce(n, d);
      }
    }
    const p = pairOf(this, 'add');
    const q = pairOf(b, 'add');
    return fromBig(p.n * q.d + q.n * p.d, p.d * q.d);
  }

  sub(b: Rational): Rational {
    return this.add(b.neg());
  }

  mul(b: Rational): Rational {
    if (this.n === 0 || b.n === 0) return ZERO_Q;
    if (this.big === null && b.big === null) {
      if (this.d === 1 && b.d === 1) {
        const n = this.n * b.n;
        if (Math.abs(n) <= MAX) return whole(n);
      } else {
        // Cross-reduce first so that the products stay small and the result is in lowest terms.
        const g1 = gcd(this.n, b.d);
        const g2 = gcd(b.n, this.d);
        const n = (this.n / g1) * (b.n / g2);
        const d = (this.d / g2) * (b.d / g1);
        if (Math.abs(n) <= MAX && d <= MAX) return new Rational(n, d);
      }
    }
    const p = pairOf(this, 'mul');
    const q = pairOf(b, 'mul');
    return fromBig(p.n * q.n, p.d * q.d);
  }

  div(b: Rational): Rational {
    if (b.n === 0) throw new RangeError('division by zero');
    // Count over count (ratios), the common case: straight to lowest terms.
    if (this.d === 1 && b.d === 1 && this.big === null && b.big === null) return b.n < 0 ? reduce(-this.n, -b.n) : reduce(this.n, b.n);
    return this.mul(b.inverse());
  }

  private inverse(): Rational {
    if (this.big !== null) return fromBig(this.big.d, this.big.n);
    return this.n < 0 ? new Rational(-this.d, -this.n) : new Rational(this.d, this.n);
  }

  neg(): Rational {
    if (this.n === 0) return this;
    return new Rational(-this.n, this.d, this.big === null ? null : { n: -this.big.n, d: this.big.d });
  }

  abs(): Rational {
    return this.n < 0 ? this.neg() : this;
  }

  floor(): Rational {
    if (this.big !== null) {
      const { n, d } = this.big;
      const q = n / d; // truncates toward zero
      return fromBig(n < big(0) && q * d !== n ? q - big(1) : q, big(1));
    }
    return this.d === 1 ? this : whole(floorDiv(this.n, this.d));
  }

  ceil(): Rational {
    return this.neg().floor().neg();
  }

  /** −1, 0 or 1. */
  compare(b: Rational): number {
    if (this.big === null && b.big === null) {
      if (this.d === b.d) return this.n < b.n ? -1 : this.n > b.n ? 1 : 0;
      const x = this.n * b.d;
      const y = b.n * this.d;
      if (Math.abs(x) <= MAX && Math.abs(y) <= MAX) return x < y ? -1 : x > y ? 1 : 0;
    }
    const p = pairOf(this, 'compare');
    const q = pairOf(b, 'compare');
    const x = p.n * q.d;
    const y = q.n * p.d;
    return x < y ? -1 : x > y ? 1 : 0;
  }

  equals(b: Rational): boolean {
    if (this.big === null && b.big === null) return this.n === b.n && this.d === b.d;
    return this.compare(b) === 0;
  }

  /** Half-up (away from zero) rounding to `decimals` places. */
  roundHalfUp(decimals: number): Rational {
    const p = POW10[decimals];
    if (this.big === null) {
      // Already exact at this precision (integers, halves, quarters, tenths…): nothing to do.
      if (p % this.d === 0) return this;
      // ⌊|n|·p/d + 1/2⌋ = ⌊(2·|n|·p + d) / 2d⌋
      const top = 2 * Math.abs(this.n) * p + this.d;
      const bottom = 2 * this.d;
      if (top <= MAX && bottom <= MAX) {
        const digits = (top - (top % bottom)) / bottom;
        return reduce(this.n < 0 ? -digits : digits, p);
      }
    }
    const { n, d } = pairOf(this, 'round');
    const abs = n < big(0) ? -n : n;
    const digits = (big(2) * abs * big(p) + d) / (big(2) * d);
    return fromBig(n < big(0) ? -digits : digits, big(p));
  }

  /** "14/3", "-1/2", "5": the audit text (the format fraction.js reads back). */
  toFraction(): string {
    if (this.big !== null) return this.big.d === big(1) ? String(this.big.n) : `${this.big.n}/${this.big.d}`;
    if (this.d === 1) return wholeText(this.n);
    return `${this.n}/${this.d}`;
  }
}

/** "0" … "1023": whole scores and counts are most of what is written out. */
const WHOLE_TEXTS = Array.from({ length: 1024 }, (_, i) => String(i));

/** The text of a whole number (a safe integer). */
export function wholeText(n: number): string {
  return n >= 0 && n < WHOLE_TEXTS.length ? WHOLE_TEXTS[n] : String(n);
}

export const ZERO_Q = new Rational(0, 1);

// V8 gives a field that has only ever held numbers a "double" representation, and then every
// object carries its numbers as separate boxes: three allocations per Rational instead of one.
// Storing a non-number once makes n and d tagged fields, where small integers sit unboxed.
// (Measured: a third less allocation when scoring a roster.)
new Rational(null as unknown as number, null as unknown as number);

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** 0 … 1023 as shared objects: whole scores, counts and points are most of what is computed. */
const SMALL_WHOLE = Array.from({ length: 1024 }, (_, i) => new Rational(i, 1));

/** A safe integer as a Rational, shared when small (no allocation). */
export function whole(n: number): Rational {
  return n >= 0 && n < 1024 ? SMALL_WHOLE[n] : new Rational(n, 1);
}

/** n/d in lowest terms with d > 0; both must already be safe integers. */
export function reduce(n: number, d: number): Rational {
  if (n === 0) return ZERO_Q; // also turns −0 into 0
  if (d < 0) {
    n = -n;
    d = -d;
  }
  if (d === 1) return whole(n);
  const g = gcd(n, d);
  if (g === d) return whole(n / g); // a whole number: shared when small
  return g === 1 ? new Rational(n, d) : new Rational(n / g, d / g);
}

function pairOf(x: Rational, what: string): BigPair {
  if (x.big !== null) return x.big;
  if (!HAS_BIGINT) throw new InexactError(what);
  return { n: big(x.n), d: big(x.d) };
}

function bigGcd(a: bigint, b: bigint): bigint {
  if (a < big(0)) a = -a;
  while (b !== big(0)) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** Lowest terms, back to plain numbers when they fit. */
function fromBig(n: bigint, d: bigint): Rational {
  if (d < big(0)) {
    n = -n;
    d = -d;
  }
  const g = bigGcd(n, d);
  if (g > big(1)) {
    n /= g;
    d /= g;
  }
  const nn = Number(n);
  const dd = Number(d);
  if (Math.abs(nn) <= MAX && dd <= MAX) return new Rational(nn, dd);
  return new Rational(nn, dd, { n, d });
}

/**
 * The exact value of a plain decimal text ("12", "-0.25", ".5", "1.", "1e-7", "3.0E+2"), or null
 * when it is not one, or has more than 15 decimal places or digits beyond 2^53 (nobody types
 * those; a cell's number is read to Excel's 15 significant digits before it gets here).
 * Scanned by hand: every typed number of every unit comes through here, and a regular
 * expression's match and substrings were most of its cost.
 */
export function parseDecimal(text: string): Rational | null {
  const len = text.length;
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 43 /* + */ || first === 45 /* - */) {
    negative = first === 45;
    i = 1;
  }
  let n = 0;
  let scale = 0;
  let pendingZeros = 0; // zeros after the point, counted only if a non-zero digit follows
  let digits = false;
  let point = false;
  let exponent = 0;
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits = true;
      if (!point) n = n * 10 + (c - 48);
      else if (c === 48) pendingZeros++;
      else {
        for (; pendingZeros > 0; pendingZeros--) {
          n *= 10;
          scale++;
        }
        n = n * 10 + (c - 48);
        scale++;
      }
      if (n > MAX) return null;
    } else if (c === 46 /* . */ && !point) {
      point = true;
    } else if ((c === 101 || c === 69) /* e E */ && digits) {
      const e = /^[+-]?\d{1,3}$/.test(text.slice(i + 1)) ? Number(text.slice(i + 1)) : NaN;
      if (Number.isNaN(e)) return null;
      exponent = e;
      break;
    } else return null;
  }
  if (!digits) return null;
  scale -= exponent;
  for (; scale < 0; scale++) {
    n *= 10;
    if (n > MAX) return null;
  }
  if (scale > 15) return null;
  if (n === 0) return ZERO_Q;
  return reduce(negative ? -n : n, POW10[scale]);
}

/**
 * A running exact sum that does not allocate per addition (category subtotals and totals add up
 * every item of every unit). Kept over the least common denominator of what was added.
 */
export class Sum {
  // Started as non-integers so that V8 keeps n and d as unboxed doubles from the first sum on:
  // a field that held only small integers changes representation at the first large or
  // fractional sum, and every function using the sums is thrown away and recompiled then.
  private n = 0.5;
  private d = 0.5;
  /** Set once the sum no longer fits in safe integers. */
  private spilled: Rational | null = null;

  constructor() {
    this.reset();
  }

  reset(): this {
    this.n = 0;
    this.d = 1;
    this.spilled = null;
    return this;
  }

  add(r: Rational): void {
    if (this.spilled === null && r.big === null) {
      if (r.d === this.d) {
        const n = this.n + r.n;
        if (Math.abs(n) <= MAX) {
          this.n = n;
          return;
        }
      } else {
        const g = gcd(this.d, r.d);
        const fa = r.d / g;
        const x = this.n * fa;
        const y = r.n * (this.d / g);
        const d = this.d * fa;
        const n = x + y;
        if (Math.abs(x) <= MAX && Math.abs(y) <= MAX && d <= MAX && Math.abs(n) <= MAX) {
          this.n = n;
          this.d = d;
          return;
        }
      }
    }
    this.spilled = this.value().add(r);
  }

  value(): Rational {
    return this.spilled ?? reduce(this.n, this.d);
  }
}
