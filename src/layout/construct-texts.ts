/**
 * How the rubric constructs of schema version 2 are described in words on the 说明 sheet and the
 * unit sheet: weighted blocks and 不涉及 scored at the average of the other units.
 */
import type { Rubric } from '../rubric/schema';
import type { UnitScore } from '../scoring/types';

type Blocks = Extract<Rubric['aggregation'], { mode: 'blocks' }>;

/** 「共性指标（一、二）、个性指标（三）各按 100 分计，按 7 : 3 合成；…」 */
export function describeBlocks(r: Rubric, a: Blocks): string {
  const name = (id: string) => r.categories.find((c) => c.id === id)?.number ?? id;
  const parts = a.blocks.map((b) => `${b.label}（${b.categories.map(name).join('、')}）`).join('、');
  return `${parts}各按所承担指标折算为 ${a.scale} 分（x ÷ y × ${a.scale}），再按 ${a.blocks.map((b) => b.weight).join(' : ')} 加权合成；某部分的指标均不涉及时，其权重计入其余部分`;
}

/** The 不涉及 line for notApplicable "average". */
export function describeAverage(r: Rubric): string {
  const whose = r.averageOver === 'roster' ? '全部参评单位' : '同一排名组';
  return `不涉及的指标按${whose}中作答该项的其他单位的平均分计（容缺项）；无其他单位作答时该项待定`;
}

/** The blocks of a rubric scored in weighted blocks; none otherwise. */
export const blocksOf = (r: Rubric): Blocks['blocks'] => (r.aggregation.mode === 'blocks' ? r.aggregation.blocks : []);

/** A block's column header in 汇总 and the annex summary: 「共性指标（100分，权重7）」. */
export const blockHeader = (r: Rubric, b: Blocks['blocks'][number]): string =>
  `${b.label}（${r.aggregation.mode === 'blocks' ? r.aggregation.scale : r.fullMarks}分，权重${b.weight}）`;

/** A unit's block score as a cell: the score, 不计 for a block it carries no item of, empty while unfinished. */
export function blockCell(u: UnitScore, index: number): number | string | null {
  const b = u.blocks?.list[index];
  if (b === undefined) return null;
  return b.score ?? '不计';
}

/** The base score's name where it is not a plain sum: 加权得分 for blocks, 折算得分 for x ÷ y. */
export const weightedBaseLabel = (r: Rubric): string | null =>
  r.aggregation.mode === 'blocks'
    ? `加权得分（${r.aggregation.blocks.map((b) => `${b.label} × ${b.weight}`).join(' + ')}）÷ ${r.aggregation.blocks.reduce((s, b) => s + b.weight, 0)}`
    : null;

/** What 「本项不涉及」 does, for the constructs of version 2 (null for the others). */
export function notApplicableEffect(r: Rubric): string | null {
  if (r.notApplicable === 'average') return `按${r.averageOver === 'roster' ? '全部参评单位' : '同组'}其他单位的平均分计`;
  if (r.aggregation.mode === 'blocks') return '不计入所在部分的 x 和 y';
  return null;
}
