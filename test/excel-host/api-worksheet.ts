/** Excel.Worksheet with protection, freeze panes and page layout. */
import { MAX_COLS, MAX_ROWS, Rect, formatRect, inGrid, lastCol, lastRow } from './addresses';
import { usedRect } from './cells';
import { EXCEL_ENUMS } from './enums';
import { invalidArgument, richError } from './errors';
import { EventHandlers } from './events';
import type { ExcelHost } from './host';
import { ClientObject, Resolver, defineNavs, defineProps, gateMethods } from './proxy';
import { requireApi } from './requirements';
import { VISIBILITY, checkBoolean, checkEnum, checkNumber, checkSheetName, normalizeColor } from './rules';
import { deleteSheet, moveSheet, renameSheet } from './structure';
import { jsonRoundTrip } from './values';
import { SheetModel } from './workbook-model';
import { Range, rangeDeps, rectArg } from './api-range';
import { TableCollection } from './api-table';
import { ChartCollection } from './api-chart';

function sheetResolver(id: string): Resolver<SheetModel> {
  return (host) => {
    const s = host.model.sheetById(id);
    if (!s) throw richError('ItemNotFound', undefined, 'Worksheet');
    return s;
  };
}

export class Worksheet extends ClientObject<SheetModel> {
  static override typeName = 'Worksheet';
  declare name: string;
  declare readonly id: string;
  declare position: number;
  declare visibility: string;
  declare tabColor: string;
  declare showGridlines: boolean;
  declare showHeadings: boolean;
  declare readonly tables: TableCollection;
  declare readonly charts: ChartCollection;
  declare readonly protection: WorksheetProtection;
  declare readonly freezePanes: WorksheetFreezePanes;
  declare readonly pageLayout: PageLayout;
  private _events: Record<string, EventHandlers> = {};

  protected override _pin(e: SheetModel): Resolver<SheetModel> {
    return sheetResolver(e.id);
  }

  private _handlers(
    member: 'onChanged' | 'onSelectionChanged' | 'onActivated',
    event: 'changed' | 'selectionChanged' | 'activated',
  ): EventHandlers {
    this._api(member);
    return (this._events[member] ??= new EventHandlers(this, `Worksheet.${member}`, event, (s: SheetModel) => ({
      kind: 'worksheet',
      sheetId: s.id,
    })));
  }
  get onChanged(): EventHandlers {
    return this._handlers('onChanged', 'changed');
  }
  get onSelectionChanged(): EventHandlers {
    return this._handlers('onSelectionChanged', 'selectionChanged');
  }
  get onActivated(): EventHandlers {
    return this._handlers('onActivated', 'activated');
  }

  private _range(member: string, f: (s: SheetModel, host: ExcelHost) => Rect | null, nullable = false): Range {
    const loc = `Worksheet.${member}`;
    return new Range(
      this.context,
      (host) => {
        const sheet = this._entity(host);
        const rect = f(sheet, host);
        if (rect === null) {
          if (nullable) return null;
          throw richError('ItemNotFound', undefined, loc);
        }
        if (!inGrid(rect)) throw invalidArgument(undefined, loc);
        return { sheet, rect };
      },
      nullable,
    );
  }

  getRange(address?: string): Range {
    if (address === undefined || address === null || address === '')
      return this._range('getRange', () => ({ row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLS }));
    if (typeof address !== 'string') throw invalidArgument('address', 'Worksheet.getRange');
    return this._range('getRange', (s, host) => rectArg(host, s, address, 'Worksheet.getRange'));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    this._api('getRangeByIndexes');
    return this._range('getRangeByIndexes', () => {
      for (const n of [startRow, startColumn, rowCount, columnCount])
        if (!Number.isInteger(n)) throw invalidArgument(undefined, 'Worksheet.getRangeByIndexes');
      return { row: startRow, col: startColumn, rowCount, colCount: columnCount };
    });
  }

  getCell(row: number, column: number): Range {
    return this._range('getCell', () => ({ row, col: column, rowCount: 1, colCount: 1 }));
  }

  getUsedRange(valuesOnly?: boolean): Range {
    if (valuesOnly !== undefined) requireApi(this._host.apiVersion, 'Worksheet.getUsedRange(valuesOnly)', '1.2');
    return this._range('getUsedRange', (s) => usedRect(s, valuesOnly === true) ?? { row: 0, col: 0, rowCount: 1, colCount: 1 });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    this._api('getUsedRangeOrNullObject');
    return this._range('getUsedRangeOrNullObject', (s) => usedRect(s, valuesOnly === true), true);
  }

  activate(): void {
    this._action('activate', null, (s, host) => host._activate(s, 'addin'));
  }

  delete(): void {
    this._action('delete', null, (s, host) => {
      deleteSheet(host.model, s, 'Worksheet.delete');
      host.events.raiseSimple(s, 'deleted', 'WorksheetDeleted', {}, 'addin');
    });
  }

