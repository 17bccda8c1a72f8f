/**
 * The boundary between the task pane (React, no scoring logic) and whatever does the work: the live
 * Excel controller (src/excel), or the file-mode controller in a plain browser (src/xlsx). The UI
 * only calls these methods and renders the status it is given. Kept below the hosts (with the
 * status types of ./status) so that the hosts implement it without importing from the pane.
 */
import type { ReviewItem, RubricSummary, StatusProblem, WorkbookStatus } from './status';

export interface RosterEntry {
  name: string;
  group: string;
}

export interface CreateOptions {
  /** Protect the sheets so only the yellow input cells can be edited (no password). */
  protectComputed?: boolean;
}

export interface Progress {
  done: number;
  total: number;
  phase: string;
}

export type ImportResult = { ok: true; rubric: RubricSummary } | { ok: false; errors: { path: string; message: string; fix: string }[] };

/** 比较评分细则: what changed from the base rubric to the one in the file (src/rubric/diff.ts). */
export type CompareResult =
  | { ok: true; base: string; other: string; changes: { where: string; what: string }[] }
  | { ok: false; errors: { path: string; message: string; fix: string }[] };

/** The base of a comparison: the open workbook's own rubric (Excel, bound) instead of a library id. */
export const WORKBOOK_RUBRIC = ':workbook';

/** 编辑评分细则: the 细则定义 sheets checked: the rubric they define, or each refused cell. */
export type RubricSheetResult =
  { ok: true; rubric: RubricSummary } | { ok: false; errors: { sheet: string; cell: string; message: string; fix: string }[] };

/** 保存为评分细则: the rubric, now in the library (and in the workbook, in Excel), and its JSON to offer as a file. */
export interface SavedRubric {
  rubric: RubricSummary;
  fileName: string;
  json: string;
}

/** 生成自评表: the .zip offered as a download, and how many forms it holds. */
/** A workbook file the page holds (picked, or made by the page), e.g. to write typed 核减原因 into. */
export interface HeldWorkbook {
  name: string;
  bytes: Blob | ArrayBuffer;
}

export interface FormsMade {
  fileName: string;
  count: number;
}

/** 收回自评表: what was imported, what was refused (one Chinese line each), who returned and who did not. */
export interface FormsCollected {
  /** The page: the merged workbook downloaded. Excel writes into the open workbook and has none. */
  fileName?: string;
  imported: { file: string; unit: string; changes: number; replaced: boolean; prefilled?: number }[];
  refused: string[];
  /** Units collected before (and not replaced now). */
  earlier: string[];
  notReturned: string[];
  /** The page: the merged workbook's 核查清单 and whether it is 终稿. */
  review?: ReviewItem[];
  final?: boolean;
  /** The page: the merged workbook itself, into which 核减原因 typed in the page are written. */
  merged?: HeldWorkbook;
}

/** The page's collect: 汇总 of the merged workbook shows 自评总分 | 差值 | 未说明差异 (recorded in it). */
export interface CollectChoice {
  summarySelf?: boolean;
}

/** 导出附件（含佐证材料清单） in the page: the annex of a merged workbook, with the evidence list. */
export interface EvidenceAnnex {
  fileName: string;
  /** Excel: opened as a new workbook rather than downloaded. */
  opened?: boolean;
  final: boolean;
  review: ReviewItem[];
  /** The 自评与核定对照表 was added as the annex's last sheet. */
  comparison: boolean;
  /** Asked for the 对照表 but the workbook holds no 自评: the Chinese message to show. */
  comparisonSkipped?: string;
}

export interface HostInfo {
  /** 'excel' inside Excel at ExcelApi ≥ 1.8; 'excel-too-old' below; 'browser' outside Office. */
  mode: 'excel' | 'excel-too-old' | 'browser';
  /** Highest supported ExcelApi version seen, e.g. "1.8". */
  apiVersion: string | null;
  displayLanguage: string;
}

export interface Controller {
  host(): HostInfo;
  /**
   * Optional, for controllers whose code (rubric catalog, zod, scoring, layout) is loaded with import()
   * after the pane has painted: resolves once listRubrics() and importRubric() have their real answers;
   * rejects, with a Chinese message, if that code could not be loaded. The pane shows a spinner in the
   * rubric section meanwhile. Controllers without it are ready at once.
   */
  whenLoaded?(): Promise<void>;
  listRubrics(): RubricSummary[];
  importRubric(fileName: string, text: string): ImportResult;
  /** 比较评分细则: base (a library id, or WORKBOOK_RUBRIC) against a rubric file; hosts without it omit it. */
  compareRubric?(baseId: string, fileName: string, text: string): Promise<CompareResult>;
  /**
   * 编辑评分细则 (hosts without it omit these). start: from a library rubric, the workbook's
   * (WORKBOOK_RUBRIC) or blank (null): Excel lays out the 细则定义 sheets, the browser downloads
   * 细则定义.xlsx; resolves to what was done, in Chinese. check: Excel reads the sheets (also after each
   * edit, reported to onRubricSheet), the browser reads the uploaded file. save: the last good check
   * becomes a library rubric (selectable for 生成评分表), kept in the workbook in Excel.
   */
  startRubricSheet?(fromId: string | null): Promise<string>;
  checkRubricSheet?(file?: File): Promise<RubricSheetResult>;
  saveRubricSheet?(): Promise<SavedRubric>;
  onRubricSheet?(listener: (r: RubricSheetResult) => void): () => void;
  /** Lays out the workbook. Resolves when done; rejects with a Chinese message. */
  createWorkbook(
    rubricId: string,
    roster: RosterEntry[],
    onProgress: (p: Progress) => void,
    signal?: AbortSignal,
    options?: CreateOptions,
  ): Promise<void>;
  rescoreAll(): Promise<void>;
  /** Excel: opens the annex as a new workbook (or downloads it); browser: downloads. */
  exportAnnex(): Promise<void>;
  /**
   * 自评 (hosts without it omit these). makeForms: 生成自评表, one form per unit in a .zip download;
   * collectForms: 收回自评表, the returned forms checked and taken in. Excel works on the open workbook
   * and ignores `workbook`; the page works on the score workbook file the user chose (`workbook`,
   * required there: see needsWorkbookFile) and downloads the merged one.
   */
  makeForms?(workbook?: File): Promise<FormsMade>;
  collectForms?(forms: File[], replace: boolean, workbook?: File, options?: CollectChoice): Promise<FormsCollected>;
  /**
   * Excel only: 「汇总中列出自评总分与差值」 — records the choice in the open workbook and lays 汇总 out
   * for it (status().summarySelf then says it is on). The page passes the choice to collectForms.
   */
  setSummarySelf?(on: boolean): Promise<void>;
  /** The page only: the 自评 section asks for the score workbook file first. */
  selfAssessmentNeedsWorkbook?: boolean;
  /**
   * 导出附件（含佐证材料清单）, with the 自评与核定对照表 on request. The page: of the merged workbook
   * file given; Excel: of the open workbook (`workbook` ignored), opened as a new workbook.
   */
  annexWithEvidence?(workbook: File | undefined, options?: { comparison?: boolean }): Promise<EvidenceAnnex>;
  /** File mode: score a filled .xlsx and offer the scored workbook and annex as downloads. */
  scoreFile?(file: File): Promise<void>;
  selectProblem(problem: StatusProblem): Promise<void>;
  /** Makes the repair a problem offers (problem.action), e.g. 恢复元数据. Hosts without repairs omit it. */
  repair?(problem: StatusProblem): Promise<void>;
  status(): WorkbookStatus;
  subscribe(listener: (s: WorkbookStatus) => void): () => void;
}
