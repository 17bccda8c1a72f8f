/**
 * The annex and the scored workbook are serialised by src/xlsx/zip-writer.ts (exceljs renders the
 * parts, the platform deflates them) instead of exceljs' writeBuffer (JSZip + pako): every part's
 * content must be byte for byte what writeBuffer writes — same cells, styles, merges, print
 * settings — whichever deflate is used, and an independent reader (SheetJS) reads the same.
 */
import * as zlib from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { deflateSync, unzipSync } from 'fflate';
import { loadBuiltin } from '../../src/rubric/catalog';
import { scoreRoster } from '../../src/scoring/score';
import { annexUnits, annexWorkbook } from '../../src/xlsx/annex';
import { crc32, workbookParts, zipParts, type ZipCodec } from '../../src/xlsx/zip-writer';
import { sampleInputs } from './helpers';

const rubric = loadBuiltin('hengdong-2020-members').rubric;
const roster = rubric.defaultRoster!.map((u) => ({ name: u.name, group: u.group }));
const inputs = sampleInputs(rubric, roster, 11);
const units = annexUnits(inputs, scoreRoster(rubric, inputs).units);
const FIXED = new Date('2026-11-24T08:00:00Z');

async function annex() {
  const wb = await annexWorkbook(rubric, units, { date: '2026年11月24日' });
  // docProps/core.xml would otherwise carry the time of each build and write
  wb.created = FIXED;
  wb.modified = FIXED;
  return wb;
}

const files = (zip: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(zip)).filter(([name]) => !name.endsWith('/')));

const codecs: [string, ZipCodec][] = [
  ['Node zlib', { deflateRaw: (d) => zlib.deflateRawSync(d, { level: 6 }), crc32: (d) => zlib.crc32(d) }],
  ['fflate + JavaScript CRC-32', { deflateRaw: (d) => deflateSync(d, { level: 6 }), crc32 }],
  [
    'CompressionStream',
    {
      deflateRaw: async (d) =>
        new Uint8Array(
          await new Response(new Blob([d as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer(),
        ),
      crc32,
    },
  ],
];

describe('serialising with the platform’s deflate', () => {
  let reference: Record<string, Uint8Array>;
  beforeAll(async () => {
    reference = files(new Uint8Array((await (await annex()).xlsx.writeBuffer()) as ArrayBuffer));
  }, 60_000);

  it.each(codecs)('%s: every part is byte for byte what exceljs’ writeBuffer writes', async (_name, codec) => {
    const zip = await zipParts(await workbookParts(await annex()), codec);
    const ours = files(zip);
    expect(Object.keys(ours).sort()).toEqual(Object.keys(reference).sort());
    for (const [name, data] of Object.entries(reference))
      expect({ name, same: Buffer.from(ours[name]).equals(Buffer.from(data)) }).toEqual({ name, same: true });
    // and CRCs in the directory are right: a strict reader (Node's zlib) agrees
    for (const [name, data] of Object.entries(ours))
      expect({ name, crc: zlib.crc32(data) }).toEqual({ name, crc: zlib.crc32(reference[name]) });
  });

  it('an independent reader sees the same cells, merges and print settings', async () => {
    const zip = await zipParts(await workbookParts(await annex()), codecs[0][1]);
    const ref = XLSX.read(Buffer.from(await (await annex()).xlsx.writeBuffer()), { type: 'buffer', cellStyles: true });
    const book = XLSX.read(Buffer.from(zip), { type: 'buffer', cellStyles: true });
    expect(book.SheetNames).toEqual(ref.SheetNames);
    expect(book.SheetNames.length).toBe(2 + roster.length);
    for (const name of book.SheetNames) {
      const a = book.Sheets[name];
      const b = ref.Sheets[name];
      expect(XLSX.utils.sheet_to_json(a, { header: 1, raw: true })).toEqual(XLSX.utils.sheet_to_json(b, { header: 1, raw: true }));
      expect(a['!merges']).toEqual(b['!merges']);
      expect(a['!margins']).toEqual(b['!margins']);
      expect(a['!cols']).toEqual(b['!cols']);
    }
  });

  it('the JavaScript CRC-32 agrees with zlib', () => {
    for (const text of ['', 'a', '考核结果汇总表', 'x'.repeat(100_000)]) {
      const data = new TextEncoder().encode(text);
      expect(crc32(data)).toBe(zlib.crc32(data));
    }
  });
});
