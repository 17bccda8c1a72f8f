/** host.save() / createExcelHost({ state }): a plain JSON snapshot of the whole workbook model. */
import { cellAddress, formatRect, parseLocalAddress } from './addresses';
import {
  Cell,
  ChartModel,
  DataValidationModel,
  NameModel,
  SheetModel,
  Style,
  TableModel,
  WorkbookModel,
  XmlPartModel,
  cellKey,
  keyCol,
  keyRow,
} from './workbook-model';

export interface SheetSnapshot {
  id: string;
  name: string;
  visibility: SheetModel['visibility'];
  tabColor: string;
  showGridlines: boolean;
  showHeadings: boolean;
  cells: Record<string, Cell>;
  rowStyles: Array<[number, Style]>;
  colStyles: Array<[number, Style]>;
  rowHeights: Array<[number, number]>;
  colWidths: Array<[number, number]>;
  hiddenRows: number[];
  hiddenCols: number[];
  merges: string[];
  validations: Array<Omit<DataValidationModel, 'areas'> & { areas: string[] }>;
  freeze: SheetModel['freeze'];
  protection: SheetModel['protection'];
  pageLayout: Record<string, unknown>;
}

export interface WorkbookSnapshot {
  format: 'excel-host-snapshot';
  version: 1;
  activeSheetId: string;
  selection: { sheetId: string; address: string };
  counters: WorkbookModel['counters'];
  sheets: SheetSnapshot[];
  names: NameModel[];
  settings: Array<[string, unknown]>;
  xmlParts: XmlPartModel[];
  tables: Array<Omit<TableModel, 'rect'> & { address: string }>;
  charts: ChartModel[];
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function rect(address: string) {
  const r = parseLocalAddress(address);
  if (!r) throw new Error(`excel-host snapshot: bad address ${address}`);
  return r;
}

export function saveModel(wb: WorkbookModel): WorkbookSnapshot {
  return clone({
    format: 'excel-host-snapshot' as const,
    version: 1 as const,
    activeSheetId: wb.activeSheetId,
    selection: { sheetId: wb.selection.sheetId, address: formatRect(wb.selection.rect) },
    counters: wb.counters,
    sheets: wb.sheets.map((s) => ({
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      tabColor: s.tabColor,
      showGridlines: s.showGridlines,
      showHeadings: s.showHeadings,
      cells: Object.fromEntries([...s.cells].sort((a, b) => a[0] - b[0]).map(([k, c]) => [cellAddress(keyRow(k), keyCol(k)), c])),
      rowStyles: [...s.rowStyles],
      colStyles: [...s.colStyles],
      rowHeights: [...s.rowHeights],
      colWidths: [...s.colWidths],
      hiddenRows: [...s.hiddenRows],
      hiddenCols: [...s.hiddenCols],
      merges: s.merges.map((m) => formatRect(m)),
      validations: s.validations.map((v) => ({ ...v, areas: v.areas.map((a) => formatRect(a)) })),
      freeze: s.freeze,
      protection: s.protection,
      pageLayout: s.pageLayout,
    })),
    names: wb.names,
    settings: [...wb.settings],
    xmlParts: wb.xmlParts,
    tables: wb.tables.map(({ rect: r, ...t }) => ({ ...t, address: formatRect(r) })),
    charts: wb.charts,
  });
}

export function loadModel(snapshot: WorkbookSnapshot): WorkbookModel {
  if (!snapshot || snapshot.format !== 'excel-host-snapshot') throw new Error('excel-host: not a host.save() snapshot');
  const s = clone(snapshot);
  const wb = new WorkbookModel();
  wb.counters = s.counters;
  wb.activeSheetId = s.activeSheetId;
  wb.selection = { sheetId: s.selection.sheetId, rect: rect(s.selection.address) };
  wb.sheets = s.sheets.map((x) => ({
    id: x.id,
    name: x.name,
    visibility: x.visibility,
    tabColor: x.tabColor,
    showGridlines: x.showGridlines,
    showHeadings: x.showHeadings,
    cells: new Map(
      Object.entries(x.cells).map(([a, c]) => {
        const r = rect(a);
        return [cellKey(r.row, r.col), c];
      }),
    ),
    rowStyles: new Map(x.rowStyles),
    colStyles: new Map(x.colStyles),
    rowHeights: new Map(x.rowHeights),
    colWidths: new Map(x.colWidths),
    hiddenRows: new Set(x.hiddenRows),
    hiddenCols: new Set(x.hiddenCols),
    merges: x.merges.map(rect),
    validations: x.validations.map((v) => ({ ...v, areas: v.areas.map(rect) })),
    freeze: x.freeze,
    protection: x.protection,
    pageLayout: x.pageLayout,
  }));
  wb.names = s.names;
  wb.settings = new Map(s.settings);
  wb.xmlParts = s.xmlParts;
  wb.tables = s.tables.map(({ address, ...t }) => ({ ...t, rect: rect(address) }));
  wb.charts = s.charts;
  return wb;
}
