/** Ribbon commands run in a short-lived runtime: bind to the open workbook once, without listening. */
import { detectApiLevel, MIN_API, type ApiLevel } from '../excel/requirements';
import { LiveSession } from '../excel/session';

export type Bound = { ok: true; session: LiveSession; api: ApiLevel } | { ok: false; message: string };

export async function bindOnce(): Promise<Bound> {
  const api = detectApiLevel();
  if (!api.supports(MIN_API)) return { ok: false, message: `需要 ExcelApi ${MIN_API}（Office 2019 或更新版本）` };
  const r = await LiveSession.bind(api, { listen: false });
  return r.ok ? { ok: true, session: r.session, api } : { ok: false, message: r.message };
}
