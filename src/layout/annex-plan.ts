/**
 * The official annex (附件) as sheet plans: a clean, formula-free, print-ready document made from a
 * scored roster. One sheet per unit laid out like the document's annex table (附件N, title, the
 * document's columns 序号 / 考核指标 / 分值 / 考核内容 / 评分标准 / (考核依据 / 考核方式) / 填报情况 /
 * 得分 / (扣分) / 计分说明, category subtotals, then base, bonus, final, band, rank and labels), plus 汇总
 * and 排名. 扣分 is there for rubrics scored by deduction from a base (鹤岗); 名次 reads 参考名次 where
 * the document does not rank (鹤岗, ranking.purpose "reference"). No role row, no key column, no
 * validation, no metadata: nothing hidden. Pure data, applied by the same host code as the workbook
 * (src/xlsx/apply-plan.ts) with ANNEX_STYLES.
 */
import type { Field, Indicator, Rubric, TableColumn } from '../rubric/schema';
import type { RankedUnit, UnitInput } from '../scoring/types';
import type { RawValue } from '../scoring/values';
import { rankLabel, rankWidth, ranksForReference, REFERENCE_RANK_SHEET_NOTE, scaledHeader, showsDeduction } from './columns';
import { categoryHeading, documentCell, documentColumns, documentColumnWidth, isTextColumn, numbered } from './doc-columns';
import { documentState, isEmptyUnit, rankText, stateLine, type DocumentState } from './document-state';
import { categoryCell, INVALID_INPUT, rankOrder, statusText, unitSheetOutputs } from './outputs';
import { fitToPage, pageBreaks, printScale } from './print';
import { rowKey, type CellValue, type SheetPlan } from './plan';
import { groupStartingAt } from '../rubric/levels';
import { groupHeading, groupRowKey } from './levels-rows';
import { allocateSheetNames } from './sheet-names';
import type { CellStyle } from './styles';
import { blockCell, blockHeader, blocksOf, weightedBaseLabel } from './construct-texts';
import { NOT_RETURNED, type AnnexComparison } from './annex-comparison';

export type AnnexStyleKey =
  | 'annexNo'
  | 'title'
  | 'subtitle'
  | 'subtitleRight'
  | 'subtitleCenter'
  | 'header'
  | 'category'
  | 'categoryScore'
  | 'text'
  | 'textCenter'
  | 'number'
  | 'score'
  | 'note'
  | 'footLabel'
  | 'footValue'
  | 'footScore'
  | 'draft'
  | 'sign';

/** Official-document faces: 宋体 table body, 仿宋 for the lines around it, 黑体 headings. */
export const ANNEX_FONTS = { body: '宋体', prose: '仿宋', heading: '黑体' } as const;

const body = { name: ANNEX_FONTS.body, size: 10 };
const cellBase = { border: true, locked: true } as const;

export const ANNEX_STYLES: Record<AnnexStyleKey, CellStyle> = {
  annexNo: { font: { name: ANNEX_FONTS.heading, size: 14 }, horizontal: 'left', vertical: 'center', locked: true },
  title: { font: { name: ANNEX_FONTS.heading, size: 18, bold: true }, horizontal: 'center', vertical: 'center', wrap: true, locked: true },
  subtitle: { font: { name: ANNEX_FONTS.prose, size: 12 }, horizontal: 'left', vertical: 'center', locked: true },
  subtitleRight: { font: { name: ANNEX_FONTS.prose, size: 12 }, horizontal: 'right', vertical: 'center', locked: true },
  subtitleCenter: { font: { name: ANNEX_FONTS.prose, size: 12 }, horizontal: 'center', vertical: 'center', wrap: true, locked: true },
  header: {
    font: { name: ANNEX_FONTS.heading, size: 10.5, bold: true },
    horizontal: 'center',
    vertical: 'center',
    wrap: true,
    ...cellBase,
  },
  category: {
    font: { name: ANNEX_FONTS.heading, size: 10.5, bold: true },
    horizontal: 'left',
    vertical: 'center',
    wrap: true,
    ...cellBase,
  },
  categoryScore: {
    font: { name: ANNEX_FONTS.heading, size: 10.5, bold: true },
    horizontal: 'center',
    vertical: 'center',
    ...cellBase,
    numberFormat: 'General',
  },
  text: { font: body, horizontal: 'left', vertical: 'center', wrap: true, ...cellBase },
  textCenter: { font: body, horizontal: 'center', vertical: 'center', wrap: true, ...cellBase },
  number: { font: body, horizontal: 'center', vertical: 'center', ...cellBase, numberFormat: 'General' },
  score: { font: { ...body, bold: true }, horizontal: 'center', vertical: 'center', ...cellBase, numberFormat: 'General' },
  note: { font: { name: ANNEX_FONTS.body, size: 9 }, horizontal: 'left', vertical: 'center', wrap: true, ...cellBase },
  footLabel: {
    font: { name: ANNEX_FONTS.heading, size: 10.5, bold: true },
    horizontal: 'center',
    vertical: 'center',
    wrap: true,
    ...cellBase,
  },
  footValue: { font: body, horizontal: 'center', vertical: 'center', wrap: true, ...cellBase },
  footScore: {
    font: { name: ANNEX_FONTS.body, size: 11, bold: true },
    horizontal: 'center',
    vertical: 'center',
    ...cellBase,
    numberFormat: 'General',
  },
  /** 草稿：… under the title of every sheet of a draft. */
  draft: { font: { name: ANNEX_FONTS.heading, size: 12, bold: true }, horizontal: 'center', vertical: 'center', wrap: true, locked: true },
  /** The signature line under a unit's table: room to sign above the bottom border. */
  sign: { font: { name: ANNEX_FONTS.prose, size: 12 }, horizontal: 'left', vertical: 'top', wrap: true, ...cellBase },
};

export interface AnnexCell {
  row: number;
  col: number;
  value: CellValue;
  style: AnnexStyleKey;
  /** A link to another sheet of the annex (汇总 → the unit's table), by sheet name. */
  link?: string;
}

