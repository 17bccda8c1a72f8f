/**
 * The 细则定义 workbook as a .xlsx file: written through the project's plan → exceljs adapter
 * (applySheets, with the definition styles), read back through the same guarded loader as the
 * scoring workbooks (loadWorkbook: bounded unzip, openpyxl's absolute part targets, exceljs issue
 * 1468), so files saved by Excel, WPS, LibreOffice or openpyxl all read.
 */
import type { DefinitionSheet, DefinitionValues, DefinitionWorkbook, SheetCellValue } from '../layout/rubric-sheet';
import { DEFINITION_STYLES } from '../layout/rubric-sheet';
import { applySheets, type ApplicableSheet } from './apply-plan';
import { readCell } from './cell-values';
import { toArrayBuffer } from './exceljs';
import { columnLetter } from '../layout/plan';

/** Characters of column width printed across one A4 landscape page at a readable size. */
const PRINTED_WIDTH = 150;
import { loadWorkbook } from './read-workbook';

function applicable(s: DefinitionSheet): ApplicableSheet {
  const rows = Math.max(0, ...s.cells.map((c) => c.row)) + 1;
  return {
    key: `DEF_${s.name}`,
    kind: 'info',
    name: s.name,
    columns: s.columns,
    hiddenRows: [],
    rowHeights: s.rowHeights,
    cells: s.cells,
    merges: s.merges,
    freezeRows: s.freezeRows,
    landscape: s.landscape,
    block: { rows, cols: s.columns.length },
    tables: [],
    charts: [],
  };
}

/** The definition workbook as .xlsx bytes. */
export async function writeDefinitionXlsx(def: DefinitionWorkbook, created?: Date): Promise<ArrayBuffer> {
  const wb = await applySheets(def.sheets.map(applicable), { styles: DEFINITION_STYLES, created });
  def.sheets.forEach((s, i) => {
    const ws = wb.worksheets[i];
    // Keep the 序号/名称 columns in view too (the adapter freezes rows only).
    if (s.freezeRows > 0 || s.freezeCols > 0) {
      const topLeft = `${columnLetter(s.freezeCols)}${s.freezeRows + 1}`;
      ws.views = [{ state: 'frozen', xSplit: s.freezeCols, ySplit: s.freezeRows, topLeftCell: topLeft, showGridLines: true }];
    }
    // A wide sheet printed on one page width would be unreadable: about 120 characters a page,
    // with the header row and the frozen columns repeated on every page.
    const width = s.columns.reduce((sum, c) => sum + c.width, 0);
    ws.pageSetup.fitToWidth = Math.max(1, Math.ceil(width / PRINTED_WIDTH));
    if (s.freezeRows > 0) ws.pageSetup.printTitlesRow = `1:${s.freezeRows}`;
    if (s.freezeCols > 0) ws.pageSetup.printTitlesColumn = `A:${columnLetter(s.freezeCols - 1)}`;
  });
  return toArrayBuffer(wb);
}

/** The cell values of every sheet of a .xlsx file (percent-formatted numbers as their 85% text). Throws WorkbookError for a file that is not a readable workbook. */
export async function readDefinitionXlsx(bytes: Uint8Array): Promise<DefinitionValues> {
  const { wb } = await loadWorkbook(bytes);
  const out: DefinitionValues = {};
  for (const ws of wb.worksheets) {
    const grid: SheetCellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: SheetCellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const { value, text } = readCell(cell);
        values[col - 1] = text ?? value;
      });
      grid[rowNumber - 1] = Array.from(values, (v) => v ?? null);
    });
    out[ws.name] = Array.from(grid, (r) => r ?? []);
  }
  return out;
}
