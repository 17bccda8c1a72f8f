/**
 * What the computed cells should hold for a scored roster, addressed by (sheet key, row key,
 * column role). Hosts resolve these through the sheet index and write only what differs from
 * what they last wrote. Values only: never a formula.
 */
import type { Category, Rubric } from '../rubric/schema';
import type { RankedUnit } from '../scoring/types';
import { ranksForReference, REFERENCE_RANK_NOTE, showsDeduction } from './columns';
import { rowKey, type CellValue, type ColumnRole } from './plan';
import { groupOutputs } from './levels-rows';
import { OUTPUT_FILL } from './styles';
import { blockCell, blocksOf } from './construct-texts';

export interface OutputCell {
  sheetKey: string;
  rowKey: string;
  role: ColumnRole;
  value: CellValue;
  /** Marks a computed cell: 'error' for an item whose inputs are wrong (red), 'missing' for unfilled (grey). */
  tone?: 'error' | 'missing';
  /**
   * A column that workbooks made before it existed do not have (扣分): where the sheet has no column
   * of this role at all, the cell is skipped without a warning; a missing row is still reported.
   */
  optional?: true;
}

export const TONE_FILL: Record<NonNullable<OutputCell['tone']> | 'normal', string> = {
  error: '#F8CBAD',
  missing: '#EDEDED',
  normal: OUTPUT_FILL,
};

/** What a score cell shows when an input it depends on is invalid: never a number. */
export const INVALID_INPUT = '输入有误';

export function statusText(u: RankedUnit): string {
  const errors = u.problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) return `有 ${errors} 处输入错误`;
  if (!u.complete)
    return u.final === null && u.expected > 0 && u.filled >= u.expected ? '无法计分' : `未完成（已填 ${u.filled}/${u.expected}）`;
  return '已完成';
}

/** a − b at the rubric's decimals (both already rounded to them), or null when either is unknown. */
function minus(rubric: Rubric, a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  const f = 10 ** rubric.rounding.decimals;
  return Math.round((a - b) * f) / f + 0;
}

/**
 * Where every item of a category is 不涉及 and left out of x and y (朝阳), the category counts for
 * nothing rather than 0 of 0: it shows 不计, as its items do.
 */
export function categoryExcluded(cat: Category, u: RankedUnit): boolean {
  return cat.indicators.length > 0 && cat.indicators.every((i) => u.items[i.id]?.status === 'excluded');
}

/** A category's subtotal as shown: its score, 不计 where all its items are left out, blank while unfinished. */
export function categoryCell(cat: Category, u: RankedUnit): CellValue {
  return categoryExcluded(cat, u) ? '不计' : (u.categories[cat.id]?.score ?? null);
}

