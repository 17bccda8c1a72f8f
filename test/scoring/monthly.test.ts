/**
 * Monthly tracking (issue 16, point 11; 朝阳 第六条 按月跟踪考核、年终综合评定): an item scored each
 * month, the annual score from the months as the rubric declares (average or sum), a month not
 * yet assessed 未考核 (never 0) keeping the item pending and the unit unfinished. Rubric:
 * test/rubric/constructs/monthly.json (made up, not any city's).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatRubricError, parseRubricData, parseRubricText } from '../../src/rubric/load';
import { scoreRoster, type UnitInput } from '../../src/scoring/score';
import type { RawValue } from '../../src/scoring/values';

const text = readFileSync(join(__dirname, '../rubric/constructs/monthly.json'), 'utf8');
const rubric = (() => {
  const r = parseRubricText(text, 'monthly.json');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value.rubric;
})();

/** Month fields m1 … m12 from a list (missing months blank). */
const months = (values: RawValue[]) => Object.fromEntries(values.map((v, i) => [`m${i + 1}`, v]));

const 甲: UnitInput = {
  name: '甲',
  inputs: {
    '1': months([10, 10, 9, 9, 8, 8, 10, 10, 9, 9, 8, 8]),
    '2': months([0.5, 0.5, 0, 0.5, 0.5, 0.5, 0.5, 0, 0.5, 0.5, 0.5, 0.5]),
  },
};

describe('monthly tracking', () => {
  it('averages the 12 months of one item and sums the months of another', () => {
    const u = scoreRoster(rubric, [甲]).units[0];
    // 1: (10 + 10 + 9 + 9 + 8 + 8 + 10 + 10 + 9 + 9 + 8 + 8) ÷ 12 = 108 ÷ 12 = 9.
    expect(u.items['1']).toMatchObject({
      score: 9,
      reason: '12 个月平均：(10 + 10 + 9 + 9 + 8 + 8 + 10 + 10 + 9 + 9 + 8 + 8) ÷ 12 = 9 分',
    });
    // 2: ten months × 0.5 + two × 0 = 5.
    expect(u.items['2']).toMatchObject({
      score: 5,
      reason: '12 个月合计：0.5 + 0.5 + 0 + 0.5 + 0.5 + 0.5 + 0.5 + 0 + 0.5 + 0.5 + 0.5 + 0.5 = 5 分',
    });
    expect([u.final, u.complete]).toEqual([14, true]); // 9 + 5
  });

  it('months not yet assessed are 未考核: never 0, the item pending with its provisional figure, the unit unfinished', () => {
    const 乙: UnitInput = { name: '乙', inputs: { '1': months([9, 8, 10]), '2': 甲.inputs!['2'] } };
    const u = scoreRoster(rubric, [乙]).units[0];
    // 1: (9 + 8 + 10) ÷ 3 = 9 so far; 4月–12月 未考核. Counting them as 0 would give 27 ÷ 12 = 2.25.
    expect(u.items['1']).toMatchObject({
      status: 'incomplete',
      score: null,
      reason: '3 个月平均：(9 + 8 + 10) ÷ 3 = 9 分（暂定）；未考核：4月、5月、6月、7月、8月、9月、10月、11月、12月，年度得分待定',
    });
    expect([u.final, u.complete]).toEqual([null, false]);
    expect(u.problems.map((p) => [p.severity, p.message])).toEqual([
      ['missing', '乙：1 月度信息报送 未考核：4月、5月、6月、7月、8月、9月、10月、11月、12月，年度得分待定'],
    ]);
  });

  it('a month above its points is an input error naming the month, and no number', () => {
    const u = scoreRoster(rubric, [{ ...甲, inputs: { ...甲.inputs, '2': { ...甲.inputs!['2'], m3: 1 } } }]).units[0];
    expect(u.items['2'].status).toBe('invalid');
    expect(u.problems.map((p) => p.message)).toContain('甲：2 月度督办落实 · 3月：1 超过每月最高分 0.5');
  });

  it('the sum is kept within the item points', () => {
    // Every month 0.5 with a 5-point item: 12 × 0.5 = 6 > 5 → 5.
    const d = JSON.parse(text);
    d.categories[0].indicators[1].points = 5;
    d.categories[0].points = 15;
    d.fullMarks = 15;
    d.categories[0].indicators[1].attainableMax = undefined;
    const r = parseRubricData(d, 'x.json');
    expect(r.ok ? [] : r.errors.map(formatRubricError)).toEqual([]);
    if (!r.ok) return;
    const u = scoreRoster(r.value.rubric, [{ ...甲, inputs: { ...甲.inputs, '2': months(Array(12).fill(0.5)) } }]).units[0];
    expect(u.items['2']).toMatchObject({
      score: 5,
      reason: '12 个月合计：0.5 + 0.5 + 0.5 + 0.5 + 0.5 + 0.5 + 0.5 + 0.5 + 0.5 + 0.5 + 0.5 + 0.5 = 6 分，超过本项 5 分，按 5 分计',
    });
  });

  it('load-time: a sum needs monthMax, and the months are score fields', () => {
    const d = JSON.parse(text);
    delete d.categories[0].indicators[1].rule.monthMax;
    d.categories[0].indicators[0].fields[0] = { id: 'm1', label: '1月', type: 'count' };
    const r = parseRubricData(d, 'x.json');
    const errors = r.ok ? [] : r.errors.map(formatRubricError);
    expect(errors).toContain(
      'x.json: categories[0].indicators[1].rule.monthMax: 按月合计（sum）须写明每月最高分 monthMax。 修改：加入 "monthMax"，如每月 0.5 分。',
    );
    expect(errors.some((e) => e.startsWith('x.json: categories[0].indicators[0].rule.months[0]: 输入项「m1」类型为 个数（count）'))).toBe(
      true,
    );
  });
});
