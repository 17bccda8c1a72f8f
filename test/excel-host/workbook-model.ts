/** The workbook state the host mutates: sheets, cells, styles, validation, names, settings, XML parts, tables, charts. */
import { MAX_COLS, Rect } from './addresses';
import { richError } from './errors';
import { CellValue } from './values';

export type StyleValue = string | number | boolean;
/** Flat style keys: 'nf', 'fill', 'font.bold', 'wrap', 'hAlign', 'locked', 'border.EdgeTop.style', ... */
export type Style = Record<string, StyleValue>;

export const STYLE_DEFAULTS: Style = {
  nf: 'General',
  fill: '#FFFFFF',
  'font.name': 'Calibri',
  'font.size': 11,
  'font.color': '#000000',
  'font.bold': false,
  'font.italic': false,
  'font.underline': 'None',
  'font.strikethrough': false,
  wrap: false,
  hAlign: 'General',
  vAlign: 'Bottom',
  indent: 0,
  textOrientation: 0,
  shrinkToFit: false,
  locked: true,
  formulaHidden: false,
};

export function styleDefault(key: string): StyleValue {
  if (key in STYLE_DEFAULTS) return STYLE_DEFAULTS[key];
  if (key.endsWith('.style')) return 'None';
  if (key.endsWith('.color')) return '#000000';
  if (key.endsWith('.weight')) return 'Thin';
  return '';
}

export interface Cell extends CellValue {
  st?: Style;
}

export interface DataValidationRuleModel {
  [type: string]: Record<string, unknown>;
}

export interface DataValidationModel {
  id: number;
  areas: Rect[];
  rule: DataValidationRuleModel | null;
  ignoreBlanks: boolean;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
}

export interface SheetProtectionModel {
  protected: boolean;
  options: Record<string, boolean | string>;
  password?: string;
}

export interface SheetModel {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  tabColor: string;
  showGridlines: boolean;
  showHeadings: boolean;
  cells: Map<number, Cell>;
  rowStyles: Map<number, Style>;
  colStyles: Map<number, Style>;
  rowHeights: Map<number, number>;
  colWidths: Map<number, number>;
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  merges: Rect[];
  validations: DataValidationModel[];
  freeze: { rows: number; cols: number; row?: number; col?: number };
  protection: SheetProtectionModel;
  pageLayout: Record<string, unknown>;
}

export interface NameModel {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  /** Whole table including header (and totals) row. */
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  columns: string[];
  props: Record<string, unknown>;
}

export interface ChartModel {
  id: string;
  name: string;
  sheetId: string;
  type: string;
  /** Sheet-qualified source address, adjusted on row/column insertion. */
  source: string;
  seriesBy: string;
  seriesCount: number;
  pointCount: number;
  /** Everything the add-in set, by path: 'title.text', 'legend.position', 'series.0.points.2.format.fill.setSolidColor', 'setPosition'. */
  props: Record<string, unknown>;
}

export interface XmlPartModel {
  id: string;
  xml: string;
  namespaceUri: string;
}

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}
export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLS);
}
export function keyCol(key: number): number {
  return key % MAX_COLS;
}

function hex(n: number, width: number): string {
  return (n >>> 0).toString(16).toUpperCase().padStart(width, '0').slice(-width);
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  names: NameModel[] = [];
  settings = new Map<string, unknown>();
  xmlParts: XmlPartModel[] = [];
  tables: TableModel[] = [];
  charts: ChartModel[] = [];
  activeSheetId = '';
  selection: { sheetId: string; rect: Rect } = { sheetId: '', rect: { row: 0, col: 0, rowCount: 1, colCount: 1 } };
  counters = { sheet: 0, table: 0, chart: 0, guid: 0, validation: 0 };

  static blank(): WorkbookModel {
    const wb = new WorkbookModel();
    const s = wb.createSheet('Sheet1');
    wb.activeSheetId = s.id;
    wb.selection = { sheetId: s.id, rect: { row: 0, col: 0, rowCount: 1, colCount: 1 } };
    return wb;
  }

  /** Stable, GUID-shaped, deterministic ids ("{00000000-0001-0000-0000-000000000000}" style for sheets). */
  newSheetId(): string {
    this.counters.sheet++;
    return `{00000000-${hex(this.counters.sheet, 4)}-0000-0000-000000000000}`;
  }

  newGuid(): string {
    this.counters.guid++;
    const a = Math.imul(this.counters.guid, 2654435761);
    const b = Math.imul(this.counters.guid + 7, 40503);
    return `{${hex(a, 8)}-${hex(b, 4)}-4${hex(a >>> 4, 3)}-8${hex(b >>> 3, 3)}-${hex(a ^ b, 8)}${hex(this.counters.guid, 4)}}`;
  }

  createSheet(name: string): SheetModel {
    const s: SheetModel = {
      id: this.newSheetId(),
      name,
      visibility: 'Visible',
      tabColor: '',
      showGridlines: true,
      showHeadings: true,
      cells: new Map(),
      rowStyles: new Map(),
      colStyles: new Map(),
      rowHeights: new Map(),
      colWidths: new Map(),
      hiddenRows: new Set(),
      hiddenCols: new Set(),
      merges: [],
      validations: [],
      freeze: { rows: 0, cols: 0 },
      protection: { protected: false, options: {} },
      pageLayout: {},
    };
    this.sheets.push(s);
    return s;
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** Name (case-insensitive) or id, like WorksheetCollection.getItem. */
  findSheet(key: string): SheetModel | undefined {
    return this.sheetById(key) ?? this.sheetByName(key);
  }

  requireSheet(key: string, location = 'WorksheetCollection.getItem'): SheetModel {
    const s = typeof key === 'string' ? this.findSheet(key) : undefined;
    if (!s) throw richError('ItemNotFound', undefined, location);
    return s;
  }

  tablesOn(sheetId: string): TableModel[] {
    return this.tables.filter((t) => t.sheetId === sheetId);
  }

  findTable(key: string): TableModel | undefined {
    const lower = String(key).toLowerCase();
    return this.tables.find((t) => t.id === key || t.name.toLowerCase() === lower);
  }

  findName(name: string): NameModel | undefined {
    const lower = String(name).toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower);
  }

  /** Defined names and table names share one namespace in Excel. */
  takenNames(): string[] {
    return [...this.names.map((n) => n.name), ...this.tables.map((t) => t.name)];
  }

  getCell(sheet: SheetModel, row: number, col: number): Cell | undefined {
    return sheet.cells.get(cellKey(row, col));
  }

  cellForWrite(sheet: SheetModel, row: number, col: number): Cell {
    const k = cellKey(row, col);
    let c = sheet.cells.get(k);
    if (!c) {
      c = { v: null };
      sheet.cells.set(k, c);
    }
    return c;
  }

  dropIfEmpty(sheet: SheetModel, row: number, col: number): void {
    const k = cellKey(row, col);
    const c = sheet.cells.get(k);
    if (c && c.v === null && !c.f && (!c.st || Object.keys(c.st).length === 0)) sheet.cells.delete(k);
  }
}
