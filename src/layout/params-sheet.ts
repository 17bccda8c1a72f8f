/**
 * The 参数 sheet: the one place where the office sets the values a rubric leaves to it
 * (rubric.parameters, src/rubric/parameters.ts), once for every unit, e.g. 朝阳's item points. A
 * managed block like a unit sheet (hidden role row, hidden key column, `CS_PARAMS`), so the values
 * are found again whatever rows or columns are inserted; reading them back is here too, shared by
 * Office.js and .xlsx files. Made only for rubrics that declare parameters.
 */
import { indicatorsUsing, parameterSlots } from '../rubric/parameters';
import type { Rubric } from '../rubric/schema';
import type { ParameterValues } from '../scoring/parameters';
import type { RawValue } from '../scoring/values';
import { rawAt, type SheetIndex } from './binding';
import type { ColumnSpec } from './columns';
import { lineCount, rowHeightFor } from './annex-plan';
import type { CellPlan, CellValue, SheetPlan } from './plan';

export const PARAMS_SHEET_KEY = 'PARAMS';
export const PARAMS_SHEET_NAME = '参数';
export const PARAMS_HEADER_ROW = 2;

/** Row key of a parameter value (`p|<key>`, the key being the parameter id or `id@group`). */
export const paramRowKey = (key: string) => `p|${key}`;

export const hasParameters = (rubric: Rubric): boolean => (rubric.parameters?.length ?? 0) > 0;

function paramColumns(): ColumnSpec[] {
  return [
    { role: 'seq', header: '序号', width: 6 },
    { role: 'name', header: '参数', width: 40 },
    { role: 'input', header: '设定值', width: 10 },
    { role: 'content', header: '用于', width: 60 },
    { role: 'key', header: '键', width: 18, hidden: true },
  ];
}

export function planParamsSheet(rubric: Rubric): SheetPlan {
  const cols = paramColumns();
  const col = (role: ColumnSpec['role']) => cols.findIndex((c) => c.role === role);
  const cells: CellPlan[] = [];
  const rowHeights: Record<number, number> = { 1: 30, [PARAMS_HEADER_ROW]: 22 };
  const lastVisible = cols.length - 2;
  cols.forEach((c, i) => cells.push({ row: 0, col: i, value: c.role, style: 'role' }));
  cells.push({ row: 1, col: 0, value: '参数：由信用办统一设定，所有被考核单位共用（黄色单元格填写）', style: 'title' });
  cols.forEach((c, i) => {
    if (!c.hidden) cells.push({ row: PARAMS_HEADER_ROW, col: i, value: c.header, style: 'header' });
  });
  let row = PARAMS_HEADER_ROW + 1;
  parameterSlots(rubric).forEach((slot, i) => {
    const p = slot.parameter;
    const used = indicatorsUsing(rubric, p.id).map((ind) => `${ind.number} ${ind.name}`);
    const usedText = `${used.join('、')}的分值${slot.group ? `（${slot.group.label}）` : ''}${p.hint ? `。${p.hint}` : ''}`;
    const bounds = `${p.min ?? 0}${p.max !== undefined ? `–${p.max}` : ' 以上'}`;
    cells.push(
      { row, col: col('seq'), value: i + 1, style: 'textCenter' },
      { row, col: col('name'), value: slot.label, style: 'fieldLabel' },
      {
        row,
        col: col('input'),
        value: null,
        style: 'input',
        validation: { kind: 'decimal', min: p.min ?? 0, ...(p.max !== undefined ? { max: p.max } : {}) },
        prompt: `填写分值（${bounds} 分）；不填则相关项目待定`,
      },
      { row, col: col('content'), value: usedText, style: 'text' },
      { row, col: col('key'), value: paramRowKey(slot.key), style: 'key' },
    );
    rowHeights[row] = Math.max(18, rowHeightFor(Math.max(lineCount(slot.label, 40), lineCount(usedText, 60))));
    row++;
  });
  return {
    key: PARAMS_SHEET_KEY,
    kind: 'params',
    name: PARAMS_SHEET_NAME,
    columns: cols.map((c) => ({ width: c.width, hidden: c.hidden })),
    hiddenRows: [0],
    rowHeights,
    cells,
    merges: [{ fromRow: 1, fromCol: 0, toRow: 1, toCol: lastVisible }],
    freezeRows: PARAMS_HEADER_ROW + 1,
    landscape: true,
    block: { rows: row, cols: cols.length },
    tables: [],
    charts: [],
    header: [PARAMS_SHEET_NAME, rubric.documentNumber].filter(Boolean).join('　'),
  };
}

/** The values typed in the 参数 sheet's block, by parameter key (blank cells left out). */
export function readParameterValues(index: SheetIndex, values: CellValue[][], texts?: (string | null)[][]): ParameterValues {
  const out: Record<string, RawValue> = {};
  const input = index.cols.get('input');
  if (input === undefined) return out;
  for (const [key, row] of index.rows) {
    if (!key.startsWith('p|')) continue;
    const raw = rawAt(values, texts, row, input);
    if (raw !== null && raw !== undefined && raw !== '') out[key.slice(2)] = raw;
  }
  return out;
}
