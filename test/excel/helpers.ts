/** Sets up an in-memory Excel host with a workbook laid out by the add-in, for adapter tests. */
import { createExcelHost, uninstallGlobals, type ExcelHost } from '../excel-host';
import { HENGDONG_FULL, inputCell, inputPaste, installHost, keyedCell, type InputRow } from '../excel-host/add-in-sheets';
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
  return installHost({ apiVersion, ...(state ? { state } : {}) });
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

/** Finds a cell by row key and column role, reading the host model directly (no sync). */
export const cellAddress = keyedCell;

export const inputAt = inputCell;

export const valueAt = (host: ExcelHost, sheet: string, address: string) => host.values(sheet, address)[0][0];

/** 衡东 县公安局's inputs, hand-scored to 84.5 in test/excel/session.test.ts's header. */
export const FULL = HENGDONG_FULL;

/** Pastes FULL into the unit's input column as one multi-cell edit (one event, no details). */
export function pasteFull(host: ExcelHost, sheet: string, overrides: Record<string, unknown> = {}) {
  const rows = FULL.map(([ind, field, v]): InputRow => [ind, field, overrides[`${ind}|${field}`] ?? v]);
  const paste = inputPaste(host, sheet, rows);
  host.userEdit(sheet, paste.address, paste.values);
}
