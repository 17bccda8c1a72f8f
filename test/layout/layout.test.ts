/** The workbook plan for every rubric: sheets, names, anchors, inputs read back, outputs resolved. */
import { builtinRubricIds, loadBuiltin } from '../../src/rubric/catalog';
import { planWorkbook, checkRoster } from '../../src/layout/workbook-plan';
import { indexBlock, inputCells, readUnitInputs, cellOf } from '../../src/layout/binding';
import { planGrid } from '../../src/layout/grid';
import { allOutputs } from '../../src/layout/outputs';
import { metaColumn, readMetaColumn } from '../../src/layout/meta';
import { allocateSheetNames, sheetNameProblem } from '../../src/layout/sheet-names';
import { scoreRoster } from '../../src/scoring/score';
import { NOT_APPLICABLE_FIELD, type CellValue } from '../../src/layout/plan';

const roster = (rubricId: string, n = 3) => {
  const g = loadBuiltin(rubricId).rubric.ranking.groups;
  return Array.from({ length: n }, (_, i) => ({ name: `单位${i + 1}`, group: g[i % g.length].id }));
};

describe.each(builtinRubricIds)('layout of %s', (id) => {
  const loaded = loadBuiltin(id);
  const plan = planWorkbook(loaded, roster(id), '2026-11-24T00:00:00Z');
  const unitSheets = plan.sheets.filter((s) => s.kind === 'unit');

  it('has 汇总, 排名, 细则说明 and one sheet per unit with valid, unique names', () => {
    expect(plan.sheets.map((s) => s.name).slice(0, 3)).toEqual(['汇总', '排名', '细则说明']);
    expect(unitSheets.map((s) => s.name)).toEqual(['单位1', '单位2', '单位3']);
    for (const s of plan.sheets) expect(sheetNameProblem(s.name)).toBeNull();
  });

  it('every input field of every indicator has exactly one input cell, found again by its key', () => {
    const idx = indexBlock(planGrid(unitSheets[0]));
    if (!idx.ok) throw new Error(idx.message);
    const refs = inputCells(idx.index).filter((r) => !r.indicatorId.startsWith('@') && r.fieldId !== NOT_APPLICABLE_FIELD);
    const expected = loaded.rubric.categories.flatMap((c) => c.indicators.flatMap((i) => i.fields.map((f) => `${i.id}|${f.id}`)));
    expect(refs.map((r) => `${r.indicatorId}|${r.fieldId}`).sort()).toEqual([...expected].sort());
    const inputCol = idx.index.cols.get('input');
    const typeOf = new Map(
      loaded.rubric.categories.flatMap((c) => c.indicators.flatMap((i) => i.fields.map((f) => [`${i.id}|${f.id}`, f.type] as const))),
    );
    for (const r of refs) {
      const cell = unitSheets[0].cells.find((c) => c.row === r.row && c.col === inputCol);
      // Percent fields' cells are formatted as percent (Excel's percent entry: 85 → 85%).
      expect(cell?.style).toBe(typeOf.get(`${r.indicatorId}|${r.fieldId}`) === 'percent' ? 'inputPercent' : 'input');
    }
  });

  it('not-applicable rows exist exactly when the rubric allows 不涉及', () => {
    const idx = indexBlock(planGrid(unitSheets[0]));
    if (!idx.ok) throw new Error(idx.message);
    const na = inputCells(idx.index).filter((r) => r.fieldId === NOT_APPLICABLE_FIELD);
    expect(na.length > 0).toBe(loaded.rubric.notApplicable !== 'not_allowed');
  });

  it('every output cell of a scored roster resolves to a computed (non-input) cell', () => {
    const result = scoreRoster(
      loaded.rubric,
      plan.meta.units.map((u) => ({ name: u.name, group: u.group })),
    );
    const outputs = allOutputs(
      loaded.rubric,
      plan.meta.units.map((u, i) => ({ key: u.key, score: result.units[i] })),
    );
    for (const o of outputs) {
      const sheet = plan.sheets.find((s) => s.key === o.sheetKey)!;
      const idx = indexBlock(planGrid(sheet));
      if (!idx.ok) throw new Error(idx.message);
      const at = cellOf(idx.index, o.rowKey, o.role);
      expect(at).not.toBeNull();
      const style = sheet.cells.find((c) => c.row === at!.row && c.col === at!.col)?.style;
      expect(['input']).not.toContain(style);
      expect(typeof o.value === 'string' && o.value.startsWith('=')).toBe(false);
    }
  });

  it('the meta sheet round-trips the metadata and the rubric', () => {
    const back = readMetaColumn(metaColumn(plan));
    expect(back.ok && back.meta).toEqual(plan.meta);
    expect(back.ok && JSON.parse(back.rubricJson)).toEqual(loaded.rubric);
  });
});

