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
import type { Field, Indicator, Rubric } from '../rubric/schema';
import type { RankedUnit, UnitInput } from '../scoring/types';
import type { RawValue } from '../scoring/values';
import { rankLabel, rankWidth, ranksForReference, REFERENCE_RANK_SHEET_NOTE, showsDeduction } from './columns';
import { categoryCell, INVALID_INPUT, rankOrder, statusText, unitSheetOutputs } from './outputs';
import { rowKey, type CellValue, type SheetPlan } from './plan';
import { allocateSheetNames } from './sheet-names';
import type { CellStyle } from './styles';

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
  | 'footScore';

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
  header: { font: { name: ANNEX_FONTS.heading, size: 10.5, bold: true }, horizontal: 'center', vertical: 'center', wrap: true, ...cellBase },
  category: { font: { name: ANNEX_FONTS.heading, size: 10.5, bold: true }, horizontal: 'left', vertical: 'center', wrap: true, ...cellBase },
  categoryScore: { font: { name: ANNEX_FONTS.heading, size: 10.5, bold: true }, horizontal: 'center', vertical: 'center', ...cellBase, numberFormat: 'General' },
  text: { font: body, horizontal: 'left', vertical: 'center', wrap: true, ...cellBase },
  textCenter: { font: body, horizontal: 'center', vertical: 'center', wrap: true, ...cellBase },
  number: { font: body, horizontal: 'center', vertical: 'center', ...cellBase, numberFormat: 'General' },
  score: { font: { ...body, bold: true }, horizontal: 'center', vertical: 'center', ...cellBase, numberFormat: 'General' },
  note: { font: { name: ANNEX_FONTS.body, size: 9 }, horizontal: 'left', vertical: 'center', wrap: true, ...cellBase },
  footLabel: { font: { name: ANNEX_FONTS.heading, size: 10.5, bold: true }, horizontal: 'center', vertical: 'center', wrap: true, ...cellBase },
  footValue: { font: body, horizontal: 'center', vertical: 'center', wrap: true, ...cellBase },
  footScore: { font: { name: ANNEX_FONTS.body, size: 11, bold: true }, horizontal: 'center', vertical: 'center', ...cellBase, numberFormat: 'General' },
};

export interface AnnexCell {
  row: number;
  col: number;
  value: CellValue;
  style: AnnexStyleKey;
}

export interface AnnexSheetPlan extends Omit<SheetPlan, 'cells'> {
  cells: AnnexCell[];
  /** Right part of the page header: the date. */
  headerRight?: string;
  hideGridLines: boolean;
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
}

export const ANNEX_SHEETS = { summary: '汇总', rank: '排名' } as const;

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
  if (ind.fields.length === 1) {
    const f = ind.fields[0];
    return `${f.label}：${showRaw(values[f.id], f)}`;
  }
  return ind.fields.map((f) => `${f.label}：${showRaw(values[f.id], f)}`).join('\n');
}

