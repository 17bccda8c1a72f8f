/**
 * The live workbook against the in-memory Excel host: layout, edits, pastes, bursts, row insertion,
 * sheet rename, reopen, echo loops at 1.8 and 1.14, restored computed cells, bad inputs, a failing
 * sync, and a rubric-version mismatch.
 *
 * 衡东 县公安局, filled by FULL below, is hand-computed from 东信建〔2020〕02号 附件2:
 *   一 4 elements, 联络员 missing: 4 − 1 = 3          二 all 3: 4           三.1 完整: 3
 *   三.2–三.5 manual 20 + 2 + 3 + 3 = 28                四.1 是: 5            四.2 8, 四.3 4 (manual)
 *   五 25 × 0.5 = 12.5 → cap 10                          六 4 × 0.5 = 2        七 12 × 0.5 = 6 → cap 5
 *   八 75 %: 80 − 75 = 5 points, less than one 10-point step → no deduction: 5
 *   九.1 3 × 0.5 = 1.5     九.2 10 × 0.5 = 5 → cap 3      十 missed 2: 5 − 2 = 3
 *   total 3 + 4 + 3 + 28 + 5 + 8 + 4 + 10 + 2 + 5 + 5 + 1.5 + 3 + 3 = 84.5
 */
import { bind, cellAddress, cleanup, FULL, inputAt, makeWorkbook, newHost, pasteFull, valueAt } from './helpers';
import { loadBuiltin, builtinRubricIds } from '../../src/rubric/catalog';
import { applyPlan } from '../../src/excel/apply-plan';
import { detectApiLevel } from '../../src/excel/requirements';
import { parseAddress } from '../../src/excel/address';
import { LiveSession } from '../../src/excel/session';
import { createExcelController } from '../../src/excel/excel-controller';
import { planWorkbook } from '../../src/layout/workbook-plan';
import { contentHash } from '../../src/rubric/hash';
import { createExcelHost, installGlobals, type ExcelHost } from '../excel-host';
import { META_SHEET } from '../../src/layout/plan';

afterEach(() => cleanup());

const HD = loadBuiltin('hengdong-2020-members').rubric;
const roster = (n: number) => HD.defaultRoster!.slice(0, n);

const finalOf = (host: ExcelHost, sheet: string) => valueAt(host, sheet, cellAddress(host, sheet, 't|final', 'score'));

describe('creating the workbook', () => {
  it.each(builtinRubricIds)('lays out %s with names, validation, a very hidden meta sheet, a table and charts', async (id) => {
    const host = await newHost('1.8');
    const groups = loadBuiltin(id).rubric.ranking.groups;
    const plan = await makeWorkbook(host, id, [
      { name: '甲单位', group: groups[0].id },
      { name: '乙单位', group: groups[groups.length - 1].id },
    ]);
    expect(host.sheetNames()).toEqual(expect.arrayContaining(['汇总', '排名', '细则说明', '甲单位', '乙单位']));
    expect(host.visibility(META_SHEET)).toBe('VeryHidden');
    expect(
      host
        .names()
        .map((n) => n.name)
        .sort(),
    ).toEqual(plan.sheets.map((s) => `CS_${s.key}`).sort());
    expect(host.tables().length).toBe(1);
    expect(host.charts().length).toBe(new Set([groups[0].id, groups[groups.length - 1].id]).size);
    expect(host.validations('甲单位').length).toBeGreaterThan(0);
    expect(host.frozen('甲单位').rows).toBe(4);
    // Values only: no formula anywhere the add-in wrote.
    for (const s of plan.sheets)
      expect(
        host
          .formulas(s.name, 'A1:P80')
          .flat()
          .some((v) => typeof v === 'string' && v.startsWith('=')),
      ).toBe(false);
  });

  it('removes the empty default sheet and refuses a workbook that already has score sheets', async () => {
    const host = await newHost('1.8');
    expect(host.sheetNames()).toEqual(['Sheet1']);
    await makeWorkbook(host, 'hengdong-2020-members', roster(2));
    expect(host.sheetNames()).not.toContain('Sheet1');
    await expect(makeWorkbook(host, 'hengdong-2020-members', roster(2))).rejects.toThrow('本工作簿已经生成过考核评分表');
  });

  it('writes a large roster in chunks below the request limit, with page layout only at 1.9+', async () => {
    const host = createExcelHost({ apiVersion: '1.8', maxRequestBytes: 5 * 1024 * 1024 });
    installGlobals(host);
    const big = Array.from({ length: 60 }, (_, i) => ({ name: `单位${i + 1}`, group: '成员单位' }));
    const plan = planWorkbook(loadBuiltin('hengdong-2020-members'), big);
    await applyPlan(plan, { api: detectApiLevel(), requestBudget: 200_000 });
    expect(host.maxRequestBytesSeen).toBeLessThan(5 * 1024 * 1024);
    expect(host.syncCount).toBeGreaterThan(3);
    expect(host.pageLayout('单位1')).toEqual(expect.not.objectContaining({ orientation: 'Landscape' }));
  });
});

