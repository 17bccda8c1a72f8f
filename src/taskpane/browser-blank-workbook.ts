/**
 * 生成评分表 in a plain browser: the same blank workbook the command line's `workbook` command writes
 * (src/xlsx/blank-workbook.ts: validation, formats, hidden metadata), downloaded. Loaded with import()
 * together with exceljs, only when the button is pressed.
 */
import type { LoadedRubric } from '../rubric/load';
import { blankWorkbook } from '../xlsx/blank-workbook';
import { downloadBlob } from '../xlsx/download';
import type { CreateOptions, RosterEntry } from './controller';

/** The file name offered: 「<市县><年度>信用考核评分表.xlsx」, from the rubric's own city and year. */
export function blankFileName(loaded: LoadedRubric): string {
  const { city, year } = loaded.rubric;
  return `${city}${year}信用考核评分表.xlsx`.replace(/[\\/:*?"<>|]/g, '');
}

export async function downloadBlankWorkbook(loaded: LoadedRubric, roster: RosterEntry[], options: CreateOptions): Promise<string> {
  const { buffer } = await blankWorkbook(loaded, roster, { protectComputed: options.protectComputed });
  const name = blankFileName(loaded);
  downloadBlob(name, buffer);
  return name;
}
