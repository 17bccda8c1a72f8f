/**
 * Exact rationals (src/scoring/rational.ts: Rational, parseDecimal) and the output helpers of
 * src/scoring/exact.ts (toText, toNumber, exactOrNull).
 *
 * fraction.js serves as an independent oracle for small and moderate values, where its
 * double-based arithmetic is exact: results are compared as toFraction() text ("14/3", "-1/2", "5").
 * Past 2^53 fraction.js would round, so there the expectations are computed here with BigInt.
 * Hand-computed expectations show their arithmetic in a comment.
 */
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { exactOrNull, toNumber, toText } from '../../src/scoring/exact';
import { parseDecimal, Rational } from '../../src/scoring/rational';

/** n/d in lowest terms (the constructor reduces). */
const reduce = (n: number, d: number) => new Rational(n, d);
const ZERO_Q = new Rational(0);

const MAX = Number.MAX_SAFE_INTEGER; // 2^53 − 1 = 9007199254740991
const NUM_RUNS = Number(process.env.PROPERTY_RUNS) || 300;

// ---------------------------------------------------------------- BigInt reference (independent of src/)

function bgcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** n/d in lowest terms, as fraction.js and Rational.toFraction() print it. */
function bigFraction(n: bigint, d: bigint): string {
  if (d < 0n) [n, d] = [-n, -d];
  const g = bgcd(n, d) || 1n;
  n /= g;
  d /= g;
  return d === 1n ? `${n}` : `${n}/${d}`;
}

/** |n/d| rounded half-up to `decimals`, in units of 10^−decimals. */
function bigScaled(n: bigint, d: bigint, decimals: number): bigint {
  const abs = n < 0n ? -n : n;
  const p = 10n ** BigInt(decimals);
  return (2n * abs * p + d) / (2n * d); // ⌊|n|·p/d + 1/2⌋
}

/** Half-up (away from zero) rounding of n/d, as a fraction text. */
function bigRoundFraction(n: bigint, d: bigint, decimals: number): string {
  const k = bigScaled(n, d, decimals);
  return bigFraction(n < 0n ? -k : k, 10n ** BigInt(decimals));
}

/** The display text toText should give: half-up, trailing zeros removed, no "-0". */
function bigText(n: bigint, d: bigint, decimals: number): string {
  const k = bigScaled(n, d, decimals);
  let s = k.toString();
  if (decimals > 0) {
    s = s.padStart(decimals + 1, '0');
    s = `${s.slice(0, -decimals)}.${s.slice(-decimals)}`.replace(/0+$/, '').replace(/\.$/, '');
  }
  return (n < 0n && k !== 0n ? '-' : '') + s;
}

/** The exact value of a Rational as a BigInt pair (from `big` when set). */
const pairOf = (x: Rational): [bigint, bigint] => (x.big === null ? [BigInt(x.n), BigInt(x.d)] : [x.big.n, x.big.d]);

/** The exact value as "n/d" or "n", read from the BigInt pair (not from toFraction()). */
const exactText = (x: Rational): string => bigFraction(...pairOf(x));

// ---------------------------------------------------------------- generators

interface Pair {
  q: Rational;
  f: Fraction;
}

/** n/d with |n| ≤ 10^6, 1 ≤ d ≤ 10^4: every product fraction.js forms stays below 2^53. */
const ratioArb: fc.Arbitrary<Pair> = fc
  .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 10_000 }))
  .map(([n, d]) => ({ q: reduce(n, d), f: new Fraction(n, d) }));

/** k / 10^places as decimal text: "-12.345", "0.000", "7". */
function decimalText(k: number, places: number): string {
  const digits = String(Math.abs(k)).padStart(places + 1, '0');
  const body = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return (k < 0 ? '-' : '') + body;
}

/** Typed scores and counts: decimals with up to 6 places, parsed by parseDecimal and by fraction.js. */
const decimalArb: fc.Arbitrary<Pair> = fc
  .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }))
  .map(([k, places]) => {
    const text = decimalText(k, places);
    const q = parseDecimal(text);
    if (q === null) throw new Error(`parseDecimal rejected ${text}`);
    return { q, f: new Fraction(text) };
  });

/** Rubric points and typed scores like "-12.375": |k| ≤ 10^4 over 10^0…10^3. */
const scoreTextArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: 0, max: 3 }))
  .map(([k, places]) => decimalText(k, places));

const valueArb = fc.oneof(ratioArb, decimalArb);
const decimalsArb = fc.integer({ min: 0, max: 6 });

