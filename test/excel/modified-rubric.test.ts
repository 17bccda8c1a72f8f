/**
 * A workbook whose embedded rubric has the id and version of a shipped one but other content (a
 * softened rule, issue 12.8) is reported loudly in the pane, scored with the shipped rubric, and
 * every page of the annex exported from it says so.
 */
import ExcelJS from 'exceljs';
import { applyPlan } from '../../src/excel/apply-plan';
import { sessionAnnexBuffer } from '../../src/excel/export-annex';
import { detectApiLevel } from '../../src/excel/requirements';
import { planWorkbook } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import { contentHash } from '../../src/rubric/hash';
import type { Rubric } from '../../src/rubric/schema';
import { bind, cleanup, newHost } from './helpers';

afterEach(cleanup);

const ID = 'hengdong-2020-members';

it('is reported, scored with the shipped rubric, and named on every page of the exported annex', async () => {
  const shipped = loadBuiltin(ID);
  const softened = structuredClone(shipped.rubric) as Rubric;
  const ind = softened.categories[0].indicators[0];
  ind.criteria = `${ind.criteria}（改：不扣分）`;
  const host = await newHost('1.8');
  const plan = planWorkbook(
    { rubric: softened, hash: contentHash(softened) },
    [{ name: '县公安局', group: '成员单位' }],
    '2026-11-24T00:00:00Z',
  );
  await applyPlan(plan, { api: detectApiLevel() });
  await host.flushEvents();

  const session = await bind(host);
  const problem = session.status().problems.find((p) => p.kind === 'version');
  expect(problem?.severity).toBe('error');
  expect(problem?.message).toContain(`本工作簿内嵌的评分细则与 ${ID}`);
  expect(problem?.message).toContain('不一致');
  // Scored with the shipped rubric: its criteria, not the softened text.
  expect(session.rubric.categories[0].indicators[0].criteria).toBe(shipped.rubric.categories[0].indicators[0].criteria);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await sessionAnnexBuffer(session));
  expect(wb.worksheets.length).toBeGreaterThan(1);
  for (const ws of wb.worksheets) expect(ws.headerFooter.oddHeader ?? '').toContain('按内置细则计分');
});