describe('live rescoring', () => {
  it('a pasted unit scores 84.5 (see the header), in at most 3 syncs, and 汇总 and 排名 follow', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', roster(5));
    const session = await bind(host);
    const before = host.syncCount;
    pasteFull(host, '县公安局');
    await host.flushEvents();
    expect(host.syncCount - before).toBeLessThanOrEqual(3);
    expect(finalOf(host, '县公安局')).toBe(84.5);
    expect(valueAt(host, '县公安局', cellAddress(host, '县公安局', 'i|八|share', 'score'))).toBe(5);
    expect(String(valueAt(host, '县公安局', cellAddress(host, '县公安局', 'i|五|commitments', 'reason')))).toContain('上限 10 分');
    expect(valueAt(host, '汇总', cellAddress(host, '汇总', 'u|U0003', 'final'))).toBe(84.5);
    // The only complete unit is ranked first; the others are listed as unfinished.
    expect(valueAt(host, '排名', cellAddress(host, '排名', 'r|成员单位|1', 'unit'))).toBe('县公安局');
    expect(valueAt(host, '排名', cellAddress(host, '排名', 'r|成员单位|1', 'rank'))).toBe(1);
    expect(session.status().units.find((u) => u.name === '县公安局')).toMatchObject({ final: 84.5, rank: 1, complete: true });
  });

  it('a single-cell edit costs at most 2 syncs and writes only the cells whose value changed', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', roster(5));
    const session = await bind(host);
    pasteFull(host, '县公安局');
    await host.flushEvents();
    const syncs = host.syncCount;
    const rounds = session.stats.rounds;
    host.userEdit('县公安局', inputAt(host, '县公安局', '六', 'reports'), [[6]]); // 六: 6 × 0.5 = 3 (was 2) → 85.5
    await host.flushEvents();
    expect(host.syncCount - syncs).toBe(2);
    expect(session.stats.rounds - rounds).toBe(1); // the echo of its own writes started no round
    expect(finalOf(host, '县公安局')).toBe(85.5);
    // item score + reason, category-free unit: final, base (+ reasons), summary base/final/六 column, rank final
    expect(session.stats.lastRoundCells).toBeLessThanOrEqual(12);
  });

  it.each(['1.8', '1.14'] as const)('never loops on its own writes at ExcelApi %s', async (v) => {
    const host = await newHost(v);
    await makeWorkbook(host, 'hengdong-2020-members', roster(3));
    const session = await bind(host);
    for (let i = 0; i < 5; i++) {
      host.userEdit('县发改局', inputAt(host, '县发改局', '六', 'reports'), [[i]]);
      await host.flushEvents({ maxRounds: 4 });
    }
    expect(session.stats.rounds).toBe(1 + 5); // binding + one per edit
    expect(host.pendingEvents).toBe(0);
  });

  it('a burst of edits is coalesced', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', roster(3));
    const session = await bind(host);
    const rounds = session.stats.rounds;
    for (const n of [1, 2, 3, 4, 5, 6]) host.userEdit('县发改局', inputAt(host, '县发改局', '六', 'reports'), [[n]]);
    await host.flushEvents();
    expect(session.stats.rounds - rounds).toBeLessThanOrEqual(2);
    expect(valueAt(host, '县发改局', cellAddress(host, '县发改局', 'i|六|reports', 'score'))).toBe(3); // 6 × 0.5
  });

  it('keeps reading the right cells after rows and columns are inserted and the sheet is renamed and moved', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', roster(3));
    await bind(host);
    const row = Number(inputAt(host, '县公安局', '五', 'commitments').slice(1));
    host.userInsertRows('县公安局', row - 1, 2);
    host.userInsertColumns('县公安局', 'H', 1);
    host.userRenameSheet('县公安局', '公安');
    host.userMoveSheet('公安', 0);
    await host.flushEvents();
    pasteFull(host, '公安');
    await host.flushEvents();
    expect(finalOf(host, '公安')).toBe(84.5);
    expect(valueAt(host, '汇总', cellAddress(host, '汇总', 'u|U0003', 'final'))).toBe(84.5);
  });

  it('survives sorting the 汇总 table: rows keep their unit', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', roster(4));
    await bind(host);
    pasteFull(host, '县公安局');
    await host.flushEvents();
    host.userSortTable('CS_SummaryTable', 1, false);
    await host.flushEvents();
    host.userEdit('县公安局', inputAt(host, '县公安局', '六', 'reports'), [[6]]);
    await host.flushEvents();
    expect(valueAt(host, '汇总', cellAddress(host, '汇总', 'u|U0003', 'unit'))).toBe('县公安局');
    expect(valueAt(host, '汇总', cellAddress(host, '汇总', 'u|U0003', 'final'))).toBe(85.5);
  });

  it('restores a computed cell the user typed over, says so, and never writes an input cell', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', roster(3));
    const session = await bind(host);
    pasteFull(host, '县公安局');
    await host.flushEvents();
    const createdUpTo = host.writesLog.length;
    host.userEdit('县公安局', cellAddress(host, '县公安局', 't|final', 'score'), [[100]]);
    await host.flushEvents();
    expect(finalOf(host, '县公安局')).toBe(84.5);
    expect(session.status().notices[0]).toContain('已恢复 1 个被改写的计算单元格');
    const inputCol = cellAddress(host, '县公安局', 'i|一|leader', 'input').replace(/\d+/, '');
    const addinWrites = host.writesLog.slice(createdUpTo).filter((w) => w.kind !== 'user' && w.sheet === '县公安局');
    expect(addinWrites.length).toBeGreaterThan(0);
    // A write is a rectangle (B7:D9): the input column must not fall anywhere inside it.
    const inputColIndex = parseAddress(`${inputCol}1`)?.fromCol;
    for (const w of addinWrites) {
      const rect = parseAddress(w.address ?? '');
      expect(rect).not.toBeNull();
      expect(inputColIndex !== undefined && rect !== null && inputColIndex >= rect.fromCol && inputColIndex <= rect.toCol).toBe(false);
    }
  });

  it('marks bad inputs on the computed cells and lists them; the total says incomplete rather than a wrong number', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', roster(3));
    const session = await bind(host);
    pasteFull(host, '县公安局', { '六|reports': '四篇', '八|share': '120%', '七|firms': '#DIV/0!' });
    await host.flushEvents();
    const score = cellAddress(host, '县公安局', 'i|六|reports', 'score');
    expect(valueAt(host, '县公安局', score)).toBe('输入有误');
    expect(host.cell('县公安局', score).fill?.toUpperCase()).toBe('#F8CBAD');
    expect(finalOf(host, '县公安局')).toBe('');
    const msgs = session
      .status()
      .problems.filter((p) => p.kind === 'input')
      .map((p) => p.message);
    expect(msgs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^县公安局：六 信用报告 · .*：「四篇」不是数字$/),
        expect.stringContaining('占比：不能超过 100%（「120%」）'),
        expect.stringContaining('单元格是错误值 #DIV/0!'),
      ]),
    );
    const problem = session.status().problems.find((p) => p.message.includes('四篇'))!;
    expect(problem.target?.address).toBe(inputAt(host, '县公安局', '六', 'reports'));
    await session.select(problem.target!.sheetKey, problem.target!.address);
    expect(host.selectedAddress).toContain(inputAt(host, '县公安局', '六', 'reports'));
  });

  it('heals after a sync fails in the middle of a round: no input lost, the next round writes everything', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', roster(3));
    const session = await bind(host);
    // Let the read sync pass, then fail the write sync.
    const execute = host._execute.bind(host);
    let calls = 0;
    host._execute = async (ctx, ops) => {
      calls++;
      const r = await execute(ctx, ops);
      if (calls === 1) host.failNextSync();
      return r;
    };
    pasteFull(host, '县公安局');
    await host.flushEvents({ rethrow: false } as never);
    host._execute = execute;
    expect(finalOf(host, '县公安局')).toBe('');
    expect(session.status().notices[0]).toContain('计分写入失败');
    expect(valueAt(host, '县公安局', inputAt(host, '县公安局', '五', 'commitments'))).toBe('２５'); // kept exactly as typed
    await session.rescoreAll();
    expect(finalOf(host, '县公安局')).toBe(84.5);
  });

  it('reopens a saved workbook: a new host over the saved state binds and keeps scoring', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', roster(3));
    await bind(host);
    pasteFull(host, '县公安局');
    await host.flushEvents();
    const saved = host.save();
    cleanup();
    const reopened = createExcelHost({ apiVersion: '1.9', state: saved });
    installGlobals(reopened);
    const r = await LiveSession.bind(detectApiLevel());
    if (!r.ok) throw new Error(r.message);
    expect(r.session.stats.lastRoundCells).toBe(0); // nothing to fix after reopening
    reopened.userEdit('县公安局', inputAt(reopened, '县公安局', '六', 'reports'), [[6]]);
    await reopened.flushEvents();
    expect(finalOf(reopened, '县公安局')).toBe(85.5);
  });

  it('reports a workbook made with another version of the rubric and keeps scoring with the saved one', async () => {
    const host = await newHost('1.8');
    const old = JSON.parse(JSON.stringify(HD));
    old.version = '0.9.0';
    old.categories[4].indicators[0].rule.rate = 1; // 五 was 1 point per commitment in this older copy
    const plan = planWorkbook({ rubric: old, hash: contentHash(old) }, roster(2));
    await applyPlan(plan, { api: detectApiLevel() });
    const session = await bind(host);
    const version = session.status().problems.find((p) => p.kind === 'version');
    expect(version?.message).toContain('v0.9.0');
    expect(version?.message).toContain('继续按工作簿内保存的版本计分');
    host.userEdit('县发改局', inputAt(host, '县发改局', '五', 'commitments'), [[4]]);
    await host.flushEvents();
    expect(valueAt(host, '县发改局', cellAddress(host, '县发改局', 'i|五|commitments', 'score'))).toBe(4); // 4 × 1, not 4 × 0.5
  });
});

