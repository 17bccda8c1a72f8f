/**
 * 导出附件（含佐证材料清单） in Excel (issue 17): the annex of the open merged workbook with the
 * 佐证材料清单 and the 自评与核定对照表 is made from what the live session read (no sync of its own)
 * and has the same sheets, byte for byte, as file mode makes from the same workbook saved as a file.
 *
 * 衡东, three units, every 核定 and 自评 FULL (84.5) except that 县公安局 claims 6 reports for 六 in
 * its 自评 (6 × 0.5 = 3 against 4 × 0.5 = 2 verified): one difference, −1, so its 自评 total is
 * 84.5 − 2 + 3 = 85.5 (test/excel/self-review.test.ts).
 */
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { exportAnnexWithEvidence, sessionAnnex } from '../../src/excel/export-annex';
import { ANNEX_SHEETS } from '../../src/layout/annex-plan';
import { NO_SELF_ASSESSMENT } from '../../src/layout/annex-comparison';
import { REVIEW_SHEET } from '../../src/layout/review';
import { SELF_ROLES } from '../../src/layout/self-assessment';
import { loadBuiltin } from '../../src/rubric/catalog';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { detectApiLevel } from '../../src/excel/requirements';
import { bind, cleanup, makeWorkbook, newHost, pasteFull } from './helpers';
import { hostToXlsx } from './host-xlsx';
import { addSelfColumns, pasteSelf, selfAt } from './self-helpers';

afterEach(() => cleanup());

const HD = loadBuiltin('hengdong-2020-members').rubric;
const ROSTER = HD.defaultRoster!.slice(0, 3);
const POLICE = '县公安局';
const DATE = '2026年12月6日';

async function merged() {
  const host = await newHost('1.8');
  await makeWorkbook(host, 'hengdong-2020-members', ROSTER);
  for (let i = 1; i <= 3; i++) await addSelfColumns(host, `U000${i}`);
  for (const u of ROSTER) {
    pasteFull(host, u.name);
    pasteSelf(host, u.name, u.name === POLICE ? { '六|reports': 6 } : {});
  }
  await host.flushEvents();
  const session = await bind(host);
  host.userEdit(POLICE, selfAt(host, POLICE, '六', 'reports', SELF_ROLES.evidence), [['报告 6 份，见台账第 3 页']]);
  host.userEdit(ROSTER[0].name, selfAt(host, ROSTER[0].name, '七', 'firms', SELF_ROLES.evidence), [['红黑名单公示截图']]);
  host.userEdit(REVIEW_SHEET, 'G4', [['现场核查：台账只有 4 份报告']]);
  await host.flushEvents();
  return { host, session };
}

/** The XML of each named sheet of an .xlsx, found through workbook.xml and its relationships. */
function sheetXml(buffer: ArrayBuffer, names: string[]): Record<string, string> {
  const files = unzipSync(new Uint8Array(buffer));
  const workbook = strFromU8(files['xl/workbook.xml']);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  const out: Record<string, string> = {};
  for (const name of names) {
    const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(workbook)?.[1];
    const target = rid && new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    if (!target) throw new Error(`no sheet ${name}`);
    out[name] = strFromU8(files[`xl/${target.replace(/^\/?xl\//, '')}`]);
  }
  return out;
}

async function texts(buffer: ArrayBuffer, sheet: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  const out: string[] = [];
  wb.getWorksheet(sheet)!.eachRow((row) => row.eachCell((c) => out.push(String(c.value ?? ''))));
  return out.join('\n');
}

describe('导出附件（含佐证材料清单） from the live workbook', () => {
  it('has the same 佐证材料清单 and 自评与核定对照表 as file mode makes from the same workbook', async () => {
    const { host, session } = await merged();
    const syncs = host.syncCount;
    const live = await sessionAnnex(session, { evidence: true, comparison: true, date: DATE });
    expect(host.syncCount - syncs).toBe(0); // read in the session's last round
    const file = await scoreFilledWorkbook(await hostToXlsx(host), { evidenceList: true, selfComparison: true, date: DATE });
    const names = [ANNEX_SHEETS.evidence, ANNEX_SHEETS.comparison];
    const liveXml = sheetXml(live.buffer, names);
    expect(liveXml).toEqual(sheetXml(file.annex, names));
    // Not two empty sheets: the unit's evidence, the team's reason, the 自评 total 85.5 beside 核定 84.5.
    const evidence = await texts(live.buffer, ANNEX_SHEETS.evidence);
    expect(evidence).toContain('报告 6 份，见台账第 3 页');
    expect(evidence).toContain('红黑名单公示截图');
    expect(evidence).toContain('现场核查：台账只有 4 份报告');
    const comparison = await texts(live.buffer, ANNEX_SHEETS.comparison);
    expect(comparison).toContain('85.5');
    expect(comparison).toContain('84.5');
    expect(live.state.final).toBe(file.state.final);
  });

  it('a workbook without 自评 gets the annex without the 对照表 and says why', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', ROSTER);
    for (const u of ROSTER) pasteFull(host, u.name);
    await host.flushEvents();
    const session = await bind(host);
    const out = await exportAnnexWithEvidence(session, detectApiLevel(), { comparison: true });
    expect(out.comparison).toBe(false);
    expect(out.comparisonSkipped).toBe(NO_SELF_ASSESSMENT);
    expect(out.review).toEqual([]);
  });
});
