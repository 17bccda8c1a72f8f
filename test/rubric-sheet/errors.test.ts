/** A definition sheet with wrong cells reports exactly those cells (sheet, A1 address), with a fix in Chinese. */
import { definitionValues, rubricFromDefinition, rubricToDefinition, SHEET_NAMES } from '../../src/layout/rubric-sheet';
import type { DefinitionValues } from '../../src/layout/rubric-sheet';
import { a1 } from '../../src/layout/plan';
import { loadBuiltinRubric } from '../../src/rubric/catalog';

const hengdong = loadBuiltinRubric('hengdong-2020-members');

/** The 衡东 definition values, and a setter by indicator id and column header (or method label). */
function sheet() {
  const values: DefinitionValues = definitionValues(rubricToDefinition(hengdong));
  const grid = values[SHEET_NAMES.indicators];
  const header = grid[0].map((v) => String(v ?? ''));
  const idCol = header.indexOf('标识');
  const setIndicator = (id: string, column: string, value: string | number) => {
    const row = grid.findIndex((r) => r[0] === '指标' && r[idCol] === id);
    const col = header.indexOf(column);
    expect(row).toBeGreaterThan(0);
    expect(col).toBeGreaterThanOrEqual(0);
    grid[row][col] = value;
    return `${SHEET_NAMES.indicators}!${a1(row, col)}`;
  };
  const method = values[SHEET_NAMES.method];
  const setMethod = (label: string, value: string | number) => {
    const row = method.findIndex((r) => r[0] === label);
    expect(row).toBeGreaterThan(0);
    method[row][1] = value;
    return `${SHEET_NAMES.method}!${a1(row, 1)}`;
  };
  return { values, setIndicator, setMethod };
}

const cellsOf = (r: ReturnType<typeof rubricFromDefinition>) => (r.ok ? [] : r.errors.map((e) => `${e.sheet}!${e.cell}`));

it('three wrong cells (a 档次表 without points, 分值 in words, 小数位数 9) give exactly those three cells', () => {
  const { values, setIndicator, setMethod } = sheet();
  const wrong = [
    setIndicator('三.1', '档次表', '制定并盖章确认且目录完整 3；其他 0'),
    setIndicator('五', '分值', '十分'),
    setMethod('小数位数', 9),
  ];
  const result = rubricFromDefinition(values);
  expect(result.ok).toBe(false);
  expect(cellsOf(result).sort()).toEqual([...wrong].sort());
  if (!result.ok) {
    for (const e of result.errors) {
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
      expect(e.fix).toMatch(/[\u4e00-\u9fff]/);
    }
  }
});

it('a rule awarding more than its item is reported on its 每项分值 cell (a check of validate.ts, mapped back)', () => {
  const { values, setIndicator } = sheet();
  const cell = setIndicator('四.1', '每项分值', 6); // 做到即得分 6 分 in an item of 5 分
  const result = rubricFromDefinition(values);
  expect(cellsOf(result)).toEqual([cell]);
});

it('a rule naming an input that does not exist is reported on its 计分字段 cell, and the input left unused on 输入项', () => {
  const { values, setIndicator } = sheet();
  const cell = setIndicator('六', '计分字段', 'nosuch');
  const inputs = cell.replace(/^(.*!)J/, '$1H');
  const result = rubricFromDefinition(values);
  expect(cellsOf(result).sort()).toEqual([cell, inputs].sort());
  if (!result.ok) expect(result.errors.map((e) => e.message).join('')).toContain('nosuch');
});

it('an unknown 计分方式 and a field line of unknown type are reported on their cells', () => {
  const { values, setIndicator } = sheet();
  const wrong = [setIndicator('四.1', '计分方式', '随便计分'), setIndicator('十', '输入项', 'missed｜未报送次数｜次数')];
  expect(cellsOf(rubricFromDefinition(values)).sort()).toEqual(wrong.sort());
});

it('category points that do not add up are reported on the category’s 分值 cell and on 满分', () => {
  const values = definitionValues(rubricToDefinition(hengdong));
  const grid = values[SHEET_NAMES.indicators];
  const header = grid[0].map((v) => String(v ?? ''));
  const row = grid.findIndex((r) => r[0] === '类别' && r[header.indexOf('序号')] === '三');
  grid[row][header.indexOf('分值')] = 40; // 3 + 25 + 3 + 3 + 3 = 37
  const result = rubricFromDefinition(values);
  const fullMarks = values[SHEET_NAMES.method].findIndex((r) => r[0] === '满分');
  expect(cellsOf(result)).toEqual([
    `${SHEET_NAMES.indicators}!${a1(row, header.indexOf('分值'))}`,
    `${SHEET_NAMES.method}!${a1(fullMarks, 1)}`,
  ]);
  if (!result.ok) expect(result.errors[0].message).toContain('37');
});

it('a lowest band below another line than the band above it is refused on the 等次线 cell, not read as something else', () => {
  const { values, setMethod } = sheet();
  const cell = setMethod('等次线', '优秀≥90；良好≥80；合格≥60；不合格<50');
  const result = rubricFromDefinition(values);
  expect(cellsOf(result)).toEqual([cell]);
  if (!result.ok) expect(result.errors[0].message).toContain('不合格<50');
});

it('the constructs written plainly since report their own cells: 分块 without 权重, 参数 with an unknown key, 按月考核 without 年度得分', () => {
  const { values, setIndicator, setMethod } = sheet();
  setMethod('合计方式', '分块加权');
  setMethod('合计基数', 100);
  const blocks = setMethod('分块', '共性指标｜类别=一、二');
  const param = setMethod('参数', 'points-1｜第1项 分值｜上限=100');
  setIndicator('六', '计分方式', '按月考核');
  setIndicator('六', '计分字段', 'm1、m2');
  const monthly = setIndicator('六', '条件', '每月最高分=0.5');
  const r = rubricFromDefinition(values);
  expect(r.ok).toBe(false);
  const errors = r.ok ? [] : r.errors;
  expect(errors.find((e) => `${e.sheet}!${e.cell}` === blocks)?.message).toBe('分块「共性指标｜类别=一、二」缺少权重或类别。');
  expect(errors.find((e) => `${e.sheet}!${e.cell}` === param)?.message).toBe('参数「points-1」的「上限」不认识。');
  expect(errors.find((e) => `${e.sheet}!${e.cell}` === monthly)?.message).toBe('按月考核缺少年度得分。');
});
