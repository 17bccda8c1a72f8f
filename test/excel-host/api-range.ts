/** Excel.Range (and RangeAreas): values/formulas/formats, navigation, insert/delete, merge, selection. */
import {
  MAX_COLS,
  MAX_ROWS,
  Rect,
  cellCount,
  inGrid,
  intersect,
  isEntireCols,
  isEntireRows,
  lastCol,
  lastRow,
  parseLocalAddress,
  qualifiedAddress,
  splitSheet,
} from './addresses';
import { checkEditable, clearContents, clearFormats, shapeAccessor, usedRect, writeContents, writeNumberFormat } from './cells';
import { invalidArgument, richError } from './errors';
import type { ExcelHost } from './host';
import { formatCellText } from './number-format';
import { ClientCollection, ClientObject, ClientResult, Resolver, defineNavs, defineProps } from './proxy';
import { requireApi } from './requirements';
import { checkEnum } from './rules';
import { cellsIn, effectiveStyle } from './styles';
import { syncHeaders } from './tables-model';
import { apiFormula, apiValue, jsonRoundTrip, valueTypeOf } from './values';
import { SheetModel } from './workbook-model';
import { RangeFormat, cellPropertiesOf, applyCellProperties } from './api-format';
import { DataValidation } from './api-validation';
import type { Worksheet } from './api-worksheet';

export interface RangeEntity {
  sheet: SheetModel;
  rect: Rect;
}

/** Set by api-worksheet to break the module cycle. */
export const rangeDeps: { makeWorksheet?: (r: ClientObject, resolve: Resolver<SheetModel>) => Worksheet } = {};

function grid2<T>(rect: Rect, f: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rect.rowCount; i++) {
    const row: T[] = [];
    for (let j = 0; j < rect.colCount; j++) row.push(f(rect.row + i, rect.col + j));
    out.push(row);
  }
  return out;
}

/** Resolves a Range-or-address argument to a rectangle on `sheet` (other sheets: InvalidArgument). */
export function rectArg(host: ExcelHost, sheet: SheetModel, arg: unknown, location: string): Rect {
  if (arg instanceof Range) {
    const e = arg._entity(host);
    if (e.sheet !== sheet) throw invalidArgument('anotherRange', location);
    return e.rect;
  }
  if (typeof arg === 'string') {
    const { sheet: sn, local } = splitSheet(arg);
    if (sn !== undefined && sn.toLowerCase() !== sheet.name.toLowerCase()) throw invalidArgument('address', location);
    const rect = parseLocalAddress(local);
    if (rect) return rect;
    const named = host.model.findName(arg);
    if (named) {
      const target = host._nameTarget(named);
      if (target && target.sheet === sheet) return target.rect;
    }
  }
  throw invalidArgument('address', location);
}

function contentWrite(member: string) {
  return (e: RangeEntity, v: unknown, host: ExcelHost) => {
    const loc = `Range.${member}`;
    checkEditable(e.sheet, e.rect, 'contents', loc);
    const changes = writeContents(host.model, e.sheet, e.rect, v, loc);
    syncHeaders(host.model, e.sheet, e.rect);
    host._recordWrite(member, e.sheet, e.rect, 'RangeEdited', changes);
  };
}

export class Range extends ClientObject<RangeEntity> {
  static override typeName = 'Range';
  declare values: any[][];
  declare formulas: any[][];
  declare formulasLocal: any[][];
  declare numberFormat: any[][];
  declare numberFormatLocal: any[][];
  declare readonly text: string[][];
  declare readonly valueTypes: string[][];
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly cellCount: number;
  declare readonly isEntireRow: boolean;
  declare readonly isEntireColumn: boolean;
  declare readonly hidden: boolean;
  declare rowHidden: boolean;
  declare columnHidden: boolean;
  declare readonly format: RangeFormat;
  declare readonly dataValidation: DataValidation;
  declare readonly worksheet: Worksheet;