export function unitSheetOutputs(rubric: Rubric, sheetKey: string, u: RankedUnit): OutputCell[] {
  const out: OutputCell[] = [];
  const put = (rk: string, role: ColumnRole, value: CellValue) => out.push({ sheetKey, rowKey: rk, role, value });
  // 扣分 (deduct_from_base): item maximum − item score; 0 for 不涉及 (full points); blank without a score.
  const deduct = showsDeduction(rubric);
  const putDeduction = (rk: string, value: number | null, tone?: OutputCell['tone']) =>
    out.push({ sheetKey, rowKey: rk, role: 'deduction', value, optional: true, ...(tone ? { tone } : {}) });
  for (const cat of rubric.categories) {
    const single = cat.indicators.length === 1 && cat.indicators[0].id === cat.id;
    if (!single) {
      const cs = u.categories[cat.id];
      const excluded = categoryExcluded(cat, u);
      put(rowKey.category(cat.id), 'score', categoryCell(cat, u));
      if (deduct) putDeduction(rowKey.category(cat.id), minus(rubric, cs?.max, cs?.score));
      put(
        rowKey.category(cat.id),
        'reason',
        excluded
          ? '本类指标均不涉及，不计入 x 和 y'
          : cs?.score === null
            ? '本类有未完成的指标'
            : `本类小计${cs?.max !== null && cs?.max !== undefined ? `（满分 ${cs.max} 分）` : ''}`,
      );
    }
    if (cat.groups) out.push(...groupOutputs(cat.groups, sheetKey, u)); // three levels: 考核指标 subtotals
    for (const ind of cat.indicators) {
      const item = u.items[ind.id];
      const rk = rowKey.item(ind.id, ind.fields[0].id);
      const tone = item.status === 'invalid' ? 'error' : item.status === 'incomplete' ? 'missing' : undefined;
      out.push({
        sheetKey,
        rowKey: rk,
        role: 'score',
        value: item.status === 'excluded' ? '不计' : item.status === 'invalid' ? INVALID_INPUT : item.score,
        tone,
      });
      if (deduct)
        putDeduction(
          rk,
          item.status === 'not_applicable' ? 0 : item.status === 'scored' ? minus(rubric, item.max, item.score) : null,
          tone,
        );
      out.push({ sheetKey, rowKey: rk, role: 'reason', value: item.reason, tone });
    }
  }
  const agg = rubric.aggregation;
  put(rowKey.total('base'), 'score', u.base);
  const totalDeduction = agg.mode === 'deduct_from_base' ? minus(rubric, agg.base, u.base) : null;
  if (agg.mode === 'deduct_from_base') putDeduction(rowKey.total('base'), totalDeduction);
  put(
    rowKey.total('base'),
    'reason',
    u.base === null
      ? statusText(u)
      : agg.mode === 'normalised' && u.normalisation
        ? `x = ${u.normalisation.x}，y = ${u.normalisation.y}，${u.normalisation.x} ÷ ${u.normalisation.y} × ${agg.scale} = ${u.base}`
        : agg.mode === 'deduct_from_base'
          ? `${agg.base} − 扣分 ${totalDeduction} = ${u.base}`
          : agg.mode === 'blocks' && u.blocks
            ? u.blocks.text
            : '各项得分之和',
  );
  if (rubric.bonus.kind !== 'none') {
    if (u.bonus === null) {
      // A bonus typed wrong (「2分」) is never shown as a number, nor as 无加分.
      out.push({ sheetKey, rowKey: rowKey.total('bonus'), role: 'score', value: INVALID_INPUT, tone: 'error' });
      out.push({ sheetKey, rowKey: rowKey.total('bonus'), role: 'reason', value: u.bonusProblem ?? INVALID_INPUT, tone: 'error' });
    } else {
      put(rowKey.total('bonus'), 'score', u.bonus);
      const capped = u.problems.find((p) => p.message.includes('超过上限'));
      put(
        rowKey.total('bonus'),
        'reason',
        rubric.bonus.kind === 'items'
          ? bonusItemsText(rubric.bonus, u)
          : capped
            ? capped.message.replace(`${u.name}：`, '')
            : u.bonus > 0
              ? '考核小组认定'
              : '无加分',
      );
    }
  }
  if (rubric.fraud !== 'none') {
    put(rowKey.total('fraud'), 'score', u.fraud ? '是' : '否');
    put(rowKey.total('fraud'), 'reason', u.fraud ? (rubric.fraud === 'item_zero' ? '相关指标项不得分' : '取消先进评选资格，得分不变') : '');
  }
  put(rowKey.total('final'), 'score', u.final);
  const sumText = u.bonus ? `${u.base} + ${u.bonus} = ${u.final}` : `${u.final}`;
  const finalText = !u.veto ? sumText : u.veto.result === 'zero' ? u.veto.text : `${sumText}；${u.veto.text}`;
  put(rowKey.total('final'), 'reason', u.final === null ? statusText(u) : `${finalText}${scaledText(rubric, u)}`);
  if (rubric.bands) {
    put(rowKey.total('band'), 'score', u.band);
    put(
      rowKey.total('band'),
      'reason',
      u.band ? `按${rubric.bands.basis === 'final' ? '最终得分' : '基础得分'}评定` : '得分未定，暂不评定等次',
    );
  }
  out.push(...unitRankOutputs(rubric, sheetKey, u));
  put(rowKey.total('status'), 'score', u.complete ? '已完成' : '未完成');
  put(rowKey.total('status'), 'reason', `${statusText(u)}${u.problems.length ? `；问题 ${u.problems.length} 条` : ''}`);
  return out;
}

/** The bonus of bonus items: their sum, and the cap where it applies (「各加分项合计 7 分，超过上限 5 分，按 5 分计」). */
export function bonusItemsText(b: Extract<Rubric['bonus'], { kind: 'items' }>, u: RankedUnit): string {
  const total = u.categories[b.category]?.score;
  if (total === null || total === undefined) return '加分项未填完';
  return u.bonus !== null && u.bonus < total
    ? `各加分项合计 ${total} 分，超过上限 ${b.max} 分，按 ${b.max} 分计`
    : `各加分项合计 ${total} 分`;
}

/** The outer-scale arithmetic after the final: 「；折合城市信用指数分值：85.5 × 10 ÷ 100 = 8.55 分」 (rubric.outerScale). */
export function scaledText(rubric: Rubric, u: RankedUnit): string {
  if (!rubric.outerScale || u.scaled === null || u.scaled === undefined || u.final === null) return '';
  return `；${rubric.outerScale.label}：${u.final} × ${rubric.outerScale.max} ÷ ${rubric.fullMarks} = ${u.scaled} 分`;
}