export interface AnnexSheetPlan extends Omit<SheetPlan, 'cells'> {
  cells: AnnexCell[];
  /** Middle part of the page header: 草稿：… (and any notice about the rubric). */
  headerCenter?: string;
  /** Right part of the page header: the date. */
  headerRight?: string;
  hideGridLines: boolean;
  /** 0-based rows that start a new printed page (manual breaks). */
  rowBreaks?: number[];
  /** Printed pages of this sheet (rowBreaks + 1): the footer counts per sheet. */
  pages?: number;
}

export interface AnnexPlan {
  sheets: AnnexSheetPlan[];
  styles: Record<AnnexStyleKey, CellStyle>;
}

export interface AnnexUnit {
  /** Sheet key; defaults to A0001, A0002 … */
  key?: string;
  name: string;
  group: string;
  input: UnitInput;
  score: RankedUnit;
}

export interface AnnexOptions {
  /** Date printed in the page header, e.g. "2026年11月24日" (see chineseDate). */
  date: string;
  /** The roster's state (终稿 / 草稿); worked out from the units when not given. */
  state?: DocumentState;
  /** Also print a table for every unit with nothing filled (default: they are listed in 汇总 only). */
  allUnits?: boolean;
  /** A signature block under each unit's table; default: where the rubric's table declares one (朝阳). */
  confirmation?: boolean;
  /** 佐证材料清单: the evidence named per unit and item (only where 自评表 were collected), as a last sheet. */
  evidence?: EvidenceRow[];
  /**
   * 自评与核定对照表 (only where 自评表 were collected, and the office asks for it), as the very last
   * sheet: the official tables are the 核定 result and stay exactly as without it.
   */
  comparison?: AnnexComparison;
}

/** One line of the 佐证材料清单: what the unit named on its 自评表, and the team's basis (核查清单 核减原因). */
export interface EvidenceRow {
  unit: string;
  item: string;
  byUnit: string;
  byTeam: string;
}

export const ANNEX_SHEETS = { summary: '汇总', rank: '排名', evidence: '佐证材料清单', comparison: '自评与核定对照表' } as const;

export function chineseDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

// ------------------------------------------------------------------ text measure

/** East Asian wide and full-width ranges (CJK, kana, Hangul, full-width forms, “” and …). */
const WIDE_RANGES: [number, number][] = [
  [0x1100, 0x115f],
  [0x2018, 0x201d],
  [0x2026, 0x2026],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];
const isWide = (cp: number) => cp >= 0x1100 && WIDE_RANGES.some(([a, b]) => cp >= a && cp <= b);

/**
 * Width of a text in column-width units (digits of the default font, 7 px) at 10 pt: a CJK
 * character of 10 pt is 13.3 px, counted as 2 digits (a little wider than Excel, about right for
 * WPS and LibreOffice, whose substitute fonts make the unit narrower).
 */
export function textUnits(text: string, pt = 10): number {
  let w = 0;
  for (const ch of text) w += isWide(ch.codePointAt(0) as number) ? 2 : 1.05;
  return (w * pt) / 10;
}

// The rubric's texts repeat on every unit sheet: measured once (keyed by the text itself, whose
// hash the engine keeps, then by width and size).
const measured = new Map<string, Map<number, number>>();

/**
 * Lines a wrapped text takes in a column of the given width. Pessimistic on purpose: a wrapped line
 * may lose a character to line-breaking rules (no line starts with ，。）), and a row a little too
 * tall reads better than a clipped one.
 */
export function lineCount(text: string, width: number, pt = 10): number {
  let byWidth = measured.get(text);
  const k = width * 1000 + pt;
  const hit = byWidth?.get(k);
  if (hit !== undefined) return hit;
  const usable = Math.max(1, width - 0.7);
  const n = String(text)
    .split('\n')
    .reduce((sum, para) => {
      const units = textUnits(para, pt);
      if (units <= usable) return sum + 1;
      return sum + Math.ceil(units / Math.max(1, usable - pt / 10));
    }, 0);
  if (!byWidth) {
    if (measured.size > 20_000) measured.clear();
    measured.set(text, (byWidth = new Map()));
  }
  byWidth.set(k, n);
  return n;
}

/** Row height (points) for the given lines of text at a font size. */
export const rowHeightFor = (lines: number, pt = 10) => Math.ceil(lines * pt * 1.45 + 5);

// ------------------------------------------------------------------ values as shown

const num = (x: number) => String(Number(x.toPrecision(12)));

/** How a typed value reads in the annex: blank → 未填, yes/no words kept, units appended. */
export function showRaw(raw: RawValue, f?: Field): string {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return '未填';
  if (typeof raw === 'boolean') return raw ? '是' : '否';
  if (typeof raw === 'number') {
    if (f?.type === 'percent') return f.bare === 'fraction' && Math.abs(raw) <= 1 ? `${num(raw * 100)}%` : `${num(raw)}%`;
    if ((f?.type === 'count' || f?.type === 'number') && f.unit) return `${num(raw)} ${f.unit}`;
    return num(raw);
  }
  return raw.trim();
}

function filledText(ind: Indicator, u: UnitInput): string {
  if (u.notApplicable?.includes(ind.id)) return '不涉及';
  const values = u.inputs?.[ind.id] ?? {};
  // Monthly tracking: a blank month is 未考核 (not yet assessed), not a field left unfilled.
  const monthly = ind.rule.kind === 'monthly' ? ind.rule.months : [];
  const shown = (f: Field) => (monthly.includes(f.id) && showRaw(values[f.id], f) === '未填' ? '未考核' : showRaw(values[f.id], f));
  if (ind.fields.length === 1) {
    const f = ind.fields[0];
    return `${f.label}：${shown(f)}`;
  }
  return ind.fields.map((f) => `${f.label}：${shown(f)}`).join('\n');
}

function bonusText(rubric: Rubric, u: UnitInput): string {
  if (rubric.bonus.kind === 'none') return '';
  if (rubric.bonus.kind === 'items') return '见加分项各行';
  const raw = u.bonus;
  if (raw === null || raw === undefined || String(raw).trim() === '') return '无';
  return showRaw(raw);
}

function fraudText(u: UnitInput): string {
  const f = u.fraud;
  if (Array.isArray(f)) return f.length ? `涉及指标：${f.join('、')}` : '否';
  return f ? '是' : '否';
}

// ------------------------------------------------------------------ unit sheet

type ToolRole = 'filled' | 'score' | 'deduction' | 'note';

