/**
 * The incremental live session writes exactly the cells a full rescore would write.
 *
 * Reference: after every round, the whole roster is scored again from the inputs the session
 * read (`scoreRoster`) and every computed cell of the workbook is built (`allOutputs`). A full
 * rescore writes the cells whose value or fill differs from the previous full result, plus the
 * computed cells the user typed over (restored). The cells the session wrote in the round (the
 * host's write log, mapped back to sheet / row key / role) must be exactly those, with those values.
 *
 * The rubric is 衡东 with a second group, a top-1 honour and a bottom-1 criticism (a unit leaving the ranking can then change another's label but not its rank), bands and a fraud mark that takes the honour away (labels move where ranks do not), so that
 * edits move ranks, labels and bands inside one group while the other stays put; every unit starts
 * with the same answers (all tied), values come from small sets (more ties), a blank takes a unit
 * out of its group's ranking and a text value makes it invalid.
 */
import { INPUTS_SHEET } from '../../src/layout/input-snapshot';
import { CHANGE_LOG_SHEET } from '../../src/layout/change-log';
import fc from 'fast-check';
import { applyPlan } from '../../src/excel/apply-plan';
import { detectApiLevel } from '../../src/excel/requirements';
import { LiveSession } from '../../src/excel/session';
import { indexBlock, inputCells } from '../../src/layout/binding';
import { allOutputs } from '../../src/layout/outputs';
import type { CellValue } from '../../src/layout/plan';
import { planWorkbook } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import { contentHash } from '../../src/rubric/hash';
import type { Rubric } from '../../src/rubric/schema';
import { scoreRoster } from '../../src/scoring/score';
import { createExcelHost, installGlobals, uninstallGlobals, type ExcelHost } from '../excel-host';
import { a1 } from '../../src/layout/plan';
import { FULL } from './helpers';

const RUNS = Number(process.env.INCREMENTAL_RUNS ?? 1000);

function twoGroupRubric(): Rubric {
  const r = JSON.parse(JSON.stringify(loadBuiltin('hengdong-2020-members').rubric)) as Rubric;
  r.id = 'hengdong-two-groups-test';
  r.ranking.groups = [
    { ...r.ranking.groups[0], id: '甲组', label: '甲组', honours: [{ label: '先进', top: 1 }], criticism: [{ label: '通报', bottom: 1 }] },
    { ...r.ranking.groups[0], id: '乙组', label: '乙组', honours: [{ label: '先进', top: 1 }], criticism: [] },
  ];
  r.bands = {
    basis: 'final',
    list: [
      { label: '优秀', min: 86, minInclusive: true },
      { label: '良好', min: 80, minInclusive: true },
      { label: '一般', min: null, minInclusive: false },
    ],
  } as Rubric['bands'];
  // A fraud mark (弄虚作假) takes the honour away without backfill: labels change where ranks do not.
  r.fraud = 'honour_ineligible';
  delete (r as { defaultRoster?: unknown }).defaultRoster;
  return r;
}

const RUBRIC = twoGroupRubric();
const UNITS = ['甲一', '甲二', '甲三', '乙一', '乙二'].map((name) => ({ name, group: name.startsWith('甲') ? '甲组' : '乙组' }));

/** Answers every unit starts with: 衡东 县公安局's, 84.5 points (test/excel/helpers.ts). */
const BASE = FULL;

/** The fields edits go to, with values from small sets; '' un-ranks a unit, text makes it invalid. */
const EDITS: { ind: string; field: string; values: unknown[] }[] = [
  { ind: '六', field: 'reports', values: [0, 2, 4, 6, 8, '', '四篇'] },
  { ind: '十', field: 'missed', values: [0, 1, 2, 3, 5] },
  { ind: '三.2', field: 'score', values: [14, 16, 18, 20, ''] },
  { ind: '一', field: 'liaison', values: ['是', '否'] },
  { ind: '@fraud', field: 'fraud', values: ['否', '是', ''] },
];

interface Layout {
  /** sheet name → "row,col" → cell id "sheetKey|rowKey|role" */
  cellIds: Map<string, Map<string, string>>;
  /** cell id → sheet name and address */
  addressOf: Map<string, { sheet: string; address: string }>;
  inputs: Map<string, string>; // "unit|ind|field" → address
}

