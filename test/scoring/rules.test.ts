/**
 * Every rule kind and its edges, on synthetic one-indicator rubrics. Expectations are computed by
 * hand from the rule written in each test.
 */
import { scoreUnit } from '../../src/scoring/score';
import { choice, count, indicator, miniRubric, num, pct, score, yes } from '../helpers/mini-rubric';

const one = (r: ReturnType<typeof miniRubric>, inputs: Record<string, unknown>, extra = {}) =>
  scoreUnit(r, { name: '甲单位', inputs: { X: inputs as Record<string, string> }, ...extra });

describe('bool', () => {
  const r = miniRubric([indicator('X', 10, [yes('ok', '是否按时报送')], { kind: 'bool', field: 'ok', points: 10 })]);
  it('awards the points on yes and nothing on no', () => {
    expect(one(r, { ok: '是' }).items.X).toMatchObject({ score: 10, status: 'scored', reason: '按时报送：是，得 10 分' });
    expect(one(r, { ok: '×' }).items.X).toMatchObject({ score: 0, status: 'scored' });
  });
  it('a blank is incomplete, never 0', () => {
    const u = one(r, {});
    expect(u.items.X).toMatchObject({ score: null, status: 'incomplete' });
    expect(u.final).toBeNull();
    expect(u.complete).toBe(false);
    expect(u.problems[0]).toMatchObject({ severity: 'missing', unit: '甲单位', indicatorId: 'X' });
  });
});

describe('the same answers give the same result', () => {
  const r = miniRubric([indicator('X', 10, [yes('ok', '是否按时报送')], { kind: 'bool', field: 'ok', points: 10 })]);
  it('是 and √ are one answer; 否 another', () => {
    const a = one(r, { ok: '是' }).items.X;
    const b = one(r, { ok: '√' }).items.X;
    const c = one(r, { ok: '否' }).items.X;
    expect(b).toEqual(a);
    expect([a.score, a.reason, c.score, c.reason]).toEqual([10, '按时报送：是，得 10 分', 0, '按时报送：否，不得分']);
  });
  it('a unit answering as another did still gets its own problems and its own unit name in them', () => {
    const [a, b] = [one(r, { ok: '是' }), scoreUnit(r, { name: '乙单位', inputs: { X: { ok: '是', extra: 1 } } })];
    expect(b.items.X).toEqual(a.items.X);
    expect(a.problems).toEqual([]);
    expect(b.problems.map((p) => p.message)).toEqual(['乙单位：X 指标X 没有输入项「extra」，该值未使用']);
    // 是 typed as text and true as a boolean are read alike, and both are scored (10 分)
    expect(one(r, { ok: true }).items.X.score).toBe(10);
    expect(one(r, { ok: '否' }, { notApplicable: ['X'] }).items.X.status).not.toBe('scored');
  });
  it('a composite of yes/no parts says each part, then the item total (2 + 0 = 2)', () => {
    const c = miniRubric([
      indicator('X', 4, [yes('a', '是否建立制度'), yes('b', '是否公开')], {
        kind: 'composite',
        parts: [
          { kind: 'bool', field: 'a', points: 2 },
          { kind: 'bool', field: 'b', points: 2 },
        ],
      }),
    ]);
    const u = (a: string, b: string) => scoreUnit(c, { name: '甲', inputs: { X: { a, b } } });
    expect(u('是', '否').items.X).toMatchObject({ score: 2, reason: '建立制度：是，得 2 分；公开：否，不得分；本项得 2 分' });
    expect(u('否', '否').items.X).toMatchObject({ score: 0, reason: '建立制度：否，不得分；公开：否，不得分；本项得 0 分' });
  });
});