function bonusText(rubric: Rubric, u: UnitInput): string {
  if (rubric.bonus.kind === 'none') return '';
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

type Role = 'seq' | 'name' | 'points' | 'content' | 'criteria' | 'basis' | 'method' | 'filled' | 'score' | 'deduction' | 'note';

interface AnnexColumn {
  role: Role;
  header: string;
  width: number;
}

export function annexUnitColumns(rubric: Rubric): AnnexColumn[] {
  const inds = rubric.categories.flatMap((c) => c.indicators);
  const hasContent = inds.some((i) => i.content.trim());
  const hasCriteria = inds.some((i) => i.criteria.trim());
  const cols: AnnexColumn[] = [
    { role: 'seq', header: '序号', width: 5 },
    { role: 'name', header: '考核指标', width: 13 },
    { role: 'points', header: '分值', width: 5.5 },
  ];
  if (hasContent) cols.push({ role: 'content', header: '考核内容', width: hasCriteria ? 24 : 40 });
  if (hasCriteria) cols.push({ role: 'criteria', header: '评分标准', width: hasContent ? 34 : 46 });
  if (inds.some((i) => i.basis)) cols.push({ role: 'basis', header: '考核依据', width: 12 });
  if (inds.some((i) => i.method)) cols.push({ role: 'method', header: '考核方式', width: 10 });
  cols.push(
    { role: 'filled', header: '填报情况', width: 22 },
    { role: 'score', header: '得分', width: 6.5 },
    { role: 'note', header: '计分说明', width: 24 },
  );
  // A table narrower than the landscape page gives the spare width to its text columns.
  const page = Math.max(PAGE_WIDTH, cols.reduce((s, c) => s + c.width, 0));
  // 扣分 next to 得分 (鹤岗's table has 扣分 and 备注), its width taken from the text columns so that
  // the table keeps the width it had without it.
  if (showsDeduction(rubric)) cols.splice(cols.findIndex((c) => c.role === 'score') + 1, 0, { role: 'deduction', header: '扣分', width: 6.5 });
  fillPage(
    cols,
    cols.filter((c) => ['content', 'criteria', 'filled', 'note'].includes(c.role)),
    page,
    true,
  );
  return cols;
}

/** Width of an A4 landscape page between 0.5-inch margins, in column units (7 px at 96 dpi). */
export const PAGE_WIDTH = 144;

/** "一" → "一、", "第六条" → "第六条　" (as the documents print their category numbers). */
const numbered = (n: string) => (/^[一二三四五六七八九十百]+$/.test(n) ? `${n}、` : `${n}　`);

/**
 * Widens the given columns in proportion until the table fills the page width; with `shrink`, also
 * narrows them in proportion when the table is wider (a column added to a table that filled it).
 */
function fillPage<C extends { width: number }>(cols: C[], stretch: C[], page = PAGE_WIDTH, shrink = false) {
  const slack = page - cols.reduce((s, c) => s + c.width, 0);
  const base = stretch.reduce((s, c) => s + c.width, 0);
  if (slack > 0 && base > 0) for (const c of stretch) c.width = Math.round((c.width + (slack * c.width) / base) * 2) / 2;
  else if (slack < 0 && shrink && base > 0) for (const c of stretch) c.width = Math.floor((c.width + (slack * c.width) / base) * 2) / 2;
}

/** A column wide enough for the longest text in two lines at most, within bounds. */
const fitWidth = (texts: string[], min: number, max: number) => Math.min(max, Math.max(min, Math.ceil(Math.max(0, ...texts.map((t) => textUnits(t))) / 2) + 2));

function baseLabel(rubric: Rubric): string {
  const a = rubric.aggregation;
  if (a.mode === 'sum') return '合计';
  if (a.mode === 'deduct_from_base') return `基础得分（${a.base} 分减扣分）`;
  return `折算得分（x ÷ y × ${a.scale}）`;
}

class SheetBuilder {
  cells: AnnexCell[] = [];
  merges: SheetPlan['merges'] = [];
  rowHeights: Record<number, number> = {};
  put(row: number, col: number, value: CellValue, style: AnnexStyleKey) {
    this.cells.push({ row, col, value, style });
  }
  /** Writes a value over a range: every cell gets the style (so borders are drawn), one merge. */
  span(row: number, fromCol: number, toCol: number, value: CellValue, style: AnnexStyleKey, toRow = row) {
    for (let r = row; r <= toRow; r++) for (let c = fromCol; c <= toCol; c++) this.put(r, c, r === row && c === fromCol ? value : null, style);
    if (toCol > fromCol || toRow > row) this.merges.push({ fromRow: row, fromCol, toRow, toCol });
  }
  height(row: number, h: number) {
    this.rowHeights[row] = Math.max(this.rowHeights[row] ?? 0, h);
  }
}

/** 附件N and the title over the full width; returns the next row. */
function heading(b: SheetBuilder, rubric: Rubric, title: string, widths: number[]): number {
  let row = 0;
  const last = widths.length - 1;
  if (rubric.annex.number) {
    b.span(row, 0, last, `附件${rubric.annex.number}`, 'annexNo');
    b.height(row, 24);
    row++;
  }
  b.span(row, 0, last, title, 'title');
  const total = widths.reduce((s, w) => s + w, 0);
  b.height(row, rowHeightFor(lineCount(title, total, 18), 18) + 6);
  return row + 1;
}

function planAnnexUnitSheet(rubric: Rubric, key: string, sheetName: string, groupLabel: string, u: AnnexUnit, options: AnnexOptions): AnnexSheetPlan {
  const cols = annexUnitColumns(rubric);
  const widths = cols.map((c) => c.width);
  const at = (role: Role) => cols.findIndex((c) => c.role === role);
  const has = (role: Role) => at(role) >= 0;
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

  let row = heading(b, rubric, rubric.annex.title, widths);
  // Unit line: name and group on the left, the result on the right; two lines when they do not fit.
  const s = u.score;
  const who = `被考核单位：${u.name}（${groupLabel}）`;
  const totalDeduction = out.get(rowKey.total('base'))?.deduction;
  const result = [
    `满分 ${rubric.fullMarks} 分`,
    ...(has('deduction') ? [`扣分：${totalDeduction ?? '未定'}`] : []),
    `最终得分：${s.final ?? '未定'}`,
    ...(rubric.bands ? [`等次：${s.band ?? '未定'}`] : []),
    `${rankLabel(rubric)}：${s.rank ?? '未定'}`,
  ].join('　');
  const total = widths.reduce((sum, w) => sum + w, 0);
  const split = Math.max(at('filled'), Math.floor(cols.length / 2));
  const leftWidth = widths.slice(0, split).reduce((sum, w) => sum + w, 0);
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
    b.height(row, 22);
    row++;
  }

  const headerRow = row;
  cols.forEach((c, i) => b.put(row, i, c.header, 'header'));
  b.height(row, 30);
  row++;

  for (const cat of rubric.categories) {
    const single = cat.indicators.length === 1 && cat.indicators[0].id === cat.id;
    if (!single) {
      const rk = rowKey.category(cat.id);
      // "一、工作机制建设（15 分）" across the descriptive columns, subtotal under 得分.
      const label = `${numbered(cat.number)}${cat.name}${cat.points !== null ? `（${cat.points} 分）` : ''}`;
      b.span(row, at('seq'), at('score') - 1, label, 'category');
      b.put(row, at('score'), out.get(rk)?.score ?? null, 'categoryScore');
      if (has('deduction')) b.put(row, at('deduction'), out.get(rk)?.deduction ?? null, 'categoryScore');
      b.put(row, at('note'), out.get(rk)?.reason ?? null, 'note');
      b.height(row, 22);
      b.height(row, rowHeightFor(lineCount(label, widths.slice(0, at('score')).reduce((sum, w) => sum + w, 0), 10.5), 10.5));
      row++;
    }
    for (const ind of cat.indicators) {
      const rk = rowKey.item(ind.id, ind.fields[0].id);
      const values: Partial<Record<Role, [CellValue, AnnexStyleKey]>> = {
        seq: [ind.number, 'textCenter'],
        name: [ind.name, 'text'],
        // Unpublished points (朝阳) are set by the office: the maximum the engine used.
        points: [ind.points ?? u.score.items[ind.id]?.max ?? '—', 'number'],
        content: [ind.content, 'text'],
        criteria: [ind.criteria || '（文件未给出评分标准）', 'text'],
        basis: [ind.basis ?? '', 'text'],
        method: [ind.method ?? '', 'text'],
        filled: [filledText(ind, u.input), 'text'],
        score: [out.get(rk)?.score ?? null, 'score'],
        deduction: [out.get(rk)?.deduction ?? null, 'number'],
        note: [out.get(rk)?.reason ?? null, 'note'],
      };
      cols.forEach((c, i) => {
        const [v, style] = values[c.role] ?? [null, 'text'];
        b.put(row, i, v, style);
        if (typeof v === 'string') fit(row, i, v, style === 'note' ? 9 : 10);
      });
      b.height(row, 24);
      row++;
    }
  }

  // Foot: label across the descriptive columns, the typed value under 填报情况, score and note.
  const foot = (what: Parameters<typeof rowKey.total>[0], label: string, filled: string, style: AnnexStyleKey = 'footScore') => {
    const o = out.get(rowKey.total(what)) ?? {};
    b.span(row, 0, at('filled') - 1, label, 'footLabel');
    b.put(row, at('filled'), filled, 'footValue');
    b.put(row, at('score'), o.score ?? null, style);
    // The unit's total deduction on the base line (基础得分（100 分减扣分）), just above the final score.
    if (has('deduction')) b.put(row, at('deduction'), o.deduction ?? null, what === 'base' ? style : 'footValue');
    b.put(row, at('note'), o.reason ?? null, 'note');
    b.height(row, 24);
    fit(row, at('filled'), filled);
    fit(row, at('note'), o.reason ?? null, 9);
    row++;
  };
  foot('base', baseLabel(rubric), '');
  if (rubric.bonus.kind !== 'none') foot('bonus', rubric.bonus.label, bonusText(rubric, u.input));
  if (rubric.fraud !== 'none') foot('fraud', '弄虚作假', fraudText(u.input), 'footValue');
  foot('final', '最终得分', '');
  if (rubric.bands) foot('band', '考核等次', '', 'footValue');
  foot('rank', rankLabel(rubric), '', 'footValue');
  if (!s.complete || s.problems.some((p) => p.severity === 'error')) foot('status', '填写情况', statusText(s), 'footValue');

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
    header: rubric.documentNumber ?? undefined,
    headerRight: options.date,
    hideGridLines: true,
  };
}

