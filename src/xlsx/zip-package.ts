/**
 * Opens an .xlsx (a zip package) with bounded work, before exceljs sees it.
 *
 * Why not hand the bytes to exceljs directly: its zip reader (JSZip) inflates every part whatever
 * its size (a 1 MB file that inflates to 1 GB took 3.2 GB of memory and was copied into the
 * outputs), and its part lookup only understands relative relationship targets, so every workbook
 * saved by openpyxl (`Target="/xl/worksheets/sheet1.xml"`, exceljs issue 1468) was refused.
 *
 * So the package is read here: the central directory's declared sizes and entry count are checked
 * first, each part is inflated in small steps that stop as soon as it grows past what it declared
 * or past the total limit (declared sizes can lie), parts the scoring workbook never has (images,
 * embedded objects, charts, macros) are left out, and relationship targets are rewritten relative
 * to their source part. The result is a plain map of parts; `storedZip` packs it again, uncompressed,
 * for exceljs.
 */
import { Inflate, zipSync, type Zippable } from 'fflate';
import { WorkbookError } from './errors';
import { crc32 } from './zip-writer';

export interface PackageLimits {
  /** Total inflated bytes of the parts kept. */
  maxInflatedBytes: number;
  /** Entries in the zip's central directory. */
  maxEntries: number;
}

/**
 * Sized for the largest real workbook. Blank 1,000-unit workbooks made by the CLI (2026-12-05):
 * hegang-2022-departments 39.2 MB inflated (5.8 MB on disk), bozhou-2017-counties 38.0 MB,
 * pingdingshan-2020-departments 20.9 MB, each 1,023 parts; filling and scoring adds values, not
 * parts. 200 MB and 10,000 parts leave a margin of 5× in size and 10× in parts
 * (`test/xlsx/zip-package.test.ts` checks the hegang case stays within a third of the limits).
 */
export const DEFAULT_LIMITS: PackageLimits = { maxInflatedBytes: 200 * 1024 * 1024, maxEntries: 10_000 };

export type Parts = Map<string, Uint8Array>;

const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

const damaged = (what: string) => new WorkbookError('damaged', `文件已损坏：${what}`);
const tooLarge = (what: string) => new WorkbookError('too-large', `文件过大，不像考核工作簿，未读取：${what}`);

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/** The central directory's entries, checked against the limits before anything is inflated. */
function centralDirectory(bytes: Uint8Array, limits: PackageLimits): Entry[] {
  // End of central directory record: 22 bytes plus a comment of at most 65,535 bytes.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 65_535; at--)
    if (u32(bytes, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  if (eocd < 0) throw damaged('找不到 zip 目录（文件不完整，可能下载或复制时被截断）');
  const count = u16(bytes, eocd + 10);
  const dirOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw tooLarge('zip64 格式的压缩包（考核工作簿不会用到）');
  if (count > limits.maxEntries) throw tooLarge(`包含 ${count} 个部件，超过上限 ${limits.maxEntries} 个`);
  const decoder = new TextDecoder('utf-8');
  const entries: Entry[] = [];
  let declared = 0;
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw damaged('zip 目录不完整');
    const nameLength = u16(bytes, at + 28);
    const entry: Entry = {
      method: u16(bytes, at + 10),
      crc: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)).replace(/^\/+/, ''),
    };
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (entry.name.endsWith('/')) continue; // a folder
    declared += entry.size;
    if (declared > limits.maxInflatedBytes) throw tooLarge(`解压后超过 ${MB(limits.maxInflatedBytes)}（目录中声明的大小）`);
    entries.push(entry);
  }
  return entries;
}

/**
 * Parts a scoring workbook can have, as exceljs reads them. Everything else (media, embeddings,
 * charts, drawings, printer settings, VBA, custom XML) is dropped: never inflated, never copied
 * into an output. Comments' VML drawings stay: exceljs keeps cell notes through them.
 */
const KEPT = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^docProps\/(app|core)\.xml$/,
  /^xl\/[^/]+\.xml$/, // workbook, styles, sharedStrings (any part name: see renameWorksheets)
  /^xl\/_rels\/[^/]+\.xml\.rels$/,
  /^xl\/worksheets\/[^/]+\.xml$/,
  /^xl\/worksheets\/_rels\/[^/]+\.xml\.rels$/,
  /^xl\/theme\/[^/]+\.xml$/,
  /^xl\/tables\/[^/]+\.xml$/,
  /^xl\/comments\d*\.xml$/,
  /^xl\/drawings\/vmlDrawing\d+\.vml$/,
];
export const isKeptPart = (name: string) => KEPT.some((re) => re.test(name));

