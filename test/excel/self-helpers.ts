/**
 * A merged workbook (collected 自评表) in the in-memory Excel host: the 自评 columns laid out to the
 * right of a unit table as `credit-score collect` lays them out (src/xlsx/self-columns.ts): the hidden
 * role row names them selfInput, selfScore, evidence, and the sheet's CS_<key> name is widened over
 * them. Done through Office.js, the way the pane's 收回自评表 does it in a live workbook.
 */
import { definedNameFor } from '../../src/layout/plan';
import { SELF_ROLES } from '../../src/layout/self-assessment';
import { UNIT_HEADER_ROW } from '../../src/layout/unit-sheet';
import type { ExcelHost } from '../excel-host';
import { cellAddress, FULL } from './helpers';

export async function addSelfColumns(host: ExcelHost, sheetKey: string): Promise<void> {
  await Excel.run(async (context) => {
    const name = context.workbook.names.getItem(definedNameFor(sheetKey));
    const range = name.getRange();
    range.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- a navigation to the range's sheet, not a property read
    const ws = range.worksheet;
    await context.sync();
    const first = range.columnIndex + range.columnCount;
    ws.getRangeByIndexes(range.rowIndex, first, 1, 3).values = [[SELF_ROLES.input, SELF_ROLES.score, SELF_ROLES.evidence]];
    ws.getRangeByIndexes(range.rowIndex + UNIT_HEADER_ROW, first, 1, 3).values = [['自评填报', '自评分', '佐证材料（单位填报）']];
    name.delete();
    context.workbook.names.add(
      definedNameFor(sheetKey),
      ws.getRangeByIndexes(range.rowIndex, range.columnIndex, range.rowCount, range.columnCount + 3),
    );
    await context.sync();
  });
  await host.flushEvents();
}

/** The cell of a unit's input row in another input column (selfInput, evidence). */
export function selfAt(host: ExcelHost, sheet: string, indicatorId: string, fieldId: string, role: string = SELF_ROLES.input): string {
  try {
    return cellAddress(host, sheet, `i|${indicatorId}|${fieldId}`, role);
  } catch {
    return cellAddress(host, sheet, `f|${indicatorId}|${fieldId}`, role);
  }
}

/** Pastes FULL (with overrides) into a unit's 自评填报 column as one multi-cell edit. */
export function pasteSelf(host: ExcelHost, sheet: string, overrides: Record<string, unknown> = {}): void {
  const rows = FULL.map(([ind, field, v]) => ({ addr: selfAt(host, sheet, ind, field), v: overrides[`${ind}|${field}`] ?? v }));
  const nums = rows.map((r) => Number(/\d+/.exec(r.addr)![0]));
  const col = /^[A-Z]+/.exec(rows[0].addr)![0];
  const first = Math.min(...nums);
  const last = Math.max(...nums);
  const grid = host.values(sheet, `${col}${first}:${col}${last}`).map((r) => [r[0]]);
  rows.forEach((r, i) => (grid[nums[i] - first][0] = r.v as never));
  host.userEdit(sheet, `${col}${first}:${col}${last}`, grid);
}
