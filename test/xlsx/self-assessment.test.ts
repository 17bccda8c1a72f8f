/**
 * Self-assessment round trip with files made by other programs (issue 17): 自评表 made from a score
 * workbook, filled by openpyxl (scripts/fill-form.py) and by LibreOffice headless (the same script,
 * the openpyxl fill saved again by `soffice --convert-to xlsx`), one filled for the wrong unit,
 * one tampered, one with an altered identity, one from an older rubric version and one of another
 * workbook, then collected. The merged workbook must score 核定 exactly as the same values typed
 * into the workbook by hand, and the refusals, 核查清单 differences and reasons and the 变更记录 rows
 * are checked.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { mulberry32, randomUnit } from '../../bench/random-inputs';
import { NOT_APPLICABLE_FIELD } from '../../src/layout/plan';
import { lockedDigest, readFormMetaColumn, workbookId } from '../../src/layout/self-assessment';
import { unitKey } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import { parseRubricText, type LoadedRubric } from '../../src/rubric/load';
import { scoreRoster } from '../../src/scoring/score';
import type { RankedUnit, UnitInput } from '../../src/scoring/types';
import { blankWorkbook } from '../../src/xlsx/blank-workbook';
import { CHANGE_LOG_SHEET } from '../../src/xlsx/change-log';
import { collectForms, type CollectResult, type FormFile } from '../../src/xlsx/collect';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { makeForms, readForm } from '../../src/xlsx/forms';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { REVIEW_SHEET } from '../../src/xlsx/review';
import { fillWorkbook, scratch, zipParts } from './helpers';

const ROOT = resolve(__dirname, '../..');
const FILL = join(ROOT, 'scripts', 'fill-form.py');
const PYTHON = '/usr/bin/python3';
const loaded = loadBuiltin('hengdong-2020-members');
const { rubric } = loaded;
const roster = rubric.defaultRoster!.slice(0, 4).map((u) => ({ name: u.name, group: u.group }));
const keys = roster.map((_, i) => unitKey(i));
const CREATED = '2026-01-05T08:00:00.000Z';
const dir = scratch('cs-forms-');

/** Complete random answers (the bench generator), with 一 工作机制建设 all 是 so its 自评分 is 4. */
function answers(seed: number, name: string): UnitInput {
  const u = randomUnit(rubric, mulberry32(seed), name);
  u.group = roster[0].group;
  u.inputs!['一'] = { leader: '是', leadOffice: '是', dutyOffices: '是', liaison: '是' };
  return u;
}
const own = roster.map((u, i) => answers(100 + i, u.name));

/** A unit's answers keyed by the form's row keys, for scripts/fill-form.py. */
function fillSpec(u: UnitInput, extra: Record<string, unknown> = {}) {
  const values: Record<string, unknown> = {};
  const evidence: Record<string, string> = {};
  for (const cat of rubric.categories)
    for (const ind of cat.indicators) {
      ind.fields.forEach((f, i) => {
        const v = u.inputs?.[ind.id]?.[f.id];
        if (v !== null && v !== undefined) values[`${i === 0 ? 'i' : 'f'}|${ind.id}|${f.id}`] = v;
      });
      if (u.notApplicable?.includes(ind.id)) values[`f|${ind.id}|${NOT_APPLICABLE_FIELD}`] = '是';
      evidence[`i|${ind.id}|${ind.fields[0].id}`] = `${u.name} ${ind.id} 台账第 ${ind.fields.length} 页`;
    }
  if (u.bonus !== null && u.bonus !== undefined) values['t|bonus'] = u.bonus;
  return { values, evidence, ...extra };
}

function fill(form: string, spec: object, out: string, libreoffice = false): FormFile {
  const json = join(dir, `${out}.json`);
  writeFileSync(json, JSON.stringify(spec));
  const args = [FILL, join(dir, form), json, join(dir, out)];
  if (libreoffice) args.push('--libreoffice', join(dir, 'lo-profile'));
  execFileSync(PYTHON, args, { stdio: 'pipe', timeout: 240_000 });
  return { name: out, bytes: readFileSync(join(dir, out)) };
}

async function withOlderRubric(): Promise<LoadedRubric> {
  const parsed = parseRubricText(JSON.stringify({ ...rubric, version: '1.0.0' }), 'older');
  if (!parsed.ok) throw new Error('older rubric invalid');
  return parsed.value;
}

