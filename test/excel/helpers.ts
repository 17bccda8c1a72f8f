/** Sets up an in-memory Excel host with a workbook laid out by the add-in, for adapter tests. */
import { createExcelHost, installGlobals, uninstallGlobals, type ExcelHost } from '../excel-host';
import type { ApiVersion } from '../excel-host';
import { applyPlan } from '../../src/excel/apply-plan';
import { detectApiLevel } from '../../src/excel/requirements';
import { LiveSession } from '../../src/excel/session';
import { planWorkbook } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';

export async function newHost(apiVersion: ApiVersion = '1.8', state?: Parameters<typeof createExcelHost>[0] extends infer O ? O extends { state?: infer S } ? S : never : never): Promise<ExcelHost> {
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