  protected override _pin(e: RangeEntity): Resolver<RangeEntity> {
    const id = e.sheet.id;
    const rect = e.rect;
    return (host) => {
      const sheet = host.model.sheetById(id);
      if (!sheet) throw richError('ItemNotFound', undefined, 'Range');
      return { sheet, rect };
    };
  }

  /** A range derived from this one at sync time; `nullable` gives *OrNullObject semantics. */
  _derive(member: string, f: (e: RangeEntity, host: ExcelHost) => Rect | null, nullable = false): Range {
    const loc = `Range.${member}`;
    return new Range(
      this.context,
      (host) => {
        const e = this._entity(host);
        const rect = f(e, host);
        if (rect === null) {
          if (nullable) return null;
          throw richError('ItemNotFound', undefined, loc);
        }
        if (!inGrid(rect)) throw invalidArgument(undefined, loc);
        return { sheet: e.sheet, rect };
      },
      nullable,
    );
  }

  getCell(row: number, column: number): Range {
    return this._derive('getCell', (e) => ({ row: e.rect.row + row, col: e.rect.col + column, rowCount: 1, colCount: 1 }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this._derive('getOffsetRange', (e) => ({ ...e.rect, row: e.rect.row + rowOffset, col: e.rect.col + columnOffset }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    this._api('getResizedRange');
    return this._derive('getResizedRange', (e) => ({
      ...e.rect,
      rowCount: e.rect.rowCount + deltaRows,
      colCount: e.rect.colCount + deltaColumns,
    }));
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): Range {
    this._api('getAbsoluteResizedRange');
    return this._derive('getAbsoluteResizedRange', (e) => ({ ...e.rect, rowCount: numRows, colCount: numColumns }));
  }
  getRow(row: number): Range {
    return this._derive('getRow', (e) => {
      if (row < 0 || row >= e.rect.rowCount) throw invalidArgument('row', 'Range.getRow');
      return { ...e.rect, row: e.rect.row + row, rowCount: 1 };
    });
  }
  getColumn(column: number): Range {
    return this._derive('getColumn', (e) => {
      if (column < 0 || column >= e.rect.colCount) throw invalidArgument('column', 'Range.getColumn');
      return { ...e.rect, col: e.rect.col + column, colCount: 1 };
    });
  }
  getEntireRow(): Range {
    return this._derive('getEntireRow', (e) => ({ row: e.rect.row, rowCount: e.rect.rowCount, col: 0, colCount: MAX_COLS }));
  }
  getEntireColumn(): Range {
    return this._derive('getEntireColumn', (e) => ({ row: 0, rowCount: MAX_ROWS, col: e.rect.col, colCount: e.rect.colCount }));
  }
  getLastCell(): Range {
    return this._derive('getLastCell', (e) => ({ row: lastRow(e.rect), col: lastCol(e.rect), rowCount: 1, colCount: 1 }));
  }
  getLastRow(): Range {
    return this._derive('getLastRow', (e) => ({ ...e.rect, row: lastRow(e.rect), rowCount: 1 }));
  }
  getLastColumn(): Range {
    return this._derive('getLastColumn', (e) => ({ ...e.rect, col: lastCol(e.rect), colCount: 1 }));
  }
  getRowsAbove(count = 1): Range {
    this._api('getRowsAbove');
    return this._derive('getRowsAbove', (e) => ({ ...e.rect, row: e.rect.row - count, rowCount: count }));
  }
  getRowsBelow(count = 1): Range {
    this._api('getRowsBelow');
    return this._derive('getRowsBelow', (e) => ({ ...e.rect, row: lastRow(e.rect) + 1, rowCount: count }));
  }
  getColumnsBefore(count = 1): Range {
    this._api('getColumnsBefore');
    return this._derive('getColumnsBefore', (e) => ({ ...e.rect, col: e.rect.col - count, colCount: count }));
  }
  getColumnsAfter(count = 1): Range {
    this._api('getColumnsAfter');
    return this._derive('getColumnsAfter', (e) => ({ ...e.rect, col: lastCol(e.rect) + 1, colCount: count }));
  }
  getBoundingRect(anotherRange: Range | string): Range {
    this._sameContext(anotherRange, 'Range.getBoundingRect');
    return this._derive('getBoundingRect', (e, host) => {
      const o = rectArg(host, e.sheet, anotherRange, 'Range.getBoundingRect');
      const row = Math.min(e.rect.row, o.row);
      const col = Math.min(e.rect.col, o.col);
      return {
        row,
        col,
        rowCount: Math.max(lastRow(e.rect), lastRow(o)) - row + 1,
        colCount: Math.max(lastCol(e.rect), lastCol(o)) - col + 1,
      };
    });
  }
  getIntersection(anotherRange: Range | string): Range {
    this._sameContext(anotherRange, 'Range.getIntersection');
    return this._derive('getIntersection', (e, host) => {
      const i = intersect(e.rect, rectArg(host, e.sheet, anotherRange, 'Range.getIntersection'));
      if (!i) throw invalidArgument('anotherRange', 'Range.getIntersection');
      return i;
    });
  }
  getIntersectionOrNullObject(anotherRange: Range | string): Range {
    this._api('getIntersectionOrNullObject');
    this._sameContext(anotherRange, 'Range.getIntersectionOrNullObject');
    return this._derive(
      'getIntersectionOrNullObject',
      (e, host) => intersect(e.rect, rectArg(host, e.sheet, anotherRange, 'Range.getIntersectionOrNullObject')),
      true,
    );
  }
  getUsedRange(valuesOnly?: boolean): Range {
    if (valuesOnly !== undefined) requireApi(this._host.apiVersion, 'Range.getUsedRange(valuesOnly)', '1.2');
    return this._derive('getUsedRange', (e) => {
      const u = usedRect(e.sheet, valuesOnly === true);
      return u ? intersect(u, e.rect) : null;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    this._api('getUsedRangeOrNullObject');
    return this._derive(
      'getUsedRangeOrNullObject',
      (e) => {
        const u = usedRect(e.sheet, valuesOnly === true);
        return u ? intersect(u, e.rect) : null;
      },
      true,
    );
  }

  /** Inserts cells here, shifting existing ones down/right; returns the inserted range. */
  insert(shift: string): Range {
    const dir = checkEnum(shift, ['Down', 'Right'] as const, 'shift', 'Range.insert');
    this._action('insert', [shift], (e, host) => {
      const loc = 'Range.insert';
      const rows = dir === 'Down';
      if ((isEntireRows(e.rect) && !rows) || (isEntireCols(e.rect) && rows && !isEntireRows(e.rect))) throw invalidArgument('shift', loc);
      const entire = rows ? isEntireRows(e.rect) : isEntireCols(e.rect);
      checkEditable(e.sheet, e.rect, 'structure', loc, entire ? (rows ? 'allowInsertRows' : 'allowInsertColumns') : undefined);
      host._shift(
        e.sheet,
        rows ? 'rows' : 'cols',
        rows ? e.rect.row : e.rect.col,
        rows ? e.rect.rowCount : e.rect.colCount,
        rows ? [e.rect.col, lastCol(e.rect)] : [e.rect.row, lastRow(e.rect)],
        e.rect,
        loc,
        'addin',
      );
    });
    return this._derive('insert', (e) => e.rect);
  }

  delete(shift: string): void {
    const dir = checkEnum(shift, ['Up', 'Left'] as const, 'shift', 'Range.delete');
    this._action('delete', [shift], (e, host) => {
      const loc = 'Range.delete';
      const rows = dir === 'Up';
      if ((isEntireRows(e.rect) && !rows) || (isEntireCols(e.rect) && rows && !isEntireRows(e.rect))) throw invalidArgument('shift', loc);
      const entire = rows ? isEntireRows(e.rect) : isEntireCols(e.rect);
      checkEditable(e.sheet, e.rect, 'structure', loc, entire ? (rows ? 'allowDeleteRows' : 'allowDeleteColumns') : undefined);
      if (e.sheet.protection.protected) checkEditable(e.sheet, e.rect, 'contents', loc);
      host._shift(
        e.sheet,
        rows ? 'rows' : 'cols',
        rows ? e.rect.row : e.rect.col,
        -(rows ? e.rect.rowCount : e.rect.colCount),
        rows ? [e.rect.col, lastCol(e.rect)] : [e.rect.row, lastRow(e.rect)],
        e.rect,
        loc,
        'addin',
      );
    });
  }

  clear(applyTo: string = 'All'): void {
    const what = checkEnum(
      applyTo,
      ['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents'] as const,
      'applyTo',
      'Range.clear',
    );
    this._action('clear', [applyTo], (e, host) => {
      const loc = 'Range.clear';
      if (what === 'All' || what === 'Contents' || what === 'ResetContents') {
        checkEditable(e.sheet, e.rect, 'contents', loc);
        const changes = clearContents(host.model, e.sheet, e.rect);
        host._recordWrite('clear', e.sheet, e.rect, 'RangeEdited', changes);
      }
      if (what === 'All' || what === 'Formats') {
        checkEditable(e.sheet, e.rect, 'format', loc);
        clearFormats(host.model, e.sheet, e.rect);
        e.sheet.merges = e.sheet.merges.filter((m) => !intersect(m, e.rect));
        host._recordWrite('clearFormats', e.sheet, e.rect);
      }
    });
  }

  merge(across = false): void {
    this._api('merge');
    this._action('merge', [across], (e, host) => {
      const loc = 'Range.merge';
      checkEditable(e.sheet, e.rect, 'structure', loc);
      if (host.model.tablesOn(e.sheet.id).some((t) => intersect(t.rect, e.rect)))
        throw richError('InvalidOperation', 'Cannot merge cells in a table.', loc);
      const areas: Rect[] = across
        ? Array.from({ length: e.rect.rowCount }, (_, i) => ({ ...e.rect, row: e.rect.row + i, rowCount: 1 }))
        : [e.rect];
      for (const a0 of areas) {
        let a = a0;
        for (const m of e.sheet.merges.filter((x) => intersect(x, a))) {
          const row = Math.min(a.row, m.row);
          const col = Math.min(a.col, m.col);
          a = { row, col, rowCount: Math.max(lastRow(a), lastRow(m)) - row + 1, colCount: Math.max(lastCol(a), lastCol(m)) - col + 1 };
        }
        e.sheet.merges = e.sheet.merges.filter((x) => !intersect(x, a));
        if (cellCount(a) < 2) continue;
        e.sheet.merges.push(a);
        // Excel keeps only the upper-left value of a merged area.
        for (const [r, c, cell] of [...cellsIn(e.sheet, a)]) {
          if (r === a.row && c === a.col) continue;
          cell.v = null;
          delete cell.err;
          delete cell.f;
          host.model.dropIfEmpty(e.sheet, r, c);
        }
      }
      host._recordWrite('merge', e.sheet, e.rect);
    });
  }

  unmerge(): void {
    this._api('unmerge');
    this._action('unmerge', null, (e, host) => {
      checkEditable(e.sheet, e.rect, 'structure', 'Range.unmerge');
      e.sheet.merges = e.sheet.merges.filter((m) => !intersect(m, e.rect));
      host._recordWrite('unmerge', e.sheet, e.rect);
    });
  }

  getMergedAreasOrNullObject(): RangeAreas {
    this._api('getMergedAreasOrNullObject');
    return new RangeAreas(
      this.context,
      (host) => {
        const e = this._entity(host);
        const areas = e.sheet.merges.filter((m) => intersect(m, e.rect));
        return areas.length ? { sheet: e.sheet, areas } : null;
      },
      true,
    );
  }

  select(): void {
    this._action('select', null, (e, host) => host._select(e.sheet, e.rect, 'addin'));
  }

  calculate(): void {
    this._action('calculate', null, () => undefined);
  }

  getCellProperties(options: Record<string, unknown>): ClientResult<Array<Array<Record<string, unknown>>>> {
    this._api('getCellProperties');
    const cellPropertiesLoadOptions = jsonRoundTrip(options);
    return this._result('getCellProperties', cellPropertiesLoadOptions, (e) =>
      grid2(e.rect, (r, c) => cellPropertiesOf(e.sheet, r, c, cellPropertiesLoadOptions ?? {})),
    );
  }

  setCellProperties(data: Array<Array<Record<string, unknown> | null>>): void {
    this._api('setCellProperties');
    const cellPropertiesData = jsonRoundTrip(data);
    this._action('setCellProperties', cellPropertiesData, (e, host) => {
      const loc = 'Range.setCellProperties';
      if (!Array.isArray(cellPropertiesData)) throw invalidArgument('cellPropertiesData', loc);
      const get = shapeAccessor(cellPropertiesData, e.rect, loc);
      checkEditable(e.sheet, e.rect, 'format', loc);
      for (let i = 0; i < e.rect.rowCount; i++)
        for (let j = 0; j < e.rect.colCount; j++) {
          const p = get(i, j) as Record<string, unknown> | null;
          if (p) applyCellProperties(host, e.sheet, { row: e.rect.row + i, col: e.rect.col + j, rowCount: 1, colCount: 1 }, p, loc);
        }
      host._recordWrite('format', e.sheet, e.rect);
    });
  }
}

defineProps(Range, {
  values: {
    get: (e: RangeEntity, host: ExcelHost) => grid2(e.rect, (r, c) => apiValue(host.model.getCell(e.sheet, r, c))),
    set: contentWrite('values'),
  },
  formulas: {
    get: (e: RangeEntity, host: ExcelHost) => grid2(e.rect, (r, c) => apiFormula(host.model.getCell(e.sheet, r, c))),
    set: contentWrite('formulas'),
  },
  formulasLocal: {
    get: (e: RangeEntity, host: ExcelHost) => grid2(e.rect, (r, c) => apiFormula(host.model.getCell(e.sheet, r, c))),
    set: contentWrite('formulasLocal'),
  },
  numberFormat: {
    get: (e: RangeEntity) => grid2(e.rect, (r, c) => effectiveStyle(e.sheet, r, c, 'nf')),
    set: (e: RangeEntity, v: unknown, host: ExcelHost) => {
      checkEditable(e.sheet, e.rect, 'format', 'Range.numberFormat');
      writeNumberFormat(host.model, e.sheet, e.rect, v, 'Range.numberFormat');
      host._recordWrite('numberFormat', e.sheet, e.rect);
    },
  },
  numberFormatLocal: {
    get: (e: RangeEntity) => grid2(e.rect, (r, c) => effectiveStyle(e.sheet, r, c, 'nf')),
    set: (e: RangeEntity, v: unknown, host: ExcelHost) => {
      checkEditable(e.sheet, e.rect, 'format', 'Range.numberFormatLocal');
      writeNumberFormat(host.model, e.sheet, e.rect, v, 'Range.numberFormatLocal');
      host._recordWrite('numberFormat', e.sheet, e.rect);
    },
  },
  text: {
    get: (e: RangeEntity, host: ExcelHost) =>
      grid2(e.rect, (r, c) => formatCellText(host.model.getCell(e.sheet, r, c), String(effectiveStyle(e.sheet, r, c, 'nf')))),
  },
  valueTypes: { get: (e: RangeEntity, host: ExcelHost) => grid2(e.rect, (r, c) => valueTypeOf(host.model.getCell(e.sheet, r, c))) },
  address: { get: (e: RangeEntity) => qualifiedAddress(e.sheet.name, e.rect) },
  addressLocal: { get: (e: RangeEntity) => qualifiedAddress(e.sheet.name, e.rect) },
  rowIndex: { get: (e: RangeEntity) => e.rect.row },
  columnIndex: { get: (e: RangeEntity) => e.rect.col },
  rowCount: { get: (e: RangeEntity) => e.rect.rowCount },
  columnCount: { get: (e: RangeEntity) => e.rect.colCount },
  cellCount: { get: (e: RangeEntity) => cellCount(e.rect) },
  isEntireRow: { get: (e: RangeEntity) => isEntireRows(e.rect) },
  isEntireColumn: { get: (e: RangeEntity) => isEntireCols(e.rect) },
  hidden: {
    get: (e: RangeEntity) => {
      for (let r = e.rect.row; r <= lastRow(e.rect); r++)
        if (!e.sheet.hiddenRows.has(r)) {
          for (let c = e.rect.col; c <= lastCol(e.rect); c++) if (!e.sheet.hiddenCols.has(c)) return false;
        }
      return true;
    },
  },
  rowHidden: {
    get: (e: RangeEntity) => {
      for (let r = e.rect.row; r <= lastRow(e.rect); r++) if (!e.sheet.hiddenRows.has(r)) return false;
      return true;
    },
    set: (e: RangeEntity, v: unknown) => {
      if (typeof v !== 'boolean') throw invalidArgument('rowHidden', 'Range.rowHidden');
      checkEditable(e.sheet, e.rect, 'format', 'Range.rowHidden', 'allowFormatRows');
      for (let r = e.rect.row; r <= lastRow(e.rect); r++) {
        if (v) e.sheet.hiddenRows.add(r);
        else e.sheet.hiddenRows.delete(r);
      }
    },
  },
  columnHidden: {
    get: (e: RangeEntity) => {
      for (let c = e.rect.col; c <= lastCol(e.rect); c++) if (!e.sheet.hiddenCols.has(c)) return false;
      return true;
    },
    set: (e: RangeEntity, v: unknown) => {
      if (typeof v !== 'boolean') throw invalidArgument('columnHidden', 'Range.columnHidden');
      checkEditable(e.sheet, e.rect, 'format', 'Range.columnHidden', 'allowFormatColumns');
      for (let c = e.rect.col; c <= lastCol(e.rect); c++) {
        if (v) e.sheet.hiddenCols.add(c);
        else e.sheet.hiddenCols.delete(c);
      }
    },
  },
});

defineNavs(Range, {
  format: (self: Range) => new RangeFormat(self.context, (host) => self._entity(host)),
  dataValidation: (self: Range) => new DataValidation(self.context, (host) => self._entity(host)),
  worksheet: (self: Range) => rangeDeps.makeWorksheet!(self, (host) => self._entity(host).sheet),
});

export interface RangeAreasEntity {
  sheet: SheetModel;
  areas: Rect[];
}

/** Excel.RangeAreas (only what getMergedAreasOrNullObject needs). */
export class RangeAreas extends ClientObject<RangeAreasEntity> {
  static override typeName = 'RangeAreas';
  declare readonly address: string;
  declare readonly areaCount: number;
  declare readonly cellCount: number;
  declare readonly areas: RangeCollection;
}
defineProps(RangeAreas, {
  address: { get: (e: RangeAreasEntity) => e.areas.map((a) => qualifiedAddress(e.sheet.name, a)).join(',') },
  areaCount: { get: (e: RangeAreasEntity) => e.areas.length },
  cellCount: { get: (e: RangeAreasEntity) => e.areas.reduce((n, a) => n + cellCount(a), 0) },
});

export class RangeCollection extends ClientCollection<Range, RangeAreasEntity, RangeEntity> {
  static override typeName = 'RangeCollection';
  _list(e: RangeAreasEntity): RangeEntity[] {
    return e.areas.map((rect) => ({ sheet: e.sheet, rect }));
  }
  _makeItem(item: RangeEntity): Range {
    return new Range(this.context, () => item);
  }
}
defineNavs(RangeAreas, {
  areas: (self: RangeAreas) => new RangeCollection(self.context, (host) => self._entity(host)),
});
