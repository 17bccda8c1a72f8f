/**
 * 汇总's 自评 columns in the live session (issue 17), in the in-memory Excel host: the pane's choice
 * records itself in the metadata sheet and lays 汇总 out with 自评总分 | 差值（核定−自评） | 未说明差异
 * after 核定总分; every later round keeps them current in the same syncs as before, writing only the
 * cells that changed; turning the choice off lays 汇总 out as made.
 *
 * 衡东, three units, every 核定 FULL (84.5, hand-computed in test/excel/session.test.ts's header).
 * 县发改局 (first) returned its 自评 as FULL: 84.5. 县市监局 (second) returned none: 未提交.
 * 县公安局 claims 6 reports for 六 in its 自评: 6 × 0.5 = 3 against 核定 4 × 0.5 = 2, so its 自评 total
 * is 84.5 − 2 + 3 = 85.5, 差值 84.5 − 85.5 = −1, and the one 核查清单 line has no reason yet: 1 open.
 */
import { readMetaColumn } from '../../src/layout/meta';
import { META_SHEET } from '../../src/layout/plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import { createExcelController } from '../../src/excel/excel-controller';
import { createExcelHost, installGlobals, type ExcelHost } from '../excel-host';
import { bind, cellAddress, cleanup, inputAt, makeWorkbook, newHost, pasteFull } from './helpers';
import { addSelfColumns, pasteSelf, selfAt } from './self-helpers';

afterEach(() => cleanup());

const HD = loadBuiltin('hengdong-2020-members').rubric;
const ROSTER = HD.defaultRoster!.slice(0, 3);
const [FIRST, SECOND, POLICE] = ROSTER.map((u) => u.name);
const SUMMARY = '汇总';
const SELF_HEADERS = ['核定总分', '自评总分', '差值（核定−自评）', '未说明差异'];

async function merged(api: '1.8' | '1.14' = '1.8') {
  const host = await newHost(api);
  expect(POLICE).toBe('县公安局');
  await makeWorkbook(host, 'hengdong-2020-members', ROSTER);
  await addSelfColumns(host, 'U0001');
  await addSelfColumns(host, 'U0003');
  for (const u of ROSTER) pasteFull(host, u.name);
  pasteSelf(host, FIRST);
  pasteSelf(host, POLICE, { '六|reports': 6 });
  await host.flushEvents();
  const session = await bind(host);
  return { host, session };
}

/** 汇总's header row (row 4) and each unit's row, by header. */
function summary(host: ExcelHost): { headers: string[]; rows: Map<string, Record<string, unknown>> } {
  const grid = host.values(SUMMARY, 'A1:AF10');
  const h = grid.findIndex((r) => r[0] === '序号');
  const headers = grid[h].map((x) => String(x ?? ''));
  const rows = new Map<string, Record<string, unknown>>();
  for (const r of grid.slice(h + 1))
    if (typeof r[1] === 'string' && r[1]) rows.set(r[1], Object.fromEntries(headers.map((x, i) => [x, r[i]])));
  return { headers, rows };
}

const selfCells = (host: ExcelHost, unit: string) => {
  const r = summary(host).rows.get(unit)!;
  return SELF_HEADERS.map((x) => r[x]);
};

function metaOf(host: ExcelHost) {
  const read = readMetaColumn(host.values(META_SHEET, 'A1:A40').map((r) => (r[0] === '' ? null : (r[0] as string))));
  if (!read.ok) throw new Error(read.message);
  return read.meta;
}

