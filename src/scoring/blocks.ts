/**
 * Weighted blocks (aggregation mode "blocks"): 共性指标 and 个性指标 each scored x / y × scale over
 * the items the unit carries in the block's categories, then combined by weight (7 : 3). A block in
 * which the unit carries no item (all 不涉及, y = 0) has no score: its weight goes to the other
 * blocks, the combination being Σ weight × block ÷ Σ weight over the blocks the unit carries. All
 * exact; the caller rounds the result like any base score. The reason sentence is built here.
 */
import type { Rubric } from '../rubric/schema';
import { exact, toNumber, toText, ZERO } from './exact';
import type { Rational } from './rational';
import type { BlockScore } from './types';

type Blocks = Extract<Rubric['aggregation'], { mode: 'blocks' }>;

/** Points earned and points carried of one category's items (excluded items are in neither). */
export interface CategoryTotals {
  scores: readonly Rational[];
  maxima: readonly Rational[];
}

export interface BlocksOutcome {
  /** The combination, exact; null when the unit carries no item of any block. */
  base: Rational | null;
  blocks: BlockScore[];
  /** The arithmetic in Chinese. */
  text: string;
}

const sum = (xs: readonly Rational[]) => xs.reduce((a, b) => a.add(b), ZERO);
/** A computed value: "= 85" when exact at 2 places, else "≈ 66.67". */
const shown = (x: Rational) => `${x.hasPlaces(2) ? '=' : '≈'} ${toText(x)}`;

export function combineBlocks(agg: Blocks, totals: ReadonlyMap<string, CategoryTotals>, decimals: number): BlocksOutcome {
  const scale = exact(agg.scale);
  const parts = agg.blocks.map((b) => {
    const own = b.categories.map((id) => totals.get(id) ?? { scores: [], maxima: [] });
    const x = sum(own.flatMap((t) => t.scores));
    const y = sum(own.flatMap((t) => t.maxima));
    return { block: b, x, y, score: y.n === 0 ? null : x.mul(scale).div(y) };
  });
  const carried = parts.filter((p) => p.score !== null);
  const blocks: BlockScore[] = parts.map((p) => ({
    label: p.block.label,
    weight: p.block.weight,
    x: toNumber(p.x, 4),
    y: toNumber(p.y, 4),
    score: p.score === null ? null : toNumber(p.score, decimals),
  }));
  const each = parts.map((p) =>
    p.score === null
      ? `${p.block.label}：所承担的指标均不涉及，不计分，其权重 ${p.block.weight} 计入其余部分`
      : `${p.block.label} ${toText(p.x, 4)} ÷ ${toText(p.y, 4)} × ${agg.scale} ${shown(p.score)} 分`,
  );
  if (carried.length === 0) return { base: null, blocks, text: `${each.join('；')}；各部分均无可计分的指标，无法计算得分` };
  const weights = carried.reduce((s, p) => s.add(exact(p.block.weight)), ZERO);
  const weighted = carried.reduce((s, p) => s.add((p.score as Rational).mul(exact(p.block.weight))), ZERO);
  const base = weighted.div(weights);
  const terms = carried.map((p) => `${toText(p.score as Rational)} × ${p.block.weight}`).join(' + ');
  const combination =
    carried.length < parts.length
      ? `按承担部分的权重折算：(${terms}) ÷ ${toText(weights, 4)} ${shown(base)}`
      : `(${terms}) ÷ ${toText(weights, 4)} ${shown(base)}`;
  return { base, blocks, text: `${each.join('；')}；${combination}` };
}
