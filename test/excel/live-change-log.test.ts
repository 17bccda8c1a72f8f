/**
 * 变更记录 written by the live session: every input changed by hand appends a 手工修改 row (one per
 * cell, also for a paste), a computed cell typed over and put back appends a 恢复 row (old: what was
 * typed, new: the value put back), in the round's own syncs; the sheet's own changes start no round;
 * a reopened workbook continues the log after its last row.
 */
import { CHANGE_LOG_HEADERS, CHANGE_LOG_SHEET } from '../../src/layout/change-log';
import { SELF_ROLES } from '../../src/layout/self-assessment';
import { loadBuiltin } from '../../src/rubric/catalog';
import { createExcelHost, installGlobals, type ExcelHost } from '../excel-host';
import { bind, cellAddress, cleanup, FULL, inputAt, makeWorkbook, newHost, pasteFull, valueAt } from './helpers';
import { addSelfColumns, selfAt } from './self-helpers';

afterEach(() => cleanup());

const HD = loadBuiltin('hengdong-2020-members').rubric;
const ROSTER = HD.defaultRoster!.slice(0, 3);
const POLICE = '县公安局';
const SIX = HD.categories.find((c) => c.id === '六')!;
const SIX_FIELD = SIX.indicators[0].fields.find((f) => f.id === 'reports')!.label;
const AT = new Date(2026, 11, 6, 10, 30, 0);

const logRows = (host: ExcelHost) =>
  host
    .values(CHANGE_LOG_SHEET, 'A1:I200')
    .filter((r) => r.some((v) => v !== '' && v !== null))
    .map((r) => r.map((v) => (v === null ? '' : v)));

async function bound(api: '1.8' | '1.14' = '1.8') {
  const host = await newHost(api);
  await makeWorkbook(host, 'hengdong-2020-members', ROSTER);
  await addSelfColumns(host, 'U0003');
  const session = await bind(host);
  session.now = () => AT;
  return { host, session };
}

describe('变更记录 from the live session', () => {
  it('an edit of a 核定 input appends one 手工修改 row in the round’s two syncs', async () => {
    const { host } = await bound();
    host.userEdit(POLICE, inputAt(host, POLICE, '六', 'reports'), [[4]]);
    await host.flushEvents();
    const syncs = host.syncCount;
    host.userEdit(POLICE, inputAt(host, POLICE, '六', 'reports'), [[6]]);
    await host.flushEvents();
    expect(host.syncCount - syncs).toBe(2);
    const rows = logRows(host);
    expect(rows[0]).toEqual([...CHANGE_LOG_HEADERS]);
    expect(rows.slice(1)).toEqual([
      ['2026-12-06 10:30:00', POLICE, `${SIX.number} ${SIX.name}`, SIX_FIELD, '核定填报', '', '4', '手工修改', ''],
      ['2026-12-06 10:30:00', POLICE, `${SIX.number} ${SIX.name}`, SIX_FIELD, '核定填报', '4', '6', '手工修改', ''],
    ]);
  });

  it('the same value retyped in another spelling (4 as 4份, 是 as 有) appends no row', async () => {
    const { host } = await bound();
    host.userEdit(POLICE, inputAt(host, POLICE, '六', 'reports'), [[4]]);
    host.userEdit(POLICE, inputAt(host, POLICE, '一', 'leader'), [['是']]);
    await host.flushEvents();
    const before = logRows(host).length;
    host.userEdit(POLICE, inputAt(host, POLICE, '六', 'reports'), [['4份']]);
    await host.flushEvents();
    host.userEdit(POLICE, inputAt(host, POLICE, '一', 'leader'), [['有']]);
    await host.flushEvents();
    expect(logRows(host)).toHaveLength(before);
    // A spelling the field cannot read is a change of text.
    host.userEdit(POLICE, inputAt(host, POLICE, '六', 'reports'), [['四份']]);
    await host.flushEvents();
    expect(
      logRows(host)
        .slice(before)
        .map((r) => [r[5], r[6]]),
    ).toEqual([['4份', '四份']]);
  });

  it('a paste appends one row per changed input; 自评填报 and 佐证材料 are named by their column', async () => {
    const { host } = await bound();
    pasteFull(host, POLICE);
    await host.flushEvents();
    // Every FULL value lands in an empty cell: one row each (a 75% stays the text typed).
    const rows = logRows(host).slice(1);
    expect(rows).toHaveLength(FULL.length);
    expect(rows.every((r) => r[4] === '核定填报' && r[5] === '' && r[7] === '手工修改')).toBe(true);
    expect(rows.map((r) => r[6])).toContain('75%');
    host.userEdit(POLICE, selfAt(host, POLICE, '六', 'reports'), [[5]]);
    await host.flushEvents();
    host.userEdit(POLICE, selfAt(host, POLICE, '六', 'reports', SELF_ROLES.evidence), [['台账第 3 页']]);
    await host.flushEvents();
    expect(logRows(host).slice(-2)).toEqual([
      ['2026-12-06 10:30:00', POLICE, `${SIX.number} ${SIX.name}`, SIX_FIELD, '自评填报', '', '5', '手工修改', ''],
      ['2026-12-06 10:30:00', POLICE, `${SIX.number} ${SIX.name}`, '佐证材料', '佐证材料', '', '台账第 3 页', '手工修改', ''],
    ]);
  });

  it('a 得分 typed over is put back and logged as 恢复 (old: what was typed, new: the value put back)', async () => {
    const { host } = await bound();
    pasteFull(host, POLICE);
    await host.flushEvents();
    const before = logRows(host).length;
    const total = cellAddress(host, POLICE, 't|final', 'score');
    host.userEdit(POLICE, total, [[99]]);
    await host.flushEvents();
    expect(valueAt(host, POLICE, total)).toBe(84.5);
    const rows = logRows(host);
    expect(rows).toHaveLength(before + 1);
    expect(rows[before]).toEqual(['2026-12-06 10:30:00', POLICE, '总分', '得分', '计算结果', '99', '84.5', '恢复', '']);
  });

  it.each(['1.8', '1.14'] as const)('changes in 变更记录 itself start no round at ExcelApi %s', async (api) => {
    const { host, session } = await bound(api);
    host.userEdit(POLICE, inputAt(host, POLICE, '六', 'reports'), [[4]]);
    await host.flushEvents();
    const rounds = session.stats.rounds;
    host.userEdit(CHANGE_LOG_SHEET, 'J2', [['看过']]);
    await host.flushEvents();
    expect(session.stats.rounds).toBe(rounds);
  });

  it('saved and reopened, the log continues after its last row without rewriting it', async () => {
    const { host } = await bound();
    host.userEdit(POLICE, inputAt(host, POLICE, '六', 'reports'), [[4]]);
    await host.flushEvents();
    const first = logRows(host);
    const saved = host.save();
    cleanup();
    const again = createExcelHost({ apiVersion: '1.8', state: saved });
    installGlobals(again);
    const session = await bind(again);
    session.now = () => AT;
    again.userEdit(POLICE, inputAt(again, POLICE, '六', 'reports'), [[8]]);
    await again.flushEvents();
    const rows = logRows(again);
    expect(rows.slice(0, first.length)).toEqual(first);
    expect(rows).toHaveLength(first.length + 1);
    expect(rows[first.length].slice(4, 8)).toEqual(['核定填报', '4', '8', '手工修改']);
    // Binding and 重新计分 log nothing: they read, nobody typed.
    await session.rescoreAll();
    expect(logRows(again)).toHaveLength(first.length + 1);
  });
});
