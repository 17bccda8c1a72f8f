/**
 * The .xlsx reading path (issue 13 point 4) over 10,000 damaged copies of a real filled workbook:
 * src/xlsx/read-workbook.ts `readWorkbook`, i.e. the bounded zip reader and package normalisation
 * (zip-package.ts), exceljs, the metadata and embedded rubric, and every unit's inputs and
 * problems. Writing the outputs is what makes a run expensive, so it is left to
 * test/xlsx/reader-fuzz.test.ts (300 runs of the whole pipeline); this suite runs only the reader.
 *
 * The seed workbook is built and zipped once; each run damages bytes or re-packs the parsed parts
 * without compression (cheap). Whatever the damage:
 * - nothing but a WorkbookError escapes, and its message is Chinese with no English internals and
 *   no 「内部错误」;
 * - no input silently reads as a value the user did not type: wherever a damaged copy gives a field
 *   a valid value (a number, 是/否, an option) as the scoring engine parses it, the undamaged workbook
 *   gives that field the same value, or scoring lists a problem about that field. Damage may blank
 *   a value or make it invalid (scoring then says so, naming unit, indicator and value).
 */
import fc from 'fast-check';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import ExcelJS from 'exceljs';
import { unitKey } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import type { Rubric } from '../../src/rubric/schema';
import { Rational } from '../../src/scoring/rational';
import type { UnitInput } from '../../src/scoring/types';
import { scoreRoster } from '../../src/scoring/score';
import { parseFieldValue, type RawValue } from '../../src/scoring/values';
import { blankWorkbook } from '../../src/xlsx/blank-workbook';
import { WorkbookError } from '../../src/xlsx/errors';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { fillWorkbook, sampleInputs } from '../xlsx/helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const ENGLISH_INTERNALS = /Cannot|undefined|reading|Error|Bug|unexpected|invalid|is not|of null|Unexpected|Maximum call stack|NaN/;

let original: Uint8Array;
let parts: Record<string, Uint8Array>;
let names: string[];
/** The numbers read from the undamaged workbook, by "indicator|field" (and "@bonus"). */
let typed: Map<string, string>;
let rubric: Rubric;

/** A valid value as comparable text ("r:17/2", "b:true", "s:甲"), or null when blank or invalid. */
function validValue(field: Parameters<typeof parseFieldValue>[0], raw: RawValue): string | null {
  const parsed = parseFieldValue(field, raw);
  if (parsed.status !== 'ok') return null;
  const v = parsed.value;
  return v instanceof Rational ? `r:${v.toFraction()}` : `${typeof v}:${String(v)}`;
}

/** Every valid input of a unit as "indicator|field" → its parsed value, and the bonus as typed. */
function inputsOf(u: UnitInput): Map<string, string> {
  const out = new Map<string, string>();
  for (const ind of rubric.categories.flatMap((c) => c.indicators))
    for (const field of ind.fields) {
      const v = validValue(field, u.inputs?.[ind.id]?.[field.id]);
      if (v !== null) out.set(`${ind.id}|${field.id}`, v);
    }
  if (u.bonus !== null && u.bonus !== undefined && String(u.bonus).trim() !== '') out.set('@bonus', String(u.bonus));
  return out;
}

beforeAll(async () => {
  const loaded = loadBuiltin('hegang-2022-counties');
  rubric = loaded.rubric;
  const roster = [{ name: '萝北县', group: '县区' }];
  const { buffer } = await blankWorkbook(loaded, roster);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  fillWorkbook(wb, [unitKey(0)], sampleInputs(loaded.rubric, roster, 5));
  original = new Uint8Array(await wb.xlsx.writeBuffer());
  parts = Object.fromEntries(Object.entries(unzipSync(original)).filter(([n]) => !n.endsWith('/')));
  names = Object.keys(parts).sort();
  const read = await readWorkbook(original);
  typed = new Map([...read.units.flatMap((u, i) => [...inputsOf(u)].map(([k, v]) => [`${i}:${k}`, v] as const))]);
  // Enough typed values for the property to bite: numbers (as fractions) and 是/否 answers.
  expect([...typed.values()].filter((v) => v.startsWith('r:')).length).toBeGreaterThanOrEqual(5);
  expect(typed.size).toBeGreaterThanOrEqual(20);
}, 60_000);

