/**
 * ExcelHost: one in-memory workbook plus the machinery office-js talks to (sync execution, counters, events),
 * simulated user actions (host.userEdit, ...) and inspection helpers that read the model directly.
 */
import { MAX_COLS, MAX_ROWS, Rect, cellCount, formatRect, lastCol, lettersToCol, parseAddress, qualifiedAddress } from './addresses';
import { checkEditable, putCell, writeContents } from './cells';
import { RequestContext } from './context';
import { HostUsageError, RichApiError, invalidArgument, richError } from './errors';
import { ChangeInput, EventHub, FiredEvent, FlushOptions } from './events';
import { formatCellText } from './number-format';
import { ClientObject, LoadResult, QueuedOp, utf8Length } from './proxy';
import { ApiVersion, SUPPORTED_VERSIONS } from './requirements';
import { checkSheetName } from './rules';
import { WorkbookSnapshot, loadModel, saveModel } from './snapshot';
import { applyShift, checkShift, deleteSheet, moveSheet, renameSheet } from './structure';
import { effectiveStyle, readBorder } from './styles';
import { describeTable, bodyRect, sortRows, syncHeaders } from './tables-model';
import { isValidValue, ruleType, validationAt } from './validation';
import { CellScalar, apiFormula, apiValue, convertInput, isErrorLiteral, valueTypeOf } from './values';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, NameModel, SheetModel, WorkbookModel } from './workbook-model';
import { nameTarget } from './api-workbook';

export interface ExcelHostOptions {
  /** ExcelApi requirement set the simulated Excel supports (default '1.8'). */
  apiVersion?: ApiVersion;
  /** Request payload limit per sync (default 5 MB, Excel on the web). */
  maxRequestBytes?: number;
  /** Response payload limit per sync (default 5 MB, Excel on the web). */
  maxResponseBytes?: number;
  /** A snapshot from host.save(): reopens that workbook. */
  state?: WorkbookSnapshot;
  /** Office.onReady() platform (default 'PC'). */
  platform?: string;
  /** Office.context.displayLanguage (default 'zh-CN'). */
  displayLanguage?: string;
  workbookName?: string;
}

export interface WriteRecord {
  /** Number of the sync (host.syncCount at the time) that applied the write. */
  sync: number;
  kind: string;
  sheet?: string;
  sheetId?: string;
  address?: string;
  cells: number;
}

export interface CellInfo {
  value: CellScalar;
  valueType: string;
  text: string;
  formula?: string;
  numberFormat: string;
  /** null when the cell has no fill (the API reports '#FFFFFF' for that). */
  fill: string | null;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  fontSize: number;
  fontName: string;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  borders: Record<string, { style: string; color: string; weight: string }>;
  locked: boolean;
  validation: { type: string; rule: unknown; ignoreBlanks: boolean; errorAlert: unknown; prompt: unknown; areas: string[] } | null;
  /** Address of the merged area containing the cell, or null. */
  merged: string | null;
}

const MB5 = 5 * 1024 * 1024;

export class ExcelHost {
  model: WorkbookModel;
  readonly apiVersion: ApiVersion;
  maxRequestBytes: number;
  maxResponseBytes: number;
  platform: string;
  displayLanguage: string;
  workbookName: string;

  /** Round trips to "Excel": syncs that carried at least one queued action. */
  syncCount = 0;
  /**
   * CPU time (µs, user + system) the host spent applying requests: "Excel's" side of each sync, so
   * that a benchmark can subtract it from the pane's. Only counted where process.cpuUsage exists (Node).
   */
  hostCpuMicros = 0;
  lastRequestBytes = 0;
  maxRequestBytesSeen = 0;
  lastResponseBytes = 0;
  /** true: protect()/unprotect() on an already protected/unprotected sheet throw AccessDenied (office-js #6784); 'always': every call throws. */
  failProtect: boolean | 'always' = false;
  readonly createdWorkbooks: string[] = [];
  readonly writesLog: WriteRecord[] = [];
  readonly events: EventHub;