interface AnnexColumn {
  /** A column of the document's own table, or one of the tool's. */
  role: ToolRole | 'doc';
  doc?: TableColumn;
  header: string;
  width: number;
}

/**
 * The unit sheet's columns: the document's own (rubric.table.columns, see doc-columns.ts), the tool's
 * 填报情况 and 得分 before the document's 扣分 column (鹤岗, whose 扣分 the tool fills) or after the
 * document's columns, and 计分说明 last. Widths fill an A4 landscape page at scale 1.
 */
export function annexUnitColumns(rubric: Rubric): AnnexColumn[] {
  const docCols: AnnexColumn[] = documentColumns(rubric).map((d) =>
    d.from === 'deduction'
      ? { role: 'deduction', doc: d, header: d.header, width: 6.5 }
      : { role: 'doc', doc: d, header: d.header, width: documentColumnWidth(d, rubric) },
  );
  const tool: AnnexColumn[] = [
    { role: 'filled', header: '填报情况', width: 20 },
    { role: 'score', header: '得分', width: 6.5 },
  ];
  const at = docCols.findIndex((c) => c.role === 'deduction');
  const cols = at >= 0 ? [...docCols.slice(0, at), ...tool, ...docCols.slice(at)] : [...docCols, ...tool];
  // A rubric without the declaration (an old embedded one) that is scored by deduction: 扣分 after 得分.
  if (at < 0 && showsDeduction(rubric)) cols.push({ role: 'deduction', header: '扣分', width: 6.5 });
  cols.push({ role: 'note', header: '计分说明', width: 22 });
  fitToPage(
    cols,
    cols.filter((c) => c.role === 'filled' || c.role === 'note' || (c.doc && isTextColumn(c.doc))),
    true,
  );
  return cols;
}

/** A column wide enough for the longest text in two lines at most, within bounds. */
const fitWidth = (texts: string[], min: number, max: number) =>
  Math.min(max, Math.max(min, Math.ceil(Math.max(0, ...texts.map((t) => textUnits(t))) / 2) + 2));

function baseLabel(rubric: Rubric): string {
  const a = rubric.aggregation;
  if (a.mode === 'sum') return '合计';
  if (a.mode === 'deduct_from_base') return `基础得分（${a.base} 分减扣分）`;
  if (a.mode === 'blocks') return weightedBaseLabel(rubric) as string;
  return `折算得分（x ÷ y × ${a.scale}）`;
}

class SheetBuilder {
  cells: AnnexCell[] = [];
  merges: SheetPlan['merges'] = [];
  rowHeights: Record<number, number> = {};
  put(row: number, col: number, value: CellValue, style: AnnexStyleKey, link?: string) {
    this.cells.push({ row, col, value, style, ...(link ? { link } : {}) });
  }
  /** Writes a value over a range: every cell gets the style (so borders are drawn), one merge. */
  span(row: number, fromCol: number, toCol: number, value: CellValue, style: AnnexStyleKey, toRow = row) {
    for (let r = row; r <= toRow; r++)
      for (let c = fromCol; c <= toCol; c++) this.put(r, c, r === row && c === fromCol ? value : null, style);
    if (toCol > fromCol || toRow > row) this.merges.push({ fromRow: row, fromCol, toRow, toCol });
  }
  height(row: number, h: number) {
    this.rowHeights[row] = Math.max(this.rowHeights[row] ?? 0, h);
  }
  /** Heights of rows 0 … n − 1 as printed (15 pt where none was set). */
  heights(n: number): number[] {
    return Array.from({ length: n }, (_, r) => this.rowHeights[r] ?? 15);
  }
}

/**
 * 附件N (only on the unit tables the document numbered so), the title over the full width, and the
 * draft line under it: a reader of any single first page sees 草稿. Returns the next row.
 */
function heading(b: SheetBuilder, rubric: Rubric, title: string, widths: number[], state: DocumentState, annexNumber: boolean): number {
  let row = 0;
  const last = widths.length - 1;
  const total = widths.reduce((s, w) => s + w, 0);
  if (annexNumber && rubric.annex.number) {
    b.span(row, 0, last, `附件${rubric.annex.number}`, 'annexNo');
    b.height(row, rowHeightFor(1, 14));
    row++;
  }
  b.span(row, 0, last, title, 'title');
  b.height(row, rowHeightFor(lineCount(title, total, 18), 18) + 6);
  row++;
  const line = state.final ? state.notices.join('；') : stateLine(state);
  if (line) {
    b.span(row, 0, last, line, 'draft');
    b.height(row, Math.max(22, rowHeightFor(lineCount(line, total, 12), 12)));
    row++;
  }
  return row;
}

/** Page header: what the page is (unit, 汇总, 排名) and the 文号 on the left, the state in the middle, the date on the right. */
function pageHeader(
  rubric: Rubric,
  what: string,
  state: DocumentState,
  date: string,
): Pick<AnnexSheetPlan, 'header' | 'headerCenter' | 'headerRight'> {
  const center = state.final ? state.notices.join('；') : stateLine(state);
  return {
    header: [what, rubric.documentNumber].filter(Boolean).join('　'),
    ...(center ? { headerCenter: center } : {}),
    headerRight: date,
  };
}

/** The confirmation block under a unit's table (朝阳: 现场逐项量化评分并现场进行确认). */
function confirmationBlock(b: SheetBuilder, row: number, widths: number[]): number {
  // Three fields of about equal width: the columns are split where a third of the width is reached.
  const total = widths.reduce((s, w) => s + w, 0);
  // The last column whose running width stays within a share of the whole.
  const within = (share: number) => {
    let sum = 0;
    let last = -1;
    for (let i = 0; i < widths.length; i++) {
      sum += widths[i];
      if (sum <= total * share) last = i;
    }
    return last;
  };
  const a = Math.max(0, Math.min(within(1 / 3), widths.length - 3));
  const c = Math.max(a + 1, Math.min(within(2 / 3), widths.length - 2));
  const parts: [number, number, string][] = [
    [0, a, '考核组签字：'],
    [a + 1, c, '被考核单位确认（签字、盖章）：'],
    [c + 1, widths.length - 1, '日期：　　　　年　　月　　日'],
  ];
  for (const [from, to, text] of parts) b.span(row, from, to, text, 'sign');
  b.height(row, 48);
  return row + 1;
}

