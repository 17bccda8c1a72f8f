/** Sets up an in-memory Excel host with a workbook laid out by the add-in, for adapter tests. */
import { createExcelHost, installGlobals, uninstallGlobals, type ExcelHost } from '../excel-host';
import type { ApiVersion } from '../excel-host';
import { applyPlan } from '../../src/excel/apply-plan';
import { detectApiLevel } from '../../src/excel/requirements';
import { LiveSession } from '../../src/excel/session';
import { planWorkbook } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';

export async function newHost(
  apiVersion: ApiVersion = '1.8',
  state?: Parameters<typeof createExcelHost>[0] extends infer O ? (O extends { state?: infer S } ? S : never) : never,
): Promise<ExcelHost> {
  const host = createExcelHost({ apiVersion, ...(state ? { state } : {}) });
  installGlobals(host);
  return host;
}

export async function makeWorkbook(host: ExcelHost, rubricId: string, roster: { name: string; group: string }[]) {
  const plan = planWorkbook(loadBuiltin(rubricId), roster, '2026-11-24T00:00:00Z');
  await applyPlan(plan, { api: detectApiLevel() });
  await host.flushEvents();
  return plan;
}

export async function bind(host: ExcelHost): Promise<LiveSession> {
  const r = await LiveSession.bind(detectApiLevel());
  if (!r.ok) throw new Error(r.message);
  await host.flushEvents();
  return r.session;
}

export function cleanup() {
  uninstallGlobals();
}

import { a1 } from '../../src/layout/plan';

/** Finds a cell by row key and column role, reading the host model directly (no sync). */
export function cellAddress(host: ExcelHost, sheet: string, rowKey: string, role: string): string {
  const grid = host.values(sheet, 'A1:Z400');
  const roleRow = grid.findIndex((r) => r.includes('key'));
  const col = grid[roleRow].indexOf(role);
  const keyCol = grid[roleRow].indexOf('key');
  const row = grid.findIndex((r) => r[keyCol] === rowKey);
  if (col < 0 || row < 0) throw new Error(`no cell ${rowKey}/${role} on ${sheet}`);
  return a1(row, col);
}

export const inputAt = (host: ExcelHost, sheet: string, indicatorId: string, fieldId: string) => {
  try {
    return cellAddress(host, sheet, `i|${indicatorId}|${fieldId}`, 'input');
  } catch {
    return cellAddress(host, sheet, `f|${indicatorId}|${fieldId}`, 'input');
  }
};

export const valueAt = (host: ExcelHost, sheet: string, address: string) => host.values(sheet, address)[0][0];

/** 衡东 县公安局's inputs, hand-scored to 84.5 in test/excel/session.test.ts's header. */
export const FULL: [string, string, unknown][] = [
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

/** Pastes FULL into the unit's input column as one multi-cell edit (one event, no details). */
export function pasteFull(host: ExcelHost, sheet: string, overrides: Record<string, unknown> = {}) {
  const rows = FULL.map(([ind, field, v]) => ({ addr: inputAt(host, sheet, ind, field), v: overrides[`${ind}|${field}`] ?? v }));
  const nums = rows.map((r) => Number(r.addr.slice(1)));
  const col = rows[0].addr[0];
  const first = Math.min(...nums);
  const last = Math.max(...nums);
  const current = host.values(sheet, `${col}${first}:${col}${last}`);
  const grid = current.map((r) => [r[0]]);
  rows.forEach((r, i) => (grid[nums[i] - first][0] = r.v as never));
  host.userEdit(sheet, `${col}${first}:${col}${last}`, grid);
}
