/**
 * Review of a workbook that holds self-assessments (自评), each time it is scored in file mode:
 * - every unit sheet's 自评分 column gets the score of the unit's own figures (自评填报 read with
 *   the same reader and engine as the office's 核定填报), item by item, per category and in total;
 * - the 核查清单 sheet lists every item whose 核定分 differs from its 自评分, with the difference
 *   and a 核减原因 input cell. The sheet is rebuilt from the scores each time, but every reason
 *   typed is kept (by unit and item), also when the difference has since gone;
 * - a difference without a reason is a problem that keeps the document a draft
 *   (src/layout/document-state.ts `unexplainedDifferences`).
 * The official annex stays the 核定 result: nothing here changes the inputs the annex is made from.
 * Workbooks without a 自评 column are left exactly as they were (null).
 */
import type { Style } from 'exceljs';
import { readUnitInputs } from '../layout/binding';
import { scoreRoster } from '../scoring/score';
import type { Problem, RosterResult } from '../scoring/types';
import { plainValue } from './cell-values';
import type { Worksheet } from './exceljs';
import { readGrid } from './forms';
import type { ReadWorkbookResult } from './read-workbook';
import { selfColumnsOf } from './self-columns';

export const REVIEW_SHEET = '核查清单';
const KEY_HEADER = '键';
const HEADERS = ['序号', '单位', '指标', '自评分', '核定分', '差值（核定−自评）', '核减原因', KEY_HEADER];
const WIDTHS = [6, 20, 30, 8, 8, 10, 50, 12];
const COL = { reason: 7, key: 8 } as const;

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

export interface ReviewResult {
  differences: Difference[];
  /** Differences (non-zero) without a 核减原因. */
  unexplained: number;
  problems: Problem[];
  /** The 自评 total (final score) of every unit whose 自评表 was collected, by unit key. */
  selfTotals: Map<string, number | null>;
}

const INPUT_FILL: Style['fill'] = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEADER_FILL: Style['fill'] = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const thin = { style: 'thin' as const };
const BORDER: Partial<Style['border']> = { top: thin, left: thin, bottom: thin, right: thin };

/** Reasons typed in an earlier 核查清单, by `unitKey|indicatorId`. */
function typedReasons(ws: Worksheet | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!ws) return out;
  let header = 0;
  for (let r = 1; r <= ws.rowCount && !header; r++) if (plainValue(ws.getCell(r, COL.key).value) === KEY_HEADER) header = r;
  if (!header) return out;
  for (let r = header + 1; r <= ws.rowCount; r++) {
    const key = plainValue(ws.getCell(r, COL.key).value);
    const reason = plainValue(ws.getCell(r, COL.reason).value);
    if (typeof key === 'string' && reason !== null && String(reason).trim() !== '') out.set(key, String(reason));
  }
  return out;
}

/**
 * `typed`: 核减原因 typed elsewhere (the page's list), by `unitKey|indicatorId`; a non-empty one
 * replaces the sheet's, an empty one leaves the sheet's as it was.
 */