function planAnnexUnitSheet(
  rubric: Rubric,
  key: string,
  sheetName: string,
  groupLabel: string,
  u: AnnexUnit,
  options: AnnexOptions,
  state: DocumentState,
): AnnexSheetPlan {
  const cols = annexUnitColumns(rubric);
  const widths = cols.map((c) => c.width);
  const at = (role: ToolRole) => cols.findIndex((c) => c.role === role);
  const has = (role: ToolRole) => at(role) >= 0;
  const last = cols.length - 1;
  const b = new SheetBuilder();
  const out = new Map<string, { score?: CellValue; deduction?: CellValue; reason?: CellValue }>();
  for (const o of unitSheetOutputs(rubric, key, u.score)) {
    const e = out.get(o.rowKey) ?? {};
    if (o.role === 'score') e.score = o.value;
    else if (o.role === 'deduction') e.deduction = o.value;
    else if (o.role === 'reason') e.reason = o.value;
    out.set(o.rowKey, e);
  }
  const fit = (row: number, col: number, text: CellValue, pt = 10) => {
    if (text === null || text === '') return;
    b.height(row, rowHeightFor(lineCount(String(text), widths[col], pt), pt));
  };
  const spanWidth = (from: number, to: number) => widths.slice(from, to + 1).reduce((sum, w) => sum + w, 0);

  let row = heading(b, rubric, rubric.annex.title, widths, state, true);
  // Unit line: name and group on the left, the result on the right; two lines when they do not fit.
  const s = u.score;
  const who = `被考核单位：${u.name}（${groupLabel}）`;
  const totalDeduction = out.get(rowKey.total('base'))?.deduction;
  const result = [
    `满分 ${rubric.fullMarks} 分`,
    ...(has('deduction') ? [`扣分：${totalDeduction ?? '未定'}`] : []),
    `最终得分：${s.final ?? '未定'}`,
    ...(rubric.bands ? [`等次：${s.band ?? '未定'}`] : []),
    ...(rubric.outerScale ? [`${rubric.outerScale.label}：${s.scaled ?? '未定'}`] : []),
    ...(s.veto && s.final !== null ? [s.veto.text] : []),
    `${rankLabel(rubric)}：${rankText(s.rank, state) ?? '未定'}`,
  ].join('　');
  const total = spanWidth(0, last);
  const split = Math.max(at('filled'), Math.floor(cols.length / 2));
  const leftWidth = spanWidth(0, split - 1);
  // With a margin: 12 pt prose in a substituted font runs wider than the estimate.
  if (textUnits(who, 12) <= leftWidth * 0.9 - 1 && textUnits(result, 12) <= (total - leftWidth) * 0.9 - 1) {
    b.span(row, 0, split - 1, who, 'subtitle');
    b.span(row, split, last, result, 'subtitleRight');
    b.height(row, 24);
    row++;
  } else {
    b.span(row, 0, last, who, 'subtitle');
    b.height(row, Math.max(22, rowHeightFor(lineCount(who, total, 12), 12)));
    row++;
    b.span(row, 0, last, result, 'subtitleRight');
    b.height(row, Math.max(22, rowHeightFor(lineCount(result, total, 12), 12)));
    row++;
  }

  const headerRow = row;
  cols.forEach((c, i) => {
    b.put(row, i, c.header, 'header');
    b.height(row, rowHeightFor(lineCount(c.header, c.width, 10.5), 10.5));
  });
  b.height(row, 30);
  row++;

  // The document's 考核内容 column holding the category (鹤岗): printed once, merged over its items and subtotal.
  const catCol = cols.findIndex((c) => c.doc?.from === 'category');
  const keep: [number, number][] = [];
  const afterScore = (r: number, style: AnnexStyleKey, values: Partial<Record<ToolRole, CellValue>>) => {
    cols.forEach((c, i) => {
      if (i <= at('score')) return;
      if (c.role === 'deduction') b.put(r, i, values.deduction ?? null, style);
      else if (c.role === 'note') b.put(r, i, values.note ?? null, 'note');
      else b.put(r, i, null, 'text');
    });
  };
  for (const cat of rubric.categories) {
    const single = cat.indicators.length === 1 && cat.indicators[0].id === cat.id;
    const rk = rowKey.category(cat.id);
    const subtotal = (labelFrom: number, label: string) => {
      b.span(row, labelFrom, at('score') - 1, label, 'category');
      b.put(row, at('score'), out.get(rk)?.score ?? null, 'categoryScore');
      afterScore(row, 'categoryScore', { deduction: out.get(rk)?.deduction ?? null, note: out.get(rk)?.reason ?? null });
      b.height(row, 22);
      b.height(row, rowHeightFor(lineCount(label, spanWidth(labelFrom, at('score') - 1), 10.5), 10.5));
      fit(row, at('note'), out.get(rk)?.reason ?? null, 9);
      row++;
    };
    // "一、工作机制建设（15 分）" across the descriptive columns, subtotal under 得分.
    if (!single && catCol < 0) {
      keep.push([row, row + 1]);
      subtotal(0, categoryHeading(cat));
    }
    const firstItem = row;
    for (const ind of cat.indicators) {
      const group = groupStartingAt(cat, ind);
      if (group) {
        // Three levels: the 考核指标 row with its subtotal, above its 子项.
        const g = out.get(groupRowKey(group.id));
        const from = catCol >= 0 ? catCol + 1 : 0;
        b.span(row, from, at('score') - 1, groupHeading(group), 'text');
        b.put(row, at('score'), g?.score ?? null, 'categoryScore');
        afterScore(row, 'categoryScore', { note: g?.reason ?? null });
        b.height(row, Math.max(22, rowHeightFor(lineCount(groupHeading(group), spanWidth(from, at('score') - 1), 10.5), 10.5)));
        fit(row, at('note'), g?.reason ?? null, 9);
        row++;
      }
      const rk = rowKey.item(ind.id, ind.fields[0].id);
      // Unpublished points (朝阳) are set by the office: the maximum the engine used.
      const points = ind.points ?? u.score.items[ind.id]?.max ?? '—';
      cols.forEach((c, i) => {
        let v: CellValue;
        let style: AnnexStyleKey = 'text';
        if (c.role === 'doc') {
          const d = c.doc!;
          if (d.from === 'category') return; // written once below
          v = documentCell(d, ind, cat, points);
          style = d.from === 'number' ? 'textCenter' : d.from === 'points' ? 'number' : 'text';
        } else if (c.role === 'filled') v = filledText(ind, u.input);
        else if (c.role === 'score') [v, style] = [out.get(rk)?.score ?? null, 'score'];
        else if (c.role === 'deduction') [v, style] = [out.get(rk)?.deduction ?? null, 'number'];
        else [v, style] = [out.get(rk)?.reason ?? null, 'note'];
        b.put(row, i, v, style);
        if (typeof v === 'string') fit(row, i, v, style === 'note' ? 9 : 10);
      });
      b.height(row, 24);
      row++;
    }
    if (catCol >= 0) {
      if (!single) subtotal(catCol === 0 ? 1 : 0, '小计');
      const label = categoryHeading(cat);
      b.span(firstItem, catCol, catCol, label, 'text', row - 1);
      // The merged cell must be tall enough over its rows: the last row takes what is missing.
      const need = rowHeightFor(lineCount(label, widths[catCol], 10), 10);
      const have = b
        .heights(row)
        .slice(firstItem, row)
        .reduce((sum, h) => sum + h, 0);
      if (need > have) b.height(row - 1, (b.rowHeights[row - 1] ?? 15) + need - have);
    }
  }

  // Foot: label across the descriptive columns, the typed value under 填报情况, score and note.
  const footStart = row - 1; // the table's last row stays with the result rows
  const foot = (
    what: Parameters<typeof rowKey.total>[0],
    label: string,
    filled: string,
    style: AnnexStyleKey = 'footScore',
    score?: CellValue,
  ) => {
    const o = out.get(rowKey.total(what)) ?? {};
    b.span(row, 0, at('filled') - 1, label, 'footLabel');
    b.put(row, at('filled'), filled, 'footValue');
    b.put(row, at('score'), score !== undefined ? score : (o.score ?? null), style);
    // The unit's total deduction on the base line (基础得分（100 分减扣分）), just above the final score.
    afterScore(row, what === 'base' ? style : 'footValue', { deduction: o.deduction ?? null, note: o.reason ?? null });
    b.height(row, 24);
    b.height(row, rowHeightFor(lineCount(label, spanWidth(0, at('filled') - 1), 10.5), 10.5));
    fit(row, at('filled'), filled);
    const shown = score !== undefined ? score : (o.score ?? null);
    if (typeof shown === 'string') fit(row, at('score'), shown, style === 'footScore' ? 11 : 10);
    fit(row, at('note'), o.reason ?? null, 9);
    row++;
  };
  foot('base', baseLabel(rubric), '');
  if (rubric.bonus.kind !== 'none') foot('bonus', rubric.bonus.label, bonusText(rubric, u.input));
  if (rubric.fraud !== 'none') foot('fraud', '弄虚作假', fraudText(u.input), 'footValue');
  foot('final', '最终得分', '');
  if (rubric.bands) foot('band', '考核等次', '', 'footValue');
  foot('rank', rankLabel(rubric), '', 'footValue', rankText(s.rank, state));
  if (!s.complete || s.problems.some((p) => p.severity === 'error')) foot('status', '填写情况', statusText(s), 'footValue');
  if (options.confirmation ?? rubric.table?.confirmation ?? false) row = confirmationBlock(b, row, widths);
  keep.push([footStart, row - 1]);

  const heights = b.heights(row);
  const scale = printScale(widths, true);
  return {
    key,
    kind: 'unit',
    name: sheetName,
    columns: widths.map((width) => ({ width })),
    hiddenRows: [],
    rowHeights: b.rowHeights,
    cells: b.cells,
    merges: b.merges,
    freezeRows: headerRow + 1,
    printTitleRows: [headerRow, headerRow],
    landscape: true,
    block: { rows: row, cols: cols.length },
    tables: [],
    charts: [],
    ...pageHeader(rubric, u.name, state, options.date),
    hideGridLines: true,
    rowBreaks: pageBreaks(heights, scale, true, heights[headerRow], keep),
  };
}

