/**
 * 变更记录, the words of its rows: one row per input value changed (time, unit, item, field, column,
 * old → new, source, file). Both hosts append these rows and never rewrite one: files through exceljs
 * (src/xlsx/change-log.ts: collect, file mode), the live workbook through Office.js
 * (src/excel/change-log.ts: the pane's collect, edits typed by hand, values put back).
 */
import { NOT_APPLICABLE_FIELD } from './plan';
import { SELF_ROLES } from './self-assessment';
import { parameterSlots } from '../rubric/parameters';
import type { Rubric } from '../rubric/schema';
import { PARAM_INDICATOR } from './input-equality';

/** 自评导入: a returned 自评表 was collected; 手工修改: typed in the workbook; 恢复: a value put back. */
export type ChangeSource = '自评导入' | '手工修改' | '恢复';

export const CHANGE_LOG_SHEET = '变更记录';
export const CHANGE_LOG_HEADERS = ['时间', '单位', '指标', '填报项目', '栏目', '原值', '新值', '来源', '文件'] as const;
export const CHANGE_LOG_WIDTHS = [20, 20, 30, 28, 10, 16, 16, 10, 28];

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
  if (indicatorId === '@fraud') return { item: '弄虚作假', field: '弄虚作假' };
  // A value of the 参数 sheet (the field id is its key): named by the parameter's label.
  if (indicatorId === PARAM_INDICATOR)
    return { item: '参数', field: parameterSlots(rubric).find((s) => s.key === fieldId)?.label ?? fieldId };
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

/** One row of the sheet, in the order of CHANGE_LOG_HEADERS; every value is text. */
export function changeLogValues(c: ChangeRow, time: Date, source: ChangeSource): string[] {
  return [localTime(time), c.unit, c.item, c.field, c.column, c.old, c.now, source, c.file ?? ''];
}

/** 2026-12-06 10:48:01, the local time of the machine that collected. */
export function localTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
