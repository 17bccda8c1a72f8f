/** Excel.Table and its collections (rows, columns, sort). */
import { Rect, lastCol, parseAddress } from './addresses';
import { checkEditable, clearContents, clearFormats, shapeAccessor, writeContents } from './cells';
import { invalidArgument, richError } from './errors';
import type { ExcelHost } from './host';
import { ClientCollection, ClientObject, Resolver, defineNavs, defineProps } from './proxy';
import { checkBoolean } from './rules';
import { addTable, bodyRect, headerRect, insertTableRows, renameTable, sortRows, syncHeaders, totalsRect } from './tables-model';
import { apiValue, jsonRoundTrip } from './values';
import { SheetModel, TableModel, WorkbookModel } from './workbook-model';
import { Range, rangeDeps } from './api-range';
import type { Worksheet } from './api-worksheet';

export interface TableScope {
  model: WorkbookModel;
  sheet?: SheetModel;
}

function tableResolver(id: string): Resolver<TableModel> {
  return (host) => {
    const t = host.model.tables.find((x) => x.id === id);
    if (!t) throw richError('ItemNotFound', undefined, 'Table');
    return t;
  };
}

function sheetOf(host: ExcelHost, t: TableModel): SheetModel {
  return host.model.sheetById(t.sheetId)!;
}

export class TableCollection extends ClientCollection<Table, TableScope, TableModel> {
  static override typeName = 'TableCollection';
  declare readonly count: number;

  _list(e: TableScope): TableModel[] {
    return e.sheet ? e.model.tablesOn(e.sheet.id) : e.model.tables;
  }
  _makeItem(t: TableModel): Table {
    return new Table(this.context, tableResolver(t.id));
  }

  add(address: Range | string, hasHeaders: boolean): Table {
    this._sameContext(address, 'TableCollection.add');
    let created: string | undefined;
    this._enqueue('TableCollection.add', [typeof address === 'string' ? address : '<range>', hasHeaders], (host) => {
      const scope = this._entity(host);
      const loc = 'TableCollection.add';
      let sheet: SheetModel;
      let rect: Rect;
      if (address instanceof Range) {
        const e = address._entity(host);
        sheet = e.sheet;
        rect = e.rect;
      } else {
        const p = parseAddress(String(address), loc);
        const named =
          p.sheet !== undefined ? host.model.sheetByName(p.sheet) : (scope.sheet ?? host.model.sheetById(host.model.activeSheetId));
        if (!named) throw richError('ItemNotFound', undefined, loc);
        if (scope.sheet && named !== scope.sheet) throw invalidArgument('address', loc);
        sheet = named;
        rect = p.rect;
      }
      const t = addTable(host.model, sheet, rect, checkBoolean(hasHeaders, 'hasHeaders', loc), loc);
      created = t.id;
      host._recordWrite('table', sheet, t.rect);
    });
    return new Table(this.context, (host) => {
      if (created === undefined) throw richError('ItemNotFound', undefined, 'Table');
      return tableResolver(created)(host);
    });
  }

  getItem(key: string): Table {
    return new Table(this.context, (host) => {
      const t = this._find(host, key);
      if (!t) throw richError('ItemNotFound', undefined, 'TableCollection.getItem');
      return t;
    });
  }

  getItemOrNullObject(key: string): Table {
    this._api('getItemOrNullObject');
    return new Table(this.context, (host) => this._find(host, key) ?? null, true);
  }

  getItemAt(index: number): Table {
    return new Table(this.context, (host) => {
      const t = this._list(this._entity(host))[index];
      if (!t) throw invalidArgument('index', 'TableCollection.getItemAt');
      return t;
    });
  }

  private _find(host: ExcelHost, key: string): TableModel | undefined {
    const lower = String(key).toLowerCase();
    return this._list(this._entity(host)).find((t) => t.id === key || t.name.toLowerCase() === lower);
  }
}
defineProps(TableCollection, { count: { get: (e: TableScope) => (e.sheet ? e.model.tablesOn(e.sheet.id) : e.model.tables).length } });

function tableRange(owner: ClientObject<TableModel>, member: string, pick: (t: TableModel) => Rect | null): Range {
  return new Range(owner.context, (host) => {
    const t = owner._entity(host);
    const rect = pick(t);
    if (!rect) throw richError('ItemNotFound', undefined, `Table.${member}`);
    return { sheet: sheetOf(host, t), rect };
  });
}

