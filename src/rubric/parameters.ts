/**
 * Office-set parameters (rubric.parameters): values the method leaves to the office, set once for
 * the whole rubric rather than typed on every unit's sheet (朝阳: the points of each item, whose
 * annexes were not published). An indicator takes its maximum from one with `pointsParam`. Here:
 * the load-time checks (JSON path and fix in Chinese) and the look-ups the engine and the layout share.
 */
import type { Indicator, Parameter, RankGroup, Rubric } from './schema';

type AddFn = (path: string, message: string, fix: string) => void;

/** One value to set: a parameter, or a parameter for one ranking group (perGroup). */
export interface ParameterSlot {
  /** Key of the value: the parameter's id, or `id@group` for one group's value. */
  key: string;
  parameter: Parameter;
  group?: RankGroup;
  /** The parameter's label, with the group's where it has one value per group. */
  label: string;
}

export const parameterKey = (id: string, groupId?: string) => (groupId === undefined ? id : `${id}@${groupId}`);

/**
 * Every value the office sets: the parameters with one value first, then, group by group, those
 * set per ranking group (朝阳: all of 附件1 for 成员单位, then all of 附件2 for 县区), as a clerk
 * copies them from one annex at a time.
 */
export function parameterSlots(rubric: Rubric): ParameterSlot[] {
  const params = rubric.parameters ?? [];
  const single = params.filter((p) => !p.perGroup).map((parameter) => ({ key: parameter.id, parameter, label: parameter.label }));
  const perGroup = rubric.ranking.groups.flatMap((group) =>
    params
      .filter((p) => p.perGroup)
      .map((parameter) => ({ key: parameterKey(parameter.id, group.id), parameter, group, label: `${parameter.label}（${group.label}）` })),
  );
  return [...single, ...perGroup];
}

/** The key of the value an indicator's points come from, for a unit of `groupId`; undefined without pointsParam. */
export function pointsKey(rubric: Rubric, ind: Indicator, groupId: string): string | undefined {
  if (ind.pointsParam === undefined) return undefined;
  return parameterKey(ind.pointsParam, pointsParameter(rubric, ind)?.perGroup ? groupId : undefined);
}

/** The parameter an indicator's points come from, if any. */
export function pointsParameter(rubric: Rubric, ind: Indicator): Parameter | undefined {
  return ind.pointsParam === undefined ? undefined : rubric.parameters?.find((p) => p.id === ind.pointsParam);
}

/** The indicators whose points a parameter sets, in the rubric's order. */
export function indicatorsUsing(rubric: Rubric, parameterId: string): Indicator[] {
  return rubric.categories.flatMap((c) => c.indicators).filter((i) => i.pointsParam === parameterId);
}

/** Unique ids, sensible bounds, and every parameter used by some indicator. */
export function checkParameters(r: Rubric, add: AddFn): void {
  const seen = new Set<string>();
  (r.parameters ?? []).forEach((p, i) => {
    const pp = `parameters[${i}]`;
    if (seen.has(p.id)) add(`${pp}.id`, `参数编号「${p.id}」重复。`, '给每个参数一个不同的 id。');
    seen.add(p.id);
    if (p.min !== undefined && p.max !== undefined && p.min > p.max)
      add(`${pp}.max`, `参数「${p.label}」的上限 ${p.max} 小于下限 ${p.min}。`, '交换 min 和 max，或删除其中一个。');
    if (indicatorsUsing(r, p.id).length === 0)
      add(`${pp}`, `参数「${p.label}」没有被任何指标使用。`, `删除它，或在使用它的指标中写 "pointsParam": "${p.id}"。`);
  });
}

/** An indicator's pointsParam: a declared parameter, only where the document prints no points, with a manual rule. */
export function checkPointsParam(ind: Indicator, ip: string, r: Rubric, add: AddFn): void {
  if (ind.pointsParam === undefined) return;
  const declared = (r.parameters ?? []).map((p) => p.id);
  if (!declared.includes(ind.pointsParam))
    add(
      `${ip}.pointsParam`,
      `指标「${ind.id}」引用的参数「${ind.pointsParam}」不存在。`,
      declared.length > 0
        ? `改为已声明的参数：${declared.join('、')}，或在 parameters 中声明它。`
        : `在 parameters 中声明它：{"id": "${ind.pointsParam}", "label": "…", "type": "points"}。`,
    );
  if (ind.points !== null)
    add(
      `${ip}.pointsParam`,
      `指标「${ind.id}」已有印刷分值 ${ind.points}，又由参数「${ind.pointsParam}」设定分值。`,
      '文件公布了分值时删除 pointsParam；由信用办设定时把 points 改为 null。',
    );
  if (ind.rule.kind !== 'manual' || ind.rule.maxField !== undefined)
    add(
      `${ip}.rule`,
      `指标「${ind.id}」的分值由参数设定，评分规则须为不带 maxField 的 manual（考核组在 0 至本项分值之间评分）。`,
      '改为 {"kind": "manual", "field": "<得分输入项>"}，或删除 pointsParam。',
    );
}
