/**
 * Loading a rubric file: JSON syntax, then the schema, then the semantic checks. Every failure is a
 * list of errors naming the file, the JSON path and the fix, in Chinese, never a stack trace.
 */
import { z } from 'zod';
import { rubric as rubricSchema, type Rubric } from './schema';
import { validateRubric, type RubricIssue } from './validate';
import { contentHash } from './hash';

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
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      errors: [{ file, path: '', message: `不是有效的 JSON：${msg}`, fix: '用 JSON 编辑器检查逗号、引号和括号。' }],
    };
  }
  return parseRubricData(data, file);
}

export function parseRubricData(data: unknown, file: string): LoadResult {
  // reportInput: zod 4 leaves the offending value out of issues otherwise, and a wrong type would read as missing.
  const parsed = rubricSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => fromZodIssue(i, file)) };
  const issues = validateRubric(parsed.data);
  if (issues.length > 0) return { ok: false, errors: issues.map((i) => ({ ...i, file })) };
  return { ok: true, value: { rubric: parsed.data, hash: contentHash(parsed.data) } };
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

function describeZodIssue(issue: z.core.$ZodIssue): { message: string; fix: string } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined)
        return { message: `缺少必填项（应为 ${issue.expected}）。`, fix: `加入此项，类型为 ${issue.expected}。` };
      return { message: `类型错误：应为 ${issue.expected}。`, fix: `改为 ${issue.expected} 类型的值。` };
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
    case 'too_small':
      return { message: `太小或太少（最少 ${String(issue.minimum)}）。`, fix: `至少为 ${String(issue.minimum)}。` };
    case 'too_big':
      return { message: `太大或太多（最多 ${String(issue.maximum)}）。`, fix: `不超过 ${String(issue.maximum)}。` };
    case 'invalid_format':
      return { message: `格式错误：${issue.message}`, fix: '按要求的格式填写。' };
    default:
      return { message: issue.message, fix: '对照 rubrics/rubric.schema.json 修改此项。' };
  }
}
