/**
 * The data types of the 细则定义 workbook (see index.ts for the API and docs/细则定义.md for the
 * format). Pure data: the exceljs adapter (src/xlsx/rubric-sheet-file.ts) and the pane apply it.
 */
import type { Validation } from '../plan';

export type SheetCellValue = string | number | boolean | null;

/** The four sheets, in this order. */
export const SHEET_NAMES = {
  /** One row per category and indicator: the document's words and the scoring in plain Chinese. */
  indicators: '细则定义',
  /** The method block: 满分, 合计方式, 加分, 等次线, 排名分组, 表彰与通报名额, 弄虚作假处理, 取舍 … */
  method: '考核办法',
  /** The rubric's notes (ambiguities and the reading taken). */
  notes: '附注',
  /** How to fill the other sheets, in Chinese; never read back. */
  guide: '填写说明',
} as const;

/** Style keys of the definition workbook; their look is DEFINITION_STYLES (styles.ts). */
export type DefinitionStyle =
  | 'title'
  | 'guide'
  | 'header'
  | 'headerScoring'
  | 'categoryInput'
  | 'input'
  | 'inputCenter'
  | 'inputNumber'
  | 'inputJson'
  | 'label'
  | 'hint';

export interface DefinitionCell {
  /** 0-based row and column. */
  row: number;
  col: number;
  value: SheetCellValue;
  style: DefinitionStyle;
  validation?: Validation;
  /** Input prompt shown when the cell is selected. */
  prompt?: string;
}

export interface DefinitionSheet {
  name: string;
  /** Column widths in characters. */
  columns: { width: number }[];
  cells: DefinitionCell[];
  merges: { fromRow: number; fromCol: number; toRow: number; toCol: number }[];
  rowHeights: Record<number, number>;
  /** Rows and columns kept in view when scrolling (the header row, the 序号/名称 columns). */
  freezeRows: number;
  freezeCols: number;
  landscape: boolean;
}

export interface DefinitionWorkbook {
  sheets: DefinitionSheet[];
}

/** What a host reads back: per sheet name, rows of cell values (0-based, ragged rows allowed). */
export type DefinitionValues = Record<string, SheetCellValue[][]>;

/** One bad cell: the sheet, its A1 address, what is wrong and how to fix it, in Chinese. */
export interface SheetCellError {
  sheet: string;
  /** A1 address, e.g. "K7"; "A1" when the problem is the sheet as a whole (missing sheet or header). */
  cell: string;
  message: string;
  fix: string;
}

export type RubricFromSheetResult =
  { ok: true; rubric: import('../../rubric/schema').Rubric; hash: string } | { ok: false; errors: SheetCellError[] };