/**
 * Inflates one entry and checks its CRC-32: deflate does not notice a changed byte in its data,
 * which could turn a typed 12 into another valid number; the checksum does.
 */
function checkedEntry(bytes: Uint8Array, entry: Entry, budget: number): Uint8Array {
  const data = inflateEntry(bytes, entry, budget);
  if (crc32(data) !== entry.crc) throw damaged(`部件 ${entry.name} 的校验码不符（文件在保存、下载或复制时被改动过）`);
  return data;
}

/** Inflates one entry in 16 KB steps, stopping as soon as it exceeds what it may produce. */
function inflateEntry(bytes: Uint8Array, entry: Entry, budget: number): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw damaged(`部件 ${entry.name} 的位置不对`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw damaged(`部件 ${entry.name} 不完整（文件被截断）`);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw damaged(`部件 ${entry.name} 使用了不支持的压缩方式`);
  const allowed = Math.min(entry.size, budget);
  const out = new Uint8Array(allowed);
  let length = 0;
  const inflate = new Inflate((chunk) => {
    if (length + chunk.length > allowed) {
      if (allowed < entry.size) throw tooLarge(`解压后超过 ${MB(budget + length)}`);
      throw damaged(`部件 ${entry.name} 解压后比目录中声明的 ${entry.size} 字节大（目录被改动过）`);
    }
    out.set(chunk, length);
    length += chunk.length;
  });
  const STEP = 16 * 1024;
  try {
    for (let i = 0; i < data.length; i += STEP) inflate.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    throw damaged(`部件 ${entry.name} 无法解压（压缩数据损坏）`);
  }
  if (length !== entry.size) throw damaged(`部件 ${entry.name} 解压后的大小与目录不符（文件被截断或改动过）`);
  return out;
}

/** Reads the kept parts of a package within the limits. Throws WorkbookError in Chinese. */
export function readPackage(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): Parts {
  const parts: Parts = new Map();
  let total = 0;
  for (const entry of centralDirectory(bytes, limits)) {
    if (!isKeptPart(entry.name)) continue;
    const data = checkedEntry(bytes, entry, limits.maxInflatedBytes - total);
    total += data.length;
    parts.set(entry.name, data);
  }
  return parts;
}

// ------------------------------------------------------------------ relationships

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();
export const text = (parts: Parts, name: string) => {
  const b = parts.get(name);
  return b ? utf8.decode(b) : undefined;
};

/** The folder a relationships part's targets are relative to: `xl/_rels/workbook.xml.rels` → `xl/`. */
function sourceFolder(relsName: string): string {
  return relsName.replace(/_rels\/[^/]*$/, '');
}

