/**
 * Three levels (考核项目 → 考核指标 → 子项, src/rubric/levels.ts): a 考核指标's subtotal is the exact
 * sum of its 子项, at most its own points, with a reason in Chinese; the category then adds the
 * 考核指标 subtotals and the indicators outside any. A 考核指标 with a 子项 unfinished has no subtotal.
 */
import type { Category } from '../rubric/schema';
import { exact, min, toNumber, toText, ZERO } from './exact';
import type { Rational } from './rational';
import type { GroupScore } from './types';

export interface CategoryLevels {
  /** What the category adds up: 考核指标 subtotals and the other indicators' scores (null: unfinished). */
  parts: Rational[] | null;
  groups: Record<string, GroupScore>;
}

/**
 * `items`: the exact score of each indicator of the category counted in its subtotal (null when
 * unfinished); indicators left out (不计) are absent.
 */
export function categoryLevels(cat: Category, items: ReadonlyMap<string, Rational | null>): CategoryLevels {
  const groups: Record<string, GroupScore> = {};
  const parts: Rational[] = [];
  let complete = true;
  const grouped = new Set<string>();
  for (const g of cat.groups ?? []) {
    g.indicators.forEach((id) => grouped.add(id));
    const scores = g.indicators.filter((id) => items.has(id)).map((id) => items.get(id) ?? null);
    if (scores.some((x) => x === null)) {
      complete = false;
      groups[g.id] = { score: null, max: g.points, reason: '本指标有未完成的子项' };
      continue;
    }
    const total = (scores as Rational[]).reduce((a, b) => a.add(b), ZERO);
    const cap = exact(g.points);
    const subtotal = min(total, cap);
    parts.push(subtotal);
    groups[g.id] = {
      score: toNumber(subtotal, 4),
      max: g.points,
      reason:
        total.compare(cap) > 0
          ? `子项合计 ${toText(total, 4)} 分，超过本指标分值 ${g.points} 分，按 ${g.points} 分计`
          : `子项合计 ${toText(total, 4)} 分（本指标 ${g.points} 分）`,
    };
  }
  for (const [id, score] of items) {
    if (grouped.has(id)) continue;
    if (score === null) complete = false;
    else parts.push(score);
  }
  return { parts: complete ? parts : null, groups };
}