describe('levels', () => {
  const r = miniRubric([
    indicator(
      'X',
      4,
      [
        choice('how', ['全部', '部分', '均未']),
        count('auto', '自动更新目录数'),
        count('manual', '按时更新目录数'),
        count('total', '目录总数'),
        yes('gate', '是否当月有更新却未更新'),
      ],
      {
        kind: 'levels',
        field: 'how',
        zeroIf: { field: 'gate', is: true },
        zeroIfLabel: '当月有更新却未更新',
        levels: [
          { option: '全部', points: 4 },
          { option: '部分', points: 4, ratio: { numerator: 'auto', denominator: 'total', whenDenominatorZero: 'zero' } },
          { option: '均未', points: 2, ratio: { numerator: 'manual', denominator: 'total', whenDenominatorZero: 'zero' } },
        ],
      },
    ),
  ]);
  it('a ratio level: 6/8 × 4 = 3; 5/10 × 2 = 1', () => {
    expect(one(r, { how: '部分', auto: 6, total: 8, gate: '否', manual: 0 }).items.X.score).toBe(3);
    expect(one(r, { how: '均未', manual: 5, total: 10, gate: '否', auto: 0 }).items.X.score).toBe(1);
  });
  it('the gate zeroes the whole item', () => {
    const u = one(r, { how: '全部', gate: '是', auto: 0, manual: 0, total: 1 });
    expect(u.items.X).toMatchObject({ score: 0, reason: '当月有更新却未更新，不得分' });
  });
  it('an unknown option is rejected with the options listed', () => {
    const u = one(r, { how: '大部分', gate: '否', auto: 1, manual: 1, total: 1 });
    expect(u.items.X.status).toBe('invalid');
    expect(u.problems[0].message).toContain('「大部分」不是可选项（可选：全部、部分、均未）');
  });
  it('a non-terminating ratio stays exact: 1/3 × 4 = 4/3 shown as 1.33', () => {
    const u = one(r, { how: '部分', auto: 1, total: 3, gate: '否', manual: 0 });
    expect(u.items.X.exact).toBe('4/3');
    expect(u.items.X.score).toBe(1.33);
  });
});

describe('count with cap', () => {
  const r = miniRubric([indicator('X', 5, [count('n', '按时报送篇数')], { kind: 'count', field: 'n', rate: 1, cap: 5, unit: '篇' })]);
  it('7 × 1 = 7 capped at 5', () => {
    expect(one(r, { n: 7 }).items.X).toMatchObject({ score: 5, reason: '按时报送篇数 7篇 × 1 分 = 7 分，上限 5 分，得 5 分' });
  });
  it('exactly at the cap and below it', () => {
    expect(one(r, { n: 5 }).items.X.score).toBe(5);
    expect(one(r, { n: 4 }).items.X.score).toBe(4);
    expect(one(r, { n: 0 }).items.X.score).toBe(0);
  });
  it('rejects fractional, negative and text counts, naming unit, indicator and value', () => {
    expect(one(r, { n: 2.5 }).problems[0].message).toBe('甲单位：X 指标X · 按时报送篇数：须为整数（「2.5」）');
    expect(one(r, { n: -1 }).problems[0].message).toBe('甲单位：X 指标X · 按时报送篇数：不能为负数（「-1」）');
    expect(one(r, { n: '七篇' }).problems[0].message).toContain('「七篇」不是数字');
  });
  it('0.1 × n is exact: 0.1 × 3 = 0.3, not 0.30000000000000004', () => {
    const r2 = miniRubric([indicator('X', 3, [count('n')], { kind: 'count', field: 'n', rate: 0.1 })]);
    const u = one(r2, { n: 3 });
    expect(u.items.X.exact).toBe('3/10');
    expect(u.final).toBe(0.3);
  });
  it('no cap stated: capped at the item maximum (D5)', () => {
    const r2 = miniRubric([indicator('X', 15, [count('n')], { kind: 'count', field: 'n', rate: 5 })]);
    expect(one(r2, { n: 4 }).items.X.score).toBe(15); // 4 × 5 = 20 → 15
  });
});

