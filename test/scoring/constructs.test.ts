/**
 * Scoring of the optional rubric constructs of issue 16 (一票否决, …), each on a small rubric written
 * for it (not any city's): the expectations are hand-computed, the arithmetic in the comments.
 */
import { scoreRoster, scoreUnit } from '../../src/scoring/score';
import { count, indicator, miniRubric, yes } from '../helpers/mini-rubric';

const messages = (u: { problems: { message: string }[] }) => u.problems.map((p) => p.message);

describe('一票否决 (veto, issue 16.1)', () => {
  // A 10 分: 是 → 10; B 10 分: 2 分 per document, up to 10; V: the veto item, 0 分.
  const items = [
    indicator('A', 10, [yes('plan', '是否印发工作方案')], { kind: 'bool', field: 'plan', points: 10 }),
    indicator('B', 10, [count('docs', '报送文件数')], { kind: 'count', field: 'docs', rate: 2 }),
  ];
  const vetoItem = (result: 'fail' | 'zero', resultLabel?: string) =>
    indicator('V', 0, [yes('incident', '是否发生重大失信事件')], {
      kind: 'veto',
      label: '发生重大失信事件',
      when: { field: 'incident', is: true },
      result,
      ...(resultLabel ? { resultLabel } : {}),
    });
  const failing = miniRubric([...items, vetoItem('fail', '不通过')], {
    ranking: { method: 'competition', groups: [{ id: 'G', label: '组', honours: [{ label: '优秀单位', top: 1 }] }] },
  });
  const zeroing = miniRubric([...items, vetoItem('zero')], {
    bands: {
      basis: 'final',
      list: [
        { label: '优秀', min: 18, minInclusive: true },
        { label: '合格', min: 10, minInclusive: true },
        { label: '不合格', min: null, minInclusive: false },
      ],
    },
  });
  const unit = (name: string, incident: string | boolean, docs = 4) => ({
    name,
    inputs: { A: { plan: '是' }, B: { docs }, V: { incident } },
  });

  it('not triggered: the veto item scores 0 and says so; the total is the items’ sum 10 + 4 × 2 = 18', () => {
    const u = scoreUnit(failing, unit('甲', '否'));
    expect(u.items.V).toMatchObject({ score: 0, status: 'scored', reason: '无「发生重大失信事件」情形，不否决' });
    expect(u.items.V.vetoed).toBeUndefined();
    expect([u.final, u.band, u.veto]).toEqual([18, null, undefined]);
  });
  it('"fail": the points stand (10 + 8 = 18) but the result is 不通过, and the top rank is not honoured', () => {
    const res = scoreRoster(failing, [unit('甲', '是'), unit('乙', '否', 3)]);
    const [a, b] = res.units;
    expect(a.items.V).toMatchObject({ score: 0, vetoed: true, reason: '发生重大失信事件，一票否决：不通过' });
    expect([a.final, a.band, a.rank]).toEqual([18, '不通过', 1]);
    expect(a.veto).toEqual({ result: 'fail', label: '不通过', text: '一票否决（V 发生重大失信事件）：不通过' });
    expect(a.labels).toEqual(['一票否决（V 发生重大失信事件）：不通过']); // not 优秀单位
    // 乙: 10 + 3 × 2 = 16, rank 2, not in the top 1: no honour either
    expect([b.final, b.rank, b.labels]).toEqual([16, 2, []]);
  });
  it('"zero": base and final are 0 whatever the points (18) and the band is read on 0', () => {
    const u = scoreUnit(zeroing, unit('甲', true));
    expect([u.items.A.score, u.items.B.score]).toEqual([10, 8]); // the items keep their points
    expect([u.base, u.final, u.band]).toEqual([0, 0, '不合格']);
    expect(u.veto?.text).toBe('一票否决（V 发生重大失信事件）：总分计 0 分');
    expect(messages(u)).toEqual([]);
  });
  it('a blank veto field leaves the unit unfinished; a wrong one is an input error, never a veto or a pass', () => {
    const blank = scoreUnit(zeroing, { name: '甲', inputs: { A: { plan: '是' }, B: { docs: 4 }, V: {} } });
    expect([blank.items.V.status, blank.final, blank.veto]).toEqual(['incomplete', null, undefined]);
    const wrong = scoreUnit(zeroing, unit('甲', '也许'));
    expect([wrong.items.V.status, wrong.items.V.score, wrong.final, wrong.veto]).toEqual(['invalid', null, null, undefined]);
  });
});

