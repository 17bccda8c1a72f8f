/**
 * DEMO ONLY: an in-memory Controller for trying the task pane in a plain browser
 * (`taskpane.html?demo=1`, and only when `Office` is undefined — see index.tsx). It fakes a
 * workbook: createWorkbook walks the roster with a small delay per unit (cancellable), fills in
 * made-up values, and scores them with the real engine so the status panel shows realistic numbers,
 * ranks and problems. Nothing is written anywhere. Never used when a real controller is wired.
 *
 * `?demo=1&host=excel-too-old` or `&host=browser` previews the other host states.
 */
import { rankLabel } from '../layout/columns';
import type { Field, Rubric } from '../rubric/schema';
import { scoreRoster } from '../scoring/score';
import type { Problem, UnitInput } from '../scoring/types';
import type {
  Controller,
  HostInfo,
  ImportResult,
  Progress,
  RosterEntry,
  RubricSummary,
  StatusProblem,
  UnitStatus,
  WorkbookStatus,
} from './controller';
import { RubricLibrary } from '../layout/rubric-library';
import { toRubricSummary } from '../layout/status';

export interface DemoControllerOptions {
  host?: Partial<HostInfo>;
  /** Delay per unit while "laying out" the workbook. */
  stepMs?: number;
  library?: RubricLibrary;
}

const EMPTY: WorkbookStatus = { bound: false, rubric: null, units: [], problems: [], notices: [], lastScoredAt: null };

