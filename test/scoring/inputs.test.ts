/**
 * How the engine reads a unit's inputs object: ids that are array indices ("1" … "25", as in 亳州
 * and 朝阳) read like any other id, inputs the rubric does not have are reported (not silently
 * dropped) in a fixed order.
 */
import { scoreRoster, scoreUnit } from '../../src/scoring/score';
import { parseFieldValue } from '../../src/scoring/values';
import { count, indicator, miniRubric, yes } from '../helpers/mini-rubric';
import { builtinRubricIds, loadBuiltin } from '../../src/rubric/catalog';
import { planWorkbook, unitKey } from '../../src/layout/workbook-plan';
import { indexBlock, readUnitInputs } from '../../src/layout/binding';
import { fieldPrompt, fieldValidation, promptExamples } from '../../src/layout/fields';
import { isPercentFormat, percentTexts } from '../../src/layout/percent';
import { STYLES } from '../../src/layout/styles';
import type { CellValue } from '../../src/layout/plan';

// 1: 按时报送 yes/no 2 分; 2: 报送信息 n × 1 分，上限 3 分. Full marks 5.
const numeric = miniRubric([
  indicator('1', 2, [yes('ok', '是否按时报送')], { kind: 'bool', field: 'ok', points: 2 }),
  indicator('2', 3, [count('n', '报送信息数')], { kind: 'count', field: 'n', rate: 1, cap: 3 }),
]);

describe('indicator ids that are array indices', () => {
  it('score as named ids do: 是 → 2, 2 条 × 1 = 2 → total 4', () => {
    const u = scoreUnit(numeric, { name: '甲', inputs: { '1': { ok: '是' }, '2': { n: 2 } } });
    expect(u.items['1']).toMatchObject({ indicatorId: '1', score: 2 });
    expect(u.items['2']).toMatchObject({ indicatorId: '2', score: 2 });
    expect(u.final).toBe(4);
    expect(Object.keys(u.items)).toEqual(['1', '2']);
    expect(u.problems).toEqual([]);
  });
  it('a missing index id is incomplete, not 0', () => {
    const u = scoreUnit(numeric, { name: '甲', inputs: { '1': { ok: '是' } } });
    expect(u.items['2']).toMatchObject({ score: null, status: 'incomplete' });
    expect(u.final).toBeNull();
  });
});

describe('inputs the rubric does not have', () => {
  it('an unknown indicator id is a warning naming the unit and the id; the unit is still scored', () => {
    const u = scoreUnit(numeric, { name: '甲', inputs: { '1': { ok: '是' }, '2': { n: 5 }, '３': { n: 1 } } });
    expect(u.final).toBe(5); // 2 + min(5 × 1, 3)
    expect(u.problems).toEqual([{ unit: '甲', severity: 'warning', indicatorId: '３', message: '甲：本细则没有指标「３」，该输入未使用' }]);
  });
  it('an unknown index id (26) is found too, also when every known id is present', () => {
    const u = scoreUnit(numeric, { name: '甲', inputs: { '1': { ok: '否' }, '2': { n: 0 }, '26': { ok: '是' } } });
    expect(u.final).toBe(0);
    expect(u.problems.map((p) => p.indicatorId)).toEqual(['26']);
  });
  it('an unknown field key is a warning naming the indicator and the key', () => {
    const u = scoreUnit(numeric, { name: '甲', inputs: { '1': { ok: '是', okk: '否' }, '2': { n: 1 } } });
    expect(u.final).toBe(3);
    expect(u.problems).toEqual([
      { unit: '甲', severity: 'warning', indicatorId: '1', fieldId: 'okk', message: '甲：1 指标1 没有输入项「okk」，该值未使用' },
    ]);
  });
  it('unknown ids come first, in the order the inputs give them, then not-applicable ids, then item problems', () => {
    const u = scoreUnit(numeric, { name: '甲', inputs: { zz: {}, '1': { ok: '是', q: 1 }, '9': {} }, notApplicable: ['nope'] });
    expect(u.problems.map((p) => [p.severity, p.indicatorId, p.fieldId])).toEqual([
      ['warning', '9', undefined], // index keys come before named ones in any JS object
      ['warning', 'zz', undefined],
      ['warning', 'nope', undefined],
      ['warning', '1', 'q'],
      ['missing', '2', 'n'], // 2 was not given at all
    ]);
  });
});

