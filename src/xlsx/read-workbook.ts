/**
 * Reads a filled scoring workbook (.xlsx made by this add-in, filled in Excel, WPS or LibreOffice):
 * the metadata and rubric from `_cs_meta`, then each managed sheet found through its `CS_<key>`
 * defined name (so renamed or moved sheets and inserted rows/columns still work), indexed by its
 * hidden role row and key column, and every unit's inputs. The input bytes are never modified.
 *
 * Scoring uses the rubric EMBEDDED in the workbook; a different built-in version of the same
 * rubric is reported as a problem.
 */
import type { Cell } from 'exceljs';
import { indexBlock, readUnitInputs, type SheetIndex } from '../layout/binding';
import { readMetaColumn } from '../layout/meta';
import { META_SHEET, definedNameFor, type CellValue, type WorkbookMeta } from '../layout/plan';
import { allocateSheetNames } from '../layout/sheet-names';
import { FIXED_SHEETS, reservedSheetNames } from '../layout/workbook-plan';
import { builtinRubricIds, loadBuiltin } from '../rubric/catalog';
import { checkEmbedded, modifiedRubricNotice, type EmbeddedCheck } from '../rubric/compare';
import { formatRubricError, parseRubricText, type LoadedRubric } from '../rubric/load';
import type { Rubric } from '../rubric/schema';
import type { ParameterValues } from '../scoring/parameters';
import type { Problem, UnitInput } from '../scoring/types';
import { hasParameters, PARAMS_SHEET_KEY, PARAMS_SHEET_NAME, readParameterValues } from '../layout/params-sheet';
import { readCell } from './cell-values';
import { WorkbookError } from './errors';
import { unknownStyleElement } from './styles-check';
import { loadExcelJS, type Workbook, type Worksheet } from './exceljs';
import { normalisePackage, readPackage, resolveTarget, storedZip, text, type Parts } from './zip-package';

/** A managed sheet located in the file: its worksheet, the block's top-left (1-based) and index. */
export interface LocatedBlock {
  sheetKey: string;
  worksheet: Worksheet;
  top: number;
  left: number;
  rows: number;
  cols: number;
  index: SheetIndex;
}

export interface ReadWorkbookResult {
  meta: WorkbookMeta;
  /** The rubric exactly as the metadata sheet holds it (written back unchanged when the metadata is rewritten). */
  rubricJson: string;
  /** The embedded rubric, validated, with its content hash. */
  loaded: LoadedRubric;
  rubric: Rubric;
  /** One per meta unit, in roster order. */
  units: UnitInput[];
  unitKeys: string[];
  /** Workbook-level findings (version mismatch, lost names, deleted 汇总/排名). */
  problems: Problem[];
  /** The values of the 参数 sheet (rubric.parameters), by parameter key; {} without parameters. */
  parameters: ParameterValues;
  /** The parsed workbook and its located blocks, for writing the scores back. */
  workbook: Workbook;
  blocks: Map<string, LocatedBlock>;
  /** The 参数 sheet's block, where the rubric has parameters and the sheet was found (its values are an input of 变更记录). */
  paramsBlock?: LocatedBlock;
  /** The embedded rubric against the shipped one (src/rubric/compare.ts); 'modified' adds `notice`. */
  embedded?: EmbeddedCheck & { notice?: string };
}

export interface ReadOptions {
  /** Score with the embedded rubric even where it differs from the shipped one of the same version. */
  useEmbedded?: boolean;
}

export type XlsxInput = ArrayBuffer | Uint8Array;

const warning = (message: string): Problem => ({ severity: 'warning', unit: '', message });

function bytesOf(input: XlsxInput): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

/** Recognises what the file is before handing it to the zip reader. */
function checkSignature(bytes: Uint8Array) {
  const sig = Array.from(bytes.subarray(0, 8));
  if (sig.length >= 4 && sig[0] === 0x50 && sig[1] === 0x4b && (sig[2] === 3 || sig[2] === 5 || sig[2] === 7)) return;
  if (sig.length === 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => sig[i] === b))
    throw new WorkbookError(
      'legacy-or-encrypted',
      '这是旧版 .xls 文件或设置了打开密码的工作簿：请在 Excel 或 WPS 中另存为不加密的 .xlsx 后再试',
    );
  throw new WorkbookError('not-zip', '文件不是 .xlsx 工作簿（无法按 zip 格式打开）：请选择本加载项生成并填写的考核工作簿');
}

