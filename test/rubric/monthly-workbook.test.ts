/**
 * Monthly tracking (issue 16, point 11) through the whole file path: the test rubric
 * (constructs/monthly.json) lays out one input row per month (a clerk fills the month's score as
 * the month is assessed, down a column, as on a monthly ledger); a partly assessed year is a draft
 * with the months 未考核 named in the unit sheet, 汇总 and annex. Hand arithmetic:
 * test/scoring/monthly.test.ts.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planWorkbook, unitKey } from '../../src/layout/workbook-plan';
import { parseRubricText } from '../../src/rubric/load';
import type { UnitInput } from '../../src/scoring/types';
import type { RawValue } from '../../src/scoring/values';
import { applyPlan } from '../../src/xlsx/apply-plan';
import { toArrayBuffer } from '../../src/xlsx/exceljs';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { fillWorkbook, readBook, sheetGrid, sheetJsBlock } from '../xlsx/helpers';

// Files are written and read back: slow on a loaded machine (2 cores, several jobs).
jest.setTimeout(30_000);

const loaded = (() => {
  const r = parseRubricText(readFileSync(join(__dirname, 'constructs/monthly.json'), 'utf8'), 'monthly.json');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
})();
const months = (values: RawValue[]) => Object.fromEntries(values.map((v, i) => [`m${i + 1}`, v]));
const roster = [
  { name: '甲', group: 'G' },
  { name: '乙', group: 'G' },
];
const units: UnitInput[] = [
  {
    name: '甲',
    group: 'G',
    inputs: {
      '1': months([10, 10, 9, 9, 8, 8, 10, 10, 9, 9, 8, 8]),
      '2': months([0.5, 0.5, 0, 0.5, 0.5, 0.5, 0.5, 0, 0.5, 0.5, 0.5, 0.5]),
    },
  },
  { name: '乙', group: 'G', inputs: { '1': months([9, 8, 10]), '2': months(Array(12).fill(0.5)) } },
];

describe('monthly tracking in the workbook and the annex', () => {
  it('one input row per month, labelled with the month and its points', () => {
    const sheet = planWorkbook(loaded, roster).sheets.find((s) => s.key === unitKey(0))!;
    const labels = sheet.cells
      .filter((c) => c.style === 'fieldLabel' && typeof c.value === 'string' && /^\d+月/.test(c.value))
      .map((c) => c.value);
    expect(labels.slice(0, 2)).toEqual(['1月（0–10 分）', '2月（0–10 分）']);
    expect(labels.slice(12, 14)).toEqual(['1月（0–0.5 分）', '2月（0–0.5 分）']);
    expect(labels).toHaveLength(24);
  });

  it('a partly assessed year: 甲 final, 乙 pending with 未考核 months, the whole a draft', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await toArrayBuffer(await applyPlan(planWorkbook(loaded, roster))));
    fillWorkbook(
      wb,
      roster.map((_, i) => unitKey(i)),
      units,
    );
    const out = await scoreFilledWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), { date: '2026年12月6日' });
    const [a, b] = out.result.units;
    // 甲: 108 ÷ 12 = 9, + 5 = 14. 乙: 1 pending (3 months assessed), 2 = 12 × 0.5 = 6; no total.
    expect([a.final, b.final, b.items['2'].score]).toEqual([14, null, 6]);
    expect(out.state.final).toBe(false);

    const scored = readBook(out.scored);
    const unit = sheetJsBlock(scored, unitKey(1));
    const reason = unit.grid[unit.index.rows.get('i|1|m1')!][unit.index.cols.get('reason')!];
    expect(reason).toBe(
      '3 个月平均：(9 + 8 + 10) ÷ 3 = 9 分（暂定）；未考核：4月、5月、6月、7月、8月、9月、10月、11月、12月，年度得分待定',
    );

    const annex = readBook(out.annex);
    const page = sheetGrid(annex.Sheets[annex.SheetNames.find((n) => n.includes('乙'))!]).flat();
    expect(page.some((v) => typeof v === 'string' && v.includes('3月：10\n4月：未考核'))).toBe(true);
    expect(page).toContain(reason);
  });
});
