/**
 * The units file read by `score`: `{units: [{name, group, inputs, notApplicable, bonus, fraud}]}`.
 * The output of `template` (with its extra keys rubric, version, fields, help) is accepted as is.
 * The shape is checked with zod; the first problem is reported with its JSON path in Chinese,
 * e.g. `units[2].inputs 应为对象`.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { UnitInput } from '../scoring/types';
import { CliError } from './errors';
import { readJsonFile } from './files';

/** Past 1e15 a JSON number has lost digits already (the engine refuses inputs past 1e12 with a reason). */
const MAX_ABS = 1e15;

const rawValue = z.union([
  z.string(),
  z.number().refine((x) => Number.isFinite(x) && Math.abs(x) <= MAX_ABS, { message: 'too_large' }),
  z.boolean(),
  z.null(),
]);

export const UNIT_KEYS = ['name', 'group', 'inputs', 'notApplicable', 'bonus', 'fraud'] as const;

const unitSchema = z.strictObject({
  name: z.string().trim().min(1),
  group: z.string().trim().min(1).nullish(),
  inputs: z.record(z.string(), z.record(z.string(), rawValue)).nullish(),
  notApplicable: z.array(z.string()).nullish(),
  bonus: rawValue.optional(),
  fraud: z.union([z.boolean(), z.array(z.string())]).nullish(),
});

export const unitsFileSchema = z.looseObject({
  rubric: z.string().optional(),
  version: z.string().optional(),
  /** Values of the rubric's office-set parameters (rubric.parameters), by key: id, or id@group. */
  parameters: z.record(z.string(), rawValue).optional(),
  units: z.array(unitSchema),
});

export interface UnitsFile {
  /** Rubric id the file was made for (from `template`), if given. */
  rubric?: string;
  version?: string;
  /** The office-set parameters given in the file (`"parameters": {"points-1": 8}`), if any. */
  parameters?: Record<string, string | number | boolean | null>;
  units: UnitInput[];
}

/** `units[2].inputs["一.1"].leader`: identifiers with dots, other keys quoted. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(String(p))) out += out ? `.${String(p)}` : String(p);
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}

const TYPE_NAMES: Record<string, string> = {
  object: '对象（{…}）',
  record: '对象（{…}）',
  array: '数组（[…]）',
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  null: 'null',
};

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, p)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** What is wrong at an issue's path, and how to fix it, in Chinese (zod's own words never shown). */
function describe(issue: z.core.$ZodIssue, data: unknown): { message: string; fix: string } {
  const present = valueAt(data, issue.path) !== undefined;
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      const want = TYPE_NAMES[issue.expected] ?? '规定的类型';
      return present ? { message: `应为${want}`, fix: `改为${want}` } : { message: `缺少（应为${want}）`, fix: `加入此项，值为${want}` };
    }
    case 'invalid_union':
      if (last === 'fraud') return { message: '应为 true/false，或弄虚作假涉及的指标编号数组', fix: '写 false、true 或 ["一.1", "二.3"]' };
      return { message: '应为文字、数字、true/false 或 null（null 表示未填写）', fix: '写成单个值，如 "是"、85 或 null' };
    case 'unrecognized_keys':
      return {
        message: `有未知的字段「${issue.keys.join('」「')}」（可用：${UNIT_KEYS.join('、')}）`,
        fix: '删除这些字段或改正拼写（区分大小写）',
      };
    case 'too_small':
      return { message: '不能为空', fix: '填写内容' };
    case 'custom':
      if (issue.message === 'too_large') return { message: `数值过大（绝对值不能超过 ${MAX_ABS}）`, fix: '核对位数' };
      return { message: '取值无效', fix: '按 credit-score template 生成的格式填写' };
    default:
      return { message: '取值无效', fix: '按 credit-score template 生成的格式填写' };
  }
}

/**
 * Bounds of a units file, checked before the schema (which recurses) and before any key is
 * copied. A units file for 1,000 units of the largest rubric is about 2 MB, 6 levels deep.
 */
export const UNITS_LIMITS = {
  /** Bytes of the file (checked before it is read). */
  fileBytes: 20_000_000,
  depth: 16,
  values: 2_000_000,
  arrayLength: 100_000,
  objectKeys: 10_000,
  stringChars: 10_000,
} as const;

