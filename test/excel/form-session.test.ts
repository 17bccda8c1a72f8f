/**
 * A unit's 自评表 open in Excel with the add-in (src/excel/form-session.ts) against the in-memory
 * host: its 得分 cells show the 自评分 as the unit types, two syncs per edit, no loop on its own
 * writes, input and 佐证材料 cells never written, a protected form kept protected, and a form of
 * another rubric version refused with a notice.
 *
 * 衡东 县公安局, filled by FULL (test/excel-host/add-in-sheets.ts), hand-computed from 东信建〔2020〕02号
 * 附件2 (test/excel/session.test.ts's header): 一 3, 二 4, 三.1 3, 三.2–三.5 20 + 2 + 3 + 3,
 * 四.1 5, 四.2 8, 四.3 4, 五 10, 六 2, 七 5, 八 5, 九.1 1.5, 九.2 3, 十 3; total 84.5.
 * Subtotals: 三 3 + 20 + 2 + 3 + 3 = 31, 四 5 + 8 + 4 = 17, 九 1.5 + 3 = 4.5.
 */
import { applySheet } from '../../src/excel/apply-plan';
import { Batch } from '../../src/excel/batch';
import { createExcelController } from '../../src/excel/excel-controller';
import { detectApiLevel } from '../../src/excel/requirements';
import { indexBlock } from '../../src/layout/binding';
import type { CellValue } from '../../src/layout/plan';
import {
  FORM_META_SHEET,
  formMetaColumn,
  lockedDigest,
  planFormSheet,
  workbookId,
  type FormIdentity,
} from '../../src/layout/self-assessment';
import { loadBuiltin } from '../../src/rubric/catalog';
import type { ExcelHost } from '../excel-host';
import { cellAddress, cleanup, FULL, inputAt, newHost, valueAt } from './helpers';

afterEach(() => cleanup());

const loaded = loadBuiltin('hengdong-2020-members');
const HD = loaded.rubric;
const UNIT = HD.defaultRoster!.find((u) => u.name === '县公安局')!;
const SHEET = '县公安局';

/** Lays out 县公安局's form as makeForm does (table, CS_FORM, very hidden identity, protection), in the host. */
let madeDigest = '';
async function layOutForm(host: ExcelHost, rubricVersion = HD.version): Promise<void> {
  const groupLabel = HD.ranking.groups.find((g) => g.id === UNIT.group)!.label;
  const table = planFormSheet(HD, { key: 'u03', sheetName: SHEET, unitName: UNIT.name, groupLabel });
  const grid: CellValue[][] = Array.from({ length: table.block.rows }, () => Array<CellValue>(table.block.cols).fill(null));
  for (const c of table.cells) grid[c.row][c.col] = c.value;
  const idx = indexBlock(grid);
  if (!idx.ok) throw new Error(idx.message);
  const rubric = { id: HD.id, version: rubricVersion, hash: rubricVersion === HD.version ? loaded.hash : 'older' };
  const units = [{ key: 'u03', name: UNIT.name, group: UNIT.group }];
  const identity: FormIdentity = {
    format: 'credit-score-form',
    formatVersion: 1,
    workbookId: workbookId({ createdAt: '2026-01-05T08:00:00.000Z', rubric, units }),
    unitKey: 'u03',
    unitName: UNIT.name,
    group: UNIT.group,
    rubric,
    createdAt: '2026-01-06T00:00:00.000Z',
    lockedDigest: lockedDigest(grid, idx.index),
  };
  madeDigest = identity.lockedDigest;
  await Excel.run(async (context) => {
    const batch = new Batch(context);
    const ws = context.workbook.worksheets.add(SHEET);
    await applySheet(context, batch, ws, table, detectApiLevel());
    const hidden = context.workbook.worksheets.add(FORM_META_SHEET);
    const column = formMetaColumn(identity);
    hidden.getRangeByIndexes(0, 0, column.length, 1).values = column.map((v) => [v]);
    hidden.visibility = 'VeryHidden';
    ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowSort: true, allowAutoFilter: true });
    await batch.flush();
  });
  await host.flushEvents();
}

