/**
 * 导出附件 inside Excel: the annex is built with exceljs (loaded lazily) from the live session's
 * inputs and scores, then opened as a new workbook (Excel.createWorkbook, ExcelApi 1.8) or, where
 * that is not available, downloaded. The source workbook is never modified.
 */
import { documentState } from '../layout/document-state';
import { annexBuffer, annexUnits } from '../xlsx/annex';
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

/** The annex of the live workbook, with its state (草稿 / 终稿) and the workbook's notices on every page. */
export async function sessionAnnexBuffer(session: LiveSession): Promise<ArrayBuffer> {
  const { inputs, result, keys } = session.snapshot();
  if (!result) throw new Error('尚未计分，无法导出附件');
  // A difference between 核定 and 自评 without a 核减原因 keeps the annex a draft too (session.documentState).
  const state = session.documentState() ?? documentState(result, { notices: session.documentNotices });
  return annexBuffer(session.rubric, annexUnits(inputs, result.units, keys), { state });
}

export async function exportAnnexFromSession(session: LiveSession, api: ApiLevel): Promise<'opened' | 'downloaded'> {
  const buffer = await sessionAnnexBuffer(session);
  if (api.supports('1.8') && typeof Excel !== 'undefined' && typeof Excel.createWorkbook === 'function') {
    await Excel.createWorkbook(toBase64(buffer));
    return 'opened';
  }
  downloadBlob(annexFileName(session), buffer);
  return 'downloaded';
}