/** `xl/worksheets/` + `../tables/t1.xml` → `xl/tables/t1.xml`. */
export function resolveTarget(folder: string, target: string): string {
  if (target.startsWith('/')) return target.replace(/^\/+/, '');
  const out = folder.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The path of `to` relative to `folder` (both package paths). */
function relativeTo(folder: string, to: string): string {
  const from = folder.split('/').filter(Boolean);
  const parts = to.split('/');
  let common = 0;
  while (common < from.length && common < parts.length - 1 && from[common] === parts[common]) common++;
  return [...from.slice(common).map(() => '..'), ...parts.slice(common)].join('/');
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * Every internal relationship target rewritten relative to its source part, following renamed
 * parts; relationships to parts left out (images, charts) removed, as are the sheet elements that
 * pointed at them, so exceljs never looks for them.
 */
function rewriteRelationships(parts: Parts, renamed: Map<string, string>): void {
  for (const name of [...parts.keys()]) {
    if (!name.endsWith('.rels')) continue;
    const folder = sourceFolder(name);
    const xml = text(parts, name)!;
    const dropped: string[] = [];
    const out = xml.replace(/<Relationship\b[^>]*?\/>|<Relationship\b[^>]*>[\s\S]*?<\/Relationship>/g, (tag) => {
      const target = attr(tag, 'Target');
      if (target === undefined || attr(tag, 'TargetMode') === 'External') return tag;
      const path = resolveTarget(folder, target.replace(/&amp;/g, '&'));
      const now = renamed.get(path) ?? path;
      if (!parts.has(now) && !isKeptPart(now)) {
        const id = attr(tag, 'Id');
        if (id) dropped.push(id);
        return '';
      }
      const rel = name === '_rels/.rels' ? now : relativeTo(folder, now);
      return tag.replace(/\bTarget="[^"]*"/, `Target="${rel.replace(/&/g, '&amp;')}"`);
    });
    if (out !== xml) parts.set(name, encoder.encode(out));
    if (dropped.length) dropReferences(parts, name.replace(/_rels\/([^/]*)\.rels$/, '$1'), dropped);
  }
}

/** Removes `<drawing r:id>`, `<picture r:id>`, `<oleObjects>`… elements that pointed at dropped parts. */
function dropReferences(parts: Parts, source: string, ids: string[]): void {
  const xml = text(parts, source);
  if (xml === undefined) return;
  let out = xml;
  for (const id of ids) {
    const quoted = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out
      .replace(new RegExp(`<(\\w+:)?(drawing|picture|legacyDrawingHF|control)\\b[^>]*?r:id="${quoted}"[^>]*?/>`, 'g'), '')
      .replace(new RegExp(`<(\\w+:)?(oleObjects|controls)\\b[\\s\\S]*?</(\\w+:)?\\2>`, 'g'), (block) =>
        block.includes(`"${id}"`) ? '' : block,
      );
  }
  if (out !== xml) parts.set(source, encoder.encode(out));
}

/**
 * exceljs finds worksheets only under the names Excel uses (`xl/worksheets/sheet<N>.xml`) and the
 * workbook only at `xl/workbook.xml`; other writers may name them otherwise. Renames what the
 * package's relationships point at to those names.
 */
function renameParts(parts: Parts): Map<string, string> {
  const renamed = new Map<string, string>();
  const move = (from: string, to: string) => {
    if (from === to || !parts.has(from)) return;
    parts.set(to, parts.get(from)!);
    parts.delete(from);
    renamed.set(from, to);
    const rels = from.replace(/([^/]*)$/, '_rels/$1.rels');
    if (parts.has(rels)) {
      parts.set(to.replace(/([^/]*)$/, '_rels/$1.rels'), parts.get(rels)!);
      parts.delete(rels);
    }
  };
  const root = text(parts, '_rels/.rels');
  if (root === undefined) {
    // A zip with no package relationships: some other archive, unless its content types say spreadsheet.
    if (/spreadsheetml/.test(text(parts, '[Content_Types].xml') ?? '')) throw damaged('缺少包关系部件 _rels/.rels');
    throw new WorkbookError('not-xlsx', '压缩包中没有工作簿部件，不是 .xlsx 工作簿');
  }
  const officeDocument = [...root.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => /\/officeDocument"/.test(t));
  const workbook = officeDocument && attr(officeDocument, 'Target');
  if (!workbook) throw damaged('找不到工作簿部件（_rels/.rels 中没有 officeDocument 关系）');
  const workbookPath = resolveTarget('', workbook);
  if (!parts.has(workbookPath)) throw damaged(`缺少工作簿部件 ${workbookPath}`);
  move(workbookPath, 'xl/workbook.xml');

  const rels = text(parts, 'xl/_rels/workbook.xml.rels');
  if (rels === undefined) throw damaged('缺少工作簿关系部件 xl/_rels/workbook.xml.rels');
  const sheets = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).filter((t) => /\/worksheet"/.test(t));
  const targets = sheets.map((t) => resolveTarget('xl/', attr(t, 'Target') ?? ''));
  const canonical = (p: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p);
  if (targets.every(canonical)) return renamed;
  // Give every worksheet a fresh canonical name (through a temporary name, so none collide).
  targets.forEach((p, i) => move(p, `xl/worksheets/.cs-${i + 1}.xml`));
  targets.forEach((p, i) => {
    move(`xl/worksheets/.cs-${i + 1}.xml`, `xl/worksheets/sheet${i + 1}.xml`);
    renamed.set(p, `xl/worksheets/sheet${i + 1}.xml`);
  });
  return renamed;
}

/** Makes a package that exceljs reads whatever wrote it (see the file header). */
export function normalisePackage(parts: Parts): Parts {
  const renamed = renameParts(parts);
  rewriteRelationships(parts, renamed);
  return parts;
}

/** Packs parts into a zip without compression (exceljs reads it back at once). */
export function storedZip(parts: Parts): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of parts) files[name] = [data, { level: 0 }];
  return zipSync(files);
}
