/**
 * The definition workbook's cell values → a validated rubric, or one error per bad cell (sheet, A1
 * address, message, fix, in Chinese). Cell syntax errors are reported first; then the rubric is
 * checked by the loader (schema + validate.ts) and each JSON path is mapped back to its cell.
 */
import { parseRubricData } from '../../rubric/load';
import { a1 } from '../plan';
import { attachParts, cellText, decodeCategoryRow, decodeIndicatorRow, decodePartRow, type DecodedRow, type RowCells } from './decode-row';
import { KNOWN_HEADERS, LEVEL_CATEGORY, LEVEL_INDICATOR, LEVEL_PART, type ColumnKey } from './indicator-columns';
import { METHOD_ADVANCED_LABEL, METHOD_GROUPS } from './method-rows';
import { readMethodGroup } from './read-method';
import type { ParamKey } from './rule-kinds';
import { SHEET_NAMES, type DefinitionValues, type RubricFromSheetResult, type SheetCellError, type SheetCellValue } from './types';

/** The marker of a rubric made in a definition sheet: the office's own, not shipped. */
export const OFFICE_ORIGIN = 'office';

/** Rule keys (rule JSON) → the parameter column holding them. */
const RULE_KEY_COLUMN: Record<string, ParamKey | 'kind'> = {
  kind: 'kind',
  field: 'field',
  elements: 'field',
  points: 'perItem',
  rate: 'perItem',
  cap: 'cap',
  maxField: 'cap',
  base: 'base',
  perMissing: 'deduct',
  perStep: 'deduct',
  perOccurrence: 'deduct',
  tiers: 'table',
  levels: 'table',
  conditions: 'table',
  ratio: 'ratio',
  threshold: 'condition',
  step: 'condition',
  rounding: 'condition',
  exemptIf: 'condition',
  zeroIfAllMissing: 'condition',
  when: 'condition',
  label: 'label',
  result: 'result',
  resultLabel: 'result',
  zeroIf: 'zeroIf',
  zeroIfLabel: 'zeroIf',
};

/** Where each part of the rubric came from: JSON path prefix → cell. The longest prefix wins. */
class SourceMap {
  private readonly map = new Map<string, { sheet: string; cell: string }>();
  set(path: string, sheet: string, cell: string) {
    this.map.set(path, { sheet, cell });
  }
  find(path: string): { sheet: string; cell: string } {
    let p = path;
    for (;;) {
      const hit = this.map.get(p);
      if (hit) return hit;
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) return this.map.get('') ?? { sheet: SHEET_NAMES.method, cell: 'A1' };
      p = p.slice(0, cut);
    }
  }
}

/**
 * The loader's messages speak of the JSON file (fields, notes, attainableMax …): the same things
 * by the names of the sheet's columns, for an office that never sees the JSON.
 */
const SHEET_WORDS: [RegExp, string][] = [
  [/加入 "attainableMax": ([\d.]+)/g, '在「可得最高分」列填 $1'],
  [/"?attainableMax"?/g, '可得最高分'],
  [/在 fields 中/g, '在「输入项」中'],
  [/\bfields\b/g, '输入项'],
  [/说明（notes）/g, '附注'],
  [/\bnotes\b/g, '附注'],
  [/rubrics\/rubric\.schema\.json/g, '「填写说明」表'],
];
export const inSheetWords = (text: string) => SHEET_WORDS.reduce((t, [re, to]) => t.replace(re, to), text);

const isBlankRow = (row: SheetCellValue[] | undefined) => !row || row.every((v) => cellText(v) === undefined);

