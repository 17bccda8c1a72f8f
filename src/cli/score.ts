/**
 * `credit-score score <rubric> <units.json> [--json]`: scores and ranks a roster. Exit 0 once
 * scored, even when units have problems (they are listed); 2 when the files cannot be used.
 */
import { rankLabel } from '../layout/columns';
import type { Rubric } from '../rubric/schema';
import { scoreRoster } from '../scoring/score';
import type { Problem, RankedUnit, RosterResult } from '../scoring/types';
import type { Command, CliIo } from './context';
import { CliError } from './errors';
import { formatTable } from './format-table';
import { resolveRubric, type ResolvedRubric } from './rubric-arg';
import { parseParamOption } from './parameters-arg';
import { readUnitsFile } from './units-file';

export interface ScoreJsonUnit {
  name: string;
  group: string;
  items: Record<string, { score: number | null; reason: string }>;
  categories: Record<string, number | null>;
  base: number | null;
  /**
   * Normalised rubrics (朝阳) only: x (points earned) and y (points of the items the unit carries),
   * so that base = x / y × 100 can be checked; null while the unit is incomplete.
   */
  normalisation?: { x: number; y: number } | null;
  /** null when the bonus typed cannot be read (the reason is among the problems). */
  bonus: number | null;
  final: number | null;
  band: string | null;
  rank: number | null;
  labels: string[];
  problems: string[];
}

export interface ScoreJson {
  rubric: { id: string; version: string; hash: string };
  units: ScoreJsonUnit[];
}

const SEVERITY: Record<Problem['severity'], string> = { error: '错误', missing: '未填', warning: '提示' };

/** Roster-level problems about a named unit (duplicate names, ranking overlaps) belong to that unit. */
function split(result: RosterResult) {
  const names = new Set(result.units.map((u) => u.name));
  const byUnit = new Map<string, Problem[]>();
  const general: Problem[] = [];
  for (const p of result.problems) {
    if (names.has(p.unit)) byUnit.set(p.unit, [...(byUnit.get(p.unit) ?? []), p]);
    else general.push(p);
  }
  const problemsOf = (u: RankedUnit) => [...(byUnit.get(u.name) ?? []), ...u.problems];
  return { general, problemsOf };
}

export function toScoreJson(loaded: ResolvedRubric, result: RosterResult): { json: ScoreJson; general: Problem[] } {
  const { general, problemsOf } = split(result);
  const units = result.units.map((u) => ({
    name: u.name,
    group: u.group,
    items: Object.fromEntries(Object.entries(u.items).map(([id, it]) => [id, { score: it.score, reason: it.reason }])),
    categories: Object.fromEntries(Object.entries(u.categories).map(([id, c]) => [id, c.score])),
    base: u.base,
    ...(loaded.rubric.aggregation.mode === 'normalised' ? { normalisation: u.normalisation ?? null } : {}),
    ...(loaded.rubric.aggregation.mode === 'blocks' ? { blocks: u.blocks ?? null } : {}),
    bonus: u.bonus,
    final: u.final,
    band: u.band,
    rank: u.rank,
    labels: u.labels,
    problems: problemsOf(u).map((p) => p.message),
  }));
  const { rubric, hash } = loaded;
  return { json: { rubric: { id: rubric.id, version: rubric.version, hash }, units }, general };
}

function statusText(problems: Problem[]): string {
  if (problems.some((p) => p.severity === 'error')) return '有误';
  if (problems.some((p) => p.severity === 'missing')) return '未填完';
  return '不计分';
}

function rubricTitle(r: Rubric): string {
  const annex = r.annex.number === null ? '' : ` 附件${r.annex.number}`;
  return `${r.city} ${r.year}${annex}《${r.annex.title}》${r.documentNumber ? ` ${r.documentNumber}` : ''}`;
}

