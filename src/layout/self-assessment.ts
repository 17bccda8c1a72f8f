/**
 * Self-assessment (自评) forms, pure data: the 自评表 a unit fills (its own score table from the
 * unit-sheet layout, plus a 佐证材料 input per item), the form's hidden identity, and the digest of
 * its locked parts with which a returned form is checked before anything is taken from it.
 *
 * The identity and the digest detect a form of another workbook, an altered identity and an edited
 * locked cell (a changed criterion, unit name or hidden key). They are FNV-1a content hashes
 * (src/rubric/hash.ts), not signatures: anyone with this (open) code can recompute them, so they
 * catch mistakes and naive edits, not a determined forger. The office's check of the 佐证材料 is
 * what 朝阳 第九条 relies on against 弄虚作假.
 */
import { contentHash } from '../rubric/hash';
import { parameterSlots } from '../rubric/parameters';
import type { Rubric } from '../rubric/schema';
import type { ParameterValues } from '../scoring/parameters';
import { inputCells, type SheetIndex } from './binding';
import { a1, type CellPlan, type CellValue, type SheetPlan, type WorkbookMeta } from './plan';
import { planUnitSheet, UNIT_HEADER_ROW, annexHeading, type UnitSheetInput } from './unit-sheet';

/** The very hidden sheet of a form holding its identity. */
export const FORM_META_SHEET = '_cs_form';
export const FORM_MARKER = 'credit-score-form/1';
/** Defined name over the form's table (the unit sheet's block plus the 佐证材料 column). */
export const FORM_NAME = 'CS_FORM';
export const FORM_SHEET_KEY = 'FORM';
export const INSTRUCTIONS_SHEET = '填写说明';

/** Roles of the columns a form and a merged workbook add to the right of a unit table. */
export const SELF_ROLES = { input: 'selfInput', score: 'selfScore', evidence: 'evidence' } as const;
export const EVIDENCE_HEADER = '佐证材料（文件、台账、链接）';

export interface FormIdentity {
  format: 'credit-score-form';
  formatVersion: 1;
  /** workbookId() of the score workbook the form was made from. */
  workbookId: string;
  unitKey: string;
  unitName: string;
  group: string;
  rubric: WorkbookMeta['rubric'];
  /** When the form was made (ISO). */
  createdAt: string;
  /** lockedDigest() of the form's table as made. */
  lockedDigest: string;
  /**
   * The score workbook's 参数 values that apply to the unit (rubric.parameters, e.g. 朝阳's item
   * points), as they were when the form was made: the form's live 自评分 is computed with them, as
   * the office computes. Sealed with the rest, so the unit cannot change them. Absent in forms made
   * before, and where the rubric has no parameters.
   */
  parameters?: ParameterValues;
}

/** The 参数 values a unit's form carries: the rubric's values, and its own group's where they are per group. */
export function unitParameters(rubric: Rubric, values: ParameterValues, group: string): ParameterValues | undefined {
  const slots = parameterSlots(rubric).filter((slot) => !slot.group || slot.group.id === group);
  if (slots.length === 0) return undefined;
  return Object.fromEntries(slots.map((slot) => [slot.key, values[slot.key] ?? null]));
}

/**
 * A score workbook's identity: its creation time, rubric and roster (the metadata written once,
 * when the workbook is made). Two workbooks made from the same rubric and roster at different
 * times are different workbooks.
 */
export const workbookId = (meta: Pick<WorkbookMeta, 'createdAt' | 'rubric' | 'units'>): string =>
  contentHash({ createdAt: meta.createdAt, rubric: meta.rubric, units: meta.units });

/** The seal over the identity: an identity edited in the hidden sheet no longer matches it. */
export const identitySeal = (identity: FormIdentity): string => contentHash(identity);

/** Column A of the hidden identity sheet. */
export const formMetaColumn = (identity: FormIdentity): string[] => [FORM_MARKER, JSON.stringify(identity), identitySeal(identity)];

export type FormMetaRead = { ok: true; identity: FormIdentity } | { ok: false; message: string };

export function readFormMetaColumn(column: CellValue[]): FormMetaRead {
  const text = column.map((v) => (v === null || v === undefined ? '' : String(v)));
  if (text[0] !== FORM_MARKER) return { ok: false, message: '不是本程序生成的自评表（缺少隐藏的身份信息）' };
  let identity: FormIdentity;
  try {
    identity = JSON.parse(text[1]) as FormIdentity;
  } catch {
    return { ok: false, message: '自评表的隐藏身份信息被改动（无法解析）' };
  }
  const valid =
    identity &&
    identity.format === 'credit-score-form' &&
    typeof identity.workbookId === 'string' &&
    typeof identity.unitKey === 'string' &&
    typeof identity.lockedDigest === 'string' &&
    identity.rubric &&
    typeof identity.rubric.id === 'string';
  if (!valid) return { ok: false, message: '自评表的隐藏身份信息被改动（内容不完整）' };
  if (identitySeal(identity) !== text[2])
    return {
      ok: false,
      message: `自评表的隐藏身份信息被改动（与校验码不符；现写为单位「${String(identity.unitName)}」${String(identity.unitKey)}）`,
    };
  return { ok: true, identity };
}

