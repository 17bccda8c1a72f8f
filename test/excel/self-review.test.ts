/**
 * A merged workbook (collected 自评表, issue 17) opened in Excel: the live session scores each unit's
 * 自评填报 into its 自评分 column, keeps the 核查清单 sheet with the reasons typed in it, and a
 * difference without a reason keeps the result a draft, as file mode does (src/xlsx/review.ts).
 *
 * 衡东, three units, every unit's 核定 and 自评 are FULL (84.5, hand-computed in
 * test/excel/session.test.ts's header), except that 县公安局 claims 6 reports for 六 in its 自评:
 *   六 6 × 0.5 = 3 (核定: 4 × 0.5 = 2), so its 自评 total is 84.5 − 2 + 3 = 85.5 and
 *   核查清单 has one line: 六, 自评分 3, 核定分 2, 差值 2 − 3 = −1.
 */
import ExcelJS from 'exceljs';
import { sessionAnnexBuffer } from '../../src/excel/export-annex';
import { REVIEW_SHEET } from '../../src/layout/review';
import { SELF_ROLES } from '../../src/layout/self-assessment';
import { loadBuiltin } from '../../src/rubric/catalog';
import { createExcelHost, installGlobals, type ExcelHost } from '../excel-host';
import { bind, cellAddress, cleanup, FULL, inputAt, makeWorkbook, newHost, pasteFull, valueAt } from './helpers';
import { addSelfColumns, pasteSelf, selfAt } from './self-helpers';

afterEach(() => cleanup());

const HD = loadBuiltin('hengdong-2020-members').rubric;
const ROSTER = HD.defaultRoster!.slice(0, 3);
const POLICE = '县公安局';
const POLICE_KEY = 'U0003';
const SIX = HD.categories.find((c) => c.id === '六')!;

const selfScore = (host: ExcelHost, sheet: string, rowKey: string) =>
  valueAt(host, sheet, cellAddress(host, sheet, rowKey, SELF_ROLES.score));
const reviewRows = (host: ExcelHost) => host.values(REVIEW_SHEET, 'A4:H6');

/** The merged workbook: 自评 columns on every unit sheet, 核定 and 自评 filled, then bound. */
async function merged(api: '1.8' | '1.14' = '1.8') {
  const host = await newHost(api);
  expect(ROSTER[2].name).toBe(POLICE);
  await makeWorkbook(host, 'hengdong-2020-members', ROSTER);
  for (let i = 1; i <= 3; i++) await addSelfColumns(host, `U000${i}`);
  for (const u of ROSTER) {
    pasteFull(host, u.name);
    pasteSelf(host, u.name, u.name === POLICE ? { '六|reports': 6 } : {});
  }
  await host.flushEvents();
  // The writes above lay the workbook out; what the session writes comes after.
  const laidOut = host.writesLog.length;
  const session = await bind(host);
  return { host, session, laidOut };
}

