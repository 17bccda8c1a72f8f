/**
 * Office-set parameters (issue 16, point 12) through the whole file path: the test rubric
 * (constructs/office-parameters.json) makes a workbook with one 参数 sheet, the office types the
 * points there once, the units' sheets are filled, and scoring the file gives the hand-computed
 * results; the annex prints the points the office set.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planWorkbook, unitKey } from '../../src/layout/workbook-plan';
import { parseRubricText } from '../../src/rubric/load';
import type { UnitInput } from '../../src/scoring/types';
import { applyPlan } from '../../src/xlsx/apply-plan';
import { toArrayBuffer } from '../../src/xlsx/exceljs';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { fillParameters, fillWorkbook, readBook } from '../xlsx/helpers';

// Files are written and read back: slow on a loaded machine (2 cores, several jobs).
jest.setTimeout(30_000);

const loaded = (() => {
  const r = parseRubricText(readFileSync(join(__dirname, 'constructs/office-parameters.json'), 'utf8'), 'office-parameters.json');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
})();

const roster = [
  { name: '甲', group: '部门' },
  { name: '乙', group: '县区' },
];
const units: UnitInput[] = [
  { name: '甲', group: '部门', inputs: { '1': { score: 36 }, '2': { score: 27 }, '3': { score: 15 } } },
  { name: '乙', group: '县区', inputs: { '1': { score: 20 }, '2': { score: 45 } }, notApplicable: ['3'] },
];
/** 部门: 40 + 30 + 30 = 100; 县区: 40 + 50 + 10 = 100. */
const POINTS = { 'points-1': 40, 'points-2@部门': 30, 'points-3@部门': 30, 'points-2@县区': 50, 'points-3@县区': 10 };

async function filled(values: Record<string, number>) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await toArrayBuffer(await applyPlan(planWorkbook(loaded, roster))));
  fillParameters(wb, values);
  fillWorkbook(
    wb,
    roster.map((_, i) => unitKey(i)),
    units,
  );
  return scoreFilledWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), { date: '2026年12月6日' });
}

describe('parameters set once in the workbook', () => {
  it('the workbook has one 参数 sheet with a row per value to set, as input cells', () => {
    const plan = planWorkbook(loaded, roster);
    const sheet = plan.sheets.find((s) => s.key === 'PARAMS')!;
    expect(sheet.name).toBe('参数');
    const labels = sheet.cells.filter((c) => c.col === 1 && c.row > 2).map((c) => c.value);
    expect(labels).toEqual([
      '第1项 制度建设 分值',
      '第2项 信息公示 分值（市直部门）',
      '第3项 信用监管 分值（市直部门）',
      '第2项 信息公示 分值（县区）',
      '第3项 信用监管 分值（县区）',
    ]);
    const inputs = sheet.cells.filter((c) => c.style === 'input');
    expect(inputs).toHaveLength(5);
    expect(inputs[0].validation).toEqual({ kind: 'decimal', min: 0, max: 100 });
    // No unit sheet asks for the points any more.
    const unit = plan.sheets.find((s) => s.key === unitKey(0))!;
    expect(unit.cells.filter((c) => c.style === 'input')).toHaveLength(3 + 3); // 得分 and 不涉及 of three items
  });

  it('scores every unit with the points typed once', async () => {
    const out = await filled(POINTS);
    const [a, b] = out.result.units;
    // 甲: x = 36 + 27 + 15 = 78, y = 40 + 30 + 30 = 100 → 78. 乙: x = 20 + 45 = 65, y = 40 + 50 = 90 → 72.22.
    expect([a.final, b.final]).toEqual([78, 72.22]);
    expect(out.state.final).toBe(true);
    // The annex prints the points the office set in its 分值 column (乙's sheet: 40, 50, and its 不涉及 item 3 without points).
    const annex = readBook(out.annex);
    const text = (name: string) =>
      Object.entries(annex.Sheets[name])
        .filter(([k]) => !k.startsWith('!'))
        .map(([, c]) => String((c as { v: unknown }).v));
    const sheetOf甲 = annex.SheetNames.find((n) => n.includes('甲'))!;
    expect(text(sheetOf甲)).toEqual(expect.arrayContaining(['40', '30']));
  });

  it('a value left blank keeps the items it sets 待定 and the workbook a draft', async () => {
    const { 'points-2@部门': _blank, ...rest } = POINTS;
    const out = await filled(rest);
    const [a, b] = out.result.units;
    expect([a.final, a.items['2'].reason, b.final]).toEqual([null, '待定：参数「第2项 信息公示 分值（市直部门）」未设定', 72.22]);
    expect(out.state.final).toBe(false);
    expect(out.problems.map((p) => p.message)).toContain(
      '参数「第2项 信息公示 分值（市直部门）」未设定：市直部门各单位的 2 信息公示 待定，请在「参数」表填写（命令行：--param points-2@部门=分值）',
    );
  });
});
