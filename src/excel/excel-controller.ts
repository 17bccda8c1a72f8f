/**
 * The task pane's Controller inside Excel: rubric library, laying out a workbook, binding to the
 * open workbook and relaying the live session's status. No scoring or layout logic of its own.
 */
import { planWorkbook, checkRoster } from '../layout/workbook-plan';
import { contentHash } from '../rubric/hash';
import type { Controller, CreateOptions, HostInfo, Progress, RosterEntry } from '../layout/pane-contract';
import type { StatusProblem, WorkbookStatus } from '../layout/status';
import { RubricLibrary } from '../layout/rubric-library';
import { compareWithFile, rubricLabel } from '../layout/rubric-compare';
import { WORKBOOK_RUBRIC } from '../layout/pane-contract';
import { applyPlan, removePartialWorkbook } from './apply-plan';
import { detectApiLevel, MIN_API, type ApiLevel } from './requirements';
import { writeRecoveredMeta, type MetaRecovery } from './recover-meta';
import { LiveSession } from './session';
import { FormSession } from './form-session';
import { RubricSheetSession } from '../layout/rubric-sheet-session';
import { rubricToDefinition } from '../layout/rubric-sheet';
import {
  layOutDefinition,
  markErrors,
  newMarks,
  readDefinitionValues,
  readStoredRubric,
  storeRubric,
  watchDefinitionSheets,
} from './rubric-editor';

/** Wait this long after the last edit of a 细则定义 sheet before checking it (typing fires a change per cell). */
export const RUBRIC_SHEET_DEBOUNCE_MS = 600;

const UNBOUND: WorkbookStatus = { bound: false, rubric: null, units: [], problems: [], notices: [], lastScoredAt: null };

export interface ExcelControllerOptions {
  api?: ApiLevel;
  library?: RubricLibrary;
  /** Annex export (src/xlsx, loaded lazily): builds the annex bytes from the live session. */
  exportAnnex?: (session: LiveSession) => Promise<void>;
}

