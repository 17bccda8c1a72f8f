/**
 * Issue 12, point 2: a wrong input never becomes a number anywhere. For any unit of any built-in
 * rubric with some invalid inputs (an Excel error value or text no field accepts, in random fields)
 * and possibly an invalid bonus, no item, category, base, bonus or final derived from them is a
 * number: not in the engine's result, not on the unit sheet or 汇总 (src/layout/outputs.ts), not
 * on the annex's unit page or summary (src/layout/annex-plan.ts).
 */
import fc from 'fast-check';
import { mulberry32, randomUnit } from '../../bench/random-inputs';
import { planAnnex, type AnnexSheetPlan } from '../../src/layout/annex-plan';
import { summaryOutputs, unitSheetOutputs, type OutputCell } from '../../src/layout/outputs';
import { rowKey } from '../../src/layout/plan';
import { builtinRubricIds, loadBuiltin } from '../../src/rubric/catalog';
import type { Indicator, Rubric } from '../../src/rubric/schema';
import { scoreRoster } from '../../src/scoring/score';
import type { UnitInput } from '../../src/scoring/types';

const NUM_RUNS = Number(process.env.PROPERTY_RUNS) || 60;
const rubrics = builtinRubricIds.map((id) => loadBuiltin(id).rubric);
/** Values no field type accepts: Excel error values and punctuation. */
const BAD = ['#VALUE!', '#DIV/0!', '#N/A', '？？', '@@'];

interface Case {
  rubric: Rubric;
  unit: UnitInput;
  /** The indicators given a bad value. */
  broken: Indicator[];
  badBonus: boolean;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    r: fc.nat(rubrics.length - 1),
    seed: fc.integer(),
    picks: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...BAD)), { maxLength: 4 }),
    badBonus: fc.boolean(),
  })
  .filter(({ r, picks, badBonus }) => picks.length > 0 || (badBonus && rubrics[r].bonus.kind !== 'none'))
  .map(({ r, seed, picks, badBonus }) => {
    const rubric = rubrics[r];
    const unit = randomUnit(rubric, mulberry32(seed), '甲单位');
    const indicators = rubric.categories.flatMap((c) => c.indicators);
    const broken: Indicator[] = [];
    for (const [i, f, bad] of picks) {
      const ind = indicators[i % indicators.length];
      const field = ind.fields[f % ind.fields.length];
      (unit.inputs ??= {})[ind.id] = { ...unit.inputs?.[ind.id], [field.id]: bad };
      broken.push(ind);
    }
    if (badBonus) unit.bonus = '#VALUE!';
    return { rubric, unit, broken, badBonus: badBonus && rubric.bonus.kind !== 'none' };
  });

const categoryOf = (rubric: Rubric, ind: Indicator) => rubric.categories.find((c) => c.indicators.includes(ind))!;
const notANumber = (where: string, v: unknown) =>
  expect({ where, type: typeof v }).toEqual({ where, type: expect.not.stringMatching(/^number$/) });

/** The cells of a sheet plan in the column whose header is `header`, on rows that contain `label`. */
function cellsUnder(sheet: AnnexSheetPlan, header: string, label: string): unknown[] {
  const head = sheet.cells.find((c) => c.value === header);
  if (!head) return [];
  const rows = new Set(sheet.cells.filter((c) => c.value === label && c.row > head.row).map((c) => c.row));
  return sheet.cells.filter((c) => rows.has(c.row) && c.col === head.col).map((c) => c.value);
}

describe('an invalid input is never a number (engine, unit sheet, 汇总, annex)', () => {
  it('items, categories, base, bonus and final derived from it are not numbers', () => {
    fc.assert(
      fc.property(caseArb, ({ rubric, unit, broken, badBonus }) => {
        const result = scoreRoster(rubric, [unit]);
        const u = result.units[0];
        // The engine
        for (const ind of broken) {
          expect(u.items[ind.id]).toMatchObject({ score: null, status: 'invalid' });
          expect(u.categories[categoryOf(rubric, ind).id].score).toBeNull();
        }
        expect([u.base, u.final, u.band, u.rank]).toEqual([null, null, null, null]);
        if (badBonus) expect(u.bonus).toBeNull();

        // The unit sheet and 汇总
        const sheet = unitSheetOutputs(rubric, 'K', u);
        const at = (rk: string) => sheet.filter((c: OutputCell) => c.rowKey === rk && (c.role === 'score' || c.role === 'deduction'));
        for (const ind of broken) {
          for (const c of at(rowKey.item(ind.id, ind.fields[0].id))) notANumber(`unit sheet ${ind.id} ${c.role}`, c.value);
          for (const c of at(rowKey.category(categoryOf(rubric, ind).id))) notANumber(`unit sheet category of ${ind.id}`, c.value);
        }
        for (const what of ['base', 'final', ...(badBonus ? (['bonus'] as const) : [])] as const)
          for (const c of at(rowKey.total(what))) notANumber(`unit sheet ${what}`, c.value);
        const summary = summaryOutputs(rubric, [{ key: 'K', score: u }]);
        const roles = new Set([
          'base',
          'final',
          ...(badBonus ? ['bonus'] : []),
          ...broken.map((ind) => `cat:${categoryOf(rubric, ind).id}`),
        ]);
        for (const c of summary.filter((c) => roles.has(c.role))) notANumber(`汇总 ${c.role}`, c.value);
        if (badBonus) expect(sheet.find((c) => c.rowKey === rowKey.total('bonus') && c.role === 'score')?.value).toBe('输入有误');

        // The annex: its unit page and its summary
        const plan = planAnnex(rubric, [{ name: unit.name, group: u.group, input: unit, score: u }], { date: '2026年12月6日' });
        const page = plan.sheets[plan.sheets.length - 1];
        for (const ind of broken) for (const v of cellsUnder(page, '得分', ind.name)) notANumber(`annex ${ind.id}`, v);
        for (const v of cellsUnder(page, '得分', '最终得分')) notANumber('annex 最终得分', v);
        if (badBonus && rubric.bonus.kind !== 'none')
          for (const v of cellsUnder(page, '得分', rubric.bonus.label)) notANumber('annex bonus', v);
        for (const v of cellsUnder(plan.sheets[0], '最终得分', unit.name)) notANumber('annex summary 最终得分', v);
        if (badBonus) for (const v of cellsUnder(plan.sheets[0], '加分', unit.name)) notANumber('annex summary 加分', v);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the checks can fail: a valid unit has numbers in the same places', () => {
    const rubric = rubrics.find((r) => r.bonus.kind === 'manual')!;
    const bonusLabel = rubric.bonus.kind === 'manual' ? rubric.bonus.label : '';
    const unit = randomUnit(rubric, mulberry32(7), '甲单位');
    unit.bonus = 2;
    const u = scoreRoster(rubric, [unit]).units[0];
    const plan = planAnnex(rubric, [{ name: unit.name, group: u.group, input: unit, score: u }], { date: '2026年12月6日' });
    const page = plan.sheets[plan.sheets.length - 1];
    const first = rubric.categories[0].indicators[0];
    expect(cellsUnder(page, '得分', first.name).some((v) => typeof v === 'number')).toBe(true);
    expect(cellsUnder(page, '得分', '最终得分')).toEqual([u.final]);
    expect(cellsUnder(page, '得分', bonusLabel)).toEqual([2]);
    expect(cellsUnder(plan.sheets[0], '加分', unit.name)).toEqual([2]);
    expect(typeof unitSheetOutputs(rubric, 'K', u).find((c) => c.rowKey === rowKey.total('final') && c.role === 'score')?.value).toBe(
      'number',
    );
  });
});
