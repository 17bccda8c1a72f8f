/**
 * Scoring of the constructs of rubric schema version 2 (issue 16.3, 16.6, 16.7), each on a small
 * rubric written for it (not any city's): the expectations are hand-computed, the arithmetic in the
 * comments.
 */
import type { RubricInput } from '../../src/rubric/schema';
import { scoreRoster, scoreUnit } from '../../src/scoring/score';
import { count, indicator, miniRubric, yes } from '../helpers/mini-rubric';

const V2 = { schemaVersion: 2 } as const;

describe('added parts less deduction parts (issue 16.3)', () => {
  // 「转发1个得0.1分，最高1分；少转发1个扣0.1分」, floored at 0, item maximum 1.
  const r = miniRubric(
    [
      indicator('F', 1, [count('fwd', '转发文件数'), count('missed', '少转发文件数')], {
        kind: 'composite',
        parts: [{ kind: 'count', field: 'fwd', rate: 0.1, cap: 1 }],
        deductions: [{ kind: 'count', field: 'missed', rate: 0.1 }],
      }),
    ],
    V2,
  );
  const item = (fwd: unknown, missed: unknown) => scoreUnit(r, { name: '甲', inputs: { F: { fwd, missed } as never } }).items.F;

  it('8 forwarded, 3 missed: 8 × 0.1 = 0.8, less 3 × 0.1 = 0.3, gives 0.5', () => {
    expect(item(8, 3)).toMatchObject({
      score: 0.5,
      exact: '1/2',
      status: 'scored',
      reason: '转发文件数 8 × 0.1 分，得 0.8 分；扣分：少转发文件数 3 × 0.1 分，扣 0.3 分；0.8 − 0.3 = 0.5 分；本项得 0.5 分',
    });
  });
  it('2 forwarded, 5 missed: 0.2 − 0.5 = −0.3, floored at 0', () => {
    expect(item(2, 5)).toMatchObject({ score: 0, reason: expect.stringContaining('0.2 − 0.5 = -0.3 分，不低于 0 分；本项得 0 分') });
  });
  it('12 forwarded, none missed: 12 × 0.1 = 1.2 is capped at 1 by the part; 1 − 0 = 1', () => {
    expect(item(12, 0)).toMatchObject({ score: 1, reason: expect.stringContaining('1 − 0 = 1 分；本项得 1 分') });
  });
  it('exact in tenths: 3 forwarded, 1 missed is 0.3 − 0.1 = 0.2, never 0.19999999999999998', () => {
    expect(item(3, 1)).toMatchObject({ score: 0.2, exact: '1/5' });
  });
  it('a blank deduction field leaves the item unfinished, a wrong one is an input error', () => {
    expect(item(8, '')).toMatchObject({ score: null, status: 'incomplete', reason: '未填写：少转发文件数' });
    expect(item(8, -1)).toMatchObject({ score: null, status: 'invalid' });
  });
  it('added parts above the cap, then a deduction: the cap applies to the difference (0.8 + 0.5 − 0.2 = 1.1 → 1)', () => {
    const capped = miniRubric(
      [
        indicator('G', 1, [count('a', '原创信息数'), yes('b', '是否开设专栏'), count('m', '迟报次数')], {
          kind: 'composite',
          parts: [
            { kind: 'count', field: 'a', rate: 0.1 },
            { kind: 'bool', field: 'b', points: 0.5 },
          ],
          deductions: [{ kind: 'count', field: 'm', rate: 0.2 }],
        }),
      ],
      V2,
    );
    // 8 × 0.1 = 0.8 (within the item's 1); 是 → 0.5; 1 × 0.2 = 0.2 off: 1.3 − 0.2 = 1.1, capped at 1.
    const u = scoreUnit(capped, { name: '甲', inputs: { G: { a: 8, b: '是', m: 1 } } });
    expect(u.items.G).toMatchObject({ score: 1, reason: expect.stringContaining('1.3 − 0.2 = 1.1 分，上限 1 分；本项得 1 分') });
  });
});