export function createExcelController(
  options: ExcelControllerOptions = {},
): Controller & { ready: Promise<void>; session(): LiveSession | null } {
  const api = options.api ?? detectApiLevel();
  const library = options.library ?? new RubricLibrary();
  const listeners = new Set<(s: WorkbookStatus) => void>();
  let session: LiveSession | null = null;
  /** A 自评表 open with the add-in: its 自评分 shown live (src/excel/form-session.ts). */
  let formSession: FormSession | null = null;
  let unsubscribe: (() => void) | null = null;
  let bindMessage: StatusProblem | null = null;
  /** The unit of a 自评表 the add-in cannot score (another rubric version): its pane, without a figure. */
  let unscoredForm: string | null = null;
  /** The metadata rebuilt from the sheets of a workbook that lost it (offered as 恢复元数据). */
  let recovery: Extract<MetaRecovery, { ok: true }> | null = null;

  const current = (): WorkbookStatus => {
    if (session) return session.status();
    if (formSession) return formSession.status();
    const unbound = bindMessage ? { ...UNBOUND, problems: [bindMessage] } : UNBOUND;
    return unscoredForm === null
      ? unbound
      : { ...unbound, form: { unitName: unscoredForm, total: null, missing: 0, draft: true, scoredLive: false } };
  };
  const emit = () => {
    const s = current();
    for (const l of listeners) l(s);
  };
  const attach = (s: LiveSession) => {
    unsubscribe?.();
    session = s;
    unsubscribe = s.subscribe(() => emit());
    emit();
  };
  const bind = async () => {
    if (!api.supports(MIN_API)) return;
    const r = await LiveSession.bind(api);
    recovery = null;
    // Not a score workbook: perhaps a unit's 自评表 (one more sync, only for a workbook the add-in did not make).
    if (!r.ok && r.reason === 'not-bound' && !formSession) {
      const form = await FormSession.bind((id) => library.get(id));
      if (form?.ok) {
        bindMessage = null;
        unscoredForm = null;
        formSession = form.session;
        unsubscribe?.();
        unsubscribe = form.session.subscribe(() => emit());
        emit();
        return;
      }
      if (form) {
        unscoredForm = form.unitName ?? null;
        bindMessage = { id: 'bind', kind: 'version', severity: 'error', unit: '本自评表', message: form.message };
        emit();
        return;
      }
    }
    if (r.ok) {
      bindMessage = null;
      unscoredForm = null;
      attach(r.session);
    } else if (r.reason === 'lost-meta') {
      if (r.recovery.ok) recovery = r.recovery;
      bindMessage = {
        id: 'bind',
        kind: 'other',
        severity: 'error',
        unit: '本工作簿',
        message: r.message,
        ...(r.recovery.ok ? { action: { kind: 'recoverMeta' as const, label: '恢复元数据' } } : {}),
      };
      emit();
    } else if (r.reason === 'broken') {
      bindMessage = { id: 'bind', kind: 'other', severity: 'error', unit: '本工作簿', message: r.message };
      emit();
    }
  };
  // 编辑评分细则: the checked sheets, the cells marked as refused, the edit watcher (registered once).
  const rubricSheet = new RubricSheetSession(library);
  const marks = newMarks();
  let watching = false;
  let pendingCheck: ReturnType<typeof setTimeout> | null = null;
  const checkSheets = async () => {
    const result = rubricSheet.check(await readDefinitionValues());
    await markErrors(result.errorsForMarking, marks);
    const { errorsForMarking: _, ...shown } = result;
    return shown;
  };
  const watch = async () => {
    if (watching) return;
    const n = await watchDefinitionSheets(() => {
      if (pendingCheck) clearTimeout(pendingCheck);
      pendingCheck = setTimeout(() => {
        pendingCheck = null;
        checkSheets().catch((e: unknown) => console.warn('细则定义 check failed', e));
      }, RUBRIC_SHEET_DEBOUNCE_MS);
    });
    watching = n > 0;
  };
  const ready = bind().catch((e: unknown) => {
    bindMessage = {
      id: 'bind',
      kind: 'other',
      severity: 'error',
      unit: '本工作簿',
      message: `读取工作簿失败：${e instanceof Error ? e.message : String(e)}`,
    };
    emit();
  });
  // A rubric saved in this workbook (保存为评分细则) is offered again when the pane reopens. Read when
  // the pane asks for the rubric list (whenLoaded), after binding: binding's syncs stay as they were.
  let restored: Promise<void> | null = null;
  const whenLoaded = () =>
    (restored ??= ready.then(async () => {
      if (!api.supports(MIN_API)) return;
      const json = await readStoredRubric().catch(() => null);
      if (json) library.import('本工作簿保存的细则.json', json);
    }));

  const boundSession = (): LiveSession => {
    if (!session) throw new Error('当前工作簿不是本加载项生成的考核工作簿，请先生成评分表。');
    return session;
  };

  const host = (): HostInfo => ({
    mode: api.supports(MIN_API) ? 'excel' : 'excel-too-old',
    apiVersion: api.version,
    displayLanguage: (globalThis as { Office?: typeof Office }).Office?.context?.displayLanguage ?? 'zh-CN',
  });

  return {
    ready,
    whenLoaded,
    session: () => session,
    host,
    listRubrics: () => library.list(),
    importRubric: (fileName, text) => library.import(fileName, text),
    async compareRubric(baseId, fileName, text) {
      const base = baseId === WORKBOOK_RUBRIC ? (session?.rubric ?? null) : library.get(baseId);
      if (!base) throw new Error(baseId === WORKBOOK_RUBRIC ? '当前工作簿不是本加载项生成的考核工作簿。' : `找不到评分细则「${baseId}」`);
      return compareWithFile(base, `${baseId === WORKBOOK_RUBRIC ? '本工作簿的细则：' : ''}${rubricLabel(base)}`, fileName, text);
    },
    async startRubricSheet(fromId) {
      const from = fromId === null ? null : fromId === WORKBOOK_RUBRIC ? (session?.rubric ?? null) : library.get(fromId);
      if (fromId !== null && !from) throw new Error(`找不到评分细则「${fromId}」`);
      await layOutDefinition(rubricToDefinition(from));
      await watch();
      await checkSheets();
      return from
        ? `已按「${from.city} ${from.year} ${from.annex.title}」生成「细则定义」等工作表：在黄色格子中修改，每次修改后自动检查。`
        : '已生成空白的「细则定义」等工作表：在黄色格子中填写，每次修改后自动检查。';
    },
    async checkRubricSheet() {
      await watch();
      return checkSheets();
    },
    async saveRubricSheet() {
      await checkSheets();
      const saved = rubricSheet.save();
      await storeRubric(saved.json);
      return saved;
    },
    onRubricSheet: (listener) => rubricSheet.subscribe(listener),
    async createWorkbook(
      rubricId: string,
      roster: RosterEntry[],
      onProgress: (p: Progress) => void,
      signal?: AbortSignal,
      createOptions?: CreateOptions,
    ) {
      const rubric = library.get(rubricId);
      if (!rubric) throw new Error(`找不到评分细则「${rubricId}」`);
      const loaded = { rubric, hash: contentHash(rubric) };
      const problems = checkRoster(loaded, roster);
      if (problems.length) throw new Error(problems.map((p) => p.message).join('；'));
      if (session) throw new Error('本工作簿已经生成过考核评分表。请新建一个空白工作簿再生成。');
      const plan = planWorkbook(loaded, roster, undefined, { protectComputed: createOptions?.protectComputed });
      let applied: { warnings: string[] };
      try {
        applied = await applyPlan(plan, { api, signal, onProgress: (done, total) => onProgress({ done, total, phase: '生成评分表' }) });
      } catch (e) {
        // A failure after the metadata sheet was written (protection, removing the empty default
        // sheet) leaves a complete workbook: bind it. Before that, the sheets made so far are removed
        // so that the workbook is as it was and 生成评分表 can simply be run again.
        await bind().catch(() => undefined);
        const bound = session as LiveSession | null;
        if (bound) {
          bound.addNotices([`生成评分表的最后一步出错（${e instanceof Error ? e.message : String(e)}），评分表已完整生成并开始计分`]);
          return;
        }
        const removed = await removePartialWorkbook(plan).then(
          () => '已撤销本次生成的工作表，可以直接重新生成。',
          () => '未能撤销已生成的部分工作表，请新建一个空白工作簿再生成。',
        );
        throw new Error(`${e instanceof Error ? e.message : String(e)}（${removed}）`);
      }
      onProgress({ done: roster.length, total: roster.length, phase: '计分' });
      // The workbook is complete: a failed first scoring round is tried once more before giving up.
      await bind().catch(() => bind());
      const live = session as LiveSession | null; // set by bind()
      if (applied.warnings.length && live) live.addNotices(applied.warnings);
    },
    async rescoreAll() {
      if (formSession) return formSession.rescore();
      if (!session) {
        await bind();
        if (!session) throw new Error(bindMessage?.message ?? '当前工作簿不是本加载项生成的考核工作簿，请先生成评分表。');
        return;
      }
      await session.rescoreAll();
    },
    async exportAnnex() {
      if (!session) throw new Error('当前工作簿不是本加载项生成的考核工作簿，请先生成评分表。');
      await session.rescoreAll();
      if (options.exportAnnex) await options.exportAnnex(session);
      else {
        // exceljs is loaded only now, in its own chunk.
        const { exportAnnexFromSession } = await import(/* webpackChunkName: "annex" */ './export-annex');
        await exportAnnexFromSession(session, api);
      }
    },
    // 自评 on the open workbook; exceljs and the form code are loaded only when a button is used.
    async makeForms() {
      const live = boundSession();
      const { downloadLiveForms } = await import(/* webpackChunkName: "self-assessment-excel" */ './self-assessment');
      return downloadLiveForms(live);
    },
    async collectForms(forms, replace) {
      const live = boundSession();
      const files = await Promise.all(forms.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
      const { collectIntoLive } = await import(/* webpackChunkName: "self-assessment-excel" */ './self-assessment');
      return collectIntoLive(live, files, { replace });
    },
    async setSummarySelf(on) {
      await boundSession().setSummarySelf(on);
    },
    async annexWithEvidence(_workbook, choice) {
      const live = boundSession();
      await live.rescoreAll();
      const { exportAnnexWithEvidence } = await import(/* webpackChunkName: "annex" */ './export-annex');
      return exportAnnexWithEvidence(live, api, choice);
    },
    async selectProblem(problem) {
      if (session && problem.target) await session.select(problem.target.sheetKey, problem.target.address);
    },
    async repair(problem) {
      if (!problem.action) return;
      if (session) await session.repair(problem.action.kind, problem.target?.sheetKey);
      else if (problem.action.kind === 'recoverMeta' && recovery) {
        await writeRecoveredMeta(recovery);
        await bind();
      }
    },
    status: current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
