/**
 * The boundary between the task pane (React, no scoring logic) and whatever does the work: the live
 * Excel controller (src/excel), or the file-mode controller in a plain browser (src/xlsx). The UI
 * only calls these methods and renders the status it is given.
 */
import type { Problem } from '../scoring/types';

export interface RubricSummary {
  id: string;
  version: string;
  city: string;
  year: number;
  title: string;
  documentNumber: string | null;
  sourceFile: string;
  annexNumber: string | null;
  annexTitle: string;
  assessedUnits: string;
  fullMarks: number;
  /** Ranking group ids (市直部门 / 成员单位 / 县区), the first is the default. */
  groups: { id: string; label: string }[];
  /** 'reference' where the document does not rank (鹤岗): ranks are shown as 参考名次 / Reference rank. */
  rankPurpose: 'official' | 'reference';
  defaultRoster: { name: string; group: string }[] | null;
  notes: { id: string; about: string; text: string }[];
  officeMustSet: string[];
  /** true for rubrics imported from a file in this session. */
  imported: boolean;
}

export interface RosterEntry {
  name: string;
  group: string;
}

export interface UnitStatus {
  key: string;
  name: string;
  group: string;
  filled: number;
  expected: number;
  final: number | null;
  band: string | null;
  rank: number | null;
  labels: string[];
  complete: boolean;
}

/** A problem the task pane lists; `target` lets a click select the offending cell. */
export interface StatusProblem extends Problem {
  id: string;
  kind: 'input' | 'missing' | 'overwritten' | 'version' | 'other';
  target?: { sheetKey: string; address?: string };
}

export interface WorkbookStatus {
  /** No workbook made by the add-in is open (or file mode without a file). */
  bound: boolean;
  rubric: RubricSummary | null;
  units: UnitStatus[];
  problems: StatusProblem[];
  /** e.g. 「已恢复 2 个被改写的计算单元格」. */
  notices: string[];
  lastScoredAt: string | null;
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

export type ImportResult =
  | { ok: true; rubric: RubricSummary }
  | { ok: false; errors: { path: string; message: string; fix: string }[] };

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
  /** Lays out the workbook. Resolves when done; rejects with a Chinese message. */
  createWorkbook(rubricId: string, roster: RosterEntry[], onProgress: (p: Progress) => void, signal?: AbortSignal, options?: CreateOptions): Promise<void>;
  rescoreAll(): Promise<void>;
  /** Excel: opens the annex as a new workbook (or downloads it); browser: downloads. */
  exportAnnex(): Promise<void>;
  /** File mode: score a filled .xlsx and offer the scored workbook and annex as downloads. */
  scoreFile?(file: File): Promise<void>;
  selectProblem(problem: StatusProblem): Promise<void>;
  status(): WorkbookStatus;
  subscribe(listener: (s: WorkbookStatus) => void): () => void;
}