// ------------------------------------------------------------------ 汇总 and 排名

/** Under the 汇总 / 排名 titles: the document's title and 文号 (not an 附件 number of the document's). */
/** The document's title and 文号 centred across the sheet, as tall as its wrapped text; returns the next row. */
function subtitleRow(b: SheetBuilder, rubric: Rubric, row: number, widths: number[]): number {
  const text = subtitleLine(rubric);
  b.span(row, 0, widths.length - 1, text, 'subtitleCenter');
  b.height(
    row,
    rowHeightFor(
      lineCount(
        text,
        widths.reduce((s, w) => s + w, 0),
        12,
      ),
      12,
    ),
  );
  return row + 1;
}

/** An office's own rubric (made in a 细则定义 sheet) says so, so nobody takes it for a shipped one. */
export const OFFICE_RUBRIC_NOTE = '评分细则由本办自行制定';

function subtitleLine(rubric: Rubric): string {
  const own = rubric.origin === 'office' ? `　（${OFFICE_RUBRIC_NOTE}）` : '';
  return `${rubric.title}${rubric.documentNumber ? `（${rubric.documentNumber}）` : ''}　${rubric.assessedUnits}${own}`;
}

/** Widths for a sheet printed in portrait when it fits, else landscape; filled to the page. */
function fitSheet<C extends { width: number }>(cols: C[], stretch: C[]): boolean {
  const landscape =
    printScale(
      cols.map((c) => c.width),
      false,
    ) < 1;
  fitToPage(cols, stretch, landscape, 5);
  return landscape;
}

