/**
 * Which units' 自评表 were collected, when and from which file: a very hidden sheet `_cs_collect`
 * (a marker, then one JSON record per collection, appended), so that a second form of a unit is
 * refused unless it is meant to replace the first (--replace), in any later run. The live workbook
 * keeps the same sheet (src/excel/self-assessment.ts), so either host honours the other's records.
 */
import { plainValue } from './cell-values';
import type { Workbook, Worksheet } from './exceljs';

export const COLLECT_SHEET = '_cs_collect';
export const COLLECT_MARKER = 'credit-score-collect/1';

export interface CollectRecord {
  unitKey: string;
  file: string;
  /** ISO time of the collection. */
  at: string;
  formCreatedAt: string;
}

/** The latest record of each unit collected. */
export function readCollectRecords(wb: Workbook): Map<string, CollectRecord> {
  const ws = wb.getWorksheet(COLLECT_SHEET);
  if (!ws) return new Map();
  const column: unknown[] = [];
  for (let r = 1; r <= ws.rowCount; r++) column.push(plainValue(ws.getCell(r, 1).value));
  return parseCollectRecords(column);
}

/** Column A of the sheet (as read by either host) → the latest record of each unit; nothing without the marker. */
export function parseCollectRecords(column: readonly unknown[]): Map<string, CollectRecord> {
  const out = new Map<string, CollectRecord>();
  if (column[0] !== COLLECT_MARKER) return out;
  for (const text of column.slice(1)) {
    if (typeof text !== 'string') continue;
    try {
      const rec = JSON.parse(text) as CollectRecord;
      if (rec && typeof rec.unitKey === 'string') out.set(rec.unitKey, rec);
    } catch {
      // A damaged record counts as not collected: the office can collect that unit again.
    }
  }
  return out;
}

export function appendCollectRecord(wb: Workbook, record: CollectRecord): void {
  let ws: Worksheet | undefined = wb.getWorksheet(COLLECT_SHEET);
  if (!ws) {
    ws = wb.addWorksheet(COLLECT_SHEET, { state: 'veryHidden' });
    ws.getCell(1, 1).value = COLLECT_MARKER;
  }
  ws.getCell(ws.rowCount + 1, 1).value = JSON.stringify(record);
}
