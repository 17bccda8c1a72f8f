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

describe('veto rule (一票否决)', () => {
  /** The first indicator of 鹤岗 counties turned into a veto item. */
  const withVeto = (rule: Record<string, unknown>, points = 0) => {
    const d = base();
    const ind = d.categories[0].indicators[0];
    ind.fields = [{ id: 'incident', label: '是否发生重大失信事件', type: 'yesno' }];
    ind.rule = { kind: 'veto', label: '发生重大失信事件', when: { field: 'incident', is: true }, ...rule };
    d.categories[0].points -= ind.points - points;
    d.fullMarks -= ind.points - points;
    d.aggregation.base = d.fullMarks;
    ind.points = points;
    return d;
  };
  it('a veto item is accepted with points 0', () => {
    expect(errorsOf(withVeto({ result: 'fail', resultLabel: '不合格' }))).toEqual([]);
  });
  it('points other than 0, a resultLabel with "zero", and a condition on a missing field are refused with the path and a fix', () => {
    expect(errorsOf(withVeto({ result: 'fail' }, 2))).toEqual([
      'x.json: categories[0].indicators[0].points: 一票否决项不计分，分值应为 0（现为 2）。 修改：把 points 改为 0；否决的后果由 result 规定（fail：不合格；zero：总分计 0）。',
    ]);
    expect(errorsOf(withVeto({ result: 'zero', resultLabel: '不合格' }))).toEqual([
      'x.json: categories[0].indicators[0].rule.resultLabel: 「总分计 0 分」的否决没有等次名称。 修改：删除 resultLabel，或把 result 改为 "fail"。',
    ]);
    expect(errorsOf(withVeto({ result: 'zero', when: { field: 'accident', is: true } }))[0]).toBe(
      'x.json: categories[0].indicators[0].rule.when.field: 指标「一.1」没有 id 为「accident」的输入项。 修改：在 fields 中加入「accident」，或改用已有的：incident。',
    );
  });
  it('a veto is not a part of a composite', () => {
    const d = base();
    const ind = d.categories[0].indicators[0];
    ind.rule = {
      kind: 'composite',
      parts: [ind.rule, { kind: 'veto', label: 'x', when: { field: ind.fields[0].id, is: true }, result: 'zero' }],
    };
    expect(errorsOf(d).length).toBeGreaterThan(0);
  });
});

describe('tiers on a ratio', () => {
  /** 鹤岗 counties' first indicator turned into tiers on 合规数 ÷ 应报数 (its points kept). */
  const withRatioTiers = (extra: Record<string, unknown>) => {
    const d = base();
    const ind = d.categories[0].indicators[0];
    ind.fields = [
      { id: 'ok', label: '合规数', type: 'count' },
      { id: 'due', label: '应报数', type: 'count' },
    ];
    ind.rule = {
      kind: 'tiers',
      ratio: { numerator: 'ok', denominator: 'due', whenDenominatorZero: 'invalid' },
      tiers: [
        { min: 100, points: ind.points },
        { max: 100, points: 0 },
      ],
      ...extra,
    };
    return d;
  };
  it('is accepted with a ratio and no field', () => {
    expect(errorsOf(withRatioTiers({}))).toEqual([]);
  });
  it('both a field and a ratio, or a ratio of a yes/no field, are refused with the path and a fix', () => {
    expect(errorsOf(withRatioTiers({ field: 'ok' }))).toEqual([
      'x.json: categories[0].indicators[0].rule: 档次规则须有且只有一个取值来源：field（一个输入项）或 ratio（两个个数之比）。 修改：写 "field": "<输入项>"，或写 "ratio": {"numerator": …, "denominator": …, "whenDenominatorZero": …}，不要两者都写。',
    ]);
    const d = withRatioTiers({});
    d.categories[0].indicators[0].fields[1].type = 'yesno';
    expect(errorsOf(d)).toEqual([
      'x.json: categories[0].indicators[0].rule.ratio.denominator: 输入项「due」类型为 是否（yesno），此处需要 个数（count） 或 数值（number）。 修改：更改输入项类型，或引用另一个输入项。',
    ]);
  });
});

describe('fraction constants', () => {
  const withRate = (rate: unknown) => {
    const d = base('hengdong-2020-members');
    const path = d.categories
      .flatMap((c: { indicators: { rule: { kind: string } }[] }, ci: number) => c.indicators.map((i, ii) => ({ i, ci, ii })))
      .find((x: { i: { rule: { kind: string } } }) => x.i.rule.kind === 'count');
    path.i.rule.rate = rate;
    return { d, where: `categories[${path.ci}].indicators[${path.ii}].rule.rate` };
  };
  it('"1/12" is accepted as a rate', () => {
    expect(errorsOf(withRate('1/12').d)).toEqual([]);
  });
  it('a zero denominator, a decimal fraction and words are refused with the path and a fix', () => {
    const zero = withRate('1/0');
    expect(errorsOf(zero.d)).toEqual([`x.json: ${zero.where}: 分数「1/0」的分母为 0。 修改：改为分母大于 0 的分数，如 "1/12"。`]);
    const bad = withRate('0.5/3');
    expect(errorsOf(bad.d)).toEqual([
      `x.json: ${bad.where}: 「0.5/3」不是分数：分数写成「分子/分母」，分子、分母为不超过 6 位的整数。 修改：写成如 "1/12" 的分数，或写成数字（不带引号），如 0.5。`,
    ]);
    expect(errorsOf(withRate('1234567/2').d)).toHaveLength(1); // 7 digits: too long
    expect(errorsOf(withRate('每篇0.1分').d)).toHaveLength(1);
  });
});

describe('count bounds', () => {
  it('max must be a whole number ≥ 0', () => {
    const d = base('hengdong-2020-members');
    const ind = d.categories
      .flatMap((c: { indicators: unknown[] }) => c.indicators)
      .find((i: { fields: { type: string }[] }) => i.fields[0].type === 'count');
    ind.fields[0].max = 12;
    expect(errorsOf(d)).toEqual([]);
    ind.fields[0].max = 1.5;
    expect(errorsOf(d)).toHaveLength(1);
    expect(errorsOf(d)[0]).toMatch(/fields\[0\]\.max: 类型错误：应为整数/);
  });
});

describe('outer scale', () => {
  it('is accepted with a positive maximum and a label; 0 is refused with the path', () => {
    const d = base('hengdong-2020-members');
    d.outerScale = { max: 10, label: '折合城市信用指数分值' };
    expect(errorsOf(d)).toEqual([]);
    d.outerScale.max = 0;
    expect(errorsOf(d)).toEqual(['x.json: outerScale.max: 数值太小（应大于 0）。 修改：改为数值大于 0。']);
  });
});

describe('a condition on a ratio', () => {
  it('names a missing numerator field with the path', () => {
    const d = base();
    const ind = d.categories[0].indicators[0];
    ind.fields = [{ id: 'due', label: '应报数', type: 'count' }];
    ind.rule = {
      kind: 'deduct_if',
      conditions: [
        {
          when: { ratio: { numerator: 'ok', denominator: 'due', whenDenominatorZero: 'invalid' }, op: '<', value: 98 },
          deduct: ind.points,
          label: '合规率低于98%',
        },
      ],
    };
    expect(errorsOf(d)).toEqual([
      'x.json: categories[0].indicators[0].rule.conditions[0].when.ratio.numerator: 指标「一.1」没有 id 为「ok」的输入项。 修改：在 fields 中加入「ok」，或改用已有的：due。',
    ]);
  });
});
