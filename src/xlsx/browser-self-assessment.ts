/**
 * 自评 in the page without Excel (file mode): 生成自评表 downloads one .zip holding a 自评表 per unit
 * of a score workbook (forms.ts); 收回自评表 takes the returned forms into that workbook (collect.ts),
 * downloads the merged, scored workbook and returns the summary and the 核查清单 items to show.
 * Loaded with import() by the page, like browser-file-mode.ts, so exceljs stays out of the first paint.
 */
import { zipSync } from 'fflate';
import type { ReviewItem } from '../layout/status';
import type { HeldWorkbook } from '../layout/pane-contract';
import { collectForms } from './collect';
import { downloadBlob } from './download';
import { isWorkbookError } from './errors';
import { scoreFilledWorkbook } from './file-mode';
import { makeForms } from './forms';
import type { ReviewResult } from './review';

const stem = (name: string) => name.replace(/\.xlsx$/i, '');

function readable(e: unknown, file: string): Error {
  // Unusable files carry a Chinese message; anything else is reported with the file's name.
  return new Error(isWorkbookError(e) ? e.message : `无法读取「${file}」：${e instanceof Error ? e.message : String(e)}`);
}

/** The 核查清单 lines of a scored workbook, as the page lists them. */
export function reviewItems(review: ReviewResult | null): ReviewItem[] | undefined {
  return review?.differences.map(({ unitKey, indicatorId, unit, item, self, verified, difference, reason }) => ({
    key: `${unitKey}|${indicatorId}`,
    unit,
    item,
    self,
    verified,
    difference,
    reason,
  }));
}

/** 生成自评表: the forms of every unit in one .zip (stored: an .xlsx is compressed already). Returns the zip's name and the count. */
export async function downloadForms(workbook: File): Promise<{ fileName: string; count: number }> {
  let made;
  try {
    made = await makeForms(await workbook.arrayBuffer());
  } catch (e) {
    throw readable(e, workbook.name);
  }
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const f of made.forms) entries[f.fileName] = [new Uint8Array(f.buffer), { level: 0 }];
  const fileName = `${stem(workbook.name)}-自评表.zip`;
  downloadBlob(fileName, new Blob([zipSync(entries)], { type: 'application/zip' }));
  return { fileName, count: made.forms.length };
}

/** A workbook the page holds (picked, or made by the page), whose 核查清单 the page can write reasons into. */
export type ReviewSource = HeldWorkbook;

export interface CollectSummary {
  /** The merged workbook's download name. */
  fileName: string;
  /** The merged workbook itself: 核减原因 typed in the page are written into it (saveReasons). */
  merged: ReviewSource;
  imported: { file: string; unit: string; changes: number; replaced: boolean }[];
  refused: string[];
  earlier: string[];
  notReturned: string[];
  review: ReviewItem[];
  /** 终稿 or 草稿 of the merged workbook. */
  final: boolean;
}

/** 收回自评表: checks and merges the forms, downloads the merged workbook, returns what to show. */
export async function collectInBrowser(
  workbook: File,
  forms: File[],
  replace = false,
  choice: { summarySelf?: boolean } = {},
): Promise<CollectSummary> {
  const files = await Promise.all(forms.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
  let out;
  try {
    out = await collectForms(await workbook.arrayBuffer(), files, { replace, fileName: workbook.name, ...choice });
  } catch (e) {
    throw readable(e, workbook.name);
  }
  const fileName = `${stem(workbook.name)}-已收回自评.xlsx`;
  downloadBlob(fileName, out.scored.scored);
  return {
    fileName,
    merged: { name: fileName, bytes: out.scored.scored },
    imported: out.accepted.map((a) => ({ file: a.file, unit: a.unitName, changes: a.changes, replaced: a.replaced })),
    refused: out.refused.map((r) => r.message),
    earlier: out.earlier.map((e) => e.name),
    notReturned: out.notReturned.map((u) => u.name),
    review: reviewItems(out.scored.review) ?? [],
    final: out.scored.state.final,
  };
}

export interface AnnexDownload {
  fileName: string;
  final: boolean;
  review: ReviewItem[];
  /** The 自评与核定对照表 was added as the annex's last sheet. */
  comparison: boolean;
  /** Asked for the 对照表 but the workbook holds no 自评: the Chinese message to show. */
  comparisonSkipped?: string;
}

/**
 * 导出附件（含佐证材料清单）: the annex of a merged workbook with the evidence list, and on request the
 * 自评与核定对照表, as its last sheets.
 */
export async function annexWithEvidence(workbook: File, options: { comparison?: boolean } = {}): Promise<AnnexDownload> {
  let out;
  try {
    out = await scoreFilledWorkbook(await workbook.arrayBuffer(), {
      evidenceList: true,
      selfComparison: options.comparison === true,
      fileName: workbook.name,
    });
  } catch (e) {
    throw readable(e, workbook.name);
  }
  const fileName = `${stem(workbook.name)}-附件.xlsx`;
  downloadBlob(fileName, out.annex);
  return {
    fileName,
    final: out.state.final,
    review: reviewItems(out.review) ?? [],
    comparison: options.comparison === true && !out.comparisonSkipped,
    ...(out.comparisonSkipped ? { comparisonSkipped: out.comparisonSkipped } : {}),
  };
}

export interface ReasonsSaved {
  fileName: string;
  final: boolean;
  review: ReviewItem[];
  /** The workbook just downloaded: the next reasons are written into it. */
  source: ReviewSource;
}

/**
 * 核减原因 typed in the page's 核查清单 list: the workbook is scored again with them written into its
 * 核查清单 sheet (the cells review.ts reads back; reasons already in the file are kept, an empty
 * typed one never clears them), and downloaded. When every difference has a reason it is 终稿.
 */
export async function saveReasons(source: ReviewSource, reasons: Record<string, string>): Promise<ReasonsSaved> {
  const bytes = source.bytes instanceof ArrayBuffer ? source.bytes : await source.bytes.arrayBuffer();
  let out;
  try {
    out = await scoreFilledWorkbook(bytes, { reasons, fileName: source.name });
  } catch (e) {
    throw readable(e, source.name);
  }
  const fileName = `${stem(source.name).replace(/-(已收回自评|含核减原因)$/, '')}-含核减原因.xlsx`;
  downloadBlob(fileName, out.scored);
  return { fileName, final: out.state.final, review: reviewItems(out.review) ?? [], source: { name: fileName, bytes: out.scored } };
}
