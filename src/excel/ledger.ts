/**
 * What the add-in last wrote (or found, on binding) in each computed cell, kept per sheet so that
 * checking one sheet for typed-over cells costs that sheet's cells, not the whole workbook's (a
 * full read of 1,000 sheets is then linear, not quadratic). Within a sheet, by row key then role:
 * looking a cell up takes the keys the output cell already carries, with no key string to build.
 */
import type { CellValue, ColumnRole } from '../layout/plan';

export interface LedgerEntry {
  rowKey: string;
  role: ColumnRole;
  value: CellValue;
  /** The fill written with the value: 'normal', 'error' or 'missing'. */
  tone: string;
}

interface CellRef {
  sheetKey: string;
  rowKey: string;
  role: ColumnRole;
}

type SheetLedger = Map<string, Map<ColumnRole, LedgerEntry>>;

export class Ledger {
  private readonly bySheet = new Map<string, SheetLedger>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(o: CellRef): LedgerEntry | undefined {
    return this.bySheet.get(o.sheetKey)?.get(o.rowKey)?.get(o.role);
  }

  set(o: CellRef, value: CellValue, tone: string): void {
    let sheet = this.bySheet.get(o.sheetKey);
    if (!sheet) this.bySheet.set(o.sheetKey, (sheet = new Map()));
    let row = sheet.get(o.rowKey);
    if (!row) sheet.set(o.rowKey, (row = new Map()));
    const entry = row.get(o.role);
    if (entry) {
      entry.value = value;
      entry.tone = tone;
      return;
    }
    row.set(o.role, { rowKey: o.rowKey, role: o.role, value, tone });
    this.count++;
  }

  /** The entries of one sheet; `forget` drops the ones for which it returns true. */
  forgetWhere(sheetKey: string, forget: (e: LedgerEntry) => boolean): number {
    const sheet = this.bySheet.get(sheetKey);
    if (!sheet) return 0;
    let n = 0;
    for (const row of sheet.values())
      for (const [role, e] of row)
        if (forget(e)) {
          row.delete(role);
          n++;
        }
    this.count -= n;
    return n;
  }

  /** Forgets a whole sheet (it was deleted, or will be rebuilt). */
  forgetSheet(sheetKey: string): void {
    const sheet = this.bySheet.get(sheetKey);
    if (sheet) for (const row of sheet.values()) this.count -= row.size;
    this.bySheet.delete(sheetKey);
  }

  clear(): void {
    this.bySheet.clear();
    this.count = 0;
  }
}
