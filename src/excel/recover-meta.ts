/**
 * 恢复元数据 after reopening: a workbook whose very hidden `_cs_meta` sheet is gone but whose sheets
 * still carry the add-in's bindings is recognised, and its metadata is rebuilt from them alone:
 *   - the units: the `CS_U…` defined names and the `u|U…` rows of 汇总 (keys);
 *   - their names and groups: 汇总's 被考核单位 / 分组 columns, else the unit sheet's subtitle line
 *     「被考核单位：X（组）」;
 *   - the rubric: the 细则版本 line of 细则说明, 「<id> v<version>（校验码 <hash>）」, which must match a
 *     rubric shipped with the add-in exactly (id, version and hash): nothing else is guessed;
 *   - protection: whether 汇总 is protected.
 * Reading costs at most four syncs, and only when the metadata sheet is missing.
 */
import { indexBlock } from '../layout/binding';
import { APP_VERSION, META_SHEET, NAME_PREFIX, definedNameFor, type CellValue, type WorkbookMeta } from '../layout/plan';
import { FIXED_SHEETS } from '../layout/workbook-plan';
import { builtinRubricIds, loadBuiltin } from '../rubric/catalog';
import type { Rubric } from '../rubric/schema';
import { sheetNameOf } from './address';
import { queueMetaSheet } from './apply-plan';

export type MetaRecovery = { ok: true; meta: WorkbookMeta; rubricJson: string; message: string } | { ok: false; message: string };

const UNIT_NAME = new RegExp(`^${NAME_PREFIX}(U\\d{4,})$`, 'i');
const SUBTITLE = '被考核单位：';
/** 「hengdong-2020-members v1.0.0（校验码 sha256:…）」 as planInfoSheet prints it. */
const VERSION_LINE = /^(\S+) v(\S+)（校验码 ([^）]+)）$/;

const norm = (v: unknown): CellValue => (v === '' || v === undefined ? null : (v as CellValue));

/** The rubric id, version and hash printed on the 细则版本 line of 细则说明, or null. */
export function printedRubric(values: CellValue[][]): { id: string; version: string; hash: string } | null {
  for (const row of values) {
    if (row[0] !== '细则版本' || typeof row[1] !== 'string') continue;
    const m = VERSION_LINE.exec(row[1].trim());
    if (m) return { id: m[1], version: m[2], hash: m[3] };
  }
  return null;
}

/** 「被考核单位：县公安局（成员单位）　　…」 → name and group id, given the rubric's group labels. */
export function parseSubtitle(text: unknown, rubric: Rubric): { name: string; group: string } | null {
  if (typeof text !== 'string' || !text.startsWith(SUBTITLE)) return null;
  const end = text.indexOf('　　');
  const both = (end < 0 ? text : text.slice(0, end)).slice(SUBTITLE.length);
  for (const g of rubric.ranking.groups) {
    const tail = `（${g.label}）`;
    if (both.endsWith(tail) && both.length > tail.length) return { name: both.slice(0, -tail.length), group: g.id };
  }
  return null;
}

/**
 * Looks for the add-in's bindings in a workbook that has no metadata sheet. null: there are none
 * (not a workbook the add-in made). Otherwise either the metadata rebuilt from the sheets, or why not.
 */
