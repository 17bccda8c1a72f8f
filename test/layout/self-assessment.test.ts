/** The 自评表 layout and its locked-parts digest (src/layout/self-assessment.ts), as pure data. */
import { indexBlock } from '../../src/layout/binding';
import type { CellValue, SheetPlan } from '../../src/layout/plan';
import { formInputCells, lockedDigest, planFormSheet, SELF_ROLES } from '../../src/layout/self-assessment';
import { planUnitSheet } from '../../src/layout/unit-sheet';
import { loadBuiltin } from '../../src/rubric/catalog';

const { rubric } = loadBuiltin('chaoyang-2020-method');
const unit = { key: 'U0001', sheetName: '市发改委', unitName: '市发改委', groupLabel: '市直单位' };

function grid(plan: SheetPlan): CellValue[][] {
  const g: CellValue[][] = Array.from({ length: plan.block.rows }, () => Array<CellValue>(plan.block.cols).fill(null));
  for (const c of plan.cells) g[c.row][c.col] = c.value;
  return g;
}

describe('planFormSheet', () => {
  const form = planFormSheet(rubric, unit);
  const sheet = planUnitSheet(rubric, unit);
  const values = grid(form);
  const idx = indexBlock(values);
  if (!idx.ok) throw new Error(idx.message);
  const index = idx.index;

  it('keeps every column of the unit sheet where it was and adds 佐证材料 after the hidden key column', () => {
    const roles = (p: SheetPlan) => p.cells.filter((c) => c.row === 0).map((c) => c.value);
    expect(roles(form)).toEqual([...roles(sheet), SELF_ROLES.evidence]);
    expect(form.columns.slice(0, -1)).toEqual(sheet.columns);
  });

  it('has one 佐证材料 input per item and leaves the 弄虚作假 finding locked', () => {
    const items = rubric.categories.flatMap((c) => c.indicators);
    const evidence = formInputCells(index).filter((c) => c.fieldId === SELF_ROLES.evidence);
    expect(evidence.map((c) => c.indicatorId)).toEqual(items.map((i) => i.id));
    expect(formInputCells(index).some((c) => c.indicatorId === '@fraud')).toBe(false);
    const fraudRow = index.rows.get('t|fraud')!;
    const fraud = form.cells.find((c) => c.row === fraudRow && c.col === index.cols.get('input'))!;
    expect(fraud).toMatchObject({ style: 'fieldLabel', value: '由考核组认定' });
    expect(fraud.validation).toBeUndefined();
  });

  it('digests the locked cells only: an input typed leaves it, a locked cell changed does not', () => {
    const digest = lockedDigest(values, index);
    const typed = values.map((r) => [...r]);
    for (const c of formInputCells(index)) typed[c.row][c.col] = '是';
    expect(lockedDigest(typed, index)).toBe(digest);
    const changed = values.map((r) => [...r]);
    const label = index.rows.get(`i|${rubric.categories[0].indicators[0].id}|${rubric.categories[0].indicators[0].fields[0].id}`)!;
    changed[label][index.cols.get('label')!] = '改过的填报项目';
    expect(lockedDigest(changed, index)).not.toBe(digest);
  });
});
