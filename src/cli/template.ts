/**
 * `credit-score template <rubric>`: a JSON skeleton of every input of a rubric, with the Chinese
 * label, type and allowed values of every field so that a clerk knows what to fill. The output is a
 * valid units file for `score` once the nulls are filled.
 */
import { parameterSlots } from '../rubric/parameters';
import type { Field, Indicator, Rubric } from '../rubric/schema';
import type { Command } from './context';
import { CliError } from './errors';
import { resolveRubric } from './rubric-arg';

const fmt = (x: number) => String(x);

/** The score range of a score field: the manual rule's bounds, the part maximum or the item maximum. */
function scoreRange(ind: Indicator, field: Field): string {
  const rule = ind.rule;
  const manuals = rule.kind === 'composite' ? rule.parts : [rule];
  for (const r of manuals) {
    if (r.kind !== 'manual' || r.field !== field.id) continue;
    const lo = fmt(r.min);
    if ('maxField' in r && r.maxField) {
      const mf = ind.fields.find((f) => f.id === r.maxField);
      return `${lo}–「${mf?.label ?? r.maxField}」`;
    }
    if (ind.pointsParam !== undefined) return `${lo}–参数「${ind.pointsParam}」`;
    const hi = 'max' in r && typeof r.max === 'number' ? r.max : ind.points;
    return hi === null ? `≥ ${lo}` : `${lo}–${fmt(hi)}`;
  }
  return ind.points === null ? '≥ 0' : `0–${fmt(ind.points)}`;
}

/** `<label> (<type>, <allowed values>)`, prefixed with the indicator so that 「得分」 is not ambiguous. */
export function describeField(ind: Indicator, field: Field): string {
  let what: string;
  switch (field.type) {
    case 'yesno':
      what = 'yesno, 是/否（也可 true/false）';
      break;
    case 'count':
      what = `count, 非负整数${field.unit ? `，单位：${field.unit}` : ''}`;
      break;
    case 'number': {
      const lo = field.min ?? 0;
      const range = field.max !== undefined ? `${fmt(lo)}–${fmt(field.max)}` : `≥ ${fmt(lo)}`;
      what = `number, ${range}${field.unit ? `，单位：${field.unit}` : ''}`;
      break;
    }
    case 'percent':
      what = field.bare === 'fraction' ? 'percent, 0–1 的小数，或 85%' : 'percent, 0–100，如 85 或 85%';
      break;
    case 'choice':
      what = `choice, 可选：${field.options.map((o) => `「${o}」`).join('')}`;
      break;
    case 'score':
      what = `score, ${scoreRange(ind, field)}${field.step !== undefined ? `，须为 ${fmt(field.step)} 的整数倍` : ''}`;
      break;
  }
  const hint = field.hint ? `；${field.hint}` : '';
  return `【${ind.id} ${ind.name}】${field.label} (${what})${hint}`;
}

function helpLines(rubric: Rubric): string[] {
  const groups = rubric.ranking.groups.map((g) => `「${g.id}」（${g.label}）`).join('、');
  const na =
    rubric.notApplicable === 'not_allowed'
      ? 'notApplicable：本细则未规定「不涉及」，保持 []'
      : rubric.notApplicable === 'full_points'
        ? 'notApplicable：不涉及的指标编号，如 ["二.5"]，按该项满分计'
        : rubric.notApplicable === 'average'
          ? `notApplicable：不涉及的指标编号，如 ["二.5"]，按${rubric.averageOver === 'roster' ? '全部参评单位' : '同组'}作答该项的其他单位的平均分计`
          : 'notApplicable：本单位不承担的项目编号，如 ["3", "7"]，不计入 x 和 y';
  const b = rubric.bonus;
  const bonus =
    b.kind === 'none'
      ? 'bonus：本细则没有加分项，保持 null'
      : b.kind === 'items'
        ? 'bonus：本细则的加分按各加分项（在 inputs 中填写）计算，保持 null'
        : b.kind === 'manual'
          ? `bonus：${b.label}，${b.max === null ? '≥ 0' : `0–${fmt(b.max)}`} 分；null 为不加分`
          : `bonus：${b.label}，填档次名称 ${b.tiers.map((t) => `「${t.label}」（${fmt(t.points)} 分）`).join('、')}；null 为不加分`;
  const fraud =
    rubric.fraud === 'none'
      ? 'fraud：本文件未规定弄虚作假的处理，保持 false'
      : rubric.fraud === 'item_zero'
        ? 'fraud：弄虚作假涉及的指标编号数组，如 ["7"]，这些指标不得分；没有则 false'
        : 'fraud：true 表示弄虚作假，取消评先资格（得分、名次不变）';
  return [
    '每个单位一个对象：复制 units 中的对象，name 改为单位名称，填写 inputs 中的 null；fields 说明每个输入项。',
    'null 或空文字表示未填写：有未填写项的单位不计总分（不会按 0 分计）。',
    `group：分组，可选 ${groups}`,
    na,
    bonus,
    fraud,
    ...rubric.officeMustSet.map((s) => `须由信用办设定：${s}`),
    ...parameterSlots(rubric).map(
      (slot) =>
        `parameters["${slot.key}"]：${slot.label}（${fmt(slot.parameter.min ?? 0)}${slot.parameter.max !== undefined ? `–${fmt(slot.parameter.max)}` : ' 以上'} 分），所有单位共用；也可用 score --param "${slot.key}=值"`,
    ),
  ];
}

export function buildTemplate(rubric: Rubric, names?: { name: string; group: string }[]) {
  const inputs: Record<string, Record<string, null>> = {};
  const fields: Record<string, Record<string, string>> = {};
  for (const cat of rubric.categories)
    for (const ind of cat.indicators) {
      inputs[ind.id] = Object.fromEntries(ind.fields.map((f) => [f.id, null]));
      fields[ind.id] = Object.fromEntries(ind.fields.map((f) => [f.id, describeField(ind, f)]));
    }
  const roster = names ?? [{ name: '单位名称', group: rubric.ranking.groups[0].id }];
  return {
    rubric: rubric.id,
    version: rubric.version,
    // The office's parameters, once for every unit (rubric.parameters); absent without them.
    ...(rubric.parameters ? { parameters: Object.fromEntries(parameterSlots(rubric).map((slot) => [slot.key, null])) } : {}),
    units: roster.map((u) => ({
      name: u.name,
      group: u.group,
      inputs: structuredClone(inputs),
      notApplicable: [],
      bonus: null,
      fraud: false,
    })),
    fields,
    help: helpLines(rubric),
  };
}

export const templateCommand: Command = {
  name: 'template',
  summary: '输出某细则全部输入项的 JSON 模板（含中文标签），填好后交给 score',
  positionals: [{ name: '<细则>', description: '内置细则 id（见 credit-score rubrics），或评分细则 JSON 文件路径' }],
  options: {
    roster: { type: 'boolean', description: '按细则自带的单位名单（如衡东 36 个成员单位）每个单位一条' },
  },
  help: ['例：credit-score template hengdong-2020-members > units.json'],
  run({ positionals, options }, io) {
    const { rubric } = resolveRubric(positionals[0], io.cwd);
    if (options.roster && !rubric.defaultRoster) throw new CliError(`评分细则「${rubric.id}」没有自带单位名单，去掉 --roster`);
    const tpl = buildTemplate(rubric, options.roster ? rubric.defaultRoster : undefined);
    io.out(`${JSON.stringify(tpl, null, 2)}\n`);
    return 0;
  },
};