describe('tiers on a computed rate of two typed counts (issue 16.2)', () => {
  // 合规率 = 合规数 ÷ 应报数: 100 % → 2 分, ≥ 98 % → 1 分, below → 0, compared on the exact fraction.
  const r = miniRubric([
    indicator('R', 2, [count('ok', '合规数'), count('due', '应报数')], {
      kind: 'tiers',
      ratio: { numerator: 'ok', denominator: 'due', whenDenominatorZero: 'invalid', whenAbove: 'invalid' },
      tiers: [
        { min: 100, points: 2, label: '100%' },
        { min: 98, max: 100, points: 1, label: '≥98%' },
        { max: 98, points: 0, label: '低于98%' },
      ],
    }),
  ]);
  const item = (ok: number, due: number) => scoreUnit(r, { name: '甲', inputs: { R: { ok, due } } }).items.R;

  it('50/50 = 100 % → 2; 49/50 = 98 % exactly → 1 (the boundary is in); 48/50 = 96 % → 0', () => {
    expect([item(50, 50).score, item(49, 50).score, item(48, 50).score]).toEqual([2, 1, 0]);
    expect(item(49, 50).reason).toBe('合规数/应报数 = 49/50 = 98%，属「≥98%」档，得 1 分');
  });
  it('489/499 is 97.9959… % → 0, where the rounded 98.00 % would have given 1', () => {
    // 489 × 100 / 499 = 48900/499 = 97.99599…; 98 × 499 = 48902 > 48900, so below 98 %
    expect(item(489, 499).score).toBe(0);
    expect(item(489, 499).reason).toBe('合规数/应报数 = 489/499 ≈ 97.996%，属「低于98%」档，得 0 分');
  });
  it('a zero 应报数 and a 合规数 above it are input errors here, not a tier', () => {
    expect([item(0, 0).status, item(0, 0).score]).toEqual(['invalid', null]);
    expect([item(51, 50).status, item(51, 50).score]).toEqual(['invalid', null]);
  });
});

describe('exact fractional constants (issue 16.4)', () => {
  // 转载数 ÷ 12 × 1 分, up to the item's 1 分: rate "1/12"; and 每少 1 篇扣 1/3 分 from 2 分.
  const r = miniRubric([
    indicator('T', 1, [count('n', '转载数')], { kind: 'count', field: 'n', rate: '1/12', unit: '篇' }),
    indicator('P', 2, [count('k', '少转发数')], { kind: 'per_occurrence', field: 'k', base: 2, perOccurrence: '1/3' }),
  ]);
  const u = (n: number, k: number) => scoreUnit(r, { name: '甲', inputs: { T: { n }, P: { k } } });

  it('7 × 1/12 = 7/12 exactly (0.58 shown), and the reason shows 1/12', () => {
    const x = u(7, 0);
    expect([x.items.T.exact, x.items.T.score]).toEqual(['7/12', 0.58]);
    expect(x.items.T.reason).toBe('转载数 7篇 × 1/12 分，得 0.58 分');
  });
  it('12 × 1/12 = 1 exactly: full marks, not 0.99999…; 13 × 1/12 = 13/12 is capped at 1', () => {
    expect([u(12, 0).items.T.exact, u(13, 0).items.T.exact]).toEqual(['1', '1']);
  });
  it('per_occurrence 1/3: 2 − 3 × 1/3 = 1 exactly; 2 − 6 × 1/3 = 0', () => {
    expect([u(0, 3).items.P.exact, u(0, 6).items.P.exact]).toEqual(['1', '0']);
    // total: 7/12 + 1 = 19/12 = 1.5833… → 1.58
    expect(u(7, 3).final).toBe(1.58);
  });
});

describe('bounds on counts (issue 16.10)', () => {
  // At most 12 documents exist; each scores 1/12 of the item's 1 分.
  const r = miniRubric([
    indicator('T', 1, [{ ...count('n', '转载文件数'), unit: '份', max: 12 }], { kind: 'count', field: 'n', rate: '1/12' }),
  ]);
  const item = (n: unknown) => scoreUnit(r, { name: '甲', inputs: { T: { n: n as number } } });

  it('12 is the bound itself: 12 × 1/12 = 1 分', () => {
    expect(item(12).items.T.exact).toBe('1');
    expect(item('12份').items.T.exact).toBe('1');
  });
  it('13 is an input error naming the bound: 输入有误, no score, no total', () => {
    const u = item(13);
    expect([u.items.T.status, u.items.T.score, u.final]).toEqual(['invalid', null, null]);
    expect(messages(u)).toEqual(['甲：T 指标T · 转载文件数：不能大于 12份（「13」）：本项最多 12份']);
  });
});

