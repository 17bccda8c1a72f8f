/**
 * The rows of the annex's 佐证材料清单 read from a workbook file holding collected 自评表: the
 * 佐证材料 cells of each unit block and the 核减原因 of its review, made into rows by
 * src/layout/evidence-rows.ts (the live workbook uses the same).
 */
import type { EvidenceRow } from '../layout/annex-plan';
import { evidenceRowsOf, type EvidenceUnit } from '../layout/evidence-rows';
import { plainValue } from './cell-values';
import type { ReadWorkbookResult } from './read-workbook';
import type { ReviewResult } from './review';
import { selfColumnsOf } from './self-columns';

export function evidenceRows(read: ReadWorkbookResult, review: ReviewResult | null): EvidenceRow[] {
  const reasons = new Map((review?.differences ?? []).map((d) => [`${d.unitKey}|${d.indicatorId}`, d.reason]));
  const units: EvidenceUnit[] = [];
  for (const u of read.meta.units) {
    const block = read.blocks.get(u.key);
    const cols = block ? selfColumnsOf(block) : null;
    if (!block || !cols) continue;
    units.push({
      key: u.key,
      name: u.name,
      rows: block.index.rows,
      evidence: (row) => plainValue(block.worksheet.getCell(block.top + row, block.left + cols.evidence).value),
    });
  }
  return evidenceRowsOf(read.rubric, units, reasons);
}
