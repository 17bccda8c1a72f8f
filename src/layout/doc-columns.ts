/**
 * The columns of the document's own table (rubric.table.columns), in the document's order and with
 * its header words, as the unit sheet and the annex show them before the tool's own 填报情况 / 得分 /
 * 计分说明. A rubric without the declaration (made before it existed, or embedded in an old workbook)
 * gets the columns those rubrics always had: 序号 / 考核指标 / 分值 / 考核内容 / 评分标准, and 考核依据 /
 * 考核方式 where some indicator has them.
 */
import type { Category, Indicator, Rubric, TableColumn } from '../rubric/schema';

export function documentColumns(rubric: Rubric): TableColumn[] {
  if (rubric.table) return rubric.table.columns;
  const inds = rubric.categories.flatMap((c) => c.indicators);
  const cols: TableColumn[] = [
    { header: '序号', from: 'number' },
    { header: '考核指标', from: 'name' },
    { header: '分值', from: 'points' },
  ];
  if (inds.some((i) => i.content.trim())) cols.push({ header: '考核内容', from: 'content' });
  if (inds.some((i) => i.criteria.trim())) cols.push({ header: '评分标准', from: 'criteria' });
  if (inds.some((i) => i.basis)) cols.push({ header: '考核依据', from: 'basis' });
  if (inds.some((i) => i.method)) cols.push({ header: '考核方式', from: 'method' });
  return cols;
}

/** Whether the document's table has a column of its own for the item's 扣分 (鹤岗). */
export const declaresDeduction = (rubric: Rubric): boolean => documentColumns(rubric).some((c) => c.from === 'deduction');

/** "一" → "一、", "1" → "1、", "第六条" → "第六条　" (as the documents print their numbers before a text). */
export const numbered = (n: string) => (/^[0-9一二三四五六七八九十百]+$/.test(n) ? `${n}、` : `${n}　`);

/** A category as its heading prints: 「一、工作机制建设（15 分）」. */
export const categoryHeading = (cat: Category) => `${numbered(cat.number)}${cat.name}${cat.points !== null ? `（${cat.points} 分）` : ''}`;

/**
 * The text of one of the document's columns for an indicator; `points` is the maximum to print where
 * the document does not publish one (朝阳: the office's). 扣分 is the tool's figure, not text: null here.
 * An empty cell of the document stays empty.
 */
export function documentCell(
  col: TableColumn,
  ind: Indicator,
  cat: Category,
  points: number | string | null = ind.points,
): string | number | null {
  // A category that is its own single item (鹤岗 四、权益保护) already shows its number in 考核内容.
  const number = col.withNumber && !(col.from === 'content' && ind.id === cat.id);
  const wrap = (text: string) =>
    `${number ? numbered(ind.number) : ''}${text}${col.withPoints && points !== null ? `（${points}分）` : ''}`;
  switch (col.from) {
    case 'number':
      return ind.number;
    case 'name':
      return wrap(ind.name);
    case 'points':
      return points;
    case 'content':
      return wrap(ind.content);
    case 'criteria':
      return ind.criteria;
    case 'basis':
      return ind.basis ?? '';
    case 'method':
      return ind.method ?? '';
    case 'category':
      return categoryHeading(cat);
    case 'extra':
      return ind.extra?.[col.header] ?? '';
    case 'deduction':
      return null;
  }
}

/** A width for a document column, by what it holds (the layouts stretch the text columns to the page). */
export function documentColumnWidth(col: TableColumn, rubric: Rubric): number {
  const inds = rubric.categories.flatMap((c) => c.indicators);
  const longest = (f: (i: Indicator) => string) => Math.max(0, ...inds.map((i) => [...f(i)].length));
  switch (col.from) {
    case 'number':
      return 5;
    case 'points':
      return 5.5;
    case 'deduction':
      return 6.5;
    case 'name':
      return col.withPoints || col.withNumber ? 16 : 13;
    case 'category':
      return 12;
    case 'content':
      return longest((i) => i.content) > 60 ? 24 : 16;
    case 'criteria':
      return 30;
    default: {
      const n =
        col.from === 'extra'
          ? longest((i) => i.extra?.[col.header] ?? '')
          : longest((i) => (col.from === 'basis' ? (i.basis ?? '') : (i.method ?? '')));
      return n === 0 ? 8 : n > 30 ? 16 : 11;
    }
  }
}

/** Columns whose text is long and wraps: they take the spare width of a page. */
export const isTextColumn = (col: TableColumn) =>
  col.from === 'content' || col.from === 'criteria' || col.from === 'category' || (col.from === 'name' && Boolean(col.withPoints));