export function formatScoreReport(loaded: ResolvedRubric, result: RosterResult): string {
  const { rubric } = loaded;
  const { general, problemsOf } = split(result);
  const groupOrder = rubric.ranking.groups.map((g) => g.id);
  const order = result.units
    .map((u, i) => ({ u, i }))
    .sort((a, b) => {
      const ga = groupOrder.indexOf(a.u.group);
      const gb = groupOrder.indexOf(b.u.group);
      if (ga !== gb) return (ga < 0 ? Infinity : ga) - (gb < 0 ? Infinity : gb);
      const ra = a.u.rank ?? Infinity;
      const rb = b.u.rank ?? Infinity;
      return ra !== rb ? ra - rb : a.i - b.i;
    })
    .map((x) => x.u);
  const d = rubric.rounding.decimals;
  const rows = order.map((u) => {
    const ps = problemsOf(u);
    return [
      u.name,
      u.group,
      u.final === null ? statusText(ps) : u.final.toFixed(d),
      u.band ?? '-',
      u.rank ?? '-',
      u.labels.join('、') || '-',
      ps.length,
    ];
  });
  const table = formatTable(['单位', '分组', '得分', '等次', rankLabel(rubric), '标注', '问题数'], rows, {
    align: ['left', 'left', 'right', 'left', 'right', 'left', 'right'],
  });

  const all = [...general, ...order.flatMap(problemsOf)];
  const scored = result.units.filter((u) => u.final !== null).length;
  const count = (s: Problem['severity']) => all.filter((p) => p.severity === s).length;
  const lines = [`评分细则：${rubricTitle(rubric)}（${rubric.id} ${rubric.version}）`, '', table, ''];
  lines.push(
    `共 ${result.units.length} 个单位，已计分 ${scored} 个，未计分 ${result.units.length - scored} 个；` +
      (all.length === 0
        ? '没有问题。'
        : `问题 ${all.length} 条（错误 ${count('error')}，未填 ${count('missing')}，提示 ${count('warning')}）：`),
  );
  for (const p of all) lines.push(`  [${SEVERITY[p.severity]}] ${p.message}`);
  return `${lines.join('\n')}\n`;
}

function checkFileRubric(file: string, declared: string | undefined, version: string | undefined, rubric: Rubric, io: CliIo) {
  if (declared !== undefined && declared !== rubric.id)
    throw new CliError(
      `单位文件「${file}」是为评分细则「${declared}」准备的，与「${rubric.id}」不符（检查命令中的细则，或删除文件中的 "rubric"）`,
    );
  if (version !== undefined && version !== rubric.version)
    io.err(`提示：单位文件「${file}」按评分细则 ${version} 版准备，当前为 ${rubric.version} 版，请核对输入项\n`);
}

export const scoreCommand: Command = {
  name: 'score',
  summary: '按细则为单位文件中的各单位计分、定等次和排名',
  positionals: [
    { name: '<细则>', description: '内置细则 id（见 credit-score rubrics），或评分细则 JSON 文件路径' },
    { name: '<单位文件.json>', description: '{"units": [{name, group, inputs, notApplicable, bonus, fraud}]}，可由 template 生成' },
  ],
  options: {
    json: { type: 'boolean', description: '输出 JSON（rubric、units，每个单位的各项得分、理由、总分、等次、名次、问题）' },
    param: {
      type: 'string',
      description: '信用办设定的参数（细则的 parameters），如 "points-1=8;points-2@县区=6"；覆盖单位文件中 "parameters" 的同名值',
    },
  },
  help: [
    '例：credit-score score hengdong-2020-members examples/hengdong-2020-members.json',
    '有问题的单位也会列出（不计分），退出码仍为 0；文件无法使用时退出码为 2。',
  ],
  run({ positionals, options }, io) {
    const loaded = resolveRubric(positionals[0], io.cwd);
    const file = readUnitsFile(positionals[1], io.cwd);
    checkFileRubric(positionals[1], file.rubric, file.version, loaded.rubric, io);
    // The office's parameters: the units file's, then --param over them.
    const parameters = { ...file.parameters, ...(typeof options.param === 'string' ? parseParamOption(options.param) : {}) };
    const result = scoreRoster(loaded.rubric, file.units, parameters);
    if (options.json) {
      const { json, general } = toScoreJson(loaded, result);
      io.out(`${JSON.stringify(json, null, 2)}\n`);
      for (const p of general) io.err(`[${SEVERITY[p.severity]}] ${p.message}\n`);
    } else {
      io.out(formatScoreReport(loaded, result));
    }
    return 0;
  },
};