/** A cell's value as compared: numbers to 12 significant digits, text with line ends and outer spaces normalised. */
export function canonicalValue(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(Number(v.toPrecision(12)));
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.replace(/\r\n?/g, '\n').trim();
}

export interface FormCell {
  row: number;
  col: number;
}

/**
 * The cells of a form the unit fills: the value cells of the unit table (fields, 本项不涉及, the
 * bonus claimed) and the 佐证材料 cell of each item. The 弄虚作假 cell is the team's finding and
 * stays locked in a form.
 */
export function formInputCells(index: SheetIndex): (FormCell & { indicatorId: string; fieldId: string; rowKey: string })[] {
  const keyOf = new Map([...index.rows].map(([k, r]) => [r, k]));
  const out = inputCells(index)
    .filter((r) => r.indicatorId !== '@fraud')
    .map((r) => ({ ...r, rowKey: keyOf.get(r.row)! }));
  const evidence = index.cols.get(SELF_ROLES.evidence);
  if (evidence !== undefined)
    for (const [key, row] of index.rows) {
      const [kind, indicatorId] = key.split('|');
      if (kind === 'i') out.push({ indicatorId, fieldId: SELF_ROLES.evidence, row, col: evidence, rowKey: key });
    }
  return out;
}

/** The computed columns of a form the add-in fills while the unit types: 得分 and 计分说明. */
export const FORM_COMPUTED_ROLES = ['score', 'reason'] as const;

/**
 * The cells of a form the add-in may fill while the unit types (src/excel/form-session.ts): the
 * 得分 and 计分说明 cells of every keyed row. They are empty when the form is made, so leaving them
 * out of the digest changes no digest of a form already made (test/xlsx/form-live-scores.test.ts
 * holds one made before), and a form whose 自评分 the add-in showed is still accepted when returned.
 */
export function formScoreCells(index: SheetIndex): FormCell[] {
  const cols = FORM_COMPUTED_ROLES.map((role) => index.cols.get(role)).filter((c): c is number => c !== undefined);
  return cols.flatMap((col) => [...index.rows.values()].map((row) => ({ row, col })));
}

/** Every non-empty locked cell of a form's table, `A1=value`, in reading order. */
export function lockedCells(values: CellValue[][], index: SheetIndex): Map<string, string> {
  const inputs = new Set([...formInputCells(index), ...formScoreCells(index)].map((c) => `${c.row}:${c.col}`));
  const out = new Map<string, string>();
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      const text = canonicalValue(v);
      if (text !== '' && !inputs.has(`${r}:${c}`)) out.set(a1(r, c), text);
    }),
  );
  return out;
}

export const lockedDigest = (values: CellValue[][], index: SheetIndex): string =>
  contentHash([...lockedCells(values, index)].map(([at, v]) => `${at}=${v}`));

/** What differs between the locked cells as made and as returned, in words (at most `max`). */
export function lockedDifferences(made: Map<string, string>, returned: Map<string, string>, max = 3): string[] {
  const out: string[] = [];
  const clip = (s: string | undefined) =>
    s === undefined ? '（空）' : `「${[...s].length > 20 ? `${[...s].slice(0, 20).join('')}…` : s}」`;
  for (const at of new Set([...made.keys(), ...returned.keys()]))
    if (made.get(at) !== returned.get(at)) out.push(`${at} 原为${clip(made.get(at))}，现为${clip(returned.get(at))}`);
  return out.length > max ? [...out.slice(0, max), `等 ${out.length} 处`] : out;
}

/**
 * A unit's form table: the unit sheet's layout, titled as a 自评表, with a 佐证材料 column after
 * the hidden key column (so every other column keeps its place and the same reader indexes it) and
 * the 弄虚作假 cell locked. Score cells stay empty: the office scores.
 */