export class Table extends ClientObject<TableModel> {
  static override typeName = 'Table';
  declare readonly id: string;
  declare name: string;
  declare showHeaders: boolean;
  declare showTotals: boolean;
  declare style: string;
  declare showBandedRows: boolean;
  declare showBandedColumns: boolean;
  declare showFilterButton: boolean;
  declare highlightFirstColumn: boolean;
  declare highlightLastColumn: boolean;
  declare readonly rows: TableRowCollection;
  declare readonly columns: TableColumnCollection;
  declare readonly sort: TableSort;
  declare readonly worksheet: Worksheet;

  protected override _pin(t: TableModel): Resolver<TableModel> {
    return tableResolver(t.id);
  }
  getRange(): Range {
    return tableRange(this, 'getRange', (t) => t.rect);
  }
  getHeaderRowRange(): Range {
    return tableRange(this, 'getHeaderRowRange', headerRect);
  }
  getDataBodyRange(): Range {
    return tableRange(this, 'getDataBodyRange', bodyRect);
  }
  getTotalRowRange(): Range {
    return tableRange(this, 'getTotalRowRange', totalsRect);
  }
  delete(): void {
    this._action('delete', null, (t, host) => {
      const sheet = sheetOf(host, t);
      checkEditable(sheet, t.rect, 'structure', 'Table.delete');
      const changes = clearContents(host.model, sheet, t.rect);
      clearFormats(host.model, sheet, t.rect);
      host.model.tables = host.model.tables.filter((x) => x !== t);
      host._recordWrite('clear', sheet, t.rect, 'RangeEdited', changes);
    });
  }
  convertToRange(): Range {
    this._api('convertToRange');
    let rect: { sheet: SheetModel; rect: Rect } | undefined;
    this._action('convertToRange', null, (t, host) => {
      rect = { sheet: sheetOf(host, t), rect: t.rect };
      host.model.tables = host.model.tables.filter((x) => x !== t);
    });
    return new Range(this.context, () => rect ?? null);
  }
  clearFilters(): void {
    this._action('clearFilters', null, () => undefined);
  }
}

function recorded(name: string, check: (v: unknown) => unknown) {
  return {
    get: (t: TableModel) => t.props[name] ?? (name === 'showBandedRows' || name === 'showFilterButton' ? true : false),
    set: (t: TableModel, v: unknown) => void (t.props[name] = check(v)),
  };
}
const boolCheck = (name: string) => (v: unknown) => checkBoolean(v, name, `Table.${name}`);

defineProps(Table, {
  id: { get: (t: TableModel) => t.id },
  name: {
    get: (t: TableModel) => t.name,
    set: (t: TableModel, v: unknown, host: ExcelHost) => renameTable(host.model, t, v, 'Table.name'),
  },
  showHeaders: {
    get: (t: TableModel) => t.showHeaders,
    set: (t: TableModel, v: unknown) => void (t.props.showHeadersRequested = checkBoolean(v, 'showHeaders', 'Table.showHeaders')),
  },
  showTotals: {
    get: (t: TableModel) => t.showTotals,
    set: (t: TableModel, v: unknown) => void (t.props.showTotalsRequested = checkBoolean(v, 'showTotals', 'Table.showTotals')),
  },
  style: {
    get: (t: TableModel) => t.style,
    set: (t: TableModel, v: unknown) => {
      if (typeof v !== 'string' || v === '') throw invalidArgument('style', 'Table.style');
      t.style = v;
    },
  },
  showBandedRows: recorded('showBandedRows', boolCheck('showBandedRows')),
  showBandedColumns: recorded('showBandedColumns', boolCheck('showBandedColumns')),
  showFilterButton: recorded('showFilterButton', boolCheck('showFilterButton')),
  highlightFirstColumn: recorded('highlightFirstColumn', boolCheck('highlightFirstColumn')),
  highlightLastColumn: recorded('highlightLastColumn', boolCheck('highlightLastColumn')),
});

interface RowEntity {
  table: TableModel;
  index: number;
}

