/**
 * Where the optional rubric constructs of issue 16 show on the documents: a veto (一票否决) on the
 * unit sheet's final row, in 汇总 and 排名 (表彰/通报), and on the annex's unit and summary pages.
 */
import { planAnnex } from '../../src/layout/annex-plan';
import { summaryColumns } from '../../src/layout/columns';
import { fieldPrompt, fieldValidation } from '../../src/layout/fields';
import { summaryOutputs, unitSheetOutputs } from '../../src/layout/outputs';
import { rowKey } from '../../src/layout/plan';
import { scoreRoster } from '../../src/scoring/score';
import { count, indicator, miniRubric, yes } from '../helpers/mini-rubric';

describe('一票否决 on the documents', () => {
  const rubric = miniRubric([
    indicator('A', 10, [yes('plan', '是否印发工作方案')], { kind: 'bool', field: 'plan', points: 10 }),
    indicator('B', 10, [count('docs', '报送文件数')], { kind: 'count', field: 'docs', rate: 2 }),
    indicator('V', 0, [yes('incident', '是否发生重大失信事件')], {
      kind: 'veto',
      label: '发生重大失信事件',
      when: { field: 'incident', is: true },
      result: 'fail',
      resultLabel: '不通过',
    }),
  ]);
  const inputs = [
    { name: '甲', group: 'G', inputs: { A: { plan: '是' }, B: { docs: 4 }, V: { incident: '是' } } },
    { name: '乙', group: 'G', inputs: { A: { plan: '是' }, B: { docs: 3 }, V: { incident: '否' } } },
  ];
  const result = scoreRoster(rubric, inputs);
  const veto = '一票否决（V 发生重大失信事件）：不通过';

  it('unit sheet: the final row says the points (10 + 4 × 2 = 18) and the veto', () => {
    const cells = unitSheetOutputs(rubric, 'U1', result.units[0]);
    const final = cells.filter((c) => c.rowKey === rowKey.total('final'));
    expect(final.map((c) => c.value)).toEqual([18, `18；${veto}`]);
    const vetoItem = cells.find((c) => c.rowKey === rowKey.item('V', 'incident') && c.role === 'reason');
    expect(vetoItem?.value).toBe('发生重大失信事件，一票否决：不通过');
  });
  it('汇总: the veto in the unit’s 表彰/通报 cell; the other unit has none', () => {
    const cells = summaryOutputs(
      rubric,
      result.units.map((u, i) => ({ key: `U${i}`, score: u })),
    );
    expect(cells.filter((c) => c.role === 'labels').map((c) => c.value)).toEqual([veto, null]);
  });
  it('annex: the unit page’s result line and the summary page say it', () => {
    const plan = planAnnex(
      rubric,
      inputs.map((u, i) => ({ name: u.name, group: u.group, input: u, score: result.units[i] })),
      { date: '2026年12月6日' },
    );
    const text = (i: number) => plan.sheets[i].cells.map((c) => String(c.value ?? '')).join('\n');
    const summary = plan.sheets.findIndex((s) => s.cells.some((c) => c.value === '考核结果汇总表'));
    expect(text(summary)).toContain(veto);
    const unitPage = plan.sheets.findIndex((s) => s.cells.some((c) => typeof c.value === 'string' && c.value.includes('被考核单位：甲')));
    expect(text(unitPage)).toContain(veto);
  });
});

describe('a bounded count in the workbook', () => {
  it('the input cell accepts whole numbers 0 … max, and its prompt names the bound', () => {
    const f = { ...count('n', '转载文件数'), max: 12 };
    const ind = indicator('T', 1, [f], { kind: 'count', field: 'n', rate: 0.1 });
    const r = miniRubric([ind]);
    const parsed = r.categories[0].indicators[0];
    expect(fieldValidation(parsed.fields[0], parsed)).toEqual({ kind: 'whole', min: 0, max: 12 });
    expect(fieldPrompt(parsed.fields[0])).toBe('填非负整数，最多 12');
  });
});

describe('an outer scale on the documents', () => {
  const rubric = miniRubric(
    [
      indicator('A', 60, [yes('plan')], { kind: 'bool', field: 'plan', points: 60 }),
      indicator('B', 40, [count('n', '件数')], { kind: 'count', field: 'n', rate: 0.5 }),
    ],
    { outerScale: { max: 10, label: '折合城市信用指数分值' } },
  );
  const inputs = [{ name: '甲', group: 'G', inputs: { A: { plan: '是' }, B: { n: 51 } } }];
  const result = scoreRoster(rubric, inputs);
  it('unit sheet: the final row shows 85.5 and the arithmetic 85.5 × 10 ÷ 100 = 8.55', () => {
    const final = unitSheetOutputs(rubric, 'U1', result.units[0]).filter((c) => c.rowKey === rowKey.total('final'));
    expect(final.map((c) => c.value)).toEqual([85.5, '85.5；折合城市信用指数分值：85.5 × 10 ÷ 100 = 8.55 分']);
  });
  it('汇总 and the annex summary have a column 折合城市信用指数分值（10分） with 8.55', () => {
    expect(summaryColumns(rubric).map((c) => c.header)).toContain('折合城市信用指数分值（10分）');
    expect(summaryOutputs(rubric, [{ key: 'U0', score: result.units[0] }]).find((c) => c.role === 'scaled')?.value).toBe(8.55);
    const plan = planAnnex(rubric, [{ name: '甲', group: 'G', input: inputs[0], score: result.units[0] }], { date: '2026年12月6日' });
    const summary = plan.sheets.find((s) => s.cells.some((c) => c.value === '考核结果汇总表'))!;
    const header = summary.cells.find((c) => c.value === '折合城市信用指数分值（10分）')!;
    expect(summary.cells.some((c) => c.col === header.col && c.value === 8.55)).toBe(true);
  });
});

describe('itemised bonus on the unit sheet', () => {
  const base = indicator('A', 10, [yes('plan')], { kind: 'bool', field: 'plan', points: 10 });
  const bonusItems = [
    indicator('J1', 3, [yes('national', '是否获国家级表彰')], { kind: 'bool', field: 'national', points: 3 }),
    indicator('J2', 2, [yes('province', '是否获省级示范')], { kind: 'bool', field: 'province', points: 2 }),
  ];
  const r = miniRubric([base], {
    fullMarks: 10,
    bonus: { kind: 'items', label: '加分项', criteria: '', category: 'J', max: 4 },
    categories: [
      { id: '一', number: '一', name: '基础', points: 10, indicators: [base] },
      { id: 'J', number: '二', name: '加分项目', points: 5, indicators: bonusItems },
    ],
  });
  it('the bonus row says the sum and the cap: 3 + 2 = 5 > 4 → 4; final 10 + 4 = 14', () => {
    const res = scoreRoster(r, [{ name: '甲', inputs: { A: { plan: '是' }, J1: { national: '是' }, J2: { province: '是' } } }]);
    const cells = unitSheetOutputs(r, 'U1', res.units[0]);
    expect(cells.filter((c) => c.rowKey === rowKey.total('bonus')).map((c) => c.value)).toEqual([
      4,
      '各加分项合计 5 分，超过上限 4 分，按 4 分计',
    ]);
    expect(cells.filter((c) => c.rowKey === rowKey.total('final')).map((c) => c.value)).toEqual([14, '10 + 4 = 14']);
  });
});
