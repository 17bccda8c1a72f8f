/**
 * Load-time checks of office-set parameters (issue 16, point 12): each mistake refused with its
 * JSON path and a fix in Chinese. Scoring: test/scoring/parameters.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatRubricError, parseRubricData } from '../../src/rubric/load';

const base = () => JSON.parse(readFileSync(join(__dirname, 'constructs/office-parameters.json'), 'utf8'));

function errorsOf(data: unknown): string[] {
  const r = parseRubricData(data, 'x.json');
  return r.ok ? [] : r.errors.map(formatRubricError);
}

describe('rubric parameters', () => {
  it('the test rubric loads', () => {
    expect(errorsOf(base())).toEqual([]);
  });

  it('an indicator refers to a declared parameter', () => {
    const d = base();
    d.categories[0].indicators[0].pointsParam = 'points-9';
    expect(errorsOf(d)).toEqual([
      'x.json: categories[0].indicators[0].pointsParam: 指标「1」引用的参数「points-9」不存在。 修改：改为已声明的参数：points-1、points-2、points-3，或在 parameters 中声明它。',
      'x.json: parameters[0]: 参数「第1项 制度建设 分值」没有被任何指标使用。 修改：删除它，或在使用它的指标中写 "pointsParam": "points-1"。',
    ]);
  });

  it('points printed and set by a parameter at once are refused', () => {
    const d = base();
    d.categories[0].indicators[0].points = 40;
    expect(errorsOf(d)).toEqual([
      'x.json: categories[0].indicators[0].pointsParam: 指标「1」已有印刷分值 40，又由参数「points-1」设定分值。 修改：文件公布了分值时删除 pointsParam；由信用办设定时把 points 改为 null。',
    ]);
  });

  it('only a manual rule takes its maximum from a parameter', () => {
    const d = base();
    d.categories[0].indicators[0].fields = [{ id: 'done', type: 'yesno', label: '是否完成' }];
    d.categories[0].indicators[0].rule = { kind: 'bool', field: 'done', points: 5 };
    expect(errorsOf(d)).toContain(
      'x.json: categories[0].indicators[0].rule: 指标「1」的分值由参数设定，评分规则须为不带 maxField 的 manual（考核组在 0 至本项分值之间评分）。 修改：改为 {"kind": "manual", "field": "<得分输入项>"}，或删除 pointsParam。',
    );
  });

  it('points null without a parameter or maxField names both ways out', () => {
    const d = base();
    delete d.categories[0].indicators[0].pointsParam;
    d.parameters.shift();
    expect(errorsOf(d)).toEqual([
      'x.json: categories[0].indicators[0].points: 指标「1」分值为 null，但评分规则不是带 maxField 的 manual，也没有由参数设定分值（pointsParam）。 修改：文件未公布分值时，用 "pointsParam" 引用信用办设定的参数（parameters），或用 {"kind":"manual","field":…,"maxField":…} 由考核单位录入分值。',
    ]);
  });

  it('duplicate ids and inverted bounds are refused', () => {
    const d = base();
    d.parameters[1].id = 'points-1';
    d.parameters[2].min = 50;
    d.parameters[2].max = 10;
    const errors = errorsOf(d);
    expect(errors).toContain('x.json: parameters[1].id: 参数编号「points-1」重复。 修改：给每个参数一个不同的 id。');
    expect(errors).toContain(
      'x.json: parameters[2].max: 参数「第3项 信用监管 分值」的上限 10 小于下限 50。 修改：交换 min 和 max，或删除其中一个。',
    );
  });

  it('an unknown key in a parameter is refused by the schema', () => {
    const d = base();
    d.parameters[0].value = 40;
    expect(errorsOf(d).join('\n')).toMatch(/^x\.json: parameters\[0\]/);
  });
});
