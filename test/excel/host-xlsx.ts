/**
/**
 * The in-memory host's workbook saved as an .xlsx file (what Excel's 保存 gives file mode): every
 * sheet's values, number formats (cell, row or column), merges and visibility, and the defined names,
 * enough for the file reader (src/xlsx/read-workbook.ts) to find the add-in's blocks, metadata and
 * hidden sheets. Styles, validation and the rest are left out: file mode does not read them.
 * Formulas are never written.
 */
import ExcelJS from 'exceljs';
import type { ExcelHost } from '../excel-host';
import { parseLocalAddress } from '../excel-host/addresses';

const STATE = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' } as const;

export async function hostToXlsx(host: ExcelHost): Promise<ArrayBuffer> {
  const saved = host.save();
  const wb = new ExcelJS.Workbook();
  for (const s of saved.sheets) {
    const ws = wb.addWorksheet(s.name, { state: STATE[s.visibility] });
    for (const m of s.merges) ws.mergeCells(m);
    const rowNf = new Map(s.rowStyles.map(([r, st]) => [r, st.nf]));
    const colNf = new Map(s.colStyles.map(([c, st]) => [c, st.nf]));
    for (const [address, cell] of Object.entries(s.cells)) {
      const { row, col } = parseLocalAddress(address)!;
      const hasValue = cell.v !== null && cell.v !== undefined && cell.v !== '' && !cell.err;
      const nf = cell.st?.nf ?? rowNf.get(row) ?? colNf.get(col);
      const hasFormat = typeof nf === 'string' && nf !== 'General';
      if (!hasValue && !hasFormat) continue;
      const target = ws.getCell(row + 1, col + 1);
      if (hasValue) target.value = cell.v as ExcelJS.CellValue;
      if (hasFormat) target.numFmt = nf;
    }
  }
  for (const n of saved.names) wb.definedNames.add(n.formula.replace(/^=/, ''), n.name);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