describe('ratio', () => {
  const r = miniRubric([
    indicator('X', 6, [num('done', '更新数据量'), num('std', '考核标准')], {
      kind: 'ratio',
      points: 6,
      ratio: { numerator: 'done', denominator: 'std', whenDenominatorZero: 'zero' },
    }),
  ]);
  it('ratio × points, clamped to 100 %', () => {
    expect(one(r, { done: 3, std: 4 }).items.X.score).toBe(4.5); // 3/4 × 6
    expect(one(r, { done: 5, std: 4 }).items.X.score).toBe(6); // 125 % → 100 %
    expect(one(r, { done: 4, std: 4 }).items.X.score).toBe(6);
  });
  it('zero denominator as declared', () => {
    expect(one(r, { done: 3, std: 0 }).items.X.score).toBe(0);
    const full = miniRubric([
      indicator('X', 2, [count('a'), count('b')], {
        kind: 'ratio',
        points: 2,
        ratio: { numerator: 'a', denominator: 'b', whenDenominatorZero: 'full' },
      }),
    ]);
    expect(one(full, { a: 0, b: 0 }).items.X.score).toBe(2);
  });
  it('16.2 / 18 × 6 is exactly 5.4', () => {
    expect(one(r, { done: '16.2', std: 18 }).items.X.exact).toBe('27/5');
  });
});

describe('tiers with explicit boundaries', () => {
  const r = miniRubric([
    indicator('X', 5, [count('n', '归集部门数')], {
      kind: 'tiers',
      field: 'n',
      tiers: [
        { min: 30, points: 5 },
        { min: 20, max: 30, points: 3 },
        { min: 1, max: 20, points: 1 },
        { min: 0, max: 0, maxInclusive: true, points: 0 },
      ],
    }),
  ]);
  it.each([
    [31, 5],
    [30, 5], // 30 以上含本数
    [29, 3],
    [20, 3], // boundary goes to the higher tier
    [19, 1],
    [1, 1],
    [0, 0],
  ])('%i departments → %i points', (n, p) => {
    expect(one(r, { n }).items.X.score).toBe(p);
  });
  it('fractional days: 2 → 3, 2.5 → 2, 4 → 1', () => {
    const days = miniRubric([
      indicator('X', 3, [num('d', '中断天数')], {
        kind: 'tiers',
        field: 'd',
        tiers: [
          { max: 2, maxInclusive: true, points: 3 },
          { min: 2, minInclusive: false, max: 4, points: 2 },
          { min: 4, points: 1 },
        ],
      }),
    ]);
    expect(one(days, { d: 2 }).items.X.score).toBe(3);
    expect(one(days, { d: 2.5 }).items.X.score).toBe(2);
    expect(one(days, { d: 4 }).items.X.score).toBe(1);
  });
});

describe('checklist', () => {
  const fields = [yes('a', '是否明确分管领导'), yes('b', '是否明确责任科室'), yes('c', '是否明确联络员')];
  const r = miniRubric([
    indicator('X', 5, fields, { kind: 'checklist', elements: ['a', 'b', 'c'], perMissing: 2, zeroIfAllMissing: true }),
  ]);
  it('5 − 2 per missing element, floored at 0, zero when all missing', () => {
    expect(one(r, { a: '是', b: '是', c: '是' }).items.X.score).toBe(5);
    expect(one(r, { a: '是', b: '是', c: '否' }).items.X).toMatchObject({ score: 3, reason: '缺 1 项（明确联络员），5 − 1 × 2 = 3 分' });
    expect(one(r, { a: '是', b: '否', c: '否' }).items.X.score).toBe(1);
    expect(one(r, { a: '否', b: '否', c: '否' }).items.X.score).toBe(0);
  });
  it('a gate via zeroIf', () => {
    const g = miniRubric([
      indicator('X', 10, [yes('plan', '是否以正式文件出台方案'), yes('a'), yes('b')], {
        kind: 'checklist',
        elements: ['a', 'b'],
        perMissing: 2,
        zeroIf: { field: 'plan', is: false },
        zeroIfLabel: '未以正式文件出台方案',
      }),
    ]);
    expect(one(g, { plan: '否', a: '是', b: '是' }).items.X.score).toBe(0);
    expect(one(g, { plan: '是', a: '否', b: '否' }).items.X.score).toBe(6); // 10 − 2 × 2
  });
});

