/**
 * 自评 in the live workbook (src/excel/self-assessment.ts) against the in-memory Excel host: forms
 * made from the bound session's metadata, two filled by openpyxl (scripts/fill-form.py), one of
 * another workbook; collected into the open workbook: 自评填报 and 佐证材料 written beside 核定, EMPTY
 * 核定 inputs prefilled, the one the office typed kept, 变更记录 appended, the collection recorded (a
 * second form of the unit refused unless replacing), a constant number of syncs, and the session's
 * scores following the prefilled 核定.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { applyPlan } from '../../src/excel/apply-plan';
import { detectApiLevel } from '../../src/excel/requirements';
import { PANE_REPLACE_HINT, collectIntoLive } from '../../src/excel/self-assessment';
import { CHANGE_LOG_SHEET } from '../../src/layout/change-log';
import { SELF_ROLES, workbookId } from '../../src/layout/self-assessment';
import { planWorkbook } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import { COLLECT_SHEET } from '../../src/xlsx/collect-records';
import type { FormFile } from '../../src/xlsx/collect';
import { makeFormsFor, readForm } from '../../src/xlsx/forms';
import { bind, cellAddress, cleanup, inputAt, makeWorkbook, newHost, valueAt } from './helpers';

const ROOT = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'cs-live-forms-'));
const roster = [
  { name: '县发改局', group: '成员单位' },
  { name: '人民银行衡东县支行', group: '成员单位' },
  { name: '县公安局', group: '成员单位' },
];
const [A, B, C] = roster.map((u) => u.name);
const NOW = new Date(2026, 11, 6, 9, 30, 0);

afterEach(cleanup);

/** Fills a form as another program would (openpyxl), by the form's row keys. */
function fill(form: ArrayBuffer, spec: object, out: string): FormFile {
  const src = join(dir, `${out}.blank.xlsx`);
  writeFileSync(src, Buffer.from(form));
  writeFileSync(join(dir, `${out}.json`), JSON.stringify(spec));
  execFileSync('/usr/bin/python3', [join(ROOT, 'scripts', 'fill-form.py'), src, join(dir, `${out}.json`), join(dir, out)], {
    stdio: 'pipe',
  });
  return { name: out, bytes: readFileSync(join(dir, out)) };
}

