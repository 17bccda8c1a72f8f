/**
 * Generators shared by the fuzz tests: keys and values a hostile or careless file may hold.
 * Generated text uses Chinese, digits and punctuation only, so that an English word in a message
 * can only have come from the code (zod, JSON.parse, a stack trace), never from the input echoed.
 */
import fc from 'fast-check';

/** Zod's, JSON.parse's and JavaScript's own words that must never reach the user. */
export const NO_ENGLISH =
  /\b(Invalid|invalid input|expected|received|object|string|number|int|array|boolean|Unexpected|undefined|NaN|TypeError|RangeError|stack)\b/;

/** Names every object inherits. "__proto__" is written as HOSTILE_PROTO and put back in the JSON text. */
export const PROTOTYPE_NAMES = [
  'HOSTILE_PROTO',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  'prototype',
];

const CHARS = [
  '一',
  '二',
  '是',
  '否',
  '份',
  '分',
  '个',
  '％',
  '，',
  '、',
  '0',
  '1',
  '2',
  '5',
  '9',
  '.',
  '-',
  ' ',
  '　',
  '８',
  '√',
  '×',
  'x',
  'X',
  '%',
  ',',
  '#',
];

/** Short text from the alphabet above. */
export const text = fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 8 });

/** Keys: ordinary ids, inherited names, empty and odd ones. */
export const hostileKey = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('一.1', '二.3', '8', 'n', 'reports', 'share') },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  { weight: 2, arbitrary: text },
);

/** Values as typed (with units, spaces, marks), numbers out of range, wrong types, deep nesting, long text. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '是',
      '否',
      '是的',
      '没有',
      'x',
      'X',
      '√',
      '×',
      '7份',
      '7 份',
      '2分',
      '1 2',
      '1,234',
      '85%',
      '0.85',
      '８５％',
      '',
      '  ',
      '#N/A',
      '1e13',
    ),
  },
  { weight: 3, arbitrary: text },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.integer({ min: -5, max: 200 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(1e13, 1e15, 1e16, 1e300, 1 / 12, 1e-16, -0),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200 }).map((d) => JSON.parse(`${'['.repeat(d)}1${']'.repeat(d)}`)) },
  { weight: 1, arbitrary: fc.constantFrom('很'.repeat(10_001), {}, [], { v: 1 }, ['是']) },
);

/** The JSON text of a value with HOSTILE_PROTO restored to "__proto__", parsed again (own "__proto__" keys). */
export function withProtoKeys(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value).replace(/"HOSTILE_PROTO"/g, '"__proto__"'));
}
