/**
 * Rubric (or blank) → the definition workbook as data. Every key is written in plain columns where
 * it reads back the same; anything else goes into the row's (or the method's) 高级设置 as JSON, so
 * writing and reading back never loses a setting, including keys this module does not know yet.
 */
import { canonicalJson } from '../../rubric/hash';
import { category as categorySchema, indicator as indicatorSchema, rubric as rubricSchema } from '../../rubric/schema';
import type { Category, Indicator, PartRule, Rubric, Rule } from '../../rubric/schema';
import { attachParts, decodeCategoryRow, decodeIndicatorRow, decodePartRow, type RowCells } from './decode-row';
import { indicatorColumns, LEVEL_CATEGORY, LEVEL_INDICATOR, LEVEL_PART, type ColumnKey, type IndicatorColumn } from './indicator-columns';
import { METHOD_ADVANCED_LABEL, METHOD_GROUPS, type MethodGroup } from './method-rows';
import { readMethodGroup } from './read-method';
import { ADVANCED_KIND_NAME, ALL_KINDS, PARAM_HEADERS, formatZeroIf, kindOf, type ParamKey } from './rule-kinds';
import { formatFields } from './text-syntax';
import { SHEET_NAMES, type DefinitionCell, type DefinitionSheet, type DefinitionWorkbook, type SheetCellValue } from './types';
import { guideSheet } from './guide';
import { rowHeight } from './measure';

/** Columns holding plain numbers (分值 …), validated as decimals: General format, not text. */
const NUMBER_COLUMNS = new Set<ColumnKey>(['points', 'partMax', 'attainableMax']);

/** The 分值 cell of an item whose points are a parameter set once by the office: 「参数:points-1」 (decode-row.ts reads it). */
const POINTS_PARAM_PREFIX = '参数:';

/** Empty indicator rows a blank sheet offers (an office inserts more as needed). */
const BLANK_ROWS = 30;
/** Empty rows under a rubric's last indicator, to add some. */
const SPARE_ROWS = 5;

const same = (schema: { safeParse(v: unknown): { success: boolean; data?: unknown } } | undefined, decoded: unknown, original: unknown) => {
  if (!schema) return false;
  const parsed = schema.safeParse(decoded);
  return parsed.success && canonicalJson(parsed.data) === canonicalJson(original);
};

type Shape = Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;

/** 计分方式, its parameters, 规则说明 and 不得分条件 of a rule (or a part), or null when it has no plain form. */
function ruleCells(rule: Rule | PartRule): RowCells | null {
  const spec = kindOf(rule.kind);
  const params = spec?.write(rule as Rule) ?? null;
  const zeroIf = formatZeroIf(rule as Rule);
  if (!spec || !params || zeroIf === null) return null;
  const cells: RowCells = { kind: spec.name, ...params };
  if (!spec.params.includes('label') && 'label' in rule) cells.label = rule.label ?? null;
  if (zeroIf !== undefined) cells.zeroIf = zeroIf;
  return cells;
}

/** The 部分 rows of a 组合计分 rule, or null when a part has no plain form. */
function partRows(rule: Rule): RowCells[] | null {
  if (rule.kind !== 'composite') return [];
  const rows = rule.parts.map((part) => {
    const cells = ruleCells(part);
    return cells && { level: LEVEL_PART, ...cells, partMax: 'max' in part ? part.max : null };
  });
  return rows.some((r) => r === null) ? null : (rows as RowCells[]);
}

/** What the reader makes of an indicator row and its 部分 rows. */
function decodeIndicator(row: RowCells, parts: RowCells[], categoryNumber: string): Record<string, unknown> {
  const decoded = decodeIndicatorRow(row, categoryNumber).value;
  attachParts(
    decoded,
    parts.map((p) => decodePartRow(p).value),
  );
  return decoded;
}

/**
 * The rows of an indicator (its own, then its 部分 rows) in plain texts; what does not read back
 * the same moves into 高级设置 (the whole rule when any part of it does not).
 */
