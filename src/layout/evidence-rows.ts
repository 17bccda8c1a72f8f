/**
 * The rows of the annex's 佐证材料清单 (issue 17 point 5), pure data for both hosts: per unit and
 * item, the evidence the unit named in its 佐证材料（单位填报） column and the team's basis, which is
 * the 核减原因 typed in 核查清单 for that item. Items with neither are left out; units whose sheet has
 * no 自评 columns are not listed (they named no evidence). File mode reads the cells from the file
 * (src/xlsx/evidence.ts), the live workbook from the blocks its session has read (src/excel/annex-extras.ts):
 * the same rows for the same workbook.
 */
import type { Rubric } from '../rubric/schema';
import type { EvidenceRow } from './annex-plan';
import type { CellValue } from './plan';

/** A unit sheet holding the 自评 columns: its row keys (0-based block rows) and its 佐证材料 cells. */
export interface EvidenceUnit {
  key: string;
  name: string;
  rows: ReadonlyMap<string, number>;
  /** The 佐证材料 cell of a block row. */
  evidence(row: number): CellValue;
}

/** `reasons`: the 核减原因 by `unitKey|indicatorId`. */
export function evidenceRowsOf(rubric: Rubric, units: readonly EvidenceUnit[], reasons: ReadonlyMap<string, string>): EvidenceRow[] {
  const rows: EvidenceRow[] = [];
  for (const u of units)
    for (const cat of rubric.categories)
      for (const ind of cat.indicators) {
        // Every row of the item (first field row and its further field rows), in sheet order.
        const texts = [...u.rows]
          .filter(([key]) => key.startsWith(`i|${ind.id}|`) || key.startsWith(`f|${ind.id}|`))
          .sort((a, b) => a[1] - b[1])
          .map(([, row]) => u.evidence(row))
          .filter((v) => v !== null && v !== undefined && String(v).trim() !== '')
          .map((v) => String(v).trim());
        // The evidence cell spans the item's rows (merged): every row reads the same text.
        const byUnit = [...new Set(texts)].join('；');
        const byTeam = (reasons.get(`${u.key}|${ind.id}`) ?? '').trim();
        if (!byUnit && !byTeam) continue;
        rows.push({ unit: u.name, item: ind.id === cat.id ? `${cat.number} ${cat.name}` : `${ind.id} ${ind.name}`, byUnit, byTeam });
      }
  return rows;
}
