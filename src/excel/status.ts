/** The task pane's view of a scored workbook (pure): per-unit progress and scores, problems with targets. */
import type { WorkbookMeta } from '../layout/plan';
import type { Rubric } from '../rubric/schema';
import type { RosterResult } from '../scoring/types';
import type { StatusProblem, WorkbookStatus } from '../taskpane/controller';
import { toRubricSummary } from '../taskpane/rubric-summary';

export type AddressOf = (unitKey: string, indicatorId?: string, fieldId?: string) => string | undefined;

export function buildStatus(rubric: Rubric, meta: WorkbookMeta, result: RosterResult | null, extra: StatusProblem[], notices: string[], addressOf: AddressOf): WorkbookStatus {
  const units = meta.units.map((u, i) => {
    const s = result?.units[i];
    return {
      key: u.key,
      name: u.name,
      group: u.group,
      filled: s?.filled ?? 0,
      expected: s?.expected ?? 0,
      final: s?.final ?? null,
      band: s?.band ?? null,
      rank: s?.rank ?? null,
      labels: s?.labels ?? [],
      complete: s?.complete ?? false,
    };
  });
  const problems: StatusProblem[] = [...extra];
  result?.units.forEach((s, i) => {
    const key = meta.units[i].key;
    s.problems.forEach((p, j) => {
      const kind = p.severity === 'missing' ? 'missing' : p.indicatorId || p.fieldId ? 'input' : 'other';
      const address = addressOf(key, p.indicatorId, p.fieldId);
      problems.push({ ...p, id: `${key}:${j}`, kind, target: { sheetKey: key, ...(address ? { address } : {}) } });
    });
  });
  result?.problems.forEach((p, j) => problems.push({ ...p, id: `roster:${j}`, kind: 'other' }));
  // Errors first, then missing inputs, then warnings; stable within each.
  const order = { error: 0, warning: 1, missing: 2 } as const;
  problems.sort((a, b) => order[a.severity] - order[b.severity]);
  return {
    bound: true,
    rubric: toRubricSummary(rubric, false),
    units,
    problems,
    notices,
    lastScoredAt: result ? new Date().toISOString() : null,
  };
}