  calculate(_markAllDirty?: boolean): void {
    this._action('calculate', null, () => undefined);
  }
}

defineProps(Worksheet, {
  name: {
    get: (s: SheetModel) => s.name,
    set: (s: SheetModel, v: unknown, host: ExcelHost) => {
      const others = host.model.sheets.filter((x) => x !== s).map((x) => x.name);
      renameSheet(host.model, s, checkSheetName(v, others, 'Worksheet.name'));
    },
  },
  id: { get: (s: SheetModel) => s.id },
  position: {
    get: (s: SheetModel, host: ExcelHost) => host.model.sheets.indexOf(s),
    set: (s: SheetModel, v: unknown, host: ExcelHost) => moveSheet(host.model, s, v as number, 'Worksheet.position'),
  },
  visibility: {
    get: (s: SheetModel) => s.visibility,
    set: (s: SheetModel, v: unknown, host: ExcelHost) =>
      host._setVisibility(s, checkEnum(v, VISIBILITY, 'visibility', 'Worksheet.visibility')),
  },
  tabColor: {
    get: (s: SheetModel) => s.tabColor,
    set: (s: SheetModel, v: unknown) => {
      s.tabColor = v === '' ? '' : normalizeColor(v, 'Worksheet.tabColor');
    },
  },
  showGridlines: {
    get: (s: SheetModel) => s.showGridlines,
    set: (s: SheetModel, v: unknown) => void (s.showGridlines = checkBoolean(v, 'showGridlines', 'Worksheet.showGridlines')),
  },
  showHeadings: {
    get: (s: SheetModel) => s.showHeadings,
    set: (s: SheetModel, v: unknown) => void (s.showHeadings = checkBoolean(v, 'showHeadings', 'Worksheet.showHeadings')),
  },
});

const PROTECTION_OPTIONS = [
  'allowAutoFilter',
  'allowDeleteColumns',
  'allowDeleteRows',
  'allowEditObjects',
  'allowEditScenarios',
  'allowFormatCells',
  'allowFormatColumns',
  'allowFormatRows',
  'allowInsertColumns',
  'allowInsertHyperlinks',
  'allowInsertRows',
  'allowPivotTables',
  'allowSort',
];

export class WorksheetProtection extends ClientObject<SheetModel> {
  static override typeName = 'WorksheetProtection';
  declare readonly protected: boolean;
  declare readonly options: Record<string, unknown>;

  protect(rawOptions?: Record<string, unknown>, password?: string): void {
    if (password !== undefined) this._api('protect');
    const options = jsonRoundTrip(rawOptions);
    this._action('protect', [options ?? null, password === undefined ? null : '***'], (s, host) => {
      const loc = 'WorksheetProtection.protect';
      if (host.failProtect === 'always' || (host.failProtect && s.protection.protected)) throw richError('AccessDenied', undefined, loc);
      if (s.protection.protected) return;
      const opts: Record<string, boolean | string> = {};
      for (const [k, v] of Object.entries(options ?? {})) {
        if (k === 'selectionMode') opts[k] = checkEnum(v, ['Normal', 'Unlocked', 'None'] as const, k, loc);
        else if (PROTECTION_OPTIONS.includes(k)) opts[k] = checkBoolean(v, k, loc);
        else throw invalidArgument(k, loc);
      }
      s.protection = { protected: true, options: opts, password: password ?? undefined };
    });
  }

  unprotect(password?: string): void {
    this._action('unprotect', [password === undefined ? null : '***'], (s, host) => {
      const loc = 'WorksheetProtection.unprotect';
      if (host.failProtect === 'always' || (host.failProtect && !s.protection.protected)) throw richError('AccessDenied', undefined, loc);
      if (!s.protection.protected) return;
      if (s.protection.password !== undefined && s.protection.password !== password) throw invalidArgument('password', loc);
      s.protection = { protected: false, options: {} };
    });
  }
}

defineProps(WorksheetProtection, {
  protected: { get: (s: SheetModel) => s.protection.protected },
  options: {
    get: (s: SheetModel) => {
      const out: Record<string, unknown> = { selectionMode: 'Normal' };
      for (const k of PROTECTION_OPTIONS) out[k] = s.protection.options[k] === true;
      if (s.protection.options.selectionMode) out.selectionMode = s.protection.options.selectionMode;
      return out;
    },
  },
});

export class WorksheetFreezePanes extends ClientObject<SheetModel> {
  static override typeName = 'WorksheetFreezePanes';