describe('reading inputs back', () => {
  it('values typed into input cells become the engine input, after rows are inserted', () => {
    const loaded = loadBuiltin('pingdingshan-2020-departments');
    const plan = planWorkbook(loaded, [{ name: '市发改委', group: '市直部门' }]);
    const grid = planGrid(plan.sheets.find((s) => s.kind === 'unit')!);
    const idx = indexBlock(grid);
    if (!idx.ok) throw new Error(idx.message);
    const row = idx.index.rows.get('i|四.2|reports')!;
    const col = idx.index.cols.get('input')!;
    // The user inserts two rows above 四.2 and a column before the input column.
    grid.splice(row - 1, 0, Array(grid[0].length).fill(null), Array(grid[0].length).fill('随手备注'));
    for (const r of grid) r.splice(col, 0, '插入的列');
    grid[0][col] = null;
    const idx2 = indexBlock(grid);
    if (!idx2.ok) throw new Error(idx2.message);
    const at = cellOf(idx2.index, 'i|四.2|reports', 'input')!;
    grid[at.row][at.col] = '７';
    const u = readUnitInputs(loaded.rubric, idx2.index, '市发改委', '市直部门', grid as CellValue[][]);
    expect(u.inputs?.['四.2']).toEqual({ reports: '７' });
    expect(at.row).toBe(row + 2);
    expect(at.col).toBe(col + 1);
  });
  it('a percent typed as 85% (stored 0.85, shown "85%") is read as the text', () => {
    const loaded = loadBuiltin('hegang-2022-counties');
    const plan = planWorkbook(loaded, [{ name: '萝北县', group: '县区' }]);
    const grid = planGrid(plan.sheets.find((s) => s.kind === 'unit')!);
    const idx = indexBlock(grid);
    if (!idx.ok) throw new Error(idx.message);
    const pctRef = inputCells(idx.index).find((r) => r.indicatorId === '四')!;
    const texts = grid.map((r) => r.map(() => null as string | null));
    grid[pctRef.row][pctRef.col] = 0.85;
    texts[pctRef.row][pctRef.col] = '85%';
    const u = readUnitInputs(loaded.rubric, idx.index, '萝北县', '县区', grid, texts);
    expect(u.inputs?.['四']?.[pctRef.fieldId]).toBe('85%');
  });
});

describe('roster and sheet names', () => {
  it('duplicate, empty and unknown-group entries are pointed out with line numbers', () => {
    const loaded = loadBuiltin('hengdong-2020-members');
    const msgs = checkRoster(loaded, [
      { name: '县公安局', group: '成员单位' },
      { name: ' ', group: '成员单位' },
      { name: '县公安局 ', group: '成员单位' },
      { name: '县税务局', group: '县区' },
    ]).map((p) => p.message);
    expect(msgs).toEqual([
      '第 2 行：单位名称为空',
      '第 3 行：「县公安局」与第 1 行重复',
      '第 4 行：分组「县区」不在本细则的分组中（成员单位）',
    ]);
  });
  it('sheet names: 31 characters, forbidden characters, case-insensitive duplicates, History', () => {
    const long = '某某市某某区人民政府某某委员会某某办公室某某科某某股某某组某某部门';
    const names = allocateSheetNames([long, long, 'a/b:c*d?[e]', 'History', 'ABC', 'abc', '汇总'], ['汇总']);
    expect(names[0]).toBe([...long].slice(0, 31).join(''));
    expect(names[1]).toBe(`${[...long].slice(0, 28).join('')}(2)`);
    expect(names[2]).toBe('a_b_c_d__e_');
    expect(names[3]).toBe('History_');
    expect(names.slice(4)).toEqual(['ABC', 'abc(2)', '汇总(2)']);
    for (const n of names) expect(sheetNameProblem(n)).toBeNull();
  });
});
