/**
 * 编辑评分细则 in a plain browser: 细则定义.xlsx written (blank or from a rubric) and downloaded, and a
 * filled one read back to cell values for the parser. Loaded with import() together with exceljs,
 * only when the office asks for it.
 */
import { rubricToDefinition, type DefinitionValues } from '../layout/rubric-sheet';
import type { Rubric } from '../rubric/schema';
import { downloadBlob } from '../xlsx/download';
import { isWorkbookError } from '../xlsx/errors';
import { readDefinitionXlsx, writeDefinitionXlsx } from '../xlsx/rubric-sheet-file';

/** 「细则定义-衡东县2020.xlsx」, or 「细则定义.xlsx」 for a blank one. */
export const definitionFileName = (rubric: Rubric | null) =>
  (rubric ? `细则定义-${rubric.city}${rubric.year}.xlsx` : '细则定义.xlsx').replace(/[\\/:*?"<>|]/g, '');

export async function downloadDefinition(rubric: Rubric | null): Promise<string> {
  const name = definitionFileName(rubric);
  downloadBlob(name, await writeDefinitionXlsx(rubricToDefinition(rubric)));
  return name;
}

export async function readDefinitionFile(file: File): Promise<DefinitionValues> {
  try {
    return await readDefinitionXlsx(new Uint8Array(await file.arrayBuffer()));
  } catch (e) {
    throw new Error(isWorkbookError(e) ? e.message : `无法读取「${file.name}」：${e instanceof Error ? e.message : String(e)}`);
  }
}