function planAnnexSummary(
  rubric: Rubric,
  units: AnnexUnit[],
  groupLabel: (id: string) => string,
  options: AnnexOptions,
  state: DocumentState,
  links: (string | null)[],
): AnnexSheetPlan {
  const multiGroup = rubric.ranking.groups.length > 1;
  type Col = { header: string; width: number; value: (u: AnnexUnit, i: number) => CellValue; style: AnnexStyleKey; stretch?: boolean };
  const cols: Col[] = [
    { header: '序号', width: 5, value: (_, i) => i + 1, style: 'textCenter' },
    { header: '被考核单位', width: 18, value: (u) => u.name, style: 'text', stretch: true },
  ];
  if (multiGroup)
    cols.push({
      header: '分组',
      width: fitWidth(
        rubric.ranking.groups.map((g) => g.label),
        9,
        16,
      ),
      value: (u) => groupLabel(u.group),
      style: 'textCenter',
    });
  for (const c of rubric.categories) {
    cols.push({
      header: `${numbered(c.number)}${c.name}${c.points !== null ? `（${c.points}分）` : ''}`,
      width: 9,
      value: (u) => categoryCell(c, u.score),
      style: 'number',
      stretch: true,
    });
    // Three levels: each 考核指标's subtotal after its category's.
    for (const g of c.groups ?? [])
      cols.push({ header: groupHeading(g), width: 9, value: (u) => u.score.groups?.[g.id]?.score ?? null, style: 'number', stretch: true });
  }
  blocksOf(rubric).forEach((blk, i) =>
    cols.push({ header: blockHeader(rubric, blk), width: 9, value: (u) => blockCell(u.score, i), style: 'number', stretch: true }),
  );
  cols.push({
    header: rubric.aggregation.mode === 'blocks' ? '加权得分' : rubric.aggregation.mode === 'normalised' ? '折算得分' : '基础得分',
    width: 7,
    value: (u) => u.score.base,
    style: 'number',
  });
  if (rubric.bonus.kind !== 'none') cols.push({ header: '加分', width: 6, value: (u) => u.score.bonus ?? INVALID_INPUT, style: 'number' });
  cols.push({ header: '最终得分', width: 7, value: (u) => u.score.final, style: 'score' });
  if (rubric.outerScale) cols.push({ header: scaledHeader(rubric), width: 8, value: (u) => u.score.scaled ?? null, style: 'score' });
  if (rubric.bands) cols.push({ header: '等次', width: 6.5, value: (u) => u.score.band, style: 'textCenter' });
  cols.push(
    { header: rankLabel(rubric), width: state.final ? rankWidth(rubric) : 9, value: (u) => rankText(u.score.rank, state), style: 'number' },
    {
      header: '表彰/通报',
      width: fitWidth(
        units.map((u) => u.score.labels.join('；')),
        12,
        20,
      ),
      value: (u) => u.score.labels.join('；') || null,
      style: 'text',
      stretch: true,
    },
    {
      header: '备注',
      width: 14,
      value: (u) => (u.score.complete && !u.score.problems.some((p) => p.severity === 'error') ? null : statusText(u.score)),
      style: 'note',
      stretch: true,
    },
  );
  const landscape = fitSheet(
    cols,
    cols.filter((c) => c.stretch),
  );
  const widths = cols.map((c) => c.width);
  const b = new SheetBuilder();
  let row = heading(b, rubric, '考核结果汇总表', widths, state, false);
  row = subtitleRow(b, rubric, row, widths);
  const headerRow = row;
  cols.forEach((c, i) => {
    b.put(row, i, c.header, 'header');
    b.height(row, rowHeightFor(lineCount(c.header, c.width, 10.5), 10.5));
  });
  row++;
  units.forEach((u, i) => {
    cols.forEach((c, j) => {
      const v = c.value(u, i);
      // The unit's name links to its table (where the annex has one).
      b.put(row, j, v, c.style, c.header === '被考核单位' ? (links[i] ?? undefined) : undefined);
      if (typeof v === 'string')
        b.height(row, rowHeightFor(lineCount(v, c.width, c.style === 'note' ? 9 : 10), c.style === 'note' ? 9 : 10));
    });
    b.height(row, 20);
    row++;
  });
  const heights = b.heights(row);
  return {
    key: 'SUMMARY',
    kind: 'summary',
    name: ANNEX_SHEETS.summary,
    columns: widths.map((width) => ({ width })),
    hiddenRows: [],
    rowHeights: b.rowHeights,
    cells: b.cells,
    merges: b.merges,
    freezeRows: headerRow + 1,
    printTitleRows: [headerRow, headerRow],
    landscape,
    block: { rows: row, cols: cols.length },
    tables: [],
    charts: [],
    ...pageHeader(rubric, ANNEX_SHEETS.summary, state, options.date),
    hideGridLines: true,
    rowBreaks: pageBreaks(heights, printScale(widths, landscape), landscape, heights[headerRow]),
  };
}

function planAnnexRank(rubric: Rubric, units: AnnexUnit[], options: AnnexOptions, state: DocumentState): AnnexSheetPlan {
  type Col = { header: string; width: number; value: (u: RankedUnit) => CellValue; style: AnnexStyleKey };
  const cols: Col[] = [
    { header: rankLabel(rubric), width: state.final ? rankWidth(rubric) : 9, value: (u) => rankText(u.rank, state), style: 'number' },
    { header: '被考核单位', width: 28, value: (u) => u.name, style: 'text' },
    { header: '最终得分', width: 9, value: (u) => u.final, style: 'score' },
  ];
  if (rubric.bands) cols.push({ header: '等次', width: 7, value: (u) => u.band, style: 'textCenter' });
  cols.push(
    { header: '表彰/通报', width: 22, value: (u) => u.labels.join('；') || null, style: 'text' },
    { header: '备注', width: 16, value: (u) => (u.rank === null ? statusText(u) : null), style: 'note' },
  );
  const landscape = fitSheet(
    cols,
    cols.filter((c) => ['被考核单位', '表彰/通报', '备注'].includes(c.header)),
  );
  const widths = cols.map((c) => c.width);
  const last = cols.length - 1;
  const b = new SheetBuilder();
  let row = heading(b, rubric, '考核排名', widths, state, false);
  row = subtitleRow(b, rubric, row, widths);
  if (ranksForReference(rubric)) {
    // 鹤岗 does not rank: the ranks are worked out for reference, and the sheet says so.
    const line = REFERENCE_RANK_SHEET_NOTE;
    b.span(row, 0, last, line, 'subtitle');
    b.height(
      row,
      Math.max(
        22,
        rowHeightFor(
          lineCount(
            line,
            widths.reduce((s, w) => s + w, 0),
            12,
          ),
          12,
        ),
      ),
    );
    row++;
  }
  let firstHeader: number | null = null;
  const keep: [number, number][] = [];
  const scores = units.map((u) => u.score);
  for (const [groupId, members] of rankOrder(rubric, scores)) {
    if (members.length === 0) continue;
    const g = rubric.ranking.groups.find((x) => x.id === groupId)!;
    const rules = [...g.honours.map((h) => `前${h.top}名：${h.label}`), ...g.criticism.map((c) => `后${c.bottom}名：${c.label}`)];
    const title = `${g.label}（${members.length} 个单位）${rules.length ? `　${rules.join('；')}` : ''}`;
    keep.push([row, row + 2]); // a group's title, header and first row on one page
    b.span(row, 0, last, title, 'category');
    b.height(
      row,
      Math.max(
        22,
        rowHeightFor(
          lineCount(
            title,
            widths.reduce((s, w) => s + w, 0),
            10.5,
          ),
          10.5,
        ),
      ),
    );
    row++;
    firstHeader ??= row;
    cols.forEach((c, i) => {
      b.put(row, i, c.header, 'header');
      b.height(row, rowHeightFor(lineCount(c.header, c.width, 10.5), 10.5));
    });
    b.height(row, 24);
    row++;
    for (const u of members) {
      cols.forEach((c, j) => {
        const v = c.value(u);
        b.put(row, j, v, c.style);
        if (typeof v === 'string')
          b.height(row, rowHeightFor(lineCount(v, c.width, c.style === 'note' ? 9 : 10), c.style === 'note' ? 9 : 10));
      });
      b.height(row, 20);
      row++;
    }
    row++; // a blank line between groups
  }
  const oneGroup = [...rankOrder(rubric, scores).values()].filter((m) => m.length > 0).length === 1;
  // One group: its header on every page; several: each group has its own header, none is repeated.
  return listSheetPlan(
    rubric,
    b,
    { key: 'RANK', name: ANNEX_SHEETS.rank, widths, rows: row, landscape, titleRow: oneGroup ? firstHeader : null, keep },
    options,
    state,
  );
}

