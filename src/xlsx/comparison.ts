/**
 * The data of the annex's 自评与核定对照表 (issue 17 item 3), read from a scored workbook that holds
 * collected 自评表: every unit of the roster with its 自评 total (from the review, src/xlsx/review.ts)
 * and its 核定 total, and the 核查清单 lines. Null for a workbook without any 自评: the caller says
 * so (NO_SELF_ASSESSMENT) and makes the annex without the sheet.
 */
import { rosterComparison, type AnnexComparison } from '../layout/annex-comparison';
import type { RosterResult } from '../scoring/types';
import type { ReadWorkbookResult } from './read-workbook';
import type { ReviewResult } from './review';

export function comparisonFromReview(read: ReadWorkbookResult, result: RosterResult, review: ReviewResult | null): AnnexComparison | null {
  return review ? rosterComparison(read.rubric, read.meta.units, result, review.selfTotals, review.differences) : null;
}