describe('a yes/no deduction part (「迟报的扣0.5分」)', () => {
  // 2 分: 1 分 per report up to 2; 迟报 → 0.5 off.
  const r = miniRubric(
    [
      indicator('L', 2, [count('n', '报送次数'), yes('late', '是否迟报')], {
        kind: 'composite',
        parts: [{ kind: 'count', field: 'n', rate: 1 }],
        deductions: [{ kind: 'bool', field: 'late', points: 0.5 }],
      }),
    ],
    V2,
  );
  it('2 reports, late: 2 × 1 = 2, less 0.5 = 1.5; on time: nothing off, 2', () => {
    const late = scoreUnit(r, { name: '甲', inputs: { L: { n: 2, late: '是' } } }).items.L;
    expect(late).toMatchObject({
      score: 1.5,
      reason: '报送次数 2 × 1 分，得 2 分；扣分：迟报：是，扣 0.5 分；2 − 0.5 = 1.5 分；本项得 1.5 分',
    });
    const onTime = scoreUnit(r, { name: '乙', inputs: { L: { n: 2, late: '否' } } }).items.L;
    expect(onTime).toMatchObject({ score: 2, reason: '报送次数 2 × 1 分，得 2 分；扣分：迟报：否，不扣分；2 − 0 = 2 分；本项得 2 分' });
  });
});

