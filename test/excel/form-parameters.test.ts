/**
 * A 自评表 of a rubric with office-set parameters (朝阳's item points, issue 16 point 12) carries its
 * unit's 参数 values, sealed in its identity: opened in Excel, its live 自评分 is computed with them
 * and equals what the office computes; without them every item would wait (待定) and show no number.
 * Rubric: test/rubric/constructs/office-parameters.json (made-up points, as test/excel/parameters.test.ts).
 *
 * 甲 (部门) types 36, 27, 15 with points 40 / 30 / 30: (36 + 27 + 15) / (40 + 30 + 30) × 100 = 78.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyPlan, applySheet } from '../../src/excel/apply-plan';
import { Batch } from '../../src/excel/batch';
import { FormSession } from '../../src/excel/form-session';
import { detectApiLevel } from '../../src/excel/requirements';
import { FORM_META_SHEET, formMetaColumn, planFormSheet, type FormIdentity } from '../../src/layout/self-assessment';
import { planWorkbook } from '../../src/layout/workbook-plan';
import { parseRubricText } from '../../src/rubric/load';
import { makeFormsFor, readForm } from '../../src/xlsx/forms';
import { bind, cellAddress, cleanup, inputAt, newHost, valueAt } from './helpers';

jest.setTimeout(30_000);
afterEach(() => cleanup());

const loaded = (() => {
  const r = parseRubricText(readFileSync(join(__dirname, '../rubric/constructs/office-parameters.json'), 'utf8'), 'office-parameters.json');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
})();
const rubric = loaded.rubric;
const SHEET = '甲';

/** The forms of a live workbook (甲 of 部门, 乙 of 县区) whose 参数 sheet has been filled. */
async function formsOfLiveWorkbook() {
  const host = await newHost('1.8');
  await applyPlan(
    planWorkbook(loaded, [
      { name: '甲', group: '部门' },
      { name: '乙', group: '县区' },
    ]),
    { api: detectApiLevel() },
  );
  await host.flushEvents();
  const session = await bind(host);
  const param = (key: string) => cellAddress(host, '参数', `p|${key}`, 'input');
  for (const [key, v] of [
    ['points-1', 40],
    ['points-2@部门', 30],
    ['points-3@部门', 30],
    ['points-2@县区', 50],
  ] as const)
    host.userEdit('参数', param(key), [[v]]);
  await host.flushEvents();
  const forms = await makeFormsFor(session.rubric, session.meta, new Date('2026-12-06T08:00:00Z'), session.parameters);
  cleanup();
  return forms;
}

/** A made form laid out in a fresh host as the file opens in Excel: its table, CS_FORM and the hidden identity. */
async function openInExcel(identity: FormIdentity) {
  const host = await newHost('1.8');
  const table = planFormSheet(rubric, { key: identity.unitKey, sheetName: SHEET, unitName: identity.unitName, groupLabel: '市直部门' });
  await Excel.run(async (context) => {
    const batch = new Batch(context);
    const ws = context.workbook.worksheets.add(SHEET);
    await applySheet(context, batch, ws, table, detectApiLevel());
    const hidden = context.workbook.worksheets.add(FORM_META_SHEET);
    const column = formMetaColumn(identity);
    hidden.getRangeByIndexes(0, 0, column.length, 1).values = column.map((v) => [v]);
    hidden.visibility = 'VeryHidden';
    await batch.flush();
  });
  await host.flushEvents();
  const bound = await FormSession.bind((id) => (id === rubric.id ? rubric : null));
  if (!bound?.ok) throw new Error(bound ? bound.message : 'not a form');
  return { host, session: bound.session };
}

describe('a 自评表 of a rubric with parameters', () => {
  it('carries its own group’s 参数 values, sealed in its identity', async () => {
    const forms = await formsOfLiveWorkbook();
    const read = await Promise.all(forms.map((f) => readForm(f.buffer)));
    const ids = read.map((r) => (r.ok ? r.form.identity : null));
    expect(ids[0]?.parameters).toEqual({ 'points-1': 40, 'points-2@部门': 30, 'points-3@部门': 30 });
    // 乙's group has no value for 3 yet: carried as unset, so its item waits as in the workbook.
    expect(ids[1]?.parameters).toEqual({ 'points-1': 40, 'points-2@县区': 50, 'points-3@县区': null });
  });

  it('shows the 自评分 the office computes: 78', async () => {
    const forms = await formsOfLiveWorkbook();
    const read = await readForm(forms[0].buffer);
    if (!read.ok) throw new Error(read.message);
    const { host, session } = await openInExcel(read.form.identity);
    [36, 27, 15].forEach((v, i) => host.userEdit(SHEET, inputAt(host, SHEET, String(i + 1), 'score'), [[v]]));
    await host.flushEvents();
    await session.rescore();
    expect(valueAt(host, SHEET, cellAddress(host, SHEET, 't|final', 'score'))).toBe(78);
    expect(session.status().form).toMatchObject({ total: 78, missing: 0, draft: false });
  });
});
