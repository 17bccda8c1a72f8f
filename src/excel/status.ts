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
    const target = (indicatorId?: string, fieldId?: string) => {
      const address = addressOf(key, indicatorId, fieldId);
      return { sheetKey: key, ...(address ? { address } : {}) };
    };
    s.problems.forEach((p, j) => {
      if (p.severity === 'missing') return;
      problems.push({ ...p, id: `${key}:${j}`, kind: p.indicatorId || p.fieldId ? 'input' : 'other', target: target(p.indicatorId, p.fieldId) });
    });
    // Unfilled items are one entry per unit (a new workbook would otherwise list every item of every
    // unit); it selects the first unfilled cell.
    const missing = s.problems.filter((p) => p.severity === 'missing');
    if (missing.length === 1) problems.push({ ...missing[0], id: `${key}:missing`, kind: 'missing', target: target(missing[0].indicatorId, missing[0].fieldId) });
    else if (missing.length > 1) {
      const first = missing[0];
      const name = rubric.categories.flatMap((c) => c.indicators).find((x) => x.id === first.indicatorId)?.name ?? '';
      problems.push({
        severity: 'missing',
        unit: s.name,
        indicatorId: first.indicatorId,
        fieldId: first.fieldId,
        id: `${key}:missing`,
        kind: 'missing',
        message: `${s.name}：${missing.length} 项指标未填写完（从「${first.indicatorId} ${name}」开始）`,
        target: target(first.indicatorId, first.fieldId),
      });
    }
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
