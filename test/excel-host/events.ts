/**
 * Events: registration (applied on sync, like office-js), queued delivery (host.flushEvents), WorksheetChanged
 * argument shapes with requirement-set gating of `details` (1.9, single cell only) and `triggerSource` (1.14).
 */
import { Rect, cellCount, formatRect } from './addresses';
import type { CellChange } from './cells';
import type { RequestContext } from './context';
import { HostUsageError, invalidArgument } from './errors';
import type { ExcelHost } from './host';
import type { ClientObject } from './proxy';
import { compareVersions, requireApi } from './requirements';
import { apiValue, valueTypeOf } from './values';
import type { SheetModel } from './workbook-model';

export type EventScope = { kind: 'worksheet'; sheetId: string } | { kind: 'worksheets' };
export type EventName = 'changed' | 'selectionChanged' | 'added' | 'deleted' | 'activated';

export interface Registration {
  id: number;
  scope: EventScope;
  event: EventName;
  handler: (args: any) => unknown;
  removed: boolean;
}

/** One delivered event as recorded in host.eventsFired. */
export interface FiredEvent {
  seq: number;
  origin: 'user' | 'addin';
  /** For add-in writes: the sync that applied the write. */
  sync?: number;
  target: 'worksheet' | 'worksheets';
  type: string;
  changeType?: string;
  worksheetId: string;
  sheetName: string;
  address: string;
  source?: string;
  details?: Record<string, unknown>;
  triggerSource?: string;
}

interface Pending {
  reg: Registration;
  args: Record<string, unknown>;
  record: FiredEvent;
}

export interface ChangeInput {
  sheet: SheetModel;
  rect: Rect;
  changeType: string;
  origin: 'user' | 'addin';
  sync?: number;
  changes?: CellChange[];
  shiftDirection?: { insertShiftDirection?: string; deleteShiftDirection?: string };
}

export interface FlushOptions {
  /** Rounds of handler-caused events before giving up with an "echo loop" error (default 10). */
  maxRounds?: number;
  /** Await each handler before calling the next (default false: like Excel, handlers of a round overlap). */
  sequential?: boolean;
  /** Rethrow the first handler error after delivery (default true). */
  rethrow?: boolean;
}

export class EventHub {
  private regs: Registration[] = [];
  private queue: Pending[] = [];
  private nextId = 1;
  private seq = 0;
  readonly fired: FiredEvent[] = [];
  readonly handlerErrors: unknown[] = [];

  constructor(private readonly host: ExcelHost) {}

  get pendingCount(): number {
    return this.queue.length;
  }

  register(scope: EventScope, event: EventName, handler: (args: any) => unknown): Registration {
    const reg: Registration = { id: this.nextId++, scope, event, handler, removed: false };
    this.regs.push(reg);
    return reg;
  }

  remove(reg: Registration): void {
    reg.removed = true;
    this.regs = this.regs.filter((r) => r !== reg);
  }

  removeHandler(scope: EventScope, event: EventName, handler: unknown): void {
    for (const r of this.regs.filter((x) => x.event === event && x.handler === handler && sameScope(x.scope, scope))) this.remove(r);
  }

  registrations(): ReadonlyArray<Readonly<Registration>> {
    return this.regs;
  }

  private targets(sheet: SheetModel, event: EventName, collectionSince: string): Array<[Registration, 'worksheet' | 'worksheets']> {
    const out: Array<[Registration, 'worksheet' | 'worksheets']> = [];
    for (const r of this.regs) {
      if (r.event !== event) continue;
      if (r.scope.kind === 'worksheet' && r.scope.sheetId === sheet.id) out.push([r, 'worksheet']);
      if (r.scope.kind === 'worksheets' && compareVersions(this.host.apiVersion, collectionSince) >= 0) out.push([r, 'worksheets']);
    }
    return out;
  }

