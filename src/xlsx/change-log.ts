/**
 * 变更记录: one row per value changed (time, unit, item, field, column, old → new, source, file).
 * The sheet is only ever appended to: rows are added after the last used row and no existing row is
 * read back, rewritten or removed, so it survives save and reopen in any program as the record of
 * who changed what. Sources: 自评导入 (collect); the live session's 手工修改 and 恢复 are not
 * written here (see docs/cli.md).
 */
import { NOT_APPLICABLE_FIELD } from '../layout/plan';
import { SELF_ROLES } from '../layout/self-assessment';
import type { Rubric } from '../rubric/schema';
import type { Workbook, Worksheet } from './exceljs';

export const CHANGE_LOG_SHEET = '变更记录';
const HEADERS = ['时间', '单位', '指标', '填报项目', '栏目', '原值', '新值', '来源', '文件'] as const;
const WIDTHS = [20, 20, 30, 28, 10, 16, 16, 10, 28];

export interface ChangeRow {
  unit: string;
  /** 「3.2 信用承诺」 */
  item: string;
  /** The field's label, 本项不涉及, 加分 or 佐证材料. */
  field: string;
  /** 自评填报, 核定填报 or 佐证材料. */
  column: string;
  old: string;
  now: string;
  file?: string;
}

/** An input's item and field in words, for the log. */
export function describeField(rubric: Rubric, indicatorId: string, fieldId: string): { item: string; field: string } {
  if (indicatorId === '@bonus') return { item: '加分', field: '加分' };
  for (const cat of rubric.categories)
    for (const ind of cat.indicators)
      if (ind.id === indicatorId) {
        const item = ind.id === cat.id ? `${cat.number} ${cat.name}` : `${ind.id} ${ind.name}`;
        if (fieldId === NOT_APPLICABLE_FIELD) return { item, field: '本项不涉及' };
        if (fieldId === SELF_ROLES.evidence) return { item, field: '佐证材料' };
        return { item, field: ind.fields.find((f) => f.id === fieldId)?.label ?? fieldId };
      }
  return { item: indicatorId, field: fieldId };
}

function logSheet(wb: Workbook): Worksheet {
  const found = wb.getWorksheet(CHANGE_LOG_SHEET);
  if (found) return found;
  const ws = wb.addWorksheet(CHANGE_LOG_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2' }] });
  const head = ws.getRow(1);
  HEADERS.forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { name: '黑体', size: 10, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
    ws.getColumn(i + 1).width = WIDTHS[i];
  });
  return ws;
}

/** Appends the rows (nothing when there are none: an unchanged workbook gets no sheet). */
export function appendChanges(wb: Workbook, rows: ChangeRow[], time: Date, source: string): void {
  if (rows.length === 0) return;
  const ws = logSheet(wb);
  const stamp = localTime(time);
  let r = ws.actualRowCount === 0 ? 2 : ws.lastRow!.number + 1;
  for (const c of rows) {
    const row = ws.getRow(r++);
    [stamp, c.unit, c.item, c.field, c.column, c.old, c.now, source, c.file ?? ''].forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.numFmt = '@'; // 85% and 3/17 stay the text they were, not a number or a date
    });
  }
}

/** 2026-12-06 10:48:01, the local time of the machine that collected. */
export function localTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