let saved: ReturnType<ExcelHost['save']>;
let layout: Layout;

function readLayout(host: ExcelHost, sheets: { name: string; key: string }[]): Layout {
  const cellIds = new Map<string, Map<string, string>>();
  const addressOf = new Map<string, { sheet: string; address: string }>();
  const inputs = new Map<string, string>();
  for (const s of sheets) {
    const grid = host.values(s.name, 'A1:Z200') as CellValue[][];
    const idx = indexBlock(grid);
    if (!idx.ok) throw new Error(idx.message);
    const m = new Map<string, string>();
    for (const [rk, row] of idx.index.rows)
      for (const [role, col] of idx.index.cols) {
        const id = `${s.key}|${rk}|${role}`;
        m.set(`${row},${col}`, id);
        addressOf.set(id, { sheet: s.name, address: a1(row, col) });
      }
    for (const ref of inputCells(idx.index)) inputs.set(`${s.name}|${ref.indicatorId}|${ref.fieldId}`, a1(ref.row, ref.col));
    cellIds.set(s.name, m);
  }
  return { cellIds, addressOf, inputs };
}

beforeAll(async () => {
  const host = createExcelHost({ apiVersion: '1.8' });
  installGlobals(host);
  const plan = planWorkbook({ rubric: RUBRIC, hash: contentHash(RUBRIC) }, UNITS, '2026-11-24T00:00:00Z');
  await applyPlan(plan, { api: detectApiLevel() });
  await host.flushEvents();
  layout = readLayout(
    host,
    plan.sheets.filter((s) => s.kind !== 'info'),
  );
  for (const u of UNITS)
    for (const [ind, field, v] of BASE) host.userEdit(u.name, layout.inputs.get(`${u.name}|${ind}|${field}`) as string, [[v]]);
  await host.flushEvents();
  // Saved scored (binding then writes nothing) and without the 细则说明 sheet, which no round reads,
  // so that each sequence starts from a small workbook.
  const bound = await LiveSession.bind(detectApiLevel(), { listen: false });
  if (!bound.ok) throw new Error(bound.message);
  host.userDeleteSheet(plan.sheets.find((s) => s.kind === 'info')!.name);
  await host.flushEvents();
  saved = host.save();
  uninstallGlobals();
});

afterEach(() => uninstallGlobals());

type Action =
  | { kind: 'edit'; units: number[]; edit: number; value: number }
  | { kind: 'typeOver'; unit: number; target: 'final' | 'summary' | 'rank'; value: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      units: fc.uniqueArray(fc.nat(UNITS.length - 1), { minLength: 1, maxLength: 3 }),
      edit: fc.nat(EDITS.length - 1),
      value: fc.nat(6),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('typeOver' as const),
      unit: fc.nat(UNITS.length - 1),
      target: fc.constantFrom('final' as const, 'summary' as const, 'rank' as const),
      value: fc.integer({ min: 0, max: 100 }),
    }),
  },
);

type Expected = Map<string, { value: CellValue; tone: string }>;
const norm = (v: unknown) => (v === '' || v === undefined ? null : v);

function fullRescore(session: LiveSession): Expected {
  const snap = session.snapshot();
  const result = scoreRoster(RUBRIC, snap.inputs);
  const out: Expected = new Map();
  for (const o of allOutputs(
    RUBRIC,
    snap.keys.map((key, i) => ({ key, score: result.units[i] })),
  ))
    out.set(`${o.sheetKey}|${o.rowKey}|${o.role}`, { value: norm(o.value) as CellValue, tone: o.tone ?? 'normal' });
  return out;
}