export function reviewSelfAssessment(
  read: ReadWorkbookResult,
  result: RosterResult,
  typed: Readonly<Record<string, string>> = {},
): ReviewResult | null {
  const { rubric } = read;
  const collected = read.meta.units
    .map((u, i) => ({ u, i, block: read.blocks.get(u.key) }))
    .flatMap(({ u, i, block }) => {
      const cols = block ? selfColumnsOf(block) : null;
      return block && cols ? [{ u, i, block, cols }] : [];
    });
  if (collected.length === 0) return null;

  const selfInputs = collected.map(({ u, block, cols }) => {
    const { values, texts } = readGrid(block.worksheet, block.top, block.left, block.rows, Math.max(block.cols, cols.evidence + 1));
    const index = { ...block.index, cols: new Map(block.index.cols).set('input', cols.input) };
    // The team's 弄虚作假 finding is not the unit's: the 自评 is scored without it.
    return { ...readUnitInputs(rubric, index, u.name, u.group, values, texts), fraud: false as const };
  });
  const selfResult = scoreRoster(rubric, selfInputs);

  const differences: Difference[] = [];
  collected.forEach(({ u, i, block, cols }, j) => {
    const self = selfResult.units[j];
    const verified = result.units[i];
    const write = (rowKey: string, value: number | null) => {
      const row = block.index.rows.get(rowKey);
      if (row !== undefined) block.worksheet.getCell(block.top + row, block.left + cols.score).value = value;
    };
    for (const [key] of block.index.rows) {
      const [kind, id] = key.split('|');
      if (kind === 'i') write(key, self.items[id]?.score ?? null);
      if (kind === 'c') write(key, self.categories[id]?.score ?? null);
    }
    write('t|base', self.base);
    write('t|final', self.final);
    for (const cat of rubric.categories)
      for (const ind of cat.indicators) {
        const s = self.items[ind.id]?.score ?? null;
        const v = verified.items[ind.id]?.score ?? null;
        // An item the office has not settled yet (核定 incomplete) is not a difference yet.
        if (v === null || v === s) continue;
        differences.push({
          unitKey: u.key,
          unit: u.name,
          indicatorId: ind.id,
          item: ind.id === cat.id ? `${cat.number} ${cat.name}` : `${ind.id} ${ind.name}`,
          self: s,
          verified: v,
          difference: s === null ? null : Number((v - s).toPrecision(12)),
          reason: '',
        });
      }
  });

  const old = read.workbook.getWorksheet(REVIEW_SHEET);
  const reasons = typedReasons(old);
  for (const [key, reason] of Object.entries(typed)) if (reason.trim() !== '') reasons.set(key, reason.trim());
  for (const d of differences) d.reason = reasons.get(`${d.unitKey}|${d.indicatorId}`) ?? '';
  // A reason typed for a difference that has gone is kept on its own row, never dropped.
  const listed = new Set(differences.map((d) => `${d.unitKey}|${d.indicatorId}`));
  const kept = [...reasons].filter(([key]) => !listed.has(key));
  if (old) read.workbook.removeWorksheet(old.id);
  const ws = read.workbook.addWorksheet(REVIEW_SHEET, {
    views: [{ state: 'frozen', ySplit: 3, xSplit: 0, topLeftCell: 'A4' }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
  });
  ws.getCell(1, 1).value = '核查清单：核定分与自评分不同的考核项';
  ws.getCell(1, 1).font = { name: '黑体', size: 14, bold: true };
  ws.getCell(2, 1).value =
    '每一处差异都须在黄色单元格中填写核减原因（依据的台账、材料或现场核查情况）；有未填原因的差异时，考核结果为草稿。';
  ws.getCell(2, 1).style = { font: { name: '宋体', size: 10 }, alignment: { wrapText: true, vertical: 'top' } };
  ws.mergeCells(2, 1, 2, COL.reason);
  ws.getRow(2).height = 28;
  HEADERS.forEach((h, c) => {
    const cell = ws.getCell(3, c + 1);
    cell.value = h;
    cell.style = {
      font: { name: '黑体', size: 10, bold: true },
      fill: HEADER_FILL,
      border: BORDER,
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    };
    ws.getColumn(c + 1).width = WIDTHS[c];
  });
  ws.getRow(3).height = 28;
  ws.getColumn(COL.key).hidden = true;
  const rows: (Difference | { key: string; reason: string })[] = [...differences, ...kept.map(([key, reason]) => ({ key, reason }))];
  const problems: Problem[] = [];
  rows.forEach((d, n) => {
    const r = n + 4;
    const body = { font: { name: '宋体', size: 10 }, border: BORDER, alignment: { vertical: 'top' as const, wrapText: true } };
    const values: (string | number | null)[] =
      'unitKey' in d
        ? [n + 1, d.unit, d.item, d.self, d.verified, d.difference ?? '自评未填', d.reason, `${d.unitKey}|${d.indicatorId}`]
        : [
            n + 1,
            read.meta.units.find((u) => u.key === d.key.split('|')[0])?.name ?? '',
            d.key.split('|')[1],
            null,
            null,
            '已无差异',
            d.reason,
            d.key,
          ];
    // Tall enough for a reason of a few lines (no program grows a row for wrapped text it did not type).
    ws.getRow(r).height = Math.max(18, Math.ceil([...d.reason].length / 24) * 14);
    values.forEach((v, c) => {
      const cell = ws.getCell(r, c + 1);
      cell.value = v;
      cell.style = c + 1 === COL.reason ? { ...body, fill: INPUT_FILL, protection: { locked: false } } : body;
    });
    if ('unitKey' in d && !d.reason.trim())
      problems.push({
        severity: 'missing',
        unit: d.unit,
        indicatorId: d.indicatorId,
        message: `${d.unit}：${d.item}：核定分 ${d.verified} 与自评分 ${d.self ?? '（未填）'} 不同${d.difference === null ? '' : `（差 ${d.difference}）`}，请在「${REVIEW_SHEET}」第 ${r} 行填写核减原因`,
      });
  });
  if (rows.length === 0) ws.getCell(4, 1).value = '没有差异：各单位已核定的考核项得分与自评一致。';
  const selfTotals = new Map(collected.map(({ u }, j) => [u.key, selfResult.units[j].final]));
  return { differences, unexplained: problems.length, problems, selfTotals };
}