/** fraction.js half-up (away from zero); its own round() goes half toward +∞. */
function fractionHalfUp(f: Fraction, decimals: number): Fraction {
  const p = new Fraction(10).pow(decimals);
  const r = f.abs().mul(p).add(new Fraction(1, 2)).floor().div(p);
  return f.s < 0 ? r.neg() : r;
}

const prop = <T>(arb: fc.Arbitrary<T>, check: (v: T) => void) => fc.assert(fc.property(arb, check), { numRuns: NUM_RUNS });

// ---------------------------------------------------------------- 1. arithmetic against fraction.js

describe('Rational arithmetic against fraction.js', () => {
  it('add, sub, mul', () => {
    prop(fc.tuple(valueArb, valueArb), ([a, b]) => {
      expect(a.q.add(b.q).toFraction()).toBe(a.f.add(b.f).toFraction());
      expect(a.q.sub(b.q).toFraction()).toBe(a.f.sub(b.f).toFraction());
      expect(a.q.mul(b.q).toFraction()).toBe(a.f.mul(b.f).toFraction());
    });
  });

  it('div (non-zero divisor), including count over count', () => {
    prop(fc.tuple(valueArb, valueArb), ([a, b]) => {
      fc.pre(b.f.n !== 0);
      expect(a.q.div(b.q).toFraction()).toBe(a.f.div(b.f).toFraction());
    });
    prop(fc.tuple(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: -100_000, max: 100_000 })), ([n, d]) => {
      fc.pre(d !== 0);
      expect(reduce(n, 1).div(reduce(d, 1)).toFraction()).toBe(new Fraction(n, d).toFraction());
    });
  });

  it('division by zero throws RangeError', () => {
    expect(() => reduce(1, 3).div(ZERO_Q)).toThrow(RangeError);
    expect(() => reduce(5, 1).div(reduce(0, 7))).toThrow('division by zero');
  });

  it('neg, abs, floor, ceil', () => {
    prop(valueArb, ({ q, f }) => {
      expect(q.neg().toFraction()).toBe(f.neg().toFraction());
      expect(q.abs().toFraction()).toBe(f.abs().toFraction());
      expect(q.floor().toFraction()).toBe(f.floor().toFraction());
      expect(q.ceil().toFraction()).toBe(f.ceil().toFraction());
    });
  });

  it('floor and ceil by hand', () => {
    // 7/2 = 3.5 → 3 and 4; −7/2 = −3.5 → −4 and −3; −1/3 → −1 and 0
    expect([reduce(7, 2).floor().toFraction(), reduce(7, 2).ceil().toFraction()]).toEqual(['3', '4']);
    expect([reduce(-7, 2).floor().toFraction(), reduce(-7, 2).ceil().toFraction()]).toEqual(['-4', '-3']);
    expect([reduce(-1, 3).floor().toFraction(), reduce(-1, 3).ceil().toFraction()]).toEqual(['-1', '0']);
  });

  it('compare and equals', () => {
    prop(fc.tuple(valueArb, valueArb), ([a, b]) => {
      expect(a.q.compare(b.q)).toBe(a.f.compare(b.f));
      expect(a.q.equals(b.q)).toBe(a.f.equals(b.f));
      expect(a.q.compare(a.q)).toBe(0);
    });
  });

  it('equal values built differently are equal (lowest terms)', () => {
    prop(fc.tuple(ratioArb, fc.integer({ min: 1, max: 1000 })), ([{ q }, k]) => {
      const scaled = reduce(q.n * k, q.d * k);
      expect(scaled.equals(q)).toBe(true);
      expect(scaled.compare(q)).toBe(0);
      expect([scaled.n, scaled.d]).toEqual([q.n, q.d]);
    });
    // 0.25 typed = 1/4 = 250/1000 = −(−3/12)
    expect(parseDecimal('0.25')!.equals(reduce(1, 4))).toBe(true);
    expect(reduce(250, 1000).equals(reduce(-3, -12))).toBe(true);
  });

  it('roundHalfUp (away from zero) to 0–6 decimals', () => {
    prop(fc.tuple(valueArb, decimalsArb), ([{ q, f }, decimals]) => {
      expect(q.roundHalfUp(decimals).toFraction()).toBe(fractionHalfUp(f, decimals).toFraction());
    });
    // 2.675 exactly (= 107/40): 267.5 → 268 → 2.68 = 67/25; −2.5 → −3; 0.125 → 0.13 = 13/100
    expect(parseDecimal('2.675')!.roundHalfUp(2).toFraction()).toBe('67/25');
    expect(parseDecimal('-2.5')!.roundHalfUp(0).toFraction()).toBe('-3');
    expect(reduce(1, 8).roundHalfUp(2).toFraction()).toBe('13/100');
    // already exact at that precision: the same object comes back
    const half = reduce(1, 2);
    expect(half.roundHalfUp(1)).toBe(half);
  });

  it('toFraction format and valueOf', () => {
    expect(reduce(14, 3).toFraction()).toBe('14/3');
    expect(reduce(2, -4).toFraction()).toBe('-1/2'); // 2/−4 = −1/2
    expect(reduce(10, 2).toFraction()).toBe('5');
    expect(reduce(0, 9).toFraction()).toBe('0');
    prop(valueArb, ({ q, f }) => {
      expect(q.valueOf()).toBe(f.valueOf());
      expect(q.d).toBeGreaterThan(0);
      expect(q.big).toBeNull();
    });
    expect(+reduce(1, 4) + 1).toBe(1.25);
  });

  it('a chain of operations stays exact: (a + b) × c − d ÷ e', () => {
    // |n| ≤ 1000, d ≤ 50 keeps every product fraction.js forms below 2^53 along the chain
    const small = fc
      .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 50 }))
      .map(([n, d]) => ({ q: reduce(n, d), f: new Fraction(n, d) }));
    prop(fc.tuple(small, small, small, small, small), ([a, b, c, d, e]) => {
      fc.pre(e.f.n !== 0);
      const q = a.q.add(b.q).mul(c.q).sub(d.q.div(e.q));
      const f = a.f.add(b.f).mul(c.f).sub(d.f.div(e.f));
      expect(q.toFraction()).toBe(f.toFraction());
    });
    // larger values, where the chain may pass 2^53: against BigInt
    prop(fc.tuple(valueArb, valueArb, valueArb, valueArb, valueArb), ([a, b, c, d, e]) => {
      fc.pre(e.f.n !== 0);
      const q = a.q.add(b.q).mul(c.q).sub(d.q.div(e.q));
      const [[an, ad], [bn, bd], [cn, cd], [dn, dd], [en, ed]] = [a, b, c, d, e].map((x) => pairOf(x.q));
      // (an/ad + bn/bd)·cn/cd − (dn/dd)·(ed/en)
      const left = [(an * bd + bn * ad) * cn, ad * bd * cd];
      const right = [dn * ed, dd * en];
      expect(exactText(q)).toBe(bigFraction(left[0] * right[1] - right[0] * left[1], left[1] * right[1]));
    });
    // 0.1 + 0.2 = 3/10 exactly, unlike doubles
    expect(parseDecimal('0.1')!.add(parseDecimal('0.2')!).equals(parseDecimal('0.3')!)).toBe(true);
  });
});

