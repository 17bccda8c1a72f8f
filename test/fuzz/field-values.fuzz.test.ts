/**
 * Fuzzing parseFieldValue (issues 12 and 13): any value of any field type is blank, a value of
 * the field's kind within its range, or refused with a Chinese reason; it never throws, never says
 * 内部错误, never reads a letter x as 否, and never joins digits across a space ("1 2" is not 12).
 */
import fc from 'fast-check';
import type { Field } from '../../src/rubric/schema';
import { parseFieldValue, toHalfWidth } from '../../src/scoring/values';
import { Rational } from '../../src/scoring/rational';
import { hostileValue, NO_ENGLISH, text } from './arbitraries';

const RUNS = 20_000;
const fields: Field[] = [
  { id: 'a', label: '是否', type: 'yesno' },
  { id: 'b', label: '份数', type: 'count', unit: '份' },
  { id: 'c', label: '个数', type: 'count' },
  { id: 'd', label: '金额', type: 'number', min: -5, max: 100, unit: '万元' },
  { id: 'bonus', label: '加分', type: 'number', min: 0 },
  { id: 'e', label: '比例', type: 'percent', bare: 'percent' },
  { id: 'f', label: '比例', type: 'percent', bare: 'fraction' },
  { id: 'g', label: '等级', type: 'choice', options: ['好', '中', '差'] },
  { id: 'h', label: '得分', type: 'score', step: 0.5 },
];

const raw = fc.oneof(
  hostileValue,
  fc.string(),
  fc
    .tuple(
      fc.integer({ min: 0, max: 99_999 }),
      fc.constantFrom('', ' ', '　', '  '),
      fc.constantFrom('份', '个', '分', '天', '万元', '%', '％', '', 'x'),
    )
    .map(([n, sp, w]) => `${n}${sp}${w}`),
  fc
    .tuple(fc.integer({ min: 0, max: 999 }), fc.constantFrom(' ', '　', '\t'), fc.integer({ min: 0, max: 999 }))
    .map(([a, sp, b]) => `${a}${sp}${b}`),
  text,
);

describe('parseFieldValue fuzz', () => {
  it(`${RUNS} typed values of every field type`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...fields), raw, (f, v) => {
        const r = parseFieldValue(f, v as never);
        if (r.status === 'invalid') {
          expect(r.message).toMatch(/[\u4e00-\u9fff]/);
          expect(r.message).not.toContain('内部错误');
          // The value may be echoed; the words around it are Chinese.
          expect(r.message.replace(/「[^」]*」/g, '')).not.toMatch(NO_ENGLISH);
          return;
        }
        if (r.status === 'blank') {
          expect(v === null || v === undefined || (typeof v === 'string' && toHalfWidth(v).trim() === '')).toBe(true);
          return;
        }
        const folded = typeof v === 'string' ? toHalfWidth(v).trim() : '';
        if (f.type === 'yesno') {
          expect(typeof r.value).toBe('boolean');
          expect(folded.toUpperCase()).not.toBe('X');
          return;
        }
        if (f.type === 'choice') {
          expect(f.options).toContain(r.value);
          return;
        }
        expect(r.value).toBeInstanceOf(Rational);
        const n = (r.value as Rational).valueOf();
        expect(Number.isFinite(n)).toBe(true);
        expect(/\d\s+\d/.test(folded)).toBe(false);
        if (f.type === 'count') expect(Number.isInteger(n) && n >= 0).toBe(true);
        if (f.type === 'percent') expect(n >= 0 && n <= 100).toBe(true);
        if (f.type === 'number') expect(n >= (f.min ?? 0) && (f.max === undefined || n <= f.max)).toBe(true);
        if (f.type === 'score') expect(n >= 0 && Number.isInteger(n * 2)).toBe(true);
      }),
      { numRuns: RUNS, seed: 20261206 },
    );
  });
});
