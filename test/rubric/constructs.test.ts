/**
 * Load-time validation of the optional rubric constructs (issue 12.3, issue 16.1): each mistake is
 * refused with the JSON path and a fix in Chinese. Scoring of each construct: test/scoring/constructs.test.ts.
 */
import { parseRubricData, formatRubricError } from '../../src/rubric/load';
import { loadBuiltin } from '../../src/rubric/catalog';

/** A shipped rubric as plain data, to be changed by each test. */
const base = (id = 'hegang-2022-counties') => JSON.parse(JSON.stringify(loadBuiltin(id).rubric));

function errorsOf(data: unknown): string[] {
  const r = parseRubricData(data, 'x.json');
  return r.ok ? [] : r.errors.map(formatRubricError);
}

describe('percent field smallValues', () => {
  it('is only meaningful with bare "percent"', () => {
    const d = base();
    const f = d.categories[1].indicators.find((i: { id: string }) => i.id === '二.5').fields[0];
    expect(f.smallValues).toBe(true); // 鹤岗 二.5: threshold 1 %, values under 1 % are real
    f.bare = 'fraction';
    expect(errorsOf(d)).toEqual([
      'x.json: categories[1].indicators[4].fields[0].smallValues: 输入项「share」按小数读（bare: fraction），smallValues 不起作用。 修改：删除 smallValues，或把 bare 改为 "percent"。',
    ]);
  });
});
