/**
 * The 自评 columns of a unit sheet in a workbook that holds self-assessments: 自评填报, 自评分 and
 * 佐证材料, added once to the RIGHT of the unit's table (after its hidden key column), so that no
 * existing cell moves: the office's input addresses, formulas or notes of its own and the live
 * add-in's bindings stay where they were. The hidden role row names the new columns (selfInput,
 * selfScore, evidence) and the sheet's `CS_<key>` name is widened over them, so they are found
 * again like every other column. The existing 填写值 / 得分 headers read 核定填报 / 核定分.
 * Workbooks without a self-assessment never get these columns.
 */
import type { Style } from 'exceljs';
import { definedNameFor } from '../layout/plan';
import { SELF_ROLES, itemSpans } from '../layout/self-assessment';
import { UNIT_HEADER_ROW } from '../layout/unit-sheet';
import { blockReference } from './apply-plan';
import type { Workbook } from './exceljs';
import type { LocatedBlock } from './read-workbook';

export interface SelfColumns {
  /** 0-based columns within the block. */
  input: number;
  score: number;
  evidence: number;
}

/** The unit's own figures are shown on a pale green, distinct from the office's yellow inputs. */
const SELF_FILL: Style['fill'] = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };

export function selfColumnsOf(block: Pick<LocatedBlock, 'index'>): SelfColumns | null {
  const c = block.index.cols;
  const input = c.get(SELF_ROLES.input);
  const score = c.get(SELF_ROLES.score);
  const evidence = c.get(SELF_ROLES.evidence);
  return input === undefined || score === undefined || evidence === undefined ? null : { input, score, evidence };
}

export function ensureSelfColumns(wb: Workbook, block: LocatedBlock): SelfColumns {
  const found = selfColumnsOf(block);
  if (found) return found;
  const ws = block.worksheet;
  const at = (row: number, col: number) => ws.getCell(block.top + row, block.left + col);
  const first = Math.max(...block.index.cols.values()) + 1;
  const cols: SelfColumns = { input: first, score: first + 1, evidence: first + 2 };
  const inputCol = block.index.cols.get('input')!;
  const scoreCol = block.index.cols.get('score')!;
  const reasonCol = block.index.cols.get('reason') ?? scoreCol;
  const header = at(UNIT_HEADER_ROW, inputCol);
  const roleStyle = at(0, block.index.keyCol).style;
  for (const [role, col, title, width] of [
    [SELF_ROLES.input, cols.input, '自评填报', 10],
    [SELF_ROLES.score, cols.score, '自评分', 8],
    [SELF_ROLES.evidence, cols.evidence, '佐证材料（单位填报）', 30],
  ] as const) {
    at(0, col).value = role;
    at(0, col).style = { ...roleStyle };
    at(UNIT_HEADER_ROW, col).value = title;
    at(UNIT_HEADER_ROW, col).style = { ...header.style };
    ws.getColumn(block.left + col).width = width;
  }
  if (header.value === '填写值') header.value = '核定填报';
  const scoreHeader = at(UNIT_HEADER_ROW, scoreCol);
  if (scoreHeader.value === '得分') scoreHeader.value = '核定分';

  for (const [key, row] of block.index.rows) {
    const kind = key.split('|')[0];
    // 自评填报 beside every value row (and the bonus claimed); locked, it is the unit's figure.
    if (kind === 'i' || kind === 'f' || key === 't|bonus') {
      const from = at(row, inputCol).style;
      at(row, cols.input).style = { ...from, fill: SELF_FILL, protection: { locked: true } };
    }
    if (kind === 'i' || kind === 'c' || key === 't|base' || key === 't|final')
      at(row, cols.score).style = { ...at(row, scoreCol).style, protection: { locked: true } };
    if (kind === 'i') at(row, cols.evidence).style = { ...at(row, reasonCol).style, numFmt: '@', protection: { locked: true } };
    // Category and result rows: the row's own look (grey band, borders) across the new columns.
    if (kind === 'c' || kind === 't')
      for (const col of [cols.input, cols.score, cols.evidence])
        if (!(col === cols.score && (kind === 'c' || key === 't|base' || key === 't|final')) && !(col === cols.input && key === 't|bonus'))
          at(row, col).style = { ...at(row, inputCol).style, protection: { locked: true } };
  }
  for (const { first, last } of itemSpans(block.index.rows).values())
    if (last > first)
      for (const col of [cols.score, cols.evidence]) {
        for (let r = first + 1; r <= last; r++) at(r, col).style = { ...at(first, col).style };
        ws.mergeCells(block.top + first, block.left + col, block.top + last, block.left + col);
      }

  block.index.cols.set(SELF_ROLES.input, cols.input);
  block.index.cols.set(SELF_ROLES.score, cols.score);
  block.index.cols.set(SELF_ROLES.evidence, cols.evidence);
  block.cols = Math.max(block.cols, cols.evidence + 1);
  widenName(wb, block);
  return cols;
}

/** The sheet's `CS_<key>` name over the widened block. */
function widenName(wb: Workbook, block: LocatedBlock): void {
  if (block.top !== 1 || block.left !== 1) return; // a moved block keeps its name; the reader reads past its right edge
  const name = definedNameFor(block.sheetKey);
  const model = (wb.definedNames.model as { name: string; ranges: string[] }[]).filter((d) => d.name !== name);
  model.push({ name, ranges: [blockReference({ name: block.worksheet.name, block: { rows: block.rows, cols: block.cols } })] });
  wb.definedNames.model = model as typeof wb.definedNames.model;
}