// ---------------------------------------------------------------- 2. past 2^53

describe('values past 2^53 stay exact (BigInt in `big`)', () => {
  // Four distinct primes: the denominator of their reciprocals' sum is their product,
  // 999983 · 999979 · 999961 · 999959 ≈ 9.9988e23 > 2^53 ≈ 9.007e15.
  const PRIMES = [999983, 999979, 999961, 999959];
  const D = PRIMES.reduce((a, p) => a * BigInt(p), 1n);
  const N = PRIMES.reduce((a, p) => a + D / BigInt(p), 0n); // Σ Π_{j≠i} p_j
  const S = PRIMES.map((p) => reduce(1, p)).reduce((a, b) => a.add(b));

  it('the sum of 1/999983 + 1/999979 + 1/999961 + 1/999959 is exact', () => {
    expect(D).toBe(999882004995910678570843n);
    expect(N).toBe(3999646009991910678n);
    expect(S.big).not.toBeNull();
    expect(S.big!.n * D).toBe(N * S.big!.d); // same value
    expect(S.toFraction()).toBe(bigFraction(N, D)); // and in lowest terms
    expect(S.toFraction()).toBe('3999646009991910678/999882004995910678570843');
    // the summation order does not matter
    const reversed = [...PRIMES]
      .reverse()
      .map((p) => reduce(1, p))
      .reduce((a, b) => a.add(b));
    expect(reversed.equals(S)).toBe(true);
    expect(reversed.toFraction()).toBe(S.toFraction());
    // N·10^30 / D = 4000118003932142419417415…: S ≈ 0.000004000118003932; valueOf is good to 1e−15
    expect(S.valueOf()).toBeCloseTo(4.000118003932142e-6, 14);
  });

  it('compare() orders such values against nearby values', () => {
    // S = 0.000004000118003932… lies between 0.000004000118003 and 0.000004000118004
    const below = parseDecimal('0.000004000118003')!;
    const above = parseDecimal('0.000004000118004')!;
    expect(N * 10n ** 15n > 4000118003n * D && N * 10n ** 15n < 4000118004n * D).toBe(true);
    expect(S.compare(below)).toBe(1);
    expect(below.compare(S)).toBe(-1);
    expect(S.compare(above)).toBe(-1);
    expect(above.compare(S)).toBe(1);
    expect(S.equals(below)).toBe(false);

    // Swap 1/999959 for 1/999953 (a smaller prime, so a larger reciprocal): S2 > S by
    // 1/999953 − 1/999959 = 6/(999953·999959); both are big, and their doubles may tie.
    const S2 = S.sub(reduce(1, 999959)).add(reduce(1, 999953));
    const [n2, d2] = pairOf(S2);
    expect(n2 * D > N * d2).toBe(true);
    expect(S2.big).not.toBeNull();
    expect(S.compare(S2)).toBe(-1);
    expect(S2.compare(S)).toBe(1);
    expect(S2.sub(S).toFraction()).toBe(bigFraction(6n, 999953n * 999959n));
    expect(S.compare(S)).toBe(0);
    expect(S.neg().compare(S)).toBe(-1);
    expect(S.neg().compare(ZERO_Q)).toBe(-1);
  });

  it('adding the negation gives exactly 0 with big === null; partial sums come back to plain numbers', () => {
    const zero = S.add(S.neg());
    expect(zero.big).toBeNull();
    expect(zero.toFraction()).toBe('0');
    expect(zero.equals(ZERO_Q)).toBe(true);
    expect(S.sub(S).big).toBeNull();
    // S − 1/999959 − 1/999961 = 1/999983 + 1/999979 = (999979 + 999983)/(999983 · 999979)
    //                         = 1999962/999962000357, a denominator below 2^53 again
    const two = S.sub(reduce(1, 999959)).sub(reduce(1, 999961));
    expect(two.big).toBeNull();
    expect(two.toFraction()).toBe(bigFraction(1999962n, 999983n * 999979n));
    expect(two.toFraction()).toBe('1999962/999962000357');
  });

  it('neg, abs, mul, div, floor, ceil of a big value', () => {
    expect(S.neg().toFraction()).toBe(bigFraction(-N, D));
    expect(S.neg().abs().equals(S)).toBe(true);
    expect(S.mul(reduce(2, 1)).toFraction()).toBe(bigFraction(2n * N, D));
    expect(S.div(S).toFraction()).toBe('1');
    const inverse = reduce(1, 1).div(S);
    expect(inverse.toFraction()).toBe(bigFraction(D, N));
    expect(inverse.mul(S).toFraction()).toBe('1');
    // 0 < S < 1
    expect([S.floor().toFraction(), S.ceil().toFraction()]).toEqual(['0', '1']);
    expect([S.neg().floor().toFraction(), S.neg().ceil().toFraction()]).toEqual(['-1', '0']);
    // (2^54 + 1)/2 = 2^53 + 1/2: floor 2^53 = 9007199254740992, ceil 2^53 + 1; negated: −(2^53 + 1), −2^53
    const h = reduce(MAX, 1).add(reduce(3, 2)); // (2^53 − 1) + 3/2 = 2^53 + 1/2
    expect(h.toFraction()).toBe('18014398509481985/2');
    expect(h.big).not.toBeNull();
    expect([exactText(h.floor()), exactText(h.ceil())]).toEqual(['9007199254740992', '9007199254740993']);
    expect([exactText(h.neg().floor()), exactText(h.neg().ceil())]).toEqual(['-9007199254740993', '-9007199254740992']);
    expect(h.valueOf()).toBe(2 ** 53); // 2^53 + 0.5 is a tie between doubles: even wins
  });

  it('integer sums and products past 2^53, and back', () => {
    // (2^53 − 1) + 1 = 2^53
    const p53 = reduce(MAX, 1).add(reduce(1, 1));
    expect(p53.big).not.toBeNull();
    expect(exactText(p53)).toBe('9007199254740992');
    expect(p53.sub(reduce(1, 1)).big).toBeNull();
    expect(p53.sub(reduce(1, 1)).toFraction()).toBe(String(MAX));
    // (2^30 + 1)^2 = 2^60 + 2^31 + 1 = 1152921506754330625
    const x = reduce(2 ** 30 + 1, 1);
    expect(exactText(x.mul(x))).toBe(((2n ** 30n + 1n) ** 2n).toString());
    expect(exactText(x.mul(x))).toBe('1152921506754330625');
    expect(x.mul(x).div(x).toFraction()).toBe(String(2 ** 30 + 1));
    // Intermediate products past 2^53, result not: (2^53 − 1)/2 − (2^53 − 1)/4 = (2^53 − 1)/4
    // (over 4: 2·(2^53 − 1) overflows the fast path)
    const r = reduce(MAX, 2).add(reduce(-MAX, 4));
    expect(r.big).toBeNull();
    expect(r.toFraction()).toBe('9007199254740991/4');
  });

  it('compare() of plain rationals whose cross products pass 2^53', () => {
    // a = (2^52 − 1)/(2^52 − 3), b = (2^52 + 1)/(2^52 − 1), both in lowest terms (odd, differ by 2).
    // a vs b: (2^52 − 1)^2 = 2^104 − 2^53 + 1 against (2^52 + 1)(2^52 − 3) = 2^104 − 2^53 − 3: a > b by
    // 4 / ((2^52 − 3)(2^52 − 1)). As doubles both are 1 + 2^−51 and tie.
    const t = 2 ** 52;
    const a = reduce(t - 1, t - 3);
    const b = reduce(t + 1, t - 1);
    expect(a.big).toBeNull();
    expect(b.big).toBeNull();
    const [an, ad] = pairOf(a);
    const [bn, bd] = pairOf(b);
    expect(an * bd - bn * ad).toBe(4n);
    expect(a.valueOf()).toBe(b.valueOf());
    expect(a.compare(b)).toBe(1);
    expect(b.compare(a)).toBe(-1);
    expect(a.equals(b)).toBe(false);
    expect(a.neg().compare(b.neg())).toBe(-1);
    expect(a.sub(b).toFraction()).toBe(bigFraction(4n, ad * bd));
    // Another pair with equal doubles and the other order: (2^53 − 1)/(2^53 − 3) < (2^53 − 3)/(2^53 − 5)?
    // (2^53 − 1)(2^53 − 5) = 2^106 − 6·2^53 + 5 < (2^53 − 3)^2 = 2^106 − 6·2^53 + 9: yes.
    const c = reduce(MAX, MAX - 2);
    const e = reduce(MAX - 2, MAX - 4);
    expect(BigInt(MAX) * BigInt(MAX - 4) < BigInt(MAX - 2) * BigInt(MAX - 2)).toBe(true);
    expect(c.compare(e)).toBe(-1);
    expect(e.compare(c)).toBe(1);
  });

  it('roundHalfUp of a big value', () => {
    for (let decimals = 0; decimals <= 15; decimals++) {
      expect(exactText(S.roundHalfUp(decimals))).toBe(bigRoundFraction(N, D, decimals));
      expect(exactText(S.neg().roundHalfUp(decimals))).toBe(bigRoundFraction(-N, D, decimals));
    }
    // S = 0.000004000118003|932…: 15 places round up to 0.000004000118004 = 1000029501/250000000000000
    expect(S.roundHalfUp(15).toFraction()).toBe('1000029501/250000000000000');
    // 12 places: 0.000004000118|0039… → 0.000004000118 = 2000059/500000000000
    expect(S.roundHalfUp(12).toFraction()).toBe('2000059/500000000000');
    // 2^53 + 1/2 to 0 places: half-up → 2^53 + 1, a big integer
    const h = reduce(MAX, 1).add(reduce(3, 2));
    expect(exactText(h.roundHalfUp(0))).toBe('9007199254740993');
    expect(exactText(h.neg().roundHalfUp(0))).toBe('-9007199254740993');
  });

  it('toText and toNumber of a big value', () => {
    // S = 0.000004000118003932…
    expect(toText(S, 0)).toBe('0');
    expect(toText(S, 2)).toBe('0');
    expect(toText(S, 6)).toBe('0.000004');
    expect(toText(S, 12)).toBe('0.000004000118');
    expect(toText(S, 13)).toBe('0.000004000118'); // …1180|039 → …1180, trailing zero dropped
    expect(toText(S, 15)).toBe('0.000004000118004');
    expect(toText(S.neg(), 12)).toBe('-0.000004000118');
    expect(toText(S.neg(), 2)).toBe('0'); // no "-0"
    for (const decimals of [0, 2, 4, 6, 9, 12, 13, 15]) {
      expect(toText(S, decimals)).toBe(bigText(N, D, decimals));
      expect(toNumber(S, decimals)).toBe(Number(bigText(N, D, decimals)));
    }
    // 123456789 + S: big, and its text has an integer part
    const T = reduce(123456789, 1).add(S);
    expect(T.big).not.toBeNull();
    expect(toText(T, 0)).toBe('123456789');
    expect(toText(T, 8)).toBe('123456789.000004');
    expect(toText(T.neg(), 6)).toBe('-123456789.000004');
    // 2^53 + 1/2 to one place
    const h = reduce(MAX, 1).add(reduce(3, 2));
    expect(toText(h, 1)).toBe('9007199254740992.5');
    expect(toText(h.neg(), 2)).toBe('-9007199254740992.5');
    // a big integer: 2^53 = 9007199254740992, no point and no zeros after it
    const p53 = reduce(MAX, 1).add(reduce(1, 1));
    expect(toText(p53, 2)).toBe('9007199254740992');
    expect(toText(p53.neg(), 4)).toBe('-9007199254740992');
  });
});

