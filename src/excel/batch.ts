/**
 * Queues Office.js operations and syncs when the estimated request size nears Excel on the web's
 * 5 MB limit per request, so large rosters are written in chunks below it. Counts syncs.
 */
export const DEFAULT_REQUEST_BUDGET = 2_500_000;
/** A rough cost of one queued operation without payload (method name, object path, ids). */
const OP_BYTES = 160;

export class Batch {
  private pending = 0;
  syncs = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget = DEFAULT_REQUEST_BUDGET,
  ) {}

  /** Accounts for `ops` operations carrying `payload` (JSON-serialised size) and syncs if over budget. */
  async add(ops: number, payload: unknown = null): Promise<void> {
    this.pending += ops * OP_BYTES + (payload === null ? 0 : JSON.stringify(payload).length * 2);
    if (this.pending >= this.budget) await this.flush();
  }

  /** Would adding this much exceed the budget? Used to sync before a large write. */
  wouldOverflow(bytes: number): boolean {
    return this.pending + bytes >= this.budget;
  }

  /** Syncs now (loads are not counted as pending, so a read needs this). */
  async flush(): Promise<void> {
    this.pending = 0;
    this.syncs++;
    await this.context.sync();
  }

  /** Syncs only when writes are queued. */
  async flushPending(): Promise<void> {
    if (this.pending > 0) await this.flush();
  }
}
