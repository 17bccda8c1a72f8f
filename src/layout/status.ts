/**
 * What a scored workbook looks like to the task pane (pure data, no Office.js, no React): the
 * status types both hosts produce (src/excel live, src/xlsx file mode) and the pane renders, and
 * buildStatus, which turns a scored roster into them (per-unit progress and scores, problems with
 * the cell each one selects). Below both hosts, so that neither imports from the pane.
 */
import type { Rubric } from '../rubric/schema';
import type { Problem, RankedUnit, RosterResult } from '../scoring/types';
import type { WorkbookMeta } from './plan';

export interface RubricSummary {
  id: string;
  version: string;
  city: string;
  year: number;
  title: string;
  documentNumber: string | null;
  sourceFile: string;
  annexNumber: string | null;
  annexTitle: string;
  assessedUnits: string;
  fullMarks: number;
  /** Ranking group ids (市直部门 / 成员单位 / 县区), the first is the default. */
  groups: { id: string; label: string }[];
  /** 'reference' where the document does not rank (鹤岗): ranks are shown as 参考名次 / Reference rank. */
  rankPurpose: 'official' | 'reference';
  defaultRoster: { name: string; group: string }[] | null;
  notes: { id: string; about: string; text: string }[];
  officeMustSet: string[];
  /** true for rubrics imported from a file in this session. */
  imported: boolean;
  /** The office's own rubric (made in a 细则定义 sheet, origin "office"), not one the tool ships. */
  office?: true;
}

export interface UnitStatus {
  key: string;
  name: string;
  group: string;
  filled: number;
  expected: number;
  final: number | null;
  band: string | null;
  rank: number | null;
  labels: string[];
  complete: boolean;
}

/** A problem the task pane lists; `target` lets a click select the offending cell. */
export interface StatusProblem extends Problem {
  id: string;
  kind: 'input' | 'missing' | 'overwritten' | 'version' | 'other';
  /** `sheetName`: set in file mode, where there is no sheet to select and the list prints where the cell is. */
  target?: { sheetKey: string; address?: string; sheetName?: string };
  /** A repair the host can make (Controller.repair); `label` is the button's text. */
  action?: { kind: RepairKind; label: string };
}

/** Repairs a live workbook offers for what users did to it. */
export type RepairKind = 'restoreMeta' | 'rebuildUnit' | 'recoverMeta';

export interface WorkbookStatus {
  /** No workbook made by the add-in is open (or file mode without a file). */
  bound: boolean;
  rubric: RubricSummary | null;
  units: UnitStatus[];
  problems: StatusProblem[];
  /** e.g. 「已恢复 2 个被改写的计算单元格」. */
  notices: string[];
  lastScoredAt: string | null;
  /** Workbooks holding collected 自评表: the items whose 核定分 differs from the 自评分 (src/xlsx/review.ts). */
  review?: ReviewItem[];
  /**
   * File mode: the workbook file the review came from, into which the page writes 核减原因 typed in
   * its list (as after 收回自评表), so an opened merged workbook's list is editable too.
   */
  reviewSource?: { name: string; bytes: Blob | ArrayBuffer };
  /** A 自评表 open in Excel (src/excel/form-session.ts): the unit's 自评分 while it fills the form. */
  form?: FormStatus;
  /** 汇总 shows 自评总分 | 差值 | 未说明差异 (the workbook's choice, WorkbookMeta.summarySelf). */
  summarySelf?: boolean;
}

export interface FormStatus {
  unitName: string;
  /** The 自评分 total (最终得分), null while it cannot be computed. */
  total: number | null;
  /** Items still 未填. */
  missing: number;
  /** Inputs missing or wrong: the figure is not final (「自评分（草稿）」). */
  draft: boolean;
  /**
   * false: the add-in cannot score this form (its rubric is missing or of another version; the reason
   * is in the status's problems). The unit can still fill and return it; no figure is shown.
   */
  scoredLive?: false;
}

/** The pane's line for a form: 「县公安局 自评分（草稿）：72.5 分；尚有 3 项未填」. */
export function formLine(f: FormStatus): string {
  const label = f.draft ? '自评分（草稿）' : '自评分';
  const total = f.total === null ? '尚不能计算' : `${f.total} 分`;
  return `${f.unitName} ${label}：${total}${f.missing > 0 ? `；尚有 ${f.missing} 项未填` : ''}`;
}

/** One 核查清单 line: a reason left empty keeps the result a draft. */
export interface ReviewItem {
  /** `unitKey|indicatorId` (file mode): where a reason typed in the page is written back. */
  key?: string;
  unit: string;
  item: string;
  self: number | null;
  verified: number | null;
  /** 核定 − 自评; null when the unit left the item blank. */
  difference: number | null;
  reason: string;
}

/**
 * Rubric texts refer to their notes by the analysis's ids (「（见说明P9）」); the pane lists the notes
 * by what they are about, never by id, so the reference points at the list instead.
 */
export function withoutNoteIds(text: string): string {
  return text.replace(/（见说明[A-Za-z]*\d+(?:[、,，][A-Za-z]*\d+)*）/g, '（见下方「细则说明」）');
}

