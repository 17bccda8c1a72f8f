/**
 * File mode in the task pane opened in a plain browser: a filled scoring workbook picked from disk
 * is scored, the scored workbook and the annex are downloaded, and the result is shown as the pane's
 * status (units, scores, problems). Loaded lazily with exceljs.
 */
import { buildStatus } from '../layout/status';
import type { StatusProblem, WorkbookStatus } from '../layout/status';
import { downloadBlob } from './download';
import { isWorkbookError } from './errors';
import { reviewItems } from './browser-self-assessment';
import { scoreFilledWorkbook } from './file-mode';

const stem = (name: string) => name.replace(/\.xlsx$/i, '');

export async function scoreFileInBrowser(file: File): Promise<WorkbookStatus> {
  let out;
  try {
    out = await scoreFilledWorkbook(await file.arrayBuffer(), { fileName: file.name });
  } catch (e) {
    // Unusable files carry a Chinese message; anything else is reported as is.
    throw new Error(isWorkbookError(e) ? e.message : `无法读取「${file.name}」：${e instanceof Error ? e.message : String(e)}`);
  }
  downloadBlob(`${stem(file.name)}-已计分.xlsx`, out.scored);
  downloadBlob(`${stem(file.name)}-附件.xlsx`, out.annex);
  const workbookProblems: StatusProblem[] = out.workbookProblems.map((p, i) => ({
    ...p,
    id: `file:${i}`,
    kind: /版本|校验码/.test(p.message) ? 'version' : 'other',
  }));
  const status = buildStatus(
    out.rubric,
    out.meta,
    out.result,
    workbookProblems,
    [`已下载「${stem(file.name)}-已计分.xlsx」和「${stem(file.name)}-附件.xlsx」`],
    (key, indicatorId, fieldId) => out.locate(key, indicatorId, fieldId)?.cell,
  );
  // No sheet to select in a browser: the list shows where the cell is instead (ProblemList).
  const withSheet = (p: StatusProblem): StatusProblem => {
    const at = p.target?.address ? out.locate(p.target.sheetKey, p.indicatorId, p.fieldId) : undefined;
    return at && p.target ? { ...p, target: { ...p.target, sheetName: at.sheet } } : p;
  };
  // A merged workbook (collected 自评表): the 核查清单 is listed in the page too, with 核减原因 boxes
  // written into this file (browser-self-assessment.ts saveReasons).
  const review = reviewItems(out.review);
  return {
    ...status,
    problems: status.problems.map(withSheet),
    review,
    ...(review ? { reviewSource: { name: file.name, bytes: file } } : {}),
  };
}
