/**
 * Checks a workbook's embedded rubric against the rubric the tool ships with the same id. Same id
 * and version but a different content hash means the rubric in the file was changed (a softened
 * rule, a different maximum): that is reported loudly, the shipped rubric is used by default, and
 * the differences are listed in Chinese (which indicators, fields and rules differ). A different
 * version is an older or newer edition: the embedded one is used, with a warning (as before).
 * Pure: no file access, no host.
 */
import type { LoadedRubric } from './load';
import type { Indicator, Rubric } from './schema';

export type EmbeddedKind = 'same' | 'other-version' | 'modified' | 'not-shipped';

export interface EmbeddedCheck {
  kind: EmbeddedKind;
  /** For 'modified': what differs, one Chinese line each. */
  differences: string[];
}

/** The notice every output carries when a workbook's embedded rubric was modified. */
export const modifiedRubricNotice = (id: string, version: string) => `本工作簿内嵌的评分细则与 ${id} ${version} 不一致`;

const INDICATOR_FIELDS: [keyof Indicator, string][] = [
  ['name', '名称'],
  ['number', '序号'],
  ['points', '分值'],
  ['content', '考核内容'],
  ['criteria', '评分标准'],
  ['basis', '考核依据'],
  ['method', '考核方式'],
  ['extra', '其他列'],
  ['fields', '填报项'],
  ['rule', '评分规则'],
  ['attainableMax', '可得最高分'],
];

const TOP_FIELDS: [keyof Rubric, string][] = [
  ['title', '文件标题'],
  ['documentNumber', '文号'],
  ['fullMarks', '满分'],
  ['aggregation', '计分方式'],
  ['notApplicable', '不涉及的处理'],
  ['bonus', '加分'],
  ['bands', '等次'],
  ['rounding', '取整'],
  ['ranking', '排名与表彰'],
  ['fraud', '弄虚作假的处理'],
  ['table', '表格列'],
  ['defaultRoster', '参评单位名单'],
  ['notes', '说明'],
];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What differs between the shipped rubric and the embedded one, in Chinese, shipped first. */
export function rubricDifferences(shipped: Rubric, embedded: Rubric): string[] {
  const out: string[] = [];
  for (const [k, label] of TOP_FIELDS) if (!same(shipped[k], embedded[k])) out.push(`${label}不同`);
  const indicators = (r: Rubric) => new Map(r.categories.flatMap((c) => c.indicators.map((i) => [i.id, i] as const)));
  const a = indicators(shipped);
  const b = indicators(embedded);
  for (const [id, ind] of a) {
    const other = b.get(id);
    if (!other) {
      out.push(`指标 ${id}「${ind.name}」在内嵌细则中缺失`);
      continue;
    }
    const fields = INDICATOR_FIELDS.filter(([k]) => !same(ind[k], other[k])).map(([, label]) => label);
    if (fields.length) out.push(`指标 ${id}「${ind.name}」的${fields.join('、')}不同`);
  }
  for (const [id, ind] of b) if (!a.has(id)) out.push(`内嵌细则多出指标 ${id}「${ind.name}」`);
  const cats = (r: Rubric) => new Map(r.categories.map((c) => [c.id, c] as const));
  for (const [id, c] of cats(shipped)) {
    const o = cats(embedded).get(id);
    if (o && (o.name !== c.name || o.points !== c.points || o.number !== c.number))
      out.push(`类别 ${c.number}「${c.name}」的名称或分值不同`);
  }
  return out;
}

/** Compares the embedded rubric with the shipped one of the same id (null when the tool ships none). */
export function checkEmbedded(embedded: LoadedRubric, shipped: LoadedRubric | null): EmbeddedCheck {
  if (!shipped) return { kind: 'not-shipped', differences: [] };
  if (shipped.hash === embedded.hash) return { kind: 'same', differences: [] };
  if (shipped.rubric.version !== embedded.rubric.version) return { kind: 'other-version', differences: [] };
  const differences = rubricDifferences(shipped.rubric, embedded.rubric);
  return { kind: 'modified', differences: differences.length ? differences : ['内容不同（校验码不一致）'] };
}