async function bindForm(host: ExcelHost) {
  const controller = createExcelController({ api: detectApiLevel() });
  await controller.ready;
  await host.flushEvents();
  return controller;
}

/** FULL typed cell by cell (a paste over the column would cross the locked category rows of a protected form). */
function typeFull(host: ExcelHost) {
  for (const [ind, field, v] of FULL) host.userEdit(SHEET, inputAt(host, SHEET, ind, field), [[v]]);
}

const score = (host: ExcelHost, rowKey: string) => valueAt(host, SHEET, cellAddress(host, SHEET, rowKey, 'score'));
const scoreColumn = (host: ExcelHost) => cellAddress(host, SHEET, 't|final', 'score').replace(/\d+$/, '');

describe('a 自评表 open with the add-in', () => {
  it('shows nothing but 自评分（草稿） and the items still 未填 before anything is typed', async () => {
    const host = await newHost('1.8');
    await layOutForm(host);
    const controller = await bindForm(host);
    const status = controller.status();
    expect(status.bound).toBe(true);
    expect(status.form).toEqual({ unitName: '县公安局', total: null, missing: 17, draft: true }); // 17 items: 一 … 十
    expect(status.notices).toEqual(['县公安局 自评分（草稿）：尚不能计算；尚有 17 项未填']);
    expect(score(host, 't|final')).toBe('');
  });

  it.each(['1.8', '1.14'] as const)('writes the 得分 of items, categories and total as the unit types (ExcelApi %s)', async (v) => {
    const host = await newHost(v);
    await layOutForm(host);
    const controller = await bindForm(host);
    typeFull(host);
    await host.flushEvents();
    expect(score(host, 'i|一|leader')).toBe(3);
    expect(score(host, 'i|五|commitments')).toBe(10); // ２５ × 0.5 = 12.5 → cap 10
    expect(score(host, 'i|八|share')).toBe(5);
    expect(score(host, 'c|三')).toBe(31);
    expect(score(host, 'c|四')).toBe(17);
    expect(score(host, 'c|九')).toBe(4.5);
    expect(score(host, 't|base')).toBe(84.5);
    expect(score(host, 't|final')).toBe(84.5);
    expect(controller.status().form).toEqual({ unitName: '县公安局', total: 84.5, missing: 0, draft: false });
    expect(controller.status().notices).toEqual(['县公安局 自评分：84.5 分']);

    // One edit: one round of two syncs, and the echo of its writes starts none (no loop).
    const syncs = host.syncCount;
    host.userEdit(SHEET, inputAt(host, SHEET, '六', 'reports'), [[6]]); // 六: 6 × 0.5 = 3 (was 2) → 85.5
    await host.flushEvents({ maxRounds: 4 });
    expect(host.syncCount - syncs).toBe(2);
    expect(host.pendingEvents).toBe(0);
    expect(score(host, 'i|六|reports')).toBe(3);
    expect(score(host, 't|final')).toBe(85.5);

    // An input cleared: the item is 未填 again and the total a draft.
    host.userEdit(SHEET, inputAt(host, SHEET, '十', 'missed'), [['']]);
    await host.flushEvents({ maxRounds: 4 });
    expect(score(host, 'i|十|missed')).toBe('');
    expect(score(host, 't|final')).toBe('');
    expect(controller.status().form).toEqual({ unitName: '县公安局', total: null, missing: 1, draft: true });
  });

  it('never writes an input or 佐证材料 cell, only the 得分 and 计分说明 columns, and keeps the form protected', async () => {
    const host = await newHost('1.8');
    await layOutForm(host);
    const laidOut = host.syncCount;
    await bindForm(host);
    typeFull(host);
    await host.flushEvents();
    host.userEdit(SHEET, cellAddress(host, SHEET, 'i|一|leader', 'evidence'), [['县公安局信用工作台账第 3 页']]);
    await host.flushEvents();
    const valueWrites = host.writesLog.filter((w) => w.sync > laidOut && w.sheet === SHEET && w.kind === 'values');
    expect(valueWrites.length).toBeGreaterThan(0);
    const col = scoreColumn(host);
    const reasonCol = cellAddress(host, SHEET, 't|final', 'reason').replace(/\d+/, '');
    for (const w of valueWrites) expect(w.address).toMatch(new RegExp(`^(${col}|${reasonCol})\\d+$`));
    expect(valueWrites.some((w) => w.address!.startsWith(reasonCol))).toBe(true);
    // 计分说明 written as computed like 得分: 六 is 4 reports × 0.5 = 2 (header).
    expect(valueAt(host, SHEET, cellAddress(host, SHEET, 'i|六|reports', 'reason'))).toMatch(/4\s*份\s*×\s*0\.5\s*分，得\s*2\s*分/);
    // What the unit typed is as typed.
    expect(valueAt(host, SHEET, inputAt(host, SHEET, '五', 'commitments'))).toBe(FULL.find(([i]) => i === '五')![2]);
    expect(valueAt(host, SHEET, cellAddress(host, SHEET, 'i|一|leader', 'evidence'))).toBe('县公安局信用工作台账第 3 页');
    expect(host.protection(SHEET).protected).toBe(true);
    // The form as it stands, 得分 filled, still has the locked-parts digest it was made with: collect takes it.
    const block = host.values(SHEET, `A1:${cellAddress(host, SHEET, 't|status', 'evidence')}`) as CellValue[][];
    const idx = indexBlock(block);
    if (!idx.ok) throw new Error(idx.message);
    expect(lockedDigest(block, idx.index)).toBe(madeDigest);
  });

  it('puts back a 得分 typed over in an unprotected form, and 重新计分 costs one round', async () => {
    const host = await newHost('1.8');
    await layOutForm(host);
    const controller = await bindForm(host);
    typeFull(host);
    await host.flushEvents();
    host.userUnprotectSheet(SHEET);
    host.userEdit(SHEET, cellAddress(host, SHEET, 't|final', 'score'), [[100]]);
    await host.flushEvents({ maxRounds: 4 });
    expect(score(host, 't|final')).toBe(84.5);
    expect(host.pendingEvents).toBe(0);
    const syncs = host.syncCount;
    await controller.rescoreAll();
    await host.flushEvents();
    expect(host.syncCount - syncs).toBe(1); // read only: nothing differs, nothing written
    expect(score(host, 't|final')).toBe(84.5);
  });

  it('a wrong input shows 输入有误, never a number, and the pane names the unit, item and value', async () => {
    const host = await newHost('1.8');
    await layOutForm(host);
    const controller = await bindForm(host);
    typeFull(host);
    await host.flushEvents();
    host.userEdit(SHEET, inputAt(host, SHEET, '六', 'reports'), [['四篇']]);
    await host.flushEvents({ maxRounds: 4 });
    expect(score(host, 'i|六|reports')).toBe('输入有误');
    expect(score(host, 't|final')).toBe('');
    const status = controller.status();
    expect(status.form).toMatchObject({ total: null, draft: true });
    const problem = status.problems.find((p) => p.kind === 'input');
    expect(problem?.message).toContain('县公安局');
    expect(problem?.message).toContain('四篇');
    expect(problem?.indicatorId).toBe('六');
  });

  it('refuses a form of another rubric version with a Chinese notice and writes no score', async () => {
    const host = await newHost('1.8');
    await layOutForm(host, '1.0.0');
    const controller = await bindForm(host);
    typeFull(host);
    await host.flushEvents();
    const status = controller.status();
    expect(status.bound).toBe(false);
    expect(status.problems.map((p) => p.message)).toEqual([expect.stringContaining('版本不一致，不显示自评分')]);
    expect(status.problems[0].message).toContain(`v1.0.0`);
    expect(score(host, 't|final')).toBe('');
    // Still the unit's form: the pane shows the unit's pane (how to return it), without a figure.
    expect(status.form).toEqual({ unitName: '县公安局', total: null, missing: 0, draft: true, scoredLive: false });
  });
});
