/**
 * Three levels (issue 16, point 5) through the whole file path: the test rubric
 * (constructs/three-levels.json) lays out a 考核指标 row with 小计 above its 子项 on every unit
 * sheet, the filled workbook is scored, and the subtotals of the three levels are printed in the
 * unit sheet, 汇总 and the annex. The hand arithmetic is in test/scoring/levels.test.ts.
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
import { fillWorkbook, readBook, sheetGrid, sheetJsBlock } from '../xlsx/helpers';

// Files are written and read back: slow on a loaded machine (2 cores, several jobs).
jest.setTimeout(30_000);

const loaded = (() => {
  const r = parseRubricText(readFileSync(join(__dirname, 'constructs/three-levels.json'), 'utf8'), 'three-levels.json');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
})();

const roster = [{ name: '甲', group: 'G' }];
const 甲: UnitInput = {
  name: '甲',
  group: 'G',
  inputs: {
    '1.1': { done: '是' },
    '1.2': { done: '是' },
    '1.3': { n: 1 },
    '1.4': { score: 2 },
    '1.5': { done: '否' },
    '2.1': { score: 7 },
  },
};

describe('three levels in the workbook and the annex', () => {
  it('a unit sheet has each 考核指标 row above its 子项, between the category row and the items', () => {
    const sheet = planWorkbook(loaded, roster).sheets.find((s) => s.key === unitKey(0))!;
    const keyCol = sheet.columns.length - 1;
    const keys = sheet.cells.filter((c) => c.col === keyCol && c.row > 0).map((c) => c.value);
    expect(keys.slice(0, 8)).toEqual(['c|一', 'g|一-1', 'i|1.1|done', 'i|1.2|done', 'g|一-2', 'i|1.3|n', 'i|1.4|score', 'i|1.5|done']);
    const row = sheet.cells.find((c) => c.value === 'g|一-1')!.row;
    expect(sheet.cells.filter((c) => c.row === row).map((c) => c.value)).toEqual(
      expect.arrayContaining(['（一）制度建设（5 分）', '小计']),
    );
  });

  it('prints the subtotals of the three levels in the scored unit sheet, 汇总 and the annex', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await toArrayBuffer(await applyPlan(planWorkbook(loaded, roster))));
    fillWorkbook(wb, [unitKey(0)], [甲]);
    const out = await scoreFilledWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), { date: '2026年12月6日' });
    // （一）6 → 5, （二）3, 一 = 8, 二 = 7, total 15 (test/scoring/levels.test.ts).
    expect(out.result.units[0].final).toBe(15);

    const scored = readBook(out.scored);
    const unit = sheetJsBlock(scored, unitKey(0));
    const at = (key: string, role: string) => unit.grid[unit.index.rows.get(key)!][unit.index.cols.get(role)!];
    expect([at('g|一-1', 'score'), at('g|一-1', 'reason')]).toEqual([5, '子项合计 6 分，超过本指标分值 5 分，按 5 分计']);
    expect([at('g|一-2', 'score'), at('c|一', 'score'), at('i|1.1|done', 'score')]).toEqual([3, 8, 3]);

    const summary = sheetJsBlock(scored, 'SUMMARY');
    const line = summary.grid[summary.index.rows.get('u|U0001')!];
    expect(['cat:一', 'cat:一-1', 'cat:一-2', 'cat:二', 'final'].map((r) => line[summary.index.cols.get(r)!])).toEqual([8, 5, 3, 7, 15]);

    const annex = readBook(out.annex);
    const rows = (name: string) => sheetGrid(annex.Sheets[name]).map((r) => r.filter((v) => v !== null));
    const page = rows(annex.SheetNames.find((n) => n.includes('甲'))!);
    expect(page).toContainEqual(['（一）制度建设（5 分）', 5, '子项合计 6 分，超过本指标分值 5 分，按 5 分计']);
    const summaryPage = rows(annex.SheetNames.find((n) => n.includes('汇总'))!);
    expect(summaryPage.some((r) => r.includes('（一）制度建设（5 分）') && r.includes('（二）信息公示（4 分）'))).toBe(true);
    expect(summaryPage).toContainEqual(expect.arrayContaining(['甲', 8, 5, 3, 7, 15]));
  });
});