describe('ranking reads finals as numbers', () => {
  it('ties share a rank and the next rank skips (1, 2, 2, 4); bottom ranks mirror them', () => {
    const manual = miniRubric([indicator('X', 100, [{ id: 's', label: '得分', type: 'score' }], { kind: 'manual', field: 's' })]);
    const roster = [70.5, 88, 70.5, 91.25, 0].map((s, i) => ({ name: `单位${i}`, inputs: { X: { s } } }));
    const units = scoreRoster(manual, roster).units;
    expect(units.map((u) => [u.final, u.rank, u.bottomRank])).toEqual([
      [70.5, 3, 2],
      [88, 2, 4],
      [70.5, 3, 2],
      [91.25, 1, 5],
      [0, 5, 1],
    ]);
  });
});

describe('what the workbook invites, the engine accepts (issue 12: a list or prompt that invites a refused value is a bug)', () => {
  /** The unit sheet of one unit as its cells would read back: values by row and column of the block. */
  function sheetOf(rid: string) {
    const loaded = loadBuiltin(rid);
    const group = loaded.rubric.ranking.groups[0].id;
    const plan = planWorkbook(loaded, [{ name: '甲', group }], '2020-01-01T00:00:00Z');
    const sheet = plan.sheets.find((s) => s.key === unitKey(0))!;
    const values: CellValue[][] = Array.from({ length: sheet.block.rows }, () => Array<CellValue>(sheet.block.cols).fill(null));
    for (const c of sheet.cells) values[c.row][c.col] = c.value;
    const index = indexBlock(values);
    if (!index.ok) throw new Error(index.message);
    return { rubric: loaded.rubric, sheet, values, index: index.index, group };
  }
  /** The engine's problems about one cell, after the value is put in it and the sheet read back. */
  function problemsFor(rid: string, row: number, col: number, value: CellValue, numberFormat?: string) {
    const { rubric, values, index, group } = sheetOf(rid);
    const filled = values.map((r) => [...r]);
    filled[row][col] = value;
    const formats = filled.map((r, ri) => r.map((_, ci) => (ri === row && ci === col ? (numberFormat ?? 'General') : 'General')));
    const unit = readUnitInputs(rubric, index, '甲', group, filled, percentTexts(filled, formats));
    return scoreUnit(rubric, unit).problems.filter((p) => p.severity === 'error');
  }

  it.each(builtinRubricIds)('%s: every option of every list validation scores without an input error', (rid) => {
    const { sheet } = sheetOf(rid);
    const lists = sheet.cells.filter((c) => c.validation?.kind === 'list');
    expect(lists.length).toBeGreaterThan(0);
    for (const c of lists)
      for (const option of (c.validation as { options: string[] }).options)
        expect([option, problemsFor(rid, c.row, c.col, option)]).toEqual([option, []]);
  });

  it.each(builtinRubricIds)(
    '%s: every example a field prompt names is accepted by the parser, and named in the prompt or the list',
    (rid) => {
      const { rubric } = sheetOf(rid);
      for (const ind of rubric.categories.flatMap((c) => c.indicators))
        for (const f of ind.fields) {
          const v = fieldValidation(f, ind);
          for (const example of promptExamples(f)) {
            expect([f.id, example, parseFieldValue(f, example).status]).toEqual([f.id, example, 'ok']);
            const listed = v?.kind === 'list' && v.options.includes(example);
            expect([f.id, example, listed || fieldPrompt(f).includes(example)]).toEqual([f.id, example, true]);
          }
        }
    },
  );

  it('the yes/no prompt invites only what its list offers (it used to say 也可填 √ / × beside a list of 是/否)', () => {
    const f = { id: 'a', label: '是否', type: 'yesno' as const };
    expect(fieldPrompt(f)).toBe('从下拉列表选择“是”或“否”');
    expect(fieldValidation(f, { points: 2 } as never)).toEqual({ kind: 'list', options: ['是', '否'] });
  });

  it('percent fields get percent-formatted input cells; other fields do not', () => {
    for (const rid of builtinRubricIds) {
      const { rubric, sheet, index } = sheetOf(rid);
      const col = index.cols.get('input')!;
      for (const ind of rubric.categories.flatMap((c) => c.indicators))
        ind.fields.forEach((f, i) => {
          const row = index.rows.get(i === 0 ? `i|${ind.id}|${f.id}` : `f|${ind.id}|${f.id}`)!;
          const cell = sheet.cells.find((c) => c.row === row && c.col === col)!;
          expect([rid, f.id, isPercentFormat(STYLES[cell.style].numberFormat)]).toEqual([rid, f.id, f.type === 'percent']);
        });
    }
  });

  // 衡东 八 (share, bare "percent", 80 % threshold, 1 分 per 10 % below, whole steps): Excel's percent
  // entry stores 85, "85%" and 0.85 typed into the percent-formatted cell all as 0.85; the sheet reads
  // it back as "85%", so no deduction (85 ≥ 80) and no input error, whichever was typed.
  it('衡东 八: 0.85 in the percent-formatted cell is 85 %, as 85 and "85%" are', () => {
    const { rubric, sheet, index } = sheetOf('hengdong-2020-members');
    const ind = rubric.categories.flatMap((c) => c.indicators).find((i) => i.id === '八')!;
    const row = index.rows.get(`i|八|${ind.fields[0].id}`)!;
    const col = index.cols.get('input')!;
    const format = STYLES[sheet.cells.find((c) => c.row === row && c.col === col)!.style].numberFormat;
    expect(problemsFor('hengdong-2020-members', row, col, 0.85, format)).toEqual([]);
    const texts = percentTexts([[0.85]], [[format]]);
    expect(texts).toEqual([['85%']]);
    expect(parseFieldValue(ind.fields[0], texts[0][0]!)).toEqual(parseFieldValue(ind.fields[0], '85%'));
    // The same value in a General cell is a bare number, read per the field's declaration (0.85 %).
    expect(percentTexts([[0.85]], [['General']])).toEqual([[null]]);
  });
});