function abortError(): Error {
  const e = new Error('已取消生成评分表');
  e.name = 'AbortError';
  return e;
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(abortError());
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A plausible value a clerk might type into a field (varied by k). */
function demoValue(f: Field, k: number): string | number {
  switch (f.type) {
    case 'yesno':
      return k % 4 === 3 ? '否' : '是';
    case 'count':
      return k % 4;
    case 'number': {
      const v = (f.min ?? 0) + 5 + (k % 5);
      return f.max !== undefined ? Math.min(f.max, v) : v;
    }
    case 'percent':
      return `${80 + (k % 4) * 5}%`;
    case 'choice':
      return f.options[k % f.options.length];
    case 'score':
      return f.step ?? 1;
  }
}

function demoInputs(rubric: Rubric, roster: RosterEntry[]): UnitInput[] {
  const lastCategory = rubric.categories.length - 1;
  return roster.map((u, i) => {
    const inputs: Record<string, Record<string, string | number>> = {};
    rubric.categories.forEach((c, ci) => {
      c.indicators.forEach((ind, ii) => {
        // Every fifth unit has not filled in the last category yet.
        if (i % 5 === 2 && ci === lastCategory) return;
        const values: Record<string, string | number> = {};
        ind.fields.forEach((f, fi) => {
          values[f.id] = demoValue(f, i + ii + fi);
        });
        inputs[ind.id] = values;
      });
    });
    // The second unit typed something that is not a number.
    if (i === 1) {
      outer: for (const c of rubric.categories)
        for (const ind of c.indicators)
          for (const f of ind.fields)
            if (f.type === 'count' || f.type === 'number') {
              inputs[ind.id] = { ...(inputs[ind.id] ?? {}), [f.id]: '约三个' };
              break outer;
            }
    }
    return { name: u.name, group: u.group, inputs };
  });
}

function problemKind(p: Problem): StatusProblem['kind'] {
  if (p.severity === 'missing') return 'missing';
  if (p.severity === 'error' && p.fieldId) return 'input';
  return 'other';
}

export class DemoController implements Controller {
  private readonly library: RubricLibrary;
  private readonly hostInfo: HostInfo;
  private readonly stepMs: number;
  private readonly listeners = new Set<(s: WorkbookStatus) => void>();
  private current: WorkbookStatus = EMPTY;
  private book: { rubric: Rubric; summary: RubricSummary; inputs: UnitInput[] } | null = null;

  constructor(options: DemoControllerOptions = {}) {
    this.library = options.library ?? new RubricLibrary();
    this.stepMs = options.stepMs ?? 60;
    this.hostInfo = {
      mode: options.host?.mode ?? 'excel',
      apiVersion: options.host?.apiVersion ?? (options.host?.mode === 'excel-too-old' ? '1.7' : '1.8'),
      displayLanguage:
        options.host?.displayLanguage ?? (typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'zh-CN'),
    };
  }

  host(): HostInfo {
    return this.hostInfo;
  }

  listRubrics(): RubricSummary[] {
    return this.library.list();
  }

  importRubric(fileName: string, text: string): ImportResult {
    return this.library.import(fileName, text);
  }

  async createWorkbook(rubricId: string, roster: RosterEntry[], onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<void> {
    const rubric = this.library.get(rubricId);
    if (!rubric) throw new Error(`没有找到评分细则「${rubricId}」。`);
    if (roster.length === 0) throw new Error('被考核单位名单为空。');
    const total = roster.length;
    onProgress({ done: 0, total, phase: '正在准备评分表结构' });
    for (let i = 0; i < total; i++) {
      await delay(this.stepMs, signal);
      onProgress({ done: i + 1, total, phase: `正在生成「${roster[i].name}」的评分页` });
    }
    if (signal?.aborted) throw abortError();
    const summary = this.library.list().find((r) => r.id === rubricId) ?? toRubricSummary(rubric, false);
    this.book = { rubric, summary, inputs: demoInputs(rubric, roster) };
    this.rescore([]);
  }

  async rescoreAll(): Promise<void> {
    if (!this.book) throw new Error('还没有生成评分表。');
    await delay(this.stepMs * 3);
    this.rescore(['已恢复 1 个被改写的计算单元格（演示）。']);
  }

  async exportAnnex(): Promise<void> {
    if (!this.book) throw new Error('还没有生成评分表。');
    await delay(this.stepMs * 3);
    const header = [rankLabel(this.book.rubric), '单位', '分组', '得分', '等次', '标注'];
    const rows = [...this.current.units]
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
      .map((u) => [u.rank ?? '', u.name, u.group, u.final ?? '', u.band ?? '', u.labels.join('；')]);
    const csv = [header, ...rows].map((r) => r.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(',')).join('\r\n');
    download(`\uFEFF${csv}`, `${this.book.rubric.annex.title}（演示）.csv`);
  }

  async selectProblem(problem: StatusProblem): Promise<void> {
    this.emit({
      ...this.current,
      notices: [`演示：在 Excel 中会选中「${problem.target?.sheetKey ?? problem.unit}」工作表中对应的单元格。`],
    });
  }

  status(): WorkbookStatus {
    return this.current;
  }

  subscribe(listener: (s: WorkbookStatus) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private rescore(notices: string[]) {
    if (!this.book) return;
    const { rubric, summary, inputs } = this.book;
    const result = scoreRoster(rubric, inputs);
    const units: UnitStatus[] = result.units.map((u, i) => ({
      key: `u${i}`,
      name: u.name,
      group: u.group,
      filled: u.filled,
      expected: u.expected,
      final: u.final,
      band: u.band,
      rank: u.rank,
      labels: u.labels,
      complete: u.complete,
    }));
    const all = [...result.problems, ...result.units.flatMap((u) => u.problems)];
    const problems: StatusProblem[] = all.map((p, i) => ({
      ...p,
      id: `p${i}`,
      kind: problemKind(p),
      target: { sheetKey: p.unit },
    }));
    this.emit({
      bound: true,
      rubric: summary,
      units,
      problems,
      notices,
      lastScoredAt: new Date().toISOString(),
    });
  }

  private emit(s: WorkbookStatus) {
    this.current = s;
    for (const l of [...this.listeners]) l(s);
  }
}

function download(text: string, fileName: string) {
  if (typeof document === 'undefined' || typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function createDemoController(options: DemoControllerOptions = {}): Controller {
  return new DemoController(options);
}