  freezeRows(count = 1): void {
    this._action('freezeRows', [count], (s) => {
      s.freeze = { rows: checkNumber(count, 'count', 'WorksheetFreezePanes.freezeRows', 0, MAX_ROWS - 1), cols: 0 };
    });
  }
  freezeColumns(count = 1): void {
    this._action('freezeColumns', [count], (s) => {
      s.freeze = { rows: 0, cols: checkNumber(count, 'count', 'WorksheetFreezePanes.freezeColumns', 0, MAX_COLS - 1) };
    });
  }
  freezeAt(frozenRange: Range | string): void {
    this._sameContext(frozenRange, 'WorksheetFreezePanes.freezeAt');
    this._action('freezeAt', [typeof frozenRange === 'string' ? frozenRange : '<range>'], (s, host) => {
      const r = rectArg(host, s, frozenRange, 'WorksheetFreezePanes.freezeAt');
      s.freeze = { rows: r.rowCount === MAX_ROWS ? 0 : lastRow(r) + 1, cols: r.colCount === MAX_COLS ? 0 : lastCol(r) + 1 };
    });
  }
  unfreeze(): void {
    this._action('unfreeze', null, (s) => void (s.freeze = { rows: 0, cols: 0 }));
  }
  private _location(nullable: boolean): Range {
    return new Range(
      this.context,
      (host) => {
        const s = this._entity(host);
        const { rows, cols } = s.freeze;
        if (!rows && !cols) {
          if (nullable) return null;
          throw richError('ItemNotFound', undefined, 'WorksheetFreezePanes.getLocation');
        }
        const rect: Rect = {
          row: 0,
          col: 0,
          rowCount: rows || MAX_ROWS,
          colCount: cols || MAX_COLS,
        };
        return { sheet: s, rect };
      },
      nullable,
    );
  }
  getLocation(): Range {
    return this._location(false);
  }
  getLocationOrNullObject(): Range {
    return this._location(true);
  }
}

gateMethods(WorksheetFreezePanes);

const PAGE_LAYOUT_ENUMS: Record<string, readonly string[]> = {
  orientation: ['Portrait', 'Landscape'],
  printComments: ['NoComments', 'EndSheet', 'InPlace'],
  printErrors: ['AsDisplayed', 'Blank', 'Dash', 'NotAvailable'],
  printOrder: ['DownThenOver', 'OverThenDown'],
};
const PAGE_LAYOUT_BOOLEANS = ['blackAndWhite', 'centerHorizontally', 'centerVertically', 'draftMode', 'printGridlines', 'printHeadings'];
const PAGE_LAYOUT_NUMBERS = ['bottomMargin', 'footerMargin', 'headerMargin', 'leftMargin', 'rightMargin', 'topMargin'];

function pageProp(name: string) {
  const loc = `PageLayout.${name}`;
  return {
    get: (s: SheetModel) =>
      s.pageLayout[name] ??
      (name === 'orientation'
        ? 'Portrait'
        : name === 'paperSize'
          ? 'Letter'
          : PAGE_LAYOUT_BOOLEANS.includes(name)
            ? false
            : name === 'zoom'
              ? { scale: 100 }
              : null),
    set: (s: SheetModel, v: unknown) => {
      let value: unknown = v;
      if (name in PAGE_LAYOUT_ENUMS) value = checkEnum(v, PAGE_LAYOUT_ENUMS[name], name, loc);
      else if (PAGE_LAYOUT_BOOLEANS.includes(name)) value = checkBoolean(v, name, loc);
      else if (PAGE_LAYOUT_NUMBERS.includes(name)) value = checkNumber(v, name, loc, 0);
      else if (name === 'paperSize') value = checkEnum(v, Object.values(EXCEL_ENUMS.PaperType), name, loc);
      else if (name === 'zoom') {
        const z = v as Record<string, unknown>;
        if (!z || typeof z !== 'object') throw invalidArgument(name, loc);
        if (z.scale !== undefined) checkNumber(z.scale, 'scale', loc, 10, 400);
      }
      s.pageLayout[name] = value;
    },
  };
}

