/**
 * A 自评表 open in Excel with the add-in (issue 17, item 1): the unit sees its 自评分 while it types.
 *
 * A form (src/xlsx/forms.ts) has a very hidden `_cs_form` sheet with its identity and no `_cs_meta`.
 * Binding reads the identity, finds the rubric it was made with (by id, then version and hash must
 * match, else a Chinese notice and no scores: a score from another version would look right and be
 * wrong) and scores the form once. Each change event of the form sheet then costs two syncs: (1) read
 * the CS_FORM block (values and display text, so "85%" reads as typed), (2) write the 得分 and 计分说明
 * cells whose value differs from what the sheet shows. Only those are written — never an input or a
 * 佐证材料 — and the locked-parts digest leaves those cells out (lockedCells), so a form scored
 * here is still accepted by collect. The own writes echo back at ExcelApi 1.8 (no triggerSource):
 * the EchoFilter drops them. 计分说明 is written the same way (a computed cell like 得分, left out of
 * the digest too), so the unit sees why an item scores as it does.
 */
import { cellOf, indexBlock, readUnitInputs, type SheetIndex } from '../layout/binding';
import { unitSheetOutputs } from '../layout/outputs';
import { META_SHEET, rowKey, type CellValue } from '../layout/plan';
import {
  FORM_COMPUTED_ROLES,
  FORM_META_SHEET,
  FORM_NAME,
  FORM_SHEET_KEY,
  readFormMetaColumn,
  type FormIdentity,
} from '../layout/self-assessment';
import { formLine, toRubricSummary, type StatusProblem, type WorkbookStatus } from '../layout/status';
import { builtinRubricIds, loadBuiltin } from '../rubric/catalog';
import { contentHash } from '../rubric/hash';
import type { Rubric } from '../rubric/schema';
import { scoreRoster } from '../scoring/score';
import type { RankedUnit } from '../scoring/types';
import { EchoFilter } from './echo';

/** The options a form's sheets are protected with (src/xlsx/apply-plan.ts protect(): no password). */
const FORM_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: true,
  allowFormatRows: true,
  allowSort: true,
  allowAutoFilter: true,
};

/**
 * Score cells a form shows: items, categories, 考核指标 subtotals, base, bonus, final, band and
 * 填写情况. Not the rank (one unit has none) nor 弄虚作假 (the team's finding, 由考核组认定).
 */
const NOT_SHOWN = new Set([rowKey.total('rank'), rowKey.total('fraud')]);

export type FindRubric = (id: string) => Rubric | null;
const builtin: FindRubric = (id) => (builtinRubricIds.includes(id) ? loadBuiltin(id).rubric : null);

/** null: the open workbook is not a form. */
/**
 * A form that cannot be scored live still names its unit when its identity could be read, so the pane
 * shows the unit's pane (how to fill and return the form) rather than the office's setup flows.
 */
export type FormBindResult = { ok: true; session: FormSession } | { ok: false; message: string; unitName?: string } | null;

const norm = (v: unknown): CellValue => (v === '' || v === undefined ? null : (v as CellValue));

export class FormSession {
  private readonly echo = new EchoFilter();
  private unit: RankedUnit | null = null;
  private problem: StatusProblem | null = null;
  private worksheetId: string | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private listeners = new Set<(s: WorkbookStatus) => void>();
  readonly stats = { rounds: 0, cellsWritten: 0 };
  private lastScoredAt: string | null = null;

  private constructor(
    readonly rubric: Rubric,
    readonly identity: FormIdentity,
  ) {}

  /** Recognises a form (`_cs_form` without `_cs_meta`), checks its rubric, scores it once and listens. */
  static async bind(findRubric: FindRubric = builtin): Promise<FormBindResult> {
    const column = await Excel.run(async (context) => {
      const form = context.workbook.worksheets.getItemOrNullObject(FORM_META_SHEET);
      const meta = context.workbook.worksheets.getItemOrNullObject(META_SHEET);
      await context.sync();
      if (form.isNullObject || !meta.isNullObject) return null;
      const used = form.getUsedRangeOrNullObject(true);
      used.load('values');
      await context.sync();
      return used.isNullObject ? [] : used.values.map((r) => norm(r[0]));
    });
    if (!column) return null;
    const read = readFormMetaColumn(column);
    if (!read.ok) return { ok: false, message: `${read.message}，无法实时计算自评分` };
    const { identity } = read;
    const rubric = findRubric(identity.rubric.id);
    const made = `本自评表按评分细则「${identity.rubric.id}」v${identity.rubric.version}（校验码 ${identity.rubric.hash}）制作`;
    const unitName = identity.unitName;
    if (!rubric) return { ok: false, unitName, message: `${made}，加载项中没有这份细则，无法实时计算自评分；表格仍可填写后交回信用办` };
    const hash = contentHash(rubric);
    if (rubric.version !== identity.rubric.version || hash !== identity.rubric.hash)
      return {
        ok: false,
        unitName,
        message: `${made}，加载项中的细则为 v${rubric.version}（校验码 ${hash}），版本不一致，不显示自评分；表格仍可填写后交回信用办`,
      };
    const session = new FormSession(rubric, identity);
    await session.round();
    await session.listen();
    return { ok: true, session };
  }