/** The root element each XML part must end with; a part cut short (a truncated copy) lacks it. */
function truncatedPart(parts: Parts): string | null {
  for (const [name] of parts) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const xml = text(parts, name)!.trimEnd();
    const root = /<(?!\?|!)([\w:.-]+)/.exec(xml)?.[1];
    if (!root || !(xml.endsWith(`</${root}>`) || xml.endsWith('/>'))) return name;
  }
  return null;
}

/** Worksheet parts the workbook lists but the package lacks, by sheet name. */
function missingSheetParts(parts: Parts): string[] {
  const book = text(parts, 'xl/workbook.xml') ?? '';
  const rels = text(parts, 'xl/_rels/workbook.xml.rels') ?? '';
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const t = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && t) target.set(id, resolveTarget('xl/', t));
  }
  const missing: string[] = [];
  for (const m of book.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1] ?? '?';
    const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const path = rid ? target.get(rid) : undefined;
    if (!path || !parts.has(path)) missing.push(`「${name}」${path ? `（${path}）` : ''}`);
  }
  return missing;
}

/**
 * The styles part carries the number formats: without it a percent typed as 85% (stored 0.85)
 * reads as the bare number 0.85. Such a file (written by a script that drops styles) is still read:
 * the engine refuses a bare number between 0 and 1 in a percent field as two possible readings, and
 * where a field declares values under 1 % plausible (smallValues) the reader withholds it
 * (withheldPercents below), so no number nobody typed is scored.
 */
function stylesPart(parts: Parts): string | null {
  const rels = text(parts, 'xl/_rels/workbook.xml.rels') ?? '';
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const t = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (/\/styles"/.test(m[0]) && t !== undefined && parts.has(resolveTarget('xl/', t))) return resolveTarget('xl/', t);
  }
  return null;
}

export async function loadWorkbook(bytes: Uint8Array): Promise<{ wb: Workbook; stylesMissing: boolean }> {
  checkSignature(bytes);
  // Bounded inflate, media left out, relationship targets made relative (see zip-package.ts).
  // exceljs then reads a private, normalised copy: the caller's bytes stay untouched.
  const parts = normalisePackage(readPackage(bytes));
  if (!parts.has('xl/workbook.xml')) throw new WorkbookError('not-xlsx', '压缩包中没有工作簿部件（xl/workbook.xml），不是 .xlsx 工作簿');
  const missing = missingSheetParts(parts);
  if (missing.length) throw new WorkbookError('damaged', `文件已损坏：工作表 ${missing.slice(0, 3).join('、')} 的内容缺失`);
  const styles = stylesPart(parts);
  if (styles && unknownStyleElement(text(parts, styles)!) !== null)
    throw new WorkbookError('damaged', `文件已损坏：样式部件 ${styles} 中有不属于 .xlsx 格式的内容，无法确定单元格的百分比等数字格式`);
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(storedZip(parts).buffer as ArrayBuffer);
  } catch {
    // exceljs' messages are English internals; say instead which part could not be read.
    const cut = truncatedPart(parts);
    throw new WorkbookError(
      'damaged',
      cut
        ? `文件已损坏：部件 ${cut} 不完整，无法读取（文件可能在保存或复制时被截断）`
        : '文件已损坏：工作簿的 XML 内容无法解析（请用 Excel、WPS 或 LibreOffice 打开后另存为 .xlsx 再试）',
    );
  }
  if (wb.worksheets.length === 0) throw new WorkbookError('not-xlsx', '文件中没有工作表，不是考核工作簿');
  return { wb, stylesMissing: styles === null };
}

/**
 * Without number formats, a bare number of at most 1 in a percent field whose values may be under
 * 1 % (smallValues: 0.7 can mean 0.7 % or 70 %) cannot be read either way: it is withheld (the item
 * stays unfinished) and reported with the unit, indicator and value.
 */