  /** Queues WorksheetChanged for every registered handler of the sheet and (API ≥ 1.9) of the collection. */
  raiseChanged(input: ChangeInput): void {
    const v = this.host.apiVersion;
    const address = formatRect(input.rect);
    for (const [reg, target] of this.targets(input.sheet, 'changed', '1.9')) {
      const host = this.host;
      const sheetId = input.sheet.id;
      const args: Record<string, unknown> = {
        type: 'WorksheetChanged',
        changeType: input.changeType,
        source: 'Local',
        worksheetId: sheetId,
        address,
        getRange: (ctx: RequestContext) => {
          requireApi(host.apiVersion, 'WorksheetChangedEventArgs.getRange', target === 'worksheet' ? '1.8' : '1.9');
          return ctx.workbook.worksheets.getItem(sheetId).getRange(address);
        },
        getRangeOrNullObject: (ctx: RequestContext) => ctx.workbook.worksheets.getItem(sheetId).getRange(address),
      };
      const single = cellCount(input.rect) === 1 && input.changes && input.changeType === 'RangeEdited';
      if (single && compareVersions(v, '1.9') >= 0) {
        const ch = input.changes!.find((c) => c.row === input.rect.row && c.col === input.rect.col);
        const before = ch ? ch.before : undefined;
        const after = ch ? ch.after : undefined;
        args.details = {
          valueBefore: apiValue(before),
          valueAfter: apiValue(after),
          valueTypeBefore: valueTypeOf(before),
          valueTypeAfter: valueTypeOf(after),
        };
      }
      if (compareVersions(v, '1.14') >= 0) {
        args.triggerSource = input.origin === 'addin' ? 'ThisLocalAddin' : 'Unknown';
        if (input.shiftDirection) args.changeDirectionState = input.shiftDirection;
      }
      const record: FiredEvent = {
        seq: 0,
        origin: input.origin,
        target,
        type: 'WorksheetChanged',
        changeType: input.changeType,
        worksheetId: sheetId,
        sheetName: input.sheet.name,
        address,
        source: 'Local',
      };
      if (input.sync !== undefined) record.sync = input.sync;
      if (args.details) record.details = args.details as Record<string, unknown>;
      if (args.triggerSource) record.triggerSource = args.triggerSource as string;
      this.queue.push({ reg, args, record });
    }
  }

  raiseSimple(
    sheet: SheetModel,
    event: Exclude<EventName, 'changed'>,
    type: string,
    extra: Record<string, unknown> = {},
    origin: 'user' | 'addin' = 'user',
  ): void {
    for (const [reg, target] of this.targets(sheet, event, event === 'selectionChanged' ? '1.9' : '1.7')) {
      const args = { type, worksheetId: sheet.id, source: 'Local', ...extra };
      const record: FiredEvent = {
        seq: 0,
        origin,
        target,
        type,
        worksheetId: sheet.id,
        sheetName: sheet.name,
        address: String(extra.address ?? ''),
      };
      this.queue.push({ reg, args, record });
    }
  }

  /** Delivers queued events, awaiting handlers and the Excel.run batches they start, until nothing is left. */
  async flush(options: FlushOptions = {}): Promise<number> {
    const maxRounds = options.maxRounds ?? 10;
    let rounds = 0;
    let delivered = 0;
    const errors: unknown[] = [];
    for (;;) {
      await this.host._settleRuns();
      if (this.queue.length === 0) break;
      if (++rounds > maxRounds) {
        const left = this.queue.splice(0);
        throw new HostUsageError(
          `flushEvents: events were still being raised after ${maxRounds} rounds (${left.length} pending, e.g. ${left[0].record.changeType ?? left[0].record.type} at ${left[0].record.sheetName}!${left[0].record.address} from ${left[0].record.origin}); an event handler is probably reacting to its own writes`,
        );
      }
      const round = this.queue.splice(0);
      const running: Promise<unknown>[] = [];
      for (const p of round) {
        if (p.reg.removed) continue;
        p.record.seq = ++this.seq;
        this.fired.push(p.record);
        delivered++;
        try {
          const r = p.reg.handler(p.args);
          const pr = Promise.resolve(r).catch((e) => {
            errors.push(e);
            this.handlerErrors.push(e);
          });
          if (options.sequential) await pr;
          else running.push(pr);
        } catch (e) {
          errors.push(e);
          this.handlerErrors.push(e);
        }
      }
      await Promise.all(running);
    }
    if (errors.length > 0 && options.rethrow !== false) throw errors[0];
    return delivered;
  }
}

function sameScope(a: EventScope, b: EventScope): boolean {
  return a.kind === b.kind && (a.kind === 'worksheets' || a.sheetId === (b as { sheetId: string }).sheetId);
}

/** OfficeExtension.EventHandlerResult: remove() is queued and takes effect on sync. */
export class EventHandlerResult {
  _reg: Registration | undefined;
  constructor(readonly context: RequestContext) {}
  remove(): void {
    this.context._enqueue({
      label: 'EventHandlerResult.remove',
      payload: null,
      run: (host) => {
        if (this._reg) host.events.remove(this._reg);
      },
    });
  }
}

/** OfficeExtension.EventHandlers (worksheet.onChanged etc.): add/remove are queued and take effect on sync. */
export class EventHandlers {
  constructor(
    private readonly owner: ClientObject<any>,
    private readonly member: string,
    private readonly event: EventName,
    private readonly scope: (entity: any) => EventScope,
  ) {}

  add(handler: (args: any) => unknown): EventHandlerResult {
    if (typeof handler !== 'function') throw invalidArgument('handler', `${this.member}.add`);
    const result = new EventHandlerResult(this.owner.context);
    this.owner._enqueue(`${this.member}.add`, null, (host) => {
      result._reg = host.events.register(this.scope(this.owner._entity(host)), this.event, handler);
    });
    return result;
  }

  remove(handler: (args: any) => unknown): void {
    this.owner._enqueue(`${this.member}.remove`, null, (host) => {
      host.events.removeHandler(this.scope(this.owner._entity(host)), this.event, handler);
    });
  }
}
