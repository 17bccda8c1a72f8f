/**
 * The very hidden `_cs_meta` sheet: a marker, the metadata JSON and the rubric JSON, split into
 * cell-sized chunks (Excel holds at most 32,767 characters in a cell).
 */
import type { CellValue, WorkbookMeta, WorkbookPlan } from './plan';

export const META_MARKER = 'credit-score-meta/1';
const CHUNK = 30000;

function chunks(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += CHUNK) out.push(s.slice(i, i + CHUNK));
  return out.length ? out : [''];
}

/** Column A of the meta sheet, top to bottom. */
export function metaColumn(plan: Pick<WorkbookPlan, 'meta' | 'rubricJson'>): string[] {
  const meta = chunks(JSON.stringify(plan.meta));
  const rubric = chunks(plan.rubricJson);
  return [META_MARKER, String(meta.length), String(rubric.length), ...meta, ...rubric];
}

export type MetaRead = { ok: true; meta: WorkbookMeta; rubricJson: string } | { ok: false; message: string };

export function readMetaColumn(column: CellValue[]): MetaRead {
  const text = column.map((v) => (v === null || v === undefined ? '' : String(v)));
  if (text[0] !== META_MARKER) return { ok: false, message: '不是本加载项生成的考核工作簿（缺少元数据）' };
  const nMeta = Number(text[1]);
  const nRubric = Number(text[2]);
  if (!Number.isInteger(nMeta) || !Number.isInteger(nRubric) || text.length < 3 + nMeta + nRubric)
    return { ok: false, message: '工作簿的元数据已损坏（分段数不符）' };
  try {
    const meta = JSON.parse(text.slice(3, 3 + nMeta).join('')) as WorkbookMeta;
    const rubricJson = text.slice(3 + nMeta, 3 + nMeta + nRubric).join('');
    // A damaged copy can lose the marker or the version: that is damage, not a version ("undefined").
    if (meta === null || typeof meta !== 'object' || meta.format !== 'credit-score-workbook' || typeof meta.formatVersion !== 'number')
      return { ok: false, message: '工作簿的元数据已损坏（格式标记缺失）' };
    if (meta.formatVersion !== 1) return { ok: false, message: `不支持的工作簿格式版本（${String(meta.formatVersion)}）` };
    return { ok: true, meta, rubricJson };
  } catch {
    return { ok: false, message: '工作簿的元数据已损坏（无法解析）' };
  }
}
