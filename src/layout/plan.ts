/**
 * A WorkbookPlan is everything the workbook should contain, as host-independent data: sheets,
 * cells with their style and validation, merges, widths, tables, charts, print settings, and the
 * anchors that bind cells to rubric fields. Office.js and exceljs adapters only apply it.
 *
 * Binding design (why cells are found again after users insert rows/columns, rename, move or sort):
 * - every managed sheet has a workbook-scoped defined name `CS_<sheetKey>` covering its block, so
 *   the sheet is found whatever it is called or wherever it is moved;
 * - row 1 of the block is a hidden *role row* naming each column's role (input, score, …), so
 *   inserted columns do not confuse the reader;
 * - the last column is a hidden *key column* naming each row (`i|一.1|leader` …), so inserted rows
 *   and sorted table rows carry their identity with them;
 * - a very hidden sheet `_cs_meta` holds the rubric (id, version, hash, and the rubric itself) and
 *   the roster; it survives WPS / LibreOffice round trips, unlike add-in settings.
 */
import type { StyleKey } from './styles';

export type CellValue = string | number | boolean | null;

export type ColumnRole =
  | 'seq'
  | 'name'
  | 'points'
  | 'content'
  | 'criteria'
  | 'basis'
  | 'method'
  | 'label'
  | 'input'
  | 'score'
  /** 扣分 (deduct_from_base rubrics, 鹤岗): item maximum − item score. */
  | 'deduction'
  | 'reason'
  | 'key'
  // summary / rank sheets
  | 'unit'
  | 'group'
  | 'base'
  | 'bonus'
  | 'final'
  /** The final score in the rubric's outer scale (rubric.outerScale). */
  | 'scaled'
  | 'band'
  | 'rank'
  | 'labels'
  | 'progress'
  | 'status'
  | `cat:${string}`
  /** A weighted block's score (aggregation mode "blocks"), by the block's index. */
  | `block:${number}`
  /** A column of the document's own table (rubric.table.columns), by its header: descriptive, never read back. */
  | `doc:${string}`
  | `bandSeries:${string}`
  /** 自评分: the unit's own figures scored (src/layout/review.ts; role names in SELF_ROLES). */
  | 'selfScore'
  /** 汇总, where the office chooses (WorkbookMeta.summarySelf): 自评总分, 核定 − 自评, 未说明差异. */
  | 'selfTotal'
  | 'selfDifference'
  | 'selfOpen';

export type Validation =
  { kind: 'list'; options: string[] } | { kind: 'whole'; min: number; max?: number } | { kind: 'decimal'; min: number; max?: number };

export interface CellPlan {
  /** 0-based row and column within the sheet. */
  row: number;
  col: number;
  value: CellValue;
  style: StyleKey;
  validation?: Validation;
  /** Input prompt shown when the cell is selected (data-validation prompt). */
  prompt?: string;
}

export interface ChartPlan {
  title: string;
  /** Rows (0-based, inclusive) of the data in the rank sheet, and the category (unit name) column. */
  firstRow: number;
  lastRow: number;
  categoryCol: number;
  series: { name: string; col: number; color: string }[];
  /** Where to place it: top-left and bottom-right cells. */
  anchor: { fromRow: number; fromCol: number; toRow: number; toCol: number };
}

export interface TablePlan {
  name: string;
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
}

export type SheetKind = 'info' | 'unit' | 'summary' | 'rank' | 'params';

export interface SheetPlan {
  key: string;
  kind: SheetKind;
  name: string;
  /** Column widths in characters; `hidden` for the role/key helpers. */
  columns: { width: number; hidden?: boolean }[];
  /** Rows hidden (the role row). */
  hiddenRows: number[];
  rowHeights: Record<number, number>;
  cells: CellPlan[];
  merges: { fromRow: number; fromCol: number; toRow: number; toCol: number }[];
  freezeRows: number;
  /** Rows repeated at the top of every printed page (0-based, inclusive). */
  printTitleRows?: [number, number];
  landscape: boolean;
  /** Block covered by the `CS_<key>` defined name. */
  block: { rows: number; cols: number };
  tables: TablePlan[];
  charts: ChartPlan[];
  /** Page header text (document number, date). */
  header?: string;
  /** Middle part of the page header. */
  headerCenter?: string;
  /** 0-based rows that start a printed page, where the layout plans the pages (unit sheets). */
  rowBreaks?: number[];
  /** Printed pages of the sheet when planned: the footer counts them per sheet. */
  pages?: number;
}

export interface WorkbookMeta {
  format: 'credit-score-workbook';
  formatVersion: 1;
  rubric: { id: string; version: string; hash: string };
  units: { key: string; name: string; group: string }[];
  createdAt: string;
  appVersion: string;
  /** Sheets protected so only input cells can be edited (no password); the add-in unprotects to write. */
  protectComputed?: boolean;
  /**
   * 汇总 shows each unit's 自评总分 | 差值 | 未说明差异 beside its 核定 total (issue 17), chosen by the
   * office after collecting 自评表; absent (off) in every workbook as made. Kept here so that file
   * mode, the command line and the live add-in all lay 汇总 out and fill it alike.
   */
  summarySelf?: boolean;
}

export interface WorkbookPlan {
  meta: WorkbookMeta;
  /** The rubric JSON embedded in the meta sheet, so the workbook is scored with the version it was made with. */
  rubricJson: string;
  sheets: SheetPlan[];
}

export const META_SHEET = '_cs_meta';
export const NAME_PREFIX = 'CS_';
export const definedNameFor = (sheetKey: string) => `${NAME_PREFIX}${sheetKey}`;
export const APP_VERSION = '0.1.0';

/** Row keys in the key column. */
export const rowKey = {
  item: (indicatorId: string, fieldId: string) => `i|${indicatorId}|${fieldId}`,
  field: (indicatorId: string, fieldId: string) => `f|${indicatorId}|${fieldId}`,
  notApplicable: (indicatorId: string) => `f|${indicatorId}|@na`,
  category: (categoryId: string) => `c|${categoryId}`,
  total: (what: 'base' | 'bonus' | 'fraud' | 'final' | 'band' | 'rank' | 'status') => `t|${what}`,
  summaryUnit: (unitKey: string) => `u|${unitKey}`,
  rankRow: (groupId: string, position: number) => `r|${groupId}|${position}`,
};

export const NOT_APPLICABLE_FIELD = '@na';

/** Column letters for 0-based indexes (0 → A, 26 → AA). */
export function columnLetter(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export const a1 = (row: number, col: number) => `${columnLetter(col)}${row + 1}`;