export function planFormSheet(rubric: Rubric, u: UnitSheetInput): SheetPlan {
  const base = planUnitSheet(rubric, u);
  const evidenceCol = base.columns.length;
  const keyCol = evidenceCol - 1;
  const keyAt = new Map<number, string>();
  for (const c of base.cells) if (c.col === keyCol && typeof c.value === 'string') keyAt.set(c.row, c.value);
  const fraudRow = [...keyAt].find(([, k]) => k === 't|fraud')?.[0];
  const inputCol = base.cells.find((c) => c.row === 0 && c.value === 'input')?.col;
  const cells: CellPlan[] = base.cells.map((c) => {
    if (c.row === 1 && c.col === 0) return { ...c, value: `${annexHeading(rubric)}（自评表）` };
    if (c.row === fraudRow && c.col === inputCol) return { row: c.row, col: c.col, value: '由考核组认定', style: 'fieldLabel' };
    return c;
  });
  cells.push({ row: 0, col: evidenceCol, value: SELF_ROLES.evidence, style: 'role' });
  cells.push({ row: UNIT_HEADER_ROW, col: evidenceCol, value: EVIDENCE_HEADER, style: 'header' });
  const merges = [...base.merges];
  for (const [, { first, last }] of itemSpans([...keyAt].map(([row, key]) => [key, row]))) {
    cells.push({
      row: first,
      col: evidenceCol,
      value: null,
      style: 'input',
      prompt: '填写本项的佐证材料：文件名称、文号、台账编号或网址链接，多项用“；”分开',
    });
    for (let r = first + 1; r <= last; r++) cells.push({ row: r, col: evidenceCol, value: null, style: 'input' });
    if (last > first) merges.push({ fromRow: first, fromCol: evidenceCol, toRow: last, toCol: evidenceCol });
  }
  return {
    ...base,
    key: FORM_SHEET_KEY,
    cells,
    merges,
    columns: [...base.columns, { width: 30 }],
    block: { rows: base.block.rows, cols: base.block.cols + 1 },
    header: [u.unitName, '自评表', rubric.documentNumber].filter(Boolean).join('　'),
  };
}

/** The 填写说明 sheet: what to fill, how, and what not to touch, in Chinese. */
export function planInstructionsSheet(rubric: Rubric, u: UnitSheetInput, sheetName: string): SheetPlan {
  const doc = [rubric.documentNumber, `《${rubric.title}》`].filter(Boolean).join(' ');
  const lines = [
    `${u.unitName} 自评表 填写说明`,
    `本表由${rubric.city}信用办根据 ${doc} 生成，供「${u.unitName}」（${u.groupLabel}）年度自评使用。`,
    `1. 请在工作表「${u.sheetName}」中只填写黄色单元格：各考核项目的填写值，以及每项的佐证材料。`,
    '2. 佐证材料：写明文件名称和文号、信用工作台账的编号或页码、网址链接；多项用“；”分开。信用办将逐项查阅核实。',
    '3. 百分比请带 % 填写（如 85%）；是/否项请从下拉列表中选择；不涉及的考核项在「本项不涉及」一行填“是”。',
    '4. 得分、计分说明由信用办核定时计算，自评表中留空；“弄虚作假”一栏由考核组认定，单位无需填写。',
    '5. 灰色部分已锁定（工作表保护，无密码）。请不要修改、删除或插入行列，也不要改动隐藏的内容：被改动的自评表无法导入，信用办会要求重新填报。',
    '6. 可用 Excel、WPS 或 LibreOffice 填写，保存为 .xlsx 格式（不要另存为 .xls、.et 或 .ods）。文件名可以更改，信用办按表内的隐藏标识识别单位。',
  ];
  const cells: CellPlan[] = lines.map((text, row) => ({ row, col: 0, value: text, style: row === 0 ? 'title' : 'text' }));
  const rowHeights: Record<number, number> = { 0: 30 };
  lines.forEach((t, r) => {
    if (r > 0) rowHeights[r] = Math.max(20, Math.ceil([...t].length / 55) * 16);
  });
  return {
    key: 'FORM_INFO',
    kind: 'info',
    name: sheetName,
    columns: [{ width: 110 }],
    hiddenRows: [],
    rowHeights,
    cells,
    merges: [],
    freezeRows: 0,
    landscape: false,
    block: { rows: lines.length, cols: 1 },
    tables: [],
    charts: [],
  };
}

/**
 * Each item's rows, by its `i|` row key: from that row to the last `f|` row of the same indicator
 * (the rows its 得分 cell is merged over).
 */
export function itemSpans(rows: Iterable<[string, number]>): Map<string, { first: number; last: number }> {
  const sorted = [...rows].sort((a, b) => a[1] - b[1]);
  const out = new Map<string, { first: number; last: number }>();
  sorted.forEach(([key, row], i) => {
    if (!key.startsWith('i|')) return;
    const ind = key.split('|')[1];
    let last = row;
    for (let j = i + 1; j < sorted.length && sorted[j][0].startsWith(`f|${ind}|`); j++) last = sorted[j][1];
    out.set(key, { first: row, last });
  });
  return out;
}
