/** Broken rubrics are rejected with an error naming the file, the JSON path and the fix. */
import { parseRubricData, parseRubricText, formatRubricError } from '../../src/rubric/load';
import { loadBuiltin } from '../../src/rubric/catalog';

const base = () => JSON.parse(JSON.stringify(loadBuiltin('pingdingshan-2020-departments').rubric));

function errorsOf(data: unknown) {
  const r = parseRubricData(data, 'rubrics/broken.json');
  if (r.ok) throw new Error('expected the rubric to be rejected');
  return r.errors.map(formatRubricError);
}

describe('rubric validation', () => {
  it('accepts the shipped rubric it mutates below', () => {
    expect(parseRubricData(base(), 'x.json').ok).toBe(true);
  });
  it('JSON syntax errors name the file', () => {
    const r = parseRubricText('{"id": ', 'rubrics/x.json');
    expect(r.ok).toBe(false);
    expect(!r.ok && formatRubricError(r.errors[0])).toMatch(/^rubrics\/x\.json: \(根\): 不是有效的 JSON/);
  });
  it('category points must equal the sum of their items', () => {
    const d = base();
    d.categories[0].points = 30;
    expect(errorsOf(d)).toContain('rubrics/broken.json: categories[0].points: 类别「一 工作机制建设」分值 30 不等于其指标分值之和 25。 修改：核对原文：把类别分值改为 25，或更正某个指标的分值。');
  });
  it('the table must equal its full marks', () => {
    const d = base();
    d.fullMarks = 110;
    expect(errorsOf(d).join('\n')).toContain('fullMarks: 各类别分值之和 100 不等于满分 110。');
  });
  it('a value of the wrong type is reported as such, not as missing', () => {
    const d = base();
    d.fullMarks = '100';
    expect(errorsOf(d)).toEqual(['rubrics/broken.json: fullMarks: 类型错误：应为 number。 修改：改为 number 类型的值。']);
    delete d.fullMarks;
    expect(errorsOf(d)).toEqual(['rubrics/broken.json: fullMarks: 缺少必填项（应为 number）。 修改：加入此项，类型为 number。']);
  });
  it('duplicate indicator ids', () => {
    const d = base();
    d.categories[0].indicators[1].id = d.categories[0].indicators[0].id;
    expect(errorsOf(d).join('\n')).toContain('categories[0].indicators[1].id: 指标编号「一.1」在本细则中重复。');
  });
  it('a cap above the item maximum', () => {
    const d = base();
    const ind = d.categories.flatMap((c: { indicators: { rule: { kind: string; cap?: number } }[] }) => c.indicators).find((i: { rule: { kind: string } }) => i.rule.kind === 'count');
    ind.rule.cap = 99;
    expect(errorsOf(d).join('\n')).toMatch(/rule\.cap: 上限 99 超过本项最高分 \d+。 修改：改为不大于 \d+ 的数。/);
  });
  it('unknown keys and bad kinds are explained', () => {
    const d = base();
    d.categories[0].indicators[0].rule.kind = 'formula';
    d.categories[0].indicators[0].pionts = 5;
    const text = errorsOf(d).join('\n');
    expect(text).toContain('categories[0].indicators[0].rule.kind: 「kind」取值无效或缺失。');
    expect(text).toContain('categories[0].indicators[0]: 未知的字段：pionts。');
  });
  it('a rule referring to a field that does not exist, or of the wrong type', () => {
    const d = base();
    const i = d.categories[0].indicators[1];
    i.rule.parts[0].field = 'nope';
    expect(errorsOf(d).join('\n')).toContain('categories[0].indicators[1].rule.parts[0].field: 指标「一.2」没有 id 为「nope」的输入项。');
  });
  it('overlapping tiers and gaps', () => {
    const d = base();
    d.categories[0].indicators[0] = {
      ...d.categories[0].indicators[0],
      fields: [{ id: 'n', label: '数', type: 'number' }],
      rule: { kind: 'tiers', field: 'n', tiers: [{ min: 0, max: 3, maxInclusive: true, points: 5 }, { min: 3, points: 1 }] },
    };
    expect(errorsOf(d).join('\n')).toContain('rule.tiers[1]: 档次与其他档次重叠（从 3 起）。');
    d.categories[0].indicators[0].rule.tiers = [{ min: 0, max: 2, points: 5 }, { min: 3, points: 1 }];
    expect(errorsOf(d).join('\n')).toContain('档次之间有空档');
  });
  it('bands must be ordered and end with an open lowest band', () => {
    const d = base();
    d.bands.list[1].min = 95;
    expect(errorsOf(d).join('\n')).toContain('bands.list[1].min: 等次须从高到低排列');
    const e = base();
    e.bands.list[3].min = 0;
    expect(errorsOf(e).join('\n')).toContain('bands.list[3].min: 最低等次「不合格」应覆盖其下所有分数。');
  });
  it('duplicate choice labels', () => {
    const d = base();
    d.categories[0].indicators[0] = {
      ...d.categories[0].indicators[0],
      fields: [{ id: 'c', label: '选', type: 'choice', options: ['甲', '甲'] }],
      rule: { kind: 'levels', field: 'c', levels: [{ option: '甲', points: 5 }, { option: '甲', points: 1 }] },
    };
    expect(errorsOf(d).join('\n')).toContain('fields[0].options[1]: 选项「甲」重复。');
  });
  it('a printed maximum the rule cannot reach needs attainableMax and a note', () => {
    const d = base();
    // 一.2 is printed 20 = 10 + 10; make its second part worth 5, so the rule reaches only 15.
    d.categories[0].indicators[1].rule.parts[1].points = 5;
    expect(errorsOf(d).join('\n')).toContain('categories[0].indicators[1].attainableMax: 指标「一.2」印刷分值 20，但规则最多只能得 15 分。 修改：加入 "attainableMax": 15');
    d.categories[0].indicators[1].attainableMax = 12;
    expect(errorsOf(d).join('\n')).toContain('声明的可得最高分 12 与规则计算的 15 不符。');
  });
});
