/** Writes rubrics/rubric.schema.json from the zod schema, so editors offer completion and checks. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { rubric } from '../src/rubric/schema';

const schema = z.toJSONSchema(rubric, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
schema.title = '社会信用体系建设工作考核评分细则 / Credit assessment rubric';
schema.description =
  'One annex table of one official assessment document. Generated from src/rubric/schema.ts by `npm run schema`; do not edit by hand.';
const out = join(__dirname, '..', 'rubrics', 'rubric.schema.json');
writeFileSync(out, `${JSON.stringify(schema, null, 2)}\n`);
console.log(`wrote ${out}`);
