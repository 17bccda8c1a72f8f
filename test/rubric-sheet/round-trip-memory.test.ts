/** Every shipped rubric → definition sheets (as data) → rubric: the same rubric, marked as the office's own. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRubricText } from '../../src/rubric/load';
import { canonicalJson } from '../../src/rubric/hash';
import { definitionValues, rubricFromDefinition, rubricToDefinition } from '../../src/layout/rubric-sheet';

const DIR = join(__dirname, '../../rubrics');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'rubric.schema.json');

/** What the sheet does not carry: the editor's $schema pointer; and the origin mark it adds. */
export const normalise = (r: object) => {
  const { $schema: _s, origin: _o, ...rest } = r as Record<string, unknown>;
  return JSON.parse(canonicalJson(rest));
};

describe.each(files)('%s', (file) => {
  const loaded = parseRubricText(readFileSync(join(DIR, file), 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  const original = loaded.value.rubric;

  it('reads back deep-equal from the sheet values, marked origin "office"', () => {
    const back = rubricFromDefinition(definitionValues(rubricToDefinition(original)));
    if (!back.ok) throw new Error(JSON.stringify(back.errors, null, 1));
    expect(back.rubric.origin).toBe('office');
    expect(normalise(back.rubric)).toEqual(normalise(original));
  });
});
