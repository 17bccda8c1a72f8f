/**
 * Review of self-assessments (自评), pure data for both hosts (file mode: src/xlsx/review.ts; the
 * live workbook: src/excel/review-sheet.ts and the session):
 * - a unit's 自评分 is the score of its own figures (自评填报), read with the same reader and engine
 *   as the office's 核定填报; the 弄虚作假 finding is the team's, not the unit's, so it is left out;
 * - every item whose 核定分 differs from its 自评分 is a difference; the 核查清单 sheet lists them
 *   with a 核减原因 input cell, found again by the hidden key column (unit key | indicator id);
 * - a reason typed is kept by that key, also when its difference has gone (on a row of its own);
 * - a difference without a reason is a problem that keeps the document a draft
 *   (src/layout/document-state.ts `unexplainedDifferences`).
 */
import type { Rubric } from '../rubric/schema';
import { scoreRoster, scoreUnit } from '../scoring/score';
import type { ParameterValues } from '../scoring/parameters';
import type { Problem, UnitInput, UnitScore } from '../scoring/types';
import { readUnitInputs, type SheetIndex } from './binding';
import type { CellPlan, CellValue, SheetPlan } from './plan';
import { itemSpans, SELF_ROLES } from './self-assessment';
import { UNIT_HEADER_ROW } from './unit-sheet';
import type { ReviewItem } from './status';

export const REVIEW_SHEET = '核查清单';
export const REVIEW_KEY_HEADER = '键';
export const REVIEW_HEADERS = ['序号', '单位', '指标', '自评分', '核定分', '差值（核定−自评）', '核减原因', REVIEW_KEY_HEADER];
export const REVIEW_WIDTHS = [6, 20, 30, 8, 8, 10, 50, 12];
/** 1-based columns of the reason (an input) and of the hidden key. */
export const REVIEW_COL = { reason: 7, key: 8 } as const;
/** 1-based rows: the title, the hint, the header; the lines start below it. */
export const REVIEW_HEADER_ROW = 3;
export const REVIEW_FIRST_ROW = 4;
export const REVIEW_TITLE = '核查清单：核定分与自评分不同的考核项';
export const REVIEW_HINT =
  '每一处差异都须在黄色单元格中填写核减原因（依据的台账、材料或现场核查情况）；有未填原因的差异时，考核结果为草稿。';
export const REVIEW_NONE = '没有差异：各单位已核定的考核项得分与自评一致。';

export interface SelfColumns {
  /** 0-based columns within the block. */
  input: number;
  score: number;
  evidence: number;
}

/** The 自评 columns of a unit block, found by their roles; null for a sheet without them. */
export function selfColumnsOfIndex(index: Pick<SheetIndex, 'cols'>): SelfColumns | null {
  const c = index.cols;
  const input = c.get(SELF_ROLES.input);
  const score = c.get(SELF_ROLES.score);
  const evidence = c.get(SELF_ROLES.evidence);
  return input === undefined || score === undefined || evidence === undefined ? null : { input, score, evidence };
}

/** A unit's own figures (its 自评填报 column) as the engine reads them, without the team's 弄虚作假 finding. */
export function readSelfInputs(
  rubric: Rubric,
  index: SheetIndex,
  cols: SelfColumns,
  name: string,
  group: string,
  values: CellValue[][],
  texts?: (string | null)[][],
): UnitInput {
  const selfIndex: SheetIndex = { ...index, cols: new Map(index.cols).set('input', cols.input) };
  return { ...readUnitInputs(rubric, selfIndex, name, group, values, texts), fraud: false };
}

/**
 * Rubrics whose units are scored against each other (points typed per unit, 容缺项 averages) need
 * every 自评 scored together; the others score one unit's 自评 alone, as the same engine would.
 */
export const selfScoredTogether = (rubric: Rubric): boolean =>
  rubric.notApplicable === 'average' ||
  rubric.categories.some((c) => c.indicators.some((i) => i.rule.kind === 'manual' && i.rule.maxField !== undefined));

/** The 自评 of the units holding one, scored (in the same order). */
export function scoreSelf(rubric: Rubric, inputs: UnitInput[], parameters?: ParameterValues): UnitScore[] {
  return scoreRoster(rubric, inputs, parameters).units;
}

