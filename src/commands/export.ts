/** 导出附件 from the ribbon: bind once (no listening), rescore, open the annex as a new workbook. */
import type { CommandOutcome } from './actions';
import { bindOnce } from './bind-once';

export async function exportAnnexCommand(): Promise<CommandOutcome> {
  const b = await bindOnce();
  if (!b.ok) return b;
  const { exportAnnexFromSession } = await import(/* webpackChunkName: "annex" */ '../excel/export-annex');
  const how = await exportAnnexFromSession(b.session, b.api);
  return { ok: true, message: how === 'opened' ? '附件已在新工作簿中打开' : '附件已下载' };
}