/** The cells of a unit sheet that depend on the unit's rank and labels (its 名次 line). */
export function unitRankOutputs(rubric: Rubric, sheetKey: string, u: RankedUnit): OutputCell[] {
  const rk = rowKey.total('rank');
  const reason = u.labels.length
    ? u.labels.join('；')
    : u.rank === null
      ? '得分未定，暂不排名'
      : ranksForReference(rubric)
        ? REFERENCE_RANK_NOTE
        : '';
  return [
    { sheetKey, rowKey: rk, role: 'score', value: u.rank },
    { sheetKey, rowKey: rk, role: 'reason', value: reason },
  ];
}

export function summaryOutputs(rubric: Rubric, units: { key: string; score: RankedUnit }[]): OutputCell[] {
  const out: OutputCell[] = [];
  for (const { key, score: u } of units) {
    const rk = rowKey.summaryUnit(key);
    const put = (role: ColumnRole, value: CellValue) => out.push({ sheetKey: 'SUMMARY', rowKey: rk, role, value });
    for (const c of rubric.categories) {
      put(`cat:${c.id}`, categoryCell(c, u));
      for (const g of c.groups ?? []) put(`cat:${g.id}`, u.groups?.[g.id]?.score ?? null); // three levels
    }
    blocksOf(rubric).forEach((_, i) => put(`block:${i}`, blockCell(u, i)));
    put('base', u.base);
    if (rubric.bonus.kind !== 'none') put('bonus', u.bonus ?? INVALID_INPUT);
    put('final', u.final);
    if (rubric.outerScale) put('scaled', u.scaled ?? null);
    if (rubric.bands) put('band', u.band);
    out.push(...summaryRankOutputs(key, u));
    put('progress', `${u.filled}/${u.expected}`);
    put('status', statusText(u));
  }
  return out;
}

/** The cells of a unit's 汇总 row that depend on its rank and labels (all a re-ranking changes there). */
export function summaryRankOutputs(key: string, u: RankedUnit): OutputCell[] {
  const rk = rowKey.summaryUnit(key);
  return [
    { sheetKey: 'SUMMARY', rowKey: rk, role: 'rank', value: u.rank },
    { sheetKey: 'SUMMARY', rowKey: rk, role: 'labels', value: u.labels.join('；') || null },
  ];
}

/** Rank rows per group: ranked units by rank then name; unranked units last. */
export function rankOrder(rubric: Rubric, units: RankedUnit[]): Map<string, RankedUnit[]> {
  const byGroup = new Map<string, RankedUnit[]>();
  for (const g of rubric.ranking.groups) {
    const members = units.filter((u) => u.group === g.id);
    members.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name, 'zh-CN'));
    byGroup.set(g.id, members);
  }
  return byGroup;
}

export function rankOutputs(rubric: Rubric, units: RankedUnit[]): OutputCell[] {
  const out: OutputCell[] = [];
  for (const [groupId, members] of rankOrder(rubric, units))
    members.forEach((u, i) => out.push(...rankRowOutputs(rubric, groupId, i + 1, u)));
  return out;
}

/** The cells of one 排名 row: the unit at `position` (1-based) of its group's rank order. */
export function rankRowOutputs(rubric: Rubric, groupId: string, position: number, u: RankedUnit): OutputCell[] {
  const out: OutputCell[] = [];
  const rk = rowKey.rankRow(groupId, position);
  const put = (role: ColumnRole, value: CellValue) => out.push({ sheetKey: 'RANK', rowKey: rk, role, value });
  put('rank', u.rank);
  put('unit', u.name);
  put('final', u.final);
  if (rubric.bands) put('band', u.band);
  put('labels', u.labels.join('；') || (u.rank === null ? statusText(u) : null));
  for (const b of rubric.bands?.list ?? []) put(`bandSeries:${b.label}`, u.band === b.label ? u.final : null);
  return out;
}

/** Every computed cell of the workbook for a scored roster (unit sheets, 汇总, 排名). */
export function allOutputs(rubric: Rubric, units: { key: string; score: RankedUnit }[]): OutputCell[] {
  return [
    ...units.flatMap(({ key, score }) => unitSheetOutputs(rubric, key, score)),
    ...summaryOutputs(rubric, units),
    ...rankOutputs(
      rubric,
      units.map((u) => u.score),
    ),
  ];
}
