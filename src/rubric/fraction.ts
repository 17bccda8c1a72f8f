/**
 * Exact fractional constants of a rubric: a rate written "1/12" (转载数 ÷ 12 × 1 分) instead of
 * 0.083333, which is neither exact nor what the method says. Short integers only, so that the
 * engine's exact arithmetic stays small; the denominator is never 0 (checked at load, validate.ts).
 */
export const FRACTION = /^(\d{1,6})\/(\d{1,6})$/;

/** A rule constant: a number as written, or an exact fraction "n/d". */
export type Constant = number | string;

/** The numerator and denominator of a fraction constant, or null when it is not written "n/d" with d > 0. */
export function fractionParts(text: string): { n: number; d: number } | null {
  const m = FRACTION.exec(text);
  if (m === null || Number(m[2]) === 0) return null;
  return { n: Number(m[1]), d: Number(m[2]) };
}
