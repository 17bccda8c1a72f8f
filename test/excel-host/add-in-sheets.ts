/**
 * The in-memory host as the add-in's tests use it, shared by the adapter tests (test/excel/helpers.ts)
 * and the e2e page (test/e2e/host-entry.ts, window.__e2e): install it, find a cell of a sheet the
 * add-in laid out through the hidden key column (as the add-in finds it), and build the one
 * multi-cell paste that fills a unit's inputs. Only the host's own modules are imported: the e2e
 * bundle carries this file.
 */
import { cellAddress as toA1 } from './addresses';
import { installGlobals } from './globals';
import { createExcelHost, type ExcelHost, type ExcelHostOptions } from './host';

/** A new host, installed as globalThis.Excel / Office / OfficeExtension. */
export function installHost(options: ExcelHostOptions = {}): ExcelHost {
  const host = createExcelHost(options);
  installGlobals(host);
  return host;
}

/** Reads the model directly (no sync): what the user sees. */
type Cells = Pick<ExcelHost, 'values'>;

/** Address of the cell in column `role` of the row whose hidden key is `rowKey`. */
export function keyedCell(host: Cells, sheet: string, rowKey: string, role: string): string {
  const grid = host.values(sheet, 'A1:Z400');
  const roleRow = grid.findIndex((r) => r.includes('key'));
  if (roleRow < 0) throw new Error(`no key column on ${sheet}`);
  const col = grid[roleRow].indexOf(role);
  const keyCol = grid[roleRow].indexOf('key');
  const row = grid.findIndex((r) => r[keyCol] === rowKey);
  if (col < 0 || row < 0) throw new Error(`no cell ${rowKey}/${role} on ${sheet}`);
  return toA1(row, col);
}

/** Input cell of an indicator's field on a unit sheet (its first field's row, or a further field's). */
export function inputCell(host: Cells, sheet: string, indicatorId: string, fieldId: string): string {
  try {
    return keyedCell(host, sheet, `i|${indicatorId}|${fieldId}`, 'input');
  } catch {
    return keyedCell(host, sheet, `f|${indicatorId}|${fieldId}`, 'input');
  }
}

/** [indicator, field, value] */
export type InputRow = [string, string, unknown];

/**
 * 衡东 县公安局's inputs, hand-scored to 84.5 in test/excel/session.test.ts's header. 五 is typed in
 * full-width digits (２５), as a Chinese input method gives them.
 */
export const HENGDONG_FULL: readonly InputRow[] = [
  ['一', 'leader', '是'],
  ['一', 'leadOffice', '是'],
  ['一', 'dutyOffices', '√'],
  ['一', 'liaison', '否'],
  ['二', 'plan', '是'],
  ['二', 'opinion', '是'],
  ['二', 'system', '有'],
  ['三.1', 'catalog', '制定并盖章确认且目录完整'],
  ['三.2', 'score', 20],
  ['三.3', 'score', 2],
  ['三.4', 'score', 3],
  ['三.5', 'score', 3],
  ['四.1', 'issued', '是'],
  ['四.2', 'score', 8],
  ['四.3', 'score', 4],
  ['五', 'commitments', '２５'],
  ['六', 'reports', 4],
  ['七', 'firms', 12],
  ['八', 'share', '75%'],
  ['八', 'noSevere', '否'],
  ['九.1', 'activities', 3],
  ['九.2', 'adopted', 10],
  ['十', 'missed', 2],
];

/**
 * `rows` as one paste into the unit's input column, as a user pastes a column from another file: the
 * range from the first to the last of their cells, the cells between keeping what they hold.
 */
export function inputPaste(host: Cells, sheet: string, rows: readonly InputRow[]): { address: string; values: unknown[][] } {
  const cells = rows.map(([ind, field, v]) => ({ addr: inputCell(host, sheet, ind, field), v }));
  const col = cells[0].addr.replace(/\d+$/, '');
  const nums = cells.map((c) => Number(c.addr.slice(col.length)));
  const first = Math.min(...nums);
  const last = Math.max(...nums);
  const address = `${col}${first}:${col}${last}`;
  const values = host.values(sheet, address).map((r) => [r[0]] as unknown[]);
  cells.forEach((c, i) => (values[nums[i] - first][0] = c.v));
  return { address, values };
}
