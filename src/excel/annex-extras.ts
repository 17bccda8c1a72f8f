/**
 * The annex's optional last sheets in Excel (issue 17): 佐证材料清单 and 自评与核定对照表, made from
 * what the live session read in its last round (the unit blocks with their 自评 columns, the
 * 核查清单 reasons, the 自评 totals): no sync of their own. The rows come from the same pure code as
 * in file mode (src/layout/evidence-rows.ts, src/layout/annex-comparison.ts), so the same workbook gives
 * the same sheets in both. No Office.js here.
 */
import { rosterComparison, type AnnexComparison } from '../layout/annex-comparison';
import type { EvidenceRow } from '../layout/annex-plan';
import { evidenceRowsOf, type EvidenceUnit } from '../layout/evidence-rows';
import { selfColumnsOfIndex } from '../layout/review';
import type { RosterResult } from '../scoring/types';
import type { LiveSession } from './session';

/** The 佐证材料清单 rows of the live workbook. */
export function liveEvidenceRows(session: LiveSession): EvidenceRow[] {
  const self = session.selfAssessment();
  const reasons = new Map((self.review?.differences ?? []).map((d) => [`${d.unitKey}|${d.indicatorId}`, d.reason]));
  const units: EvidenceUnit[] = [];
  for (const u of session.meta.units) {
    const block = self.block(u.key);
    const cols = block ? selfColumnsOfIndex(block.index) : null;
    if (!block || !cols) continue;
    units.push({ key: u.key, name: u.name, rows: block.index.rows, evidence: (row) => block.values[row]?.[cols.evidence] ?? null });
  }
  return evidenceRowsOf(session.rubric, units, reasons);
}

/** The 自评与核定对照表 of the live workbook; null where no unit sheet carries 自评 (as file mode). */
export function liveComparison(session: LiveSession, result: RosterResult): AnnexComparison | null {
  const self = session.selfAssessment();
  return self.review ? rosterComparison(session.rubric, session.meta.units, result, self.totals, self.review.differences) : null;
}