function withheldPercents(rubric: Rubric, unit: UnitInput, problems: Problem[]): void {
  for (const ind of rubric.categories.flatMap((c) => c.indicators))
    for (const f of ind.fields) {
      const values = unit.inputs?.[ind.id];
      const v = values?.[f.id];
      if (f.type !== 'percent' || !f.smallValues || typeof v !== 'number' || v <= 0 || v > 1 || !values) continue;
      values[f.id] = null;
      problems.push({
        severity: 'error',
        unit: unit.name,
        indicatorId: ind.id,
        fieldId: f.id,
        message: `${unit.name}：${ind.id} ${ind.name} · ${f.label}：文件没有样式部件（xl/styles.xml），无法确定单元格中的 ${v} 是 ${v}% 还是 ${Number((v * 100).toPrecision(12))}%，该值未计分；请填写带 % 的值，或用 Excel、WPS、LibreOffice 另存后再计分`,
      });
    }
}

function readMeta(wb: Workbook): { meta: WorkbookMeta; rubricJson: string } {
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws) throw new WorkbookError('no-meta', `不是本加载项生成的考核工作簿（没有隐藏的元数据工作表 ${META_SHEET}）`);
  const column: CellValue[] = [];
  for (let r = 1; r <= ws.rowCount; r++) column.push(readCell(ws.findCell(r, 1)).value);
  const read = readMetaColumn(column);
  if (!read.ok) throw new WorkbookError(read.message.includes('不是本加载项') ? 'no-meta' : 'bad-meta', read.message);
  const units = read.meta.units as unknown;
  const valid =
    Array.isArray(units) &&
    units.length > 0 &&
    units.every((u) => u && typeof u.key === 'string' && typeof u.name === 'string' && typeof u.group === 'string') &&
    read.meta.rubric &&
    typeof read.meta.rubric.id === 'string';
  if (!valid) throw new WorkbookError('bad-meta', '工作簿的元数据已损坏（单位名单或细则信息缺失）');
  return { meta: read.meta, rubricJson: read.rubricJson };
}

/**
 * The last embedded rubric validated, by its exact text: validating takes longer than reading a
 * small workbook (~10 ms), and the same workbook is often read again (the page scoring a file
 * after it was corrected, the fuzz tests). One entry, so memory stays bounded; nothing downstream
 * mutates a loaded rubric.
 */
let lastParsed: { text: string; result: ReturnType<typeof parseRubricText> } | null = null;

function parseEmbedded(rubricJson: string): ReturnType<typeof parseRubricText> {
  if (lastParsed?.text !== rubricJson) lastParsed = { text: rubricJson, result: parseRubricText(rubricJson, '工作簿内嵌的评分细则') };
  return lastParsed.result;
}

function readRubric(
  meta: WorkbookMeta,
  rubricJson: string,
  problems: Problem[],
  options: ReadOptions = {},
): { loaded: LoadedRubric; embedded: EmbeddedCheck & { notice?: string } } {
  const parsed = parseEmbedded(rubricJson);
  if (!parsed.ok) throw new WorkbookError('bad-rubric', `工作簿内嵌的评分细则无效：${formatRubricError(parsed.errors[0])}`);
  const loaded = parsed.value;
  if (loaded.rubric.id !== meta.rubric.id)
    throw new WorkbookError('bad-meta', `工作簿的元数据已损坏（细则 id「${meta.rubric.id}」与内嵌细则「${loaded.rubric.id}」不符）`);
  if (loaded.hash !== meta.rubric.hash)
    problems.push(
      warning(`工作簿元数据中的细则校验码（${meta.rubric.hash}）与内嵌细则（${loaded.hash}）不符：内嵌细则可能被改动过，按内嵌细则计分`),
    );
  const check = checkEmbedded(loaded, builtinRubricIds.includes(loaded.rubric.id) ? loadBuiltin(loaded.rubric.id) : null);
  if (check.kind === 'modified') {
    // Same id and version, different content: said loudly, the shipped rubric used unless asked otherwise.
    const builtin = loadBuiltin(loaded.rubric.id);
    const notice = modifiedRubricNotice(loaded.rubric.id, loaded.rubric.version);
    const used = options.useEmbedded ? '按内嵌细则计分（--use-embedded）' : '按本程序内置的细则计分';
    problems.push({ severity: 'error', unit: '', message: `${notice}：${check.differences.join('；')}。${used}` });
    return options.useEmbedded
      ? { loaded, embedded: { ...check, notice: `${notice}，按内嵌细则计分` } }
      : { loaded: builtin, embedded: { ...check, notice: `${notice}，按内置细则计分` } };
  }
  if (builtinRubricIds.includes(loaded.rubric.id)) {
    const builtin = loadBuiltin(loaded.rubric.id);
    if (builtin.hash !== loaded.hash)
      problems.push(
        warning(
          `版本不一致：工作簿按评分细则「${loaded.rubric.id}」v${loaded.rubric.version}（校验码 ${loaded.hash}）制作，本程序内置的是 v${builtin.rubric.version}（校验码 ${builtin.hash}）；按工作簿内嵌的 v${loaded.rubric.version} 计分`,
        ),
      );
  }
  return { loaded, embedded: check };
}