describe('parseDecimal', () => {
  it.each([
    ['12', '12'],
    ['-0.25', '-1/4'],
    ['.5', '1/2'],
    ['1.', '1'],
    ['1e-7', '1/10000000'],
    ['3.0E+2', '300'], // 3.0 × 10^2
    ['007', '7'],
    ['0.000', '0'],
    ['-0', '0'],
    ['+5', '5'],
    ['-.5', '-1/2'],
    ['12.5e-1', '5/4'], // 1.25
    ['1.25e1', '25/2'], // 12.5
    ['10.01', '1001/100'],
    ['0.000000000000001', '1/1000000000000000'], // 15 places: the most allowed
    ['1e-15', '1/1000000000000000'],
    ['0.50000000000000000000', '1/2'], // trailing zeros are not places the value needs
    ['1234567890123456', '1234567890123456'], // 16 digits below 2^53
    ['9007199254740991', '9007199254740991'], // 2^53 − 1
  ])('%s → %s', (text, expected) => {
    const r = parseDecimal(text);
    expect(r).not.toBeNull();
    expect(r!.toFraction()).toBe(expected);
    expect(r!.toFraction()).toBe(new Fraction(expected).toFraction());
  });

  it.each([
    '',
    '.',
    'abc',
    '1..2',
    '-',
    '+',
    'e5',
    '1e',
    ' 1',
    '1,5',
    '0x10',
    'NaN',
    'Infinity',
    '0.1234567890123456', // 16 decimal places
    '1e-16',
    '1.5e-15', // 16 places
    '12345678901234567', // 17 digits
    '9999999999999999', // 16 digits, above 2^53
    '1e400',
  ])('rejects %p', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });

  it('agrees with fraction.js on generated decimal texts', () => {
    prop(decimalArb, ({ q, f }) => {
      expect(q.toFraction()).toBe(f.toFraction());
    });
  });
});