describe('a merged workbook in the live session', () => {
  it('scores 自评分 per item, category and total, lists the difference in 核查清单 and keeps the result a draft', async () => {
    const { host, session } = await merged();
    expect(selfScore(host, POLICE, 't|final')).toBe(85.5);
    expect(selfScore(host, POLICE, `i|六|reports`)).toBe(3);
    expect(selfScore(host, ROSTER[0].name, 't|final')).toBe(84.5);
    // 核定 stays the office's: 84.5.
    expect(valueAt(host, POLICE, cellAddress(host, POLICE, 't|final', 'score'))).toBe(84.5);
    expect(reviewRows(host)[0]).toEqual([1, POLICE, `${SIX.number} ${SIX.name}`, 3, 2, -1, '', `${POLICE_KEY}|六`]);
    expect(reviewRows(host)[1].every((v) => v === '' || v === null)).toBe(true);
    const status = session.status();
    expect(status.review).toEqual([{ unit: POLICE, item: `${SIX.number} ${SIX.name}`, self: 3, verified: 2, difference: -1, reason: '' }]);
    const problem = status.problems.find((p) => p.id === `review:${POLICE_KEY}|六`);
    expect(problem?.target).toMatchObject({ sheetKey: 'REVIEW', address: 'G4' });
    const state = session.documentState()!;
    expect(state.final).toBe(false);
    expect(state.unexplainedDifferences).toBe(1);
    expect(state.mark).toContain('1 处核定与自评的差异未填核减原因');
  });

  it('a reason typed in 核查清单 is an input: read in one sync, never overwritten; the result becomes final', async () => {
    const { host, session } = await merged();
    const syncs = host.syncCount;
    host.userEdit(REVIEW_SHEET, 'G4', [['现场核查：台账只有 4 份报告']]);
    await host.flushEvents();
    expect(host.syncCount - syncs).toBe(1); // the sheet read; nothing to write
    expect(session.documentState()!.final).toBe(true);
    expect(session.status().review![0].reason).toBe('现场核查：台账只有 4 份报告');
    expect(session.status().problems.some((p) => p.id.startsWith('review:'))).toBe(false);
    await session.rescoreAll();
    expect(valueAt(host, REVIEW_SHEET, 'G4')).toBe('现场核查：台账只有 4 份报告');
  });

  it('an edit of 自评填报 rescores only that unit’s 自评分 in two syncs; a reason outlives its difference and comes back with it', async () => {
    const { host, session } = await merged();
    host.userEdit(REVIEW_SHEET, 'G4', [['台账只有 4 份']]);
    await host.flushEvents();
    const scoreCol = cellAddress(host, POLICE, 't|final', 'score').replace(/\d+/, '');
    const selfCol = cellAddress(host, POLICE, 't|final', SELF_ROLES.score).replace(/\d+/, '');
    const from = host.writesLog.length;
    const syncs = host.syncCount;
    // 县公安局 corrects its 自评: 4 reports (2 points), as verified.
    host.userEdit(POLICE, selfAt(host, POLICE, '六', 'reports'), [[4]]);
    await host.flushEvents();
    expect(host.syncCount - syncs).toBe(2);
    expect(selfScore(host, POLICE, 't|final')).toBe(84.5);
    const writes = host.writesLog.slice(from).filter((w) => w.kind === 'values');
    const onUnit = writes.filter((w) => w.sheet === POLICE).map((w) => w.address!.replace(/\d+/g, ''));
    // Only 自评分 cells on the unit sheet (item 六, and the total); nothing of 核定, no 汇总.
    expect(onUnit.length).toBeGreaterThan(0);
    expect(onUnit.every((c) => c === selfCol || c === `${selfCol}:${selfCol}`)).toBe(true);
    expect(onUnit.some((c) => c.includes(scoreCol))).toBe(false);
    expect(writes.some((w) => w.sheet === '汇总' || w.sheet === '排名')).toBe(false);
    // The difference has gone; its reason stays on a line of its own.
    expect(reviewRows(host)[0]).toEqual([1, POLICE, '六', '', '', '已无差异', '台账只有 4 份', `${POLICE_KEY}|六`]);
    expect(session.status().review).toEqual([]);
    expect(session.documentState()!.final).toBe(true);
    // Back to 6: the difference returns with its reason.
    host.userEdit(POLICE, selfAt(host, POLICE, '六', 'reports'), [[6]]);
    await host.flushEvents();
    expect(reviewRows(host)[0]).toEqual([1, POLICE, `${SIX.number} ${SIX.name}`, 3, 2, -1, '台账只有 4 份', `${POLICE_KEY}|六`]);
    expect(session.documentState()!.final).toBe(true);
  });

  it('never writes a 自评填报 or 佐证材料 cell, and puts back a 自评分 typed over', async () => {
    const { host, session, laidOut } = await merged();
    const evidence = selfAt(host, POLICE, '六', 'reports', SELF_ROLES.evidence);
    host.userEdit(POLICE, evidence, [['报告 4 份，见台账第 3 页']]);
    await host.flushEvents();
    const total = cellAddress(host, POLICE, 't|final', SELF_ROLES.score);
    host.userEdit(POLICE, total, [[100]]);
    await host.flushEvents();
    expect(valueAt(host, POLICE, total)).toBe(85.5);
    expect(session.status().notices.join('')).toContain('已恢复 1 个被改写的计算单元格');
    const letters = (address: string) => address.replace(/\d+/, '');
    const inputCols = new Set([letters(selfAt(host, POLICE, '六', 'reports')), letters(evidence)]);
    const written = host.writesLog
      .slice(laidOut)
      .filter((w) => w.kind === 'values' && w.sheet === POLICE)
      .map((w) => w.address!.replace(/\d+/g, ''));
    expect(written.some((c) => c.split(':').some((x) => inputCols.has(x)))).toBe(false);
    expect(valueAt(host, POLICE, evidence)).toBe('报告 4 份，见台账第 3 页');
  });

  it.each(['1.8', '1.14'] as const)('does not loop on its own 核查清单 and 自评分 writes at ExcelApi %s', async (api) => {
    const { host, session } = await merged(api);
    const rounds = session.stats.rounds;
    host.userEdit(POLICE, selfAt(host, POLICE, '六', 'reports'), [[4]]);
    await host.flushEvents();
    await host.flushEvents();
    expect(session.stats.rounds - rounds).toBe(1);
  });

  it('keeps reasons and lines across saving and reopening, rewriting nothing', async () => {
    const { host } = await merged();
    host.userEdit(REVIEW_SHEET, 'G4', [['台账只有 4 份']]);
    await host.flushEvents();
    const saved = host.save();
    cleanup();
    const again = createExcelHost({ apiVersion: '1.8', state: saved });
    installGlobals(again);
    const session = await bind(again);
    expect(again.writesLog.filter((w) => w.kind === 'values' && w.sheet === REVIEW_SHEET)).toEqual([]);
    expect(session.status().review![0].reason).toBe('台账只有 4 份');
    expect(session.documentState()!.final).toBe(true);
  });

  it('a deleted 核查清单 is made again with the reasons read before', async () => {
    const { host, session } = await merged();
    host.userEdit(REVIEW_SHEET, 'G4', [['台账只有 4 份']]);
    await host.flushEvents();
    host.userDeleteSheet(REVIEW_SHEET);
    await host.flushEvents();
    expect(host.sheetNames()).toContain(REVIEW_SHEET);
    expect(reviewRows(host)[0]).toEqual([1, POLICE, `${SIX.number} ${SIX.name}`, 3, 2, -1, '台账只有 4 份', `${POLICE_KEY}|六`]);
    expect(session.documentState()!.final).toBe(true);
  });

  it('after a run of edits, a fresh full read finds every 自评分 and 核查清单 cell already right', async () => {
    const { host } = await merged();
    const edits: [string, string, string, unknown][] = [
      [POLICE, '六', 'reports', 2],
      [ROSTER[0].name, '七', 'firms', 4],
      [POLICE, '八', 'share', '60%'],
      [ROSTER[1].name, '十', 'missed', 0],
    ];
    for (const [sheet, ind, field, v] of edits) {
      host.userEdit(sheet, selfAt(host, sheet, ind, field), [[v]]);
      await host.flushEvents();
    }
    host.userEdit(ROSTER[0].name, inputAt(host, ROSTER[0].name, '七', 'firms'), [[4]]);
    await host.flushEvents();
    host.userEdit(REVIEW_SHEET, 'G5', [['按台账核定']]);
    await host.flushEvents();
    const saved = host.save();
    cleanup();
    const again = createExcelHost({ apiVersion: '1.8', state: saved });
    installGlobals(again);
    await bind(again);
    expect(again.writesLog.filter((w) => w.kind === 'values')).toEqual([]);
    expect(again.values(REVIEW_SHEET, 'G5:H5')[0]).toEqual(['按台账核定', expect.stringMatching(/^U000\d\|/)]);
  });

  it('a workbook without 自评 columns gets no 核查清单 and no review', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', ROSTER);
    const session = await bind(host);
    host.userEdit(POLICE, inputAt(host, POLICE, '六', 'reports'), [[4]]);
    await host.flushEvents();
    expect(host.sheetNames()).not.toContain(REVIEW_SHEET);
    expect(session.status().review).toBeUndefined();
  });

  it('自评 columns laid out after binding are picked up by 重新计分', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', ROSTER);
    for (const u of ROSTER) pasteFull(host, u.name);
    await host.flushEvents();
    const session = await bind(host);
    await addSelfColumns(host, POLICE_KEY);
    pasteSelf(host, POLICE, { '六|reports': 6 });
    await host.flushEvents();
    await session.rescoreAll();
    expect(selfScore(host, POLICE, 't|final')).toBe(85.5);
    expect(session.status().review).toHaveLength(1);
  });
});

