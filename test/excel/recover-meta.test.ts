/**
 * 恢复元数据 after reopening: the metadata sheet was deleted and the workbook saved; on reopening,
 * the pane recognises the add-in's sheets by their bindings (CS_ names, 细则说明's 细则版本 line, 汇总
 * rows, the unit sheets' subtitle lines) and offers 恢复元数据, which rebuilds `_cs_meta` from them;
 * the workbook then binds and scores as before. A rubric version the add-in does not ship is said
 * plainly and nothing is guessed.
 */
import { createExcelController } from '../../src/excel/excel-controller';
import { applyPlan } from '../../src/excel/apply-plan';
import { detectApiLevel } from '../../src/excel/requirements';
import { META_SHEET, type WorkbookMeta } from '../../src/layout/plan';
import { readMetaColumn } from '../../src/layout/meta';
import { planWorkbook } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import { createExcelHost, installGlobals, type ExcelHost } from '../excel-host';
import { bind, cellAddress, cleanup, inputAt, makeWorkbook, newHost, pasteFull, valueAt } from './helpers';

afterEach(() => cleanup());

const HD = loadBuiltin('hengdong-2020-members').rubric;
const roster = HD.defaultRoster!.slice(0, 3); // 县发改局, 人民银行衡东县支行, 县公安局
const finalOf = (host: ExcelHost, sheet: string) => valueAt(host, sheet, cellAddress(host, sheet, 't|final', 'score'));
const reportsScore = (host: ExcelHost, sheet: string) => valueAt(host, sheet, cellAddress(host, sheet, 'i|六|reports', 'score'));

function metaOf(host: ExcelHost): WorkbookMeta {
  const column = host.values(META_SHEET, 'A1:A20').map((r) => (r[0] === '' ? null : r[0]));
  const read = readMetaColumn(column);
  if (!read.ok) throw new Error(read.message);
  return read.meta;
}

/** A filled workbook whose metadata sheet was deleted during a session, saved, and opened again. */
async function reopenedWithoutMeta(
  prepare?: (host: ExcelHost) => void,
): Promise<{ host: ExcelHost; before: WorkbookMeta; finals: unknown[] }> {
  const host = await newHost('1.8');
  await makeWorkbook(host, 'hengdong-2020-members', roster);
  const session = await bind(host);
  pasteFull(host, '县公安局'); // 84.5, hand-computed in session.test.ts (六: 4 × 0.5 = 2)
  host.userEdit('县发改局', inputAt(host, '县发改局', '五', 'commitments'), [[10]]);
  await host.flushEvents();
  const before = metaOf(host);
  const finals = roster.map((u) => finalOf(host, u.name));
  host.userDeleteSheet(META_SHEET);
  await host.flushEvents();
  prepare?.(host);
  await session.dispose();
  const reopened = createExcelHost({ apiVersion: '1.8', state: host.save() });
  installGlobals(reopened);
  return { host: reopened, before, finals };
}

describe('恢复元数据 after saving without the metadata sheet and reopening', () => {
  it('the pane offers 恢复元数据; after it the workbook binds, scores as before and keeps scoring', async () => {
    const { host, before, finals } = await reopenedWithoutMeta();
    const controller = createExcelController();
    await controller.ready;
    // Looking for the metadata (1 sync), then the names, 汇总 and 细则说明, and 汇总's protection.
    expect(host.syncCount).toBeLessThanOrEqual(4);
    const status = controller.status();
    expect(status.bound).toBe(false);
    const problem = status.problems.find((p) => p.action?.kind === 'recoverMeta');
    expect(problem?.action?.label).toBe('恢复元数据');
    expect(problem?.message).toContain('hengdong-2020-members');
    expect(problem?.message).toContain('3 个被考核单位');
    const syncs = host.syncCount;
    await controller.repair!(problem!);
    // Writing the sheet (2), then binding as on opening: metadata (2), the full read and the writes.
    expect(host.syncCount - syncs).toBeLessThanOrEqual(7);
    expect(controller.status().bound).toBe(true);
    expect(host.visibility(META_SHEET)).toBe('VeryHidden');
    // The same rubric and roster as the lost metadata (only the creation time is new).
    const after = metaOf(host);
    expect({ ...after, createdAt: '' }).toEqual({ ...before, createdAt: '' });
    expect(roster.map((u) => finalOf(host, u.name))).toEqual(finals);
    expect(finals[2]).toBe(84.5);
    expect(reportsScore(host, '县公安局')).toBe(2);
    host.userEdit('县公安局', inputAt(host, '县公安局', '六', 'reports'), [[6]]); // 6 × 0.5 = 3
    await host.flushEvents();
    expect(reportsScore(host, '县公安局')).toBe(3);
    expect(finalOf(host, '县公安局')).toBe(85.5);
  });

  it('takes a unit from its sheet subtitle when its 汇总 row is gone', async () => {
    const { host, before } = await reopenedWithoutMeta((h) => {
      const row = Number(cellAddress(h, '汇总', 'u|U0002', 'final').replace(/[A-Z]+/, ''));
      h.userDeleteRows('汇总', row, 1);
    });
    const controller = createExcelController();
    await controller.ready;
    const problem = controller.status().problems.find((p) => p.action?.kind === 'recoverMeta');
    await controller.repair!(problem!);
    expect(controller.status().bound).toBe(true);
    expect(metaOf(host).units).toEqual(before.units);
  });

  it('recovers protection: a protected workbook is still written after recovery', async () => {
    const host = await newHost('1.8');
    const plan = planWorkbook(loadBuiltin('hengdong-2020-members'), roster, '2026-11-24T00:00:00Z', { protectComputed: true });
    await applyPlan(plan, { api: detectApiLevel() });
    await host.flushEvents();
    host.userDeleteSheet(META_SHEET);
    const reopened = createExcelHost({ apiVersion: '1.8', state: host.save() });
    installGlobals(reopened);
    const controller = createExcelController();
    await controller.ready;
    await controller.repair!(controller.status().problems.find((p) => p.action?.kind === 'recoverMeta')!);
    expect(metaOf(reopened).protectComputed).toBe(true);
    reopened.userEdit('县公安局', inputAt(reopened, '县公安局', '六', 'reports'), [[4]]);
    await reopened.flushEvents();
    expect(reportsScore(reopened, '县公安局')).toBe(2); // 4 × 0.5
    expect(reopened.protection('县公安局').protected).toBe(true);
  });

  it('a rubric version the add-in does not ship is said plainly, and nothing is offered or guessed', async () => {
    const { host } = await reopenedWithoutMeta((h) => {
      const grid = h.values('细则说明', 'A1:B40');
      const row = grid.findIndex((r) => r[0] === '细则版本');
      h.userEdit('细则说明', `B${row + 1}`, [[String(grid[row][1]).replace(/ v\S+（/, ' v9.9.9（')]]);
    });
    const controller = createExcelController();
    await controller.ready;
    const status = controller.status();
    expect(status.bound).toBe(false);
    expect(status.problems).toHaveLength(1);
    expect(status.problems[0].action).toBeUndefined();
    expect(status.problems[0].message).toContain('hengdong-2020-members v9.9.9');
    expect(status.problems[0].message).toContain('没有与之完全相同的版本');
    expect(host.sheetNames()).not.toContain(META_SHEET);
  });

  it('a workbook the add-in did not make is neither recognised nor offered anything', async () => {
    await newHost('1.8');
    const controller = createExcelController();
    await controller.ready;
    expect(controller.status().problems).toEqual([]);
  });
});
