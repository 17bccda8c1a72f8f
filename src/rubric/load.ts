/**
 * Loading a rubric file: JSON syntax, then the schema, then the semantic checks. Every failure is a
 * list of errors naming the file, the JSON path and the fix, in Chinese, never a stack trace.
 */
import { z } from 'zod';
import { rubric as rubricSchema, type Rubric } from './schema';
import { validateRubric, type RubricIssue } from './validate';
import { versionTooNew } from './schema-version';
import { contentHash } from './hash';
import { checkRubricData, checkRubricText } from './limits';

export interface LoadedRubric {
  rubric: Rubric;
  /** Content hash of the validated rubric, stored in workbooks. */
  hash: string;
}

export interface RubricError extends RubricIssue {
  file: string;
}

export type LoadResult = { ok: true; value: LoadedRubric } | { ok: false; errors: RubricError[] };

/** Formats one error as a single line: `file: path: message 修改：fix`. */
export function formatRubricError(e: RubricError): string {
  return `${e.file}: ${e.path || '(根)'}: ${e.message} 修改：${e.fix}`;
}

export class RubricLoadError extends Error {
  constructor(readonly errors: RubricError[]) {
    super(errors.map(formatRubricError).join('\n'));
    this.name = 'RubricLoadError';
  }
}

export function parseRubricText(text: string, file: string): LoadResult {
  const tooLarge = checkRubricText(text);
  if (tooLarge) return { ok: false, errors: [{ ...tooLarge, file }] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      errors: [{ file, path: '', message: `不是有效的 JSON${syntaxWhere(text, e)}。`, fix: '用 JSON 编辑器检查逗号、引号和括号。' }],
    };
  }
  return parseRubricData(data, file);
}

export function parseRubricData(data: unknown, file: string): LoadResult {
  // Bounds first, iteratively: the schema and the checks after it recurse (limits.ts).
  const bounds = checkRubricData(data);
  if (bounds.length > 0) return { ok: false, errors: bounds.map((i) => ({ ...i, file })) };
  // A rubric of a newer language is refused for that, not for each new key (schema-version.ts).
  const tooNew = versionTooNew(data);
  if (tooNew) return { ok: false, errors: [{ ...tooNew, file }] };
  // reportInput: zod 4 leaves the offending value out of issues otherwise, and a wrong type would read as missing.
  const parsed = rubricSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => fromZodIssue(i, file)) };
  const issues = validateRubric(parsed.data);
  if (issues.length > 0) return { ok: false, errors: issues.map((i) => ({ ...i, file })) };
  return { ok: true, value: { rubric: parsed.data, hash: contentHash(parsed.data) } };
}

/**
 * Where JSON.parse stopped, as 「（第 3 行第 5 列附近）」, or the character it did not expect: its
 * own message is English, and for an unexpected token Node gives no position.
 */
function syntaxWhere(text: string, e: unknown): string {
  if (text.trim() === '') return '（内容是空的）';
  const message = e instanceof Error ? e.message : '';
  const pos = /position (\d+)/.exec(message);
  if (pos) {
    const offset = Math.min(Number(pos[1]), text.length);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return `（第 ${line} 行第 ${column} 列附近）`;
  }
  const token = /Unexpected token '(.+?)'/.exec(message);
  if (token) return `（多余或错位的「${token[1]}」）`;
  if (/end of JSON/.test(message)) return '（内容不完整：缺少结尾的括号或引号）';
  return '';
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

function fromZodIssue(issue: z.core.$ZodIssue, file: string): RubricError {
  const path = formatPath(issue.path);
  const { message, fix } = describeZodIssue(issue);
  return { file, path, message, fix };
}

/** Zod's type names in Chinese: its own words ("object", "int") must not reach the user. */
const TYPE_WORDS: Record<string, string> = {
  object: '对象（{…}）',
  array: '数组（[…]）',
  string: '文字（带引号）',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  null: 'null',
  nan: '数字',
  bigint: '整数',
};
const typeWord = (t: string) => TYPE_WORDS[t] ?? '规定的类型';

/** What is too small or too big: a text's length, a list's entries or a number's value. */
function sizeWord(origin: string | undefined): string {
  if (origin === 'string') return '文字长度';
  if (origin === 'array' || origin === 'set') return '项数';
  return '数值';
}

function describeZodIssue(issue: z.core.$ZodIssue): { message: string; fix: string } {
  switch (issue.code) {
    case 'invalid_type': {
      const want = typeWord(issue.expected);
      if (issue.input === undefined) return { message: `缺少必填项（应为${want}）。`, fix: `加入此项，值为${want}。` };
      return { message: `类型错误：应为${want}。`, fix: `改为${want}。` };
    }
    case 'unrecognized_keys':
      return {
        message: `未知的字段：${issue.keys.join('、')}。`,
        fix: '删除这些字段，或检查拼写（字段名区分大小写，见 rubrics/rubric.schema.json）。',
      };
    case 'invalid_value':
      return { message: `取值无效。`, fix: `可选值：${issue.values.map((v) => JSON.stringify(v)).join('、')}。` };
    case 'invalid_union': {
      const disc = (issue as { discriminator?: string }).discriminator;
      if (disc) return { message: `「${disc}」取值无效或缺失。`, fix: `使用 rubrics/rubric.schema.json 中列出的 ${disc}。` };
      return { message: '不符合任何允许的形式。', fix: '对照 rubrics/rubric.schema.json 检查此项的写法。' };
    }
    case 'too_small': {
      const what = sizeWord(issue.origin);
      const least = issue.origin === 'number' && !issue.inclusive ? `大于 ${String(issue.minimum)}` : `至少为 ${String(issue.minimum)}`;
      return { message: `${what}太小（应${least}）。`, fix: `改为${what}${least}。` };
    }
    case 'too_big': {
      const what = sizeWord(issue.origin);
      const most = issue.origin === 'number' && !issue.inclusive ? `小于 ${String(issue.maximum)}` : `不超过 ${String(issue.maximum)}`;
      return { message: `${what}太大（应${most}）。`, fix: `改为${what}${most}。` };
    }
    case 'invalid_format':
      // Every pattern in schema.ts carries a Chinese message; zod's own ("Invalid string") does not reach here.
      return {
        message: `格式错误：${isChinese(issue.message) ? issue.message : '不符合规定的写法'}。`,
        fix: '按 rubrics/rubric.schema.json 的要求填写。',
      };
    case 'custom':
      return {
        message: isChinese(issue.message) ? issue.message : '取值无效。',
        fix: (issue.params as { fix?: string } | undefined)?.fix ?? '对照 rubrics/rubric.schema.json 修改此项。',
      };
    default:
      return { message: '取值无效。', fix: '对照 rubrics/rubric.schema.json 修改此项。' };
  }
}

/** Whether a message is ours (Chinese) rather than zod's English default. */
const isChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);