/**
 * Names every object inherits: as a key in a units file they are refused with their path, never
 * dropped (JSON.parse keeps "__proto__" as a key, and copying it would set a prototype instead).
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype']);

/** The first bound the parsed data exceeds, or the first inherited name used as a key: path, message, fix. */
export function checkUnitsBounds(data: unknown): { path: string; message: string; fix: string } | null {
  const L = UNITS_LIMITS;
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  let seen = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (++seen > L.values) return { path: '', message: `内容过多（超过 ${L.values} 个值）`, fix: '把单位分成几个文件分别计分' };
    if (path.length > L.depth)
      return {
        path: jsonPath(path),
        message: `嵌套层数超过 ${L.depth} 层`,
        fix: '按 credit-score template 生成的格式填写：units[…].inputs[指标][输入项] = 值',
      };
    if (typeof value === 'string') {
      if (value.length > L.stringChars)
        return { path: jsonPath(path), message: `文字过长（${value.length} 字符，上限 ${L.stringChars}）`, fix: '只填写数值或简短的文字' };
    } else if (Array.isArray(value)) {
      if (value.length > L.arrayLength)
        return { path: jsonPath(path), message: `数组有 ${value.length} 项，超过上限 ${L.arrayLength}`, fix: '把单位分成几个文件分别计分' };
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      if (keys.length > L.objectKeys)
        return { path: jsonPath(path), message: `对象有 ${keys.length} 个字段，超过上限 ${L.objectKeys}`, fix: '检查文件是否正确' };
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        if (PROTOTYPE_KEYS.has(key))
          return {
            path: jsonPath([...path, key]),
            message: `键名「${key}」不允许（是 JavaScript 对象的内置名称，会被误读）`,
            fix: '删除此项，或改用细则中的指标编号和输入项 id',
          };
        if (key.length > L.stringChars)
          return { path: jsonPath(path), message: `键名过长（${key.length} 字符）`, fix: '改用细则中的指标编号和输入项 id' };
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
  }
  return null;
}

/** Checks the shape of parsed JSON; throws CliError naming the first problem's path and its fix. */
export function parseUnitsData(data: unknown, file: string): UnitsFile {
  const what = `单位文件「${file}」`;
  if (Array.isArray(data)) throw new CliError(`${what}应为对象 {"units": […]}，而不是数组。修改：把数组放进 "units" 中`);
  if (data === null || typeof data !== 'object')
    throw new CliError(`${what}应为对象 {"units": […]}。修改：按 credit-score template 生成的格式填写`);
  const bound = checkUnitsBounds(data);
  if (bound) throw new CliError(`${what}：${bound.path ? `${bound.path} ` : ''}${bound.message}。修改：${bound.fix}`);
  const parsed = unitsFileSchema.safeParse(data);
  if (!parsed.success) {
    const [first, ...rest] = parsed.error.issues;
    const more = rest.length > 0 ? `（另有 ${rest.length} 处问题）` : '';
    const path = jsonPath(first.path);
    const { message, fix } = describe(first, data);
    throw new CliError(`${what}：${path ? `${path} ` : ''}${message}${more}。修改：${fix}`);
  }
  const units: UnitInput[] = parsed.data.units.map((u) => ({
    name: u.name,
    ...(u.group != null ? { group: u.group } : {}),
    ...(u.inputs != null ? { inputs: u.inputs } : {}),
    ...(u.notApplicable != null ? { notApplicable: u.notApplicable } : {}),
    ...(u.bonus !== undefined ? { bonus: u.bonus } : {}),
    ...(u.fraud != null ? { fraud: u.fraud } : {}),
  }));
  return {
    rubric: parsed.data.rubric,
    version: parsed.data.version,
    ...(parsed.data.parameters ? { parameters: parsed.data.parameters } : {}),
    units,
  };
}

export function readUnitsFile(path: string, cwd: string): UnitsFile {
  let size: number | null = null;
  try {
    size = statSync(resolve(cwd, path)).size;
  } catch {
    // readJsonFile reports a missing or unreadable file in Chinese.
  }
  if (size !== null && size > UNITS_LIMITS.fileBytes)
    throw new CliError(
      `单位文件「${path}」过大（${Math.ceil(size / 1_000_000)} MB，上限 ${UNITS_LIMITS.fileBytes / 1_000_000} MB）。修改：检查是否选错了文件，或把单位分成几个文件分别计分`,
    );
  return parseUnitsData(readJsonFile(path, cwd, '单位文件'), path);
}