// ------------------------------------------------------------------ 汇总 and 排名

/** Under the 汇总 / 排名 titles (附件N is already above them). */
function subtitleLine(rubric: Rubric): string {
  return `${rubric.annex.title}${rubric.documentNumber ? `（${rubric.documentNumber}）` : ''}`;
}

function planAnnexSummary(rubric: Rubric, units: AnnexUnit[], groupLabel: (id: string) => string, options: AnnexOptions): AnnexSheetPlan {
  const multiGroup = rubric.ranking.groups.length > 1;
  type Col = { header: string; width: number; value: (u: AnnexUnit, i: number) => CellValue; style: AnnexStyleKey };
  const cols: Col[] = [
    { header: '序号', width: 5, value: (_, i) => i + 1, style: 'textCenter' },
    { header: '被考核单位', width: 20, value: (u) => u.name, style: 'text' },
  ];
  if (multiGroup) cols.push({ header: '分组', width: fitWidth(rubric.ranking.groups.map((g) => g.label), 9, 16), value: (u) => groupLabel(u.group), style: 'textCenter' });
  for (const c of rubric.categories)
    cols.push({ header: `${numbered(c.number)}${c.name}${c.points !== null ? `（${c.points}分）` : ''}`, width: 10.5, value: (u) => categoryCell(c, u.score), style: 'number' });
  cols.push({ header: rubric.aggregation.mode === 'normalised' ? '折算得分' : '基础得分', width: 8, value: (u) => u.score.base, style: 'number' });
  if (rubric.bonus.kind !== 'none') cols.push({ header: '加分', width: 6.5, value: (u) => u.score.bonus ?? INVALID_INPUT, style: 'number' });
  cols.push({ header: '最终得分', width: 8, value: (u) => u.score.final, style: 'score' });
  if (rubric.bands) cols.push({ header: '等次', width: 7, value: (u) => u.score.band, style: 'textCenter' });
  cols.push(
    { header: rankLabel(rubric), width: rankWidth(rubric), value: (u) => u.score.rank, style: 'number' },
    { header: '表彰/通报', width: fitWidth(units.map((u) => u.score.labels.join('；')), 16, 24), value: (u) => u.score.labels.join('；') || null, style: 'text' },
    { header: '备注', width: 14, value: (u) => (u.score.complete && !u.score.problems.some((p) => p.severity === 'error') ? null : statusText(u.score)), style: 'note' },
  );
  fillPage(
    cols,
    cols.filter((c) => ['被考核单位', '表彰/通报', '备注'].includes(c.header)),
  );
  const widths = cols.map((c) => c.width);
  const b = new SheetBuilder();
  let row = heading(b, rubric, '考核结果汇总表', widths);
  b.span(row, 0, cols.length - 1, subtitleLine(rubric), 'subtitleCenter');
  b.height(row, rowHeightFor(lineCount(subtitleLine(rubric), widths.reduce((s, w) => s + w, 0), 12), 12));
  row++;
  const headerRow = row;
  cols.forEach((c, i) => {
    b.put(row, i, c.header, 'header');
    b.height(row, rowHeightFor(lineCount(c.header, c.width, 10.5), 10.5));
  });
  row++;
  units.forEach((u, i) => {
    cols.forEach((c, j) => {
      const v = c.value(u, i);
      b.put(row, j, v, c.style);
      if (typeof v === 'string') b.height(row, rowHeightFor(lineCount(v, c.width, c.style === 'note' ? 9 : 10), c.style === 'note' ? 9 : 10));
    });
    b.height(row, 20);
    row++;
  });
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
    landscape: widths.reduce((s, w) => s + w, 0) > 100,
    block: { rows: row, cols: cols.length },
    tables: [],
    charts: [],
    header: rubric.documentNumber ?? undefined,
    headerRight: options.date,
    hideGridLines: true,
  };
}

