/** Column sets of each sheet kind, computed from the rubric (考核依据 / 考核方式 only where the document has them). */
import type { Rubric } from '../rubric/schema';
import type { TableColumn } from '../rubric/schema';
import { documentColumns, documentColumnWidth, isTextColumn } from './doc-columns';
import { groupHeading } from './levels-rows';
import type { ColumnRole } from './plan';
import { blockHeader, blocksOf } from './construct-texts';

/**
 * Whether the score sheets carry a 扣分 column: rubrics scored by deduction from a base (鹤岗, whose
 * table has the columns 考核内容 指标明细 评分标准 扣分 备注) show each item's deduction next to its score.
 */
export const showsDeduction = (rubric: Rubric): boolean => rubric.aggregation.mode === 'deduct_from_base';

/** A document that does not rank its units (鹤岗): the ranks are computed for reference only. */
export const ranksForReference = (rubric: Rubric): boolean => rubric.ranking.purpose === 'reference';

/** The rank's label wherever it is shown: 名次, or 参考名次 where the document does not rank. */
export const rankLabel = (rubric: Rubric): string => (ranksForReference(rubric) ? '参考名次' : '名次');

/** Said on the 排名 sheets (and beside a unit's rank) of a document that does not rank. */
export const REFERENCE_RANK_NOTE = '文件未规定排名，名次仅供参考';

/** The line under the title of the 排名 sheets (workbook and annex) of such a document. */
export const REFERENCE_RANK_SHEET_NOTE = `注：${REFERENCE_RANK_NOTE}。`;

/** Width of a rank column: 参考名次 needs four characters on one line. */
export const rankWidth = (rubric: Rubric): number => (ranksForReference(rubric) ? 9 : 6);

export interface ColumnSpec {
  role: ColumnRole;
  header: string;
  width: number;
  hidden?: boolean;
}

export function unitColumns(rubric: Rubric): ColumnSpec[] {
  const doc = documentColumns(rubric);
  const at = doc.findIndex((d) => d.from === 'deduction');
  const docSpec = (d: TableColumn): ColumnSpec => ({
    role: `doc:${d.header}`,
    header: d.header,
    width: Math.max(documentColumnWidth(d, rubric), isTextColumn(d) ? 26 : 0),
  });
  const cols: ColumnSpec[] = [
    ...(at >= 0 ? doc.slice(0, at) : doc).map(docSpec),
    { role: 'label', header: '填报项目', width: 22 },
    { role: 'input', header: '填写值', width: 10 },
    { role: 'score', header: '得分', width: 8 },
    // 扣分 where the document's table has it (鹤岗), or a deduction rubric made before the declaration.
    ...(at >= 0 || showsDeduction(rubric) ? [{ role: 'deduction' as const, header: at >= 0 ? doc[at].header : '扣分', width: 8 }] : []),
    ...(at >= 0 ? doc.slice(at + 1) : []).map(docSpec),
    { role: 'reason', header: '计分说明', width: 34 },
    { role: 'key', header: '键', width: 18, hidden: true },
  ];
  return cols;
}

/** The 汇总 columns the office may add after collecting 自评表 (WorkbookMeta.summarySelf), beside the 核定 total. */
export const SUMMARY_SELF_COLUMNS: readonly ColumnSpec[] = [
  { role: 'selfTotal', header: '自评总分', width: 8 },
  { role: 'selfDifference', header: '差值（核定−自评）', width: 10 },
  { role: 'selfOpen', header: '未说明差异', width: 10 },
];

/** `self`: the 自评 columns follow the total, which then reads 核定总分 (the one it is compared with). */
export function summaryColumns(rubric: Rubric, options: { self?: boolean } = {}): ColumnSpec[] {
  const cols: ColumnSpec[] = [
    { role: 'seq', header: '序号', width: 5 },
    { role: 'unit', header: '被考核单位', width: 22 },
    // Wide enough for the longest group label on two lines (县社会信用体系建设领导小组成员单位).
    {
      role: 'group',
      header: '分组',
      width: Math.min(20, Math.max(10, Math.ceil(Math.max(0, ...rubric.ranking.groups.map((g) => [...g.label].length)) / 2) * 2 + 2)),
    },
  ];
  for (const c of rubric.categories) {
    cols.push({ role: `cat:${c.id}`, header: `${c.number}、${c.name}${c.points !== null ? `（${c.points}分）` : ''}`, width: 10 });
    // Three levels: each 考核指标's subtotal after its category's (group ids are unique among category ids).
    for (const g of c.groups ?? []) cols.push({ role: `cat:${g.id}`, header: groupHeading(g), width: 10 });
  }
  blocksOf(rubric).forEach((b, i) => cols.push({ role: `block:${i}`, header: blockHeader(rubric, b), width: 10 }));
  const baseHeader = rubric.aggregation.mode === 'blocks' ? '加权得分' : rubric.aggregation.mode === 'normalised' ? '折算得分' : '基础得分';
  cols.push({ role: 'base', header: baseHeader, width: 9 });
  if (rubric.bonus.kind !== 'none') cols.push({ role: 'bonus', header: '加分', width: 7 });
  if (options.self) cols.push({ role: 'final', header: '核定总分', width: 9 }, ...SUMMARY_SELF_COLUMNS);
  else cols.push({ role: 'final', header: '最终得分', width: 9 });
  if (rubric.outerScale) cols.push({ role: 'scaled', header: scaledHeader(rubric), width: 10 });
  if (rubric.bands) cols.push({ role: 'band', header: '等次', width: 8 });
  cols.push(
    { role: 'rank', header: rankLabel(rubric), width: rankWidth(rubric) },
    { role: 'labels', header: '表彰/通报', width: 16 },
    { role: 'progress', header: '填写进度', width: 9 },
    { role: 'status', header: '状态', width: 16 },
    { role: 'key', header: '键', width: 10, hidden: true },
  );
  return cols;
}

export function rankColumns(rubric: Rubric): ColumnSpec[] {
  const cols: ColumnSpec[] = [
    { role: 'rank', header: rankLabel(rubric), width: rankWidth(rubric) },
    { role: 'unit', header: '被考核单位', width: 24 },
    { role: 'final', header: '最终得分', width: 10 },
  ];
  if (rubric.bands) cols.push({ role: 'band', header: '等次', width: 8 });
  cols.push({ role: 'labels', header: '表彰/通报', width: 24 });
  // One hidden column per band feeds one chart series each, so bars are coloured by band.
  for (const b of rubric.bands?.list ?? []) cols.push({ role: `bandSeries:${b.label}`, header: b.label, width: 6, hidden: true });
  cols.push({ role: 'key', header: '键', width: 10, hidden: true });
  return cols;
}

export const colIndex = (cols: ColumnSpec[], role: ColumnRole): number => {
  const i = cols.findIndex((c) => c.role === role);
  if (i < 0) throw new Error(`layout bug: no column ${role}`);
  return i;
};

/** The header of the outer-scale column: its label and maximum, 「折合城市信用指数分值（10分）」. */
export const scaledHeader = (rubric: Rubric) => (rubric.outerScale ? `${rubric.outerScale.label}（${rubric.outerScale.max}分）` : '');
