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
import { cellOf, indexBlock, inputCells, readUnitInputs, type InputCellRef, type SheetIndex } from '../layout/binding';
import { readMetaColumn } from '../layout/meta';
import { percentTexts } from '../layout/percent';
import { hasParameters, PARAMS_SHEET_KEY, readParameterValues } from '../layout/params-sheet';
import type { ParameterValues } from '../scoring/parameters';
import { TONE_FILL, type OutputCell } from '../layout/outputs';
import { definedNameFor, META_SHEET, NOT_APPLICABLE_FIELD, a1, type CellValue, type WorkbookMeta } from '../layout/plan';
import { builtinRubricIds, loadBuiltin } from '../rubric/catalog';
import { checkEmbedded, modifiedRubricNotice } from '../rubric/compare';
import { parseRubricText, formatRubricError } from '../rubric/load';
import type { Rubric } from '../rubric/schema';
import type { RosterResult, UnitInput } from '../scoring/types';
import { buildStatus, type RepairKind, type StatusMemo, type StatusProblem, type WorkbookStatus } from '../layout/status';
import { sheetNameOf } from './address';
import { PROTECTION_OPTIONS, queueMetaSheet } from './apply-plan';
import { Batch } from './batch';
import { cellBlocks } from './cell-blocks';
import { EchoFilter } from './echo';
import { Ledger } from './ledger';
import { probeLostMeta, type MetaRecovery } from './recover-meta';
import { filledInputs, queueRebuild, type LostSheet } from './rebuild-unit';
import type { ApiLevel } from './requirements';
import { RosterScores } from './roster-scores';
import { ChangeLogOpening, LiveChangeLog, type UnitReading } from './change-log';
import { LiveInputSnapshot } from './input-snapshot';
import { LiveReviewSheet } from './review-sheet';
import { SelfScores } from './review-scores';
import { rebuildLiveSummary } from './summary-self';
import { showsSummarySelf, summarySelfOutputs } from '../layout/summary-self';
import { documentState, type DocumentState } from '../layout/document-state';
import {
  readSelfInputs,
  REVIEW_COL,
  REVIEW_SHEET,
  reviewItems,
  reviewLines,
  selfColumnsOfIndex,
  type ReviewResult,
} from '../layout/review';
import { describeField, type ChangeRow } from '../layout/change-log';

interface SheetState {
  key: string;
  worksheetId: string;
  /** Position of the block (its defined name) in the sheet. */
  originRow: number;
  originCol: number;
  index: SheetIndex;
  values: CellValue[][];
  /** Unit sheets: the block's number formats (kept so that a rebuilt sheet gets its inputs back exactly). */
  formats?: unknown[][];
  /** The sheet's input cells, found when first needed (selecting a problem's cell). */
  inputRefs?: InputCellRef[];
  /** Unit sheets: the 核定 inputs as JSON (a re-read sheet whose 核定 did not change is not rescored). */
  inputJson?: string;
}

/** The key under which the 核查清单 sheet's change events are queued (it has no CS_ name). */
const REVIEW_KEY = 'REVIEW';

/** The words of the computed columns, for the 恢复 rows of 变更记录. */
const ROLE_WORDS: Record<string, string> = {
  score: '得分',
  reason: '计分说明',
  deduction: '扣分',
  selfScore: '自评分',
  selfTotal: '自评总分',
  selfDifference: '差值（核定−自评）',
  selfOpen: '未说明差异',
  base: '基础分',
  bonus: '加分',
  final: '总分',
  scaled: '折算分',
  band: '等次',
  rank: '名次',
  labels: '标注',
  status: '状态',
  progress: '填报进度',
  unit: '单位',
  group: '组别',
};

/** A computed cell to write: its output, its place in the block, and whether its fill changes too. */
interface PendingCell {
  o: OutputCell;
  row: number;
  col: number;
  tone: keyof typeof TONE_FILL;
  fill: boolean;
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

export type BindResult =
  | { ok: true; session: LiveSession }
  | { ok: false; reason: 'not-bound' | 'broken'; message: string }
  /** No metadata sheet, but the sheets carry the add-in's bindings: 恢复元数据 may rebuild it (recovery.ok). */
  | { ok: false; reason: 'lost-meta'; message: string; recovery: MetaRecovery };

const norm = (v: unknown): CellValue => (v === '' || v === undefined ? null : (v as CellValue));
const same = (a: CellValue, b: CellValue) => norm(a) === norm(b);

export class LiveSession {
  private readonly sheets = new Map<string, SheetState>();
  private readonly keyBySheetId = new Map<string, string>();
  private readonly inputs = new Map<string, UnitInput>();
  /** What the add-in last wrote (or found, on binding) in each computed cell, per sheet. */
  private readonly ledger = new Ledger();
  private readonly scores: RosterScores;
  private readonly unitByKey: Map<string, WorkbookMeta['units'][number]>;
  private readonly echo = new EchoFilter();
  private readonly queue: QueuedChange[] = [];
  private running: Promise<void> | null = null;
  /** Every round (edit, 重新计分, binding) runs after the previous one has finished. */
  private tail: Promise<unknown> = Promise.resolve();
  /** After a failed write, what we believe is in the sheets is unreliable: the next round reads everything. */
  private needsFullRead = false;
  /** Set when Excel refused to protect or unprotect a sheet (office-js 6784): write without touching protection. */
  private protectionBroken = false;
  private result: RosterResult | null = null;
  private notices: string[] = [];
  /** Notices that outlive a round (protection refused). */
  private readonly sticky: string[] = [];
  /** What the last repair did (how many inputs a rebuilt sheet got back): shown until the next repair. */
  private repairNotice: string | null = null;
  private readonly fixedProblems: StatusProblem[] = [];
  /** Managed sheets not found when last read (deleted, or their role row or key column damaged). */
  private readonly missingSheets = new Set<string>();
  /** Unit sheets lost since they were last read, as read then: 重建该单位评分表 writes their inputs back. */
  private readonly lostSheets = new Map<string, LostSheet>();
  /** Per sheet, the rows computed cells should go to that are not there (a deleted 汇总 row). */
  private readonly missingRows = new Map<string, Set<string>>();
  private listeners = new Set<(s: WorkbookStatus) => void>();
  private handlers: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs | Excel.WorksheetDeletedEventArgs>[] = [];
  /** Said on every page of an annex exported from this workbook (a modified embedded rubric). */
  readonly documentNotices: string[] = [];
  readonly stats: SessionStats = { rounds: 0, syncs: 0, cellsWritten: 0, lastRoundSyncs: 0, lastRoundCells: 0 };

