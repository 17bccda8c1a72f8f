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
import {
  readSelfInputs,
  REVIEW_COL as COL,
  REVIEW_FIRST_ROW,
  REVIEW_HEADER_ROW,
  REVIEW_HEADERS as HEADERS,
  REVIEW_HINT,
  REVIEW_NONE,
  REVIEW_SHEET,
  REVIEW_TITLE,
  REVIEW_WIDTHS as WIDTHS,
  reviewLines,
  scoreSelf,
  selfScoreValues,
  typedReasons,
  unitDifferences,
  type Difference,
  type ReviewResult as LayoutReviewResult,
  type ReviewSheetRow,
} from '../layout/review';
import type { RosterResult } from '../scoring/types';
import { plainValue } from './cell-values';
import type { Worksheet } from './exceljs';
import { readGrid } from './forms';
import type { ReadWorkbookResult } from './read-workbook';
import { selfColumnsOf } from './self-columns';

export { REVIEW_SHEET, type Difference };

/** The review of a file: the layout's, plus each collected unit's 自评 total (自评与核定对照表). */
export interface ReviewResult extends LayoutReviewResult {
  /** The 自评 total (final score) of every unit whose 自评表 was collected, by unit key. */
  selfTotals: Map<string, number | null>;
}

const INPUT_FILL: Style['fill'] = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEADER_FILL: Style['fill'] = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const thin = { style: 'thin' as const };
const BORDER: Partial<Style['border']> = { top: thin, left: thin, bottom: thin, right: thin };

/** The key and reason cells of an earlier 核查清单, row by row. */
function* reviewSheetRows(ws: Worksheet | undefined): Generator<ReviewSheetRow> {
  if (!ws) return;
  for (let r = 1; r <= ws.rowCount; r++)
    yield { row: r, key: plainValue(ws.getCell(r, COL.key).value), reason: plainValue(ws.getCell(r, COL.reason).value) };
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
    return readSelfInputs(rubric, block.index, cols, u.name, u.group, values, texts);
  });
  const selfScores = scoreSelf(rubric, selfInputs, read.parameters);

  const differences: Difference[] = [];
  collected.forEach(({ u, i, block, cols }, j) => {
    const self = selfScores[j];
    for (const [rowKey, value] of selfScoreValues(block.index, self)) {
      const row = block.index.rows.get(rowKey);
      if (row !== undefined) block.worksheet.getCell(block.top + row, block.left + cols.score).value = value;
    }
    differences.push(...unitDifferences(rubric, u.key, u.name, self, result.units[i]));
  });

  const old = read.workbook.getWorksheet(REVIEW_SHEET);
  const reasons = typedReasons(reviewSheetRows(old));
  // Reasons typed in the page's list: a non-empty one replaces the sheet's, an empty one leaves it.
  for (const [key, reason] of Object.entries(typed)) if (reason.trim() !== '') reasons.set(key, reason.trim());
  const review = reviewLines(differences, reasons, (key) => read.meta.units.find((u) => u.key === key)?.name ?? '');
  if (old) read.workbook.removeWorksheet(old.id);
  const ws = read.workbook.addWorksheet(REVIEW_SHEET, {
    views: [{ state: 'frozen', ySplit: REVIEW_HEADER_ROW, xSplit: 0, topLeftCell: `A${REVIEW_FIRST_ROW}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${REVIEW_HEADER_ROW}:${REVIEW_HEADER_ROW}`,
    },
  });
  ws.getCell(1, 1).value = REVIEW_TITLE;
  ws.getCell(1, 1).font = { name: '黑体', size: 14, bold: true };
  ws.getCell(2, 1).value = REVIEW_HINT;
  ws.getCell(2, 1).style = { font: { name: '宋体', size: 10 }, alignment: { wrapText: true, vertical: 'top' } };
  ws.mergeCells(2, 1, 2, COL.reason);
  ws.getRow(2).height = 28;
  HEADERS.forEach((h, c) => {
    const cell = ws.getCell(REVIEW_HEADER_ROW, c + 1);
    cell.value = h;
    cell.style = {
      font: { name: '黑体', size: 10, bold: true },
      fill: HEADER_FILL,
      border: BORDER,
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    };
    ws.getColumn(c + 1).width = WIDTHS[c];
  });
  ws.getRow(REVIEW_HEADER_ROW).height = 28;
  ws.getColumn(COL.key).hidden = true;
  const body = { font: { name: '宋体', size: 10 }, border: BORDER, alignment: { vertical: 'top' as const, wrapText: true } };
  for (const line of review.lines) {
    // Tall enough for a reason of a few lines (no program grows a row for wrapped text it did not type).
    ws.getRow(line.row).height = Math.max(18, Math.ceil([...line.reason].length / 24) * 14);
    line.values.forEach((v, c) => {
      const cell = ws.getCell(line.row, c + 1);
      cell.value = v;
      cell.style = c + 1 === COL.reason ? { ...body, fill: INPUT_FILL, protection: { locked: false } } : body;
    });
  }
  if (review.lines.length === 0) ws.getCell(REVIEW_FIRST_ROW, 1).value = REVIEW_NONE;
  const selfTotals = new Map(collected.map(({ u }, j) => [u.key, selfScores[j].final]));
  return { ...review, selfTotals };
}
