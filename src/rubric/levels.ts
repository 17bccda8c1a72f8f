/**
 * Three levels (考核项目 → 考核指标 → 子项): a category's `groups` are its 考核指标, each over
 * consecutive indicators (子项). A 考核指标's subtotal is the sum of its 子项, at most its own
 * points; the category's subtotal adds the 考核指标 subtotals and the indicators outside any.
 * Here: the load-time checks (JSON path and fix in Chinese) and the look-ups shared by the
 * engine and the layout. Categories without groups are two levels, as before.
 */
import type { Category, Indicator, IndicatorGroup, Rubric } from './schema';

type AddFn = (path: string, message: string, fix: string) => void;

const sum = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x, 0) * 1e6) / 1e6;

/** The 考核指标 an indicator belongs to, if any. */
export function groupOf(cat: Category, indicatorId: string): IndicatorGroup | undefined {
  return cat.groups?.find((g) => g.indicators.includes(indicatorId));
}

/** The 考核指标 that starts at this indicator (its first 子项), if any: the layout prints it above. */
export function groupStartingAt(cat: Category, ind: Indicator): IndicatorGroup | undefined {
  return cat.groups?.find((g) => g.indicators[0] === ind.id);
}

/** The points a category's level below adds up to: each 考核指标's own points, plus the indicators outside any. */
export function categoryPartsPoints(cat: Category): (number | null)[] {
  return [
    ...(cat.groups ?? []).map((g) => g.points),
    ...cat.indicators.filter((i) => groupOf(cat, i.id) === undefined).map((i) => i.points),
  ];
}

/** Each group: known, consecutive indicators of its category, in order, in one group only; points its 子项 can reach. */
export function checkGroups(r: Rubric, add: AddFn): void {
  const ids = new Set(r.categories.flatMap((c) => [c.id, ...c.indicators.map((i) => i.id)]));
  const seen = new Set<string>();
  r.categories.forEach((cat, ci) => {
    if (!cat.groups) return;
    const cp = `categories[${ci}]`;
    if (r.aggregation.mode !== 'sum')
      add(`${cp}.groups`, '三级指标（groups）目前只用于各项得分相加的计分（aggregation.mode 为 sum）。', '改用 sum 计分，或删除 groups。');
    const order = cat.indicators.map((i) => i.id);
    const taken = new Set<string>();
    cat.groups.forEach((g, gi) => {
      const gp = `${cp}.groups[${gi}]`;
      if (seen.has(g.id) || ids.has(g.id))
        add(`${gp}.id`, `考核指标编号「${g.id}」与其他考核指标、类别或指标重复。`, '给每个考核指标一个不同的 id，例如「一-1」。');
      seen.add(g.id);
      const at = g.indicators.map((id) => order.indexOf(id));
      g.indicators.forEach((id, k) => {
        if (at[k] < 0)
          add(
            `${gp}.indicators[${k}]`,
            `考核指标「${g.name}」的子项「${id}」不是类别「${cat.name}」的指标。`,
            `改为本类别的指标：${order.join('、')}。`,
          );
        else if (taken.has(id)) add(`${gp}.indicators[${k}]`, `子项「${id}」已属于另一个考核指标。`, '每个指标最多属于一个考核指标。');
        taken.add(id);
      });
      if (at.every((x) => x >= 0) && at.some((x, k) => k > 0 && x !== at[k - 1] + 1))
        add(
          `${gp}.indicators`,
          `考核指标「${g.name}」的子项不是本类别中连续、按顺序排列的指标（${g.indicators.join('、')}）。`,
          '按表中顺序列出连续的指标，或调整 indicators 的顺序。',
        );
      const items = g.indicators.map((id) => cat.indicators.find((i) => i.id === id)?.points ?? null);
      if (items.some((p) => p === null)) add(`${gp}.points`, `考核指标「${g.name}」有分值，但其子项有未定分值的。`, '给所有子项填写分值。');
      else if (sum(items as number[]) < g.points - 1e-9)
        add(
          `${gp}.points`,
          `考核指标「${g.name}」分值 ${g.points}，但其子项分值合计只有 ${sum(items as number[])}，永远得不到满分。`,
          `核对原文：把考核指标分值改为 ${sum(items as number[])}，或更正子项分值。`,
        );
    });
  });
}