test("collects two forms into the open workbook, refuses another workbook's, keeps the typed 核定, logs, records and rescores", async () => {
  const host = await newHost('1.8');
  await makeWorkbook(host, 'hengdong-2020-members', roster);
  const session = await bind(host);
  // The office has already verified one item of A: its 分管领导 was not confirmed (否).
  host.userEdit(A, inputAt(host, A, '一', 'leader'), '否');
  await host.flushEvents();

  const forms = await makeFormsFor(session.rubric, session.meta, NOW);
  expect(forms.map((f) => f.fileName)).toEqual([`01-${A}-自评表.xlsx`, `02-${B}-自评表.xlsx`, `03-${C}-自评表.xlsx`]);
  const first = await readForm(forms[0].buffer);
  expect(first.ok && first.form.identity.workbookId).toBe(workbookId(session.meta));

  // A: 一 all 是 (自评 4), 八 85 %, one piece of evidence. B: two items of 二.
  const formA = fill(
    forms[0].buffer,
    {
      values: { 'i|一|leader': '是', 'f|一|leadOffice': '是', 'f|一|dutyOffices': '是', 'f|一|liaison': '是', 'i|八|share': '85%' },
      evidence: { 'i|一|leader': '党组会议纪要（2020）第 3 号' },
    },
    'A-已填.xlsx',
  );
  const formB = fill(forms[1].buffer, { values: { 'i|二|plan': '是', 'f|二|opinion': '否' } }, 'B-已填.xlsx');
  // A form of another workbook (same rubric and roster, made at another time).
  const [otherForm] = await makeFormsFor(session.rubric, { ...session.meta, createdAt: '2025-01-01T00:00:00.000Z' }, NOW);
  const other = fill(otherForm.buffer, { values: { 'i|一|leader': '是' } }, '别的工作簿.xlsx');

  const before = host.syncCount;
  const rescoreBefore = session.stats.syncs;
  // In Excel the change events of the collect's writes may reach the session before its rescore
  // (ExcelApi 1.8: no triggerSource): they are delivered first here, so that a write not taken for the
  // add-in's own would show up below as a 手工修改 row.
  const eventsFirst = {
    rubric: session.rubric,
    meta: session.meta,
    noteUnitWrite: session.noteUnitWrite.bind(session),
    sharedChangeLog: session.sharedChangeLog.bind(session),
    rescoreAll: async () => {
      await host.flushEvents();
      await session.rescoreAll();
    },
  };
  const out = await collectIntoLive(eventsFirst, [formA, formB, other], { now: NOW });
  // Syncs do not grow with the forms: records + blocks (2), every write of both units (1); 变更记录 is
  // the session's writer, opened on binding; the rescore is the session's own.
  expect(host.syncCount - before - (session.stats.syncs - rescoreBefore)).toBe(3);

  expect(out.imported.map((i) => [i.unit, i.file, i.replaced])).toEqual([
    [A, 'A-已填.xlsx', false],
    [B, 'B-已填.xlsx', false],
  ]);
  expect(out.refused).toHaveLength(1);
  expect(out.refused[0]).toMatch(
    new RegExp(
      `^「别的工作簿\\.xlsx」（${A}）是另一份考核工作簿的自评表（工作簿标识 \\w+，本工作簿 ${workbookId(session.meta)}），未导入$`,
    ),
  );
  expect(out.notReturned).toEqual([C]);
  expect(out.earlier).toEqual([]);

  // A's sheet: 自评填报 beside 核定填报; the typed 否 kept; empty 核定 prefilled; 85 % a percent in both.
  const at = (unit: string, rowKey: string, role: string) => valueAt(host, unit, cellAddress(host, unit, rowKey, role));
  expect(at(A, 'i|一|leader', SELF_ROLES.input)).toBe('是');
  expect(at(A, 'i|一|leader', 'input')).toBe('否');
  expect(at(A, 'f|一|leadOffice', 'input')).toBe('是');
  expect(at(A, 'i|八|share', SELF_ROLES.input)).toBeCloseTo(0.85, 12);
  expect(at(A, 'i|八|share', 'input')).toBeCloseTo(0.85, 12);
  expect(host.cell(A, cellAddress(host, A, 'i|八|share', 'input')).text).toMatch(/^85(\.0+)?%$/);
  expect(at(A, 'i|一|leader', SELF_ROLES.evidence)).toBe('党组会议纪要（2020）第 3 号');
  expect(host.cell(A, cellAddress(host, A, 'i|一|leader', SELF_ROLES.input)).fill).toBe('#E2EFDA');
  // The headers renamed; the block's name widened over the new columns.
  const grid = host.values(A, 'A1:Z6');
  const headerRow = grid.find((r) => r.includes('核定填报'))!;
  expect(headerRow).toEqual(expect.arrayContaining(['核定填报', '核定分', '自评填报', '自评分', '佐证材料（单位填报）']));
  const name = host.names().find((n) => n.name === 'CS_U0001')!;
  const evidenceCol = cellAddress(host, A, 'i|一|leader', SELF_ROLES.evidence).replace(/\d+$/, '');
  expect(name.formula).toContain(`$${evidenceCol}$`);
  // C did not return a form: its sheet has no 自评 columns.
  expect(host.values(C, 'A1:Z1')[0]).not.toContain(SELF_ROLES.input);

  // The scores follow 核定: 一 of A is 4 − 1 (分管领导 否) = 3.
  expect(at(A, 'i|一|leader', 'score')).toBe(3);

  // 变更记录: A's leader 自评 (empty → 是), not its 核定; leadOffice's 核定 prefilled; source 自评导入.
  const log = host.values(CHANGE_LOG_SHEET, 'A1:I40').filter((r) => r[0] !== '' && r[0] !== null);
  // Row 2 is the office's own edit, logged by the live session as 手工修改; the collect's writes
  // come back as change events at ExcelApi 1.8 but are never logged a second time as 手工修改.
  expect(log[1].slice(1, 8)).toEqual([A, '一 工作机制建设', '是否明确分管领导', '核定填报', '', '否', '手工修改']);
  const rows = log.slice(2);
  expect(rows.every((r) => r[0] === '2026-12-06 09:30:00' && r[7] === '自评导入')).toBe(true);
  expect(rows).toContainEqual([
    '2026-12-06 09:30:00',
    A,
    '一 工作机制建设',
    '是否明确分管领导',
    '自评填报',
    '',
    '是',
    '自评导入',
    'A-已填.xlsx',
  ]);
  expect(rows).toContainEqual([
    '2026-12-06 09:30:00',
    A,
    '一 工作机制建设',
    '是否明确牵头股室',
    '核定填报',
    '',
    '是',
    '自评导入',
    'A-已填.xlsx',
  ]);
  expect(rows).toContainEqual([
    '2026-12-06 09:30:00',
    A,
    '八 信用修复、信用投诉和异议处理情况',
    '严重失信企业参加信用修复、信用投诉和异议处理的占比',
    '核定填报',
    '',
    '85%',
    '自评导入',
    'A-已填.xlsx',
  ]);
  expect(rows.filter((r) => r[1] === A && r[3] === '是否明确分管领导').map((r) => r[4])).toEqual(['自评填报']); // 核定 kept
  expect(rows).toContainEqual([
    '2026-12-06 09:30:00',
    A,
    '一 工作机制建设',
    '佐证材料',
    '佐证材料',
    '',
    '党组会议纪要（2020）第 3 号',
    '自评导入',
    'A-已填.xlsx',
  ]);
  // A: 5 自评填报 + 4 核定填报 (leader typed) + 1 佐证材料; B: 2 + 2.
  expect(out.imported.map((i) => [i.changes, i.prefilled])).toEqual([
    [10, 4],
    [4, 2],
  ]);
  expect(rows).toHaveLength(14);
  expect(out.logged).toBe(14);
  expect(host.sheetNames()).toContain(COLLECT_SHEET);

  // A second form of A: refused (with the pane's words), nothing written; with 替换 it replaces.
  const again = fill(forms[0].buffer, { values: { 'i|一|leader': '否' } }, 'A-再交.xlsx');
  const refused = await collectIntoLive(session, [again], { now: NOW });
  expect(refused.imported).toEqual([]);
  expect(refused.refused).toEqual([
    `「A-再交.xlsx」（${A}）：该单位的自评表已于 2026-12-06 09:30:00 导入（「A-已填.xlsx」），未导入；要以本文件替换，${PANE_REPLACE_HINT}`,
  ]);
  expect(refused.earlier).toEqual([A, B]);
  expect(at(A, 'i|一|leader', SELF_ROLES.input)).toBe('是');
  const syncs = host.syncCount;
  const sessionSyncs = session.stats.syncs;
  const replaced = await collectIntoLive(session, [again], { now: NOW, replace: true });
  expect(replaced.imported.map((i) => [i.unit, i.replaced])).toEqual([[A, true]]);
  // 2 + 1: one form costs what two did (the session's 变更记录 writer knows where its next row goes).
  expect(host.syncCount - syncs - (session.stats.syncs - sessionSyncs)).toBe(3);
  expect(at(A, 'i|一|leader', SELF_ROLES.input)).toBe('否');
  expect(at(A, 'f|一|leadOffice', SELF_ROLES.input)).toBe(''); // the new form left it empty
  expect(at(A, 'f|一|leadOffice', 'input')).toBe('是'); // the 核定 already there stays
  expect(host.values(COLLECT_SHEET, 'A1:A4').map((r) => r[0])).toEqual([
    'credit-score-collect/1',
    expect.stringContaining('"unitKey":"U0001"'),
    expect.stringContaining('"unitKey":"U0002"'),
    expect.stringContaining('"file":"A-再交.xlsx"'),
  ]);
}, 120_000);