export async function probeLostMeta(context: Excel.RequestContext): Promise<MetaRecovery | null> {
  const names = context.workbook.names.load('items/name');
  await context.sync();
  const ours = new Set(names.items.map((n) => n.name.toUpperCase()).filter((n) => n.startsWith(NAME_PREFIX)));
  const unitKeys = new Set([...ours].map((n) => UNIT_NAME.exec(n)?.[1]).filter((k): k is string => k !== undefined));
  if (!ours.has(definedNameFor('SUMMARY')) && unitKeys.size === 0) return null;

  const block = (key: string) => {
    if (!ours.has(definedNameFor(key))) return null;
    const range = context.workbook.names.getItem(definedNameFor(key)).getRangeOrNullObject();
    range.load('values,address');
    return range;
  };
  const summary = block('SUMMARY');
  let info = block('INFO');
  // eslint-disable-next-line office-addins/test-for-null-using-isNullObject -- info is a JS null when the name is absent; its null object is tested below
  const infoSheet = info ? null : context.workbook.worksheets.getItemOrNullObject(FIXED_SHEETS.info);
  await context.sync();

  // 细则说明 by its name, else by its sheet name.
  // eslint-disable-next-line office-addins/test-for-null-using-isNullObject -- info may be a JS null (no such name) or a null object: both are tested
  let infoValues = info && !info.isNullObject ? info.values : null;
  if (!infoValues && infoSheet && !infoSheet.isNullObject) {
    info = infoSheet.getUsedRangeOrNullObject(true);
    info.load('values');
    await context.sync();
    infoValues = info.isNullObject ? null : info.values;
  }
  const printed = infoValues ? printedRubric(infoValues.map((r) => r.map(norm))) : null;
  if (!printed)
    return {
      ok: false,
      message: `隐藏的元数据表不见了，工作表中仍有本加载项的标记，但「${FIXED_SHEETS.info}」表中找不到「细则版本」一行，无法确定按哪份评分细则计分，因此不能恢复元数据。请用原来的评分细则重新生成评分表，再把填写内容复制过去。`,
    };
  const shipped = builtinRubricIds.includes(printed.id) ? loadBuiltin(printed.id) : null;
  if (!shipped || shipped.rubric.version !== printed.version || shipped.hash !== printed.hash)
    return {
      ok: false,
      message: `隐藏的元数据表不见了。「${FIXED_SHEETS.info}」记载本工作簿按评分细则 ${printed.id} v${printed.version}（校验码 ${printed.hash}）生成，但加载项内置的细则中没有与之完全相同的版本${shipped ? `（内置的是 v${shipped.rubric.version}，校验码 ${shipped.hash}）` : ''}，因此不能恢复元数据：加载项不会猜测按哪份细则计分。请用原来的评分细则重新生成评分表，再把填写内容复制过去。`,
    };
  const rubric = shipped.rubric;

  // Units from 汇总: key, name and group label.
  const found = new Map<string, { name: string; group: string }>();
  const problems: string[] = [];
  let summarySelf = false;
  if (summary && !summary.isNullObject) {
    const values = summary.values.map((r) => r.map(norm));
    const idx = indexBlock(values);
    const unitCol = idx.ok ? idx.index.cols.get('unit') : undefined;
    const groupCol = idx.ok ? idx.index.cols.get('group') : undefined;
    // 汇总 laid out with the office's 自评 columns (WorkbookMeta.summarySelf): the choice is kept.
    summarySelf = idx.ok && idx.index.cols.has('selfTotal');
    if (idx.ok && unitCol !== undefined && groupCol !== undefined)
      for (const [rowKey, row] of idx.index.rows) {
        if (!rowKey.startsWith('u|')) continue;
        const key = rowKey.slice(2);
        unitKeys.add(key);
        const name = values[row][unitCol];
        const label = values[row][groupCol];
        const group = rubric.ranking.groups.find((g) => g.label === label);
        if (typeof name === 'string' && name.trim() && group) found.set(key, { name: name.trim(), group: group.id });
      }
  }
  // Units not found there: from their own sheet's subtitle line (a 50-sheet chunk per sync).
  const rest = [...unitKeys].filter((k) => !found.has(k)).sort();
  const CHUNK = 50;
  for (let i = 0; i < rest.length; i += CHUNK) {
    const reads = rest.slice(i, i + CHUNK).map((key) => ({ key, range: block(key) }));
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 50 sheets: a response is limited to 5 MB (Excel on the web)
    await context.sync();
    for (const { key, range } of reads) {
      const unit = range && !range.isNullObject ? parseSubtitle(range.values[2]?.[0], rubric) : null;
      if (unit) found.set(key, unit);
      else problems.push(key);
    }
  }
  if (found.size === 0)
    return {
      ok: false,
      message:
        '隐藏的元数据表不见了，工作表中仍有本加载项的标记，但「汇总」表和各单位评分表中都找不到被考核单位的名称和分组，因此不能恢复元数据。请重新生成评分表。',
    };

  // Protection: the add-in must unprotect to write if the workbook was made with protected sheets.
  let protectComputed = false;
  if (summary && !summary.isNullObject) {
    const protection = context.workbook.worksheets.getItem(sheetNameOf(summary.address)).protection.load('protected');
    await context.sync();
    protectComputed = protection.protected;
  }

  const units = [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, u]) => ({ key, name: u.name, group: u.group }));
  const meta: WorkbookMeta = {
    format: 'credit-score-workbook',
    formatVersion: 1,
    rubric: { id: rubric.id, version: rubric.version, hash: shipped.hash },
    units,
    createdAt: new Date().toISOString(),
    appVersion: APP_VERSION,
    ...(protectComputed ? { protectComputed: true } : {}),
    ...(summarySelf ? { summarySelf: true } : {}),
  };
  const lost = problems.length ? `；${problems.length} 个单位（${problems.join('、')}）的评分表和汇总行都已不在，无法恢复，将不再计分` : '';
  return {
    ok: true,
    meta,
    rubricJson: JSON.stringify(rubric),
    message: `隐藏的元数据表（本工作簿由本加载项生成的标记）不见了，因此尚未计分。工作表中仍有本加载项的标记：可在任务窗格中点「恢复元数据」，按「${FIXED_SHEETS.info}」记载的评分细则 ${rubric.id} v${rubric.version} 和找到的 ${units.length} 个被考核单位重建它，之后照常计分${lost}。`,
  };
}

/** Writes the recovered metadata sheet (nothing if one has appeared since). Two syncs. */
export async function writeRecoveredMeta(recovery: Extract<MetaRecovery, { ok: true }>): Promise<void> {
  await Excel.run(async (context) => {
    const existing = context.workbook.worksheets.getItemOrNullObject(META_SHEET);
    await context.sync();
    if (!existing.isNullObject) return;
    queueMetaSheet(context, recovery);
    await context.sync();
  });
}