  /** The status's unit rows and problem lists, made again only for the units a round changed (a unit's result object is new whenever it is rescored, re-read or moved). */
  private readonly statusMemo: StatusMemo = {};
  /** The hidden metadata sheet was not found by the last round (deleted while the workbook was open). */
  private metaMissing = false;
  /** The units' 自评 (unit sheets carrying the 自评 columns) and the 核查清单 made from them. */
  private readonly selfScores: SelfScores;
  private readonly reviewSheet = new LiveReviewSheet();
  private review: ReviewResult | null = null;
  /** Unit sheets whose 核定 inputs changed in this round's read. */
  private readonly changedUnits = new Set<string>();
  /** 变更记录: opened once on binding; null until then, or after a failed write (opened again). */
  private changeLog: LiveChangeLog | null = null;
  /** Sheets whose input changes this round logs (the sheets of the change events, not a full read). */
  private logKeys = new Set<string>();
  /** Rows for 变更记录, queued with the round's writes. */
  private pendingLog: { rows: ChangeRow[]; source: '手工修改' | '恢复' }[] = [];
  /** Computed cells typed over, by sheet|row|role: what was typed (the 恢复 row's old value). */
  private readonly restoring = new Map<string, { sheetKey: string; rowKey: string; role: string; typed: CellValue }>();
  /** _cs_inputs, kept current so that file mode does not log again what the session saw. */
  private inputSnapshot = new LiveInputSnapshot();
  /** The clock of 变更记录 (tests set it). */
  now: () => Date = () => new Date();

  private constructor(
    readonly rubric: Rubric,
    readonly meta: WorkbookMeta,
    /** The rubric exactly as the metadata sheet held it (恢复元数据 writes it back unchanged). */
    private readonly rubricJson: string,
    private readonly api: ApiLevel,
    versionProblem: StatusProblem | null,
  ) {
    if (versionProblem) this.fixedProblems.push(versionProblem);
    this.scores = new RosterScores(rubric, meta.units);
    this.selfScores = new SelfScores(rubric, meta.units);
    this.unitByKey = new Map(meta.units.map((u) => [u.key, u]));
  }

