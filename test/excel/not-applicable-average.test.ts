/**
 * 容缺项 in the live workbook: an item a unit marks 不涉及 scores the average of the other units of
 * its group (test/rubric/constructs/not-applicable-average.json), so an edit of one unit's answer
 * moves another unit's score. The per-edit rescoring (RosterScores.update) must move it too, and
 * write what a full rescore writes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RosterScores } from '../../src/excel/roster-scores';
import type { OutputCell } from '../../src/layout/outputs';
import { rowKey } from '../../src/layout/plan';
import { parseRubricText } from '../../src/rubric/load';
import type { UnitInput } from '../../src/scoring/types';

const rubric = (() => {
  const file = join(__dirname, '../rubric/constructs/not-applicable-average.json');
  const r = parseRubricText(readFileSync(file, 'utf8'), 'not-applicable-average.json');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value.rubric;
})();

const roster = [
  { key: 'U0', name: '甲', group: 'G' },
  { key: 'U1', name: '乙', group: 'G' },
  { key: 'U2', name: '丙', group: 'G' },
];
const inputs = (乙batches: number): UnitInput[] => [
  { name: '甲', group: 'G', inputs: { '1': { batches: 4 }, '2': { plan: '是' } } },
  { name: '乙', group: 'G', inputs: { '1': { batches: 乙batches }, '2': { plan: '否' } } },
  { name: '丙', group: 'G', inputs: { '1': {}, '2': { plan: '是' } }, notApplicable: ['1'] },
];
const cell = (cells: OutputCell[], sheetKey: string, rk: string, role: string) =>
  cells.find((c) => c.sheetKey === sheetKey && c.rowKey === rk && c.role === role)?.value;

describe('容缺项 rescored per edit', () => {
  it('乙 types 2 batches instead of 5: 丙’s average goes from (8 + 10) ÷ 2 = 9 to (8 + 4) ÷ 2 = 6, its total from 19 to 16', () => {
    const scores = new RosterScores(rubric, roster);
    const before = scores.scoreAll(inputs(5));
    expect(cell(before, 'U2', rowKey.item('1', 'batches'), 'score')).toBe(9);
    expect(cell(before, 'U2', rowKey.total('final'), 'score')).toBe(19);

    // Only 乙 was edited; 丙 depends on 乙's item 1 through the average.
    const after = scores.update(new Map([[1, inputs(2)[1]]]), () => inputs(2));
    expect(cell(after, 'U2', rowKey.item('1', 'batches'), 'score')).toBe(6);
    expect(cell(after, 'U2', rowKey.item('1', 'batches'), 'reason')).toBe('不涉及，按同组作答此项的 2 个单位的平均分计：12 ÷ 2 = 6 分');
    expect(cell(after, 'U2', rowKey.total('final'), 'score')).toBe(16);
    // 甲 8 + 10 = 18; 乙 2 × 2 + 0 = 4; 丙 6 + 10 = 16; ranks 甲, 丙, 乙.
    expect(scores.result?.units.map((u) => [u.final, u.rank])).toEqual([
      [18, 1],
      [4, 3],
      [16, 2],
    ]);
    // What the edit wrote for 丙 is what a full rescore writes.
    const full = new RosterScores(rubric, roster).scoreAll(inputs(2)).filter((c) => c.sheetKey === 'U2');
    for (const c of full) expect([c.rowKey, c.role, cell(after, 'U2', c.rowKey, c.role)]).toEqual([c.rowKey, c.role, c.value]);
  });
});
