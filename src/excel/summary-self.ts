/**
 * 汇总's 自评 columns in the live workbook (issue 17), where the office chooses them: the choice is
 * written into the very hidden metadata sheet (WorkbookMeta.summarySelf, as file mode and the command
 * line write it, so the workbook carries it to every host), and 汇总 is laid out again from the
 * layout's plan, in the same place and under the same name, with or without 自评总分 | 差值 | 未说明差异
 * after the 核定总分. 汇总 holds only computed cells (nothing typed there is read), so no input is
 * lost; the session fills it in the round that follows (src/excel/session.ts setSummarySelf). The
 * cells themselves come each round from src/layout/summary-self.ts.
 *
 * Three syncs, only when the choice is made: (1) the 汇总 block and the metadata sheet are looked
 * for; (2) their sheet, its place and the metadata column's length; (3) the new 汇总 and the
 * metadata written in one request (more only past the request budget, Batch).
 */
import { metaColumn } from '../layout/meta';
import { META_SHEET, definedNameFor, type WorkbookMeta } from '../layout/plan';
import { planSummaryOf, withSummarySelf } from '../layout/summary-self';
import type { Rubric } from '../rubric/schema';
import { sheetNameOf } from './address';
import { applySheet, PROTECTION_OPTIONS } from './apply-plan';
import { Batch } from './batch';
import type { ApiLevel } from './requirements';

export interface SummaryRebuildInput {
  rubric: Rubric;
  meta: WorkbookMeta;
  /** The rubric exactly as the metadata sheet holds it (written back unchanged). */
  rubricJson: string;
  api: ApiLevel;
  /** The workbook's sheets are protected (WorkbookMeta.protectComputed) and protection works. */
  protect: boolean;
}

/** Records the choice and lays 汇总 out for it; resolves to the new metadata. Rejects in Chinese when 汇总 is gone. */
export async function rebuildLiveSummary(input: SummaryRebuildInput, on: boolean): Promise<WorkbookMeta> {
  const meta = withSummarySelf(input.meta, on);
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const block = context.workbook.names.getItemOrNullObject(definedNameFor('SUMMARY')).getRangeOrNullObject();
    block.load('address');
    const metaSheet = sheets.getItemOrNullObject(META_SHEET);
    await context.sync();
    if (block.isNullObject)
      throw new Error(
        '找不到「汇总」工作表（或其定义名称 CS_SUMMARY），未能设置汇总中的自评列。请先用「重新计分」查看问题清单中的修复办法。',
      );
    if (metaSheet.isNullObject) throw new Error('找不到工作簿的元数据，未能设置汇总中的自评列。请先恢复元数据。');
    const old = sheets.getItem(sheetNameOf(block.address));
    old.load('name,position');
    const used = metaSheet.getUsedRange(true).load('rowCount');
    metaSheet.protection.load('protected');
    await context.sync();

    const batch = new Batch(context);
    const plan = planSummaryOf(input.rubric, meta, old.name);
    // The name goes first: a new one of the same name is added by applySheet.
    context.workbook.names.getItem(definedNameFor('SUMMARY')).delete();
    old.delete();
    const ws = sheets.add(plan.name);
    ws.position = old.position;
    await applySheet(context, batch, ws, plan, input.api);
    if (input.protect) ws.protection.protect(PROTECTION_OPTIONS);
    const column = metaColumn({ meta, rubricJson: input.rubricJson });
    const guarded = metaSheet.protection.protected;
    if (guarded) metaSheet.protection.unprotect();
    metaSheet.getRangeByIndexes(0, 0, column.length, 1).values = column.map((v) => [v]);
    if (used.rowCount > column.length) metaSheet.getRangeByIndexes(column.length, 0, used.rowCount - column.length, 1).clear('Contents');
    if (guarded) metaSheet.protection.protect(PROTECTION_OPTIONS);
    ws.activate();
    await batch.add(8, column);
    await batch.flush();
  });
  return meta;
}