describe('重建该单位评分表 in a merged workbook', () => {
  it('rebuilds a deleted unit sheet with its 自评 columns, 自评填报 and 佐证材料 written back', async () => {
    const { host, session } = await merged();
    const evidence = selfAt(host, POLICE, '六', 'reports', SELF_ROLES.evidence);
    host.userEdit(POLICE, evidence, [['台账第 3 页']]);
    await host.flushEvents();
    host.userDeleteSheet(POLICE);
    await host.flushEvents();
    const problem = session.status().problems.find((p) => p.action?.kind === 'rebuildUnit');
    // 23 核定 inputs + 23 自评 inputs + 1 佐证材料 read before the sheet was lost.
    expect(problem?.message).toContain(`写回本次读取到的 ${2 * FULL.length + 1} 个已填写的单元格`);
    await session.repair('rebuildUnit', POLICE_KEY);
    expect(host.sheetNames()).toContain(POLICE);
    expect(valueAt(host, POLICE, selfAt(host, POLICE, '六', 'reports'))).toBe(6);
    expect(valueAt(host, POLICE, selfAt(host, POLICE, '六', 'reports', SELF_ROLES.evidence))).toBe('台账第 3 页');
    expect(selfScore(host, POLICE, 't|final')).toBe(85.5);
    expect(valueAt(host, POLICE, cellAddress(host, POLICE, 't|final', 'score'))).toBe(84.5);
    expect(session.status().review).toHaveLength(1);
  });
});

describe('导出附件 from a merged workbook', () => {
  /** Every cell text and page header of the annex workbook. */
  async function annexTexts(buffer: ArrayBuffer): Promise<string> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer);
    const out: string[] = [];
    wb.eachSheet((ws) => {
      out.push(ws.headerFooter?.oddHeader ?? '');
      ws.eachRow((row) => row.eachCell((c) => out.push(String(c.value ?? ''))));
    });
    return out.join('\n');
  }

  it('is a draft while a difference has no 核减原因, final once it has one', async () => {
    const { host, session } = await merged();
    expect(await annexTexts(await sessionAnnexBuffer(session))).toContain('1 处核定与自评的差异未填核减原因');
    host.userEdit(REVIEW_SHEET, 'G4', [['台账只有 4 份']]);
    await host.flushEvents();
    const final = await annexTexts(await sessionAnnexBuffer(session));
    expect(final).not.toContain('草稿');
  });
});
