/** rubrics/rubric.schema.json (for editors) is generated from the zod schema and must not drift from it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { rubric } from '../../src/rubric/schema';

it('rubrics/rubric.schema.json matches src/rubric/schema.ts (run `npm run schema` after changing the schema)', () => {
  const published = JSON.parse(readFileSync(join(__dirname, '../../rubrics/rubric.schema.json'), 'utf8'));
  delete published.title;
  delete published.description;
  expect(published).toEqual(JSON.parse(JSON.stringify(z.toJSONSchema(rubric, { io: 'input', unrepresentable: 'any' }))));
});
