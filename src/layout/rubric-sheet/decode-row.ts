/**
 * One row of the 细则定义 sheet → a category or indicator object (before the schema's defaults).
 * Used by the reader, and by the writer to check that what it wrote reads back the same (what does
 * not is written as JSON in 高级设置 instead).
 */
import { ADVANCED_KIND_NAME, COMPOSITE_KIND, PARAM_HEADERS, kindByName, parseZeroIf, type ParamKey, type ParamReader } from './rule-kinds';
import { CellProblem, parseFields, parseNumber, splitWords } from './text-syntax';
import type { ColumnKey } from './indicator-columns';
import type { SheetCellValue } from './types';

export type RowCells = Partial<Record<ColumnKey, SheetCellValue>>;

export interface RowProblemAt {
  key: ColumnKey;
  message: string;
  fix: string;
}

export interface DecodedRow {
  value: Record<string, unknown>;
  problems: RowProblemAt[];
  /** Which keys of the object came from 高级设置 (their errors point at that cell). */
  fromAdvanced: Set<string>;
}

/** A cell's text, or undefined when blank. Numbers print as typed; TRUE/FALSE as 是/否. */
export function cellText(v: SheetCellValue | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'boolean') return v ? '是' : '否';
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

const stripUndefined = (o: Record<string, unknown>) => {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
};

function decoder(cells: RowCells) {
  const problems: RowProblemAt[] = [];
  const attempt = <T>(key: ColumnKey, f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (e instanceof CellProblem) {
        problems.push({ key, message: e.message, fix: e.fix });
        return undefined;
      }
      throw e;
    }
  };
  const text = (key: ColumnKey) => cellText(cells[key]);
  const advanced = (): Record<string, unknown> => {
    const t = text('advanced');
    if (t === undefined) return {};
    return (
      attempt('advanced', () => {
        let v: unknown;
        try {
          v = JSON.parse(t);
        } catch {
          throw new CellProblem('高级设置不是有效的 JSON。', '检查引号、逗号和括号，或清空此格。');
        }
        if (!v || typeof v !== 'object' || Array.isArray(v))
          throw new CellProblem('高级设置应是一个 JSON 对象 {…}。', '写成 {"键": 值} 的形式，或清空此格。');
        return v as Record<string, unknown>;
      }) ?? {}
    );
  };
  return { problems, attempt, text, advanced };
}

export function decodeCategoryRow(cells: RowCells): DecodedRow {
  const { problems, attempt, text, advanced } = decoder(cells);
  const number = text('number');
  const value: Record<string, unknown> = {
    id: text('id') ?? number,
    number,
    name: text('name'),
    points: text('points') === undefined ? null : attempt('points', () => parseNumber(cells.points ?? null, '分值')),
  };
  const adv = advanced();
  return { value: stripUndefined({ ...value, ...adv }), problems, fromAdvanced: new Set(Object.keys(adv)) };
}

/** 「参数:points-1」: the item's points are the parameter of that id (set once by the office); else a number or blank. */
function indicatorPoints(t: string | undefined, parse: () => unknown): { points: unknown; pointsParam?: string } {
  if (t === undefined) return { points: null };
  const m = /^参数[:：]\s*(\S+)$/.exec(t.trim());
  return m ? { points: null, pointsParam: m[1] } : { points: parse() };
}

export function decodeIndicatorRow(cells: RowCells, categoryNumber: string | undefined): DecodedRow {
  const { problems, attempt, text, advanced } = decoder(cells);
  const number = text('number');
  const extra: Record<string, string> = {};
  for (const key of Object.keys(cells) as ColumnKey[]) {
    const t = text(key);
    if (key.startsWith('extra:') && t !== undefined) extra[key.slice('extra:'.length)] = t;
  }
  const value: Record<string, unknown> = {
    id: text('id') ?? (number !== undefined && categoryNumber !== undefined ? `${categoryNumber}.${number}` : undefined),
    number,
    name: text('name'),
    ...indicatorPoints(text('points'), () => attempt('points', () => parseNumber(cells.points ?? null, '分值'))),
    content: text('content') ?? '',
    criteria: text('criteria') ?? '',
    basis: text('basis'),
    method: text('method'),
    extra: Object.keys(extra).length ? extra : undefined,
    fields: text('fields') === undefined ? undefined : attempt('fields', () => parseFields(text('fields')!)),
    rule: undefined,
    attainableMax:
      text('attainableMax') === undefined
        ? undefined
        : attempt('attainableMax', () => parseNumber(cells.attainableMax ?? null, '可得最高分')),
    notes: text('notes') === undefined ? [] : splitWords(text('notes')!),
  };
  const adv = advanced();
  const rule = decodeRule(cells, text, attempt, problems, adv.rule !== undefined);
  if (rule) value.rule = rule;
  return { value: stripUndefined({ ...value, ...adv }), problems, fromAdvanced: new Set(Object.keys(adv)) };
}