/** The part of a rubric the task pane shows; copies arrays so React shares no mutable state with the rubric. */
export function toRubricSummary(rubric: Rubric, imported: boolean): RubricSummary {
  return {
    id: rubric.id,
    version: rubric.version,
    city: rubric.city,
    year: rubric.year,
    title: rubric.title,
    documentNumber: rubric.documentNumber,
    sourceFile: rubric.sourceFile,
    annexNumber: rubric.annex.number,
    annexTitle: rubric.annex.title,
    assessedUnits: rubric.assessedUnits,
    fullMarks: rubric.fullMarks,
    groups: rubric.ranking.groups.map((g) => ({ id: g.id, label: g.label })),
    rankPurpose: rubric.ranking.purpose === 'reference' ? 'reference' : 'official',
    defaultRoster: rubric.defaultRoster ? rubric.defaultRoster.map((e) => ({ name: e.name, group: e.group })) : null,
    notes: (rubric.notes ?? []).map((n) => ({ id: n.id, about: n.about, text: n.text })),
    officeMustSet: (rubric.officeMustSet ?? []).map(withoutNoteIds),
    imported,
    ...(rubric.origin === 'office' ? { office: true as const } : {}),
  };
}

export type AddressOf = (unitKey: string, indicatorId?: string, fieldId?: string) => string | undefined;

/**
 * What a live session keeps from one status to the next, so that the status after an edit costs
 * what the edit changed: the last status's unit rows, problem lists and roster problem entries,
 * and the results they were made from. A unit's row is made again only where its result is a new
 * object (rankUnits keeps the object of every unit it did not move; rescoring makes a new one), its
 * problem list only where its `problems` array is new (ranking copies a result but shares that
 * array; rescoring or re-reading the unit makes a new one), a roster problem's entry only where the
 * problem at its place is another object. The pane gets new lists holding the same entries.
 */
export interface StatusMemo {
  last?: {
    results: readonly RankedUnit[];
    rows: UnitStatus[];
    lists: StatusProblem[][];
    rosterProblems: readonly Problem[];
    rosterEntries: StatusProblem[];
  };
}

function unitRow(u: WorkbookMeta['units'][number], s: RankedUnit | undefined): UnitStatus {
  return {
    key: u.key,
    name: u.name,
    group: u.group,
    filled: s?.filled ?? 0,
    expected: s?.expected ?? 0,
    final: s?.final ?? null,
    band: s?.band ?? null,
    rank: s?.rank ?? null,
    labels: s?.labels ?? [],
    complete: s?.complete ?? false,
  };
}

export function buildStatus(
  rubric: Rubric,
  meta: WorkbookMeta,
  result: RosterResult | null,
  extra: StatusProblem[],
  notices: string[],
  addressOf: AddressOf,
  memo?: StatusMemo,
): WorkbookStatus {
  const last = memo?.last;
  const results = result?.units ?? [];
  const units = meta.units.map((u, i) =>
    results[i] !== undefined && last?.results[i] === results[i] ? last.rows[i] : unitRow(u, results[i]),
  );
  const lists = results.map((s, i) =>
    last?.results[i]?.problems === s.problems ? last.lists[i] : unitProblems(rubric, meta.units[i].key, s, addressOf),
  );
  // Roster problems (names outside the rubric's roster…) mostly stay the same objects from round to round.
  const rosterProblems = result?.problems ?? [];
  const rosterEntries = rosterProblems.map((p, j): StatusProblem =>
    last?.rosterProblems[j] === p ? last.rosterEntries[j] : { ...p, id: `roster:${j}`, kind: 'other' },
  );
  if (memo) memo.last = { results, rows: units, lists, rosterProblems, rosterEntries };
  // Errors first, then warnings, then missing inputs; in their order within each (a stable sort by
  // severity, in one pass: the list has several entries per unit and is built on every edit).
  const bySeverity: Record<StatusProblem['severity'], StatusProblem[]> = { error: [], warning: [], missing: [] };
  for (const part of [extra, ...lists, rosterEntries]) for (const p of part) bySeverity[p.severity].push(p);
  return {
    bound: true,
    rubric: toRubricSummary(rubric, false),
    units,
    problems: [...bySeverity.error, ...bySeverity.warning, ...bySeverity.missing],
    notices,
    lastScoredAt: result ? new Date().toISOString() : null,
  };
}

function unitProblems(rubric: Rubric, key: string, s: RankedUnit, addressOf: AddressOf): StatusProblem[] {
  const problems: StatusProblem[] = [];
  const target = (indicatorId?: string, fieldId?: string) => {
    const address = addressOf(key, indicatorId, fieldId);
    return { sheetKey: key, ...(address ? { address } : {}) };
  };
  s.problems.forEach((p, j) => {
    if (p.severity === 'missing') return;
    problems.push({
      ...p,
      id: `${key}:${j}`,
      kind: p.indicatorId || p.fieldId ? 'input' : 'other',
      target: target(p.indicatorId, p.fieldId),
    });
  });
  // Unfilled items are one entry per unit (a new workbook would otherwise list every item of every
  // unit); it selects the first unfilled cell.
  const missing = s.problems.filter((p) => p.severity === 'missing');
  if (missing.length === 1)
    problems.push({ ...missing[0], id: `${key}:missing`, kind: 'missing', target: target(missing[0].indicatorId, missing[0].fieldId) });
  else if (missing.length > 1) {
    const first = missing[0];
    const name = rubric.categories.flatMap((c) => c.indicators).find((x) => x.id === first.indicatorId)?.name ?? '';
    problems.push({
      severity: 'missing',
      unit: s.name,
      indicatorId: first.indicatorId,
      fieldId: first.fieldId,
      id: `${key}:missing`,
      kind: 'missing',
      message: `${s.name}：${missing.length} 项指标未填写完（从「${first.indicatorId} ${name}」开始）`,
      target: target(first.indicatorId, first.fieldId),
    });
  }
  return problems;
}
