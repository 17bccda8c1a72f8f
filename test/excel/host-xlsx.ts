/**
 * The in-memory Excel host's workbook saved as an .xlsx file, as Excel would save it for file mode:
 * every sheet with its values, number formats, merges and visibility, and the workbook's names.
 * Enough for file mode to read it back (src/xlsx/read-workbook.ts); formulas are never written.
 */
import ExcelJS from 'exceljs';
import type { ExcelHost } from '../excel-host';

export async function hostToXlsx(host: ExcelHost): Promise<ArrayBuffer> {
  const snap = host.save();
  const wb = new ExcelJS.Workbook();
  for (const s of snap.sheets) {
    const ws = wb.addWorksheet(s.name, {
      state: s.visibility === 'VeryHidden' ? 'veryHidden' : s.visibility === 'Hidden' ? 'hidden' : 'visible',
    });
    for (const m of s.merges) ws.mergeCells(m);
    for (const [address, cell] of Object.entries(s.cells)) {
      const nf = (cell.st as { nf?: string } | undefined)?.nf;
      if ((cell.v === null || cell.v === '') && !nf) continue;
      const c = ws.getCell(address);
      if (cell.v !== null && cell.v !== '') c.value = cell.v as ExcelJS.CellValue;
      if (nf && nf !== 'General') c.numFmt = nf;
    }
  }
  for (const n of snap.names) wb.definedNames.add(n.formula.replace(/^=/, ''), n.name);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