function planAnnexRank(rubric: Rubric, units: AnnexUnit[], options: AnnexOptions): AnnexSheetPlan {
  type Col = { header: string; width: number; value: (u: RankedUnit) => CellValue; style: AnnexStyleKey };
  const cols: Col[] = [
    { header: rankLabel(rubric), width: rankWidth(rubric), value: (u) => u.rank, style: 'number' },
    { header: '被考核单位', width: 30, value: (u) => u.name, style: 'text' },
    { header: '最终得分', width: 10, value: (u) => u.final, style: 'score' },
  ];
  if (rubric.bands) cols.push({ header: '等次', width: 8, value: (u) => u.band, style: 'textCenter' });
  cols.push(
    { header: '表彰/通报', width: 26, value: (u) => u.labels.join('；') || null, style: 'text' },
    { header: '备注', width: 18, value: (u) => (u.rank === null ? statusText(u) : null), style: 'note' },
  );
  const widths = cols.map((c) => c.width);
  const last = cols.length - 1;
  const b = new SheetBuilder();
  let row = heading(b, rubric, '考核排名', widths);
  b.span(row, 0, last, subtitleLine(rubric), 'subtitleCenter');
  b.height(row, rowHeightFor(lineCount(subtitleLine(rubric), widths.reduce((s, w) => s + w, 0), 12), 12));
  row++;
  if (ranksForReference(rubric)) {
    // 鹤岗 does not rank: the ranks are worked out for reference, and the sheet says so.
    const line = REFERENCE_RANK_SHEET_NOTE;
    b.span(row, 0, last, line, 'subtitle');
    b.height(row, Math.max(22, rowHeightFor(lineCount(line, widths.reduce((s, w) => s + w, 0), 12), 12)));
    row++;
  }
  let firstHeader: number | null = null;
  const scores = units.map((u) => u.score);
  for (const [groupId, members] of rankOrder(rubric, scores)) {
    if (members.length === 0) continue;
    const g = rubric.ranking.groups.find((x) => x.id === groupId)!;
    const rules = [...g.honours.map((h) => `前${h.top}名：${h.label}`), ...g.criticism.map((c) => `后${c.bottom}名：${c.label}`)];
    const title = `${g.label}（${members.length} 个单位）${rules.length ? `　${rules.join('；')}` : ''}`;
    b.span(row, 0, last, title, 'category');
    b.height(row, Math.max(22, rowHeightFor(lineCount(title, widths.reduce((s, w) => s + w, 0), 10.5), 10.5)));
    row++;
    firstHeader ??= row;
    cols.forEach((c, i) => b.put(row, i, c.header, 'header'));
    b.height(row, 24);
    row++;
    for (const u of members) {
      cols.forEach((c, j) => {
        const v = c.value(u);
        b.put(row, j, v, c.style);
        if (typeof v === 'string') b.height(row, rowHeightFor(lineCount(v, c.width, 10)));
      });
      b.height(row, 20);
      row++;
    }
    row++; // a blank line between groups
  }
  const oneGroup = [...rankOrder(rubric, scores).values()].filter((m) => m.length > 0).length === 1;
  return {
    key: 'RANK',
    kind: 'rank',
    name: ANNEX_SHEETS.rank,
    columns: widths.map((width) => ({ width })),
    hiddenRows: [],
    rowHeights: b.rowHeights,
    cells: b.cells,
    merges: b.merges,
    freezeRows: 0,
    ...(oneGroup && firstHeader !== null ? { printTitleRows: [firstHeader, firstHeader] as [number, number] } : {}),
    landscape: false,
    block: { rows: row, cols: cols.length },
    tables: [],
    charts: [],
    header: rubric.documentNumber ?? undefined,
    headerRight: options.date,
    hideGridLines: true,
  };
}

/** The annex of a scored roster: 汇总, 排名, then one sheet per unit in roster order. */
export function planAnnex(rubric: Rubric, units: AnnexUnit[], options: AnnexOptions): AnnexPlan {
  const groupLabel = (id: string) => rubric.ranking.groups.find((g) => g.id === id)?.label ?? id;
  const names = allocateSheetNames(
    units.map((u) => u.name),
    [ANNEX_SHEETS.summary, ANNEX_SHEETS.rank],
  );
  const sheets: AnnexSheetPlan[] = [
    planAnnexSummary(rubric, units, groupLabel, options),
    planAnnexRank(rubric, units, options),
    ...units.map((u, i) =>
      planAnnexUnitSheet(rubric, u.key ?? `A${String(i + 1).padStart(4, '0')}`, names[i], groupLabel(u.group), u, options),
    ),
  ];
  return { sheets, styles: ANNEX_STYLES };
}