test('a protected workbook: the columns and values are written (unprotect, write, protect in one request) and the sheet stays protected', async () => {
  const host = await newHost('1.8');
  const plan = planWorkbook(loadBuiltin('hengdong-2020-members'), roster, '2026-11-24T00:00:00Z', { protectComputed: true });
  await applyPlan(plan, { api: detectApiLevel() });
  await host.flushEvents();
  const session = await bind(host);
  expect(host.protection(A).protected).toBe(true);
  const [form] = await makeFormsFor(session.rubric, session.meta, NOW);
  const filled = fill(form.buffer, { values: { 'i|一|leader': '是' } }, 'A-受保护.xlsx');
  const out = await collectIntoLive(session, [filled], { now: NOW });
  expect(out.refused).toEqual([]);
  expect(out.imported.map((i) => [i.unit, i.changes, i.prefilled])).toEqual([[A, 2, 1]]);
  expect(valueAt(host, A, cellAddress(host, A, 'i|一|leader', SELF_ROLES.input))).toBe('是');
  expect(valueAt(host, A, cellAddress(host, A, 'i|一|leader', 'input'))).toBe('是');
  expect(host.protection(A).protected).toBe(true);
  // The unit's figure is locked: on the protected sheet only the office's yellow inputs can be typed.
  expect(host.cell(A, cellAddress(host, A, 'i|一|leader', SELF_ROLES.input)).locked).toBe(true);
  expect(host.cell(A, cellAddress(host, A, 'i|一|leader', 'input')).locked).toBe(false);
}, 60_000);