export class TableRowCollection extends ClientCollection<TableRow, TableModel, RowEntity> {
  static override typeName = 'TableRowCollection';
  declare readonly count: number;
  _list(t: TableModel): RowEntity[] {
    const n = bodyRect(t)?.rowCount ?? 0;
    return Array.from({ length: n }, (_, index) => ({ table: t, index }));
  }
  _makeItem(item: RowEntity): TableRow {
    return new TableRow(this.context, () => item);
  }
  add(index?: number | null, rawValues?: unknown[][] | null, _alwaysInsert?: boolean): TableRow {
    const values = jsonRoundTrip(rawValues);
    let added: RowEntity | undefined;
    this._action('add', [index ?? null, values ?? null], (t, host) => {
      const loc = 'TableRowCollection.add';
      const sheet = sheetOf(host, t);
      const count = Array.isArray(values) ? values.length : 1;
      if (count < 1) throw invalidArgument('values', loc);
      checkEditable(sheet, t.rect, 'structure', loc, 'allowInsertRows');
      const rows = insertTableRows(host.model, sheet, t, index ?? undefined, count, loc);
      let changes;
      if (Array.isArray(values)) {
        shapeAccessor(values, rows, loc);
        changes = writeContents(host.model, sheet, rows, values, loc);
      }
      host._recordWrite('values', sheet, rows, 'RangeEdited', changes);
      added = { table: t, index: rows.row - (t.rect.row + (t.showHeaders ? 1 : 0)) };
    });
    return new TableRow(this.context, () => added ?? null);
  }
  getItemAt(index: number): TableRow {
    return new TableRow(this.context, (host) => {
      const t = this._entity(host);
      if (!Number.isInteger(index) || index < 0 || index >= (bodyRect(t)?.rowCount ?? 0))
        throw invalidArgument('index', 'TableRowCollection.getItemAt');
      return { table: t, index };
    });
  }
}
defineProps(TableRowCollection, { count: { get: (t: TableModel) => bodyRect(t)?.rowCount ?? 0 } });

function rowRect(e: RowEntity): Rect {
  const b = bodyRect(e.table)!;
  return { row: b.row + e.index, col: b.col, rowCount: 1, colCount: b.colCount };
}

export class TableRow extends ClientObject<RowEntity> {
  static override typeName = 'TableRow';
  declare readonly index: number;
  declare values: unknown[][];
  getRange(): Range {
    return new Range(this.context, (host) => {
      const e = this._entity(host);
      return { sheet: sheetOf(host, e.table), rect: rowRect(e) };
    });
  }
  delete(): void {
    this._action('delete', null, (e, host) => {
      const sheet = sheetOf(host, e.table);
      const r = rowRect(e);
      host._shift(sheet, 'rows', r.row, -1, [r.col, lastCol(r)], r, 'TableRow.delete', 'addin');
    });
  }
}
defineProps(TableRow, {
  index: { get: (e: RowEntity) => e.index },
  values: {
    get: (e: RowEntity, host: ExcelHost) => {
      const r = rowRect(e);
      const sheet = sheetOf(host, e.table);
      return [Array.from({ length: r.colCount }, (_, j) => apiValue(host.model.getCell(sheet, r.row, r.col + j)))];
    },
    set: (e: RowEntity, v: unknown, host: ExcelHost) => {
      const r = rowRect(e);
      const sheet = sheetOf(host, e.table);
      checkEditable(sheet, r, 'contents', 'TableRow.values');
      const changes = writeContents(host.model, sheet, r, v, 'TableRow.values');
      host._recordWrite('values', sheet, r, 'RangeEdited', changes);
    },
  },
});

interface ColumnEntity {
  table: TableModel;
  index: number;
}

function columnRect(e: ColumnEntity, part: 'all' | 'header' | 'body'): Rect | null {
  const t = e.table;
  const base = part === 'all' ? t.rect : part === 'header' ? headerRect(t) : bodyRect(t);
  return base ? { ...base, col: t.rect.col + e.index, colCount: 1 } : null;
}

export class TableColumnCollection extends ClientCollection<TableColumn, TableModel, ColumnEntity> {
  static override typeName = 'TableColumnCollection';
  declare readonly count: number;
  _list(t: TableModel): ColumnEntity[] {
    return t.columns.map((_, index) => ({ table: t, index }));
  }
  _makeItem(item: ColumnEntity): TableColumn {
    return new TableColumn(this.context, () => item);
  }
  getItem(key: number | string): TableColumn {
    return new TableColumn(this.context, (host) => this._find(host, key, 'TableColumnCollection.getItem'));
  }
  getItemOrNullObject(key: number | string): TableColumn {
    return new TableColumn(this.context, (host) => this._find(host, key, null), true);
  }
  getItemAt(index: number): TableColumn {
    return new TableColumn(this.context, (host) => {
      const t = this._entity(host);
      if (!Number.isInteger(index) || index < 0 || index >= t.columns.length)
        throw invalidArgument('index', 'TableColumnCollection.getItemAt');
      return { table: t, index };
    });
  }
  private _find(host: ExcelHost, key: number | string, loc: string | null): ColumnEntity {
    const t = this._entity(host);
    const idx = typeof key === 'number' ? key - 1 : t.columns.findIndex((c) => c.toLowerCase() === String(key).toLowerCase());
    if (idx < 0 || idx >= t.columns.length) {
      if (loc === null) return null as unknown as ColumnEntity;
      throw richError('ItemNotFound', undefined, loc);
    }
    return { table: t, index: idx };
  }
}
defineProps(TableColumnCollection, { count: { get: (t: TableModel) => t.columns.length } });

