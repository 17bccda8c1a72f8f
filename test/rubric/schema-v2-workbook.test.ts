/**
 * The rubrics written for the constructs of schema version 2 (test/rubric/constructs/
 * blocks-deductions.json: weighted blocks 7 : 3 and an item with added and deduction parts;
 * not-applicable-average.json: 不涉及 at the average of the other units of the group) go through the
 * whole file path: they load, make a workbook, the workbook is filled through its names and keys,
 * and scoring the file gives the hand-computed results; 汇总 and the annex show them.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planAnnex } from '../../src/layout/annex-plan';
import { summaryColumns } from '../../src/layout/columns';
import { summaryOutputs, unitSheetOutputs } from '../../src/layout/outputs';
import { rowKey } from '../../src/layout/plan';
import { planWorkbook, unitKey } from '../../src/layout/workbook-plan';
import { parseRubricText } from '../../src/rubric/load';
import type { UnitInput } from '../../src/scoring/types';
import { applyPlan } from '../../src/xlsx/apply-plan';
import { toArrayBuffer } from '../../src/xlsx/exceljs';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { fillWorkbook } from '../xlsx/helpers';

const load = (file: string) => {
  const r = parseRubricText(readFileSync(join(__dirname, 'constructs', file), 'utf8'), file);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

async function scoreThroughWorkbook(loaded: ReturnType<typeof load>, units: UnitInput[]) {
  const roster = units.map((u) => ({ name: u.name, group: u.group as string }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await toArrayBuffer(await applyPlan(planWorkbook(loaded, roster))));
  fillWorkbook(
    wb,
    roster.map((_, i) => unitKey(i)),
    units,
  );
  return (await scoreFilledWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), { date: '2026年12月6日' })).result;
}

describe('weighted blocks and deduction parts through a workbook file', () => {
  const loaded = load('blocks-deductions.json');
  const rubric = loaded.rubric;
  const units: UnitInput[] = [
    // 甲: item 1 16 × 0.5 = 8 less 2 × 1 = 2 → 6; item 2 是 → 90; 共性 96 ÷ 100 × 100 = 96.
    //     item 3 否 → 0; item 4 3 × 10 = 30; 个性 30 ÷ 100 × 100 = 30. (96 × 7 + 30 × 3) ÷ 10 = 762 ÷ 10 = 76.2.
    {
      name: '甲',
      group: 'G',
      inputs: { '1': { fwd: 16, missed: 2 }, '2': { rules: '是' }, '3': { rating: '否' }, '4': { lists: 3 } },
    },
    // 乙: items 3 and 4 不涉及, no item of 个性: its weight goes to 共性.
    //     item 1 20 × 0.5 = 10 (the cap), less 0 → 10; item 2 否 → 0; 共性 10 ÷ 100 × 100 = 10; 10 × 7 ÷ 7 = 10.
    { name: '乙', group: 'G', inputs: { '1': { fwd: 20, missed: 0 }, '2': { rules: '否' }, '3': {}, '4': {} }, notApplicable: ['3', '4'] },
    // 丙: item 1 2 × 0.5 = 1 less 3 × 1 = 3 → −2, floored at 0; item 2 是 → 90; 共性 90.
    //     item 3 是 → 60, item 4 不涉及; 个性 60 ÷ 60 × 100 = 100. (90 × 7 + 100 × 3) ÷ 10 = 930 ÷ 10 = 93.
    {
      name: '丙',
      group: 'G',
      inputs: { '1': { fwd: 2, missed: 3 }, '2': { rules: '是' }, '3': { rating: '是' }, '4': {} },
      notApplicable: ['4'],
    },
  ];

  it('loads, lays out, is filled and scores as computed by hand; ranks 丙 93, 甲 76.2, 乙 10', async () => {
    const result = await scoreThroughWorkbook(loaded, units);
    const [a, b, c] = result.units;
    expect([a.items['1'].score, a.base, a.final, a.rank]).toEqual([6, 76.2, 76.2, 2]);
    expect(a.blocks?.list.map((x) => x.score)).toEqual([96, 30]);
    expect([b.final, b.rank, b.blocks?.list.map((x) => x.score)]).toEqual([10, 3, [10, null]]);
    expect(b.blocks?.text).toContain('个性指标：所承担的指标均不涉及，不计分，其权重 3 计入其余部分');
    expect([c.items['1'].score, c.final, c.rank]).toEqual([0, 93, 1]);
    expect(c.items['1'].reason).toContain('1 − 3 = -2 分，不低于 0 分；本项得 0 分');
    expect(result.units.every((u) => u.complete)).toBe(true);

    // The unit sheet: the base row names the blocks and shows their arithmetic.
    const baseRow = unitSheetOutputs(rubric, 'U0', a).filter((x) => x.rowKey === rowKey.total('base'));
    expect(baseRow.map((x) => x.value)).toEqual([
      76.2,
      '共性指标 96 ÷ 100 × 100 = 96 分；个性指标 30 ÷ 100 × 100 = 30 分；(96 × 7 + 30 × 3) ÷ 10 = 76.2',
    ]);
    // 细则说明 says how the blocks are combined.
    const info = planWorkbook(loaded, [{ name: '甲', group: 'G' }]).sheets.find((x) => x.kind === 'info')!;
    expect(info.cells.map((x) => x.value)).toContain(
      '共性指标（一）、个性指标（二）各按所承担指标折算为 100 分（x ÷ y × 100），再按 7 : 3 加权合成；某部分的指标均不涉及时，其权重计入其余部分',
    );
    // 汇总: one column per block, 不计 where the unit carries none of its items.
    const headers = summaryColumns(rubric).map((x) => x.header);
    expect(headers).toEqual(expect.arrayContaining(['共性指标（100分，权重7）', '个性指标（100分，权重3）', '加权得分']));
    const cells = summaryOutputs(
      rubric,
      result.units.map((u, i) => ({ key: `U${i}`, score: u })),
    );
    expect(cells.filter((x) => x.role === 'block:1').map((x) => x.value)).toEqual([30, '不计', 100]);
    // The annex summary page has the same columns and figures.
    const plan = planAnnex(
      rubric,
      units.map((u, i) => ({ name: u.name, group: 'G', input: u, score: result.units[i] })),
      { date: '2026年12月6日' },
    );
    const summary = plan.sheets.find((s) => s.cells.some((x) => x.value === '考核结果汇总表'))!;
    const col = summary.cells.find((x) => x.value === '个性指标（100分，权重3）')!.col;
    expect(summary.cells.filter((x) => x.col === col && x.row > 0).map((x) => x.value)).toEqual(
      expect.arrayContaining(['个性指标（100分，权重3）', 30, '不计', 100]),
    );
  });
});

describe('不涉及 at the group’s average through a workbook file', () => {
  const loaded = load('not-applicable-average.json');
  const rubric = loaded.rubric;
  const units: UnitInput[] = [
    // 市直部门 (G): 甲 4 × 2 = 8, 是 → 10: 18; 乙 5 × 2 = 10, 否 → 0: 10.
    { name: '甲', group: 'G', inputs: { '1': { batches: 4 }, '2': { plan: '是' } } },
    { name: '乙', group: 'G', inputs: { '1': { batches: 5 }, '2': { plan: '否' } } },
    // 丙 (G): item 1 不涉及 → (8 + 10) ÷ 2 = 9; 是 → 10: 19, first in G.
    { name: '丙', group: 'G', inputs: { '1': {}, '2': { plan: '是' } }, notApplicable: ['1'] },
    // 丁 (县区, H): item 1 不涉及 and nobody else in H answered it: 待定, no total.
    { name: '丁', group: 'H', inputs: { '1': {}, '2': { plan: '是' } }, notApplicable: ['1'] },
  ];

  it('scores 丙’s 不涉及 item at 9 and ranks it first; 丁’s stays 待定 and is not given a number', async () => {
    const result = await scoreThroughWorkbook(loaded, units);
    const [a, b, c, d] = result.units;
    expect([a.final, b.final, c.final]).toEqual([18, 10, 19]);
    expect([c.rank, a.rank, b.rank]).toEqual([1, 2, 3]);
    expect(c.items['1'].reason).toBe('不涉及，按同组作答此项的 2 个单位的平均分计：18 ÷ 2 = 9 分');
    expect([d.items['1'].status, d.final, d.complete]).toEqual(['incomplete', null, false]);
    // The unit sheet says what 不涉及 does here, and shows 丙's averaged item with its reason.
    const sheet = unitSheetOutputs(rubric, 'U2', c).filter((x) => x.rowKey === rowKey.item('1', 'batches'));
    expect(sheet.map((x) => x.value)).toEqual([9, '不涉及，按同组作答此项的 2 个单位的平均分计：18 ÷ 2 = 9 分']);
    // The annex: 丙's page says 不涉及 and the average; 丁's page and the summary say 未定, never a number.
    const plan = planAnnex(
      rubric,
      units.map((u, i) => ({ name: u.name, group: u.group as string, input: u, score: result.units[i] })),
      { date: '2026年12月6日' },
    );
    const page = (name: string) =>
      plan.sheets
        .find((s) => s.cells.some((x) => typeof x.value === 'string' && x.value.startsWith(`被考核单位：${name}`)))!
        .cells.map((x) => String(x.value ?? ''))
        .join('\n');
    expect(page('丙')).toContain('不涉及，按同组作答此项的 2 个单位的平均分计：18 ÷ 2 = 9 分');
    expect(page('丁')).toContain('不涉及，按同组其他单位平均分计：没有其他单位作答此项，平均分无从计算，本项待定');
    expect(page('丁')).toContain('最终得分：未定');
  });
  it('the unit sheet’s 不涉及 row says the item scores the group’s average', async () => {
    const plan = planWorkbook(loaded, [{ name: '甲', group: 'G' }]);
    const texts = plan.sheets.flatMap((s) => s.cells.map((x) => x.value));
    expect(texts).toContain('本项不涉及（填“是”则按同组其他单位的平均分计）');
  });
});