describe('rescaling into an outer scale (issue 16.8)', () => {
  // A 100-point assessment worth 10 points of a 1,000-point index: A 60 (是 → 60), B 40 (0.5 per 件, up to 40).
  const r = miniRubric(
    [
      indicator('A', 60, [yes('plan')], { kind: 'bool', field: 'plan', points: 60 }),
      indicator('B', 40, [count('n', '件数')], { kind: 'count', field: 'n', rate: 0.5 }),
    ],
    { outerScale: { max: 10, label: '折合城市信用指数分值' } },
  );
  it('85.5 on 100 is 85.5 × 10 ÷ 100 = 8.55 of 10, with no warning about 100 ≠ 10', () => {
    // 60 + 51 × 0.5 = 85.5
    const u = scoreUnit(r, { name: '甲', inputs: { A: { plan: '是' }, B: { n: 51 } } });
    expect([u.final, u.scaled, u.problems]).toEqual([85.5, 8.55, []]);
  });
  it('rounded like the final: 60 + 1 × 0.5 = 60.5 → 6.05; 0.5 × 10 ÷ 100 = 0.05', () => {
    expect(scoreUnit(r, { name: '甲', inputs: { A: { plan: '是' }, B: { n: 1 } } }).scaled).toBe(6.05);
    expect(scoreUnit(r, { name: '甲', inputs: { A: { plan: '否' }, B: { n: 1 } } }).scaled).toBe(0.05);
  });
  it('no figure while the final is unknown, and none without an outer scale', () => {
    expect(scoreUnit(r, { name: '甲', inputs: { A: { plan: '是' } } }).scaled).toBeNull();
    const plain = miniRubric([indicator('A', 60, [yes('plan')], { kind: 'bool', field: 'plan', points: 60 })]);
    expect('scaled' in scoreUnit(plain, { name: '甲', inputs: { A: { plan: '是' } } })).toBe(false);
  });
});

describe('itemised bonus under one cap (issue 16.9)', () => {
  // Base: A 10 分 (是 → 10). Bonus items (category 加分): 国家级表彰 是 → 3 分; 省级示范 是 → 2 分;
  // 经验推广 1 分 per 篇 up to 3 分; together at most 5 分.
  const base = indicator('A', 10, [yes('plan')], { kind: 'bool', field: 'plan', points: 10 });
  const bonusItems = [
    indicator('J1', 3, [yes('national', '是否获国家级表彰')], { kind: 'bool', field: 'national', points: 3 }),
    indicator('J2', 2, [yes('province', '是否获省级示范')], { kind: 'bool', field: 'province', points: 2 }),
    indicator('J3', 3, [count('n', '经验推广篇数')], { kind: 'count', field: 'n', rate: 1 }),
  ];
  const r = miniRubric([base], {
    fullMarks: 10,
    bonus: { kind: 'items', label: '加分项', criteria: '每项加分见各行，合计不超过5分', category: 'J', max: 5 },
    categories: [
      { id: '一', number: '一', name: '基础', points: 10, indicators: [base] },
      { id: 'J', number: '二', name: '加分项目', points: 8, indicators: bonusItems },
    ],
  });
  const unit = (national: string, province: string, n: number) => ({
    name: '甲',
    inputs: { A: { plan: '是' }, J1: { national }, J2: { province }, J3: { n } },
  });

  it('items add up under the cap: 3 + 0 + 1 × 1 = 4 ≤ 5 → bonus 4, final 10 + 4 = 14', () => {
    const u = scoreUnit(r, unit('是', '否', 1));
    expect([u.base, u.bonus, u.final, u.categories.J.score]).toEqual([10, 4, 14, 4]);
  });
  it('over the cap: 3 + 2 + 2 × 1 = 7 > 5 → bonus 5, final 15; the base excludes the bonus items (10, not 17)', () => {
    const u = scoreUnit(r, unit('是', '是', 2));
    expect([u.base, u.bonus, u.final, u.categories.J.score]).toEqual([10, 5, 15, 7]);
  });
  it('an unfinished bonus item leaves the unit unfinished (no final)', () => {
    const u = scoreUnit(r, { name: '甲', inputs: { A: { plan: '是' }, J1: { national: '是' }, J2: { province: '否' } } });
    expect([u.final, u.complete]).toEqual([null, false]);
  });
  it('the full marks are the base categories only: a bonus category missing is refused at load', () => {
    expect(() =>
      miniRubric([base], { fullMarks: 10, bonus: { kind: 'items', label: '加分项', criteria: '', category: 'X', max: 5 } }),
    ).toThrow('bonus.category: 加分项类别「X」不存在。');
  });
});

describe('conditions on a computed rate of two typed counts (issue 16.2)', () => {
  // 2 分, 合规率 = 合规数 ÷ 应报数 below 98 % deducts 2 (exact fraction, not a rounded percentage).
  const r = miniRubric([
    indicator('D', 2, [count('ok', '合规数'), count('due', '应报数')], {
      kind: 'deduct_if',
      conditions: [
        {
          when: { ratio: { numerator: 'ok', denominator: 'due', whenDenominatorZero: 'invalid' }, op: '<', value: 98 },
          deduct: 2,
          label: '合规率低于98%',
        },
      ],
    }),
  ]);
  const item = (ok: number, due: number) => scoreUnit(r, { name: '甲', inputs: { D: { ok, due } } }).items.D;
  it('49/50 = 98 % is not below 98 %: 2; 489/499 = 97.996 % is: 2 − 2 = 0', () => {
    expect([item(49, 50).score, item(489, 499).score]).toEqual([2, 0]);
    expect(item(489, 499).reason).toBe('合规率低于98%扣 2 分，得 0 分');
  });
  it('a zero 应报数 is an input error (whenDenominatorZero invalid)', () => {
    expect(item(0, 0).status).toBe('invalid');
  });
});
