/**
 * File mode, for offices without Excel (WPS, LibreOffice) and for the task pane's "score a file"
 * button: a filled scoring workbook in, the scored workbook and the official annex out. No DOM
 * here (the task pane downloads the results with download.ts); the input buffer is not modified.
 */
import { NO_SELF_ASSESSMENT } from '../layout/annex-comparison';
import { documentState, type DocumentState } from '../layout/document-state';
import type { WorkbookMeta } from '../layout/plan';
import type { Rubric } from '../rubric/schema';
import { scoreRoster } from '../scoring/score';
import type { Problem, RosterResult } from '../scoring/types';
import { annexBuffer, annexUnits, type AnnexExportOptions } from './annex';
import { comparisonFromReview } from './comparison';
import { evidenceRows } from './evidence';
import { inputLocator, type LocateInput } from './input-address';
import { recordInputChanges } from './input-snapshot';
import { readWorkbook, type ReadOptions, type XlsxInput } from './read-workbook';
import { reviewSelfAssessment, type ReviewResult } from './review';
import { chooseSummarySelf, summarySelfCells } from './summary-self';
import { scoredWorkbook } from './write-scores';

export interface FileModeResult {
  /** The filled workbook with every computed cell written (values only). */
  scored: ArrayBuffer;
  /** The official annex, a new clean workbook. */
  annex: ArrayBuffer;
  result: RosterResult;
  /**
   * Everything worth telling the user, workbook-level first (version mismatch, lost names, cells
   * that could not be written), then the roster's and each unit's problems.
   */
  problems: Problem[];
  /** Workbook-level problems only (also included in `problems`). */
  workbookProblems: Problem[];
  meta: WorkbookMeta;
  /**
   * The sheet and cell of a unit's input (by the unit's key in `meta.units`), where a problem about
   * it points the user: the page's problem list and the CLI print it.
   */
  locate: LocateInput;
  rubric: Rubric;
  /** Content hash of the embedded rubric the workbook was scored with. */
  rubricHash: string;
  /** 终稿 or 草稿 (src/layout/document-state.ts), as printed on every output. */
  state: DocumentState;
  /** Workbooks holding self-assessments: the differences between 核定 and 自评 (src/xlsx/review.ts). */
  review: ReviewResult | null;
  /** 手工修改 rows appended to 变更记录 (inputs changed since the tool last scored or collected the file). */
  changesLogged: number;
  /**
   * Set when the 自评与核定对照表 was asked for but the workbook holds no collected 自评表: the message
   * to show (the annex was made without the sheet, otherwise unchanged).
   */
  comparisonSkipped?: string;
}

export interface FileModeOptions extends Omit<AnnexExportOptions, 'evidence' | 'comparison'>, ReadOptions {
  /** 佐证材料清单 as the annex's last sheet. */
  evidenceList?: boolean;
  /** 自评与核定对照表 as the annex's last sheet (only where 自评表 were collected). */
  selfComparison?: boolean;
  /** 核减原因 typed in the page, by `unitKey|indicatorId`: written into 核查清单 (empty ones keep the file's). */
  reasons?: Readonly<Record<string, string>>;
  /** The file's name, for the 文件 column of the 手工修改 rows appended to 变更记录. */
  fileName?: string;
  /** The time written to 变更记录 (default now). */
  now?: Date;
  /**
   * 汇总 shows 自评总分 | 差值 | 未说明差异 (true) or not (false): the choice is recorded in the scored
   * workbook and kept by every later run; undefined keeps the workbook's own choice.
   */
  summarySelf?: boolean;
}

/** Reads, scores, writes back and exports the annex. Throws WorkbookError for unusable files. */
export async function scoreFilledWorkbook(buffer: XlsxInput, options: FileModeOptions = {}): Promise<FileModeResult> {
  const read = await readWorkbook(buffer, options.useEmbedded ? { useEmbedded: true } : {});
  const result = scoreRoster(read.rubric, read.units, read.parameters);
  // Self-assessments (自评): 自评分 and 核查清单 written; a difference without a reason keeps it a draft.
  const review = reviewSelfAssessment(read, result, options.reasons);
  const state = documentState(result, {
    notices: read.embedded?.notice ? [read.embedded.notice] : [],
    unexplainedDifferences: review?.unexplained ?? 0,
  });
  // The annex is planned before the workbook is written: both only read `result`.
  const { evidenceList, selfComparison, fileName, now, summarySelf, ...annexOptions } = options;
  const comparison = selfComparison ? comparisonFromReview(read, result, review) : null;
  const annex = await annexBuffer(read.rubric, annexUnits(read.units, result.units), {
    ...annexOptions,
    state,
    // 佐证材料清单 on request: read before scoredWorkbook writes (it reads the same cells).
    ...(evidenceList ? { evidence: evidenceRows(read, review) } : {}),
    ...(comparison ? { comparison } : {}),
  });
  // Inputs typed in another program since the tool last saw the file: 手工修改 rows in 变更记录.
  const logged = recordInputChanges(read, { file: fileName, now });
  // 汇总's 自评 columns where the office chose them (recorded in the workbook; off as made).
  const chosen = summarySelf === undefined ? null : await chooseSummarySelf(read, summarySelf);
  const { buffer: scored, report } = await scoredWorkbook(read, result, state, summarySelfCells(read, result, review));
  const workbookProblems = [...read.problems, ...(chosen ? [chosen] : []), ...(review?.problems ?? []), ...report.problems];
  return {
    scored,
    annex,
    result,
    problems: [...workbookProblems, ...result.problems, ...result.units.flatMap((u) => u.problems)],
    workbookProblems,
    meta: read.meta,
    locate: inputLocator(read.blocks),
    rubric: read.rubric,
    rubricHash: read.loaded.hash,
    state,
    review,
    changesLogged: logged,
    ...(selfComparison && !comparison ? { comparisonSkipped: NO_SELF_ASSESSMENT } : {}),
  };
}
