/**
 * Bounds on a rubric checked before the schema sees it. A rubric arrives from a file the user
 * imports or from a workbook somebody sent, so it may be hostile or broken: the schema and the
 * semantic checks recurse, and the engine's exact arithmetic throws on numbers that are not short
 * decimals. This walk is iterative (an explicit stack, no recursion), stops at the first bound
 * exceeded, and every number the engine could read is checked here once.
 *
 * The limits, with the largest shipped rubric (bozhou-2017-counties) for scale:
 * - text: 1 MB (48 KB shipped)                     - nesting depth: 32 (12 shipped)
 * - values in all: 50,000 (1,015 shipped)          - entries in one array: 1,000 (36 shipped)
 * - keys in one object: 100 (23 shipped)           - characters in one string: 10,000 (519 shipped)
 * - numbers: finite decimals with at most 6 places and at most 1,000,000,000 in absolute value
 *   (the documents use 1 place and 2022 at most). 1/12 written as 0.08333333333333333, 1e300 or
 *   1e-16 cannot be computed with exactly and are refused here, not at scoring time.
 */
import type { RubricIssue } from './validate';

export const RUBRIC_LIMITS = {
  textChars: 1_000_000,
  depth: 32,
  values: 50_000,
  arrayLength: 1_000,
  objectKeys: 100,
  stringChars: 10_000,
  decimals: 6,
  magnitude: 1_000_000_000,
} as const;

/** Names an object inherits: as an id or key they would read the prototype instead of data. */
export const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype']);

/** Whether x is a decimal written with at most `decimals` places and within `magnitude`. */
export function isShortDecimal(x: number, decimals: number = RUBRIC_LIMITS.decimals, magnitude: number = RUBRIC_LIMITS.magnitude): boolean {
  if (!Number.isFinite(x) || Math.abs(x) > magnitude) return false;
  // Within the magnitude, String() gives the shortest round-trip text, in exponent form only below 1e-6.
  const text = String(x);
  if (text.includes('e')) return false;
  const point = text.indexOf('.');
  return point < 0 || text.length - point - 1 <= decimals;
}

/** JSON path in the style of load.ts: `categories[2].indicators[1].rule`. */
function pathText(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** The first size bound the text exceeds, or null. */
export function checkRubricText(text: string): RubricIssue | null {
  if (text.length <= RUBRIC_LIMITS.textChars) return null;
  return {
    path: '',
    message: `评分细则文件过大（${Math.ceil(text.length / 1000)} 千字符，上限 ${RUBRIC_LIMITS.textChars / 1000} 千字符）。`,
    fix: '评分细则只含指标、规则和说明；检查是否误选了别的文件，或删去过长的说明文字。',
  };
}

const MAX_NUMBER_ISSUES = 20;

/**
 * Bounds on parsed rubric data: depth, counts and string lengths (the first one exceeded ends the
 * walk), and numbers that are not short decimals (up to 20 reported, each with its path).
 */
export function checkRubricData(data: unknown): RubricIssue[] {
  const L = RUBRIC_LIMITS;
  const issues: RubricIssue[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  let seen = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    const where = pathText(path);
    if (++seen > L.values)
      return [{ path: '', message: `评分细则的内容过多（超过 ${L.values} 个值）。`, fix: '检查文件是否正确；一份考核表的细则远小于此。' }];
    if (path.length > L.depth)
      return [{ path: where, message: `嵌套层数超过 ${L.depth} 层。`, fix: '减少条件（any / all）的嵌套层数，把条件写平。' }];
    if (typeof value === 'string') {
      if (value.length > L.stringChars)
        return [
          {
            path: where,
            message: `文字过长（${value.length} 字符，上限 ${L.stringChars}）。`,
            fix: '缩短此段文字，或把详情放在原文件中、这里只写要点。',
          },
        ];
    } else if (typeof value === 'number') {
      if (!isShortDecimal(value) && issues.length < MAX_NUMBER_ISSUES)
        issues.push({
          path: where,
          message: `数值 ${String(value)} 不是可精确计算的有限小数（最多 ${L.decimals} 位小数，绝对值不超过 ${L.magnitude}）。`,
          fix: `改为有限小数，最多 ${L.decimals} 位；每项分值（rate、perOccurrence）可写成带引号的分数，如 "1/12"。`,
        });
    } else if (Array.isArray(value)) {
      if (value.length > L.arrayLength)
        return [
          {
            path: where,
            message: `列表有 ${value.length} 项，超过上限 ${L.arrayLength}。`,
            fix: '检查文件是否正确；一份考核表的任何列表都远少于此。',
          },
        ];
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      if (keys.length > L.objectKeys)
        return [
          {
            path: where,
            message: `对象有 ${keys.length} 个字段，超过上限 ${L.objectKeys}。`,
            fix: '删除多余的字段（见 rubrics/rubric.schema.json）。',
          },
        ];
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        if (key.length > L.stringChars)
          return [{ path: where, message: `字段名过长（${key.length} 字符）。`, fix: '改为 rubrics/rubric.schema.json 中的字段名。' }];
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
  }
  return issues;
}