describe('weighted blocks, 共性指标 7 : 个性指标 3 (issue 16.7)', () => {
  // 共性 (category 一, 100 分): A 60 (是 → 60), B 40 (5 分 per item); 个性 (category 二, 100 分):
  // C 50 (是 → 50), D 50 (10 分 per item). Each block x ÷ y × 100, then (共性 × 7 + 个性 × 3) ÷ 10.
  const one = [
    indicator('A', 60, [yes('a', '是否建立制度')], { kind: 'bool', field: 'a', points: 60 }),
    indicator('B', 40, [count('b', '案例数')], { kind: 'count', field: 'b', rate: 5 }),
  ];
  const two = [
    indicator('C', 50, [yes('c', '是否开展专项治理')], { kind: 'bool', field: 'c', points: 50 }),
    indicator('D', 50, [count('d', '报送信息数')], { kind: 'count', field: 'd', rate: 10 }),
  ];
  const overrides: Partial<RubricInput> = {
    ...V2,
    fullMarks: 100,
    notApplicable: 'exclude',
    aggregation: {
      mode: 'blocks',
      scale: 100,
      blocks: [
        { label: '共性指标', weight: 7, categories: ['一'] },
        { label: '个性指标', weight: 3, categories: ['二'] },
      ],
    },
    categories: [
      { id: '一', number: '一', name: '共性指标', points: 100, indicators: one },
      { id: '二', number: '二', name: '个性指标', points: 100, indicators: two },
    ],
  };
  const r = miniRubric([...one, ...two], overrides);

  it('both blocks carried: 共性 (60 + 5 × 5) ÷ 100 × 100 = 85, 个性 (0 + 3 × 10) ÷ 100 × 100 = 30; (85 × 7 + 30 × 3) ÷ 10 = 68.5', () => {
    const u = scoreUnit(r, { name: '甲', inputs: { A: { a: '是' }, B: { b: 5 }, C: { c: '否' }, D: { d: 3 } } });
    expect([u.base, u.final]).toEqual([68.5, 68.5]);
    expect(u.blocks?.list.map((b) => b.score)).toEqual([85, 30]);
    expect(u.blocks?.text).toBe('共性指标 85 ÷ 100 × 100 = 85 分；个性指标 30 ÷ 100 × 100 = 30 分；(85 × 7 + 30 × 3) ÷ 10 = 68.5');
  });
  it('no item of 个性 carried (C, D 不涉及): its weight goes to 共性, (60 + 8 × 5) ÷ 100 × 100 = 100, 100 × 7 ÷ 7 = 100', () => {
    const u = scoreUnit(r, { name: '乙', inputs: { A: { a: '是' }, B: { b: 8 } }, notApplicable: ['C', 'D'] });
    expect([u.base, u.blocks?.list.map((b) => b.score)]).toEqual([100, [100, null]]);
    expect(u.blocks?.text).toBe(
      '共性指标 100 ÷ 100 × 100 = 100 分；个性指标：所承担的指标均不涉及，不计分，其权重 3 计入其余部分；按承担部分的权重折算：(100 × 7) ÷ 7 = 100',
    );
    expect(u.complete).toBe(true);
    expect(u.items.C.reason).toBe('不涉及，不计入所在部分的 x 和 y');
  });
  it('part of a block carried (D 不涉及): 个性 50 ÷ 50 × 100 = 100, 共性 (0 + 2 × 5) ÷ 100 × 100 = 10; (10 × 7 + 100 × 3) ÷ 10 = 37', () => {
    const u = scoreUnit(r, { name: '丙', inputs: { A: { a: '否' }, B: { b: 2 }, C: { c: '是' } }, notApplicable: ['D'] });
    expect([u.base, u.blocks?.list.map((b) => [b.x, b.y, b.score])]).toEqual([
      37,
      [
        [10, 100, 10],
        [50, 50, 100],
      ],
    ]);
  });
  it('exact through the division: 个性 20 ÷ 50 × 100 = 40 (C 不涉及, D 2 × 10); 共性 (60 + 1 × 5) = 65; (65 × 7 + 40 × 3) ÷ 10 = 57.5', () => {
    const u = scoreUnit(r, { name: '丁', inputs: { A: { a: '是' }, B: { b: 1 }, D: { d: 2 } }, notApplicable: ['C'] });
    expect(u.base).toBe(57.5);
  });
  it('weights 2 : 1 give a non-terminating total: 共性 35 ÷ 40 × 100 = 87.5, 个性 10 ÷ 100 × 100 = 10; 185 ÷ 3 → 61.67', () => {
    const thirds = miniRubric([...one, ...two], {
      ...overrides,
      aggregation: {
        mode: 'blocks',
        scale: 100,
        blocks: [
          { label: '共性指标', weight: 2, categories: ['一'] },
          { label: '个性指标', weight: 1, categories: ['二'] },
        ],
      },
    });
    // 共性 35 ÷ 40 × 100 = 87.5; 个性 (0 + 1 × 10) ÷ 100 × 100 = 10; (87.5 × 2 + 10 × 1) ÷ 3 = 185 ÷ 3 = 61.666… → 61.67
    const u = scoreUnit(thirds, { name: '戊', inputs: { B: { b: 7 }, C: { c: '否' }, D: { d: 1 } }, notApplicable: ['A'] });
    expect(u.base).toBe(61.67);
    expect(u.blocks?.text).toContain('(87.5 × 2 + 10 × 1) ÷ 3 ≈ 61.67');
  });
  it('an unfinished item leaves the blocks unscored: no base, no block scores', () => {
    const u = scoreUnit(r, { name: '己', inputs: { A: { a: '是' }, B: { b: 5 }, C: { c: '否' } } });
    expect([u.base, u.final, u.blocks, u.complete]).toEqual([null, null, undefined, false]);
  });
  it('every item 不涉及: no block can be scored, no number is made up, and the office is told', () => {
    const u = scoreUnit(r, { name: '庚', notApplicable: ['A', 'B', 'C', 'D'] });
    expect([u.base, u.final, u.complete]).toEqual([null, null, false]);
    expect(u.problems.map((p) => p.message).join('\n')).toContain('各部分均无可计分的指标，无法计算得分');
  });
});

