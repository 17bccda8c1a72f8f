/**
 * The live workbook reads the 参数 sheet (rubric.parameters, issue 16 point 12) like inputs: a value
 * typed there rescores every unit; cleared, the items it sets wait again (待定), never 0.
 * Rubric: test/rubric/constructs/office-parameters.json (made-up points).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyPlan } from '../../src/excel/apply-plan';
import { detectApiLevel } from '../../src/excel/requirements';
import { planWorkbook } from '../../src/layout/workbook-plan';
import { parseRubricText } from '../../src/rubric/load';
import { bind, cellAddress, cleanup, inputAt, newHost, valueAt } from './helpers';

// Files are written and read back: slow on a loaded machine (2 cores, several jobs).
jest.setTimeout(30_000);

afterEach(() => cleanup());

const loaded = (() => {
  const r = parseRubricText(readFileSync(join(__dirname, '../rubric/constructs/office-parameters.json'), 'utf8'), 'office-parameters.json');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
})();

it('a parameter typed on the 参数 sheet scores every unit; cleared, their items wait', async () => {
  const host = await newHost('1.8');
  await applyPlan(
    planWorkbook(loaded, [
      { name: '甲', group: '部门' },
      { name: '丙', group: '部门' },
    ]),
    { api: detectApiLevel() },
  );
  await host.flushEvents();
  const session = await bind(host);
  const param = (key: string) => cellAddress(host, '参数', `p|${key}`, 'input');
  const final = (unit: string) => valueAt(host, unit, cellAddress(host, unit, 't|final', 'score'));
  const reason = (unit: string, id: string) => valueAt(host, unit, cellAddress(host, unit, `i|${id}|score`, 'reason'));

  for (const [unit, scores] of [
    ['甲', [36, 27, 15]],
    ['丙', [40, 30, 30]],
  ] as const)
    scores.forEach((v, i) => host.userEdit(unit, inputAt(host, unit, String(i + 1), 'score'), [[v]]));
  await host.flushEvents();
  expect(final('甲')).toBe(''); // no points set yet: no number
  expect(reason('甲', '1')).toBe('待定：参数「第1项 制度建设 分值」未设定');

  host.userEdit('参数', param('points-1'), [[40]]);
  host.userEdit('参数', param('points-2@部门'), [[30]]);
  host.userEdit('参数', param('points-3@部门'), [[30]]);
  await host.flushEvents();
  // 甲: (36 + 27 + 15) / (40 + 30 + 30) × 100 = 78; 丙: 100 / 100 × 100 = 100.
  expect([final('甲'), final('丙')]).toEqual([78, 100]);
  expect(session.stats.rounds).toBeGreaterThan(0);

  // 3 worth 20 instead: 甲 x = 78, y = 90 → 86.666… → 86.67; 丙 scored 30 of 20: an input error, no number.
  host.userEdit('参数', param('points-3@部门'), [[20]]);
  await host.flushEvents();
  expect([final('甲'), final('丙')]).toEqual([86.67, '']);
  expect(reason('丙', '3')).toBe('得分填写有误：30 超过本项最高分 20');

  host.userEdit('参数', param('points-1'), [['']]);
  await host.flushEvents();
  expect(final('甲')).toBe('');
  expect(reason('甲', '1')).toBe('待定：参数「第1项 制度建设 分值」未设定');
});
