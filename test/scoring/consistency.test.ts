/**
 * Inputs that are each valid but do not fit together, or that can be read two ways, and results
 * that must add up as printed: found in an audit of the seven rubrics against their documents.
 * Every check here is on a synthetic rubric (mini-rubric.ts) with its arithmetic in the test.
 */
import { scoreRoster, scoreUnit } from '../../src/scoring/score';
import type { Problem } from '../../src/scoring/types';
import { count, indicator, miniRubric, num, pct, score, yes } from '../helpers/mini-rubric';

const messages = (ps: readonly Problem[]) => ps.map((p) => p.message);

describe('error texts name the field once', () => {
  const r = miniRubric([indicator('X', 5, [count('n', '按时报送篇数')], { kind: 'count', field: 'n', rate: 1, unit: '篇' })]);
  it.each([
    [2.5, '按时报送篇数填写有误：须为整数（「2.5」）'],
    [-1, '按时报送篇数填写有误：不能为负数（「-1」）'],
    ['七篇', '按时报送篇数填写有误：「七篇」不是数字'],
  ])('%s → %s', (value, reason) => {
    const u = scoreUnit(r, { name: '甲', inputs: { X: { n: value } } });
    expect(u.items.X).toMatchObject({ status: 'invalid', score: null, reason });
    expect(u.final).toBeNull();
  });
});

describe('an item maximum typed wrong (朝阳: the office sets the points)', () => {
  const item = (id: string) => indicator(id, null, [num('max', '本项分值'), score('s')], { kind: 'manual', field: 's', maxField: 'max' });
  const r = miniRubric([item('A'), item('B')], {
    aggregation: { mode: 'normalised', scale: 100 },
    notApplicable: 'exclude',
    fullMarks: 100,
  });
  it('reports the bad maximum once, not also "score above maximum 0"', () => {
    const u = scoreUnit(r, { name: '甲', inputs: { A: { max: 'abc', s: 3 }, B: { max: 100, s: 50 } } });
    expect(u.items.A.reason).toBe('本项分值填写有误：「abc」不是数字');
    expect(u.problems.filter((p) => p.indicatorId === 'A').map((p) => p.fieldId)).toEqual(['max']);
  });
  it('a negative maximum likewise', () => {
    const u = scoreUnit(r, { name: '甲', inputs: { A: { max: -5, s: 9 }, B: { max: 100, s: 50 } } });
    expect(u.problems.filter((p) => p.indicatorId === 'A')).toHaveLength(1);
  });
  it('a valid maximum still bounds the score', () => {
    const u = scoreUnit(r, { name: '甲', inputs: { A: { max: 7, s: 8 }, B: { max: 93, s: 50 } } });
    expect(u.items.A.reason).toBe('得分填写有误：8 超过本项最高分 7');
  });
  it('a unit carrying every item whose points do not total the full marks is warned: y = 50 + 60 = 110 ≠ 100', () => {
    const u = scoreUnit(r, { name: '甲', inputs: { A: { max: 50, s: 50 }, B: { max: 60, s: 60 } } });
    expect(u.final).toBe(100); // 110 / 110 × 100, still scored
    expect(messages(u.problems)).toContain('甲：承担全部项目，但各项「本项分值」合计 110 分，不等于总分值 100 分，请核对各项分值');
    // 40 + 60 = 100: no warning; and none for a unit with an item not carried (its y is smaller by design)
    expect(scoreUnit(r, { name: '乙', inputs: { A: { max: 40, s: 40 }, B: { max: 60, s: 30 } } }).problems).toEqual([]);
    expect(scoreUnit(r, { name: '丙', inputs: { A: { max: 40, s: 40 } }, notApplicable: ['B'] }).problems).toEqual([]);
  });
  it('differing points for one item within a group are reported with the units that differ', () => {
    const units = ['甲', '乙', '丙'].map((name, i) => ({ name, inputs: { A: { max: i === 2 ? 50 : 40, s: 10 }, B: { max: 60, s: 30 } } }));
    const res = scoreRoster(r, units);
    expect(messages(res.problems)).toContain(
      '组：A 指标A 的本项分值不一致（多数单位为 40 分；50 分：丙），同一附件中同一项目的分值应相同，请核对',
    );
    expect(messages(res.problems).filter((m) => m.includes('指标B'))).toEqual([]);
  });
  it('y = 0 says why: every item not applicable, or the items carried are worth 0', () => {
    expect(messages(scoreUnit(r, { name: '甲', notApplicable: ['A', 'B'] }).problems)).toContain(
      '甲：所有指标均不涉及（y = 0），无法计算得分，不参加排名，请考核组决定',
    );
    expect(messages(scoreUnit(r, { name: '乙', inputs: { A: { max: 0, s: 0 }, B: { max: 0, s: 0 } } }).problems)).toContain(
      '乙：所承担项目的分值合计为 0（y = 0），无法计算得分，不参加排名，请考核组决定',
    );
  });
});