/** One unit's 自评 alone (rubrics where selfScoredTogether is false give the same as scoreSelf). */
export const scoreOneSelf = (rubric: Rubric, input: UnitInput, parameters?: ParameterValues): UnitScore =>
  scoreUnit(rubric, input, parameters);

/** The 自评分 cells of a unit block, by row key: each item, each category, the base and the total. */
export function selfScoreValues(index: Pick<SheetIndex, 'rows'>, self: UnitScore): [string, number | null][] {
  const out: [string, number | null][] = [];
  for (const key of index.rows.keys()) {
    const [kind, id] = key.split('|');
    if (kind === 'i') out.push([key, self.items[id]?.score ?? null]);
    else if (kind === 'c') out.push([key, self.categories[id]?.score ?? null]);
  }
  if (index.rows.has('t|base')) out.push(['t|base', self.base]);
  if (index.rows.has('t|final')) out.push(['t|final', self.final]);
  return out;
}

export interface Difference {
  unitKey: string;
  unit: string;
  indicatorId: string;
  item: string;
  self: number | null;
  verified: number | null;
  /** 核定 − 自评 where both are scores. */
  difference: number | null;
  reason: string;
}

export const reviewKey = (unitKey: string, indicatorId: string): string => `${unitKey}|${indicatorId}`;

/** The items of one unit whose 核定分 differs from its 自评分 (reasons still empty). */
export function unitDifferences(rubric: Rubric, unitKey: string, unit: string, self: UnitScore, verified: UnitScore): Difference[] {
  const out: Difference[] = [];
  for (const cat of rubric.categories)
    for (const ind of cat.indicators) {
      const s = self.items[ind.id]?.score ?? null;
      const v = verified.items[ind.id]?.score ?? null;
      // An item the office has not settled yet (核定 incomplete) is not a difference yet.
      if (v === null || v === s) continue;
      out.push({
        unitKey,
        unit,
        indicatorId: ind.id,
        item: ind.id === cat.id ? `${cat.number} ${cat.name}` : `${ind.id} ${ind.name}`,
        self: s,
        verified: v,
        difference: s === null ? null : Number((v - s).toPrecision(12)),
        reason: '',
      });
    }
  return out;
}

/** One cell of the 核查清单's key and reason columns, in sheet order (1-based row). */
export interface ReviewSheetRow {
  row: number;
  key: CellValue;
  reason: CellValue;
}

/** Reasons typed in a 核查清单, by `unitKey|indicatorId`: the rows below the one whose key cell says 键. */
export function typedReasons(rows: Iterable<ReviewSheetRow>): Map<string, string> {
  const out = new Map<string, string>();
  let header = false;
  for (const r of rows) {
    if (!header) {
      header = r.key === REVIEW_KEY_HEADER;
      continue;
    }
    if (typeof r.key === 'string' && r.reason !== null && String(r.reason).trim() !== '') out.set(r.key, String(r.reason));
  }
  return out;
}

/** One line of the 核查清单 as written: a difference, or a reason kept for a difference that has gone. */
export interface ReviewLine {
  /** 1-based sheet row. */
  row: number;
  key: string;
  reason: string;
  /** The line's cells in the order of REVIEW_HEADERS. */
  values: CellValue[];
  difference: Difference | null;
}

export interface ReviewResult {
  differences: Difference[];
  /** Differences (non-zero) without a 核减原因. */
  unexplained: number;
  problems: Problem[];
  /** The 核查清单's lines, from REVIEW_FIRST_ROW on. */
  lines: ReviewLine[];
}

/**
 * The 核查清单 from the differences and the reasons typed before: each difference takes its reason;
 * a reason whose difference has gone is kept on a line of its own, never dropped.
 */
