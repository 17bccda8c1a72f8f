/** 导出附件 from the ribbon: bind once (no listening), rescore, open the annex as a new workbook. */
import { detectApiLevel, MIN_API } from '../excel/requirements';
import { LiveSession } from '../excel/session';
import type { CommandOutcome } from './actions';

export async function exportAnnexCommand(): Promise<CommandOutcome> {
  const api = detectApiLevel();
  if (!api.supports(MIN_API)) return { ok: false, message: `需要 ExcelApi ${MIN_API}（Office 2019 或更新版本）` };
  const r = await LiveSession.bind(api, { listen: false });
  if (!r.ok) return { ok: false, message: r.message };
  const { exportAnnexFromSession } = await import(/* webpackChunkName: "annex" */ '../excel/export-annex');
  const how = await exportAnnexFromSession(r.session, api);
  return { ok: true, message: how === 'opened' ? '附件已在新工作簿中打开' : '附件已下载' };
}
