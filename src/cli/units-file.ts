/**
 * The units file read by `score`: `{units: [{name, group, inputs, notApplicable, bonus, fraud}]}`.
 * The output of `template` (with its extra keys rubric, version, fields, help) is accepted as is.
 * The shape is checked with zod; the first problem is reported with its JSON path in Chinese,
 * e.g. `units[2].inputs 应为对象`.
 */
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
  units: z.array(unitSchema),
});

export interface UnitsFile {
  /** Rubric id the file was made for (from `template`), if given. */
  rubric?: string;
  version?: string;
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
  boolean: 'true 或 false',
};

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function describe(issue: z.core.$ZodIssue, data: unknown): string {
  const present = valueAt(data, issue.path) !== undefined;
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      const want = TYPE_NAMES[issue.expected] ?? issue.expected;
      return present ? `应为${want}` : `缺少（应为${want}）`;
    }
    case 'invalid_union':
      if (last === 'fraud') return '应为 true/false，或弄虚作假涉及的指标编号数组';
      return '应为文字、数字、true/false 或 null（null 表示未填写）';
    case 'unrecognized_keys':
      return `有未知的字段「${issue.keys.join('」「')}」（可用：${UNIT_KEYS.join('、')}）`;
    case 'too_small':
      return '不能为空';
    case 'custom':
      return issue.message === 'too_large' ? `数值过大（绝对值不能超过 ${MAX_ABS}）` : issue.message;
    default:
      return issue.message;
  }
}

/** Checks the shape of parsed JSON; throws CliError naming the first problem's path. */
export function parseUnitsData(data: unknown, file: string): UnitsFile {
  const what = `单位文件「${file}」`;
  if (Array.isArray(data)) throw new CliError(`${what}应为对象 {"units": […]}，而不是数组：把数组放进 "units" 中`);
  if (data === null || typeof data !== 'object') throw new CliError(`${what}应为对象 {"units": […]}`);
  const parsed = unitsFileSchema.safeParse(data);
  if (!parsed.success) {
    const [first, ...rest] = parsed.error.issues;
    const more = rest.length > 0 ? `（另有 ${rest.length} 处问题）` : '';
    const path = jsonPath(first.path);
    throw new CliError(`${what}：${path ? `${path} ` : ''}${describe(first, data)}${more}`);
  }
  const units: UnitInput[] = parsed.data.units.map((u) => ({
    name: u.name,
    ...(u.group != null ? { group: u.group } : {}),
    ...(u.inputs != null ? { inputs: u.inputs } : {}),
    ...(u.notApplicable != null ? { notApplicable: u.notApplicable } : {}),
    ...(u.bonus !== undefined ? { bonus: u.bonus } : {}),
    ...(u.fraud != null ? { fraud: u.fraud } : {}),
  }));
  return { rubric: parsed.data.rubric, version: parsed.data.version, units };
}

export function readUnitsFile(path: string, cwd: string): UnitsFile {
  return parseUnitsData(readJsonFile(path, cwd, '单位文件'), path);
}