/**
 * 佐证材料清单: per unit and item, the evidence the unit named on its 自评表 and the team's basis
 * (the 核减原因 of 核查清单), values only, printed like 排名 (title, draft line, header repeated).
 */
function planAnnexEvidence(rubric: Rubric, rows: EvidenceRow[], options: AnnexOptions, state: DocumentState): AnnexSheetPlan {
  const cols = [
    { header: '序号', width: 5, style: 'number' as const },
    { header: '被考核单位', width: 16, style: 'text' as const },
    { header: '考核项目', width: 22, style: 'text' as const },
    { header: '佐证材料（单位填报）', width: 30, style: 'text' as const },
    { header: '核查依据（考核组）', width: 30, style: 'text' as const },
  ];
  const landscape = fitSheet(cols, cols.slice(2));
  const widths = cols.map((c) => c.width);
  const b = new SheetBuilder();
  let row = heading(b, rubric, '佐证材料清单', widths, state, false);
  row = subtitleRow(b, rubric, row, widths);
  const headerRow = row;
  cols.forEach((c, i) => b.put(row, i, c.header, 'header'));
  b.height(row, 24);
  row++;
  if (rows.length === 0) {
    b.span(row, 0, cols.length - 1, '没有单位填报佐证材料。', 'text');
    b.height(row, 20);
    row++;
  }
  rows.forEach((r, n) => {
    const values: CellValue[] = [n + 1, r.unit, r.item, r.byUnit || null, r.byTeam || null];
    values.forEach((v, i) => {
      b.put(row, i, v, cols[i].style);
      if (typeof v === 'string') b.height(row, rowHeightFor(lineCount(v, cols[i].width, 10), 10));
    });
    b.height(row, 20);
    row++;
  });
  return listSheetPlan(
    rubric,
    b,
    { key: 'EVIDENCE', name: ANNEX_SHEETS.evidence, widths, rows: row, landscape, titleRow: headerRow },
    options,
    state,
  );
}

/**
 * The sheet plan of a list sheet (排名, 佐证材料清单, 自评与核定对照表): nothing frozen, the header
 * row repeated on every printed page where there is one header for the whole sheet, page breaks
 * that keep the given row ranges together.
 */
function listSheetPlan(
  rubric: Rubric,
  b: SheetBuilder,
  sheet: {
    key: string;
    name: string;
    widths: number[];
    rows: number;
    landscape: boolean;
    titleRow: number | null;
    keep?: [number, number][];
  },
  options: AnnexOptions,
  state: DocumentState,
): AnnexSheetPlan {
  const { key, name, widths, rows, landscape, titleRow } = sheet;
  const heights = b.heights(rows);
  return {
    key,
    kind: 'rank',
    name,
    columns: widths.map((width) => ({ width })),
    hiddenRows: [],
    rowHeights: b.rowHeights,
    cells: b.cells,
    merges: b.merges,
    freezeRows: 0,
    ...(titleRow !== null ? { printTitleRows: [titleRow, titleRow] as [number, number] } : {}),
    landscape,
    block: { rows, cols: widths.length },
    tables: [],
    charts: [],
    ...pageHeader(rubric, name, state, options.date),
    hideGridLines: true,
    rowBreaks: pageBreaks(heights, printScale(widths, landscape), landscape, titleRow !== null ? heights[titleRow] : 0, sheet.keep),
  };
}

/** A number as printed in the comparison; null reads as the given word (未定, 未完成), never 0. */
const shownOr = (v: number | null, none: string): CellValue => (v === null ? none : v);

/**
 * 自评与核定对照表: one row per unit (自评总分 beside 核定总分, the difference, the items that differ
 * and how many lack a 核减原因; 「未提交」 where a unit returned no form), then the differing items
 * (the 核查清单 lines with their reasons). A reading aid for the office, said so under the title:
 * the result is the 核定 one of 汇总 and the unit tables.
 */