describe('status for the task pane', () => {
  it('lists unfilled items as one entry per unit that selects the first unfilled cell', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', roster(3));
    const session = await bind(host);
    const missing = session.status().problems.filter((p) => p.kind === 'missing');
    expect(missing.map((p) => p.message)).toEqual([
      '县发改局：17 项指标未填写完（从「一 工作机制建设」开始）',
      '人民银行衡东县支行：17 项指标未填写完（从「一 工作机制建设」开始）',
      '县公安局：17 项指标未填写完（从「一 工作机制建设」开始）',
    ]);
    expect(missing[2].target).toEqual({ sheetKey: 'U0003', address: inputAt(host, '县公安局', '一', 'leader') });
    pasteFull(host, '县公安局', { '十|missed': '' });
    await host.flushEvents();
    const one = session.status().problems.find((p) => p.unit === '县公安局' && p.kind === 'missing');
    expect(one?.message).toBe('县公安局：十 参加县信用办活动情况 未填写：未参加县信用办组织活动的次数');
  });
});

describe('optional protection of computed cells', () => {
  it('protects the sheets, unprotects to write and protects again in the same request (still 2 syncs)', async () => {
    const host = await newHost('1.8');
    const plan = planWorkbook(loadBuiltin('hengdong-2020-members'), roster(3), undefined, { protectComputed: true });
    const applied = await applyPlan(plan, { api: detectApiLevel() });
    expect(applied.warnings).toEqual([]);
    expect(host.protection('县公安局').protected).toBe(true);
    const session = await bind(host);
    const before = host.syncCount;
    host.userEdit('县公安局', inputAt(host, '县公安局', '六', 'reports'), [[4]]); // inputs are unlocked
    await host.flushEvents();
    expect(host.syncCount - before).toBe(2);
    expect(valueAt(host, '县公安局', cellAddress(host, '县公安局', 'i|六|reports', 'score'))).toBe(2);
    expect(host.protection('县公安局').protected).toBe(true);
    expect(session.status().notices).toEqual([]);
  });

  it('tolerates Excel refusing protect/unprotect (office-js 6784): the workbook is made and scores are still written', async () => {
    const host = await newHost('1.8');
    host.failProtect = 'always';
    const plan = planWorkbook(loadBuiltin('hengdong-2020-members'), roster(3), undefined, { protectComputed: true });
    const applied = await applyPlan(plan, { api: detectApiLevel() });
    expect(applied.warnings[0]).toContain('工作表保护未能设置');
    const session = await bind(host);
    host.userEdit('县公安局', inputAt(host, '县公安局', '六', 'reports'), [[4]]);
    await host.flushEvents();
    expect(valueAt(host, '县公安局', cellAddress(host, '县公安局', 'i|六|reports', 'score'))).toBe(2);
    expect(session.status().notices.join('')).toContain('工作表保护未能切换');
  });
});

