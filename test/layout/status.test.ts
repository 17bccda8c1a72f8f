/**
 * buildStatus without a memo (the page's file mode passes none; the live session passes one): a
 * roster problem — here 衡东's 「名次暂按已计分的 1 个单位排出」 warning, because one of two units
 * has no total — is listed once, with its id, in both cases.
 */
import { buildStatus, type StatusMemo } from '../../src/layout/status';
import { loadBuiltin } from '../../src/rubric/catalog';
import { rankUnits } from '../../src/scoring/rank';
import { scoreRoster, scoreUnit } from '../../src/scoring/score';
import type { UnitScore } from '../../src/scoring/types';
import { unitKey } from '../../src/layout/workbook-plan';
import { sampleInputs } from '../xlsx/helpers';

const { rubric } = loadBuiltin('hengdong-2020-members');
const group = rubric.ranking.groups[0].id;
const names = ['县发改局', '县财政局'].map((name) => ({ name, group }));
const inputs = sampleInputs(rubric, names, 1);
inputs[1].inputs = {}; // the second unit typed nothing: no total, so the ranks are provisional
const result = scoreRoster(rubric, inputs);
const meta = { units: names.map((n, i) => ({ key: unitKey(i), name: n.name, group: n.group })) } as Parameters<typeof buildStatus>[1];

it.each([
  ['without a memo', undefined],
  ['with a memo', {} as StatusMemo],
])('lists each roster problem once, with its id, %s', (_, memo) => {
  expect(result.problems.length).toBeGreaterThan(0);
  const status = buildStatus(rubric, meta, result, [], [], () => undefined, memo);
  const roster = status.problems.filter((p) => p.id.startsWith('roster:'));
  expect(roster.map((p) => p.message)).toEqual(result.problems.map((p) => p.message));
});

describe('a live session’s memo (the status after an edit)', () => {
  // Six units with sample answers; then the third unit's answers are cleared and it is rescored and
  // the roster re-ranked as a live session does (rankUnits with the previous results).
  const six = ['县发改局', '县财政局', '县公安局', '县税务局', '县法院', '县检察院'].map((name) => ({ name, group }));
  const sixMeta = { units: six.map((n, i) => ({ key: unitKey(i), name: n.name, group: n.group })) } as Parameters<typeof buildStatus>[1];
  const before = scoreRoster(rubric, sampleInputs(rubric, six, 3));
  const scores: UnitScore[] = [...before.units];
  scores[2] = scoreUnit(rubric, { name: six[2].name, group, inputs: {} });
  const ranked = rankUnits(rubric, scores, before.units);
  const after = { ...before, units: ranked.units, problems: ranked.problems };
  const address = (key: string, indicatorId?: string) => (indicatorId ? `${key}!${indicatorId}` : undefined);
  const plain = ({ lastScoredAt: _, ...s }: ReturnType<typeof buildStatus>) => s;

  it('gives the status built without one, and keeps the rows and entries of the units the edit did not change', () => {
    const memo: StatusMemo = {};
    const first = buildStatus(rubric, sixMeta, before, [], [], address, memo);
    const second = buildStatus(rubric, sixMeta, after, [], [], address, memo);
    expect(plain(first)).toEqual(plain(buildStatus(rubric, sixMeta, before, [], [], address)));
    expect(plain(second)).toEqual(plain(buildStatus(rubric, sixMeta, after, [], [], address)));
    // The cleared unit lost its total: its row is new; a unit whose result object is kept keeps its row.
    expect(second.units[2]).not.toBe(first.units[2]);
    expect(second.units[2].final).toBeNull();
    const kept = ranked.units.map((u, i) => u === before.units[i]);
    expect(kept.some((k) => k)).toBe(true);
    kept.forEach((k, i) => {
      if (k) expect(second.units[i]).toBe(first.units[i]);
    });
    // Its problems are listed anew (now 「未填写」); an entry of a kept unit is the same object.
    expect(second.problems.some((p) => p.id === `${unitKey(2)}:missing`)).toBe(true);
    const firstById = new Map(first.problems.map((p) => [p.id, p]));
    for (const p of second.problems) if (p.id.startsWith(`${unitKey(0)}:`)) expect(p).toBe(firstById.get(p.id));
  });
});