  _batchSeq = 0;
  private _failNext: unknown;
  private _batch: { sync: number; events: ChangeInput[] } | null = null;
  private readonly _runs = new Set<Promise<unknown>>();

  constructor(options: ExcelHostOptions = {}) {
    const v = options.apiVersion ?? '1.8';
    if (!SUPPORTED_VERSIONS.includes(v)) throw new HostUsageError(`unsupported apiVersion ${v}`);
    this.apiVersion = v;
    this.maxRequestBytes = options.maxRequestBytes ?? MB5;
    this.maxResponseBytes = options.maxResponseBytes ?? MB5;
    this.platform = options.platform ?? 'PC';
    this.displayLanguage = options.displayLanguage ?? 'zh-CN';
    this.workbookName = options.workbookName ?? 'Book1.xlsx';
    this.model = options.state ? loadModel(options.state) : WorkbookModel.blank();
    this.events = new EventHub(this);
  }

  // ---------------------------------------------------------------- sync machinery

  /** Makes the next sync that carries actions reject with `error` (default: a GeneralException) and apply nothing. */
  failNextSync(error?: unknown): void {
    this._failNext = error ?? richError('GeneralException');
  }

  /** Runs one request: size check, failure injection, ordered application, loaded values delivered on success. */
  async _execute(_ctx: RequestContext, ops: QueuedOp[]): Promise<void> {
    await Promise.resolve();
    if (ops.length === 0) return;
    const cpu0 = cpuNow();
    try {
      this._apply(ops);
    } finally {
      this.hostCpuMicros += cpuNow() - cpu0;
    }
  }

  private _apply(ops: QueuedOp[]): void {
    this.syncCount++;
    this._batchSeq++;
    const bytes = utf8Length(JSON.stringify(ops.map((o) => [o.label, o.payload]))) + 100 * ops.length;
    this.lastRequestBytes = bytes;
    this.maxRequestBytesSeen = Math.max(this.maxRequestBytesSeen, bytes);
    if (this._failNext !== undefined) {
      const e = this._failNext;
      this._failNext = undefined;
      throw e;
    }
    if (bytes > this.maxRequestBytes) throw richError('RequestPayloadSizeLimitExceeded');
    this._batch = { sync: this.syncCount, events: [] };
    const results: LoadResult[] = [];
    try {
      for (const op of ops) {
        try {
          const r = op.run(this);
          if (r) results.push(r);
        } catch (e) {
          if (e instanceof RichApiError) {
            e.debugInfo.errorLocation ??= op.label;
            e.debugInfo.statement = op.label;
          }
          throw e;
        }
      }
    } finally {
      const evs = this._batch.events;
      this._batch = null;
      for (const ev of evs) this.events.raiseChanged(ev);
    }
    this.lastResponseBytes = results.reduce((n, r) => n + r.size, 0);
    if (this.lastResponseBytes > this.maxResponseBytes) throw richError('ResponsePayloadSizeLimitExceeded');
    for (const r of results) r.commit();
  }

  /** Excel.run(batch) / Excel.run(objects | context | options, batch). */
  run<T>(...args: unknown[]): Promise<T> {
    let batch: unknown;
    let ctx: RequestContext | undefined;
    if (args.length === 1) batch = args[0];
    else if (args.length === 2) {
      const first = args[0];
      batch = args[1];
      if (first instanceof RequestContext) ctx = first;
      else if (first instanceof ClientObject) ctx = first.context;
      else if (Array.isArray(first) && first[0] instanceof ClientObject) ctx = first[0].context;
      else if (first && typeof first === 'object') {
        const prev = (first as { previousObjects?: unknown }).previousObjects;
        if (prev instanceof ClientObject) ctx = prev.context;
        else if (prev instanceof RequestContext) ctx = prev;
      }
    }
    if (typeof batch !== 'function') return Promise.reject(invalidArgument(undefined, 'Excel.run'));
    const own = ctx === undefined;
    const context = ctx ?? new RequestContext(this);
    // Excel.run(eventResult.context, ...) is the documented way to reuse a finished batch's context.
    const wasClosed = context._closed;
    context._closed = false;
    const p = (async () => {
      try {
        const r = (batch as (c: RequestContext) => unknown)(context);
        if (!r || typeof (r as Promise<T>).then !== 'function') throw richError('RunMustReturnPromise', undefined, 'Excel.run');
        const result = await (r as Promise<T>);
        await context.sync();
        return result;
      } finally {
        context._closed = own || wasClosed;
      }
    })();
    this._runs.add(p);
    p.then(
      () => this._runs.delete(p),
      () => this._runs.delete(p),
    );
    return p;
  }