function indicatorRows(ind: Indicator, categoryNumber: string, extras: string[]): RowCells[] {
  const cells: RowCells = {
    level: LEVEL_INDICATOR,
    id: ind.id,
    number: ind.number,
    name: ind.name,
    // 朝阳 1.3.0: an item whose points the office sets once says so in its 分值 cell (参数:points-1).
    points: ind.pointsParam !== undefined && ind.points === null ? `${POINTS_PARAM_PREFIX}${ind.pointsParam}` : ind.points,
    content: ind.content,
    criteria: ind.criteria,
    basis: ind.basis ?? null,
    method: ind.method ?? null,
    fields: formatFields(ind.fields),
    attainableMax: ind.attainableMax ?? null,
    notes: ind.notes.join('、') || null,
  };
  for (const h of extras) cells[`extra:${h}`] = ind.extra?.[h] ?? null;
  const rule = ruleCells(ind.rule);
  let parts = partRows(ind.rule);
  if (rule && parts) Object.assign(cells, rule);
  else {
    cells.kind = ADVANCED_KIND_NAME;
    parts = [];
  }
  const decoded = decodeIndicator(cells, parts, categoryNumber);
  const shape = (indicatorSchema as unknown as { shape: Shape }).shape;
  const advanced: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(ind)) {
    if (same(shape[key], decoded[key], value)) continue;
    advanced[key] = value;
    if (key === 'rule') {
      cells.kind = ADVANCED_KIND_NAME;
      for (const p of Object.keys(PARAM_HEADERS) as ParamKey[]) cells[p] = null;
      parts = [];
    } else if (key in cells) cells[key as ColumnKey] = null;
  }
  if (Object.keys(advanced).length) cells.advanced = JSON.stringify(advanced);
  return [cells, ...parts];
}

function categoryCells(cat: Category): RowCells {
  const cells: RowCells = { level: LEVEL_CATEGORY, id: cat.id, number: cat.number, name: cat.name, points: cat.points };
  const decoded = decodeCategoryRow(cells).value;
  const shape = (categorySchema as unknown as { shape: Shape }).shape;
  const advanced: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(cat)) {
    if (key === 'indicators' || same(shape[key], decoded[key], value)) continue;
    advanced[key] = value;
  }
  if (Object.keys(advanced).length) cells.advanced = JSON.stringify(advanced);
  return cells;
}

function indicatorSheet(r: Rubric | null): DefinitionSheet {
  const columns = indicatorColumns(r);
  const extras = columns.filter((c) => c.key.startsWith('extra:')).map((c) => c.header);
  const rows: RowCells[] = [];
  for (const cat of r?.categories ?? []) {
    rows.push(categoryCells(cat));
    for (const ind of cat.indicators) rows.push(...indicatorRows(ind, cat.number, extras));
  }
  const spare = r ? SPARE_ROWS : BLANK_ROWS;
  for (let i = 0; i < spare; i++) rows.push({});
  const cells: DefinitionCell[] = columns.map((c, col) => ({
    row: 0,
    col,
    value: c.header,
    style:
      c.key === 'fields' || c.key === 'kind' || c.key in PARAM_HEADERS || c.key === 'partMax' || c.key === 'advanced'
        ? 'headerScoring'
        : 'header',
    prompt: c.prompt,
  }));
  const rowHeights: Record<number, number> = { 0: 30 };
  rows.forEach((row, i) => {
    const isCategory = row.level === LEVEL_CATEGORY;
    columns.forEach((c, col) => {
      cells.push({
        row: i + 1,
        col,
        value: row[c.key] ?? null,
        style:
          c.key === 'advanced'
            ? 'inputJson'
            : isCategory
              ? 'categoryInput'
              : NUMBER_COLUMNS.has(c.key)
                ? 'inputNumber'
                : c.width <= 8
                  ? 'inputCenter'
                  : 'input',
        ...validationOf(c),
      });
    });
    const h = rowHeight(columns.map((c) => ({ text: String(row[c.key] ?? ''), width: c.width })));
    if (h) rowHeights[i + 1] = h;
  });
  return {
    name: SHEET_NAMES.indicators,
    columns: columns.map((c) => ({ width: c.width })),
    cells,
    merges: [],
    rowHeights,
    freezeRows: 1,
    freezeCols: 4,
    landscape: true,
  };
}

function validationOf(c: IndicatorColumn): Pick<DefinitionCell, 'validation'> {
  if (c.key === 'level') return { validation: { kind: 'list', options: [LEVEL_CATEGORY, LEVEL_INDICATOR, LEVEL_PART] } };
  if (c.key === 'kind') return { validation: { kind: 'list', options: [...ALL_KINDS.map((k) => k.name), ADVANCED_KIND_NAME] } };
  // 分值 also takes 「参数:标识」 (points set once on the 参数 row), so only 可得最高分 is a decimal list.
  if (c.key === 'attainableMax') return { validation: { kind: 'decimal', min: 0 } };
  return {};
}

/** The blank rubric's method settings: the values most methods use, for the office to change. */
const BLANK_METHOD: Record<string, SheetCellValue> = {
  版本号: '1.0.0',
  满分: 100,
  合计方式: '各项相加',
  不涉及: '不允许',
  加分方式: '无',
  等次依据: '最终得分',
  小数位数: 2,
  逐项取舍: '精确相加',
  排名用途: '正式排名',
  弄虚作假处理: '不另处理',
};

