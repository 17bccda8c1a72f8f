/**
 * exceljs cell values as the layout's plain values: rich text and hyperlinks become their text,
 * formulas their cached result, Excel errors their "#DIV/0!" text, dates an ISO date. A number
 * shown with a percent format becomes the percent text ("85%"), which is what the user typed.
 */
import type * as ExcelJSModule from 'exceljs';
import type { CellValue } from '../layout/plan';

type Raw = ExcelJSModule.CellValue | undefined;

function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

export function plainValue(v: Raw): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
    if ('error' in v) return String(v.error);
    if ('formula' in v || 'sharedFormula' in v) return plainValue((v as { result?: Raw }).result);
    if ('text' in v) return plainValue((v as { text: Raw }).text);
  }
  return String(v);
}

export { isPercentFormat, percentText } from '../layout/percent';
import { isPercentFormat, percentText } from '../layout/percent';

/** The value and, for percent-formatted numbers, the percent text of one cell. */
export function readCell(cell: ExcelJSModule.Cell | undefined): { value: CellValue; text: string | null } {
  if (!cell) return { value: null, text: null };
  // A merged cell other than the top-left one reports its master's value: it holds nothing itself.
  if (cell.isMerged && cell.master !== cell && cell.master.address !== cell.address) return { value: null, text: null };
  const value = plainValue(cell.value);
  const text = typeof value === 'number' && isPercentFormat(cell.numFmt) ? percentText(value) : null;
  return { value, text };
}
