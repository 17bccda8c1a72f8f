/**
 * The live workbook: binds to a workbook the add-in made, rescoring whenever inputs change.
 *
 * Hot path (one edit, ExcelApi 1.8 and up): the change event is queued; events that arrive while
 * a round is running are coalesced into the next round. A round costs two syncs whatever the roster
 * size: (1) read the blocks of the sheets that changed (values and display text), which also
 * re-indexes them, so inserted rows or columns, sorts and renames are absorbed; (2) write only the
 * computed cells whose value differs from what the add-in last wrote. The add-in's own writes echo
 * back as change events (office-js 1122): at 1.14+ they carry triggerSource 'ThisLocalAddin', below
 * that the EchoFilter recognises them. Input cells are never written. A computed cell the user typed
 * over is noticed when its sheet is read and restored by the same round's write.
 */
import { cellOf, indexBlock, inputCells, readUnitInputs, type SheetIndex } from '../layout/binding';
import { readMetaColumn } from '../layout/meta';
import { percentTexts } from '../layout/percent';
import { allOutputs, TONE_FILL, type OutputCell } from '../layout/outputs';
import { definedNameFor, META_SHEET, NOT_APPLICABLE_FIELD, a1, type CellValue, type ColumnRole, type WorkbookMeta } from '../layout/plan';
import { builtinRubricIds, loadBuiltin } from '../rubric/catalog';
import { checkEmbedded, modifiedRubricNotice } from '../rubric/compare';
import { parseRubricText, formatRubricError } from '../rubric/load';
import type { Rubric } from '../rubric/schema';
import { scoreRoster } from '../scoring/score';
import type { RosterResult, UnitInput } from '../scoring/types';
import type { StatusProblem, WorkbookStatus } from '../taskpane/controller';
import { PROTECTION_OPTIONS } from './apply-plan';
import { Batch } from './batch';
import { EchoFilter } from './echo';
import type { ApiLevel } from './requirements';
import { buildStatus } from './status';

interface SheetState {
  key: string;
  worksheetId: string;
  /** Position of the block (its defined name) in the sheet. */
  originRow: number;
  originCol: number;
  index: SheetIndex;
  values: CellValue[][];
}

interface QueuedChange {
  worksheetId: string;
  address: string;
  changeType: string;
}

/** Sheets read per sync when everything is read (binding, 重新计分). */
const READ_CHUNK = 50;

const STRUCTURAL = new Set(['RowInserted', 'RowDeleted', 'ColumnInserted', 'ColumnDeleted', 'CellInserted', 'CellDeleted']);

export interface SessionStats {
  rounds: number;
  syncs: number;
  cellsWritten: number;
  lastRoundSyncs: number;
  lastRoundCells: number;
}

export type BindResult = { ok: true; session: LiveSession } | { ok: false; reason: 'not-bound' | 'broken'; message: string };

const norm = (v: unknown): CellValue => (v === '' || v === undefined ? null : (v as CellValue));
const same = (a: CellValue, b: CellValue) => norm(a) === norm(b);
const cellId = (o: { sheetKey: string; rowKey: string; role: string }) => `${o.sheetKey}|${o.rowKey}|${o.role}`;

export class LiveSession {
  private readonly sheets = new Map<string, SheetState>();
  private readonly keyBySheetId = new Map<string, string>();
  private readonly inputs = new Map<string, UnitInput>();
  /** What the add-in last wrote (or found, on binding) in each computed cell. */
  private readonly ledger = new Map<string, { value: CellValue; tone: string }>();
  private readonly echo = new EchoFilter();
  private readonly queue: QueuedChange[] = [];
  private running: Promise<void> | null = null;
  /** After a failed write, what we believe is in the sheets is unreliable: the next round reads everything. */
  private needsFullRead = false;
  /** Set when Excel refused to protect or unprotect a sheet (office-js 6784): write without touching protection. */
  private protectionBroken = false;
  private result: RosterResult | null = null;
  private notices: string[] = [];
  /** Notices that outlive a round (protection refused). */
  private readonly sticky: string[] = [];
  private extraProblems: StatusProblem[] = [];
  private listeners = new Set<(s: WorkbookStatus) => void>();
  private handlers: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
  readonly stats: SessionStats = { rounds: 0, syncs: 0, cellsWritten: 0, lastRoundSyncs: 0, lastRoundCells: 0 };

  private constructor(
    readonly rubric: Rubric,
    readonly meta: WorkbookMeta,
    private readonly api: ApiLevel,
    versionProblem: StatusProblem | null,
  ) {
    if (versionProblem) this.extraProblems.push(versionProblem);
  }