function planAnnexComparison(rubric: Rubric, comparison: AnnexComparison, options: AnnexOptions, state: DocumentState): AnnexSheetPlan {
  const cols = [
    { header: '序号', width: 5 },
    { header: '被考核单位', width: 16 },
    {
      header: '分组',
      width: fitWidth(
        comparison.units.map((u) => u.group),
        9,
        18,
      ),
    },
    { header: '自评表', width: 7 },
    { header: '自评总分', width: 7 },
    { header: '核定总分', width: 7 },
    { header: '差值（核定−自评）', width: 9 },
    { header: '差异项数', width: 7 },
    { header: '未说明差异', width: 7 },
  ];
  const landscape = fitSheet(cols, [cols[1]]);
  const widths = cols.map((c) => c.width);
  const last = cols.length - 1;
  const total = widths.reduce((s, w) => s + w, 0);
  const spanWidth = (from: number, to: number) => widths.slice(from, to + 1).reduce((s, w) => s + w, 0);
  const b = new SheetBuilder();
  const fit = (row: number, v: CellValue, width: number, pt = 10) => {
    if (typeof v === 'string') b.height(row, rowHeightFor(lineCount(v, width, pt), pt));
  };
  let row = heading(b, rubric, ANNEX_SHEETS.comparison, widths, state, false);
  row = subtitleRow(b, rubric, row, widths);
  // Wrapped (subtitleCenter): a line running past the last column makes LibreOffice shrink the page.
  const basis = '考核结果以核定分为准（见汇总及各单位考核表），本表供核查对照。';
  b.span(row, 0, last, basis, 'subtitleCenter');
  b.height(row, Math.max(22, rowHeightFor(lineCount(basis, total, 12), 12)));
  row++;

  const headerRow = row;
  cols.forEach((c, i) => {
    b.put(row, i, c.header, 'header');
    b.height(row, rowHeightFor(lineCount(c.header, c.width, 10.5), 10.5));
  });
  b.height(row, 24);
  row++;
  comparison.units.forEach((u, n) => {
    const dash = '—';
    const values: [CellValue, AnnexStyleKey][] = [
      [n + 1, 'textCenter'],
      [u.unit, 'text'],
      [u.group, 'textCenter'],
      [u.returned ? '已提交' : NOT_RETURNED, 'textCenter'],
      [u.returned ? shownOr(u.self, '未完成') : NOT_RETURNED, 'number'],
      [shownOr(u.verified, '未定'), 'score'],
      [u.returned ? shownOr(u.difference, dash) : dash, 'number'],
      [u.returned ? u.differing : dash, 'number'],
      [u.returned ? u.unexplained : dash, 'number'],
    ];
    values.forEach(([v, style], i) => {
      b.put(row, i, v, style);
      fit(row, v, widths[i]);
    });
    b.height(row, 20);
    row++;
  });

  // The differing items, on the same column grid: 考核项目 under 分组, 核减原因 over the last three.
  const keep: [number, number][] = [];
  if (comparison.details.length > 0) {
    row++; // a blank line between the two tables
    const title = `逐项差异（核查清单，共 ${comparison.details.length} 项）`;
    keep.push([row, row + 2]); // title, header and first line on one page
    b.span(row, 0, last, title, 'category');
    b.height(row, 22);
    row++;
    const spans: [number, number, string][] = [
      [0, 0, '序号'],
      [1, 1, '被考核单位'],
      [2, 2, '考核项目'],
      [3, 3, '自评分'],
      [4, 4, '核定分'],
      [5, 5, '差值（核定−自评）'],
      [6, 8, '核减原因'],
    ];
    for (const [from, to, text] of spans) {
      b.span(row, from, to, text, 'header');
      fit(row, text, spanWidth(from, to), 10.5);
    }
    b.height(row, 24);
    row++;
    comparison.details.forEach((d, n) => {
      const values: [number, number, CellValue, AnnexStyleKey][] = [
        [0, 0, n + 1, 'textCenter'],
        [1, 1, d.unit, 'text'],
        [2, 2, d.item, 'text'],
        [3, 3, shownOr(d.self, '自评未填'), 'number'],
        [4, 4, d.verified, 'score'],
        [5, 5, shownOr(d.difference, '—'), 'number'],
        [6, 8, d.reason.trim() || '（未填核减原因）', 'text'],
      ];
      for (const [from, to, v, style] of values) {
        b.span(row, from, to, v, style);
        fit(row, v, spanWidth(from, to));
      }
      b.height(row, 20);
      row++;
    });
  }
  return listSheetPlan(
    rubric,
    b,
    {
      key: 'COMPARISON',
      name: ANNEX_SHEETS.comparison,
      widths,
      rows: row,
      landscape,
      // One table: its header on every page. With the item list below, no header is repeated (it would head the wrong table).
      titleRow: comparison.details.length === 0 ? headerRow : null,
      keep,
    },
    options,
    state,
  );
}

/**
 * The annex of a scored roster: 汇总, 排名, then one sheet per unit in roster order. A unit with
 * nothing filled is listed in 汇总 with its status but gets no table of its own (three pages of 未填),
 * unless `allUnits`.
 */
export function planAnnex(rubric: Rubric, units: AnnexUnit[], options: AnnexOptions): AnnexPlan {
  const state = options.state ?? documentState({ rubricId: rubric.id, units: units.map((u) => u.score), problems: [] });
  const groupLabel = (id: string) => rubric.ranking.groups.find((g) => g.id === id)?.label ?? id;
  const printed = units.map((u) => options.allUnits === true || !isEmptyUnit(u.score));
  const names = allocateSheetNames(
    units.map((u) => u.name),
    [
      ANNEX_SHEETS.summary,
      ANNEX_SHEETS.rank,
      ...(options.evidence ? [ANNEX_SHEETS.evidence] : []),
      ...(options.comparison ? [ANNEX_SHEETS.comparison] : []),
    ],
  );
  const sheets: AnnexSheetPlan[] = [
    planAnnexSummary(
      rubric,
      units,
      groupLabel,
      options,
      state,
      names.map((n, i) => (printed[i] ? n : null)),
    ),
    planAnnexRank(rubric, units, options, state),
    ...units.flatMap((u, i) =>
      printed[i]
        ? [planAnnexUnitSheet(rubric, u.key ?? `A${String(i + 1).padStart(4, '0')}`, names[i], groupLabel(u.group), u, options, state)]
        : [],
    ),
    ...(options.evidence ? [planAnnexEvidence(rubric, options.evidence, options, state)] : []),
    ...(options.comparison ? [planAnnexComparison(rubric, options.comparison, options, state)] : []),
  ];
  return { sheets: sheets.map((s) => ({ ...s, pages: (s.rowBreaks?.length ?? 0) + 1 })), styles: ANNEX_STYLES };
}
