/**
 * Whether a scored roster may be printed as a final document (终稿) or only as a draft (草稿).
 * Computed once, purely, from the engine's result, and used by every output (annex, scored
 * workbook, task-pane export, file mode, command line): an unfinished or wrong result must never
 * look final on any single printed page.
 *
 * 终稿 only when every unit of the roster is complete, no unit has an input error and no rank is
 * provisional. Otherwise 草稿, with the reason in one line (「草稿：36 个单位中 34 个未完成，名次为暂定」)
 * printed in the title block and the page header of every sheet, and every rank printed as 暂定.
 */
import type { RankedUnit, RosterResult } from '../scoring/types';

export interface DocumentState {
  final: boolean;
  /** Units in the roster. */
  total: number;
  /** Complete and without an input error. */
  completed: number;
  /** Not complete (some input missing), without an input error. */
  incomplete: number;
  /** Units with at least one input error. */
  withErrors: number;
  /** Units with nothing filled at all (also counted in incomplete). */
  empty: number;
  /** Some unit of a ranked group has no final score yet, so the ranks may still change. */
  provisionalRanks: boolean;
  /** Units with a rank (0 while no unit has a final score). */
  ranked: number;
  /** The mark for page headers and title lines: 「终稿」 or 「草稿：…」. */
  mark: string;
  /** Extra lines every output carries (a modified embedded rubric, see src/rubric/compare.ts). */
  notices: string[];
  /** Items whose 核定分 differs from the unit's 自评分 without a 核减原因 (src/xlsx/review.ts). */
  unexplainedDifferences?: number;
}

export interface DocumentStateOptions {
  /** Said on every page, e.g. 「本工作簿内嵌的评分细则与 hengdong-2020-members 1.0.0 不一致，按内嵌细则计分」. */
  notices?: string[];
  /** Differences between 核定 and 自评 without a 核减原因: each keeps the document a draft. */
  unexplainedDifferences?: number;
}

export const hasInputError = (u: Pick<RankedUnit, 'problems'>): boolean => u.problems.some((p) => p.severity === 'error');

/** A unit with nothing typed in (the annex lists it in 汇总 only, unless asked for every unit). */
export const isEmptyUnit = (u: Pick<RankedUnit, 'filled' | 'problems'>): boolean => u.filled === 0 && !hasInputError(u);

export function documentState(result: RosterResult, options: DocumentStateOptions = {}): DocumentState {
  const units = result.units;
  const withErrors = units.filter(hasInputError).length;
  const incomplete = units.filter((u) => !hasInputError(u) && !u.complete).length;
  const completed = units.length - withErrors - incomplete;
  const empty = units.filter(isEmptyUnit).length;
  // A unit without a final score (other than 朝阳's y = 0, which is out of the ranking for good)
  // may still come in anywhere in its group: every rank of that group is provisional.
  const provisionalRanks = units.some((u) => u.final === null && u.normalisation?.y !== 0) && units.some((u) => u.rank !== null);
  const unexplainedDifferences = options.unexplainedDifferences ?? 0;
  const final = units.length > 0 && withErrors === 0 && incomplete === 0 && !provisionalRanks && unexplainedDifferences === 0;
  const parts: string[] = [];
  if (incomplete) parts.push(`${units.length} 个单位中 ${incomplete} 个未完成`);
  if (withErrors) parts.push(`${parts.length ? '' : `${units.length} 个单位中 `}${withErrors} 个有输入错误`);
  if (units.length === 0) parts.push('没有被考核单位');
  if (unexplainedDifferences) parts.push(`${unexplainedDifferences} 处核定与自评的差异未填核减原因`);
  // In a draft every rank may still change (an error corrected moves a score).
  if (!final && units.some((u) => u.rank !== null)) parts.push('名次为暂定');
  return {
    final,
    total: units.length,
    completed,
    incomplete,
    withErrors,
    empty,
    provisionalRanks,
    ranked: units.filter((u) => u.rank !== null).length,
    mark: final ? '终稿' : `草稿：${parts.join('，') || '结果未定'}`,
    notices: options.notices ?? [],
    unexplainedDifferences,
  };
}

/** The header/title line: the mark, then any notice. */
export const stateLine = (s: DocumentState): string => [s.mark, ...s.notices].join('；');

/** A rank as printed: the number, or 「3（暂定）」 in a draft. */
export function rankText(rank: number | null, s: DocumentState): number | string | null {
  if (rank === null) return null;
  return s.final ? rank : `${rank}（暂定）`;
}

/** One paragraph for the command line (completed / incomplete / errors / provisional). */
export function stateSummary(s: DocumentState): string {
  const head = s.final ? '终稿' : '草稿';
  const parts = [
    `已完成 ${s.completed} 个`,
    `未完成 ${s.incomplete} 个${s.empty ? `（其中 ${s.empty} 个未填写任何内容）` : ''}`,
    `有输入错误 ${s.withErrors} 个`,
  ];
  const ranks = s.final
    ? '名次为最终名次'
    : s.ranked === 0
      ? '尚无名次'
      : s.provisionalRanks
        ? '名次为暂定（尚有单位未得出总分）'
        : '名次为暂定（结果未定）';
  return `${head}：共 ${s.total} 个单位，${parts.join('，')}；${ranks}。${s.notices.map((n) => `${n}。`).join('')}`;
}

/** Why `--final` is refused, in one line; null when the result is final. */
export function notFinalReason(s: DocumentState): string | null {
  if (s.final) return null;
  const missing: string[] = [];
  if (s.incomplete) missing.push(`${s.incomplete} 个单位未完成`);
  if (s.withErrors) missing.push(`${s.withErrors} 个单位有输入错误`);
  if (s.provisionalRanks && !s.incomplete && !s.withErrors) missing.push('名次尚未确定');
  if (s.total === 0) missing.push('没有被考核单位');
  if (s.unexplainedDifferences) missing.push(`${s.unexplainedDifferences} 处核定与自评的差异未填核减原因（见「核查清单」）`);
  return `不能生成终稿：${missing.join('，')}；请补齐、更正后再试，或去掉 --final 生成草稿。`;
}