function methodSheet(r: Rubric | null): DefinitionSheet {
  const width = [16, 60, 48];
  const cells: DefinitionCell[] = ['设置项', '值', '说明'].map((h, col) => ({ row: 0, col, value: h, style: 'header' as const }));
  const rowHeights: Record<number, number> = { 0: 24 };
  const advanced: Record<string, unknown> = {};
  let row = 1;
  const shape = (rubricSchema as unknown as { shape: Shape }).shape;
  const plainGroups = new Map<MethodGroup, SheetCellValue[] | null>();
  for (const g of METHOD_GROUPS) {
    let values = r ? g.write(r) : g.rows.map((x) => BLANK_METHOD[x.label] ?? null);
    if (r && values) {
      const decoded = readMethodGroup(g, values);
      if (!decoded.ok || !same(shape[g.key], decoded.value, (r as Record<string, unknown>)[g.key])) values = null;
    }
    if (r && values === null) advanced[g.key] = (r as Record<string, unknown>)[g.key];
    plainGroups.set(g, values);
  }
  if (r) {
    const covered = new Set(['categories', 'notes', '$schema', 'origin', ...METHOD_GROUPS.map((g) => g.key)]);
    for (const [k, v] of Object.entries(r)) if (!covered.has(k) && v !== undefined) advanced[k] = v;
  }
  // Rows added later (MethodRow.later) go after all the others: the rows above keep their places.
  const entries = [...plainGroups].flatMap(([g, values]) =>
    g.rows.map((x, i) => ({ x, value: values?.[i] ?? null, plain: values !== null })),
  );
  for (const { x, value, plain } of [...entries.filter((e) => !e.x.later), ...entries.filter((e) => e.x.later)]) {
    cells.push({ row, col: 0, value: x.label, style: 'label' });
    cells.push({
      row,
      col: 1,
      value,
      style: 'input',
      prompt: x.hint,
      ...(x.options ? { validation: { kind: 'list' as const, options: x.options } } : {}),
    });
    cells.push({ row, col: 2, value: !plain ? `见高级设置。${x.hint}` : x.hint, style: 'hint' });
    const h = rowHeight([
      { text: String(value ?? ''), width: width[1] },
      { text: x.hint, width: width[2] },
    ]);
    if (h) rowHeights[row] = h;
    row++;
  }
  const json = Object.keys(advanced).length ? JSON.stringify(advanced) : null;
  cells.push({ row, col: 0, value: METHOD_ADVANCED_LABEL, style: 'label' });
  cells.push({ row, col: 1, value: json, style: 'inputJson', prompt: 'JSON 对象，覆盖上面的同名设置；一般不必填写。' });
  cells.push({ row, col: 2, value: '上面各行写不下的设置（JSON），一般不必填写', style: 'hint' });
  if (json) rowHeights[row] = rowHeight([{ text: json, width: width[1] }]) ?? 18;
  return {
    name: SHEET_NAMES.method,
    columns: width.map((w) => ({ width: w })),
    cells,
    merges: [],
    rowHeights,
    freezeRows: 1,
    freezeCols: 1,
    landscape: true,
  };
}

function notesSheet(r: Rubric | null): DefinitionSheet {
  const width = [8, 14, 90];
  const cells: DefinitionCell[] = ['标识', '关于', '内容'].map((h, col) => ({ row: 0, col, value: h, style: 'header' as const }));
  const rowHeights: Record<number, number> = { 0: 24 };
  const notes = r?.notes ?? [];
  const rows = [...notes.map((n) => [n.id, n.about, n.text]), ...Array.from({ length: r ? SPARE_ROWS : 10 }, () => [null, null, null])];
  rows.forEach((values, i) => {
    values.forEach((value, col) => cells.push({ row: i + 1, col, value, style: col === 2 ? 'input' : 'inputCenter' }));
    const h = rowHeight([{ text: String(values[2] ?? ''), width: width[2] }]);
    if (h) rowHeights[i + 1] = h;
  });
  return {
    name: SHEET_NAMES.notes,
    columns: width.map((w) => ({ width: w })),
    cells,
    merges: [],
    rowHeights,
    freezeRows: 1,
    freezeCols: 0,
    landscape: true,
  };
}

/** The definition workbook of a rubric, or of a blank rubric (null): 细则定义, 考核办法, 附注, 填写说明. */
export function rubricToDefinition(r: Rubric | null): DefinitionWorkbook {
  return { sheets: [indicatorSheet(r), methodSheet(r), notesSheet(r), guideSheet()] };
}

/** The values of a definition workbook as a host would read them back (for tests and the pane's first render). */
export function definitionValues(wb: DefinitionWorkbook): Record<string, SheetCellValue[][]> {
  const out: Record<string, SheetCellValue[][]> = {};
  for (const s of wb.sheets) {
    const grid: SheetCellValue[][] = [];
    for (const c of s.cells) {
      (grid[c.row] ??= [])[c.col] = c.value;
    }
    out[s.name] = Array.from(grid, (r) => Array.from(r ?? [], (v) => v ?? null));
  }
  return out;
}