function writtenSince(host: ExcelHost, from: number): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const w of host.writesLog.slice(from)) {
    if (w.kind !== 'values' || !w.sheet || !w.address) continue;
    // 变更记录 rows (an input changed by hand) are appended with the round's writes: test/excel/live-change-log.test.ts.
    if (w.sheet === CHANGE_LOG_SHEET) continue;
    // The _cs_inputs lines of the units read: test/excel/live-input-snapshot.test.ts.
    if (w.sheet === INPUTS_SHEET) continue;
    // One write covers a rectangle of cells: B7, B7:D7 (a row) or B7:D9 (shifted 排名 rows).
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(w.address);
    if (!m) throw new Error(`unexpected write ${w.address}`);
    const colOf = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    for (let row = Number(m[2]) - 1; row <= Number(m[4] ?? m[2]) - 1; row++)
      for (let col = colOf(m[1]); col <= colOf(m[3] ?? m[1]); col++) {
        const id = layout.cellIds.get(w.sheet)?.get(`${row},${col}`);
        if (!id) throw new Error(`write outside a computed cell: ${w.sheet}!${w.address}`);
        if (id.endsWith('|input')) throw new Error(`input cell written: ${w.sheet}!${w.address}`);
        out.set(id, norm(host.values(w.sheet, a1(row, col))[0][0]) as CellValue);
      }
  }
  return out;
}

async function play(actions: Action[]): Promise<void> {
  const host = createExcelHost({ apiVersion: '1.8', state: saved });
  installGlobals(host);
  const bound = await LiveSession.bind(detectApiLevel());
  if (!bound.ok) throw new Error(bound.message);
  const session = bound.session;
  await host.flushEvents();
  let previous = fullRescore(session);
  for (const a of actions) {
    const from = host.writesLog.length;
    const typedOver = new Map<string, CellValue>();
    if (a.kind === 'edit') {
      const e = EDITS[a.edit];
      for (const u of a.units)
        host.userEdit(UNITS[u].name, layout.inputs.get(`${UNITS[u].name}|${e.ind}|${e.field}`) as string, [
          [e.values[a.value % e.values.length]],
        ]);
    } else {
      const key = `U${String(a.unit + 1).padStart(4, '0')}`;
      const id =
        a.target === 'final'
          ? `${key}|t|final|score`
          : a.target === 'summary'
            ? `SUMMARY|u|${key}|final`
            : `RANK|r|${UNITS[a.unit].group}|1|final`;
      const at = layout.addressOf.get(id);
      if (!at) throw new Error(`no cell ${id}`);
      host.userEdit(at.sheet, at.address, [[a.value]]);
      typedOver.set(id, a.value);
    }
    await host.flushEvents();
    const now = fullRescore(session);
    const expected = new Map<string, CellValue>();
    for (const [id, cell] of now) {
      const before = previous.get(id);
      const overwritten = typedOver.has(id) && typedOver.get(id) !== before?.value;
      if (overwritten || !before || before.value !== cell.value || before.tone !== cell.tone) expected.set(id, cell.value);
    }
    const written = writtenSince(host, from);
    // Compared by hand (expect's deep equality is most of the run time at 1,000 runs); a mismatch
    // is then shown in full by expect.
    const same = written.size === expected.size && [...expected].every(([id, v]) => written.has(id) && written.get(id) === v);
    if (!same) expect(Object.fromEntries(written)).toEqual(Object.fromEntries(expected));
    previous = now;
  }
  // Nothing is left for a full rescore to fix.
  await session.rescoreAll();
  expect(session.stats.lastRoundCells).toBe(0);
  await session.dispose();
  uninstallGlobals();
}

describe('incremental rounds write what a full rescore writes', () => {
  it(`over ${RUNS} random edit sequences (ties, un-ranked units, two groups, fraud marks, typed-over cells)`, async () => {
    await fc.assert(fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 6 }), play), { numRuns: RUNS });
  }, 300_000);

  it('a tie broken and restored moves both units’ ranks, labels and 排名 rows', async () => {
    // 甲一 6 reports (+1 point) then back to 4: 甲一 alone first, then all three tied again.
    await play([
      { kind: 'edit', units: [0], edit: 0, value: 3 },
      { kind: 'edit', units: [0], edit: 0, value: 2 },
    ]);
  });

  it('a fraud mark on the honoured unit changes its labels, not its rank, and honours nobody else', async () => {
    // 甲一 6 reports: alone at the top of 甲组 (先进); then marked 是 (fraud), then 否 again.
    await play([
      { kind: 'edit', units: [0], edit: 0, value: 3 },
      { kind: 'edit', units: [0], edit: 4, value: 1 },
      { kind: 'edit', units: [0], edit: 4, value: 0 },
    ]);
  });
});
