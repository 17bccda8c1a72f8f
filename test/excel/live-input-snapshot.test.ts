/**
 * `_cs_inputs` kept by the live session (src/excel/input-snapshot.ts): a workbook edited in Excel,
 * saved and scored in file mode (the page, `credit-score annex`) logs each change once; binding a
 * workbook without the sheet writes it (very hidden), with the sheet it logs what was typed while
 * the add-in was not running; a value set on the 参数 sheet is a 手工修改 of its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { applyPlan } from '../../src/excel/apply-plan';
import { detectApiLevel } from '../../src/excel/requirements';
import { collectIntoLive } from '../../src/excel/self-assessment';
import { makeFormsFor } from '../../src/xlsx/forms';
import { CHANGE_LOG_SHEET } from '../../src/layout/change-log';
import { INPUTS_SHEET } from '../../src/layout/input-snapshot';
import { planWorkbook } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import { parseRubricText } from '../../src/rubric/load';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { createExcelHost, installGlobals, type ExcelHost } from '../excel-host';
import { bind, cellAddress, cleanup, inputAt, makeWorkbook, newHost } from './helpers';
import { hostToXlsx } from './host-xlsx';

jest.setTimeout(30_000);
afterEach(() => cleanup());

const HD = loadBuiltin('hengdong-2020-members').rubric;
const ROSTER = HD.defaultRoster!.slice(0, 3);
const POLICE = '县公安局';
const AT = new Date(2026, 11, 6, 10, 30, 0);

const logRows = (host: ExcelHost) =>
  host
    .values(CHANGE_LOG_SHEET, 'A2:I200')
    .filter((r) => r.some((v) => v !== '' && v !== null))
    .map((r) => r.map((v) => (v === null ? '' : String(v))));

async function fileLogRows(buffer: ArrayBuffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  const ws = wb.getWorksheet(CHANGE_LOG_SHEET);
  const rows: string[][] = [];
  ws?.eachRow((row, n) => {
    if (n > 1) rows.push(Array.from({ length: 9 }, (_, i) => String(row.getCell(i + 1).value ?? '')));
  });
  return rows;
}

describe('_cs_inputs in the live session', () => {
  it('edits logged in Excel are not logged again when the saved workbook is scored in file mode', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', ROSTER);
    const session = await bind(host);
    session.now = () => AT;
    // Binding a workbook without the sheet wrote its baseline, very hidden.
    expect(host.visibility(INPUTS_SHEET)).toBe('VeryHidden');
    host.userEdit(POLICE, inputAt(host, POLICE, '六', 'reports'), [[4]]);
    await host.flushEvents();
    const syncs = host.syncCount;
    host.userEdit(POLICE, inputAt(host, POLICE, '一', 'leader'), [['是']]);
    await host.flushEvents();
    // The edit round stays at two syncs: the line is rewritten with the round's writes.
    expect(host.syncCount - syncs).toBe(2);
    const live = logRows(host);
    expect(live.map((r) => [r[1], r[5], r[6], r[7]])).toEqual([
      [POLICE, '', '4', '手工修改'],
      [POLICE, '', '是', '手工修改'],
    ]);
    const scored = await scoreFilledWorkbook(await hostToXlsx(host), { fileName: 'a.xlsx' });
    expect(scored.changesLogged).toBe(0);
    expect(await fileLogRows(scored.scored)).toEqual(live);
  });

  it('binding a workbook with the sheet logs what was typed while the add-in was not running, once', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', ROSTER);
    const first = await bind(host);
    first.now = () => AT;
    host.userEdit(POLICE, inputAt(host, POLICE, '六', 'reports'), [[4]]);
    await host.flushEvents();
    await first.dispose();
    // Typed with the add-in closed (no session listening), then saved and reopened.
    host.userEdit(POLICE, inputAt(host, POLICE, '六', 'reports'), [[7]]);
    await host.flushEvents();
    const saved = host.save();
    cleanup();
    const again = createExcelHost({ apiVersion: '1.8', state: saved });
    installGlobals(again);
    const session = await bind(again);
    expect(logRows(again).map((r) => [r[1], r[5], r[6], r[7]])).toEqual([
      [POLICE, '', '4', '手工修改'],
      [POLICE, '4', '7', '手工修改'],
    ]);
    // 重新计分 reads the same inputs: nothing more.
    await session.rescoreAll();
    expect(logRows(again)).toHaveLength(2);
    const scored = await scoreFilledWorkbook(await hostToXlsx(again));
    expect(scored.changesLogged).toBe(0);
  });

  it('a value set on the 参数 sheet is a 手工修改 named 参数, logged once across Excel and file mode', async () => {
    const parsed = parseRubricText(
      readFileSync(join(__dirname, '../rubric/constructs/office-parameters.json'), 'utf8'),
      'office-parameters.json',
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const host = await newHost('1.8');
    await applyPlan(planWorkbook(parsed.value, [{ name: '甲', group: '部门' }]), { api: detectApiLevel() });
    await host.flushEvents();
    const session = await bind(host);
    session.now = () => AT;
    const param = cellAddress(host, '参数', 'p|points-1', 'input');
    host.userEdit('参数', param, [[40]]);
    await host.flushEvents();
    const syncs = host.syncCount;
    host.userEdit('参数', param, [[35]]);
    await host.flushEvents();
    expect(host.syncCount - syncs).toBe(2);
    const label = parsed.value.rubric.parameters!.find((p) => p.id === 'points-1')!.label;
    expect(logRows(host)).toEqual([
      ['2026-12-06 10:30:00', '参数', '参数', label, '设定值', '', '40', '手工修改', ''],
      ['2026-12-06 10:30:00', '参数', '参数', label, '设定值', '40', '35', '手工修改', ''],
    ]);
    const scored = await scoreFilledWorkbook(await hostToXlsx(host));
    expect(scored.changesLogged).toBe(0);
  });

  it('values the pane’s 收回自评表 wrote are neither logged again by the session nor by file mode', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', ROSTER);
    const session = await bind(host);
    session.now = () => AT;
    const [form] = await makeFormsFor(session.rubric, session.meta, AT);
    const dir = mkdtempSync(join(tmpdir(), 'cs-live-inputs-'));
    const blank = join(dir, 'blank.xlsx');
    writeFileSync(blank, Buffer.from(form.buffer));
    writeFileSync(join(dir, 'spec.json'), JSON.stringify({ values: { 'i|一|leader': '是', 'i|八|share': '85%' }, evidence: {} }));
    const filled = join(dir, '01-已填.xlsx');
    execFileSync(
      '/usr/bin/python3',
      [join(resolve(__dirname, '../..'), 'scripts', 'fill-form.py'), blank, join(dir, 'spec.json'), filled],
      {
        stdio: 'pipe',
      },
    );
    const out = await collectIntoLive(session, [{ name: '01-已填.xlsx', bytes: readFileSync(filled) }], { now: AT });
    expect(out.imported).toHaveLength(1);
    await host.flushEvents();
    const live = logRows(host);
    expect(live.length).toBeGreaterThan(0);
    expect(live.every((r) => r[7] === '自评导入' && r[8] === '01-已填.xlsx')).toBe(true);
    await session.rescoreAll();
    expect(logRows(host)).toEqual(live);
    const scored = await scoreFilledWorkbook(await hostToXlsx(host));
    expect(scored.changesLogged).toBe(0);
  });

  it('a sheet whose marker was damaged gets it back: binding works, nothing is logged from it, later edits once', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', ROSTER);
    await (await bind(host)).dispose();
    host.userEdit(INPUTS_SHEET, 'A1', [['改坏了']]);
    const saved = host.save();
    cleanup();
    const again = createExcelHost({ apiVersion: '1.8', state: saved });
    installGlobals(again);
    const session = await bind(again);
    session.now = () => AT;
    expect(again.values(INPUTS_SHEET, 'A1')[0][0]).toBe('credit-score-inputs/1');
    again.userEdit(POLICE, inputAt(again, POLICE, '六', 'reports'), [[3]]);
    await again.flushEvents();
    expect(logRows(again).map((r) => [r[1], r[5], r[6]])).toEqual([[POLICE, '', '3']]);
    expect((await scoreFilledWorkbook(await hostToXlsx(again))).changesLogged).toBe(0);
  });
});