// ---------------------------------------------------------------- 5. exact.ts output helpers

describe('toText, toNumber, exactOrNull', () => {
  it.each<[string, Rational, number, string]>([
    ['2.675 (exact 2675/1000 = 107/40): 267.5 → 268', parseDecimal('2.675')!, 2, '2.68'],
    ['−2.5: −2.5 → −3 (away from zero)', parseDecimal('-2.5')!, 0, '-3'],
    ['1/3 = 0.333…', reduce(1, 3), 2, '0.33'],
    ['2/3 = 0.666…', reduce(2, 3), 2, '0.67'],
    ['1/8 = 0.125 → 0.13', reduce(1, 8), 2, '0.13'],
    ['−1/200 = −0.005 → −0.01', reduce(-1, 200), 2, '-0.01'],
    ['1/300 = 0.00333… → 0', reduce(1, 300), 2, '0'],
    ['−1/300 → 0, not -0', reduce(-1, 300), 2, '0'],
    ['9/2 = 4.50 → 4.5', reduce(9, 2), 2, '4.5'],
    ['5', reduce(5, 1), 2, '5'],
    ['−5', reduce(-5, 1), 2, '-5'],
    ['14/3 = 4.666… → 4.67', reduce(14, 3), 2, '4.67'],
    ['199/200 = 0.995 → 1', reduce(199, 200), 2, '1'],
    ['1/16 = 0.0625 to 4 places', reduce(1, 16), 4, '0.0625'],
    ['−1/16 = −0.0625 to 3 places → −0.063', reduce(-1, 16), 3, '-0.063'],
    ['101/100 to 1 place: 1.01 → 1', reduce(101, 100), 1, '1'],
  ])('toText %s', (_, x, decimals, expected) => {
    expect(toText(x, decimals)).toBe(expected);
    expect(toNumber(x, decimals)).toBe(Number(expected));
  });

  it('toText defaults to 2 decimals', () => {
    expect(toText(reduce(14, 3))).toBe('4.67');
    expect(toNumber(reduce(14, 3))).toBe(4.67);
  });

  it('toText matches a BigInt half-up reference (property)', () => {
    prop(
      fc.tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), decimalsArb),
      ([n, d, decimals]) => {
        const x = reduce(n, d);
        expect(toText(x, decimals)).toBe(bigText(BigInt(n), BigInt(d), decimals));
      },
    );
  });

  it('toNumber is exactly Number(toText(...)) (property)', () => {
    const arb = fc.tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 1, max: 1_000_000 }));
    prop(fc.tuple(arb, decimalsArb), ([[n, d], decimals]) => {
      const x = reduce(n, d);
      expect(toNumber(x, decimals)).toBe(Number(toText(x, decimals)));
    });
    // 4 decimals, as used for ratios and normalisation: count / count × typed points
    const count = fc.integer({ min: 0, max: 1_000_000 });
    prop(fc.tuple(count, count, scoreTextArb), ([n, d, points]) => {
      const x = reduce(n, 1)
        .div(reduce(d + 1, 1))
        .mul(parseDecimal(points)!);
      expect(toNumber(x, 4)).toBe(Number(toText(x, 4)));
      expect(toNumber(x, 4)).toBe(Number(bigText(...pairOf(x), 4)));
    });
  });

  it('toText where 2·|n|·10^decimals passes 2^53 (the BigInt path)', () => {
    // (2^53 − 1)/3 = 3002399751580330.333…: 2·n·100 passes 2^53; the rounded value 300239975158033033/100
    // is big too
    expect(toText(reduce(MAX, 3), 2)).toBe('3002399751580330.33');
    expect(toText(reduce(-MAX, 3), 2)).toBe('-3002399751580330.33');
    expect(toNumber(reduce(MAX, 3), 2)).toBe(Number('3002399751580330.33')); // the double nearest the decimal
    // (2^53 − 1)/3 to 0 places: 3002399751580330, a plain integer
    expect(toText(reduce(MAX, 3), 0)).toBe('3002399751580330');
    // 1/999999999999989 (a 15-digit denominator) to 15 places: 10^15/(10^15 − 11) = 1.000…011 → 1/10^15
    expect(toText(reduce(1, 999999999999989), 15)).toBe('0.000000000000001');
    expect(toText(reduce(1, 999999999999989), 14)).toBe('0');
  });

  it('toText with more than 6 decimals', () => {
    expect(toText(reduce(1, 8), 7)).toBe('0.125');
    expect(toText(reduce(2, 3), 10)).toBe('0.6666666667'); // 0.6666666666|67 → …667
    expect(toText(reduce(22, 7), 12)).toBe('3.142857142857'); // 3.142857142857|142…
    expect(toText(reduce(-1, 16), 8)).toBe('-0.0625');
    expect(toText(reduce(1, 3 * 10 ** 9), 9)).toBe('0'); // 0.000000000|333… → 0
  });

  it('exactOrNull reads numbers as Excel shows them (15 significant digits)', () => {
    // 0.1 + 0.2 = 0.30000000000000004 as a double; to 15 significant digits 0.300000000000000 = 3/10
    expect(exactOrNull(0.1 + 0.2)!.toFraction()).toBe('3/10');
    expect(exactOrNull(1e-7)!.toFraction()).toBe('1/10000000');
    expect(exactOrNull(2.675)!.toFraction()).toBe('107/40'); // 2675/1000
    expect(exactOrNull(-12)!.toFraction()).toBe('-12');
    // 2/3 as a double → 0.666666666666667 → 666666666666667/10^15
    expect(exactOrNull(2 / 3)!.toFraction()).toBe('666666666666667/1000000000000000');
    expect(exactOrNull(1e-15)!.toFraction()).toBe('1/1000000000000000');
    expect(exactOrNull(1e-16)).toBeNull(); // more than 15 places
    expect(exactOrNull(NaN)).toBeNull();
    expect(exactOrNull(Infinity)).toBeNull();
    expect(exactOrNull(-Infinity)).toBeNull();
    expect(exactOrNull(0.35)?.toFraction()).toBe('7/20');
  });

  // exactOrNull recognises one- and two-decimal numbers by arithmetic (k / 100 === x) instead of
  // printing them to 15 digits; both must give the same value.
  const fifteenDigits = (x: number) => (Number.isSafeInteger(x) ? reduce(x, 1) : parseDecimal(x.toPrecision(15)));
  it('exactOrNull of k/100 is the 15-digit reading (property)', () => {
    prop(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), (k) => {
      const x = k / 100;
      expect(exactOrNull(x)!.toFraction()).toBe(fifteenDigits(x)!.toFraction());
      expect(exactOrNull(x)!.toFraction()).toBe(reduce(k, 100).toFraction());
    });
  });
  it('exactOrNull of any double up to 1e12 is the 15-digit reading (property)', () => {
    prop(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => {
      const want = fifteenDigits(x);
      const got = exactOrNull(x);
      expect(got === null ? null : got.toFraction()).toBe(want === null ? null : want.toFraction());
    });
    // near-misses of the arithmetic test: a hair off k/100, and sums that drift
    for (const x of [0.1 + 0.2, 26.1 + 1e-13, 0.015, 1.005, 2.675, 1e-3, 0.125, 99.995, 1e7 + 0.01, 1e8 + 0.07])
      expect(exactOrNull(x)!.toFraction()).toBe(fifteenDigits(x)!.toFraction());
  });
  it('toText of whole hundredths to 3–8 places is the 2-place text (property)', () => {
    prop(fc.tuple(fc.integer({ min: -100_000_000, max: 100_000_000 }), fc.integer({ min: 3, max: 8 })), ([k, decimals]) => {
      expect(toText(reduce(k, 100), decimals)).toBe(bigText(BigInt(k), BigInt(100), decimals));
    });
  });
});

