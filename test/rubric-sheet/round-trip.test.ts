/**
 * Issue 16 point 4: every rubric in rubrics/ (and the constructs rubrics of test/rubric/constructs),
 * written as the 细则定义 workbook, saved as .xlsx, read back and parsed, is the same rubric (deep-equal
 * once the editor's $schema pointer and the origin mark are set aside), and scores every unit of its
 * examples/<id>.json exactly as the original does. The directories are listed at run time, so rubrics
 * other sessions add or change are covered.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitionValues, rubricFromDefinition, rubricToDefinition } from '../../src/layout/rubric-sheet';
import { canonicalJson } from '../../src/rubric/hash';
import { parseRubricText } from '../../src/rubric/load';
import type { Rubric } from '../../src/rubric/schema';
import { scoreRoster } from '../../src/scoring/score';
import type { UnitInput } from '../../src/scoring/types';
import { readDefinitionXlsx, writeDefinitionXlsx } from '../../src/xlsx/rubric-sheet-file';

const ROOT = join(__dirname, '../..');
const rubricFiles = [
  ...readdirSync(join(ROOT, 'rubrics'))
    .filter((f) => f.endsWith('.json') && f !== 'rubric.schema.json')
    .map((f) => join('rubrics', f)),
  ...readdirSync(join(ROOT, 'test/rubric/constructs'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => join('test/rubric/constructs', f)),
];

/** What the sheet does not carry: the editor's $schema pointer; and the origin mark reading adds. */
const normalise = (r: Rubric) => {
  const { $schema: _s, origin: _o, ...rest } = r;
  return JSON.parse(canonicalJson(rest)) as unknown;
};

function load(file: string): Rubric {
  const loaded = parseRubricText(readFileSync(join(ROOT, file), 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load: ${loaded.errors.map((e) => e.message).join(' ')}`);
  return loaded.value.rubric;
}

async function throughXlsx(r: Rubric): Promise<Rubric> {
  const bytes = await writeDefinitionXlsx(rubricToDefinition(r));
  const back = rubricFromDefinition(await readDefinitionXlsx(new Uint8Array(bytes)));
  if (!back.ok) throw new Error(back.errors.map((e) => `${e.sheet}!${e.cell} ${e.message}`).join('\n'));
  return back.rubric;
}

it('covers the seven shipped rubrics at least', () => {
  expect(rubricFiles.filter((f) => f.startsWith('rubrics')).length).toBeGreaterThanOrEqual(7);
});

describe.each(rubricFiles)('%s', (file) => {
  const original = load(file);

  it('reads back from the sheet values deep-equal, marked as the office’s own', () => {
    const back = rubricFromDefinition(definitionValues(rubricToDefinition(original)));
    if (!back.ok) throw new Error(back.errors.map((e) => `${e.sheet}!${e.cell} ${e.message}`).join('\n'));
    expect(back.rubric.origin).toBe('office');
    expect(normalise(back.rubric)).toEqual(normalise(original));
  });

  it('reads back from the .xlsx file deep-equal and scores every example unit identically', async () => {
    const back = await throughXlsx(original);
    expect(normalise(back)).toEqual(normalise(original));
    const examples = join(ROOT, 'examples', `${original.id}.json`);
    if (!existsSync(examples)) return;
    const units = (JSON.parse(readFileSync(examples, 'utf8')) as { units: UnitInput[] }).units;
    expect(units.length).toBeGreaterThan(0);
    expect(scoreRoster(back, units)).toEqual(scoreRoster(original, units));
  });
});
