/**
 * The controller used in a plain browser (no Excel): it lists the built-in rubrics (and accepts
 * imported ones) so staff can read them, has no workbook, and offers `scoreFile` only when one is
 * passed in (src/xlsx provides it). index.tsx loads it with import(), after the pane has painted.
 * Given another host mode, createWorkbook says plainly that this build cannot lay out workbooks.
 */
import type { Controller, HostInfo, ImportResult, RubricSummary, WorkbookStatus } from './controller';
import { RubricLibrary } from '../layout/rubric-library';

export interface BrowserControllerOptions {
  host?: Partial<HostInfo>;
  /** File mode (src/xlsx): score a filled .xlsx and download the results. */
  /** File mode (src/xlsx): scores a filled .xlsx, downloads the results and returns the status to show. */
  scoreFile?: (file: File) => Promise<WorkbookStatus | void>;
  library?: RubricLibrary;
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
    createWorkbook: () => noWorkbook(),
    rescoreAll: () => noWorkbook(),
    exportAnnex: () => noWorkbook(),
    selectProblem: () => Promise.resolve(),
    status: () => current,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
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