  /** Finds the add-in's metadata in the open workbook, reads everything, rescores and listens. */
  static async bind(api: ApiLevel, options: { listen?: boolean } = {}): Promise<BindResult> {
    // 变更记录 is found in the same two syncs; every round after that only queues its rows.
    let changeLog: LiveChangeLog | null = null;
    const inputSnapshot = new LiveInputSnapshot();
    const found = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(META_SHEET);
      const log = ChangeLogOpening.start(context);
      inputSnapshot.start(context);
      await context.sync();
      if (ws.isNullObject) return null;
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('values');
      log.measure();
      inputSnapshot.measure();
      await context.sync();
      changeLog = log.opened();
      inputSnapshot.take();
      if (used.isNullObject) return null;
      return used.values.map((r) => norm(r[0]));
    });
    if (!found) {
      // Without its metadata sheet, a workbook the add-in made is recognised by its sheets' bindings.
      const recovery = await Excel.run((context) => probeLostMeta(context));
      if (recovery) return { ok: false, reason: 'lost-meta', message: recovery.message, recovery };
      return { ok: false, reason: 'not-bound', message: '当前工作簿不是本加载项生成的考核工作簿' };
    }
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
        ? {
            id: 'version',
            kind: 'version',
            severity: 'error',
            unit: '本工作簿',
            message: `${modifiedRubricNotice(meta.meta.rubric.id, meta.meta.rubric.version)}：${embedded.differences.join('；')}。按加载项内置的细则计分。`,
          }
        : versionProblem(meta.meta);
    const session = new LiveSession(rubric, meta.meta, meta.rubricJson, api, problem);
    if (embedded.kind === 'modified')
      session.documentNotices.push(`${modifiedRubricNotice(meta.meta.rubric.id, meta.meta.rubric.version)}，按内置细则计分`);
    session.changeLog = changeLog;
    session.inputSnapshot = inputSnapshot;
    await session.rescoreAll();
    // Ribbon commands run in a short-lived runtime: they rescore once and do not listen.
    if (options.listen !== false) await session.listen();
    return { ok: true, session };
  }

  // ------------------------------------------------------------------ events

  private async listen(): Promise<void> {
    await Excel.run(async (context) => {
      const handler = (e: Excel.WorksheetChangedEventArgs) => this.onChanged(e);
      const sheets = context.workbook.worksheets;
      if (this.api.supports('1.9')) {
        this.handlers.push(sheets.onChanged.add(handler));
      } else {
        for (const s of this.sheets.values()) this.handlers.push(sheets.getItem(s.worksheetId).onChanged.add(handler));
        if (this.reviewSheet.worksheetId !== null) this.handlers.push(sheets.getItem(this.reviewSheet.worksheetId).onChanged.add(handler));
      }
      // WorksheetCollection.onDeleted (ExcelApi 1.7): a deleted score sheet is found by the next round
      // instead of failing every write to it.
      this.handlers.push(sheets.onDeleted.add((e) => this.onDeleted(e)));
      await context.sync();
    });
    // The echoes of the binding round's writes were raised before these handlers existed and are
    // never delivered: remembering them would take the user's next edit of such a cell for an echo.
    this.echo.clear();
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

  /** A managed sheet was deleted: read everything on the next round (it is then listed as missing). */
  onDeleted(e: Excel.WorksheetDeletedEventArgs): Promise<void> {
    if (!this.keyBySheetId.has(e.worksheetId)) return Promise.resolve();
    this.needsFullRead = true;
    this.queue.push({ worksheetId: e.worksheetId, address: '', changeType: 'WorksheetDeleted' });
    return this.kick();
  }

  private kick(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.exclusive(async () => {
      // Let events delivered in the same tick join this round.
      await Promise.resolve();
      try {
        while (this.queue.length > 0) {
          const batch = this.queue.splice(0);
          const keys = [...new Set(batch.map((q) => this.keyBySheetId.get(q.worksheetId)).filter((k): k is string => k !== undefined))];
          await this.round(keys);
        }
      } finally {
        this.running = null;
      }
    });
    return this.running;
  }

  /** Runs `task` after every round queued before it (one queue for edits, 重新计分 and binding). */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Rescores everything from the workbook's inputs (the 重新计分 command; also used on binding). */
  rescoreAll(): Promise<void> {
    return this.exclusive(() => this.round(null));
  }

  // ------------------------------------------------------------------ one round: read, score, write

  private async round(sheetKeys: string[] | null, retried = false): Promise<void> {
    let syncs = 0;
    let cells = 0;
    try {
      await Excel.run(async (context) => {
        const batch = new Batch(context);
        const full = sheetKeys === null || this.needsFullRead || this.scores.result === null;
        this.needsFullRead = false;
        // A change of 核查清单 (a reason typed) reads that sheet with the round's blocks, in the same sync.
        const reviewEdited = !full && sheetKeys.includes(REVIEW_KEY) && this.reviewSheet.worksheetId !== null;
        if (reviewEdited) this.reviewSheet.queueRead(context, this.reviewSheet.worksheetId as string);
        const probe = full ? this.reviewSheet.queueProbe(context) : null;
        this.changedUnits.clear();
        this.logKeys = new Set(sheetKeys ?? []);
        const read = await this.readSheets(context, batch, full ? this.managedKeys() : sheetKeys.filter((k) => k !== REVIEW_KEY));
        if (reviewEdited) this.reviewSheet.takeRead();
        if (probe) {
          const was = this.reviewSheet.worksheetId;
          await this.reviewSheet.takeProbe(context, probe, () => batch.flush());
          if (was !== null && was !== this.reviewSheet.worksheetId) this.keyBySheetId.delete(was);
          if (this.reviewSheet.worksheetId !== null) this.keyBySheetId.set(this.reviewSheet.worksheetId, REVIEW_KEY);
        }
        let outputs: OutputCell[];
        // A value of the 参数 sheet (rubric.parameters) is every unit's input: the whole roster is rescored.
        const everyUnit = full || read.includes(PARAMS_SHEET_KEY);
        if (everyUnit) outputs = this.scores.scoreAll(this.allInputs());
        else {
          const changed = new Map<number, UnitInput>();
          for (const key of this.changedUnits) {
            const i = this.scores.indexOf(key);
            if (i !== undefined) changed.set(i, this.inputs.get(key) as UnitInput);
          }
          outputs = this.scores.update(changed, () => this.allInputs());
          // A sheet read whose 核定 did not change (a 自评 or 佐证材料 typed, a computed cell typed
          // over): its cells as they are, so that the diff puts back what was typed over.
          for (const key of read) {
            const i = this.scores.indexOf(key);
            if (i !== undefined && !changed.has(i)) outputs.push(...this.scores.unitCells(i));
          }
          if (read.includes('SUMMARY')) outputs.push(...this.scores.summaryCells());
          if (read.includes('RANK')) outputs.push(...this.scores.rankCells());
        }
        this.result = this.scores.result;
        // 自评分: the 自评 that changed are scored again; every sheet read gets its cells (typed-over ones are put back).
        for (const key of new Set([...this.selfScores.rescore(this.scores.parameters, everyUnit), ...read])) {
          const s = this.sheets.get(key);
          if (s && this.selfScores.has(key)) outputs.push(...this.selfScores.outputs(key, s.index));
        }
        for (const key of full ? this.managedKeys() : read) this.missingRows.delete(key);
        cells = await this.writeChanged(context, batch, outputs);
        cells += await this.writeReview(context, batch);
        // 汇总's 自评 columns, where the office chose them: from this round's 核定, 自评 and 核查清单.
        cells += await this.writeChanged(context, batch, this.summarySelfCells());
        await this.queueLog(context, batch);
        await this.inputSnapshot.queueWrite(context, batch);
        await batch.flushPending();
        // A 核减原因 typed on a line this round moved: kept by its key, put on the line's row next round.
        const reviewId = this.reviewSheet.worksheetId;
        if (this.reviewSheet.takeOverwritten() > 0 && reviewId !== null)
          this.queue.push({ worksheetId: reviewId, address: '', changeType: 'Changed' });
        const made = this.reviewSheet.takeMade(this.echo);
        if (made !== null) this.keyBySheetId.set(made, REVIEW_KEY);
        syncs = batch.syncs;
      });
    } catch (e) {
      // A failed sync applied nothing: forget what we believe is written so the next round reads and rewrites it.
      this.ledger.clear();
      this.echo.clear();
      this.needsFullRead = true;
      // Nothing of the failed request was written: the 核查清单 is looked for again, 变更记录 opened again.
      this.reviewSheet.forget();
      this.pendingLog = [];
      this.restoring.clear();
      this.changeLog = null;
      this.inputSnapshot.forget();
      const msg = e instanceof Error ? e.message : String(e);
      if (this.meta.protectComputed && !this.protectionBroken) {
        // Excel may refuse protect/unprotect (office-js 6784): retry once leaving protection alone.
        this.protectionBroken = true;
        await this.round(null, true).catch(() => undefined);
        this.sticky.push(
          `工作表保护未能切换（${msg}），已在不改变保护状态的情况下重新写入；如仍有未更新的得分，请手动取消工作表保护后点「重新计分」`,
        );
        this.emit();
        return;
      }
      if (!retried && (e as { code?: string }).code === 'ItemNotFound') {
        // A sheet disappeared since it was last read (deleted before its event arrived): read
        // everything again at once; the missing sheet is then listed and the rest is written.
        return this.round(null, true);
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
    return ['SUMMARY', 'RANK', ...(hasParameters(this.rubric) ? [PARAMS_SHEET_KEY] : []), ...this.meta.units.map((u) => u.key)];
  }

  private allInputs(): UnitInput[] {
    return this.meta.units.map((u) => this.inputs.get(u.key) ?? { name: u.name, group: u.group });
  }

  /** Reads the blocks of `keys`; returns the keys actually read (the missing ones are recorded). */
  private async readSheets(context: Excel.RequestContext, batch: Batch, keys: string[]): Promise<string[]> {
    // A response is limited to 5 MB on the web too: a unit block is ~40 KB of values and formats, so
    // a full read goes in chunks of READ_CHUNK sheets (one sync each); an edit reads one sheet.
    // The worksheet of a name whose sheet was deleted is unreachable (its range is a null object,
    // and loading anything through it fails the whole request with ItemNotFound): a full read, which
    // is where missing sheets are found, takes each block's sheet from its address and the
    // workbook's sheet list instead. An edit reads sheets that have just raised an event.
    const all = keys.length > 1;
    const sheetList = all ? context.workbook.worksheets.load('items/id,items/name') : null;
    // The metadata sheet is looked for in every round's first request (one action, no extra sync):
    // without it the workbook would not be recognised after saving and reopening.
    const metaSheet = context.workbook.worksheets.getItemOrNullObject(META_SHEET);
    const reads: { key: string; range: Excel.Range; ws: Excel.Worksheet | null }[] = [];
    for (let i = 0; i < keys.length; i += READ_CHUNK) {
      const chunk = keys.slice(i, i + READ_CHUNK).map((key) => {
        const range = context.workbook.names.getItemOrNullObject(definedNameFor(key)).getRangeOrNullObject();
        const props = ['values', 'rowIndex', 'columnIndex', ...(key.startsWith('U') ? ['numberFormat'] : []), ...(all ? ['address'] : [])];
        // eslint-disable-next-line office-addins/no-empty-load -- props is the explicit list just above; the rule cannot see into a variable
        range.load(props);
        const ws = all ? null : range.worksheet.load('id');
        return { key, range, ws };
      });
      await batch.flush();
      reads.push(...chunk);
    }
    // Only 核查清单 changed: its read (queued by the caller) and the metadata probe still need their sync.
    if (keys.length === 0) await batch.flush();
    // eslint-disable-next-line office-addins/call-sync-before-read -- batch.flush() above is context.sync() (src/excel/batch.ts); the rule only knows a literal context.sync()
    this.metaMissing = metaSheet.isNullObject;
    const idByName = new Map((sheetList?.items ?? []).map((w) => [w.name.toLowerCase(), w.id]));
    const read: string[] = [];
    let restored = 0;
    for (const { key, range, ws } of reads) {
      const values = range.isNullObject ? null : range.values.map((r) => r.map(norm));
      const idx = values ? indexBlock(values) : null;
      const worksheetId = range.isNullObject ? undefined : ws ? ws.id : idByName.get(sheetNameOf(range.address).toLowerCase());
      if (!values || !idx?.ok || worksheetId === undefined) {
        this.forgetSheet(key);
        continue;
      }
      this.missingSheets.delete(key);
      const formats = key.startsWith('U') ? (range.numberFormat as unknown[][]) : undefined;
      const state: SheetState = {
        key,
        worksheetId,
        originRow: range.rowIndex,
        originCol: range.columnIndex,
        index: idx.index,
        values,
        formats,
      };
      const before = this.sheets.get(key);
      this.lostSheets.delete(key);
      this.sheets.set(key, state);
      this.keyBySheetId.set(worksheetId, key);
      const unit = this.unitByKey.get(key);
      if (unit) {
        const texts = percentTexts(values, formats ?? []);
        const input = readUnitInputs(this.rubric, idx.index, unit.name, unit.group, values, texts);
        state.inputJson = JSON.stringify(input);
        if (state.inputJson !== before?.inputJson) this.changedUnits.add(key);
        this.inputs.set(key, input);
        // A sheet carrying the 自评 columns (a merged workbook, or columns laid out since the last read).
        const cols = selfColumnsOfIndex(idx.index);
        this.selfScores.read(key, cols ? readSelfInputs(this.rubric, idx.index, cols, unit.name, unit.group, values, texts) : null);
        // 变更记录: what the user changed since the sheet was last read (an edit's round) or since its
        // _cs_inputs line (a full read); the line is kept current (src/excel/input-snapshot.ts).
        const was: UnitReading | null =
          before && this.logKeys.has(key)
            ? { index: before.index, values: before.values, texts: percentTexts(before.values, before.formats ?? []) }
            : null;
        const rows = this.inputSnapshot.unitRead(this.rubric, unit, was, { index: idx.index, values, texts });
        if (rows.length > 0) this.pendingLog.push({ rows, source: '手工修改' });
      }
      if (key === PARAMS_SHEET_KEY) {
        this.scores.parameters = readParameterValues(idx.index, values);
        // A value set there changes every unit's score: a 手工修改 of its own.
        const rows = this.inputSnapshot.paramsRead(this.rubric, { index: idx.index, values });
        if (rows.length > 0) this.pendingLog.push({ rows, source: '手工修改' });
      }
      restored += this.forgetOverwritten(state);
      read.push(key);
    }
    this.notices = restored > 0 ? [`已恢复 ${restored} 个被改写的计算单元格（得分、说明等由加载项计算，请在黄色单元格中填写）`] : [];
    return read;
  }

  /** A managed sheet that could not be read: nothing is written to it until it is found again. */
  private forgetSheet(key: string): void {
    this.missingSheets.add(key);
    if (key === PARAMS_SHEET_KEY) this.scores.parameters = {}; // its values are gone with it: the items they set wait
    const s = this.sheets.get(key);
    if (s) {
      this.keyBySheetId.delete(s.worksheetId);
      if (this.unitByKey.has(key)) this.lostSheets.set(key, { index: s.index, values: s.values, formats: s.formats });
    }
    this.sheets.delete(key);
    this.ledger.forgetSheet(key);
    this.selfScores.forget(key);
  }

  /**
   * Computed cells whose content differs from what was written were typed over: forget them so the
   * write restores them, and remember what was typed for the 恢复 rows of 变更记录.
   */
  private forgetOverwritten(s: SheetState): number {
    return this.ledger.forgetWhere(s.key, (entry) => {
      const at = cellOf(s.index, entry.rowKey, entry.role);
      const typed = at === null ? null : norm(s.values[at.row]?.[at.col]);
      if (at === null || same(typed, entry.value)) return false;
      this.restoring.set(`${s.key}|${entry.rowKey}|${entry.role}`, { sheetKey: s.key, rowKey: entry.rowKey, role: entry.role, typed });
      return true;
    });
  }

  private async writeChanged(context: Excel.RequestContext, batch: Batch, outputs: OutputCell[]): Promise<number> {
    const fresh = this.ledger.size === 0;
    let written = 0;
    // On binding the ledger is empty: what is in the sheet counts as written when it is already right.
    // Per sheet, by position (a cell built twice in one round is written once, with its last value).
    const bySheet = new Map<string, Map<number, PendingCell>>();
    for (const o of outputs) {
      const s = this.sheets.get(o.sheetKey);
      if (!s) continue;
      const at = cellOf(s.index, o.rowKey, o.role);
      if (!at) {
        // A row the cell belongs to is gone (a deleted 汇总 row): reported, not written elsewhere.
        if (!s.index.rows.has(o.rowKey)) this.missingRow(o.sheetKey, o.rowKey);
        continue;
      }
      const prev = this.ledger.get(o);
      const tone = o.tone ?? 'normal';
      if (prev && same(prev.value, o.value) && prev.tone === tone) continue;
      // The add-in writes a value and its fill together, so a right value implies the right fill.
      if (!prev && fresh && same(norm(s.values[at.row]?.[at.col]), o.value)) {
        this.ledger.set(o, o.value, tone);
        continue;
      }
      let cells = bySheet.get(o.sheetKey);
      if (!cells) bySheet.set(o.sheetKey, (cells = new Map()));
      cells.set(at.row * 65536 + at.col, { o, row: at.row, col: at.col, tone, fill: prev?.tone !== tone });
    }
    for (const [key, byPosition] of bySheet) {
      const s = this.sheets.get(key) as SheetState;
      const ws = context.workbook.worksheets.getItem(s.worksheetId);
      // A protected workbook: unprotect, write, protect again, all in the same request.
      const guard = this.meta.protectComputed && !this.protectionBroken;
      if (guard) ws.protection.unprotect();
      for (const block of cellBlocks([...byPosition.values()])) {
        const row = s.originRow + block.row;
        const col = s.originCol + block.col;
        const width = block.rows[0].length;
        const values = block.rows.map((run) => run.map(({ o }) => (o.value === null ? '' : o.value)));
        ws.getRangeByIndexes(row, col, block.rows.length, width).values = values;
        let fills = 0;
        for (const run of block.rows)
          for (const { o, row: r, col: c, tone, fill } of run) {
            if (fill) {
              ws.getRangeByIndexes(s.originRow + r, s.originCol + c, 1, 1).format.fill.color = TONE_FILL[tone];
              fills++;
            }
            s.values[r][c] = o.value;
            this.ledger.set(o, o.value, tone);
            if (this.restoring.size > 0) this.restored(o);
          }
        this.echo.record(s.worksheetId, row, col, width, block.rows.length);
        written += width * block.rows.length;
        await batch.add(1 + fills, values);
      }
      if (guard) ws.protection.protect(PROTECTION_OPTIONS);
    }
    return written;
  }

  /**
   * A typed-over computed cell written back: its 恢复 row. Reading of 恢复 in the live workbook: the
   * session put a value back that the user had replaced, so old is what the user typed (and lost)
   * and new is the value put back; the row names the unit, the item (or 汇总 / 第 n 名), the column
   * (得分, 计分说明, 自评分 …) and 计算结果 as its 栏目. Inputs are never put back: only computed cells.
   */
  private restored(o: OutputCell): void {
    const k = `${o.sheetKey}|${o.rowKey}|${o.role}`;
    const r = this.restoring.get(k);
    if (!r) return;
    this.restoring.delete(k);
    const text = (v: CellValue) => (v === null ? '' : String(v));
    const row: ChangeRow = { ...this.describeCell(r.sheetKey, r.rowKey, r.role), old: text(r.typed), now: text(o.value) };
    const last = this.pendingLog[this.pendingLog.length - 1];
    if (last?.source === '恢复') last.rows.push(row);
    else this.pendingLog.push({ rows: [row], source: '恢复' });
  }

  /** A computed cell in words: the unit, the item and the column. */
  private describeCell(sheetKey: string, rowKey: string, role: string): Omit<ChangeRow, 'old' | 'now'> {
    const [kind, id, fieldId] = rowKey.split('|');
    const column = ROLE_WORDS[role] ?? role;
    const unit = kind === 'u' ? (this.unitByKey.get(id)?.name ?? id) : kind === 'r' ? this.sheetLabel(sheetKey) : this.sheetLabel(sheetKey);
    let item: string;
    if (kind === 'i' || kind === 'f') item = describeField(this.rubric, id, fieldId).item;
    else if (kind === 'c') {
      const cat = this.rubric.categories.find((c) => c.id === id);
      item = cat ? `${cat.number} ${cat.name}` : id;
    } else if (kind === 'r') item = `第 ${fieldId} 名`;
    else if (kind === 'u') item = '汇总';
    else item = ROLE_WORDS[id] ?? id;
    return { unit, item, field: column, column: '计算结果' };
  }

  /** 核查清单: the differences of this round with the reasons read, written where they changed. */
  private async writeReview(context: Excel.RequestContext, batch: Batch): Promise<number> {
    if (!this.selfScores.any) {
      this.review = null;
      return 0;
    }
    const review = reviewLines(
      this.selfScores.differences(this.result),
      this.reviewSheet.reasons,
      (key) => this.unitByKey.get(key)?.name ?? '',
    );
    this.review = review;
    const cells = this.reviewSheet.queueWrite(context, review.lines, this.echo, (ws) => {
      // Below ExcelApi 1.9 change events are per sheet: the new sheet needs its own handler.
      if (this.handlers.length > 0 && !this.api.supports('1.9'))
        this.handlers.push(ws.onChanged.add((e: Excel.WorksheetChangedEventArgs) => this.onChanged(e)));
    });
    if (cells > 0)
      await batch.add(
        cells / 2,
        review.lines.map((l) => l.values),
      );
    return cells;
  }

  /** 汇总's 自评总分 | 差值 | 未说明差异 (issue 17) when the workbook's choice is on; none otherwise (no cost). */
  private summarySelfCells(): OutputCell[] {
    const result = this.result;
    if (!result || !showsSummarySelf(this.meta)) return [];
    return summarySelfOutputs(
      this.meta.units.map((u, i) => ({ key: u.key, name: u.name, group: u.group, verified: result.units[i]?.final ?? null })),
      this.selfScores.totals(),
      this.review?.differences ?? [],
    );
  }

  /**
   * The pane's 「汇总中列出自评总分与差值」: records the choice in the metadata and lays 汇总 out again
   * (src/excel/summary-self.ts), then fills it in a full round. Queued like every round.
   */
  setSummarySelf(on: boolean): Promise<void> {
    return this.exclusive(async () => {
      const was = this.sheets.get('SUMMARY')?.worksheetId;
      const meta = await rebuildLiveSummary(
        {
          rubric: this.rubric,
          meta: this.meta,
          rubricJson: this.rubricJson,
          api: this.api,
          protect: !!this.meta.protectComputed && !this.protectionBroken,
        },
        on,
      );
      this.meta.summarySelf = meta.summarySelf;
      if (!meta.summarySelf) delete this.meta.summarySelf;
      // The old sheet is gone (its deletion event is not a lost sheet); the new one is read and written whole.
      if (was !== undefined) this.keyBySheetId.delete(was);
      this.ledger.forgetSheet('SUMMARY');
      this.needsFullRead = true;
      await this.round(null);
      // Below ExcelApi 1.9 change events are per sheet: the new 汇总 needs its own handler.
      const now = this.sheets.get('SUMMARY')?.worksheetId;
      if (this.handlers.length > 0 && !this.api.supports('1.9') && now !== undefined)
        await Excel.run(async (context) => {
          this.handlers.push(
            context.workbook.worksheets.getItem(now).onChanged.add((e: Excel.WorksheetChangedEventArgs) => this.onChanged(e)),
          );
          await context.sync();
          // The echoes of the round's writes to it were raised before the handler: they never come.
          this.echo.forgetSheet(now);
        });
    });
  }

  /** 变更记录: the round's rows after its writes, in the same request (no sync of their own). */
  private async queueLog(context: Excel.RequestContext, batch: Batch): Promise<void> {
    this.restoring.clear();
    const entries = this.pendingLog.splice(0);
    if (entries.length === 0) return;
    // Opened on binding; after a failed write it is found again (two syncs, that once).
    const log = await this.sharedChangeLog(context);
    const time = this.now();
    for (const { rows, source } of entries) {
      log.append(context, rows, time, source);
      await batch.add(rows.length + 2, rows);
    }
  }

  private missingRow(sheetKey: string, rowKey: string): void {
    let rows = this.missingRows.get(sheetKey);
    if (!rows) this.missingRows.set(sheetKey, (rows = new Set()));
    rows.add(rowKey);
  }

  /** The inputs as last read and the scored roster, in roster order (for the annex export). */
  snapshot(): { inputs: UnitInput[]; result: RosterResult | null; keys: string[] } {
    return {
      inputs: this.meta.units.map((u) => this.inputs.get(u.key) ?? { name: u.name, group: u.group }),
      result: this.result,
      keys: this.meta.units.map((u) => u.key),
    };
  }

  /** The 参数 sheet's values as last read (a 自评表 carries its unit's: src/xlsx/forms.ts). */
  get parameters(): ParameterValues {
    return this.scores.parameters;
  }

  /**
   * The 自评 as the last round read it (no sync): the review, each unit's 自评 total, and a unit
   * sheet's block, for the annex's 佐证材料清单 and 自评与核定对照表 (src/excel/annex-extras.ts).
   */
  selfAssessment(): {
    review: ReviewResult | null;
    totals: Map<string, number | null>;
    block(key: string): { index: SheetIndex; values: CellValue[][] } | null;
  } {
    return { review: this.review, totals: this.selfScores.totals(), block: (key) => this.sheets.get(key) ?? null };
  }

  // ------------------------------------------------------------------ status for the task pane

  status(): WorkbookStatus {
    const status = buildStatus(
      this.rubric,
      this.meta,
      this.result,
      [...this.fixedProblems, ...this.structureProblems(), ...this.reviewProblems()],
      [...this.sticky, ...(this.repairNotice ? [this.repairNotice] : []), ...this.notices],
      (unitKey, indicatorId, fieldId) => this.inputAddress(unitKey, indicatorId, fieldId),
      this.statusMemo,
    );
    const withSelf = showsSummarySelf(this.meta) ? { ...status, summarySelf: true } : status;
    return this.review ? { ...withSelf, review: reviewItems(this.review) } : withSelf;
  }

  /** 终稿 or 草稿: a difference between 核定 and 自评 without a 核减原因 keeps it a draft, as in file mode. */
  documentState(): DocumentState | null {
    if (!this.result) return null;
    return documentState(this.result, { notices: this.documentNotices, unexplainedDifferences: this.review?.unexplained ?? 0 });
  }

  /** Each difference without a 核减原因, selecting its reason cell in 核查清单. */
  private reviewProblems(): StatusProblem[] {
    if (!this.review) return [];
    const reasonCol = String.fromCharCode(64 + REVIEW_COL.reason);
    const open = this.review.lines.filter((l) => l.difference && !l.reason.trim());
    return this.review.problems.map((p, j) => ({
      ...p,
      id: `review:${open[j]?.key ?? j}`,
      kind: 'other' as const,
      target: { sheetKey: REVIEW_KEY, address: `${reasonCol}${open[j]?.row ?? ''}`, sheetName: REVIEW_SHEET },
    }));
  }

  /** Missing sheets and rows, each with what the user can do about it. */
  private structureProblems(): StatusProblem[] {
    const out: StatusProblem[] = [];
    if (this.metaMissing)
      out.push({
        id: 'missing:META',
        kind: 'other',
        severity: 'error',
        unit: '本工作簿',
        message: `隐藏的元数据表（${META_SHEET}）被删除：现在照常计分，但保存后再打开将不能直接计分（只能按工作表中的标记和内置评分细则恢复，导入的细则无法恢复）。请点「恢复元数据」按打开时读取的评分细则和单位名单重建它。`,
        action: { kind: 'restoreMeta', label: '恢复元数据' },
      });
    for (const key of this.missingSheets) {
      const name = this.sheetLabel(key);
      const message = `找不到「${name}」的评分表（工作表被删除，或第 1 行、隐藏列被改动），该部分无法读取和写入；其余工作表照常计分`;
      if (!this.unitByKey.has(key)) {
        out.push({ id: `missing:${key}`, kind: 'other', severity: 'error', unit: name, message });
        continue;
      }
      const lost = this.lostSheets.get(key);
      const known = lost ? filledInputs(lost) : 0;
      const what = lost
        ? known > 0
          ? `重建时将写回本次读取到的 ${known} 个已填写的单元格`
          : '本次读取时该表没有已填写的单元格'
        : '本次打开工作簿后从未读取到该表，重建后的表为空白，需重新填写';
      out.push({
        id: `missing:${key}`,
        kind: 'other',
        severity: 'error',
        unit: name,
        message: `${message}。可点「重建该单位评分表」：${what}`,
        target: { sheetKey: key },
        action: { kind: 'rebuildUnit', label: '重建该单位评分表' },
      });
    }
    for (const [key, rows] of this.missingRows) {
      const sheet = this.sheetLabel(key);
      for (const rk of rows) {
        const unit = rk.startsWith('u|')
          ? (this.unitByKey.get(rk.slice(2))?.name ?? rk)
          : rk.replace(/^r\|[^|]*\|/, '第 ') + (rk.startsWith('r|') ? ' 名' : '');
        out.push({
          id: `missing-row:${key}:${rk}`,
          kind: 'other',
          severity: 'error',
          unit: unit,
          message: `「${sheet}」中「${unit}」的一行被删除，该行的结果无法写入；请撤销删除（Ctrl+Z），或重新生成评分表`,
        });
      }
    }
    return out;
  }

  private sheetLabel(key: string): string {
    return key === 'SUMMARY' ? '汇总' : key === 'RANK' ? '排名' : (this.unitByKey.get(key)?.name ?? key);
  }

  /** Makes the repair a problem offers; runs in the rounds' queue. */
  repair(kind: RepairKind, sheetKey?: string): Promise<void> {
    this.repairNotice = null;
    if (kind === 'restoreMeta') return this.exclusive(() => this.restoreMeta());
    if (kind === 'rebuildUnit' && sheetKey) return this.exclusive(() => this.rebuildUnit(sheetKey));
    return Promise.resolve();
  }

  /**
   * Lays out a lost unit sheet again, writes back the inputs read from it before it was lost,
   * re-binds it (at ExcelApi 1.8 its own change handler) and rescores it: the layout and inputs in
   * one request (two syncs: the sheet and name list, then the writes), then an ordinary round on it.
   */
  private async rebuildUnit(key: string): Promise<void> {
    const unit = this.unitByKey.get(key);
    if (!unit || !this.missingSheets.has(key)) return;
    const lost = this.lostSheets.get(key) ?? null;
    let rebuilt: { sheetName: string; restored: number; unplaced: string[] } | null = null;
    let syncs = 0;
    await Excel.run(async (context) => {
      const batch = new Batch(context);
      const r = await queueRebuild(context, batch, {
        rubric: this.rubric,
        api: this.api,
        unit,
        lost,
        protect: !!this.meta.protectComputed && !this.protectionBroken,
      });
      // Below ExcelApi 1.9 change events are per sheet: the new sheet needs its own handler.
      if (this.handlers.length > 0 && !this.api.supports('1.9'))
        this.handlers.push(r.worksheet.onChanged.add((e: Excel.WorksheetChangedEventArgs) => this.onChanged(e)));
      await batch.flush();
      syncs = batch.syncs;
      rebuilt = r;
    });
    this.stats.syncs += syncs;
    this.lostSheets.delete(key);
    await this.round([key]);
    const done = rebuilt as { sheetName: string; restored: number; unplaced: string[] } | null;
    if (!done) return;
    const restoredText = lost
      ? `写回了本次读取到的 ${done.restored} 个已填写的单元格`
      : '本次打开工作簿后从未读取到该表，没有可写回的填写内容，请重新填写';
    const unplacedText = done.unplaced.length
      ? `；另有 ${done.unplaced.length} 个单元格在新表中找不到对应位置，未能写回（${done.unplaced.join('、')}）`
      : '';
    this.repairNotice = `已重建「${unit.name}」的评分表（工作表「${done.sheetName}」），${restoredText}${unplacedText}，并已重新计分`;
    this.emit();
  }

  /** Writes the metadata sheet again from what was read on binding (the rubric text and the roster). */
  private async restoreMeta(): Promise<void> {
    await Excel.run(async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(META_SHEET);
      await context.sync();
      if (!existing.isNullObject) return;
      queueMetaSheet(context, { meta: this.meta, rubricJson: this.rubricJson });
      await context.sync();
    });
    this.metaMissing = false;
    this.emit();
  }

  /**
   * Another part of the add-in is about to write cells of a unit's sheet (the pane's 收回自评表
   * writing 自评填报, 佐证材料 and the new columns' headers): below ExcelApi 1.14 the change events of
   * those writes look like the user's, and would be logged in 变更记录 as 手工修改 next to the 自评导入
   * rows its writer logs. Cells noted here (0-based, in the sheet; found by unit key, the writer knows
   * no worksheet ids) are taken for the add-in's own writes; the writer then calls rescoreAll, which
   * reads and scores them and takes the unit's inputs into _cs_inputs without logging them again.
   */
  noteUnitWrite(unitKey: string, row: number, col: number, cols = 1, rows = 1): void {
    // The writer logs its values: the next reading of the unit is its _cs_inputs line as it is.
    this.inputSnapshot.adopt(unitKey);
    const s = this.sheets.get(unitKey);
    if (s) this.echo.record(s.worksheetId, row, col, cols, rows);
  }

  /**
   * The session's 变更记录 writer, for another part of the add-in that appends to it (the pane's
   * 收回自评表): one writer knows where the next row goes, so two never write the same row.
   * Opened on binding; found again (two syncs) after a failed write.
   */
  async sharedChangeLog(context: Excel.RequestContext): Promise<LiveChangeLog> {
    return (this.changeLog ??= await LiveChangeLog.open(context));
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
    if (this.listeners.size === 0) return; // a ribbon command's session: nobody reads the status
    const s = this.status();
    for (const l of this.listeners) l(s);
  }

  /** The address of an input cell (for selecting a problem), from the current index. */
  private inputAddress(unitKey: string, indicatorId?: string, fieldId?: string): string | undefined {
    const s = this.sheets.get(unitKey);
    if (!s) return undefined;
    const refs = (s.inputRefs ??= inputCells(s.index));
    const ref =
      refs.find((r) => r.indicatorId === indicatorId && r.fieldId === fieldId) ??
      refs.find((r) => r.indicatorId === indicatorId && r.fieldId !== NOT_APPLICABLE_FIELD) ??
      (indicatorId ? undefined : refs.find((r) => r.indicatorId === '@bonus'));
    return ref ? a1(s.originRow + ref.row, s.originCol + ref.col) : undefined;
  }

  async select(sheetKey: string, address?: string): Promise<void> {
    if (sheetKey === REVIEW_KEY) return this.selectReview(address);
    const s = this.sheets.get(sheetKey);
    if (!s) return;
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(s.worksheetId);
      ws.activate();
      ws.getRange(address ?? a1(s.originRow + 1, s.originCol)).select();
      await context.sync();
    });
  }

  private async selectReview(address?: string): Promise<void> {
    const id = this.reviewSheet.worksheetId;
    if (id === null) return;
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(id);
      ws.activate();
      ws.getRange(address ?? 'A1').select();
      await context.sync();
    });
  }

  async dispose(): Promise<void> {
    const handlers = this.handlers.splice(0);
    // A rebuilt sheet's handler was added in its own request: each is removed through its context.
    const byContext = new Map<OfficeExtension.ClientRequestContext, typeof handlers>();
    for (const h of handlers) byContext.set(h.context, [...(byContext.get(h.context) ?? []), h]);
    for (const [ctx, list] of byContext)
      await Excel.run(ctx as Excel.RequestContext, async (context) => {
        for (const h of list) h.remove();
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request context the handlers were added in (usually one)
        await context.sync();
      });
  }
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
