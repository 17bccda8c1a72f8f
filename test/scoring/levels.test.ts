/**
 * Three levels (issue 16, point 5): 考核项目 → 考核指标 → 子项. A 考核指标 subtotals its 子项 up to
 * its own points; the category adds the 考核指标 and the indicators outside any. Rubric:
 * test/rubric/constructs/three-levels.json (made up, not any city's).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatRubricError, parseRubricData, parseRubricText } from '../../src/rubric/load';
import { scoreRoster, type UnitInput } from '../../src/scoring/score';

const text = readFileSync(join(__dirname, '../rubric/constructs/three-levels.json'), 'utf8');
const rubric = (() => {
  const r = parseRubricText(text, 'three-levels.json');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value.rubric;
})();

const 甲: UnitInput = {
  name: '甲',
  inputs: {
    '1.1': { done: '是' },
    '1.2': { done: '是' },
    '1.3': { n: 1 },
    '1.4': { score: 2 },
    '1.5': { done: '否' },
    '2.1': { score: 7 },
  },
};
const 乙: UnitInput = {
  name: '乙',
  inputs: {
    '1.1': { done: '是' },
    '1.2': { done: '否' },
    '1.3': { n: 5 },
    '1.4': { score: 1.5 },
    '1.5': { done: '是' },
    '2.1': { score: 8 },
  },
};

describe('three levels: subtotals at each level', () => {
  it('caps a 考核指标 at its points, and the category adds the 考核指标 subtotals', () => {
    const [a, b] = scoreRoster(rubric, [甲, 乙]).units;
    // 甲: （一）3 + 3 = 6 > 5 → 5; （二）1 × 1 = 1, + 2 = 3 of 4; 1.5 否 0; 一 = 5 + 3 + 0 = 8; 二 = 7; total 15.
    expect(a.groups).toEqual({
      '一-1': { score: 5, max: 5, reason: '子项合计 6 分，超过本指标分值 5 分，按 5 分计' },
      '一-2': { score: 3, max: 4, reason: '子项合计 3 分（本指标 4 分）' },
    });
    expect([a.categories['一'], a.categories['二'], a.final]).toEqual([{ score: 8, max: 12 }, { score: 7, max: 8 }, 15]);
    // The 子项 keep their own scores (the cap is the 考核指标's).
    expect([a.items['1.1'].score, a.items['1.2'].score]).toEqual([3, 3]);
    // 乙: （一）3 + 0 = 3; （二）5 × 1 = 5 → cap 2, + 1.5 = 3.5; 1.5 是 3; 一 = 3 + 3.5 + 3 = 9.5; 二 = 8; total 17.5.
    expect([b.groups?.['一-1'].score, b.groups?.['一-2'].score, b.categories['一'].score, b.final]).toEqual([3, 3.5, 9.5, 17.5]);
  });

  it('a 考核指标 with an unfinished 子项 has no subtotal, nor its category, nor the total', () => {
    const u = scoreRoster(rubric, [{ ...甲, inputs: { ...甲.inputs, '1.4': { score: null } } }]).units[0];
    expect(u.groups?.['一-2']).toEqual({ score: null, max: 4, reason: '本指标有未完成的子项' });
    expect(u.groups?.['一-1'].score).toBe(5);
    expect([u.categories['一'].score, u.final]).toEqual([null, null]);
  });

  it('two-level rubrics carry no groups', () => {
    const d = JSON.parse(text);
    delete d.categories[0].groups;
    d.categories[0].points = 13; // 3 + 3 + 2 + 2 + 3
    d.fullMarks = 21;
    const r = parseRubricData(d, 'x.json');
    expect(r.ok).toBe(true);
    const u = scoreRoster(r.ok ? r.value.rubric : rubric, [甲]).units[0];
    // 3 + 3 + 1 + 2 + 0 + 7 = 16: no cap without the 考核指标.
    expect([u.groups, u.final]).toEqual([undefined, 16]);
  });
});

describe('three levels: load-time checks', () => {
  const errorsOf = (d: unknown) => {
    const r = parseRubricData(d, 'x.json');
    return r.ok ? [] : r.errors.map(formatRubricError);
  };
  it('the category points add the 考核指标 points, not the 子项 points', () => {
    const d = JSON.parse(text);
    d.categories[0].points = 13;
    expect(errorsOf(d)).toContain(
      'x.json: categories[0].points: 类别「一 信用制度建设」分值 13 不等于其指标分值之和 12。 修改：核对原文：把类别分值改为 12，或更正某个指标的分值。',
    );
  });
  it('子项 must be consecutive indicators of the category, each in one 考核指标', () => {
    const d = JSON.parse(text);
    d.categories[0].groups[0].indicators = ['1.1', '1.3'];
    d.categories[0].groups[1].indicators = ['1.3', '2.1'];
    const errors = errorsOf(d);
    expect(errors).toContain(
      'x.json: categories[0].groups[0].indicators: 考核指标「制度建设」的子项不是本类别中连续、按顺序排列的指标（1.1、1.3）。 修改：按表中顺序列出连续的指标，或调整 indicators 的顺序。',
    );
    expect(errors).toContain(
      'x.json: categories[0].groups[1].indicators[0]: 子项「1.3」已属于另一个考核指标。 修改：每个指标最多属于一个考核指标。',
    );
    expect(errors).toContain(
      'x.json: categories[0].groups[1].indicators[1]: 考核指标「信息公示」的子项「2.1」不是类别「信用制度建设」的指标。 修改：改为本类别的指标：1.1、1.2、1.3、1.4、1.5。',
    );
  });
  it('a 考核指标 its 子项 cannot fill is refused', () => {
    const d = JSON.parse(text);
    d.categories[0].groups[1].points = 5;
    d.categories[0].points = 13;
    d.fullMarks = 21;
    expect(errorsOf(d)).toEqual([
      'x.json: categories[0].groups[1].points: 考核指标「信息公示」分值 5，但其子项分值合计只有 4，永远得不到满分。 修改：核对原文：把考核指标分值改为 4，或更正子项分值。',
    ]);
  });
});