const GARBAGE = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '\u0000',
  '\uFFFE',
  '<x>',
  '</x>',
  '<!--',
  ']]>',
  '<![CDATA[',
  '&bogus;',
  '&#0;',
  '&#x110000;',
  '</worksheet>',
  '</sheetData>',
  '<row r="-1">',
  '<row r="1048577"><c r="A1048577"><v>7</v></c></row>',
  '<c r="ZZZZ1"><v>1</v></c>',
  '<c r="H12" t="n"><v>99</v></c>',
  '<c r="H12" t="s"><v>99999</v></c>',
  '<c t="e"><v>#REF!</v></c>',
  '<v>1e308</v>',
  '<v>-0</v>',
  '7',
  '.',
  'E5',
  '<si><t>99</t></si>',
  '</sst>',
  '<sheet name="x" sheetId="99" r:id="rId999"/>',
  '<definedName name="CS_A0001">x</definedName>',
  '<definedName name="CS_U0001">\'萝北县\'!$A$1</definedName>',
  'r:id="rId999"',
  '<Relationship Id="rId1" Type="x" Target="/xl/worksheets/sheet1.xml"/>',
  '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="../../../etc/passwd"/>',
  '<?xml version="1.0"?>',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
  '\uD800',
];

/** Where XML garbage goes: the parts a hostile or broken writer most often gets wrong. */
const XML_TARGETS = [
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/worksheets/sheet2.xml',
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/styles.xml',
];

type Damage =
  | { kind: 'flip'; at: number[]; value: number }
  | { kind: 'cut'; keep: number }
  | { kind: 'drop'; part: number }
  | { kind: 'duplicate'; part: number; cut: number }
  | { kind: 'cutPart'; part: number; keep: number }
  | { kind: 'garbage'; part: number; at: number; text: string }
  | { kind: 'xmlGarbage'; target: number; at: number; text: number }
  | { kind: 'target'; rel: number; style: 'absolute' | 'dotted' | 'outside' | 'missing' | 'backslash' }
  | { kind: 'declaredSize'; entry: number; size: number };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  // Offsets are plain naturals taken modulo the length: fast-check's doubles lean towards 0, which
  // would damage the zip signature almost every time.
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
    value: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ kind: fc.constant('cut' as const), keep: fc.nat() }),
  fc.record({ kind: fc.constant('drop' as const), part: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), part: fc.nat(), cut: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('cutPart' as const), part: fc.nat(), keep: fc.nat() }),
  fc.record({ kind: fc.constant('garbage' as const), part: fc.nat(), at: fc.nat(), text: fc.constantFrom(...GARBAGE) }),
  fc.record({ kind: fc.constant('xmlGarbage' as const), target: fc.nat(), at: fc.nat(), text: fc.nat() }),
  fc.record({
    kind: fc.constant('target' as const),
    rel: fc.nat(),
    style: fc.constantFrom('absolute' as const, 'dotted' as const, 'outside' as const, 'missing' as const, 'backslash' as const),
  }),
  fc.record({
    kind: fc.constant('declaredSize' as const),
    entry: fc.nat(),
    size: fc.constantFrom(0, 1, 0x7fffffff, 0xfffffff0, 0xffffffff, 201 * 1024 * 1024),
  }),
);

const encode = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);
/** Re-packs without compression: damage to the content, not to the deflate streams, is what is tested. */
const stored = (files: Record<string, Uint8Array>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([n, d]) => [n, [d, { level: 0 }]])) as Zippable);

function withText(name: string, edit: (xml: string) => string): Uint8Array {
  return stored({ ...parts, [name]: encode(edit(decode(parts[name] ?? new Uint8Array()))) });
}

/** Offsets of the central directory's file headers in a zip. */
function centralHeaders(zip: Uint8Array): number[] {
  const out: number[] = [];
  for (let at = 0; at + 4 <= zip.length; at++)
    if (zip[at] === 0x50 && zip[at + 1] === 0x4b && zip[at + 2] === 1 && zip[at + 3] === 2) out.push(at);
  return out;
}
let headers: number[];

