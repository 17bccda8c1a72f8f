/**
 * 导出附件 inside Excel: the annex is built with exceljs (loaded lazily) from the live session's
 * inputs and scores, then opened as a new workbook (Excel.createWorkbook, ExcelApi 1.8) or, where
 * that is not available, downloaded. The source workbook is never modified.
 */
import { NO_SELF_ASSESSMENT } from '../layout/annex-comparison';
import { documentState, type DocumentState } from '../layout/document-state';
import type { EvidenceAnnex } from '../layout/pane-contract';
import { reviewItems } from '../layout/review';
import { annexBuffer, annexUnits } from '../xlsx/annex';
import { liveComparison, liveEvidenceRows } from './annex-extras';
import { downloadBlob } from '../xlsx/download';
import type { ApiLevel } from './requirements';
import type { LiveSession } from './session';

export function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export function annexFileName(session: LiveSession, date = new Date()): string {
  const d = `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`;
  return `${session.rubric.city}${session.rubric.year}年考核结果附件${session.rubric.annex.number ?? ''}_${d}.xlsx`;
}

/** The optional last sheets of the annex (issue 17), as the page's 「附件中加入…」 choices. */
export interface SessionAnnexOptions {
  /** 佐证材料清单. */
  evidence?: boolean;
  /** 自评与核定对照表 (left out, with NO_SELF_ASSESSMENT, where no unit sheet carries 自评). */
  comparison?: boolean;
  /** Date in the page header (tests fix it); default today. */
  date?: Date | string;
}

export interface SessionAnnex {
  buffer: ArrayBuffer;
  state: DocumentState;
  comparisonSkipped?: string;
}

/** The annex of the live workbook, with its state (草稿 / 终稿) and the workbook's notices on every page. */
export async function sessionAnnex(session: LiveSession, options: SessionAnnexOptions = {}): Promise<SessionAnnex> {
  const { inputs, result, keys } = session.snapshot();
  if (!result) throw new Error('尚未计分，无法导出附件');
  // A difference between 核定 and 自评 without a 核减原因 keeps the annex a draft too (session.documentState).
  const state = session.documentState() ?? documentState(result, { notices: session.documentNotices });
  const comparison = options.comparison ? liveComparison(session, result) : null;
  const buffer = await annexBuffer(session.rubric, annexUnits(inputs, result.units, keys), {
    state,
    ...(options.date !== undefined ? { date: options.date } : {}),
    ...(options.evidence ? { evidence: liveEvidenceRows(session) } : {}),
    ...(comparison ? { comparison } : {}),
  });
  return { buffer, state, ...(options.comparison && !comparison ? { comparisonSkipped: NO_SELF_ASSESSMENT } : {}) };
}

export async function sessionAnnexBuffer(session: LiveSession, options: SessionAnnexOptions = {}): Promise<ArrayBuffer> {
  return (await sessionAnnex(session, options)).buffer;
}

/** Opens the annex as a new workbook (ExcelApi 1.8) or, where that is not available, downloads it. */
async function openOrDownload(session: LiveSession, api: ApiLevel, buffer: ArrayBuffer): Promise<'opened' | 'downloaded'> {
  if (api.supports('1.8') && typeof Excel !== 'undefined' && typeof Excel.createWorkbook === 'function') {
    await Excel.createWorkbook(toBase64(buffer));
    return 'opened';
  }
  downloadBlob(annexFileName(session), buffer);
  return 'downloaded';
}

/**
 * 导出附件（含佐证材料清单） in Excel: the annex of the open workbook with the 佐证材料清单 and, on
 * request, the 自评与核定对照表, read from what the session holds (the caller rescored just before).
 */
export async function exportAnnexWithEvidence(
  session: LiveSession,
  api: ApiLevel,
  options: { comparison?: boolean } = {},
): Promise<EvidenceAnnex> {
  const out = await sessionAnnex(session, { evidence: true, comparison: options.comparison === true });
  const how = await openOrDownload(session, api, out.buffer);
  const review = session.selfAssessment().review;
  return {
    fileName: annexFileName(session),
    ...(how === 'opened' ? { opened: true } : {}),
    final: out.state.final,
    review: review ? reviewItems(review) : [],
    comparison: options.comparison === true && !out.comparisonSkipped,
    ...(out.comparisonSkipped ? { comparisonSkipped: out.comparisonSkipped } : {}),
  };
}

export async function exportAnnexFromSession(session: LiveSession, api: ApiLevel): Promise<'opened' | 'downloaded'> {
  return openOrDownload(session, api, await sessionAnnexBuffer(session));
}