describe('healing from what users do to the workbook', () => {
  it('a unit sheet deleted mid-session is listed as missing and the rest keeps scoring', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', roster(3));
    const session = await bind(host);
    pasteFull(host, '县公安局');
    await host.flushEvents();
    host.userDeleteSheet('县发改局');
    await host.flushEvents();
    const missing = session.status().problems.filter((p) => p.id.startsWith('missing:'));
    expect(missing.map((p) => p.message)).toEqual([expect.stringContaining('找不到「县发改局」的评分表')]);
    // Later rounds do not fail: an edit elsewhere is scored and written.
    for (const n of [6, 8]) {
      host.userEdit('县公安局', inputAt(host, '县公安局', '六', 'reports'), [[n]]);
      await host.flushEvents();
    }
    expect(finalOf(host, '县公安局')).toBe(84.5 - 2 + 4); // 六 8 × 0.5 = 4 instead of 2
    expect(session.status().notices.join('')).not.toContain('计分写入失败');
    await session.rescoreAll();
    expect(session.status().notices.join('')).not.toContain('计分写入失败');
    expect(valueAt(host, '汇总', cellAddress(host, '汇总', 'u|U0003', 'final'))).toBe(86.5);
  });

  it('a unit sheet deleted without its event reaching the add-in: the failed write is retried at once without it', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', roster(3));
    const session = await bind(host);
    await session.dispose(); // no handlers: the deletion is not heard
    host.userDeleteSheet('县发改局');
    await host.flushEvents();
    pasteFull(host, '县公安局');
    // 重新计分 reads everything: the sheet is missing, the others are written.
    await session.rescoreAll();
    expect(finalOf(host, '县公安局')).toBe(84.5);
    expect(session.status().problems.some((p) => p.id === 'missing:U0001')).toBe(true);
  });

  it('a deleted 汇总 row is reported with its unit', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', roster(3));
    const session = await bind(host);
    const row = Number(cellAddress(host, '汇总', 'u|U0002', 'final').replace(/[A-Z]+/, ''));
    host.userDeleteRows('汇总', row, 1); // 1-based, as Excel numbers rows
    await host.flushEvents();
    pasteFull(host, '人民银行衡东县支行');
    await host.flushEvents();
    const problem = session.status().problems.find((p) => p.id.startsWith('missing-row:SUMMARY'));
    expect(problem?.message).toContain('「汇总」中「人民银行衡东县支行」的一行被删除');
    // The other rows are still written.
    pasteFull(host, '县公安局');
    await host.flushEvents();
    expect(valueAt(host, '汇总', cellAddress(host, '汇总', 'u|U0003', 'final'))).toBe(84.5);
  });

  it('重新计分 racing an edit round: the rounds run one after the other, never interleaved', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', roster(3));
    const session = await bind(host);
    // Which Excel.run context each sync belongs to, in order.
    const contexts: unknown[] = [];
    const execute = host._execute.bind(host);
    host._execute = async (ctx, ops) => {
      if (ops.length > 0) contexts.push(ctx);
      return execute(ctx, ops);
    };
    pasteFull(host, '县公安局');
    const edit = host.flushEvents();
    const rescore = session.rescoreAll();
    host.userEdit('县发改局', inputAt(host, '县发改局', '六', 'reports'), [[6]]);
    await Promise.all([edit, rescore, host.flushEvents()]);
    host._execute = execute;
    // Each context's syncs are contiguous: no round started while another was between its syncs.
    const runs = contexts.filter((c, i) => i === 0 || contexts[i - 1] !== c);
    expect(new Set(runs).size).toBe(runs.length);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(finalOf(host, '县公安局')).toBe(84.5);
    expect(valueAt(host, '县发改局', cellAddress(host, '县发改局', 'i|六|reports', 'score'))).toBe(3);
  });
});

