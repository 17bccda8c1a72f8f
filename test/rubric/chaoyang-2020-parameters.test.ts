/**
 * 朝阳市 2020 rubric 1.3.0 (issue 16, point 12): the item points the method leaves to the office
 * (附件1, 附件2 not published) are set once, per annex, on the 参数 sheet, instead of on every unit.
 * The points and scores below are the HYPOTHETICAL demonstration values of examples/ (none is an
 * official number). A workbook made with 1.2.0 (points typed per unit) still opens and scores.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planWorkbook, unitKey } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import { parseRubricText } from '../../src/rubric/load';
import { scoreRoster, type ParameterValues, type UnitInput } from '../../src/scoring/score';
import { applyPlan } from '../../src/xlsx/apply-plan';
import { toArrayBuffer } from '../../src/xlsx/exceljs';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { fillParameters, fillWorkbook } from '../xlsx/helpers';

// Files are written and read back: slow on a loaded machine (2 cores, several jobs).
jest.setTimeout(30_000);

const current = loadBuiltin('chaoyang-2020-method');
const example = JSON.parse(readFileSync(join(__dirname, '../../examples/chaoyang-2020-method.json'), 'utf8')) as {
  parameters: ParameterValues;
  units: UnitInput[];
};
const 发改委 = example.units.find((u) => u.name === '市发展改革委')!;

describe('朝阳2020 1.3.0: item points set once per annex', () => {
  it('declares one points parameter per item, set per group (附件1 成员单位, 附件2 县区), and no points field on the units', () => {
    const r = current.rubric;
    expect(r.version).toBe('1.3.0');
    expect(r.parameters).toHaveLength(16);
    expect(r.parameters!.every((p) => p.type === 'points' && p.perGroup === true)).toBe(true);
    const items = r.categories[0].indicators;
    expect(items.map((i) => i.pointsParam)).toEqual(items.map((i) => `points-${i.id}`));
    expect(items.every((i) => i.points === null && i.fields.length === 1 && i.fields[0].type === 'score')).toBe(true);
  });

  it('scores the example with the points set once', () => {
    const result = scoreRoster(current.rubric, example.units, example.parameters);
    const u = result.units.find((x) => x.name === '市发展改革委')!;
    // 市发展改革委 carries 14 items (4 and 8 不涉及):
    //   x = 7 + 5 + 6.5 + 5 + 6 + 6 + 5 + 7 + 5.5 + 6.5 + 6 + 4 + 5.5 + 6 = 81
    //   y = 8 + 6 + 8 + 6 + 6 + 6 + 6 + 7 + 7 + 7 + 6 + 5 + 6 + 6 = 90
    //   81 / 90 × 100 = 90, + 创新奖 5 = 95 → 优秀
    expect([u.normalisation, u.base, u.final, u.band]).toEqual([{ x: 81, y: 90 }, 90, 95, '优秀']);
    expect(result.problems.filter((p) => p.unit === '参数')).toEqual([]);
  });

  it('a group whose annex is not set yet waits, the other is scored', () => {
    const only成员单位 = Object.fromEntries(Object.entries(example.parameters).filter(([k]) => k.endsWith('@成员单位')));
    const result = scoreRoster(current.rubric, example.units, only成员单位);
    expect(result.units.filter((u) => u.group === '县区').every((u) => u.final === null)).toBe(true);
    expect(result.units.find((u) => u.name === '市发展改革委')!.final).toBe(95);
    expect(result.problems.filter((p) => p.severity === 'missing' && p.unit === '参数')).toHaveLength(16);
  });

  it('a workbook made with 1.3.0 has a 参数 sheet with the 32 values, and scores from it', async () => {
    const roster = [{ name: '市发展改革委', group: '成员单位' }];
    const plan = planWorkbook(current, roster);
    expect(plan.sheets.find((s) => s.key === 'PARAMS')!.cells.filter((c) => c.style === 'input')).toHaveLength(32);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await toArrayBuffer(await applyPlan(plan)));
    fillParameters(wb, example.parameters);
    fillWorkbook(wb, [unitKey(0)], [发改委]);
    const out = await scoreFilledWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), { date: '2026年12月6日' });
    expect(out.result.units[0].final).toBe(95); // as above
  });
});

describe('朝阳2020: a workbook made with the older version 1.2.0 still opens and scores', () => {
  const older = (() => {
    const r = parseRubricText(readFileSync(join(__dirname, 'constructs/chaoyang-2020-method-1.2.0.json'), 'utf8'), '1.2.0');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value;
  })();

  it('scores with the embedded 1.2.0 (points typed per unit) and says the shipped version differs', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await toArrayBuffer(await applyPlan(planWorkbook(older, [{ name: '市发展改革委', group: '成员单位' }]))));
    expect(wb.getWorksheet('参数')).toBeUndefined();
    // The 1.2.0 inputs: each item's 本项分值 typed on the unit's sheet, as the example's parameters give them.
    const inputs = Object.fromEntries(
      Object.entries(发改委.inputs!).map(([id, v]) => [id, { ...v, max: example.parameters[`points-${id}@成员单位`] }]),
    );
    fillWorkbook(wb, [unitKey(0)], [{ ...发改委, inputs }]);
    const out = await scoreFilledWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), { date: '2026年12月6日' });
    expect(out.rubric.version).toBe('1.2.0');
    expect(out.result.units[0].final).toBe(95); // the same 81 / 90 × 100 + 5
    expect(out.workbookProblems.map((p) => p.message)).toContain(
      `版本不一致：工作簿按评分细则「chaoyang-2020-method」v1.2.0（校验码 bccf696deb5f9ec5）制作，本程序内置的是 v1.3.0（校验码 ${current.hash}）；按工作簿内嵌的 v1.2.0 计分`,
    );
  });
});
