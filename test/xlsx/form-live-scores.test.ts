/**
 * A 自评表 whose 得分 cells the add-in filled while the unit typed (src/excel/form-session.ts) is
 * still accepted by collect: the digest of a form's locked parts leaves out the 得分 column of keyed
 * rows. The fixture was made by `makeForms` BEFORE that change (commit c07c0c9, 衡东, 4 units,
 * workbook created 2026-01-05T08:00:00.000Z, form of unit 3 县公安局), so it proves that the digest of
 * a form already made and handed out did not change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { lockedDigest } from '../../src/layout/self-assessment';
import { loadBuiltin } from '../../src/rubric/catalog';
import { blankWorkbook } from '../../src/xlsx/blank-workbook';
import { collectForms } from '../../src/xlsx/collect';
import { readForm } from '../../src/xlsx/forms';

const FIXTURE = readFileSync(join(__dirname, 'fixtures', 'hengdong-form-before-live-scores.xlsx'));
const loaded = loadBuiltin('hengdong-2020-members');
const roster = loaded.rubric.defaultRoster!.slice(0, 4).map((u) => ({ name: u.name, group: u.group }));
const CREATED = '2026-01-05T08:00:00.000Z';

/** The form with `edit` applied to its table, through exceljs (cells found by role row and key column). */
async function edited(edit: (at: (rowKey: string, role: string) => ExcelJS.Cell, rowKeys: string[]) => void): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(FIXTURE).buffer);
  const ws = wb.worksheets.find((w) => w.state === 'visible' && (w.getRow(1).values as unknown[]).includes('key'))!;
  const roles = (ws.getRow(1).values as unknown[]).slice(1);
  const keyCol = roles.indexOf('key') + 1;
  const rows = new Map<string, number>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const k = ws.getCell(r, keyCol).value;
    if (typeof k === 'string' && k.includes('|')) rows.set(k, r);
  }
  edit((rowKey, role) => ws.getCell(rows.get(rowKey)!, roles.indexOf(role) + 1), [...rows.keys()]);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

describe('a form whose 得分 cells the add-in filled', () => {
  let blank: ArrayBuffer;
  beforeAll(async () => {
    blank = (await blankWorkbook(loaded, roster, { createdAt: CREATED })).buffer;
  });

  it('keeps the digest of a form made before the change', async () => {
    const read = await readForm(FIXTURE);
    if (!read.ok) throw new Error(read.message);
    expect(read.form.identity.unitName).toBe(roster[2].name);
    expect(lockedDigest(read.form.values, read.form.index)).toBe(read.form.identity.lockedDigest);
  });

  it('is accepted by collect with every 得分 and 计分说明 cell filled, and its inputs are taken', async () => {
    const bytes = await edited((at, keys) => {
      keys.forEach((k, i) => (at(k, 'score').value = i % 2 ? '输入有误' : i + 0.5));
      keys.forEach((k) => (at(k, 'reason').value = `${k} 的计分说明`));
      at('i|一|leader', 'input').value = '是';
    });
    const result = await collectForms(blank, [{ name: 'scored.xlsx', bytes }]);
    expect(result.refused).toEqual([]);
    expect(result.accepted.map((a) => a.unitName)).toEqual([roster[2].name]);
    expect(result.accepted[0].changes).toBeGreaterThan(0);
  });

  it('still refuses a form whose criterion text was edited, 得分 filled or not', async () => {
    const bytes = await edited((at) => {
      at('i|一|leader', 'score').value = 4;
      at('i|一|leader', 'doc:评分标准').value = '明确分管领导的得10分';
    });
    const result = await collectForms(blank, [{ name: 'tampered.xlsx', bytes }]);
    expect(result.accepted).toEqual([]);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0].message).toContain('锁定内容被改动');
    expect(result.refused[0].message).toContain('明确分管领导的得10分');
  });
});
