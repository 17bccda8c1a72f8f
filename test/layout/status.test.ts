/**
 * buildStatus without a memo (the page's file mode passes none; the live session passes one): a
 * roster problem — here 衡东's 「名次暂按已计分的 1 个单位排出」 warning, because one of two units
 * has no total — is listed once, with its id, in both cases.
 */
import { buildStatus, type UnitProblemsMemo } from '../../src/layout/status';
import { loadBuiltin } from '../../src/rubric/catalog';
import { scoreRoster } from '../../src/scoring/score';
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
  ['with a memo', new WeakMap() as UnitProblemsMemo],
])('lists each roster problem once, with its id, %s', (_, memo) => {
  expect(result.problems.length).toBeGreaterThan(0);
  const status = buildStatus(rubric, meta, result, [], [], () => undefined, memo);
  const roster = status.problems.filter((p) => p.id.startsWith('roster:'));
  expect(roster.map((p) => p.message)).toEqual(result.problems.map((p) => p.message));
});
