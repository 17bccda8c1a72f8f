/**
 * One row of the 细则定义 sheet → a category or indicator object (before the schema's defaults).
 * Used by the reader, and by the writer to check that what it wrote reads back the same (what does
 * not is written as JSON in 高级设置 instead).
 */
import { ADVANCED_KIND_NAME, PARAM_HEADERS, kindByName, parseZeroIf, type ParamKey, type ParamReader } from './rule-kinds';
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
    points: text('points') === undefined ? null : attempt('points', () => parseNumber(cells.points ?? null, '分值')),
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
      value.rule = stripUndefined(rule);
    }
  } else if (kindName === undefined && adv.rule === undefined) {
    problems.push({ key: 'kind', message: '没有选择计分方式。', fix: '从下拉列表中选择计分方式。' });
  } else if (kindName === ADVANCED_KIND_NAME && adv.rule === undefined) {
    problems.push({
      key: 'advanced',
      message: '计分方式为高级设置，但高级设置中没有 "rule"。',
      fix: '在高级设置中写 {"rule": {…}}，或另选计分方式。',
    });
  }
  return { value: stripUndefined({ ...value, ...adv }), problems, fromAdvanced: new Set(Object.keys(adv)) };
}