/** A workbook's rows of a sheet as text, row by row. */
async function sheetRows(buffer: ArrayBuffer, name: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  const ws = wb.getWorksheet(name)!;
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

const itemScores = (u: RankedUnit) => Object.fromEntries(Object.entries(u.items).map(([id, it]) => [id, it.score]));

describe('自评表: made, filled by other programs, collected', () => {
  let blank: ArrayBuffer;
  let officeTyped: ArrayBuffer;
  let first: CollectResult;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    blank = (await blankWorkbook(loaded, roster, { createdAt: CREATED })).buffer;
    const made = await makeForms(blank, new Date('2026-01-06T00:00:00Z'));
    for (const f of made.forms) {
      writeFileSync(join(dir, f.fileName), Buffer.from(f.buffer));
      files[f.unitKey] = f.fileName;
    }
    // Before collecting, the office had already typed 否 for 人民银行衡东县支行's 分管领导.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(blank);
    fillWorkbook(wb, [keys[1]], [{ ...own[1], inputs: { 一: { leader: '否' } } }]);
    officeTyped = (await wb.xlsx.writeBuffer()) as ArrayBuffer;

    const older = await makeForms((await blankWorkbook(await withOlderRubric(), roster, { createdAt: CREATED })).buffer);
    writeFileSync(join(dir, 'older.xlsx'), Buffer.from(older.forms[3].buffer));
    const other = await makeForms((await blankWorkbook(loaded, roster, { createdAt: '2026-02-01T00:00:00.000Z' })).buffer);
    writeFileSync(join(dir, 'other.xlsx'), Buffer.from(other.forms[3].buffer));

    const forms: FormFile[] = [
      fill(files[keys[0]], fillSpec(own[0]), 'openpyxl-0.xlsx'),
      fill(files[keys[1]], fillSpec(own[1]), 'libreoffice-1.xlsx', true),
      // 县司法局 filled 县公安局's form and named the file after itself: it belongs to 县公安局.
      fill(files[keys[2]], fillSpec(own[3]), `${roster[3].name}.xlsx`),
      fill(files[keys[3]], fillSpec(own[3], { locked: { C5: '明确分管领导的得10分' } }), 'tampered-3.xlsx'),
      fill('older.xlsx', fillSpec(own[3]), 'older-3.xlsx'),
      fill('other.xlsx', fillSpec(own[3]), 'other-3.xlsx'),
      { name: 'identity-3.xlsx', bytes: await alteredIdentity(join(dir, files[keys[3]]), keys[0], roster[0].name) },
      // 县公安局's own form, after the one 县司法局 filled for it.
      fill(files[keys[2]], fillSpec(own[2]), 'own-2.xlsx'),
    ];
    first = await collectForms(officeTyped, forms, { now: new Date('2026-03-01T09:30:00') });
  }, 300_000);

  it('makes one form per unit whose identity names the workbook, the unit and the rubric', async () => {
    const read = await readForm(readFileSync(join(dir, files[keys[2]])));
    if (!read.ok) throw new Error(read.message);
    expect(read.form.identity).toMatchObject({
      unitKey: keys[2],
      unitName: roster[2].name,
      rubric: { id: rubric.id, version: rubric.version, hash: loaded.hash },
    });
    // The workbook id is the workbook's creation time, rubric and roster.
    expect(read.form.identity.workbookId).toBe(
      workbookId({ createdAt: CREATED, rubric: read.form.identity.rubric, units: roster.map((u, i) => ({ key: keys[i], ...u })) }),
    );
    expect(lockedDigest(read.form.values, read.form.index)).toBe(read.form.identity.lockedDigest);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(readFileSync(join(dir, files[keys[2]]))).buffer);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['填写说明', 'visible'],
      [roster[2].name, 'visible'],
      ['_cs_form', 'veryHidden'],
    ]);
    const ws = wb.getWorksheet(roster[2].name)!;
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection).not.toHaveProperty('algorithmName'); // no password
    // The percent field keeps its percent format and validation; the 佐证材料 cell is an input.
    const roles = (ws.getRow(1).values as unknown[]).slice(1);
    const keyCol = roles.indexOf('key') + 1;
    const rowOf = (k: string) => [...Array(ws.rowCount).keys()].map((r) => r + 1).find((r) => ws.getCell(r, keyCol).value === k)!;
    const share = ws.getCell(rowOf('i|八|share'), roles.indexOf('input') + 1);
    expect(share.numFmt).toContain('%');
    expect(share.protection?.locked).toBe(false);
    const evidence = ws.getCell(rowOf('i|一|leader'), roles.indexOf('evidence') + 1);
    expect(evidence.protection?.locked).toBe(false);
    expect(ws.getCell(rowOf('i|一|leader'), roles.indexOf('input') + 1).dataValidation).toMatchObject({ type: 'list' });
  });

  it('takes the openpyxl and LibreOffice forms, and matches a form by its identity, not its file name', () => {
    expect(first.accepted.map((a) => [a.file, a.unitName])).toEqual([
      ['openpyxl-0.xlsx', roster[0].name],
      ['libreoffice-1.xlsx', roster[1].name],
      [`${roster[3].name}.xlsx`, roster[2].name],
    ]);
    expect(first.notReturned.map((u) => u.name)).toEqual([roster[3].name]);
    // The second file really is one LibreOffice wrote (not openpyxl's copy).
    expect(zipParts(readFileSync(join(dir, 'libreoffice-1.xlsx'))).get('docProps/app.xml')).toContain('LibreOffice');
    expect(zipParts(readFileSync(join(dir, 'openpyxl-0.xlsx'))).get('docProps/app.xml')).not.toContain('LibreOffice');
  });

  it('adds the 自评 columns to the right: every existing cell of a unit sheet stays where it was', async () => {
    const before = await readWorkbook(officeTyped);
    const after = await readWorkbook(first.scored.scored);
    for (const key of keys) {
      const b = before.blocks.get(key)!;
      const a = after.blocks.get(key)!;
      expect([a.worksheet.name, a.top, a.left]).toEqual([b.worksheet.name, b.top, b.left]);
      expect([...a.index.rows]).toEqual([...b.index.rows]);
      for (const [role, col] of b.index.cols) expect([role, a.index.cols.get(role)]).toEqual([role, col]);
    }
    const unit0 = after.blocks.get(keys[0])!;
    // Right after the hidden key column, which was the last column of the table.
    expect(['selfInput', 'selfScore', 'evidence'].map((r) => unit0.index.cols.get(r)! - unit0.index.keyCol)).toEqual([1, 2, 3]);
    // 县司法局 returned nothing: its sheet has no 自评 columns.
    expect(after.blocks.get(keys[3])!.index.cols.has('selfInput')).toBe(false);
    // A workbook without any 自评 is scored exactly as before: no 核查清单, no 变更记录.
    const plain = await scoreFilledWorkbook(officeTyped);
    expect(plain.review).toBeNull();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(plain.scored);
    expect(wb.worksheets.map((w) => w.name)).not.toEqual(expect.arrayContaining([REVIEW_SHEET]));
    expect(wb.getWorksheet(CHANGE_LOG_SHEET)).toBeUndefined();
  });

  it('refuses each bad form with one Chinese line and says what is wrong', () => {
    const by = Object.fromEntries(first.refused.map((r) => [r.file, r.message]));
    expect(Object.keys(by).sort()).toEqual(['identity-3.xlsx', 'older-3.xlsx', 'other-3.xlsx', 'own-2.xlsx', 'tampered-3.xlsx']);
    expect(by['tampered-3.xlsx']).toMatch(
      /^「tampered-3\.xlsx」（县司法局）的锁定内容被改动：C5 原为「明确分管领导.*现为「明确分管领导的得10分」，未导入$/,
    );
    expect(by['identity-3.xlsx']).toContain('隐藏身份信息被改动');
    expect(by['identity-3.xlsx']).toContain(roster[0].name);
    expect(by['older-3.xlsx']).toContain(`v1.0.0`);
    expect(by['older-3.xlsx']).toContain(`本工作簿为 v${rubric.version}`);
    expect(by['other-3.xlsx']).toContain('另一份考核工作簿的自评表');
    expect(by['own-2.xlsx']).toContain(`本次已导入该单位的另一份自评表「${roster[3].name}.xlsx」`);
    for (const m of Object.values(by)) expect(m.split('\n')).toHaveLength(1);
  });

  it('scores 核定 exactly as the same values typed into the workbook by hand, and as the engine scores them', async () => {
    // What the office has after collecting: units 0 and 1 their own answers (unit 1 with the 否 the
    // office typed first), 县公安局 the answers 县司法局 typed into its form, 县司法局 nothing.
    const typed: UnitInput[] = [
      own[0],
      { ...own[1], inputs: { ...own[1].inputs, 一: { ...own[1].inputs!['一'], leader: '否' } } },
      { ...own[3], name: roster[2].name },
    ];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(blank);
    fillWorkbook(wb, keys.slice(0, 3), typed);
    const byHand = await scoreFilledWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const merged = first.scored.result.units;
    for (const i of [0, 1, 2]) {
      expect(itemScores(merged[i])).toEqual(itemScores(byHand.result.units[i]));
      expect(merged[i].final).toBe(byHand.result.units[i].final);
      expect(merged[i].final).not.toBeNull();
    }
    const engine = scoreRoster(rubric, [...typed, { name: roster[3].name, group: roster[3].group, inputs: {} }]);
    expect(merged.slice(0, 3).map((u) => u.final)).toEqual(engine.units.slice(0, 3).map((u) => u.final));
    // The office's 否 was not overwritten: 一 工作机制建设 is 4 − 1 × 1 = 3 (checklist, 1 per item missing).
    expect(merged[1].items['一'].score).toBe(3);
  });

  it('lists the difference in 核查清单 and keeps the document a draft until a 核减原因 is typed', async () => {
    // 自评: all four 是 → 4 points; 核定: 分管领导 否 → 3: difference 3 − 4 = −1.
    expect(first.scored.review?.differences).toEqual([
      expect.objectContaining({ unit: roster[1].name, indicatorId: '一', self: 4, verified: 3, difference: -1, reason: '' }),
    ]);
    expect(first.scored.review?.unexplained).toBe(1);
    expect(first.scored.state.final).toBe(false);
    expect(first.scored.state.mark).toContain('1 处核定与自评的差异未填核减原因');
    // Every item scored from the 自评 equals 核定 elsewhere, so unit 0's 自评分 column equals its 核定分.
    const rows = await sheetRows(first.scored.scored, REVIEW_SHEET);
    expect(rows[2]).toEqual(['序号', '单位', '指标', '自评分', '核定分', '差值（核定−自评）', '核减原因', '键']);
    expect(rows[3].slice(0, 6)).toEqual(['1', roster[1].name, '一 工作机制建设', '4', '3', '-1']);

    // 县司法局 returns its own form; every unit is then complete, and only the reason is missing.
    const late = fill(files[keys[3]], fillSpec(own[3]), 'late-3.xlsx');
    const second = await collectForms(first.scored.scored, [late], { now: new Date('2026-03-02T10:00:00') });
    expect(second.accepted.map((a) => a.unitName)).toEqual([roster[3].name]);
    expect(second.notReturned).toEqual([]);
    expect(second.scored.state).toMatchObject({ final: false, completed: 4, unexplainedDifferences: 1 });

    // The reason typed in 核查清单 (WPS, LibreOffice, Excel: a plain cell) makes it final, and is kept.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(second.scored.scored);
    wb.getWorksheet(REVIEW_SHEET)!.getCell(4, 7).value = '现场核查：未见分管领导的任命文件';
    const reasoned = await scoreFilledWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(reasoned.review).toMatchObject({ unexplained: 0 });
    expect(reasoned.state).toMatchObject({ final: true, unexplainedDifferences: 0 });
    expect((await sheetRows(reasoned.scored, REVIEW_SHEET))[3][6]).toBe('现场核查：未见分管领导的任命文件');
    // The annex stays the 核定 result: the same final scores as the workbook scored without 自评.
    expect(reasoned.result.units.map((u) => u.final)).toEqual(second.scored.result.units.map((u) => u.final));
  }, 120_000);

  it('writes 核减原因 typed in the page into 核查清单, keeps the file’s reasons, never drops a typed one', async () => {
    const typed = '现场核查：分管领导任命文件缺失';
    const diffKey = `${keys[1]}|一`;
    // A reason typed for an item without a difference (unit 0's 二) is kept too, on a 「已无差异」 row.
    const spare = `${keys[0]}|二`;
    const out = await scoreFilledWorkbook(first.scored.scored, { reasons: { [diffKey]: typed, [spare]: '另附说明' } });
    expect(out.review?.differences).toEqual([expect.objectContaining({ unitKey: keys[1], indicatorId: '一', reason: typed })]);
    expect(out.review?.unexplained).toBe(0);
    expect(out.state.unexplainedDifferences).toBe(0);
    // Read back from the downloaded workbook as a person would open it: the reason under 核减原因, keyed.
    const rows = await sheetRows(out.scored, REVIEW_SHEET);
    expect(rows[3].slice(0, 8)).toEqual(['1', roster[1].name, '一 工作机制建设', '4', '3', '-1', typed, diffKey]);
    expect(rows[4].slice(5, 8)).toEqual(['已无差异', '另附说明', spare]);
    const again = await scoreFilledWorkbook(out.scored);
    expect(again.review).toMatchObject({ unexplained: 0, differences: [expect.objectContaining({ reason: typed })] });

    // The file's reason stays where the page sends an empty box; a new typed one replaces it.
    const kept = await scoreFilledWorkbook(out.scored, { reasons: { [diffKey]: '   ' } });
    expect(kept.review?.differences[0].reason).toBe(typed);
    const replaced = await scoreFilledWorkbook(out.scored, { reasons: { [diffKey]: '补充：已调阅任命文件存档' } });
    expect(replaced.review?.differences[0].reason).toBe('补充：已调阅任命文件存档');
    expect((await sheetRows(replaced.scored, REVIEW_SHEET))[4][6]).toBe('另附说明');
  });

  it('appends every change to 变更记录 (only appended), with the source 自评导入', async () => {
    const log = await sheetRows(first.scored.scored, CHANGE_LOG_SHEET);
    expect(log[0]).toEqual(['时间', '单位', '指标', '填报项目', '栏目', '原值', '新值', '来源', '文件']);
    const row = log.find((r) => r[1] === roster[1].name && r[3] === '是否明确分管领导' && r[4] === '自评填报')!;
    expect(row).toEqual([
      '2026-03-01 09:30:00',
      roster[1].name,
      '一 工作机制建设',
      '是否明确分管领导',
      '自评填报',
      '',
      '是',
      '自评导入',
      'libreoffice-1.xlsx',
    ]);
    // The office's 否 was kept: no 核定填报 row for that field of unit 1.
    expect(log.filter((r) => r[1] === roster[1].name && r[3] === '是否明确分管领导' && r[4] === '核定填报')).toEqual([]);
    // Unit 0: one 核定填报 row per value it filled (every one was empty before), and one 佐证材料 per item.
    const values = Object.keys(fillSpec(own[0]).values).length;
    expect(log.filter((r) => r[1] === roster[0].name && r[4] === '核定填报')).toHaveLength(values);
    expect(log.filter((r) => r[1] === roster[0].name && r[4] === '佐证材料')).toHaveLength(
      rubric.categories.flatMap((c) => c.indicators).length,
    );

    // A second run (the same form again, with --replace) appends; the first rows stay as they were.
    const again = await collectForms(
      first.scored.scored,
      [fill(files[keys[0]], fillSpec(own[0], { values: { ...fillSpec(own[0]).values, 'i|五|commitments': 7 } }), 'again-0.xlsx')],
      {
        replace: true,
        now: new Date('2026-03-03T08:00:00'),
      },
    );
    expect(again.accepted).toEqual([expect.objectContaining({ unitName: roster[0].name, replaced: true, changes: 1, prefilled: 0 })]);
    const after = await sheetRows(again.scored.scored, CHANGE_LOG_SHEET);
    expect(after.slice(0, log.length)).toEqual(log);
    expect(after.slice(log.length)).toEqual([
      [
        '2026-03-03 08:00:00',
        roster[0].name,
        '五 信用承诺',
        expect.any(String),
        '自评填报',
        String(own[0].inputs!['五'].commitments),
        '7',
        '自评导入',
        'again-0.xlsx',
      ],
    ]);
    // Without --replace the same form is refused.
    const refused = await collectForms(again.scored.scored, [{ name: 'again-0.xlsx', bytes: readFileSync(join(dir, 'again-0.xlsx')) }]);
    expect(refused.refused[0].message).toMatch(
      /该单位的自评表已于 2026-03-03 08:00:00 导入（「again-0\.xlsx」），未导入；要以本文件替换，请加 --replace$/,
    );
  }, 120_000);
});

/** A form whose hidden identity was edited to claim another unit (its seal left as it was). */
async function alteredIdentity(path: string, key: string, name: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(readFileSync(path)).buffer);
  const ws = wb.getWorksheet('_cs_form')!;
  const read = readFormMetaColumn([ws.getCell(1, 1).value as string, ws.getCell(2, 1).value as string, ws.getCell(3, 1).value as string]);
  if (!read.ok) throw new Error(read.message);
  ws.getCell(2, 1).value = JSON.stringify({ ...read.identity, unitKey: key, unitName: name });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
