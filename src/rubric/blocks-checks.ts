/**
 * Load-time checks of weighted blocks (aggregation mode "blocks") and of 不涉及 scored at the
 * average (notApplicable "average"), schema version 2: each mistake with its JSON path and a fix.
 */
import type { Rubric } from './schema';

type AddFn = (path: string, message: string, fix: string) => void;

/** Every category (but the bonus items') in exactly one block; the combination out of the full marks. */
export function checkBlocks(r: Rubric, add: AddFn): void {
  const agg = r.aggregation;
  if (agg.mode !== 'blocks') return;
  const bonusCategory = r.bonus.kind === 'items' ? r.bonus.category : null;
  const known = new Set(r.categories.map((c) => c.id));
  const placed = new Map<string, string>();
  const labels = new Set<string>();
  agg.blocks.forEach((b, bi) => {
    if (labels.has(b.label))
      add(`aggregation.blocks[${bi}].label`, `部分「${b.label}」重复。`, '每个部分的名称唯一，如「共性指标」「个性指标」。');
    labels.add(b.label);
    b.categories.forEach((id, ci) => {
      const path = `aggregation.blocks[${bi}].categories[${ci}]`;
      if (!known.has(id)) add(path, `类别「${id}」不存在。`, `改为已有类别的 id：${[...known].join('、')}。`);
      else if (id === bonusCategory) add(path, `类别「${id}」是加分项，不计入任何部分。`, '从此部分删除它。');
      else if (placed.has(id)) add(path, `类别「${id}」已在「${placed.get(id)}」中。`, '每个类别只属于一个部分。');
      placed.set(id, b.label);
    });
  });
  r.categories.forEach((c, ci) => {
    if (c.id !== bonusCategory && !placed.has(c.id))
      add(
        `categories[${ci}].id`,
        `类别「${c.number} ${c.name}」不属于任何部分（aggregation.blocks）。`,
        `把「${c.id}」加入某个部分的 categories。`,
      );
  });
  if (r.fullMarks !== agg.scale)
    add(
      'aggregation.scale',
      `各部分按 ${agg.scale} 分计、再按权重合成，合成结果也是 ${agg.scale} 分制，但满分为 ${r.fullMarks}。`,
      `把 fullMarks 改为 ${agg.scale}，或把 scale 改为 ${r.fullMarks}。`,
    );
  if (r.categories.some((c) => c.points === null))
    add('aggregation.mode', '分块加权须知道每个指标的分值，但有类别分值未公布（null）。', '填写所有分值，或改用归一化计分（normalised）。');
}

/** averageOver goes with notApplicable "average" and only with it. */
export function checkAverage(r: Rubric, add: AddFn): void {
  if (r.notApplicable === 'average' && r.averageOver === undefined)
    add(
      'averageOver',
      '「不涉及按其他单位平均分计」须写明取哪些单位的平均。',
      '加入 "averageOver": "group"（同一排名组中作答的单位）或 "roster"（全部参评单位中作答的单位）。',
    );
  if (r.notApplicable !== 'average' && r.averageOver !== undefined)
    add('averageOver', 'averageOver 只用于 "notApplicable": "average"。', '删除 averageOver，或把 notApplicable 改为 "average"。');
}
