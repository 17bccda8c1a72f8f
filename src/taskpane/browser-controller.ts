/**
 * The controller used in a plain browser (no Excel: WPS or LibreOffice offices, or anyone without the
 * add-in): it lists the built-in rubrics (and accepts imported ones); 生成评分表 downloads the blank
 * workbook the command line makes (when `downloadBlank` is passed in: src/xlsx through
 * browser-blank-workbook.ts); `scoreFile` scores a filled one. index.tsx loads it with import(), after
 * the pane has painted. Given another host mode, createWorkbook says plainly that this build cannot lay
 * out workbooks.
 */
import type { LoadedRubric } from '../rubric/load';
import type { Controller, CreateOptions, HostInfo, ImportResult, RosterEntry, RubricSummary, WorkbookStatus } from './controller';
import { RubricLibrary } from '../layout/rubric-library';
import { compareWithFile, rubricLabel } from '../layout/rubric-compare';
import { RubricSheetSession } from '../layout/rubric-sheet-session';
import type { DefinitionValues } from '../layout/rubric-sheet';
import type { Rubric } from '../rubric/schema';

export interface BrowserControllerOptions {
  host?: Partial<HostInfo>;
  /** File mode (src/xlsx): score a filled .xlsx and download the results. */
  /** File mode (src/xlsx): scores a filled .xlsx, downloads the results and returns the status to show. */
  scoreFile?: (file: File) => Promise<WorkbookStatus | void>;
  library?: RubricLibrary;
  /** 生成评分表 in a plain browser: lays out the blank workbook and downloads it. */
  downloadBlank?: (loaded: LoadedRubric, roster: RosterEntry[], options: CreateOptions) => Promise<string>;
  /** 编辑评分细则 in a plain browser (src/xlsx through browser-rubric-sheet.ts): 细则定义.xlsx out and back. */
  rubricSheet?: { download(rubric: Rubric | null): Promise<string>; read(file: File): Promise<DefinitionValues> };
}

const EMPTY_STATUS: WorkbookStatus = {
  bound: false,
  rubric: null,
  units: [],
  problems: [],
  notices: [],
  lastScoredAt: null,
};

function browserLanguage(): string {
  return typeof navigator !== 'undefined' && typeof navigator.language === 'string' ? navigator.language : 'zh-CN';
}

export function createBrowserController(options: BrowserControllerOptions = {}): Controller {
  let library: RubricLibrary | null = options.library ?? null;
  const lib = () => (library ??= new RubricLibrary());
  const host: HostInfo = {
    mode: options.host?.mode ?? 'browser',
    apiVersion: options.host?.apiVersion ?? null,
    displayLanguage: options.host?.displayLanguage ?? browserLanguage(),
  };
  const noWorkbook = () =>
    Promise.reject(
      new Error(
        host.mode === 'browser'
          ? '当前页面不在 Excel 中，没有可操作的评分表。请在 Excel 中打开本加载项，或使用文件模式。'
          : '此版本尚未接入 Excel 评分表功能，请联系管理员更新加载项。',
      ),
    );

  let current: WorkbookStatus = EMPTY_STATUS;
  const listeners = new Set<(s: WorkbookStatus) => void>();
  const controller: Controller = {
    host: () => host,
    listRubrics: (): RubricSummary[] => lib().list(),
    importRubric: (fileName: string, text: string): ImportResult => lib().import(fileName, text),
    compareRubric: async (baseId, fileName, text) => {
      const base = lib().get(baseId);
      if (!base) throw new Error(`找不到评分细则「${baseId}」，请重新选择。`);
      return compareWithFile(base, rubricLabel(base), fileName, text);
    },
    createWorkbook: async (rubricId, roster, onProgress, signal, createOptions) => {
      if (host.mode !== 'browser' || !options.downloadBlank) return noWorkbook();
      const loaded = lib().loaded(rubricId);
      if (!loaded) throw new Error(`找不到评分细则「${rubricId}」，请重新选择。`);
      onProgress({ done: 0, total: roster.length, phase: '正在生成评分表' });
      const fileName = await options.downloadBlank(loaded, roster, createOptions ?? {});
      if (signal?.aborted) return;
      onProgress({ done: roster.length, total: roster.length, phase: '已下载' });
      current = {
        ...current,
        notices: [`已下载「${fileName}」：在 WPS、LibreOffice 或 Excel 中填写黄色单元格后，在上方「文件模式」中打开它计分。`],
      };
      for (const l of listeners) l(current);
    },
    rescoreAll: () => noWorkbook(),
    exportAnnex: () => noWorkbook(),
    selectProblem: () => Promise.resolve(),
    status: () => current,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const rubricSheet = options.rubricSheet;
  if (rubricSheet) {
    let session: RubricSheetSession | null = null;
    const sheets = () => (session ??= new RubricSheetSession(lib()));
    controller.startRubricSheet = async (fromId) => {
      const from = fromId === null ? null : lib().get(fromId);
      if (fromId !== null && !from) throw new Error(`找不到评分细则「${fromId}」，请重新选择。`);
      const name = await rubricSheet.download(from);
      return `已下载「${name}」：在 WPS、LibreOffice 或 Excel 中填写黄色格子，保存后在下面选择它检查。`;
    };
    controller.checkRubricSheet = async (file) => {
      if (!file) throw new Error('请选择已填写的细则定义表（.xlsx）。');
      const { errorsForMarking: _, ...result } = sheets().check(await rubricSheet.read(file));
      return result;
    };
    controller.saveRubricSheet = async () => sheets().save();
    controller.onRubricSheet = (listener) => sheets().subscribe(listener);
  }
  if (host.mode === 'browser') {
    // 自评 on files (src/xlsx through browser-self-assessment.ts, loaded when a button is used): the
    // score workbook is a file the user chooses, the merged one is downloaded.
    const load = () => import(/* webpackChunkName: "self-assessment" */ '../xlsx/browser-self-assessment');
    const chosen = (workbook?: File) => {
      if (!workbook) throw new Error('请先选择评分表（.xlsx）。');
      return workbook;
    };
    controller.selfAssessmentNeedsWorkbook = true;
    controller.makeForms = async (workbook) => (await load()).downloadForms(chosen(workbook));
    controller.collectForms = async (forms, replace, workbook, choice) =>
      (await load()).collectInBrowser(chosen(workbook), forms, replace, choice);
    controller.annexWithEvidence = async (file, options) => (await load()).annexWithEvidence(chosen(file), options);
  }
  const scoreFile = options.scoreFile;
  if (scoreFile)
    controller.scoreFile = async (file: File) => {
      const status = await scoreFile(file);
      if (status) {
        current = status;
        for (const l of listeners) l(current);
      }
    };
  return controller;
}
