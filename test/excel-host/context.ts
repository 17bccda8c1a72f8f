/** Excel.RequestContext: owns the queue of pending actions of one Excel.run batch. */
import { Workbook } from './api-workbook';
import { richError } from './errors';
import type { ExcelHost } from './host';
import type { ClientObject, QueuedOp } from './proxy';

export class RequestContext {
  readonly _host: ExcelHost;
  _queue: QueuedOp[] = [];
  /** Set when the Excel.run that created this context has finished; its proxies are then unusable. */
  _closed = false;
  private _workbook: Workbook | undefined;
  readonly trackedObjects = {
    add: (_o: unknown) => undefined,
    remove: (_o: unknown) => undefined,
  };
  requestHeaders: Record<string, string> = {};
  debugInfo: Record<string, unknown> = {};

  constructor(host?: ExcelHost) {
    const h = host ?? RequestContext._defaultHost;
    if (!h) throw new Error('excel-host: no host installed; call installGlobals(host) or pass the host');
    this._host = h;
  }

  /** Set by installGlobals so `new Excel.RequestContext()` works. */
  static _defaultHost: ExcelHost | undefined;

  get workbook(): Workbook {
    return (this._workbook ??= new Workbook(this));
  }

  get application(): { calculationMode: string } {
    return { calculationMode: 'Automatic' };
  }

  _enqueue(op: QueuedOp, owner?: ClientObject): void {
    if (this._closed) throw richError('InvalidObjectPath', undefined, op.label);
    if (owner && owner.context !== this) throw richError('InvalidRequestContext', undefined, op.label);
    this._queue.push(op);
  }

  /** Sends the queued actions; loaded values and results become readable when the returned promise resolves. */
  sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this._queue.splice(0);
    return this._host._execute(this, ops).then(() => passThroughValue as T);
  }
}