describe('an exemption and the value it rules out (衡东 八)', () => {
  const r = miniRubric([
    indicator('八', 5, [pct('share', '严重失信企业参加信用修复的占比'), yes('noSevere', '是否本行业无严重失信企业')], {
      kind: 'step_deduct',
      field: 'share',
      threshold: 80,
      step: 10,
      perStep: 1,
      rounding: 'floor',
      exemptIf: 'noSevere',
    }),
  ]);
  it('exempt and no share: full points', () => {
    expect(scoreUnit(r, { name: '甲', inputs: { 八: { noSevere: '是' } } }).items.八).toMatchObject({ score: 5, status: 'scored' });
  });
  it('exempt and a share typed: refused as contradictory, not 5 with the share dropped', () => {
    const u = scoreUnit(r, { name: '甲', inputs: { 八: { share: '10%', noSevere: '是' } } });
    expect(u.items.八.status).toBe('invalid');
    expect(u.items.八.reason).toBe(
      '严重失信企业参加信用修复的占比填写有误：填写了 10%，但「是否本行业无严重失信企业」填了“是”，二者矛盾，请核对',
    );
    expect(u.final).toBeNull();
  });
  it('not exempt: 61% → 5 − ⌊(80 − 61) / 10⌋ × 1 = 4', () => {
    expect(scoreUnit(r, { name: '甲', inputs: { 八: { share: '61%', noSevere: '否' } } }).items.八.score).toBe(4);
  });
});

describe('ratios whose parts cannot exceed the whole, and denominators that cannot be 0', () => {
  const ratioItem = (id: string, whenAbove: 'cap' | 'invalid', whenDenominatorZero: 'zero' | 'full' | 'invalid') =>
    indicator(id, 6, [count('part', '包含关键信息的数据条数'), count('all', '数据总条数')], {
      kind: 'ratio',
      points: 6,
      ratio: { numerator: 'part', denominator: 'all', whenDenominatorZero, whenAbove },
    });
  const r = miniRubric([ratioItem('A', 'invalid', 'invalid'), ratioItem('B', 'cap', 'full')]);
  it('a part above its whole is an input error under whenAbove: invalid', () => {
    const u = scoreUnit(r, { name: '甲', inputs: { A: { part: 120, all: 100 }, B: { part: 1, all: 1 } } });
    expect(u.items.A.reason).toBe('包含关键信息的数据条数填写有误：120 大于数据总条数 100，请核对');
    expect(u.final).toBeNull();
  });
  it('and counts as 100 % under whenAbove: cap (a count against a standard it may pass)', () => {
    const u = scoreUnit(r, { name: '甲', inputs: { A: { part: 50, all: 100 }, B: { part: 120, all: 100 } } });
    expect(u.items.B.score).toBe(6);
    expect(u.final).toBe(9); // 50/100 × 6 = 3, plus 6
  });
  it('a 0 denominator is an input error under invalid, full points under full', () => {
    const u = scoreUnit(r, { name: '甲', inputs: { A: { part: 0, all: 0 }, B: { part: 0, all: 0 } } });
    expect(u.items.A.reason).toBe('数据总条数填写有误：不能为 0（本项按「包含关键信息的数据条数/数据总条数」计分）');
    expect(u.items.B.score).toBe(6);
  });
  it('a blank denominator is unfilled, not a 0 to refuse', () => {
    const u = scoreUnit(r, { name: '甲', inputs: { A: { part: 3 }, B: { part: 1, all: 1 } } });
    expect(u.items.A).toMatchObject({ status: 'incomplete', reason: '未填写：数据总条数' });
  });
});

