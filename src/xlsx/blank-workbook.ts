/** A blank scoring workbook (.xlsx) for a rubric and a roster: plan, apply, serialise. */
import type { WorkbookPlan } from '../layout/plan';
import { planWorkbook, type RosterUnit } from '../layout/workbook-plan';
import type { LoadedRubric } from '../rubric/load';
import { applyPlan, type ApplyOptions } from './apply-plan';
import { toArrayBuffer } from './exceljs';

export interface BlankWorkbookOptions extends Pick<ApplyOptions, 'protectComputed'> {
  /** ISO time stored in the metadata (default now). */
  createdAt?: string;
}

export async function blankWorkbook(
  loaded: LoadedRubric,
  roster: RosterUnit[],
  options: BlankWorkbookOptions = {},
): Promise<{ buffer: ArrayBuffer; plan: WorkbookPlan }> {
  const plan = planWorkbook(loaded, roster, options.createdAt);
  const wb = await applyPlan(plan, { protectComputed: options.protectComputed });
  return { buffer: await toArrayBuffer(wb), plan };
}
