/**
 * What the add-in last wrote (or found, on binding) in each computed cell, kept per sheet so that
 * checking one sheet for typed-over cells costs that sheet's cells, not the whole workbook's (a
 * full read of 1,000 sheets is then linear, not quadratic).
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

const idOf = (rowKey: string, role: string) => `${rowKey}|${role}`;

export class Ledger {
  private readonly bySheet = new Map<string, Map<string, LedgerEntry>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(o: CellRef): LedgerEntry | undefined {
    return this.bySheet.get(o.sheetKey)?.get(idOf(o.rowKey, o.role));
  }

  set(o: CellRef, value: CellValue, tone: string): void {
    let sheet = this.bySheet.get(o.sheetKey);
    if (!sheet) this.bySheet.set(o.sheetKey, (sheet = new Map()));
    const id = idOf(o.rowKey, o.role);
    if (!sheet.has(id)) this.count++;
    sheet.set(id, { rowKey: o.rowKey, role: o.role, value, tone });
  }

  /** The entries of one sheet; `forget` drops the ones for which it returns true. */
  forgetWhere(sheetKey: string, forget: (e: LedgerEntry) => boolean): number {
    const sheet = this.bySheet.get(sheetKey);
    if (!sheet) return 0;
    let n = 0;
    for (const [id, e] of sheet)
      if (forget(e)) {
        sheet.delete(id);
        n++;
      }
    this.count -= n;
    return n;
  }

  /** Forgets a whole sheet (it was deleted, or will be rebuilt). */
  forgetSheet(sheetKey: string): void {
    this.count -= this.bySheet.get(sheetKey)?.size ?? 0;
    this.bySheet.delete(sheetKey);
  }

  clear(): void {
    this.bySheet.clear();
    this.count = 0;
  }
}