describe('rounding.itemScores: "rounded" makes the printed items add up', () => {
  const third = (id: string) =>
    indicator(id, 1, [count('a'), count('b')], {
      kind: 'ratio',
      points: 1,
      ratio: { numerator: 'a', denominator: 'b', whenDenominatorZero: 'zero' },
    });
  const inputs = { A: { a: 1, b: 3 }, B: { a: 1, b: 3 }, C: { a: 1, b: 3 } };
  it('exact (the default): 1/3 + 1/3 + 1/3 = 1, while each item prints 0.33', () => {
    const u = scoreUnit(miniRubric([third('A'), third('B'), third('C')]), { name: '甲', inputs });
    expect([u.items.A.score, u.items.A.exact, u.final]).toEqual([0.33, '1/3', 1]);
  });
  it('rounded: each item is 0.33, the subtotal and total 0.99 = 0.33 × 3, and the reason says it was rounded', () => {
    const r = miniRubric([third('A'), third('B'), third('C')], { rounding: { decimals: 2, mode: 'half_up', itemScores: 'rounded' } });
    const u = scoreUnit(r, { name: '甲', inputs });
    expect([u.items.A.score, u.items.A.exact, u.categories['一'].score, u.final]).toEqual([0.33, '33/100', 0.99, 0.99]);
    expect(u.items.A.reason).toBe('a个数/b个数 = 1/3 × 1 分，得 0.33 分（四舍五入保留 2 位小数）');
    // a value already on the grid is not marked: 1/2 × 1 = 0.5
    expect(scoreUnit(r, { name: '乙', inputs: { ...inputs, A: { a: 1, b: 2 } } }).items.A.reason).toBe(
      'a个数/b个数 = 1/2 × 1 分，得 0.5 分',
    );
  });
});

describe('a bare number of at most 1 in a percent field: two magnitudes (issue 12.3)', () => {
  const r = miniRubric([
    indicator('A', 10, [pct('rate', '入驻比例')], {
      kind: 'deduct_if',
      conditions: [{ when: { field: 'rate', op: '<', value: 20 }, deduct: 10, label: '入驻比例不足20%' }],
    }),
    indicator('B', 5, [{ ...pct('share', '失信企业占比'), smallValues: true }], {
      kind: 'deduct_if',
      conditions: [{ when: { field: 'share', op: '>', value: 1 }, deduct: 5, label: '失信企业占比超过1%' }],
    }),
  ]);
  it('0.85 typed bare is an error naming both readings: 输入有误, no item score, no total', () => {
    // read as 0.85 % the item would be 10 − 10 = 0; read as 85 % it would be 10: neither is guessed
    const u = scoreUnit(r, { name: '甲', inputs: { A: { rate: 0.85 }, B: { share: '0.5%' } } });
    expect(u.items.A).toMatchObject({ score: null, status: 'invalid' });
    expect(u.items.A.reason).toBe('入驻比例填写有误：「0.85」可读作 0.85% 或 85%，两种读法相差百倍：请填写「85%」或「0.85%」');
    expect(messages(u.problems)).toEqual([
      '甲：A 指标A · 入驻比例：「0.85」可读作 0.85% 或 85%，两种读法相差百倍：请填写「85%」或「0.85%」',
    ]);
    expect([u.base, u.final, u.complete]).toEqual([null, null, false]);
    // the same as text (pasted), and 1 itself (1 % or 100 %)
    expect(scoreUnit(r, { name: '甲', inputs: { A: { rate: '0.85' }, B: { share: '0.5%' } } }).items.A.status).toBe('invalid');
    expect(scoreUnit(r, { name: '甲', inputs: { A: { rate: 1 }, B: { share: '0.5%' } } }).items.A.reason).toBe(
      '入驻比例填写有误：「1」可读作 1% 或 100%，两种读法相差百倍：请填写「100%」或「1%」',
    );
  });
  it('"0.85%", 85 and 0 are read as typed: 0.85 % → 10 − 10 = 0; 85 % → 10; 0 % → 0', () => {
    const score = (rate: string | number) => scoreUnit(r, { name: '甲', inputs: { A: { rate }, B: { share: '0.5%' } } });
    expect([score('0.85%').items.A.score, score('0.85%').problems]).toEqual([0, []]);
    expect([score(85).items.A.score, score(85).problems]).toEqual([10, []]);
    expect([score(0).items.A.score, score(0).problems]).toEqual([0, []]);
  });
  it('smallValues: a bare 0.5 is 0.5 % (not above 1 %: 5 − 0 = 5), with a warning that 50 % would give 5 − 5 = 0', () => {
    const u = scoreUnit(r, { name: '甲', inputs: { A: { rate: 25 }, B: { share: 0.5 } } });
    expect(u.items.B.score).toBe(5);
    expect(messages(u.problems)).toEqual([
      '甲：B 指标B · 失信企业占比：填写的 0.5 按 0.5% 计，得 5 分；若指 50%，应得 0 分，请填写「50%」或「0.5%」',
    ]);
    expect(u.final).toBe(15); // 10 + 5
  });
  it('smallValues: no warning where both readings score alike (0.005 % and 0.5 % are both ≤ 1 %)', () => {
    expect(scoreUnit(r, { name: '甲', inputs: { A: { rate: 25 }, B: { share: 0.005 } } }).problems).toEqual([]);
  });
});