  async _settleRuns(): Promise<void> {
    while (this._runs.size > 0) await Promise.allSettled([...this._runs]);
  }

  /** Delivers queued events (user edits, add-in write echoes) and waits for handlers and their Excel.run batches. */
  flushEvents(options?: FlushOptions): Promise<number> {
    return this.events.flush(options);
  }

  get eventsFired(): FiredEvent[] {
    return this.events.fired;
  }
  get pendingEvents(): number {
    return this.events.pendingCount;
  }
  get handlerErrors(): unknown[] {
    return this.events.handlerErrors;
  }

  // ---------------------------------------------------------------- hooks used by the proxies

  _recordWrite(
    kind: string,
    sheet: SheetModel | undefined,
    rect: Rect | undefined,
    changeType?: string,
    changes?: ChangeInput['changes'],
    shiftDirection?: ChangeInput['shiftDirection'],
  ): void {
    const sync = this._batch?.sync ?? 0;
    const rec: WriteRecord = { sync, kind, cells: rect ? cellCount(rect) : 0 };
    if (sheet) {
      rec.sheet = sheet.name;
      rec.sheetId = sheet.id;
    }
    if (rect) rec.address = formatRect(rect);
    this.writesLog.push(rec);
    if (changeType && sheet && rect && this._batch)
      this._batch.events.push({ sheet, rect, changeType, origin: 'addin', sync, changes, shiftDirection });
  }

  _shift(
    sheet: SheetModel,
    axis: 'rows' | 'cols',
    at: number,
    count: number,
    band: [number, number],
    rect: Rect,
    loc: string,
    origin: 'user' | 'addin',
  ): void {
    const edit = { sheet, axis, at, count, band };
    checkShift(this.model, edit, loc);
    applyShift(this.model, edit);
    const full = band[0] === 0 && band[1] === (axis === 'rows' ? MAX_COLS : MAX_ROWS) - 1;
    const noun = axis === 'rows' ? 'Row' : 'Column';
    const changeType = full ? `${noun}${count > 0 ? 'Inserted' : 'Deleted'}` : `Cell${count > 0 ? 'Inserted' : 'Deleted'}`;
    const shiftDirection = full
      ? undefined
      : count > 0
        ? { insertShiftDirection: axis === 'rows' ? 'Down' : 'Right' }
        : { deleteShiftDirection: axis === 'rows' ? 'Up' : 'Left' };
    if (origin === 'addin') this._recordWrite(count > 0 ? 'insert' : 'delete', sheet, rect, changeType, undefined, shiftDirection);
    else this.events.raiseChanged({ sheet, rect, changeType, origin, shiftDirection });
  }

  _activate(sheet: SheetModel, origin: 'user' | 'addin'): void {
    if (sheet.visibility !== 'Visible') throw richError('InvalidOperation', undefined, 'Worksheet.activate');
    if (this.model.activeSheetId === sheet.id) return;
    this.model.activeSheetId = sheet.id;
    this.model.selection = { sheetId: sheet.id, rect: { row: 0, col: 0, rowCount: 1, colCount: 1 } };
    this.events.raiseSimple(sheet, 'activated', 'WorksheetActivated', {}, origin);
  }

  _select(sheet: SheetModel, rect: Rect, origin: 'user' | 'addin'): void {
    if (sheet.visibility !== 'Visible') throw richError('InvalidOperation', undefined, 'Range.select');
    this._activate(sheet, origin);
    this.model.selection = { sheetId: sheet.id, rect };
    this.events.raiseSimple(sheet, 'selectionChanged', 'WorksheetSelectionChanged', { address: formatRect(rect) }, origin);
  }