describe('deduct_if', () => {
  const r = miniRubric([
    indicator('X', 10, [yes('report', '是否开展情况通报'), pct('acc', '准确率'), pct('timely', '及时率')], {
      kind: 'deduct_if',
      conditions: [
        { when: { field: 'report', is: false }, deduct: 5, label: '未开展情况通报' },
        {
          when: {
            any: [
              { field: 'acc', op: '<', value: 100 },
              { field: 'timely', op: '<', value: 100 },
            ],
          },
          deduct: 5,
          label: '准确率、及时率低于100%',
        },
      ],
    }),
  ]);
  it('deducts each condition that holds, once', () => {
    expect(one(r, { report: '是', acc: '100%', timely: '1%' }, {}).items.X.score).toBe(5); // timely 1 % < 100 → −5
    expect(one(r, { report: '是', acc: '100%', timely: '100%' }).items.X.score).toBe(10);
    expect(one(r, { report: '否', acc: '99.9%', timely: '80%' }).items.X.score).toBe(0); // 10 − 5 − 5, one deduction for both rates
  });
  it('threshold strictness: exactly 20 % passes a 「不低于20%」 rule', () => {
    const t = miniRubric([
      indicator('X', 10, [pct('share', '入驻比例')], {
        kind: 'deduct_if',
        conditions: [{ when: { field: 'share', op: '<', value: 20 }, deduct: 10, label: '入驻比例低于20%' }],
      }),
    ]);
    expect(one(t, { share: '20%' }).items.X.score).toBe(10);
    expect(one(t, { share: '19.99%' }).items.X.score).toBe(0);
  });
});

describe('step_deduct', () => {
  const make = (rounding: 'floor' | 'ceil' | 'prorata') =>
    miniRubric([
      indicator('X', 5, [pct('r', '参加修复占比'), yes('none', '是否本行业无严重失信企业')], {
        kind: 'step_deduct',
        field: 'r',
        threshold: 80,
        step: 10,
        perStep: 1,
        rounding,
        exemptIf: 'none',
      }),
    ]);
  it.each([
    ['80%', 5],
    ['79%', 5], // floor: less than one full step costs nothing
    ['75%', 5],
    ['70%', 4],
    ['55%', 3],
    ['20%', 0], // 6 steps → 5 − 6 floored at 0
  ])('floor: %s → %i', (v, p) => {
    expect(one(make('floor'), { r: v, none: '否' }).items.X.score).toBe(p);
  });
  it('ceil and prorata readings', () => {
    expect(one(make('ceil'), { r: '75%', none: '否' }).items.X.score).toBe(4);
    expect(one(make('prorata'), { r: '75%', none: '否' }).items.X.score).toBe(4.5);
  });
  it('exempt: no enterprise concerned → full points without a rate', () => {
    expect(one(make('floor'), { none: '是' }).items.X.score).toBe(5);
  });
});

describe('per_occurrence', () => {
  const r = miniRubric([
    indicator('X', 5, [count('k', '未参加活动次数')], { kind: 'per_occurrence', field: 'k', base: 5, perOccurrence: 1 }),
  ]);
  it('5 − k, floored at 0', () => {
    expect(one(r, { k: 0 }).items.X.score).toBe(5);
    expect(one(r, { k: 2 }).items.X.score).toBe(3);
    expect(one(r, { k: 9 }).items.X.score).toBe(0);
  });
});

describe('manual', () => {
  const r = miniRubric([indicator('X', 25, [{ ...score('s'), step: 0.5 }], { kind: 'manual', field: 's' })]);
  it('takes the assessor score within [0, max]', () => {
    expect(one(r, { s: 22.5 }).items.X.score).toBe(22.5);
    expect(one(r, { s: 25 }).items.X.score).toBe(25);
  });
  it('rejects above the maximum and off-step values, never clamps', () => {
    expect(one(r, { s: 26 }).items.X.status).toBe('invalid');
    expect(one(r, { s: 26 }).problems[0].message).toBe('甲单位：X 指标X · 得分：26 超过本项最高分 25');
    expect(one(r, { s: 22.3 }).problems[0].message).toContain('须为 0.5 的整数倍');
  });
});

