/**
 * A test double for the task pane's Controller: every call is recorded, and tests drive what it
 * returns (host, rubrics, import result, status) and when its promises settle.
 */
import type {
  CreateOptions,
  Controller,
  HostInfo,
  ImportResult,
  Progress,
  RosterEntry,
  RubricSummary,
  StatusProblem,
  UnitStatus,
  WorkbookStatus,
} from '../../src/taskpane/controller';
import { loadBuiltin } from '../../src/rubric/catalog';
import { toRubricSummary } from '../../src/layout/status';

export interface Call {
  method: keyof Controller;
  args: unknown[];
}

export interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const EMPTY_STATUS: WorkbookStatus = {
  bound: false,
  rubric: null,
  units: [],
  problems: [],
  notices: [],
  lastScoredAt: null,
};

export function summaryOf(id: string): RubricSummary {
  return toRubricSummary(loadBuiltin(id).rubric, false);
}

export function unit(name: string, extra: Partial<UnitStatus> = {}): UnitStatus {
  return {
    key: name,
    name,
    group: '成员单位',
    filled: 10,
    expected: 10,
    final: 90,
    band: null,
    rank: 1,
    labels: [],
    complete: true,
    ...extra,
  };
}

export function problem(id: string, message: string, extra: Partial<StatusProblem> = {}): StatusProblem {
  return { id, kind: 'input', severity: 'error', unit: '县发改局', message, target: { sheetKey: 'u1', address: 'D7' }, ...extra };
}

export class FakeController implements Controller {
  readonly calls: Call[] = [];
  hostInfo: HostInfo = { mode: 'excel', apiVersion: '1.12', displayLanguage: 'zh-CN' };
  rubrics: RubricSummary[];
  importResult: ImportResult = { ok: false, errors: [] };
  /** Pending createWorkbook: the test reports progress and settles it. */
  create: (Deferred & { onProgress: (p: Progress) => void; signal?: AbortSignal }) | null = null;
  /** When true, createWorkbook rejects with an AbortError as soon as its signal aborts (as a real one should). */
  honourAbort = true;
  rescore: Deferred | null = null;
  exportDeferred: Deferred | null = null;
  select: Deferred | null = null;
  scoreFileDeferred: Deferred | null = null;
  private current: WorkbookStatus = EMPTY_STATUS;
  private readonly listeners = new Set<(s: WorkbookStatus) => void>();

  constructor(rubrics: RubricSummary[] = [summaryOf('hengdong-2020-members'), summaryOf('chaoyang-2020-method')]) {
    this.rubrics = rubrics;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  callsOf(method: keyof Controller): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  /** Sets the status and notifies subscribers (as the real controllers do after each recalculation). */
  setStatus(s: Partial<WorkbookStatus>): void {
    this.current = { ...EMPTY_STATUS, ...s };
    for (const l of [...this.listeners]) l(this.current);
  }

  host(): HostInfo {
    this.calls.push({ method: 'host', args: [] });
    return this.hostInfo;
  }

  listRubrics(): RubricSummary[] {
    this.calls.push({ method: 'listRubrics', args: [] });
    return [...this.rubrics];
  }

  importRubric(fileName: string, text: string): ImportResult {
    this.calls.push({ method: 'importRubric', args: [fileName, text] });
    if (this.importResult.ok) this.rubrics.push(this.importResult.rubric);
    return this.importResult;
  }

  createWorkbook(
    rubricId: string,
    roster: RosterEntry[],
    onProgress: (p: Progress) => void,
    signal?: AbortSignal,
    options?: CreateOptions,
  ): Promise<void> {
    this.calls.push({ method: 'createWorkbook', args: [rubricId, roster, onProgress, signal, options] });
    const d = deferred();
    this.create = { ...d, onProgress, signal };
    if (this.honourAbort && signal) {
      signal.addEventListener('abort', () => {
        const e = new Error('已取消');
        e.name = 'AbortError';
        d.reject(e);
      });
    }
    return d.promise;
  }

  rescoreAll(): Promise<void> {
    this.calls.push({ method: 'rescoreAll', args: [] });
    this.rescore = deferred();
    return this.rescore.promise;
  }

  exportAnnex(): Promise<void> {
    this.calls.push({ method: 'exportAnnex', args: [] });
    this.exportDeferred = deferred();
    return this.exportDeferred.promise;
  }

  selectProblem(p: StatusProblem): Promise<void> {
    this.calls.push({ method: 'selectProblem', args: [p] });
    this.select = deferred();
    return this.select.promise;
  }

  status(): WorkbookStatus {
    this.calls.push({ method: 'status', args: [] });
    return this.current;
  }

  subscribe(listener: (s: WorkbookStatus) => void): () => void {
    this.calls.push({ method: 'subscribe', args: [listener] });
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

/** A FakeController with file mode (scoreFile) — a separate class so `scoreFile` is absent by default. */
export class FakeFileController extends FakeController {
  scoreFile(file: File): Promise<void> {
    this.calls.push({ method: 'scoreFile', args: [file] });
    this.scoreFileDeferred = deferred();
    return this.scoreFileDeferred.promise;
  }
}