interface Area {
  sheetName: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const colNumber = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** `'单位1'!$A$1:$K$47`, `Sheet1!$A$1`, `'O''Neil'!A1:B2` → sheet and area; null for anything else. */
export function parseReference(ref: string): Area | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!][^!]*))!\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const r1 = Number(m[4]);
  const c1 = colNumber(m[3]);
  const r2 = m[6] ? Number(m[6]) : r1;
  const c2 = m[5] ? colNumber(m[5]) : c1;
  return { sheetName, top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/**
 * The area of a `CS_<key>` name. Excel and LibreOffice grow a name when rows are inserted inside
 * it; exceljs instead splits it around the inserted rows, so the bounding box of all its parts on
 * one sheet is taken.
 */
function namedArea(wb: Workbook, name: string): Area | null {
  const wanted = name.toLowerCase();
  const entry = (wb.definedNames.model as { name: string; ranges: string[] }[]).find((d) => d.name.toLowerCase() === wanted);
  if (!entry) return null;
  const parts = entry.ranges
    .flatMap((r) => r.split(','))
    .map(parseReference)
    .filter((a): a is Area => a !== null);
  if (parts.length === 0) return null;
  const sheetName = parts[0].sheetName;
  const same = parts.filter((p) => p.sheetName === sheetName);
  return {
    sheetName,
    top: Math.min(...same.map((p) => p.top)),
    left: Math.min(...same.map((p) => p.left)),
    bottom: Math.max(...same.map((p) => p.bottom)),
    right: Math.max(...same.map((p) => p.right)),
  };
}

function readGrid(ws: Worksheet, area: Omit<Area, 'sheetName'>) {
  const values: CellValue[][] = [];
  const texts: (string | null)[][] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    const row: CellValue[] = [];
    const trow: (string | null)[] = [];
    const wsRow = ws.findRow(r);
    for (let c = area.left; c <= area.right; c++) {
      const cell = wsRow ? (wsRow.findCell(c) as Cell | undefined) : undefined;
      const { value, text } = readCell(cell);
      row.push(value);
      trow.push(text);
    }
    values.push(row);
    texts.push(trow);
  }
  return { values, texts };
}

interface SheetRef {
  key: string;
  /** The name the sheet had when the workbook was made (fallback when the defined name is gone). */
  originalName: string;
  label: string;
}

