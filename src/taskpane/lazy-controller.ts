/**
 * A Controller whose implementation is loaded with import() after the pane has painted.
 *
 * The real controllers pull in the rubric catalog (7 JSON files), zod, the scoring engine and the
 * layout code: about a quarter of the task pane's JavaScript. The pane's first paint needs none of
 * it, only the host state (known before any of that loads). So index.tsx renders the App with this
 * wrapper: until the code has arrived it has no rubrics and no workbook (the rubric section shows a
 * spinner, see Controller.whenLoaded); then it hands every call to the loaded controller and relays its
 * status. Actions the user can start before then simply wait for the load.
 */
import type { Controller, HostInfo, ImportResult, RubricSheetResult, RubricSummary, WorkbookStatus } from './controller';

const UNBOUND: WorkbookStatus = { bound: false, rubric: null, units: [], problems: [], notices: [], lastScoredAt: null };

const UNSUPPORTED_EDITOR = '此版本不能编辑评分细则。';
const UNSUPPORTED_SELF = '此版本不能生成或收回自评表。';

export interface LazyControllerOptions {
  /** Known before the code loads; the App decides its layout from it. */
  host: HostInfo;
  /** Loads the real controller (a dynamic import); called once, on the first whenLoaded() or action. */
  load: () => Promise<Controller>;
  /** File mode is offered (the App shows the file input only if this is set); the loaded controller's scoreFile does the work. */
  scoreFile?: (file: File) => Promise<unknown>;
}

export function createLazyController(
  options: LazyControllerOptions,
): Controller & { whenLoaded(): Promise<void>; inner(): Controller | null } {
  const listeners = new Set<(s: WorkbookStatus) => void>();
  const sheetListeners = new Set<(r: RubricSheetResult) => void>();
  let inner: Controller | null = null;
  let loading: Promise<Controller> | null = null;

  const current = (): WorkbookStatus => (inner ? inner.status() : UNBOUND);
  const emit = () => {
    const s = current();
    for (const l of listeners) l(s);
  };

  const get = (): Promise<Controller> => {
    loading ??= (async () => {
      let c: Controller;
      try {
        c = await options.load();
        // A controller that itself loads lazily is ready only when it says so.
        if (c.whenLoaded) await c.whenLoaded();
      } catch (err) {
        // Typically a chunk that failed to download (ChunkLoadError). The next call tries again.
        loading = null;
        const detail = err instanceof Error ? err.message : String(err);
        throw new Error(`加载项的程序文件未能载入（${detail}）。请检查网络，然后关闭并重新打开任务窗格。`);
      }
      inner = c;
      c.subscribe(() => emit());
      c.onRubricSheet?.((r) => sheetListeners.forEach((l) => l(r)));
      emit();
      return c;
    })();
    return loading;
  };

  const controller: Controller & { whenLoaded(): Promise<void>; inner(): Controller | null } = {
    host: () => options.host,
    whenLoaded: () => get().then(() => undefined),
    inner: () => inner,
    listRubrics: (): RubricSummary[] => (inner ? inner.listRubrics() : []),
    importRubric: (fileName: string, text: string): ImportResult =>
      inner
        ? inner.importRubric(fileName, text)
        : { ok: false, errors: [{ path: '', message: '评分细则库还在载入。', fix: '请稍候片刻，再重新选择这个文件。' }] },
    compareRubric: async (baseId, fileName, text) => {
      const c = await get();
      if (!c.compareRubric) throw new Error('此版本不能比较评分细则。');
      return c.compareRubric(baseId, fileName, text);
    },
    startRubricSheet: async (fromId) => {
      const c = await get();
      if (!c.startRubricSheet) throw new Error(UNSUPPORTED_EDITOR);
      return c.startRubricSheet(fromId);
    },
    checkRubricSheet: async (file) => {
      const c = await get();
      if (!c.checkRubricSheet) throw new Error(UNSUPPORTED_EDITOR);
      return c.checkRubricSheet(file);
    },
    saveRubricSheet: async () => {
      const c = await get();
      if (!c.saveRubricSheet) throw new Error(UNSUPPORTED_EDITOR);
      return c.saveRubricSheet();
    },
    onRubricSheet(listener) {
      sheetListeners.add(listener);
      return () => sheetListeners.delete(listener);
    },
    // 自评: the page asks for the score workbook file first (its controller works on files).
    selfAssessmentNeedsWorkbook: options.host.mode === 'browser',
    makeForms: async (workbook) => {
      const c = await get();
      if (!c.makeForms) throw new Error(UNSUPPORTED_SELF);
      return c.makeForms(workbook);
    },
    collectForms: async (forms, replace, workbook, choice) => {
      const c = await get();
      if (!c.collectForms) throw new Error(UNSUPPORTED_SELF);
      return c.collectForms(forms, replace, workbook, choice);
    },
    createWorkbook: async (rubricId, roster, onProgress, signal, opts) =>
      (await get()).createWorkbook(rubricId, roster, onProgress, signal, opts),
    rescoreAll: async () => (await get()).rescoreAll(),
    exportAnnex: async () => (await get()).exportAnnex(),
    selectProblem: async (problem) => (await get()).selectProblem(problem),
    repair: async (problem) => (await get()).repair?.(problem),
    status: current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  if (options.host.mode === 'excel')
    controller.setSummarySelf = async (on) => {
      const c = await get();
      if (!c.setSummarySelf) throw new Error(UNSUPPORTED_SELF);
      return c.setSummarySelf(on);
    };
  // Both hosts: the page from a merged workbook file, Excel from the open workbook.
  controller.annexWithEvidence = async (file, choice) => {
    const c = await get();
    if (!c.annexWithEvidence) throw new Error(UNSUPPORTED_SELF);
    return c.annexWithEvidence(file, choice);
  };
  const fallback = options.scoreFile;
  if (fallback)
    controller.scoreFile = async (file: File) => {
      // The loaded controller records the result as its status, which this wrapper relays.
      const c = await get();
      if (c.scoreFile) await c.scoreFile(file);
      else await fallback(file);
    };
  return controller;
}