describe("the 不涉及 and 弄虚作假 cells read yes/no with the engine's words", () => {
  // 朝阳: 不涉及 allowed (exclude), 弄虚作假 is a yes/no cell (honour_ineligible).
  const loaded = loadBuiltin('chaoyang-2020-method');
  const group = loaded.rubric.ranking.groups[0].id;
  const sheet = planWorkbook(loaded, [{ name: '甲', group }], '2020-01-01T00:00:00Z').sheets.find((s) => s.key === unitKey(0))!;
  const values: CellValue[][] = Array.from({ length: sheet.block.rows }, () => Array<CellValue>(sheet.block.cols).fill(null));
  for (const c of sheet.cells) values[c.row][c.col] = c.value;
  const idx = indexBlock(values);
  if (!idx.ok) throw new Error(idx.message);
  const index = idx.index;
  const inputCol = index.cols.get('input')!;
  const firstId = loaded.rubric.categories[0].indicators[0].id;
  const read = (key: string, typed: CellValue) => {
    const filled = values.map((r) => [...r]);
    filled[index.rows.get(key)!][inputCol] = typed;
    return readUnitInputs(loaded.rubric, index, '甲', group, filled);
  };
  it.each([
    ['是', true],
    ['是的', true],
    ['√', true],
    ['否', false],
    ['没有', false],
    ['不是', false],
  ])('不涉及 %s → %s', (typed, na) => expect(read(`f|${firstId}|@na`, typed).notApplicable?.includes(firstId) ?? false).toBe(na));
  it.each([
    ['是', true],
    ['有的', true],
    ['否', false],
    ['没有', false], // read as a finding before: only 否/×/n/no/false/0/无 were no-words
    ['未', false],
    ['x', true], // ambiguous: a finding is never dropped by a misread word
    ['见附件', true],
  ])('弄虚作假 %s → %s', (typed, fraud) => expect(read('t|fraud', typed).fraud).toBe(fraud));
});

describe('a bonus typed with 分 (issue 12: 「2分」 was refused, and the annex printed 无加分)', () => {
  // 衡东: manual bonus without a cap (第四条). A unit with every item blank: base incomplete, bonus read alone.
  const rubric = loadBuiltin('hengdong-2020-members').rubric;
  it.each([
    ['2分', 2],
    ['２ 分', 2],
    ['0.5分', 0.5],
    [2, 2],
  ])('%s → bonus %s, no bonus problem', (typed, points) => {
    const u = scoreUnit(rubric, { name: '甲', inputs: {}, bonus: typed });
    expect(u.bonus).toBe(points);
    expect(u.problems.filter((p) => p.message.includes(rubric.bonus.kind === 'manual' ? rubric.bonus.label : '加分'))).toEqual([]);
  });
  it('2天 is still refused, naming the wrong unit', () => {
    const u = scoreUnit(rubric, { name: '甲', inputs: {}, bonus: '2天' });
    expect(u.problems.map((p) => p.message)).toContain(
      `甲：${rubric.bonus.kind === 'manual' ? rubric.bonus.label : ''}：「2天」的单位「天」与本项不符：只填数字`,
    );
  });
});