export function rubricFromDefinition(values: DefinitionValues): RubricFromSheetResult {
  const errors: SheetCellError[] = [];
  const sources = new SourceMap();
  const categories = readIndicators(values, errors, sources);
  const method = readMethod(values, errors, sources);
  const notes = readNotes(values, errors, sources);
  const data = { ...method.plain, categories, notes, ...method.advanced, origin: OFFICE_ORIGIN };
  const loaded = parseRubricData(data, SHEET_NAMES.indicators);
  if (loaded.ok && errors.length === 0) return { ok: true, rubric: loaded.value.rubric, hash: loaded.value.hash };
  // The loader's errors too, so that every bad cell is listed at once; one error per cell (a cell
  // whose text could not be read is also missing for the schema: its first message is the useful one).
  for (const e of loaded.ok ? [] : loaded.errors)
    errors.push({ ...sources.find(e.path), message: inSheetWords(e.message), fix: inSheetWords(e.fix) });
  const seen = new Set<string>();
  return {
    ok: false,
    errors: errors.filter((e) => {
      const key = `${e.sheet}!${e.cell}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  };
}

function readIndicators(values: DefinitionValues, errors: SheetCellError[], sources: SourceMap): unknown[] {
  const sheet = SHEET_NAMES.indicators;
  const grid = values[sheet];
  if (!grid) {
    errors.push({
      sheet,
      cell: 'A1',
      message: `没有「${sheet}」表。`,
      fix: `用 credit-score rubric-sheet --blank 生成定义表，或把表名改回「${sheet}」。`,
    });
    return [];
  }
  const headerRow = grid.findIndex((row, i) => i < 10 && (row ?? []).some((v) => cellText(v) === '层级'));
  if (headerRow < 0) {
    errors.push({ sheet, cell: 'A1', message: '找不到表头（含「层级」「序号」「考核指标」的一行）。', fix: '恢复第 1 行的表头。' });
    return [];
  }
  const colOf = new Map<ColumnKey, number>();
  (grid[headerRow] ?? []).forEach((v, col) => {
    const h = cellText(v);
    if (h === undefined) return;
    const key = KNOWN_HEADERS.get(h) ?? (`extra:${h}` as ColumnKey);
    if (colOf.has(key)) errors.push({ sheet, cell: a1(headerRow, col), message: `表头「${h}」重复。`, fix: '删除或改名重复的列。' });
    else colOf.set(key, col);
  });
  for (const need of ['level', 'number', 'name', 'kind'] as ColumnKey[]) {
    if (!colOf.has(need)) {
      const header = need === 'level' ? '层级' : need === 'number' ? '序号' : need === 'name' ? '考核指标' : '计分方式';
      errors.push({ sheet, cell: a1(headerRow, 0), message: `表头缺少「${header}」列。`, fix: `恢复「${header}」列。` });
    }
  }
  if (errors.length) return [];

  const cellAt = (row: number, key: ColumnKey | ParamKey) => a1(row, colOf.get(key as ColumnKey) ?? colOf.get('name')!);
  const categories: { row: number; value: Record<string, unknown>; indicators: unknown[] }[] = [];
  for (let row = headerRow + 1; row < grid.length; row++) {
    const raw = grid[row];
    if (isBlankRow(raw)) continue;
    const cells: RowCells = {};
    for (const [key, col] of colOf) cells[key] = raw?.[col] ?? null;
    const level = cellText(cells.level);
    const pin = (d: DecodedRow) =>
      d.problems.forEach((p) => errors.push({ sheet, cell: cellAt(row, p.key), message: p.message, fix: p.fix }));
    if (level === LEVEL_CATEGORY) {
      const d = decodeCategoryRow(cells);
      pin(d);
      const ci = categories.length;
      const path = `categories[${ci}]`;
      sources.set(path, sheet, cellAt(row, 'name'));
      for (const k of ['id', 'number', 'name', 'points'] as const) sources.set(`${path}.${k}`, sheet, cellAt(row, k));
      for (const k of d.fromAdvanced) sources.set(`${path}.${k}`, sheet, cellAt(row, 'advanced'));
      sources.set(`${path}.indicators`, sheet, cellAt(row, 'name'));
      categories.push({ row, value: d.value, indicators: [] });
    } else if (level === LEVEL_INDICATOR) {
      const cat = categories[categories.length - 1];
      if (!cat) {
        errors.push({
          sheet,
          cell: cellAt(row, 'level'),
          message: '指标行之前没有类别行。',
          fix: '在第一个指标之上加一行，层级写「类别」，填写类别的序号、名称和分值。',
        });
        continue;
      }
      const d = decodeIndicatorRow(cells, cellText(cat.value.number as string));
      pin(d);
      const path = `categories[${categories.length - 1}].indicators[${cat.indicators.length}]`;
      sources.set(path, sheet, cellAt(row, 'name'));
      for (const k of [
        'id',
        'number',
        'name',
        'points',
        'content',
        'criteria',
        'basis',
        'method',
        'fields',
        'attainableMax',
        'notes',
      ] as const)
        sources.set(`${path}.${k}`, sheet, cellAt(row, k));
      sources.set(`${path}.id`, sheet, cellAt(row, colOf.has('id') ? 'id' : 'number'));
      sources.set(`${path}.extra`, sheet, cellAt(row, 'name'));
      sources.set(`${path}.rule`, sheet, cellAt(row, 'kind'));
      for (const [k, p] of Object.entries(RULE_KEY_COLUMN))
        sources.set(`${path}.rule.${k}`, sheet, cellAt(row, colOf.has(p as ColumnKey) ? p : 'kind'));
      for (const k of d.fromAdvanced) sources.set(`${path}.${k}`, sheet, cellAt(row, 'advanced'));
      cat.indicators.push(d.value);
    } else if (level === LEVEL_PART) {
      const cat = categories[categories.length - 1];
      const owner = cat?.indicators[cat.indicators.length - 1] as Record<string, unknown> | undefined;
      const d = decodePartRow(cells);
      pin(d);
      const parts = (owner?.rule as { parts?: unknown[] } | undefined)?.parts;
      if (!owner || !attachParts(owner, [d.value])) {
        errors.push({
          sheet,
          cell: cellAt(row, 'level'),
          message: '部分行不在组合计分的指标行之下。',
          fix: '部分行紧接在计分方式为「组合计分」的指标行之下；否则层级改为「指标」。',
        });
        continue;
      }
      const path = `categories[${categories.length - 1}].indicators[${cat.indicators.length - 1}].rule.parts[${parts!.length - 1}]`;
      sources.set(path, sheet, cellAt(row, 'kind'));
      for (const [k, p] of Object.entries(RULE_KEY_COLUMN))
        sources.set(`${path}.${k}`, sheet, cellAt(row, colOf.has(p as ColumnKey) ? p : 'kind'));
      sources.set(`${path}.max`, sheet, cellAt(row, colOf.has('partMax') ? 'partMax' : 'kind'));
      for (const k of d.fromAdvanced) sources.set(`${path}.${k}`, sheet, cellAt(row, 'advanced'));
    } else {
      errors.push({
        sheet,
        cell: cellAt(row, 'level'),
        message: level === undefined ? '这一行没有填写层级。' : `层级「${level}」不认识。`,
        fix: '类别行写「类别」，指标行写「指标」，组合计分的部分行写「部分」；不用的行整行清空。',
      });
    }
  }
  if (categories.length === 0 && errors.length === 0)
    errors.push({ sheet, cell: a1(headerRow + 1, 0), message: '还没有任何类别和指标。', fix: '从第 2 行起填写类别行和其下的指标行。' });
  for (const c of categories) {
    if (c.indicators.length === 0)
      errors.push({
        sheet,
        cell: cellAt(c.row, 'name'),
        message: `类别「${String(c.value.name ?? '')}」下没有指标。`,
        fix: '在类别行之下加指标行，或删除这个类别行。',
      });
  }
  return categories.map((c) => ({ ...c.value, indicators: c.indicators }));
}

function readMethod(
  values: DefinitionValues,
  errors: SheetCellError[],
  sources: SourceMap,
): { plain: Record<string, unknown>; advanced: Record<string, unknown> } {
  const sheet = SHEET_NAMES.method;
  const grid = values[sheet];
  const plain: Record<string, unknown> = {};
  let advanced: Record<string, unknown> = {};
  if (!grid) {
    errors.push({
      sheet,
      cell: 'A1',
      message: `没有「${sheet}」表。`,
      fix: `用 credit-score rubric-sheet --blank 生成定义表，或把表名改回「${sheet}」。`,
    });
    return { plain, advanced };
  }
  const rowOf = new Map<string, number>();
  grid.forEach((row, i) => {
    const label = cellText(row?.[0] ?? null);
    if (label !== undefined && !rowOf.has(label)) rowOf.set(label, i);
  });
  sources.set('', sheet, 'A1');
  for (const g of METHOD_GROUPS) {
    const rows = g.rows.map((x) => rowOf.get(x.label));
    // A row added later (MethodRow.later) may be missing from a sheet made before it: read as blank.
    const missing = g.rows.findIndex((x, i) => rows[i] === undefined && !x.later);
    sources.set(g.key, sheet, a1(rows[0] ?? 0, 1));
    if (missing >= 0) {
      errors.push({
        sheet,
        cell: 'A1',
        message: `缺少设置项「${g.rows[missing].label}」。`,
        fix: `在第一列加一行「${g.rows[missing].label}」，在其右格填写。`,
      });
      continue;
    }
    const r = readMethodGroup(
      g,
      rows.map((i) => (i === undefined ? null : (grid[i]?.[1] ?? null))),
    );
    g.rows.forEach((_, i) => sources.set(`${g.key}.row${i}`, sheet, a1(rows[i] ?? rows[0] ?? 0, 1)));
    if (!r.ok) {
      const cell = a1(rows[r.row] ?? rows[0] ?? 0, 1);
      errors.push({ sheet, cell, message: r.message, fix: r.fix });
      // The loader then misses the whole setting: its complaint belongs to the same cell.
      sources.set(g.key, sheet, cell);
    } else if (r.value !== undefined) plain[g.key] = r.value;
  }
  const advRow = rowOf.get(METHOD_ADVANCED_LABEL);
  const advText = advRow === undefined ? undefined : cellText(grid[advRow]?.[1] ?? null);
  if (advText !== undefined) {
    const cell = a1(advRow!, 1);
    try {
      const v: unknown = JSON.parse(advText);
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
      advanced = v as Record<string, unknown>;
      for (const k of Object.keys(advanced)) sources.set(k, sheet, cell);
    } catch {
      errors.push({
        sheet,
        cell,
        message: '高级设置不是有效的 JSON 对象。',
        fix: '写成 {"键": 值} 的形式，检查引号、逗号和括号，或清空此格。',
      });
    }
  }
  return { plain, advanced };
}

function readNotes(values: DefinitionValues, errors: SheetCellError[], sources: SourceMap): unknown[] {
  const sheet = SHEET_NAMES.notes;
  const grid = values[sheet];
  if (!grid) return [];
  const notes: unknown[] = [];
  for (let row = 1; row < grid.length; row++) {
    const raw = grid[row];
    if (isBlankRow(raw)) continue;
    const [id, about, text] = [0, 1, 2].map((c) => cellText(raw?.[c] ?? null));
    const path = `notes[${notes.length}]`;
    sources.set(path, sheet, a1(row, 0));
    sources.set(`${path}.id`, sheet, a1(row, 0));
    sources.set(`${path}.about`, sheet, a1(row, 1));
    sources.set(`${path}.text`, sheet, a1(row, 2));
    if (text === undefined) {
      errors.push({ sheet, cell: a1(row, 2), message: `附注「${id ?? ''}」没有内容。`, fix: '填写内容，或整行清空。' });
      continue;
    }
    notes.push({ id, about: about ?? 'general', text });
  }
  return notes;
}