describe('the metadata sheet deleted during a session', () => {
  it('is listed with 恢复元数据; restoring it lets the saved workbook be recognised on reopening', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', roster(3));
    const session = await bind(host);
    host.userDeleteSheet(META_SHEET);
    pasteFull(host, '县公安局');
    await host.flushEvents();
    expect(finalOf(host, '县公安局')).toBe(84.5); // scoring goes on
    const problem = session.status().problems.find((p) => p.id === 'missing:META');
    expect(problem?.action).toEqual({ kind: 'restoreMeta', label: '恢复元数据' });
    // Saved like this, the workbook does not bind: it is only recognised by its sheets (test/excel/recover-meta.test.ts).
    const broken = createExcelHost({ apiVersion: '1.8', state: host.save() });
    installGlobals(broken);
    expect(await LiveSession.bind(detectApiLevel(), { listen: false })).toMatchObject({ ok: false, reason: 'lost-meta' });
    installGlobals(host);
    await session.repair('restoreMeta');
    expect(host.visibility(META_SHEET)).toBe('VeryHidden');
    expect(session.status().problems.some((p) => p.id === 'missing:META')).toBe(false);
    const reopened = createExcelHost({ apiVersion: '1.8', state: host.save() });
    installGlobals(reopened);
    const r = await LiveSession.bind(detectApiLevel());
    if (!r.ok) throw new Error(r.message);
    expect(r.session.stats.lastRoundCells).toBe(0); // the same rubric and roster: nothing to rewrite
    reopened.userEdit('县公安局', inputAt(reopened, '县公安局', '六', 'reports'), [[6]]);
    await reopened.flushEvents();
    expect(finalOf(reopened, '县公安局')).toBe(85.5);
  });
});

