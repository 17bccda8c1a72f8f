/**
 * The rows of the annex's 佐证材料清单 (issue 17 point 5), read from a workbook holding collected
 * 自评表: per unit and item, the evidence the unit named in its 佐证材料（单位填报） column and the
 * team's basis, which is the 核减原因 typed in 核查清单 for that item. Items with neither are left
 * out; units without collected 自评 are not listed (they named no evidence).
 */
import type { EvidenceRow } from '../layout/annex-plan';
import { plainValue } from './cell-values';
import type { ReadWorkbookResult } from './read-workbook';
import type { ReviewResult } from './review';
import { selfColumnsOf } from './self-columns';

export function evidenceRows(read: ReadWorkbookResult, review: ReviewResult | null): EvidenceRow[] {
  const reasons = new Map((review?.differences ?? []).map((d) => [`${d.unitKey}|${d.indicatorId}`, d.reason.trim()]));
  const rows: EvidenceRow[] = [];
  for (const u of read.meta.units) {
    const block = read.blocks.get(u.key);
    const cols = block ? selfColumnsOf(block) : null;
    if (!block || !cols) continue;
    for (const cat of read.rubric.categories)
      for (const ind of cat.indicators) {
        // Every row of the item (first field row and its further field rows), in sheet order.
        const texts = [...block.index.rows]
          .filter(([key]) => key.startsWith(`i|${ind.id}|`) || key.startsWith(`f|${ind.id}|`))
          .sort((a, b) => a[1] - b[1])
          .map(([, row]) => plainValue(block.worksheet.getCell(block.top + row, block.left + cols.evidence).value))
          .filter((v) => v !== null && String(v).trim() !== '')
          .map((v) => String(v).trim());
        // The evidence cell spans the item's rows (merged): every row reads the same text.
        const byUnit = [...new Set(texts)].join('；');
        const byTeam = reasons.get(`${u.key}|${ind.id}`) ?? '';
        if (!byUnit && !byTeam) continue;
        rows.push({ unit: u.name, item: ind.id === cat.id ? `${cat.number} ${cat.name}` : `${ind.id} ${ind.name}`, byUnit, byTeam });
      }
  }
  return rows;
}