describe('不涉及 scored at the average of the other units (容缺项, issue 16.6)', () => {
  // A 10 分: 2 分 per document; B 10 分: 是 → 10.
  const items = [
    indicator('A', 10, [count('docs', '报送文件数')], { kind: 'count', field: 'docs', rate: 2 }),
    indicator('B', 10, [yes('plan', '是否印发方案')], { kind: 'bool', field: 'plan', points: 10 }),
  ];
  const groups = {
    method: 'competition' as const,
    groups: [
      { id: 'G', label: '市直部门' },
      { id: 'H', label: '县区' },
    ],
  };
  const byGroup = miniRubric(items, { ...V2, notApplicable: 'average', averageOver: 'group', ranking: groups });
  const byRoster = miniRubric(items, { ...V2, notApplicable: 'average', averageOver: 'roster', ranking: groups });
  const u = (name: string, group: string, docs: number | null, plan: string, notApplicable?: string[]) => ({
    name,
    group,
    inputs: { A: docs === null ? {} : { docs }, B: { plan } },
    ...(notApplicable ? { notApplicable } : {}),
  });
  // G: 甲 4 × 2 = 8, 乙 3 × 2 = 6, 己 1 × 2 = 2; 丙 marks A 不涉及. H: 丁 marks A 不涉及, nobody in H answered A.
  const roster = [
    u('甲', 'G', 4, '是'),
    u('乙', 'G', 3, '否'),
    u('己', 'G', 1, '否'),
    u('丙', 'G', null, '是', ['A']),
    u('丁', 'H', null, '是', ['A']),
  ];

  it('group: 丙’s A is (8 + 6 + 2) ÷ 3 = 16/3 ≈ 5.33, exact; its total 16/3 + 10 = 46/3 ≈ 15.33', () => {
    const res = scoreRoster(byGroup, roster);
    const c = res.units.find((x) => x.name === '丙')!;
    expect(c.items.A).toMatchObject({
      score: 5.33,
      exact: '16/3',
      status: 'scored',
      reason: '不涉及，按同组作答此项的 3 个单位的平均分计：16 ÷ 3 ≈ 5.33 分',
    });
    expect([c.base, c.final, c.complete]).toEqual([15.33, 15.33, true]);
  });
  it('group: nobody else in 丁’s group answered A, so A stays 待定 and 丁 has no total; the office is told', () => {
    const d = scoreRoster(byGroup, roster).units.find((x) => x.name === '丁')!;
    expect([d.items.A.status, d.items.A.score, d.final, d.complete]).toEqual(['incomplete', null, null, false]);
    expect(d.items.A.reason).toBe('不涉及，按同组其他单位平均分计：没有其他单位作答此项，平均分无从计算，本项待定');
    expect(d.problems.map((p) => p.message)).toContain(
      '丁：A 指标A 不涉及，按同组其他单位平均分计：没有其他单位作答此项，平均分无从计算，本项待定，请考核组决定',
    );
  });
  it('roster: 丁’s A is the average over every unit that answered it, (8 + 6 + 2) ÷ 3 = 16/3; 16/3 + 10 ≈ 15.33', () => {
    const d = scoreRoster(byRoster, roster).units.find((x) => x.name === '丁')!;
    expect(d.items.A.reason).toBe('不涉及，按全部参评单位作答此项的 3 个单位的平均分计：16 ÷ 3 ≈ 5.33 分');
    expect(d.final).toBe(15.33);
  });
  it('while another unit has not finished the item, the average is 待定 (never a number from part of the units)', () => {
    const unfinished = [u('甲', 'G', 4, '是'), u('乙', 'G', null, '否'), u('丙', 'G', null, '是', ['A'])];
    const c = scoreRoster(byGroup, unfinished).units.find((x) => x.name === '丙')!;
    expect([c.items.A.status, c.items.A.score, c.final]).toEqual(['incomplete', null, null]);
    expect(c.items.A.reason).toBe('不涉及，按同组其他单位平均分计：尚有 1 个单位未完成此项，平均分待定');
  });
  it('a unit scored alone has no roster: its 不涉及 item is 待定', () => {
    const c = scoreUnit(byGroup, u('丙', 'G', null, '是', ['A']));
    expect([c.items.A.status, c.final]).toEqual(['incomplete', null]);
  });
  it('ranks use the averaged total: G by final 18 (甲), 15.33 (丙), 6 (乙), 2 (己)', () => {
    const ranked = scoreRoster(byGroup, roster).units.filter((x) => x.group === 'G');
    // 甲 8 + 10 = 18; 乙 6 + 0 = 6; 己 2 + 0 = 2; 丙 15.33
    expect(ranked.map((x) => [x.name, x.final, x.rank])).toEqual([
      ['甲', 18, 1],
      ['乙', 6, 3],
      ['己', 2, 4],
      ['丙', 15.33, 2],
    ]);
  });
});