export class TableColumn extends ClientObject<ColumnEntity> {
  static override typeName = 'TableColumn';
  declare readonly id: number;
  declare readonly index: number;
  declare name: string;
  declare values: unknown[][];
  private _part(member: string, part: 'all' | 'header' | 'body'): Range {
    return new Range(this.context, (host) => {
      const e = this._entity(host);
      const rect = columnRect(e, part);
      if (!rect) throw richError('ItemNotFound', undefined, `TableColumn.${member}`);
      return { sheet: sheetOf(host, e.table), rect };
    });
  }
  getRange(): Range {
    return this._part('getRange', 'all');
  }
  getHeaderRowRange(): Range {
    return this._part('getHeaderRowRange', 'header');
  }
  getDataBodyRange(): Range {
    return this._part('getDataBodyRange', 'body');
  }
}
defineProps(TableColumn, {
  id: { get: (e: ColumnEntity) => e.index + 1 },
  index: { get: (e: ColumnEntity) => e.index },
  name: {
    get: (e: ColumnEntity) => e.table.columns[e.index],
    set: (e: ColumnEntity, v: unknown, host: ExcelHost) => {
      const h = columnRect(e, 'header');
      if (!h || typeof v !== 'string') throw invalidArgument('name', 'TableColumn.name');
      const sheet = sheetOf(host, e.table);
      writeContents(host.model, sheet, h, [[v]], 'TableColumn.name');
      syncHeaders(host.model, sheet, h);
    },
  },
  values: {
    get: (e: ColumnEntity, host: ExcelHost) => {
      const r = columnRect(e, 'all')!;
      const sheet = sheetOf(host, e.table);
      return Array.from({ length: r.rowCount }, (_, i) => [apiValue(host.model.getCell(sheet, r.row + i, r.col))]);
    },
  },
});

export class TableSort extends ClientObject<TableModel> {
  static override typeName = 'TableSort';
  declare readonly fields: Array<{ key: number; ascending?: boolean }>;
  declare readonly matchCase: boolean;

  apply(rawFields: Array<{ key: number; ascending?: boolean }>, matchCase = false, _method?: string): void {
    this._api('apply');
    const fields = jsonRoundTrip(rawFields);
    this._action('apply', [fields, matchCase], (t, host) => {
      const loc = 'TableSort.apply';
      if (!Array.isArray(fields) || fields.length === 0) throw invalidArgument('fields', loc);
      const sheet = sheetOf(host, t);
      const body = bodyRect(t);
      if (!body) return;
      checkEditable(sheet, body, 'structure', loc, 'allowSort');
      if (sheet.protection.protected) checkEditable(sheet, body, 'contents', loc);
      sortRows(host.model, sheet, body, fields, matchCase, loc);
      t.props.sortFields = fields;
      t.props.sortMatchCase = matchCase;
      host._recordWrite('sort', sheet, body, 'RangeEdited');
    });
  }
  clear(): void {
    this._action('clear', null, (t) => {
      delete t.props.sortFields;
    });
  }
}
defineProps(TableSort, {
  fields: { get: (t: TableModel) => (t.props.sortFields as unknown[]) ?? [] },
  matchCase: { get: (t: TableModel) => t.props.sortMatchCase === true },
});

defineNavs(Table, {
  rows: (self: Table) => new TableRowCollection(self.context, (host) => self._entity(host)),
  columns: (self: Table) => new TableColumnCollection(self.context, (host) => self._entity(host)),
  sort: (self: Table) => new TableSort(self.context, (host) => self._entity(host)),
  worksheet: (self: Table) => rangeDeps.makeWorksheet!(self, (host) => sheetOf(host, self._entity(host))),
});