function locate(
  wb: Workbook,
  ref: SheetRef,
  problems: Problem[],
): (LocatedBlock & { values: CellValue[][]; texts: (string | null)[][] }) | null {
  const name = definedNameFor(ref.key);
  let area = namedArea(wb, name);
  let ws = area ? wb.getWorksheet(area.sheetName) : undefined;
  if (!area || !ws) {
    // WPS and scripts sometimes drop names; the sheet may still be there under its original name.
    ws = wb.getWorksheet(ref.originalName);
    if (!ws) return null;
    area = { sheetName: ws.name, top: 1, left: 1, bottom: Math.max(1, ws.rowCount), right: Math.max(1, ws.columnCount) };
    problems.push(warning(`${ref.label}的定义名称 ${name} 已丢失，按工作表名称「${ws.name}」读取`));
  }
  // Rows and columns appended beyond the name (a file edited by a tool that does not move names)
  // cost nothing to read: cells are found by their keys, not their positions.
  const bottom = Math.max(area.bottom, area.top + 1, Math.min(ws.rowCount, area.bottom + 200));
  const right = Math.max(area.right, Math.min(ws.columnCount, area.right + 20));
  const { values, texts } = readGrid(ws, { top: area.top, left: area.left, bottom, right });
  const idx = indexBlock(values);
  if (!idx.ok) throw new WorkbookError('bad-block', `工作表「${ws.name}」无法读取：${idx.message}`);
  return {
    sheetKey: ref.key,
    worksheet: ws,
    top: area.top,
    left: area.left,
    rows: values.length,
    cols: values[0]?.length ?? 0,
    index: idx.index,
    values,
    texts,
  };
}

/** Reads a filled workbook; throws WorkbookError (Chinese message) when the file cannot be used. */
export async function readWorkbook(input: XlsxInput, options: ReadOptions = {}): Promise<ReadWorkbookResult> {
  const { wb, stylesMissing } = await loadWorkbook(bytesOf(input));
  const { meta, rubricJson } = readMeta(wb);
  const problems: Problem[] = [];
  const { loaded, embedded } = readRubric(meta, rubricJson, problems, options);
  const { rubric } = loaded;
  const originalNames = allocateSheetNames(
    meta.units.map((u) => u.name),
    reservedSheetNames(rubric),
  );

  const blocks = new Map<string, LocatedBlock>();
  const units: UnitInput[] = [];
  const missing: string[] = [];
  meta.units.forEach((u, i) => {
    const found = locate(wb, { key: u.key, originalName: originalNames[i], label: `单位「${u.name}」的工作表` }, problems);
    if (!found) {
      missing.push(u.name);
      return;
    }
    const { values, texts, ...block } = found;
    blocks.set(u.key, block);
    const unit = readUnitInputs(rubric, block.index, u.name, u.group, values, texts);
    if (stylesMissing) withheldPercents(rubric, unit, problems);
    units.push(unit);
  });
  if (missing.length)
    throw new WorkbookError(
      'missing-sheet',
      `找不到 ${missing.length} 个单位的工作表：${missing.slice(0, 5).join('、')}${missing.length > 5 ? ' 等' : ''}（工作表被删除了？请用原工作簿重新填写）`,
    );
  for (const [key, label] of [
    ['SUMMARY', FIXED_SHEETS.summary],
    ['RANK', FIXED_SHEETS.rank],
  ] as const) {
    const found = locate(wb, { key, originalName: label, label: `「${label}」工作表` }, problems);
    if (found) {
      const { values: _v, texts: _t, ...block } = found;
      blocks.set(key, block);
    } else problems.push(warning(`找不到「${label}」工作表，计分结果不写入该表`));
  }
  // The office's parameters (朝阳's item points), set once on the 参数 sheet: without the sheet every value is missing.
  let parameters: ParameterValues = {};
  let paramsBlock: LocatedBlock | undefined;
  if (hasParameters(rubric)) {
    const found = locate(wb, { key: PARAMS_SHEET_KEY, originalName: PARAMS_SHEET_NAME, label: `「${PARAMS_SHEET_NAME}」工作表` }, problems);
    if (found) {
      parameters = readParameterValues(found.index, found.values, found.texts);
      const { values: _v, texts: _t, ...block } = found;
      paramsBlock = block;
    } else problems.push(warning(`找不到「${PARAMS_SHEET_NAME}」工作表：由参数设定分值的项目均待定`));
  }
  return {
    meta,
    rubricJson,
    loaded,
    rubric,
    units,
    unitKeys: meta.units.map((u) => u.key),
    problems,
    parameters,
    workbook: wb,
    blocks,
    ...(paramsBlock ? { paramsBlock } : {}),
    embedded,
  };
}