  private async listen(): Promise<void> {
    if (this.worksheetId === null) return;
    const id = this.worksheetId;
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(id).onChanged.add((e) => this.onChanged(e));
      await context.sync();
    });
    // The binding round's echoes were raised before the handler existed and are never delivered.
    this.echo.clear();
  }

  /** The change handler: own writes (triggerSource at 1.14, the echo filter below) start no round. */
  onChanged(e: Excel.WorksheetChangedEventArgs): Promise<void> {
    if ((e as { triggerSource?: string }).triggerSource === 'ThisLocalAddin') return Promise.resolve();
    if (this.echo.isEcho(e.worksheetId, e.address)) return Promise.resolve();
    return this.kick();
  }

  /** 重新计分: one more round (a 得分 cell typed over is put back by it, as by any edit). */
  rescore(): Promise<void> {
    return this.kick();
  }

  /** One round at a time; edits during a round are coalesced into one more round. */
  private kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      await Promise.resolve(); // events of the same tick join this round
      try {
        do {
          this.again = false;
          await this.round();
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Read the block (1 sync), score, write the changed 得分 cells (1 sync). */
  private async round(): Promise<void> {
    this.stats.rounds++;
    try {
      await Excel.run(async (context) => {
        const range = context.workbook.names.getItem(FORM_NAME).getRange();
        const ws = range.worksheet.load('id');
        const protection = ws.protection.load('protected');
        range.load('values, text, rowIndex, columnIndex');
        await context.sync();
        this.worksheetId = ws.id;
        const values = range.values.map((r) => r.map(norm));
        const idx = indexBlock(values);
        if (!idx.ok) throw new Error(idx.message);
        const { identity } = this;
        const input = readUnitInputs(this.rubric, idx.index, identity.unitName, identity.group, values, range.text);
        // With the 参数 values the form carries (where the rubric has them), as the office scores.
        this.unit = scoreRoster(this.rubric, [input], identity.parameters).units[0];
        const changed = this.changedScores(idx.index, values);
        if (changed.length > 0) {
          const guard = protection.protected;
          if (guard) ws.protection.unprotect();
          for (const { row, col, value } of changed) {
            const at = { row: range.rowIndex + row, col: range.columnIndex + col };
            ws.getRangeByIndexes(at.row, at.col, 1, 1).values = [[value === null ? '' : value]];
            this.echo.record(ws.id, at.row, at.col);
          }
          if (guard) ws.protection.protect(FORM_PROTECTION);
          await context.sync();
          this.stats.cellsWritten += changed.length;
        }
      });
      this.problem = null;
      this.lastScoredAt = new Date().toISOString();
    } catch (e) {
      this.problem = {
        id: 'form',
        kind: 'other',
        severity: 'error',
        unit: this.identity.unitName,
        message: `读取自评表失败（${e instanceof Error ? e.message : String(e)}），自评分未更新`,
      };
    }
    this.emit();
  }

  /** The 得分 and 计分说明 cells whose shown value differs from the score: block coordinates and the value. */
  private changedScores(index: SheetIndex, values: CellValue[][]): { row: number; col: number; value: CellValue }[] {
    if (!this.unit) return [];
    const out: { row: number; col: number; value: CellValue }[] = [];
    const computed: readonly string[] = FORM_COMPUTED_ROLES;
    for (const o of unitSheetOutputs(this.rubric, FORM_SHEET_KEY, this.unit)) {
      if (!computed.includes(o.role) || NOT_SHOWN.has(o.rowKey)) continue;
      const at = cellOf(index, o.rowKey, o.role);
      const value = o.value === '' ? null : o.value;
      if (at && norm(values[at.row]?.[at.col]) !== value) out.push({ ...at, value });
    }
    return out;
  }

  status(): WorkbookStatus {
    const u = this.unit;
    const { identity } = this;
    const missing = u ? Object.values(u.items).filter((i) => i.status === 'incomplete').length : 0;
    const problems: StatusProblem[] = (u?.problems ?? []).map((p, i) => ({
      ...p,
      id: `form-${i}`,
      kind: p.severity === 'error' ? ('input' as const) : ('missing' as const),
    }));
    if (this.problem) problems.unshift(this.problem);
    const form = { unitName: identity.unitName, total: u?.final ?? null, missing, draft: !u?.complete };
    return {
      bound: true,
      rubric: toRubricSummary(this.rubric, false),
      units: u
        ? [
            {
              key: identity.unitKey,
              name: identity.unitName,
              group: identity.group,
              filled: u.filled,
              expected: u.expected,
              final: u.final,
              band: u.band,
              rank: null,
              labels: [],
              complete: u.complete,
            },
          ]
        : [],
      problems,
      notices: [formLine(form)],
      lastScoredAt: this.lastScoredAt,
      form,
    };
  }

  subscribe(listener: (s: WorkbookStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    const s = this.status();
    for (const l of this.listeners) l(s);
  }
}