  /** Finds the add-in's metadata in the open workbook, reads everything, rescores and listens. */
  static async bind(api: ApiLevel, options: { listen?: boolean } = {}): Promise<BindResult> {
    const found = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(META_SHEET);
      await context.sync();
      if (ws.isNullObject) return null;
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('values');
      await context.sync();
      if (used.isNullObject) return null;
      return used.values.map((r) => norm(r[0]));
    });
    if (!found) return { ok: false, reason: 'not-bound', message: '当前工作簿不是本加载项生成的考核工作簿' };
    const meta = readMetaColumn(found);
    if (!meta.ok) return { ok: false, reason: 'broken', message: meta.message };
    const parsed = parseRubricText(meta.rubricJson, `${META_SHEET}（工作簿内保存的评分细则）`);
    if (!parsed.ok) return { ok: false, reason: 'broken', message: parsed.errors.map(formatRubricError).join('\n') };
    if (parsed.value.hash !== meta.meta.rubric.hash)
      return { ok: false, reason: 'broken', message: '工作簿内保存的评分细则与其校验码不符，可能被改动过；请用原始评分细则重新生成评分表' };
    // Same id and version as a shipped rubric but other content (src/rubric/compare.ts): said loudly, scored with the shipped one.
    const embedded = checkEmbedded(parsed.value, builtinRubricIds.includes(meta.meta.rubric.id) ? loadBuiltin(meta.meta.rubric.id) : null);
    const rubric = embedded.kind === 'modified' ? loadBuiltin(meta.meta.rubric.id).rubric : parsed.value.rubric;
    const problem: StatusProblem | null =
      embedded.kind === 'modified'
        ? { id: 'version', kind: 'version', severity: 'error', unit: '本工作簿', message: `${modifiedRubricNotice(meta.meta.rubric.id, meta.meta.rubric.version)}：${embedded.differences.join('；')}。按加载项内置的细则计分。` }
        : versionProblem(meta.meta);
    const session = new LiveSession(rubric, meta.meta, api, problem);
    await session.rescoreAll();
    // Ribbon commands run in a short-lived runtime: they rescore once and do not listen.
    if (options.listen !== false) await session.listen();
    return { ok: true, session };
  }

  // ------------------------------------------------------------------ events

  private async listen(): Promise<void> {
    await Excel.run(async (context) => {
      const handler = (e: Excel.WorksheetChangedEventArgs) => this.onChanged(e);
      if (this.api.supports('1.9')) {
        this.handlers.push(context.workbook.worksheets.onChanged.add(handler));
      } else {
        for (const s of this.sheets.values()) this.handlers.push(context.workbook.worksheets.getItem(s.worksheetId).onChanged.add(handler));
      }
      await context.sync();
    });
  }

  /** The change-event handler: filters echoes, queues the rest, and runs a coalesced round. */
  onChanged(e: Excel.WorksheetChangedEventArgs): Promise<void> {
    const trigger = (e as { triggerSource?: string }).triggerSource;
    if (trigger === 'ThisLocalAddin') return Promise.resolve();
    if (!this.keyBySheetId.has(e.worksheetId)) return Promise.resolve();
    if (!STRUCTURAL.has(e.changeType) && this.echo.isEcho(e.worksheetId, e.address)) return Promise.resolve();
    this.queue.push({ worksheetId: e.worksheetId, address: e.address, changeType: e.changeType });
    return this.kick();
  }

  private kick(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      // Let events delivered in the same tick join this round.
      await Promise.resolve();
      try {
        while (this.queue.length > 0) {
          const batch = this.queue.splice(0);
          const keys = [...new Set(batch.map((q) => this.keyBySheetId.get(q.worksheetId) as string))];
          await this.round(keys);
        }
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Rescores everything from the workbook's inputs (the 重新计分 command; also used on binding). */
  async rescoreAll(): Promise<void> {
    await this.round(null);
  }

  // ------------------------------------------------------------------ one round: read, score, write

  private async round(sheetKeys: string[] | null): Promise<void> {
    let syncs = 0;
    let cells = 0;
    try {
      await Excel.run(async (context) => {
        const batch = new Batch(context);
        const keys = sheetKeys === null || this.needsFullRead ? [...this.managedKeys()] : sheetKeys;
        this.needsFullRead = false;
        await this.readSheets(context, batch, keys);
        this.result = scoreRoster(
          this.rubric,
          this.meta.units.map((u) => this.inputs.get(u.key) ?? { name: u.name, group: u.group }),
        );
        const outputs = allOutputs(this.rubric, this.meta.units.map((u, i) => ({ key: u.key, score: (this.result as RosterResult).units[i] })));
        cells = await this.writeChanged(context, batch, outputs);
        await batch.flushPending();
        syncs = batch.syncs;
      });
    } catch (e) {
      // A failed sync applied nothing: forget what we believe is written so the next round reads and rewrites it.
      this.ledger.clear();
      this.echo.clear();
      this.needsFullRead = true;
      const msg = e instanceof Error ? e.message : String(e);
      if (this.meta.protectComputed && !this.protectionBroken) {
        // Excel may refuse protect/unprotect (office-js 6784): retry once leaving protection alone.
        this.protectionBroken = true;
        await this.round(null).catch(() => undefined);
        this.sticky.push(`工作表保护未能切换（${msg}），已在不改变保护状态的情况下重新写入；如仍有未更新的得分，请手动取消工作表保护后点「重新计分」`);
        this.emit();
        return;
      }
      this.notices = [`计分写入失败，将在下次修改或「重新计分」时重试：${msg}`];
      this.emit();
      throw e;
    } finally {
      this.stats.rounds++;
      this.stats.syncs += syncs;
      this.stats.cellsWritten += cells;
      this.stats.lastRoundSyncs = syncs;
      this.stats.lastRoundCells = cells;
    }
    this.emit();
  }

  private managedKeys(): string[] {
    return ['SUMMARY', 'RANK', ...this.meta.units.map((u) => u.key)];
  }

  private async readSheets(context: Excel.RequestContext, batch: Batch, keys: string[]): Promise<void> {
    // A response is limited to 5 MB on the web too: a unit block is ~40 KB of values and formats, so
    // a full read goes in chunks of READ_CHUNK sheets (one sync each); an edit reads one sheet.
    const reads: { key: string; range: Excel.Range; ws: Excel.Worksheet }[] = [];
    for (let i = 0; i < keys.length; i += READ_CHUNK) {
      const chunk = keys.slice(i, i + READ_CHUNK).map((key) => {
        const range = context.workbook.names.getItemOrNullObject(definedNameFor(key)).getRangeOrNullObject();
        range.load(key.startsWith('U') ? ['values', 'numberFormat', 'rowIndex', 'columnIndex'] : ['values', 'rowIndex', 'columnIndex']);
        const ws = range.worksheet;
        ws.load('id');
        return { key, range, ws };
      });
      await batch.flush();
      reads.push(...chunk);
    }
    const missing: string[] = [];
    let restored = 0;
    for (const { key, range, ws } of reads) {
      if (range.isNullObject) {
        missing.push(key);
        continue;
      }
      const values = range.values.map((r) => r.map(norm));
      const idx = indexBlock(values);
      if (!idx.ok) {
        missing.push(key);
        continue;
      }
      const state: SheetState = { key, worksheetId: ws.id, originRow: range.rowIndex, originCol: range.columnIndex, index: idx.index, values };
      this.sheets.set(key, state);
      this.keyBySheetId.set(ws.id, key);
      const unit = this.meta.units.find((u) => u.key === key);
      if (unit) this.inputs.set(key, readUnitInputs(this.rubric, idx.index, unit.name, unit.group, values, percentTexts(values, range.numberFormat)));
      restored += this.forgetOverwritten(state);
    }
    this.extraProblems = this.extraProblems.filter((p) => p.kind !== 'other' || !p.id.startsWith('missing:'));
    for (const key of missing) {
      const name = key === 'SUMMARY' ? '汇总' : key === 'RANK' ? '排名' : this.meta.units.find((u) => u.key === key)?.name ?? key;
      this.extraProblems.push({ id: `missing:${key}`, kind: 'other', severity: 'error', unit: name, message: `找不到「${name}」的评分表（工作表被删除，或第 1 行、隐藏列被改动），该部分无法读取和写入` });
    }
    this.notices = restored > 0 ? [`已恢复 ${restored} 个被改写的计算单元格（得分、说明等由加载项计算，请在黄色单元格中填写）`] : [];
  }

  /** Computed cells whose content differs from what was written were typed over: forget them so the write restores them. */
  private forgetOverwritten(s: SheetState): number {
    let n = 0;
    for (const [id, entry] of this.ledger) {
      if (!id.startsWith(`${s.key}|`)) continue;
      const [, rk, role] = splitId(id);
      const at = cellOf(s.index, rk, role as ColumnRole);
      if (!at) continue;
      if (!same(norm(s.values[at.row]?.[at.col]), entry.value)) {
        this.ledger.delete(id);
        n++;
      }
    }
    return n;
  }

  private async writeChanged(context: Excel.RequestContext, batch: Batch, outputs: OutputCell[]): Promise<number> {
    const fresh = this.ledger.size === 0;
    let written = 0;
    // On binding the ledger is empty: what is in the sheet counts as written when it is already right.
    const changed: OutputCell[] = [];
    for (const o of outputs) {
      const id = cellId(o);
      const prev = this.ledger.get(id);
      const tone = o.tone ?? 'normal';
      if (prev && same(prev.value, o.value) && prev.tone === tone) continue;
      if (!prev && fresh) {
        const s = this.sheets.get(o.sheetKey);
        const at = s && cellOf(s.index, o.rowKey, o.role);
        // The add-in writes a value and its fill together, so a right value implies the right fill.
        if (at && same(norm(s.values[at.row]?.[at.col]), o.value)) {
          this.ledger.set(id, { value: o.value, tone });
          continue;
        }
      }
      changed.push(o);
    }
    const bySheet = new Map<string, OutputCell[]>();
    for (const o of changed) bySheet.set(o.sheetKey, [...(bySheet.get(o.sheetKey) ?? []), o]);
    for (const [key, list] of bySheet) {
      const s = this.sheets.get(key);
      if (!s) continue;
      const ws = context.workbook.worksheets.getItem(s.worksheetId);
      // A protected workbook: unprotect, write, protect again, all in the same request.
      const guard = this.meta.protectComputed && !this.protectionBroken;
      if (guard) ws.protection.unprotect();
      for (const o of list) {
        const at = cellOf(s.index, o.rowKey, o.role);
        if (!at) continue;
        const row = s.originRow + at.row;
        const col = s.originCol + at.col;
        const range = ws.getRangeByIndexes(row, col, 1, 1);
        range.values = [[o.value === null ? '' : o.value]];
        const tone = o.tone ?? 'normal';
        const prev = this.ledger.get(cellId(o));
        if ((prev?.tone ?? 'normal') !== tone || !prev) range.format.fill.color = TONE_FILL[tone];
        s.values[at.row][at.col] = o.value;
        this.ledger.set(cellId(o), { value: o.value, tone });
        this.echo.record(s.worksheetId, row, col);
        written++;
        await batch.add(2, o.value);
      }
      if (guard) ws.protection.protect(PROTECTION_OPTIONS);
    }
    return written;
  }

  /** The inputs as last read and the scored roster, in roster order (for the annex export). */
  snapshot(): { inputs: UnitInput[]; result: RosterResult | null; keys: string[] } {
    return {
      inputs: this.meta.units.map((u) => this.inputs.get(u.key) ?? { name: u.name, group: u.group }),
      result: this.result,
      keys: this.meta.units.map((u) => u.key),
    };
  }

  // ------------------------------------------------------------------ status for the task pane

  status(): WorkbookStatus {
    return buildStatus(this.rubric, this.meta, this.result, this.extraProblems, [...this.sticky, ...this.notices], (unitKey, indicatorId, fieldId) => this.inputAddress(unitKey, indicatorId, fieldId));
  }

  /** Notices from outside a round (e.g. protection refused while laying out). */
  addNotices(notices: string[]): void {
    this.sticky.push(...notices);
    this.emit();
  }

  subscribe(listener: (s: WorkbookStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    const s = this.status();
    for (const l of this.listeners) l(s);
  }

  /** The address of an input cell (for selecting a problem), from the current index. */
  private inputAddress(unitKey: string, indicatorId?: string, fieldId?: string): string | undefined {
    const s = this.sheets.get(unitKey);
    if (!s) return undefined;
    const refs = inputCells(s.index);
    const ref =
      refs.find((r) => r.indicatorId === indicatorId && r.fieldId === fieldId) ??
      refs.find((r) => r.indicatorId === indicatorId && r.fieldId !== NOT_APPLICABLE_FIELD) ??
      (indicatorId ? undefined : refs.find((r) => r.indicatorId === '@bonus'));
    return ref ? a1(s.originRow + ref.row, s.originCol + ref.col) : undefined;
  }

  async select(sheetKey: string, address?: string): Promise<void> {
    const s = this.sheets.get(sheetKey);
    if (!s) return;
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(s.worksheetId);
      ws.activate();
      ws.getRange(address ?? a1(s.originRow + 1, s.originCol)).select();
      await context.sync();
    });
  }

  async dispose(): Promise<void> {
    const handlers = this.handlers.splice(0);
    if (handlers.length === 0) return;
    await Excel.run(handlers[0].context, async (context) => {
      for (const h of handlers) h.remove();
      await context.sync();
    });
  }
}

function splitId(id: string): [string, string, string] {
  const first = id.indexOf('|');
  const last = id.lastIndexOf('|');
  return [id.slice(0, first), id.slice(first + 1, last), id.slice(last + 1)];
}

function versionProblem(meta: WorkbookMeta): StatusProblem | null {
  if (!builtinRubricIds.includes(meta.rubric.id)) return null;
  const current = loadBuiltin(meta.rubric.id);
  if (current.hash === meta.rubric.hash) return null;
  return {
    id: 'version',
    kind: 'version',
    severity: 'warning',
    unit: '本工作簿',
    message: `本工作簿按评分细则 ${meta.rubric.id} v${meta.rubric.version}（校验码 ${meta.rubric.hash}）生成，加载项内置的是 v${current.rubric.version}（校验码 ${current.hash}）。继续按工作簿内保存的版本计分；如需按新版计分，请用新版重新生成评分表。`,
  };
}