/**
 * One part of a 组合计分 indicator (层级「部分」): its rule from 计分方式 and the parameter columns,
 * `max` from 部分满分, and 高级设置 (JSON) merged over it.
 */
export function decodePartRow(cells: RowCells): DecodedRow {
  const { problems, attempt, text, advanced } = decoder(cells);
  const adv = advanced();
  const rule = decodeRule(cells, text, attempt, problems, Object.keys(adv).length > 0) ?? {};
  if (text('kind') === COMPOSITE_KIND.name)
    problems.push({ key: 'kind', message: '部分不能再是组合计分。', fix: '把这一部分拆成几个部分行。' });
  const max = text('partMax') === undefined ? undefined : attempt('partMax', () => parseNumber(cells.partMax ?? null, '部分满分'));
  return { value: stripUndefined({ ...rule, max, ...adv }), problems, fromAdvanced: new Set(Object.keys(adv)) };
}

type Attempt = <T>(key: ColumnKey, f: () => T) => T | undefined;

/** The rule of a row from 计分方式 and the parameter columns (undefined when the row has none or it is in 高级设置). */
function decodeRule(
  cells: RowCells,
  text: (key: ColumnKey) => string | undefined,
  attempt: Attempt,
  problems: RowProblemAt[],
  hasAdvanced: boolean,
): Record<string, unknown> | undefined {
  const kindName = text('kind');
  if (kindName !== undefined && kindName !== ADVANCED_KIND_NAME) {
    const spec = kindByName(kindName);
    if (!spec) {
      problems.push({ key: 'kind', message: `计分方式「${kindName}」不认识。`, fix: '从下拉列表中选择计分方式。' });
    } else {
      const reader: ParamReader = {
        text: (k: ParamKey) => text(k),
        parse: (k, parse, required) => {
          const t = text(k);
          if (t === undefined) {
            if (required) problems.push({ key: k, message: `计分方式「${spec.name}」需要填写「${PARAM_HEADERS[k]}」。`, fix: spec.usage });
            return undefined;
          }
          return attempt(k, () => parse(t, cells[k] ?? null));
        },
      };
      const rule = spec.read(reader);
      if (!spec.params.includes('label')) rule.label = text('label');
      const zeroIf = text('zeroIf');
      if (zeroIf !== undefined)
        Object.assign(
          rule,
          attempt('zeroIf', () => parseZeroIf(zeroIf)),
        );
      return stripUndefined(rule);
    }
  } else if (kindName === undefined && !hasAdvanced) {
    problems.push({ key: 'kind', message: '没有选择计分方式。', fix: '从下拉列表中选择计分方式。' });
  } else if (kindName === ADVANCED_KIND_NAME && !hasAdvanced) {
    problems.push({
      key: 'advanced',
      message: '计分方式为高级设置，但高级设置中没有规则。',
      fix: '在高级设置中写 {"rule": {…}}（部分行直接写该部分的规则 {…}），或另选计分方式。',
    });
  }
  return undefined;
}

/** Puts the parts read from the 部分 rows into a 组合计分 indicator's rule; false when the rule is not 组合计分. */
export function attachParts(indicator: Record<string, unknown>, parts: Record<string, unknown>[]): boolean {
  const rule = indicator.rule as { kind?: string; parts?: unknown[] } | undefined;
  if (rule?.kind !== 'composite' || !Array.isArray(rule.parts)) return false;
  rule.parts.push(...parts);
  return true;
}
