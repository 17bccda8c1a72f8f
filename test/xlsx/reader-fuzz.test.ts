/**
 * The .xlsx reader over damaged copies of a real filled workbook (fast-check): bytes flipped,
 * the file cut short, parts removed, parts cut, XML garbage put into parts. Whatever the damage,
 * scoreFilledWorkbook (read, score, write both outputs) either succeeds or refuses it with a WorkbookError whose message is Chinese
 * and carries no English internals (exceljs, JSZip, fflate or Node messages); nothing else escapes.
 * Each run also writes both outputs, which is what makes it slow: the reading path alone is fuzzed
 * at 10,000 runs in test/fuzz/xlsx-reader.fuzz.test.ts.
 */
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { unitKey } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import { blankWorkbook } from '../../src/xlsx/blank-workbook';
import { WorkbookError } from '../../src/xlsx/errors';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { fillWorkbook, sampleInputs } from './helpers';

const ENGLISH_INTERNALS = /Cannot|undefined|reading|Error|Bug|unexpected|invalid|is not|of null|Unexpected|Maximum call stack/;

let original: Uint8Array;
let parts: Record<string, Uint8Array>;

beforeAll(async () => {
  const loaded = loadBuiltin('hegang-2022-counties');
  const names = [{ name: '萝北县', group: '县区' }];
  const { buffer } = await blankWorkbook(loaded, names);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  fillWorkbook(wb, [unitKey(0)], sampleInputs(loaded.rubric, names, 5));
  original = new Uint8Array(await wb.xlsx.writeBuffer());
  parts = Object.fromEntries(Object.entries(unzipSync(original)).filter(([n]) => !n.endsWith('/')));
}, 60_000);

type Damage =
  | { kind: 'flip'; at: number[]; value: number }
  | { kind: 'cut'; keep: number }
  | { kind: 'drop'; part: number }
  | { kind: 'cutPart'; part: number; keep: number }
  | { kind: 'garbage'; part: number; at: number; text: string };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc
      .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 })
      .map((xs) => xs.map((x) => Math.floor(x * 1e9))),
    value: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ kind: fc.constant('cut' as const), keep: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => Math.floor(x * 1e9)) }),
  fc.record({ kind: fc.constant('drop' as const), part: fc.nat() }),
  fc.record({
    kind: fc.constant('cutPart' as const),
    part: fc.nat(),
    keep: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => Math.floor(x * 1e9)),
  }),
  fc.record({
    kind: fc.constant('garbage' as const),
    part: fc.nat(),
    at: fc.nat(),
    text: fc.constantFrom(
      '<',
      '>',
      '&',
      '<x>',
      '</worksheet>',
      '<c r="ZZZZ1"><v>1</v></c>',
      '<row r="-1">',
      '"',
      '\u0000',
      '<definedName name="CS_A0001">x</definedName>',
      'r:id="rId999"',
    ),
  }),
);

function apply(d: Damage): Uint8Array {
  const names = Object.keys(parts);
  const pick = (i: number) => names[i % names.length];
  switch (d.kind) {
    case 'flip': {
      const out = original.slice();
      for (const at of d.at) out[at % out.length] = d.value;
      return out;
    }
    case 'cut':
      return original.subarray(0, d.keep % original.length);
    case 'drop': {
      const copy = { ...parts };
      delete copy[pick(d.part)];
      return zipSync(copy);
    }
    case 'cutPart': {
      const name = pick(d.part);
      return zipSync({ ...parts, [name]: parts[name].subarray(0, d.keep % (parts[name].length || 1)) });
    }
    case 'garbage': {
      const name = pick(d.part);
      const text = Buffer.from(parts[name]).toString('utf8');
      const at = d.at % (text.length + 1);
      return zipSync({ ...parts, [name]: new TextEncoder().encode(text.slice(0, at) + d.text + text.slice(at)) });
    }
  }
}

it('damaged workbooks are read or refused in Chinese, never with another exception', async () => {
  await fc.assert(
    fc.asyncProperty(damage, async (d) => {
      try {
        await scoreFilledWorkbook(apply(d), { date: '2026年12月6日' });
      } catch (e) {
        if (!(e instanceof WorkbookError)) throw new Error(`${d.kind}: not a WorkbookError: ${String(e)}`);
        if (ENGLISH_INTERNALS.test(e.message) || !/[\u4e00-\u9fff]/.test(e.message)) throw new Error(`${d.kind}: message ${e.message}`);
      }
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: Number(process.env.FUZZ_SEED ?? 20261206) },
  );
}, 600_000);