function apply(d: Damage): Uint8Array {
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
      return stored(copy);
    }
    case 'duplicate': {
      // Two entries with one name: packed under a placeholder name of the same length, then renamed in place.
      const name = pick(d.part);
      const placeholder = name.slice(0, -1) + (name.endsWith('#') ? '%' : '#');
      const copy = parts[name].subarray(0, Math.floor(d.cut * parts[name].length));
      const zip = stored({ ...parts, [placeholder]: copy });
      const from = encode(placeholder);
      const to = encode(name);
      for (let at = 0; at + from.length <= zip.length; at++) if (from.every((b, i) => zip[at + i] === b)) zip.set(to, at);
      return zip;
    }
    case 'cutPart': {
      const name = pick(d.part);
      return stored({ ...parts, [name]: parts[name].subarray(0, d.keep % (parts[name].length + 1)) });
    }
    case 'garbage':
    case 'xmlGarbage': {
      const name = d.kind === 'garbage' ? pick(d.part) : XML_TARGETS[d.target % XML_TARGETS.length];
      const text = d.kind === 'garbage' ? d.text : GARBAGE[d.text % GARBAGE.length];
      return withText(name, (xml) => {
        const at = d.at % (xml.length + 1);
        return xml.slice(0, at) + text + xml.slice(at);
      });
    }
    case 'target': {
      const relsParts = names.filter((n) => n.endsWith('.rels'));
      const name = relsParts[d.rel % relsParts.length];
      return withText(name, (xml) => {
        let n = 0;
        const which = d.rel % Math.max(1, (xml.match(/Target="/g) ?? []).length);
        return xml.replace(/Target="([^"]*)"/g, (all, target: string) => {
          if (n++ !== which) return all;
          const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/^xl\/xl\//, 'xl/');
          const replaced = {
            absolute: `/${path}`,
            dotted: `./${target}`,
            outside: `../../../${target}`,
            missing: `${target}.gone`,
            backslash: target.replace(/\//g, '\\'),
          }[d.style];
          return `Target="${replaced}"`;
        });
      });
    }
    case 'declaredSize': {
      const out = original.slice();
      headers ??= centralHeaders(original);
      const at = headers[d.entry % headers.length] + 24; // uncompressed size
      new DataView(out.buffer).setUint32(at, d.size, true);
      return out;
    }
  }
}

it(`${RUNS} damaged workbooks are read or refused in Chinese, and never yield a value that was not typed`, async () => {
  const started = process.cpuUsage();
  const outcome = { read: 0, refused: 0, flagged: 0 };
  await fc.assert(
    fc.asyncProperty(damage, async (d) => {
      let read;
      try {
        read = await readWorkbook(apply(d));
      } catch (e) {
        if (!(e instanceof WorkbookError)) throw new Error(`${d.kind}: not a WorkbookError: ${e instanceof Error ? e.stack : String(e)}`);
        if (ENGLISH_INTERNALS.test(e.message) || !/[\u4e00-\u9fff]/.test(e.message) || e.message.includes('内部错误'))
          throw new Error(`${d.kind}: message ${e.message}`);
        outcome.refused++;
        return;
      }
      outcome.read++;
      for (const p of read.problems)
        if (ENGLISH_INTERNALS.test(p.message) || p.message.includes('内部错误')) throw new Error(`${d.kind}: problem ${p.message}`);
      read.units.forEach((u, i) => {
        for (const [k, v] of inputsOf(u)) {
          if (typed.get(`${i}:${k}`) === v) continue;
          // A changed value is allowed only when scoring says so about that very field (e.g. a
          // percent whose cell lost its format reads 0.592: 「0.592 是 0.592% 还是 59.2%？」).
          const [indicatorId, fieldId] = k.split('|');
          const said = scoreRoster(rubric, [u]).units[0].problems.find(
            (p) => p.severity !== 'missing' && p.indicatorId === indicatorId && (p.fieldId === undefined || p.fieldId === fieldId),
          );
          if (!said) throw new Error(`${d.kind}: ${u.name} ${k} read as ${v}, typed ${String(typed.get(`${i}:${k}`))}, and nothing said`);
          outcome.flagged++;
        }
      });
    }),
    { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261206) },
  );
  const cpu = process.cpuUsage(started);
  // Both outcomes must occur, or the damage is too weak (or too strong) to test anything.
  expect(outcome.read).toBeGreaterThan(RUNS / 20);
  expect(outcome.refused).toBeGreaterThan(RUNS / 20);
  process.stdout.write(
    `xlsx reader fuzz: ${RUNS} runs, ${outcome.read} read, ${outcome.refused} refused, ${outcome.flagged} values changed and flagged, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU\n`,
  );
}, 600_000);