describe('values typed for an item marked 不涉及', () => {
  const r = miniRubric(
    [
      indicator('A', 5, [pct('rate', '信用修复率')], {
        kind: 'deduct_if',
        conditions: [{ when: { field: 'rate', op: '<', value: 80 }, deduct: 5, label: '信用修复率低于80%' }],
      }),
    ],
    { aggregation: { mode: 'deduct_from_base', base: 5 }, notApplicable: 'full_points' },
  );
  it('are not scored, and a warning names them', () => {
    const u = scoreUnit(r, { name: '甲', inputs: { A: { rate: '10%' } }, notApplicable: ['A'] });
    expect(u.final).toBe(5);
    expect(messages(u.problems)).toEqual(['甲：A 指标A 标为「不涉及」，但填写了「信用修复率」：所填的值不计分，请核对是否确实不涉及']);
    expect(scoreUnit(r, { name: '乙', notApplicable: ['A'] }).problems).toEqual([]);
  });
});

describe('the roster: groups, the named roster, provisional ranks, bonus places', () => {
  const two = miniRubric([indicator('A', 10, [score('s')], { kind: 'manual', field: 's' })], {
    ranking: {
      method: 'competition',
      groups: [
        { id: '成员单位', label: '成员单位', honours: [{ label: '先进单位', top: 1 }] },
        { id: '县区', label: '县（市）区' },
      ],
    },
    bonus: { kind: 'manual', label: '工作创新', max: 10, criteria: '' },
    defaultRoster: [
      { name: '县发改局', group: '成员单位' },
      { name: '县公安局', group: '成员单位' },
    ],
  });
  it('a unit without a group, where there are two, is ranked in the first and warned', () => {
    const u = scoreUnit(two, { name: '县发改局', inputs: { A: { s: 8 } } });
    expect(u.group).toBe('成员单位');
    expect(messages(u.problems)).toEqual(['县发改局：未填写分组，按「成员单位」排名，请核对']);
  });
  it('a name outside the named roster is warned', () => {
    const res = scoreRoster(two, [{ name: '县发改委', group: '成员单位', inputs: { A: { s: 8 } } }]);
    expect(messages(res.problems)).toContain('县发改委：不在本细则的参评单位名单（共 2 个）中，请核对单位名称');
  });
  it('ranks among some units of a group only are provisional, and say so', () => {
    const res = scoreRoster(two, [
      { name: '县发改局', group: '成员单位', inputs: { A: { s: 8 } } },
      { name: '县公安局', group: '成员单位', inputs: {} },
    ]);
    expect(res.units[0]).toMatchObject({ rank: 1, labels: ['先进单位'] });
    expect(messages(res.problems)).toContain(
      '成员单位：还有 1 个单位未得出总分，名次和表彰、通报名单暂按已计分的 1 个单位排出，待全部计分后确定',
    );
  });
  it('a bonus with more places than the results is refused', () => {
    const u = scoreUnit(two, { name: '县发改局', group: '成员单位', inputs: { A: { s: 8 } }, bonus: 2.005 });
    expect(messages(u.problems)).toEqual(['县发改局：工作创新「2.005」最多保留 2 位小数']);
    expect(u.final).toBeNull();
  });
});