  _setVisibility(sheet: SheetModel, v: SheetModel['visibility']): void {
    if (v !== 'Visible') {
      const visible = this.model.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet);
      if (visible.length === 0)
        throw richError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', 'Worksheet.visibility');
      sheet.visibility = v;
      if (this.model.activeSheetId === sheet.id)
        this._activate(
          visible.find((s) => this.model.sheets.indexOf(s) > this.model.sheets.indexOf(sheet)) ?? visible[visible.length - 1],
          'addin',
        );
      return;
    }
    sheet.visibility = v;
  }

  _nameTarget(n: NameModel): { sheet: SheetModel; rect: Rect } | null {
    return nameTarget(this.model, n);
  }

  // ---------------------------------------------------------------- simulated user actions

  private _sheet(key: string): SheetModel {
    const s = this.model.findSheet(key);
    if (!s) throw new HostUsageError(`no worksheet "${key}" (have: ${this.sheetNames().join(', ')})`);
    return s;
  }

  private _rect(address: string): Rect {
    try {
      return parseAddress(address).rect;
    } catch {
      throw new HostUsageError(`bad address "${address}"`);
    }
  }

  /** A single-cell address with a bigger 2-D array means "paste starting here". */
  private _userRect(address: string, values: unknown): Rect {
    const r = this._rect(address);
    if (Array.isArray(values) && r.rowCount === 1 && r.colCount === 1 && Array.isArray(values[0]))
      return { ...r, rowCount: values.length, colCount: (values[0] as unknown[]).length };
    return r;
  }

  private _userEditable(s: SheetModel, rect: Rect, what: 'contents' | 'structure', permission?: string): void {
    try {
      checkEditable(s, rect, what, 'user', permission);
    } catch {
      throw new HostUsageError(`"${s.name}" is protected: Excel would not let the user change ${formatRect(rect)}`);
    }
  }

  /**
   * The user types or pastes: Excel's type-in conversion ("12" → 12, "#N/A" → error), no data-validation check
   * (like a paste), then WorksheetChanged (source Local) queued for flushEvents().
   */
  userEdit(sheet: string, address: string, values: unknown): void {
    const s = this._sheet(sheet);
    const rect = this._userRect(address, values);
    this._userEditable(s, rect, 'contents');
    const changes = writeContents(this.model, s, rect, values, 'userEdit');
    syncHeaders(this.model, s, rect);
    this.events.raiseChanged({ sheet: s, rect, changeType: 'RangeEdited', origin: 'user', changes });
  }

  /**
   * The user types one value into one cell. Data validation applies: with a "Stop" alert an invalid entry is
   * rejected (returns false, nothing changes, no event); "Warning"/"Information" alerts let it through.
   */
  userType(sheet: string, address: string, value: unknown): boolean {
    const s = this._sheet(sheet);
    const rect = this._rect(address);
    if (rect.rowCount !== 1 || rect.colCount !== 1) throw new HostUsageError('userType takes one cell; use userEdit for pastes');
    this._userEditable(s, rect, 'contents');
    const dv = validationAt(s, rect.row, rect.col);
    const conv = convertInput(value, String(effectiveStyle(s, rect.row, rect.col, 'nf')), 'userType');
    if (dv && dv.errorAlert.showAlert && dv.errorAlert.style === 'Stop' && !isValidValue(this.model, s, dv, conv)) return false;
    this.userEdit(sheet, address, [[value]]);
    return true;
  }

  /** Picking from an in-cell dropdown: writes without raising any event (Excel on the web, office-js #4066). */
  userPickFromDropdown(sheet: string, address: string, value: string): void {
    const s = this._sheet(sheet);
    const rect = this._rect(address);
    const dv = validationAt(s, rect.row, rect.col);
    if (!dv || ruleType(dv) !== 'List') throw new HostUsageError(`${address} has no list validation, so it has no dropdown`);
    if (!isValidValue(this.model, s, dv, convertInput(value, 'General', 'userPickFromDropdown')))
      throw new HostUsageError(`"${value}" is not in the dropdown of ${address}`);
    this._userEditable(s, rect, 'contents');
    writeContents(this.model, s, rect, [[value]], 'userPickFromDropdown');
  }

  userSelect(sheet: string, address: string): void {
    this._select(this._sheet(sheet), this._rect(address), 'user');
  }

  get selectedAddress(): string {
    const sel = this.model.selection;
    return qualifiedAddress(this.model.sheetById(sel.sheetId)!.name, sel.rect);
  }

  get activeSheetName(): string {
    return this.model.sheetById(this.model.activeSheetId)!.name;
  }

  /** Inserts `count` entire rows so that the first new row has Excel row number `atRow` (1-based). */
  userInsertRows(sheet: string, atRow: number, count = 1): void {
    const s = this._sheet(sheet);
    const rect: Rect = { row: atRow - 1, col: 0, rowCount: count, colCount: MAX_COLS };
    this._userEditable(s, rect, 'structure', 'allowInsertRows');
    this._shift(s, 'rows', atRow - 1, count, [0, MAX_COLS - 1], rect, 'user', 'user');
  }

  /** Deletes `count` entire rows starting at Excel row number `atRow` (1-based). */
  userDeleteRows(sheet: string, atRow: number, count = 1): void {
    const s = this._sheet(sheet);
    const rect: Rect = { row: atRow - 1, col: 0, rowCount: count, colCount: MAX_COLS };
    this._userEditable(s, rect, 'structure', 'allowDeleteRows');
    this._shift(s, 'rows', atRow - 1, -count, [0, MAX_COLS - 1], rect, 'user', 'user');
  }

  /** Inserts entire columns before column `atColumn` ("C" or 1-based number). */
  userInsertColumns(sheet: string, atColumn: string | number, count = 1): void {
    const s = this._sheet(sheet);
    const col = typeof atColumn === 'number' ? atColumn - 1 : lettersToCol(atColumn);
    const rect: Rect = { row: 0, col, rowCount: MAX_ROWS, colCount: count };
    this._userEditable(s, rect, 'structure', 'allowInsertColumns');
    this._shift(s, 'cols', col, count, [0, MAX_ROWS - 1], rect, 'user', 'user');
  }

  userDeleteColumns(sheet: string, atColumn: string | number, count = 1): void {
    const s = this._sheet(sheet);
    const col = typeof atColumn === 'number' ? atColumn - 1 : lettersToCol(atColumn);
    const rect: Rect = { row: 0, col, rowCount: MAX_ROWS, colCount: count };
    this._userEditable(s, rect, 'structure', 'allowDeleteColumns');
    this._shift(s, 'cols', col, -count, [0, MAX_ROWS - 1], rect, 'user', 'user');
  }

  userRenameSheet(oldName: string, newName: string): void {
    const s = this._sheet(oldName);
    checkSheetName(
      newName,
      this.model.sheets.filter((x) => x !== s).map((x) => x.name),
      'userRenameSheet',
    );
    renameSheet(this.model, s, newName);
  }

  /** Moves a sheet to a 0-based position. */
  userMoveSheet(name: string, position: number): void {
    moveSheet(this.model, this._sheet(name), position, 'userMoveSheet');
  }

  userAddSheet(name?: string): string {
    let n = this.model.sheets.length + 1;
    while (!name && this.model.sheetByName(`Sheet${n}`)) n++;
    const sheetName = name ?? `Sheet${n}`;
    checkSheetName(sheetName, this.sheetNames(), 'userAddSheet');
    const s = this.model.createSheet(sheetName);
    this.events.raiseSimple(s, 'added', 'WorksheetAdded');
    return s.id;
  }

  userDeleteSheet(name: string): void {
    const s = this._sheet(name);
    deleteSheet(this.model, s, 'userDeleteSheet');
    this.events.raiseSimple(s, 'deleted', 'WorksheetDeleted');
  }

  /** Sorts a table's body by one column (0-based within the table), like the header dropdown. Raises RangeEdited. */
  userSortTable(tableName: string, columnIndex: number, ascending = true): void {
    const t = this.model.findTable(tableName);
    if (!t) throw new HostUsageError(`no table "${tableName}"`);
    const s = this.model.sheetById(t.sheetId)!;
    const body = bodyRect(t);
    if (!body) return;
    this._userEditable(s, body, 'contents');
    sortRows(this.model, s, body, [{ key: columnIndex, ascending }], false, 'userSortTable');
    this.events.raiseChanged({ sheet: s, rect: body, changeType: 'RangeEdited', origin: 'user' });
  }

  /** Protects a sheet as a user would (test setup). */
  userProtectSheet(sheet: string, options: Record<string, boolean> = {}, password?: string): void {
    this._sheet(sheet).protection = { protected: true, options: { ...options }, password };
  }

  userUnprotectSheet(sheet: string): void {
    this._sheet(sheet).protection = { protected: false, options: {} };
  }

  /** The host never calculates: supply the value a formula cell should show (its formula is kept). */
  setFormulaResult(sheet: string, address: string, value: CellScalar): void {
    const s = this._sheet(sheet);
    const r = this._rect(address);
    const cell = this.model.getCell(s, r.row, r.col);
    if (!cell?.f) throw new HostUsageError(`${address} holds no formula`);
    const isErr = typeof value === 'string' && isErrorLiteral(value);
    putCell(this.model, s, r.row, r.col, { v: isErr ? value.toUpperCase() : value, f: cell.f, ...(isErr ? { err: true as const } : {}) });
  }

  // ---------------------------------------------------------------- inspection (model reads, no syncs)

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  sheetId(name: string): string {
    return this._sheet(name).id;
  }

  cell(sheet: string, address: string): CellInfo {
    const s = this._sheet(sheet);
    const { row: r, col: c } = this._rect(address);
    const cell = this.model.getCell(s, r, c);
    const nf = String(effectiveStyle(s, r, c, 'nf'));
    const dv = validationAt(s, r, c);
    const merge = s.merges.find((m) => r >= m.row && r < m.row + m.rowCount && c >= m.col && c <= lastCol(m));
    const cellRect = { row: r, col: c, rowCount: 1, colCount: 1 };
    const borders: CellInfo['borders'] = {};
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight']) {
      const style = String(readBorder(s, cellRect, edge, 'style'));
      if (style !== 'None')
        borders[edge] = {
          style,
          color: String(readBorder(s, cellRect, edge, 'color')),
          weight: String(readBorder(s, cellRect, edge, 'weight')),
        };
    }
    const fill = String(effectiveStyle(s, r, c, 'fill'));
    const info: CellInfo = {
      value: apiValue(cell),
      valueType: valueTypeOf(cell),
      text: formatCellText(cell, nf),
      numberFormat: nf,
      fill: fill === '#FFFFFF' ? null : fill,
      fontColor: String(effectiveStyle(s, r, c, 'font.color')),
      bold: effectiveStyle(s, r, c, 'font.bold') === true,
      italic: effectiveStyle(s, r, c, 'font.italic') === true,
      fontSize: Number(effectiveStyle(s, r, c, 'font.size')),
      fontName: String(effectiveStyle(s, r, c, 'font.name')),
      wrapText: effectiveStyle(s, r, c, 'wrap') === true,
      horizontalAlignment: String(effectiveStyle(s, r, c, 'hAlign')),
      verticalAlignment: String(effectiveStyle(s, r, c, 'vAlign')),
      borders,
      locked: effectiveStyle(s, r, c, 'locked') === true,
      validation: dv
        ? {
            type: ruleType(dv),
            rule: JSON.parse(JSON.stringify(dv.rule)),
            ignoreBlanks: dv.ignoreBlanks,
            errorAlert: { ...dv.errorAlert },
            prompt: { ...dv.prompt },
            areas: dv.areas.map((a) => formatRect(a)),
          }
        : null,
      merged: merge ? formatRect(merge) : null,
    };
    if (cell?.f) info.formula = cell.f;
    return info;
  }

  values(sheet: string, address: string): CellScalar[][] {
    return this._grid(sheet, address, (cell) => apiValue(cell));
  }

  formulas(sheet: string, address: string): CellScalar[][] {
    return this._grid(sheet, address, (cell) => apiFormula(cell));
  }

  private _grid<T>(sheet: string, address: string, f: (cell: ReturnType<WorkbookModel['getCell']>) => T): T[][] {
    const s = this._sheet(sheet);
    const r = this._rect(address);
    return Array.from({ length: r.rowCount }, (_, i) =>
      Array.from({ length: r.colCount }, (_, j) => f(this.model.getCell(s, r.row + i, r.col + j))),
    );
  }

  names(): Array<{ name: string; formula: string; comment: string; visible: boolean }> {
    return this.model.names.map((n) => ({ ...n }));
  }

  tables(): Array<ReturnType<typeof describeTable>> {
    return this.model.tables.map((t) => describeTable(this.model, t));
  }

  charts(): Array<Record<string, unknown>> {
    return this.model.charts.map((c) => ({ ...JSON.parse(JSON.stringify(c)), sheet: this.model.sheetById(c.sheetId)?.name }));
  }

  settings(): Record<string, unknown> {
    return JSON.parse(JSON.stringify(Object.fromEntries(this.model.settings)));
  }

  customXmlParts(): Array<{ id: string; namespaceUri: string; xml: string }> {
    return this.model.xmlParts.map((p) => ({ ...p }));
  }

  merges(sheet: string): string[] {
    return this._sheet(sheet).merges.map((m) => formatRect(m));
  }

  validations(
    sheet: string,
  ): Array<{ areas: string[]; type: string; rule: unknown; ignoreBlanks: boolean; errorAlert: unknown; prompt: unknown }> {
    return this._sheet(sheet).validations.map((v) => ({
      areas: v.areas.map((a) => formatRect(a)),
      type: ruleType(v),
      rule: JSON.parse(JSON.stringify(v.rule)),
      ignoreBlanks: v.ignoreBlanks,
      errorAlert: { ...v.errorAlert },
      prompt: { ...v.prompt },
    }));
  }

  columnWidth(sheet: string, column: string): number {
    return this._sheet(sheet).colWidths.get(lettersToCol(column)) ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(sheet: string, row: number): number {
    return this._sheet(sheet).rowHeights.get(row - 1) ?? DEFAULT_ROW_HEIGHT;
  }

  frozen(sheet: string): { rows: number; columns: number } {
    const f = this._sheet(sheet).freeze;
    return { rows: f.rows, columns: f.cols };
  }

  protection(sheet: string): { protected: boolean; options: Record<string, unknown> } {
    const p = this._sheet(sheet).protection;
    return { protected: p.protected, options: { ...p.options } };
  }

  pageLayout(sheet: string): Record<string, unknown> {
    return JSON.parse(JSON.stringify(this._sheet(sheet).pageLayout));
  }

  visibility(sheet: string): string {
    return this._sheet(sheet).visibility;
  }

  /** Sum of cells written by the add-in (values/formulas/formats...) in syncs after `sinceSync`, optionally by kind. */
  cellsWritten(options: { sinceSync?: number; kinds?: string[] } = {}): number {
    return this.writesLog
      .filter((w) => w.sync > (options.sinceSync ?? 0) && (!options.kinds || options.kinds.includes(w.kind)))
      .reduce((n, w) => n + w.cells, 0);
  }

  /** Number of event handlers currently registered (any scope). */
  get handlerCount(): number {
    return this.events.registrations().length;
  }

  /** A JSON-serialisable snapshot; createExcelHost({ state }) reopens it (fresh proxies, counters and handlers). */
  save(): WorkbookSnapshot {
    return saveModel(this.model);
  }
}

export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  return new ExcelHost(options);
}

/** Process CPU time in µs (0 outside Node, e.g. the host bundled into the e2e page). */
function cpuNow(): number {
  if (typeof process === 'undefined' || typeof process.cpuUsage !== 'function') return 0;
  const u = process.cpuUsage();
  return u.user + u.system;
}
