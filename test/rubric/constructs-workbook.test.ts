/**
 * A rubric written for the constructs of issue 16 (test/rubric/constructs/all-constructs.json: tiers
 * on a rate, a fraction rate with a count bound, smallValues, a veto, bonus items under a cap, an
 * outer scale) goes through the whole file path: it loads, makes a workbook, the workbook is filled
 * through its names and keys, and scoring the file gives the hand-computed results.
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
import { fillWorkbook } from '../xlsx/helpers';

const loaded = (() => {
  const r = parseRubricText(readFileSync(join(__dirname, 'constructs/all-constructs.json'), 'utf8'), 'all-constructs.json');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
})();

describe('the constructs rubric through a workbook file', () => {
  const roster = [
    { name: '甲', group: 'G' },
    { name: '乙', group: 'G' },
  ];
  const units: UnitInput[] = [
    // 甲: 49/50 = 98 % → 1; 8 × 1/4 = 2; 0.5 % ≤ 1 % → 5; no veto; bonus 2 + 1 = 3 > 2 → 2.
    //     base 1 + 2 + 5 = 8, final 8 + 2 = 10, scaled 10 × 1 ÷ 10 = 1.
    {
      name: '甲',
      group: 'G',
      inputs: {
        '1': { ok: 49, due: 50 },
        '2': { n: 8 },
        '3': { share: '0.5%' },
        '4': { incident: '否' },
        '5': { national: '是' },
        '6': { province: '是' },
      },
    },
    // 乙: 50/50 → 2; 12 × 1/4 = 3; 2 % > 1 % → 0; veto holds → 不合格; bonus 0.
    //     base 2 + 3 + 0 = 5, final 5, scaled 0.5, result 不合格.
    {
      name: '乙',
      group: 'G',
      inputs: {
        '1': { ok: 50, due: 50 },
        '2': { n: 12 },
        '3': { share: '2%' },
        '4': { incident: '是' },
        '5': { national: '否' },
        '6': { province: '否' },
      },
    },
  ];

  it('loads, lays out, is filled and scores as computed by hand', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await toArrayBuffer(await applyPlan(planWorkbook(loaded, roster))));
    fillWorkbook(
      wb,
      roster.map((_, i) => unitKey(i)),
      units,
    );
    const out = await scoreFilledWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), { date: '2026年12月6日' });
    const [a, b] = out.result.units;
    expect([a.base, a.bonus, a.final, a.scaled, a.band, a.veto]).toEqual([8, 2, 10, 1, null, undefined]);
    expect([b.base, b.bonus, b.final, b.scaled, b.band, b.veto?.text]).toEqual([
      5,
      0,
      5,
      0.5,
      '不合格',
      '一票否决（4 发生重大失信事件）：不合格',
    ]);
    expect(out.result.units.every((u) => u.complete)).toBe(true);
  });
  it('a 13th document (above the 12 that exist) is an input error in the file too', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await toArrayBuffer(await applyPlan(planWorkbook(loaded, roster.slice(0, 1)))));
    fillWorkbook(wb, [unitKey(0)], [{ ...units[0], inputs: { ...units[0].inputs, '2': { n: 13 } } }]);
    const out = await scoreFilledWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), { date: '2026年12月6日' });
    expect([out.result.units[0].items['2'].status, out.result.units[0].final]).toEqual(['invalid', null]);
  });
});