describe('重建该单位评分表', () => {
  it.each(['1.8', '1.14'] as const)(
    'at %s: a deleted unit sheet is rebuilt with its inputs, scores as before, and later edits rescore',
    async (version) => {
      const host = await newHost(version);
      await makeWorkbook(host, 'hengdong-2020-members', roster(3));
      const session = await bind(host);
      pasteFull(host, '县公安局');
      await host.flushEvents();
      expect(finalOf(host, '县公安局')).toBe(84.5);
      const typed = FULL.map(([ind, field]) => host.cell('县公安局', inputAt(host, '县公安局', ind, field)));
      host.userDeleteSheet('县公安局');
      await host.flushEvents();
      const problem = session.status().problems.find((p) => p.id === 'missing:U0003');
      expect(problem?.action).toEqual({ kind: 'rebuildUnit', label: '重建该单位评分表' });
      expect(problem?.message).toContain(`将写回本次读取到的 ${FULL.length} 个已填写的单元格`);
      const syncs = host.syncCount;
      await session.repair('rebuildUnit', problem?.target?.sheetKey);
      // Sheet and name list, the layout with its inputs, then a round on the new sheet (read, write).
      expect(host.syncCount - syncs).toBeLessThanOrEqual(4);
      await host.flushEvents();
      expect(host.sheetNames()).toContain('县公安局');
      // Every input is back as it was: the same value and the same number format (75% stays a percent).
      const back = FULL.map(([ind, field]) => host.cell('县公安局', inputAt(host, '县公安局', ind, field)));
      expect(back.map((c) => [c.value, c.numberFormat])).toEqual(typed.map((c) => [c.value, c.numberFormat]));
      expect(finalOf(host, '县公安局')).toBe(84.5);
      expect(valueAt(host, '汇总', cellAddress(host, '汇总', 'u|U0003', 'final'))).toBe(84.5);
      const status = session.status();
      expect(status.problems.some((p) => p.id.startsWith('missing:'))).toBe(false);
      expect(status.notices.join('')).toContain(
        `已重建「县公安局」的评分表（工作表「县公安局」），写回了本次读取到的 ${FULL.length} 个已填写的单元格`,
      );
      // The rebuilt sheet is bound: an edit on it is scored (六 6 × 0.5 = 3 instead of 2 → 85.5).
      host.userEdit('县公安局', inputAt(host, '县公安局', '六', 'reports'), [[6]]);
      await host.flushEvents();
      expect(finalOf(host, '县公安局')).toBe(85.5);
      expect(valueAt(host, '汇总', cellAddress(host, '汇总', 'u|U0003', 'final'))).toBe(85.5);
      await session.dispose();
    },
  );

  it('through the controller (the pane button): the problem names the sheet to rebuild', async () => {
    const host = await newHost('1.9');
    await makeWorkbook(host, 'hengdong-2020-members', roster(3));
    const controller = createExcelController();
    await controller.ready;
    pasteFull(host, '县公安局');
    await host.flushEvents();
    host.userDeleteSheet('县公安局');
    await host.flushEvents();
    const problem = controller.status().problems.find((p) => p.action?.kind === 'rebuildUnit');
    await controller.repair!(problem!);
    await host.flushEvents();
    expect(finalOf(host, '县公安局')).toBe(84.5);
    expect(controller.status().problems.some((p) => p.action)).toBe(false);
    await controller.session()?.dispose();
  });

  it('a sheet missing since the workbook was opened is rebuilt blank, and the pane says nothing could be restored', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', roster(3));
    host.userDeleteSheet('县发改局');
    await host.flushEvents();
    const session = await bind(host);
    const problem = session.status().problems.find((p) => p.id === 'missing:U0001');
    expect(problem?.message).toContain('从未读取到该表，重建后的表为空白');
    await session.repair('rebuildUnit', 'U0001');
    await host.flushEvents();
    expect(session.status().notices.join('')).toContain('没有可写回的填写内容');
    host.userEdit('县发改局', inputAt(host, '县发改局', '六', 'reports'), [[6]]);
    await host.flushEvents();
    expect(valueAt(host, '县发改局', cellAddress(host, '县发改局', 'i|六|reports', 'score'))).toBe(3); // 6 × 0.5
  });

  it('a sheet whose key column was damaged is left as the user has it; the rebuilt one takes a free name', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', roster(3));
    const session = await bind(host);
    pasteFull(host, '县公安局');
    await host.flushEvents();
    const keyCell = cellAddress(host, '县公安局', 'i|六|reports', 'key');
    const roleRow = `A1:${keyCell.replace(/\d+$/, '1')}`;
    host.userEdit('县公安局', roleRow, [host.values('县公安局', roleRow)[0].map(() => '')]); // role row cleared
    await host.flushEvents();
    expect(session.status().problems.some((p) => p.id === 'missing:U0003')).toBe(true);
    await session.repair('rebuildUnit', 'U0003');
    await host.flushEvents();
    expect(host.sheetNames()).toEqual(expect.arrayContaining(['县公安局', '县公安局(2)']));
    expect(valueAt(host, '县公安局', inputAt(host, '县公安局(2)', '六', 'reports'))).toBe(4); // the old sheet is untouched
    expect(finalOf(host, '县公安局(2)')).toBe(84.5);
  });
});
