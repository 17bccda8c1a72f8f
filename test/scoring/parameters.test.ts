/**
 * Office-set parameters (issue 16, point 12): item points set once per rubric (per ranking group
 * where the annexes differ), read by every unit's scoring. The rubric is
 * test/rubric/constructs/office-parameters.json (made-up points, not any city's).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRubricText } from '../../src/rubric/load';
import { scoreRoster, scoreUnit, type ParameterValues, type UnitInput } from '../../src/scoring/score';

const rubric = (() => {
  const r = parseRubricText(readFileSync(join(__dirname, '../rubric/constructs/office-parameters.json'), 'utf8'), 'office-parameters.json');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value.rubric;
})();

/** 部门: 40 + 30 + 30 = 100; 县区: 40 + 50 + 10 = 100. */
const ALL: ParameterValues = { 'points-1': 40, 'points-2@部门': 30, 'points-2@县区': 50, 'points-3@部门': 30, 'points-3@县区': 10 };

const 甲: UnitInput = { name: '甲', group: '部门', inputs: { '1': { score: 36 }, '2': { score: 27 }, '3': { score: 15 } } };
const 乙: UnitInput = { name: '乙', group: '县区', inputs: { '1': { score: 20 }, '2': { score: 45 } }, notApplicable: ['3'] };

describe('item points set once per rubric', () => {
  it('every unit is scored with the points of its group', () => {
    const [a, b] = scoreRoster(rubric, [甲, 乙], ALL).units;
    // 甲 (部门): x = 36 + 27 + 15 = 78, y = 40 + 30 + 30 = 100 → 78 / 100 × 100 = 78.
    expect([a.normalisation, a.final]).toEqual([{ x: 78, y: 100 }, 78]);
    expect(a.items['2']).toMatchObject({ max: 30, reason: '考核组评定 27 分（满分 30 分）' });
    // 乙 (县区, item 3 不涉及): x = 20 + 45 = 65, y = 40 + 50 = 90 → 65 / 90 × 100 = 72.222… → 72.22.
    expect([b.normalisation, b.final]).toEqual([{ x: 65, y: 90 }, 72.22]);
    expect(b.items['2'].max).toBe(50);
  });

  it('a missing parameter keeps the items it sets 待定 (never 0), names the parameter, and leaves the others scored', () => {
    const { 'points-3@部门': _dropped, ...rest } = ALL;
    const result = scoreRoster(rubric, [甲, 乙], rest);
    const [a, b] = result.units;
    expect(a.items['3']).toMatchObject({
      status: 'incomplete',
      score: null,
      reason: '待定：参数「第3项 信用监管 分值（市直部门）」未设定',
    });
    expect([a.final, a.complete]).toEqual([null, false]);
    // 乙 does not carry item 3 (不涉及): the 部门 value is not its business; it is complete.
    expect([b.final, b.complete]).toEqual([72.22, true]);
    expect(result.problems).toContainEqual({
      unit: '参数',
      severity: 'missing',
      message:
        '参数「第3项 信用监管 分值（市直部门）」未设定：市直部门各单位的 3 信用监管 待定，请在「参数」表填写（命令行：--param points-3@部门=分值）',
    });
  });

  it('a parameter typed wrong is an input error of the items it sets, and no number', () => {
    const result = scoreRoster(rubric, [甲], { ...ALL, 'points-1': '四十' });
    expect(result.units[0].items['1']).toMatchObject({ status: 'invalid', score: null });
    expect(result.units[0].final).toBeNull();
    expect(result.problems.map((p) => [p.severity, p.message])).toContainEqual([
      'error',
      '参数「第1项 制度建设 分值」填写有误：「四十」不是数字：各单位的 1 制度建设 无法计分，请更正',
    ]);
  });

  it('a parameter above its bound is refused; a value for no parameter is a warning', () => {
    const result = scoreRoster(rubric, [甲], { ...ALL, 'points-1': 120, 'points-9': 5 });
    expect(result.units[0].items['1'].status).toBe('invalid');
    expect(result.problems.map((p) => p.message)).toEqual([
      '参数「第1项 制度建设 分值」填写有误：不能大于 100（「120」）：各单位的 1 制度建设 无法计分，请更正',
      '本细则没有参数「points-9」，该值未使用（本细则的参数：points-1、points-2@部门、points-3@部门、points-2@县区、points-3@县区）',
    ]);
  });

  it('a score above the points the office set is an input error naming them', () => {
    const u = scoreUnit(rubric, { ...甲, inputs: { ...甲.inputs, '2': { score: 31 } } }, ALL);
    expect(u.items['2'].status).toBe('invalid');
    expect(u.problems.map((p) => p.message)).toContain('甲：2 信息公示 · 得分：31 超过本项最高分 30');
  });

  it('the same answers under other points give other scores (the shared item results depend on the parameter too)', () => {
    // 甲 with 部门 item 2 worth 27 instead of 30: x = 78, y = 40 + 27 + 30 = 97 → 78 / 97 × 100 = 80.412… → 80.41.
    const first = scoreUnit(rubric, 甲, ALL);
    const other = scoreUnit(rubric, 甲, { ...ALL, 'points-2@部门': 27 });
    expect([first.final, other.final]).toEqual([78, 80.41]);
  });

  it('without any value every item waits: no unit is final', () => {
    const result = scoreRoster(rubric, [甲, 乙]);
    expect(result.units.map((u) => u.final)).toEqual([null, null]);
    expect(result.problems.filter((p) => p.severity === 'missing')).toHaveLength(5);
  });
});