describe('汇总 with 自评总分 | 差值 | 未说明差异 in the live session', () => {
  it('is off as made; the choice lays the columns out after 核定总分, records itself, and 未提交 is a word', async () => {
    const { host, session } = await merged();
    const before = summary(host);
    expect(before.headers).not.toContain('自评总分');
    expect(session.status().summarySelf).toBeUndefined();
    await session.setSummarySelf(true);
    const { headers } = summary(host);
    const at = headers.indexOf('核定总分');
    expect(headers.slice(at, at + 4)).toEqual(SELF_HEADERS);
    expect(selfCells(host, FIRST)).toEqual([84.5, 84.5, 0, 0]);
    expect(selfCells(host, SECOND)).toEqual([84.5, '未提交', '—', '—']);
    expect(selfCells(host, POLICE)).toEqual([84.5, 85.5, -1, 1]);
    expect(metaOf(host).summarySelf).toBe(true);
    expect(session.status().summarySelf).toBe(true);
    // The sheet keeps its place; the table and the name cover the new columns (found again on reopening).
    expect(host.sheetNames().indexOf(SUMMARY)).toBe(0);
    // At ExcelApi 1.8 events are per sheet: the new 汇总 has its handler, so a 自评总分 typed over is put back.
    host.userEdit(SUMMARY, cellAddress(host, SUMMARY, 'u|U0003', 'selfTotal'), [[100]]);
    await host.flushEvents();
    expect(selfCells(host, POLICE)).toEqual([84.5, 85.5, -1, 1]);
    await session.dispose();
    const reopened = await bind(host);
    expect(reopened.status().summarySelf).toBe(true);
    expect(selfCells(host, POLICE)).toEqual([84.5, 85.5, -1, 1]);
  });

  it.each(['1.8', '1.14'] as const)(
    'at ExcelApi %s an edit of 自评填报 updates that unit’s 自评总分 and 差值 in the same two syncs, writing only its changed cells',
    async (api) => {
      const { host, session } = await merged(api);
      await session.setSummarySelf(true);
      await host.flushEvents();
      const from = host.writesLog.length;
      const syncs = host.syncCount;
      // 县公安局 corrects its 自评 to the verified 4 reports: 自评 84.5, 差值 0, no difference left.
      host.userEdit(POLICE, selfAt(host, POLICE, '六', 'reports'), [[4]]);
      await host.flushEvents();
      expect(host.syncCount - syncs).toBe(2);
      expect(selfCells(host, POLICE)).toEqual([84.5, 84.5, 0, 0]);
      const onSummary = host.writesLog.slice(from).filter((w) => w.kind === 'values' && w.sheet === SUMMARY);
      const row = cellAddress(host, SUMMARY, 'u|U0003', 'selfTotal').replace(/[A-Z]+/, '');
      const cols = ['selfTotal', 'selfDifference', 'selfOpen'].map((r) => cellAddress(host, SUMMARY, 'u|U0003', r));
      // One write of the three adjacent cells of 县公安局's row, nothing else of 汇总.
      expect(onSummary.map((w) => w.address)).toEqual([`${cols[0]}:${cols[2]}`]);
      expect(onSummary.every((w) => w.address!.split(':').every((a) => a.replace(/[A-Z]+/, '') === row))).toBe(true);
    },
  );

  it('an edit of a 核定 input updates 差值 (and the 核定总分 beside it) in two syncs', async () => {
    const { host, session } = await merged();
    await session.setSummarySelf(true);
    await host.flushEvents();
    const syncs = host.syncCount;
    // The office accepts 6 reports: 核定 六 = 3, 核定 total 84.5 − 2 + 3 = 85.5 = 自评: 差值 0, no difference.
    host.userEdit(POLICE, inputAt(host, POLICE, '六', 'reports'), [[6]]);
    await host.flushEvents();
    expect(host.syncCount - syncs).toBe(2);
    expect(selfCells(host, POLICE)).toEqual([85.5, 85.5, 0, 0]);
    expect(selfCells(host, FIRST)).toEqual([84.5, 84.5, 0, 0]);
  });

  it('turned off, 汇总 is laid out as made again and the metadata holds no choice', async () => {
    const { host, session } = await merged();
    const made = host.values(SUMMARY, 'A1:AF10');
    await session.setSummarySelf(true);
    await session.setSummarySelf(false);
    expect(host.values(SUMMARY, 'A1:AF10')).toEqual(made);
    expect(metaOf(host).summarySelf).toBeUndefined();
    expect(session.status().summarySelf).toBeUndefined();
  });

  it("恢复元数据 keeps the choice: a lost metadata sheet is rebuilt with it from 汇总's columns", async () => {
    const { host, session } = await merged();
    await session.setSummarySelf(true);
    host.userDeleteSheet(META_SHEET);
    await host.flushEvents();
    await session.dispose();
    const reopened = createExcelHost({ apiVersion: '1.8', state: host.save() });
    installGlobals(reopened);
    const controller = createExcelController();
    await controller.ready;
    const problem = controller.status().problems.find((p) => p.action?.kind === 'recoverMeta');
    await controller.repair!(problem!);
    expect(controller.status().bound).toBe(true);
    expect(metaOf(reopened).summarySelf).toBe(true);
    expect(controller.status().summarySelf).toBe(true);
    expect(selfCells(reopened, POLICE)).toEqual([84.5, 85.5, -1, 1]);
  });
});
