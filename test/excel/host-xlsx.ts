/**
 * The in-memory host's workbook saved as an .xlsx file (what Excel's 保存 gives file mode): every
 * sheet's values and number formats, its visibility and the defined names, enough for the file
 * reader (src/xlsx/read-workbook.ts) to find the add-in's blocks, metadata and hidden sheets.
 * Styles, validation and the rest are left out: file mode does not read them.
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
    const rowNf = new Map(s.rowStyles.map(([r, st]) => [r, st.nf]));
    const colNf = new Map(s.colStyles.map(([c, st]) => [c, st.nf]));
    for (const [address, cell] of Object.entries(s.cells)) {
      const at = parseLocalAddress(address)!;
      const { row, col } = at;
      const target = ws.getCell(row + 1, col + 1);
      if (cell.v !== null && cell.v !== undefined && !cell.err) target.value = cell.v as ExcelJS.CellValue;
      const nf = cell.st?.nf ?? rowNf.get(row) ?? colNf.get(col);
      if (typeof nf === 'string' && nf !== 'General') target.numFmt = nf;
    }
  }
  for (const n of saved.names) wb.definedNames.add(n.formula.replace(/^=/, ''), n.name);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