describe('composite', () => {
  const r = miniRubric(
    [
      indicator(
        'X',
        15,
        [yes('doc', '是否制定相关文件'), count('cases', '典型案例数')],
        {
          kind: 'composite',
          parts: [
            { kind: 'bool', field: 'doc', points: 5 },
            { kind: 'count', field: 'cases', rate: 1, cap: 5 },
          ],
        },
        { attainableMax: 10, notes: ['n1'] },
      ),
    ],
    { notes: [{ id: 'n1', about: 'X', text: '印刷15分，规则最多10分' }] },
  );
  it('sums parts, each within its own cap: 5 + min(7, 5) = 10', () => {
    expect(one(r, { doc: '是', cases: 7 }).items.X.score).toBe(10);
    expect(one(r, { doc: '否', cases: 3 }).items.X.score).toBe(3);
  });
  it('a cap on the sum: 2016 part 1 + 2017 part 3 × 1 = 4 → cap 2', () => {
    const c = miniRubric([
      indicator('X', 2, [yes('a'), count('b')], {
        kind: 'composite',
        cap: 2,
        parts: [
          { kind: 'bool', field: 'a', points: 1 },
          { kind: 'count', field: 'b', rate: 1 },
        ],
      }),
    ]);
    const u = one(c, { a: '是', b: 3 });
    expect(u.items.X.score).toBe(2);
    expect(u.items.X.reason).toContain('超过上限 2 分');
  });
  it('a part gate (zeroIf) zeroes only that part', () => {
    const c = miniRubric([
      indicator('X', 5, [yes('self', '是否自主举办专题培训'), yes('went', '是否参加市县级培训'), count('missed', '缺少参与的培训次数')], {
        kind: 'composite',
        parts: [
          { kind: 'bool', field: 'self', points: 3 },
          {
            kind: 'per_occurrence',
            field: 'missed',
            base: 2,
            perOccurrence: 1,
            zeroIf: { field: 'went', is: false },
            zeroIfLabel: '没参加培训',
          },
        ],
      }),
    ]);
    expect(one(c, { self: '是', went: '否', missed: 0 }).items.X.score).toBe(3);
    expect(one(c, { self: '是', went: '是', missed: 1 }).items.X.score).toBe(4);
  });
});

describe('texts of fractional points', () => {
  // One value, 2.5, said three ways in one unit: as points (5 × 0.5), as what is left
  // (5 − 1 × 2.5) and as an item total (1.5 + 1); each way keeps its own words.
  it('are right whichever way the same fraction was said first', () => {
    const r = miniRubric([
      indicator('X', 10, [count('n', '报送信息数')], { kind: 'count', field: 'n', rate: 0.5, cap: 10 }),
      indicator('Y', 5, [count('k', '通报次数')], { kind: 'per_occurrence', field: 'k', base: 5, perOccurrence: 2.5 }),
      indicator('Z', 5, [count('a', '甲类信息数'), count('b', '乙类信息数')], {
        kind: 'composite',
        parts: [
          { kind: 'count', field: 'a', rate: 0.5, cap: 2.5 },
          { kind: 'count', field: 'b', rate: 0.5, cap: 2.5 },
        ],
      }),
    ]);
    for (let round = 0; round < 2; round++) {
      const u = scoreUnit(r, { name: '甲', inputs: { X: { n: 5 }, Y: { k: 1 }, Z: { a: 3, b: 2 } } });
      expect(u.items.X.reason).toBe('报送信息数 5 × 0.5 分，得 2.5 分');
      expect(u.items.Y.reason).toBe('通报次数 1 次 × 2.5 分，扣 2.5 分，得 2.5 分');
      expect(u.items.Z.reason).toBe('甲类信息数 3 × 0.5 分，得 1.5 分；乙类信息数 2 × 0.5 分，得 1 分；本项得 2.5 分');
      expect(u.final).toBe(7.5); // 2.5 + 2.5 + 2.5
    }
  });
});