export function reviewLines(
  differences: Difference[],
  reasons: ReadonlyMap<string, string>,
  unitName: (key: string) => string,
): ReviewResult {
  for (const d of differences) d.reason = reasons.get(reviewKey(d.unitKey, d.indicatorId)) ?? '';
  const listed = new Set(differences.map((d) => reviewKey(d.unitKey, d.indicatorId)));
  const kept = [...reasons].filter(([key]) => !listed.has(key));
  const lines: ReviewLine[] = [];
  const problems: Problem[] = [];
  differences.forEach((d, n) => {
    const row = REVIEW_FIRST_ROW + n;
    const key = reviewKey(d.unitKey, d.indicatorId);
    lines.push({
      row,
      key,
      reason: d.reason,
      values: [n + 1, d.unit, d.item, d.self, d.verified, d.difference ?? '自评未填', d.reason, key],
      difference: d,
    });
    if (!d.reason.trim())
      problems.push({
        severity: 'missing',
        unit: d.unit,
        indicatorId: d.indicatorId,
        message: `${d.unit}：${d.item}：核定分 ${d.verified} 与自评分 ${d.self ?? '（未填）'} 不同${d.difference === null ? '' : `（差 ${d.difference}）`}，请在「${REVIEW_SHEET}」第 ${row} 行填写核减原因`,
      });
  });
  kept.forEach(([key, reason], k) => {
    const n = differences.length + k;
    const [unitKey, indicatorId] = key.split('|');
    lines.push({
      row: REVIEW_FIRST_ROW + n,
      key,
      reason,
      values: [n + 1, unitName(unitKey), indicatorId, null, null, '已无差异', reason, key],
      difference: null,
    });
  });
  return { differences, unexplained: problems.length, problems, lines };
}

/** The pane's list of the differences (WorkbookStatus.review). */
export function reviewItems(review: Pick<ReviewResult, 'differences'>): ReviewItem[] {
  return review.differences.map(({ unit, item, self, verified, difference, reason }) => ({
    unit,
    item,
    self,
    verified,
    difference,
    reason,
  }));
}

/** Titles of the 自评 columns, as collect lays them out (src/xlsx/self-columns.ts). */
export const SELF_COLUMN_TITLES = { input: '自评填报', score: '自评分', evidence: '佐证材料（单位填报）' } as const;

/**
 * A unit sheet's plan with the 自评 columns after its hidden key column, as collect lays them out in
 * a file (src/xlsx/self-columns.ts): 重建该单位评分表 rebuilds a sheet that had them with them, so
 * the 自评 read back from it has its cells again. The 核定 headers read 核定填报 / 核定分.
 */
export function planSelfColumns(plan: SheetPlan): SheetPlan {
  const first = plan.block.cols;
  const cols: SelfColumns = { input: first, score: first + 1, evidence: first + 2 };
  const roleAt = new Map(plan.cells.filter((c) => c.row === 0).map((c) => [c.value, c.col]));
  const keyCol = roleAt.get('key');
  const inputCol = roleAt.get('input');
  const scoreCol = roleAt.get('score');
  const rows = new Map<string, number>();
  for (const c of plan.cells)
    if (c.col === keyCol && c.row > 0 && typeof c.value === 'string' && c.value.includes('|')) rows.set(c.value, c.row);
  const cells: CellPlan[] = plan.cells.map((c) => {
    if (c.row !== UNIT_HEADER_ROW) return c;
    if (c.col === inputCol && c.value === '填写值') return { ...c, value: '核定填报' };
    if (c.col === scoreCol && c.value === '得分') return { ...c, value: '核定分' };
    return c;
  });
  for (const [role, col, title] of [
    [SELF_ROLES.input, cols.input, SELF_COLUMN_TITLES.input],
    [SELF_ROLES.score, cols.score, SELF_COLUMN_TITLES.score],
    [SELF_ROLES.evidence, cols.evidence, SELF_COLUMN_TITLES.evidence],
  ] as const) {
    cells.push({ row: 0, col, value: role, style: 'role' });
    cells.push({ row: UNIT_HEADER_ROW, col, value: title, style: 'header' });
  }
  const merges = [...plan.merges];
  for (const [key, row] of rows) {
    const kind = key.split('|')[0];
    if (kind === 'i' || kind === 'f' || key === 't|bonus') cells.push({ row, col: cols.input, value: null, style: 'input' });
    if (kind === 'c' || key === 't|base' || key === 't|final') cells.push({ row, col: cols.score, value: null, style: 'output' });
  }
  for (const { first: top, last } of itemSpans(rows).values()) {
    for (let r = top; r <= last; r++) {
      cells.push({ row: r, col: cols.score, value: null, style: 'output' });
      cells.push({ row: r, col: cols.evidence, value: null, style: 'input' });
    }
    if (last > top) for (const col of [cols.score, cols.evidence]) merges.push({ fromRow: top, fromCol: col, toRow: last, toCol: col });
  }
  return {
    ...plan,
    cells,
    merges,
    columns: [...plan.columns, { width: 10 }, { width: 8 }, { width: 30 }],
    block: { rows: plan.block.rows, cols: plan.block.cols + 3 },
  };
}