describe('cases the first version got wrong (found by these tests, fixed in src/)', () => {
  it('a whole number past 2^53 prints without a point, at 0 decimals', () => {
    // (2^53 − 1) + 3/2 = 9007199254740992.5 → half-up at 0 decimals → 9007199254740993
    const x = reduce(MAX, 1).add(reduce(3, 2));
    expect(toText(x, 0)).toBe('9007199254740993');
    expect(toNumber(x, 0)).toBe(Number('9007199254740993')); // 2^53 + 1 is no double: its nearest one
    // (2^53 − 1) + 1 = 2^53 = 9007199254740992, a big integer
    expect(toText(reduce(MAX, 1).add(reduce(1, 1)), 0)).toBe('9007199254740992');
  });

  it.each<[string, Rational, number, string]>([
    ['1/3 to 11 places', reduce(1, 3), 11, '0.33333333333'],
    ['1/3 to 15 places', reduce(1, 3), 15, '0.333333333333333'],
    // (2^53 − 1)/2 = 4503599627370495.5: to 1 or 2 places it is exactly that
    ['(2^53 − 1)/2 to 1 place', reduce(MAX, 2), 1, '4503599627370495.5'],
    ['(2^53 − 1)/2 to 2 places', reduce(MAX, 2), 2, '4503599627370495.5'],
    // 21431327335831 / 3000000 = 7143775.778610333… → 7143775.778610 → trailing zero dropped
    ['7143775.778610333… to 6 places', reduce(21431327335831, 3000000), 6, '7143775.77861'],
    // 203250160262635 / 3 = 67750053420878.333… → 67750053420878.33
    ['67750053420878.333… to 2 places', reduce(203250160262635, 3), 2, '67750053420878.33'],
  ])('toText of %s', (_, x, decimals, text) => {
    expect(toText(x, decimals)).toBe(text);
    expect(toNumber(x, decimals)).toBe(Number(text));
  });

  it('toFraction prints a whole number past 2^53 without "/1"', () => {
    // (2^53 − 1) + 1 = 9007199254740992; (2^30 + 1)^2 = 1152921506754330625
    expect(reduce(MAX, 1).add(reduce(1, 1)).toFraction()).toBe('9007199254740992');
    const k = reduce(2 ** 30 + 1, 1);
    expect(k.mul(k).toFraction()).toBe('1152921506754330625');
    expect(reduce(MAX, 1).add(reduce(1, 2)).floor().toFraction()).toBe(String(MAX));
  });

  it('zero is never −0', () => {
    expect(Object.is(reduce(0, -1).n, 0)).toBe(true);
    expect(Object.is(reduce(0, 1).div(reduce(-1, 1)).n, 0)).toBe(true);
    expect(Object.is(toNumber(reduce(0, -1)), 0)).toBe(true);
  });
});
