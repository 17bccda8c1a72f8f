/**
 * 鹤岗's tables (deduction from a base of 100) have a 扣分 column, and the document does not rank
 * its units: the sheets show each item's deduction beside its score and call the rank 参考名次.
 * Every other rubric keeps 得分 / 名次 only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseUnitsData } from '../../src/cli/units-file';
import { rankColumns, summaryColumns, unitColumns } from '../../src/layout/columns';
import { summaryOutputs, unitSheetOutputs } from '../../src/layout/outputs';
import { rowKey } from '../../src/layout/plan';
import { planRankSheet } from '../../src/layout/rank-sheet';
import { builtinRubricIds, loadBuiltinRubric } from '../../src/rubric/catalog';
import { scoreRoster } from '../../src/scoring/score';

const ROOT = join(__dirname, '..', '..');

describe('扣分 column and 参考名次', () => {
  it.each(builtinRubricIds)('%s: 扣分 exactly for deduction from a base, 参考名次 exactly where ranks are for reference', (id) => {
    const rubric = loadBuiltinRubric(id);
    const deducts = rubric.aggregation.mode === 'deduct_from_base';
    const roles = unitColumns(rubric).map((c) => c.role);
    expect(roles.includes('deduction')).toBe(deducts);
    // Right after 得分, so that the two read together.
    if (deducts) expect(roles.indexOf('deduction')).toBe(roles.indexOf('score') + 1);
    const rank = rubric.ranking.purpose === 'reference' ? '参考名次' : '名次';
    expect(summaryColumns(rubric).find((c) => c.role === 'rank')!.header).toBe(rank);
    expect(rankColumns(rubric).find((c) => c.role === 'rank')!.header).toBe(rank);
    const sheet = planRankSheet(rubric, '排名', new Map(rubric.ranking.groups.map((g) => [g.id, 2])));
    expect(sheet.cells.some((c) => c.value === '注：文件未规定排名，名次仅供参考。')).toBe(rubric.ranking.purpose === 'reference');
  });

  it('鹤岗 附件1, 萝北县 (examples/): 扣分 per item, per category and in total, by hand', () => {
    const rubric = loadBuiltinRubric('hegang-2022-counties');
    const file = JSON.parse(readFileSync(join(ROOT, 'examples', 'hegang-2022-counties.json'), 'utf8'));
    const units = parseUnitsData(file, 'hegang-2022-counties.json').units;
    const result = scoreRoster(rubric, units);
    const i = result.units.findIndex((u) => u.name === '萝北县');
    const out = unitSheetOutputs(rubric, 'u', result.units[i]);
    const deduction = (rk: string) => out.find((o) => o.rowKey === rk && o.role === 'deduction')?.value;
    const item = (id: string) => rowKey.item(id, rubric.categories.flatMap((c) => c.indicators).find((x) => x.id === id)!.fields[0].id);
    // 四 信用修复率 57% < 80%: 扣 10 of its 10 points; 六 27 篇 < 30 篇: 扣 10 of 10; nothing else deducted.
    expect(deduction(item('四'))).toBe(10);
    expect(deduction(item('六'))).toBe(10);
    expect(deduction(item('一.1'))).toBe(0);
    expect(deduction(item('二.5'))).toBe(0);
    // 一 has four items, none deducted (5 + 5 + 10 + 5 = 25 of 25): its 扣分 is 0.
    expect(deduction(rowKey.category('一'))).toBe(0);
    // Base line: 100 − 10 − 10 = 80, so 扣分 20.
    expect(result.units[i].base).toBe(80);
    expect(deduction(rowKey.total('base'))).toBe(20);
    // Workbooks made before the column existed have no place for it: the cells say they may be skipped.
    expect(out.filter((o) => o.role === 'deduction').every((o) => o.optional)).toBe(true);
  });

  it('鹤岗 附件2: 不涉及 keeps full points (扣分 0), an unfilled item has no 扣分 yet, an invalid one neither', () => {
    const rubric = loadBuiltinRubric('hegang-2022-departments');
    const inds = rubric.categories.flatMap((c) => c.indicators);
    const [a, b, c] = inds;
    const result = scoreRoster(rubric, [
      { name: '市税务局', group: rubric.ranking.groups[0].id, notApplicable: [a.id], inputs: { [c.id]: { [c.fields[0].id]: '很多' } } },
    ]);
    const u = result.units[0];
    expect(u.items[a.id].status).toBe('not_applicable');
    expect(u.items[b.id].status).toBe('incomplete');
    expect(u.items[c.id].status).toBe('invalid');
    const out = unitSheetOutputs(rubric, 'u', u);
    const deduction = (ind: (typeof inds)[number]) =>
      out.find((o) => o.rowKey === rowKey.item(ind.id, ind.fields[0].id) && o.role === 'deduction');
    expect(deduction(a)!.value).toBe(0);
    expect(deduction(b)!.value).toBeNull();
    expect(deduction(b)!.tone).toBe('missing');
    expect(deduction(c)!.value).toBeNull();
    expect(deduction(c)!.tone).toBe('error');
    expect(out.find((o) => o.rowKey === rowKey.total('base') && o.role === 'deduction')!.value).toBeNull();
  });

  it('other rubrics write no 扣分 cells', () => {
    for (const id of builtinRubricIds.filter((x) => !x.startsWith('hegang-'))) {
      const rubric = loadBuiltinRubric(id);
      const result = scoreRoster(rubric, [{ name: '甲', group: rubric.ranking.groups[0].id }]);
      expect(unitSheetOutputs(rubric, 'u', result.units[0]).some((o) => o.role === 'deduction')).toBe(false);
    }
  });
});

describe('a category whose every item is 不涉及 (朝阳, left out of x and y)', () => {
  it('shows 不计 with the reason, on the unit sheet and in 汇总, not 0 of 0', () => {
    const rubric = loadBuiltinRubric('chaoyang-2020-method');
    const all = rubric.categories.flatMap((c) => c.indicators.map((i) => i.id));
    const result = scoreRoster(rubric, [{ name: '市某局', group: '成员单位', notApplicable: all }]);
    const u = result.units[0];
    expect(u.categories[rubric.categories[0].id]).toEqual({ score: 0, max: 0 }); // what the engine sums: nothing
    const out = unitSheetOutputs(rubric, 'u', u);
    const cat = (role: string) => out.find((o) => o.rowKey === rowKey.category(rubric.categories[0].id) && o.role === role)?.value;
    expect(cat('score')).toBe('不计');
    expect(cat('reason')).toBe('本类指标均不涉及，不计入 x 和 y');
    const summary = summaryOutputs(rubric, [{ key: 'u', score: u }]);
    expect(summary.find((o) => o.role === `cat:${rubric.categories[0].id}`)!.value).toBe('不计');
  });
});