export class PageLayout extends ClientObject<SheetModel> {
  static override typeName = 'PageLayout';
  declare orientation: string;
  declare paperSize: string;
  declare zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };

  private _rowsOrCols(member: string, key: string, arg: Range | string, rows: boolean): void {
    this._sameContext(arg, `PageLayout.${member}`);
    this._action(member, [typeof arg === 'string' ? arg : '<range>'], (s, host) => {
      const r = rectArg(host, s, arg, `PageLayout.${member}`);
      const whole: Rect = rows
        ? { row: r.row, rowCount: r.rowCount, col: 0, colCount: MAX_COLS }
        : { row: 0, rowCount: MAX_ROWS, col: r.col, colCount: r.colCount };
      s.pageLayout[key] = formatRect(whole, true);
    });
  }
  setPrintTitleRows(titleRows: Range | string): void {
    this._rowsOrCols('setPrintTitleRows', 'printTitleRows', titleRows, true);
  }
  setPrintTitleColumns(titleColumns: Range | string): void {
    this._rowsOrCols('setPrintTitleColumns', 'printTitleColumns', titleColumns, false);
  }
  setPrintArea(printArea: Range | string): void {
    this._sameContext(printArea, 'PageLayout.setPrintArea');
    this._action('setPrintArea', [typeof printArea === 'string' ? printArea : '<range>'], (s, host) => {
      s.pageLayout.printArea = formatRect(rectArg(host, s, printArea, 'PageLayout.setPrintArea'), true);
    });
  }
  setPrintMargins(unit: string, marginOptions: Record<string, number>): void {
    this._action('setPrintMargins', [unit, marginOptions], (s) => {
      checkEnum(unit, ['Points', 'Inches', 'Centimeters'] as const, 'unit', 'PageLayout.setPrintMargins');
      const factor = unit === 'Inches' ? 72 : unit === 'Centimeters' ? 72 / 2.54 : 1;
      for (const [k, v] of Object.entries(marginOptions ?? {})) {
        const key = `${k}Margin`.replace('MarginMargin', 'Margin');
        if (!PAGE_LAYOUT_NUMBERS.includes(key)) throw invalidArgument(k, 'PageLayout.setPrintMargins');
        s.pageLayout[key] = checkNumber(v, k, 'PageLayout.setPrintMargins', 0) * factor;
      }
    });
  }
  private _stored(key: string): Range {
    return new Range(
      this.context,
      (host) => {
        const s = this._entity(host);
        const a = s.pageLayout[key];
        return typeof a === 'string' ? { sheet: s, rect: rectArg(host, s, a, `PageLayout.${key}`) } : null;
      },
      true,
    );
  }
  getPrintTitleRowsOrNullObject(): Range {
    return this._stored('printTitleRows');
  }
  getPrintTitleColumnsOrNullObject(): Range {
    return this._stored('printTitleColumns');
  }
  getPrintAreaOrNullObject(): Range {
    return this._stored('printArea');
  }
}
/** PageLayout.headersFooters (1.9): header/footer texts, recorded in the sheet's pageLayout under "<group>.<part>". */
const HEADER_FOOTER_PARTS = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'];
export class HeaderFooter extends ClientObject<{ sheet: SheetModel; group: string }> {
  static override typeName = 'HeaderFooter';
}
defineProps(
  HeaderFooter,
  Object.fromEntries(
    HEADER_FOOTER_PARTS.map((n) => [
      n,
      {
        get: (e: { sheet: SheetModel; group: string }) => (e.sheet.pageLayout[`${e.group}.${n}`] as string | undefined) ?? '',
        set: (e: { sheet: SheetModel; group: string }, v: unknown) => {
          if (typeof v !== 'string') throw invalidArgument(n, `HeaderFooter.${n}`);
          e.sheet.pageLayout[`${e.group}.${n}`] = v;
        },
      },
    ]),
  ) as never,
);
export class HeaderFooterGroup extends ClientObject<SheetModel> {
  static override typeName = 'HeaderFooterGroup';
}
defineNavs(
  HeaderFooterGroup,
  Object.fromEntries(
    ['defaultForAllPages', 'firstPage', 'evenPages', 'oddPages'].map((g) => [
      g,
      (self: HeaderFooterGroup) => new HeaderFooter(self.context, (host) => ({ sheet: self._entity(host), group: g })),
    ]),
  ) as never,
);

defineProps(
  PageLayout,
  Object.fromEntries(
    ['orientation', 'paperSize', 'zoom', ...PAGE_LAYOUT_BOOLEANS, ...PAGE_LAYOUT_NUMBERS, 'printComments', 'printErrors', 'printOrder'].map(
      (n) => [n, pageProp(n)],
    ),
  ),
);

defineNavs(Worksheet, {
  tables: (self: Worksheet) => new TableCollection(self.context, (host) => ({ model: host.model, sheet: self._entity(host) })),
  charts: (self: Worksheet) => new ChartCollection(self.context, (host) => self._entity(host)),
  protection: (self: Worksheet) => new WorksheetProtection(self.context, (host) => self._entity(host)),
  freezePanes: (self: Worksheet) => new WorksheetFreezePanes(self.context, (host) => self._entity(host)),
  pageLayout: (self: Worksheet) => new PageLayout(self.context, (host) => self._entity(host)),
});

defineNavs(PageLayout, {
  headersFooters: (self: PageLayout) => new HeaderFooterGroup(self.context, (host) => self._entity(host)),
});

rangeDeps.makeWorksheet = (r: ClientObject, resolve: Resolver<SheetModel>) => new Worksheet(r.context, resolve);

export function worksheetById(ctx: ClientObject['context'], id: string): Worksheet {
  return new Worksheet(ctx, sheetResolver(id));
}
