/**
 * Serialises an exceljs workbook to .xlsx bytes with a deflate of our choosing.
 *
 * exceljs' `writeBuffer` renders each part's XML and hands it to JSZip, which deflates with pako
 * (pure JavaScript) in small asynchronous steps: for the 1,000-unit annex that was two thirds of the
 * export. Here exceljs renders the very same parts (its own `write` steps, in its order), and they
 * are deflated by the platform: Node's zlib when the command line registered it (`useNodeZlib`),
 * else the browser's CompressionStream, else fflate. The parts' content is byte for byte what
 * `writeBuffer` writes (test/xlsx/zip-writer.test.ts compares them); only the compressed bytes differ.
 */
import { deflateSync } from 'fflate';
import type { Workbook } from './exceljs';

export interface ZipCodec {
  /** Raw DEFLATE (no zlib header), as a zip entry holds it. */
  deflateRaw(data: Uint8Array): Uint8Array | Promise<Uint8Array>;
  crc32(data: Uint8Array): number;
}

// ------------------------------------------------------------------ codecs

let CRC_TABLE: Uint32Array | null = null;

/** CRC-32 (IEEE), table-driven: for platforms without a native one. */
export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The browser's native deflate (Chromium 103+, Safari 16.4+, Firefox 113+). */
async function compressionStream(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw' as CompressionFormat));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const hasCompressionStream = () => {
  if (typeof CompressionStream !== 'function' || typeof Response !== 'function') return false;
  try {
    new CompressionStream('deflate-raw' as CompressionFormat);
    return true;
  } catch {
    return false;
  }
};

const fallbackCodec = (): ZipCodec => ({
  deflateRaw: hasCompressionStream() ? compressionStream : (data) => deflateSync(data, { level: 6 }),
  crc32,
});

let codec: ZipCodec | null = null;

/** Node: native zlib (the command line and the benchmark register it; the pane never does). */
export function useNodeZlib(zlib: {
  deflateRawSync(data: Uint8Array, options: { level: number }): Uint8Array;
  crc32?: (data: Uint8Array) => number;
}): void {
  codec = { deflateRaw: (data) => zlib.deflateRawSync(data, { level: 6 }), crc32: zlib.crc32 ? (data) => zlib.crc32!(data) : crc32 };
}

// ------------------------------------------------------------------ parts

export interface Part {
  name: string;
  data: Uint8Array;
}

interface PartSink {
  append(data: string | Uint8Array | ArrayBuffer, options: { name: string; base64?: boolean }): void;
}

/** exceljs' own xlsx writer steps (lib/xlsx/xlsx.js `write`), collecting parts instead of zipping. */
interface XlsxInternals {
  prepareModel(model: unknown, options: unknown): void;
  addContentTypes(zip: PartSink, model: unknown): Promise<void>;
  addOfficeRels(zip: PartSink, model: unknown): Promise<void>;
  addWorkbookRels(zip: PartSink, model: unknown): Promise<void>;
  addWorksheets(zip: PartSink, model: unknown): Promise<void>;
  addSharedStrings(zip: PartSink, model: unknown): Promise<void>;
  addDrawings(zip: PartSink, model: unknown): Promise<void>;
  addTables(zip: PartSink, model: unknown): Promise<void>;
  addThemes(zip: PartSink, model: unknown): Promise<void>;
  addStyles(zip: PartSink, model: unknown): Promise<void>;
  addMedia(zip: PartSink, model: unknown): Promise<void>;
  addApp(zip: PartSink, model: unknown): Promise<void>;
  addCore(zip: PartSink, model: unknown): Promise<void>;
  addWorkbook(zip: PartSink, model: unknown): Promise<void>;
}

const encoder = new TextEncoder();

function base64Bytes(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The parts exceljs writes for a workbook, in its order. */
export async function workbookParts(wb: Workbook): Promise<Part[]> {
  const xlsx = wb.xlsx as unknown as XlsxInternals;
  for (const step of ['prepareModel', 'addContentTypes', 'addWorksheets', 'addWorkbook', 'addCore'] as const)
    if (typeof xlsx[step] !== 'function') throw new Error(`exceljs no longer has xlsx.${step}: update src/xlsx/zip-writer.ts`);
  const parts: Part[] = [];
  const sink: PartSink = {
    append(data, options) {
      const bytes =
        typeof data === 'string'
          ? options.base64
            ? base64Bytes(data)
            : encoder.encode(data)
          : data instanceof Uint8Array
            ? data
            : new Uint8Array(data);
      parts.push({ name: options.name, data: bytes });
    },
  };
  const { model } = wb as unknown as { model: unknown };
  xlsx.prepareModel(model, {});
  await xlsx.addContentTypes(sink, model);
  await xlsx.addOfficeRels(sink, model);
  await xlsx.addWorkbookRels(sink, model);
  await xlsx.addWorksheets(sink, model);
  await xlsx.addSharedStrings(sink, model); // always after worksheets
  await xlsx.addDrawings(sink, model);
  await xlsx.addTables(sink, model);
  await Promise.all([xlsx.addThemes(sink, model), xlsx.addStyles(sink, model)]);
  await xlsx.addMedia(sink, model);
  await Promise.all([xlsx.addApp(sink, model), xlsx.addCore(sink, model)]);
  await xlsx.addWorkbook(sink, model);
  return parts;
}

// ------------------------------------------------------------------ zip

/** MS-DOS date and time of a moment (local time, as zip tools show it). */
function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}

/** A zip of the given parts, each deflated by `codec`. */
export async function zipParts(parts: Part[], zipCodec: ZipCodec = codec ?? fallbackCodec(), when = new Date()): Promise<Uint8Array> {
  const { date, time } = dosDateTime(when);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = encoder.encode(part.name);
    const compressed = await zipCodec.deflateRaw(part.data);
    const crc = zipCodec.crc32(part.data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    local.setUint16(6, 0x0800, true); // names are UTF-8
    local.setUint16(8, 8, true); // deflate
    local.setUint16(10, time, true);
    local.setUint16(12, date, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, compressed.length, true);
    local.setUint32(22, part.data.length, true);
    local.setUint16(26, name.length, true);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint16(8, 0x0800, true);
    entry.setUint16(10, 8, true);
    entry.setUint16(12, time, true);
    entry.setUint16(14, date, true);
    entry.setUint32(16, crc, true);
    entry.setUint32(20, compressed.length, true);
    entry.setUint32(24, part.data.length, true);
    entry.setUint16(28, name.length, true);
    entry.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, compressed);
    central.push(new Uint8Array(entry.buffer), name);
    offset += 30 + name.length + compressed.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(offset + centralSize + 22);
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The workbook as .xlsx bytes: exceljs' parts, deflated by the platform. */
export async function serialiseWorkbook(wb: Workbook): Promise<Uint8Array> {
  return zipParts(await workbookParts(wb));
}
