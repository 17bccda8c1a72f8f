/** Values as staff type them: full-width, percent forms, yes/no words; blanks; Excel error values. */
import { parseFieldValue } from '../../src/scoring/values';

const yesno = { id: 'f', label: 'f', type: 'yesno' as const };
const countF = { id: 'f', label: 'f', type: 'count' as const };
const pctP = { id: 'f', label: 'f', type: 'percent' as const, bare: 'percent' as const };
const pctF = { id: 'f', label: 'f', type: 'percent' as const, bare: 'fraction' as const };

const ok = (r: ReturnType<typeof parseFieldValue>) =>
  r.status === 'ok' ? (typeof r.value === 'object' ? r.value.valueOf() : r.value) : r.status;

describe('parseFieldValue', () => {
  it.each(['是', '有', '√', '✓', 'Y', 'y', 'yes', 'TRUE', '１', ' 是 '])('yes: %s', (v) =>
    expect(ok(parseFieldValue(yesno, v))).toBe(true),
  );
  it.each(['否', '无', '×', 'N', 'no', 'FALSE', '0', '✗'])('no: %s', (v) => expect(ok(parseFieldValue(yesno, v))).toBe(false));
  it('booleans from Excel cells', () => {
    expect(ok(parseFieldValue(yesno, true))).toBe(true);
    expect(ok(parseFieldValue(yesno, false))).toBe(false);
  });
  it('unknown yes/no words are rejected with the accepted words', () => {
    const r = parseFieldValue(yesno, '可能');
    expect(r.status).toBe('invalid');
    expect(r.status === 'invalid' && r.message).toContain('无法识别为是/否');
  });
  it('blank is not filled (never 0)', () => {
    for (const v of [null, undefined, '', '   ', '　']) expect(parseFieldValue(countF, v).status).toBe('blank');
  });
  it('full-width digits and grouped thousands', () => {
    expect(ok(parseFieldValue(countF, '８５'))).toBe(85);
    expect(ok(parseFieldValue(countF, '1,200'))).toBe(1200);
    expect(ok(parseFieldValue(countF, '＋3'))).toBe(3);
  });
  it('Excel error values are rejected by name', () => {
    const r = parseFieldValue(countF, '#DIV/0!');
    expect(r.status === 'invalid' && r.message).toBe('单元格是错误值 #DIV/0!，请填写数值或文字');
  });
  it('percent: "85%", "８５％", bare per declaration', () => {
    expect(ok(parseFieldValue(pctP, '85%'))).toBe(85);
    expect(ok(parseFieldValue(pctP, '８５％'))).toBe(85);
    expect(ok(parseFieldValue(pctP, '85'))).toBe(85);
    expect(ok(parseFieldValue(pctP, 85))).toBe(85);
    expect(ok(parseFieldValue(pctF, 0.85))).toBe(85);
    expect(ok(parseFieldValue(pctF, '0.85'))).toBe(85);
    expect(ok(parseFieldValue(pctF, '85%'))).toBe(85);
  });
  it('percent: a bare number in (0, 1] is refused with both readings, unless the field has smallValues', () => {
    const msg = (p: ReturnType<typeof parseFieldValue>) => (p.status === 'invalid' ? p.message : `accepted: ${JSON.stringify(p)}`);
    expect(msg(parseFieldValue(pctP, 0.85))).toBe('「0.85」可读作 0.85% 或 85%，两种读法相差百倍：请填写「85%」或「0.85%」');
    expect(msg(parseFieldValue(pctP, ' 0.05 '))).toBe('「0.05」可读作 0.05% 或 5%，两种读法相差百倍：请填写「5%」或「0.05%」');
    expect(ok(parseFieldValue(pctP, '0.85%'))).toBe(0.85); // the % sign settles it
    expect(ok(parseFieldValue(pctP, 0))).toBe(0); // 0 is 0 either way
    expect(ok(parseFieldValue(pctP, 1.5))).toBe(1.5); // above 1: 150 % is impossible
    expect(ok(parseFieldValue({ ...pctP, smallValues: true }, 0.85))).toBe(0.85);
  });
  it('percent above 100 % or negative is rejected', () => {
    const r = parseFieldValue(pctP, '120%');
    expect(r.status === 'invalid' && r.message).toBe('不能超过 100%（「120%」）');
    expect(parseFieldValue(pctF, 1.2).status).toBe('invalid');
    expect(parseFieldValue(pctP, '-5%').status).toBe('invalid');
  });
  it('text in a number field', () => {
    const r = parseFieldValue({ id: 'f', label: 'f', type: 'number' }, '约三天');
    expect(r.status === 'invalid' && r.message).toBe('「约三天」不是数字');
  });
  it('choice by exact label, full-width tolerant', () => {
    const f = { id: 'f', label: 'f', type: 'choice' as const, options: ['A级', 'B级'] };
    expect(ok(parseFieldValue(f, 'Ａ级'))).toBe('A级');
    expect(parseFieldValue(f, 'C级').status).toBe('invalid');
  });
});

const msg = (r: ReturnType<typeof parseFieldValue>) => (r.status === 'invalid' ? r.message : `not invalid: ${r.status}`);

describe('typed as clerks type (issue 12)', () => {
  const reports = { id: 'reports', label: '报告份数', type: 'count' as const, unit: '份' };
  it.each([
    ['7份', 7],
    ['7 份', 7],
    ['７份', 7],
    ['3个', 3],
    ['2项', 2],
    ['5次', 5],
    ['4条', 4],
    ['3篇', 3],
    [' 12 份 ', 12],
  ])('a count with its measure word: %s → %d', (typed, n) => expect(ok(parseFieldValue(reports, typed))).toBe(n));
  it("a count of another quantity (天, 元) is refused, naming the field's unit", () => {
    expect(msg(parseFieldValue(reports, '3天'))).toBe('「3天」的单位「天」与本项不符：本项以「份」计，只填数字');
    expect(msg(parseFieldValue(countF, '3元'))).toBe('「3元」的单位「元」与本项不符：只填数字');
  });
  it('a word without a number is still not a number', () => {
    expect(msg(parseFieldValue(reports, '份'))).toBe('「份」不是数字');
    expect(msg(parseFieldValue(reports, '七份'))).toBe('「七份」不是数字');
  });
  it('points with 分 in a score field, in a number field whose unit is 分, and in the bonus', () => {
    expect(ok(parseFieldValue({ id: 's', label: '得分', type: 'score' }, '8.5分'))).toBe(8.5);
    expect(ok(parseFieldValue({ id: 'p', label: '分值', type: 'number', unit: '分' }, '6 分'))).toBe(6);
    // The bonus is read as parseFieldValue({ id: 'bonus', label, type: 'number', min: 0, unit: '分' }, raw) (scoring/unit.ts readBonus).
    expect(ok(parseFieldValue({ id: 'bonus', label: '加分', type: 'number', min: 0, unit: '分' }, '2分'))).toBe(2);
    expect(ok(parseFieldValue({ id: 'bonus', label: '加分', type: 'number', min: 0, unit: '分' }, '２ 分'))).toBe(2);
  });
  it('分 in a number field in other units is refused', () => {
    expect(msg(parseFieldValue({ id: 'n', label: '天数', type: 'number', unit: '天' }, '2分'))).toBe(
      '「2分」的单位「分」与本项不符：只填数字',
    );
    expect(ok(parseFieldValue({ id: 'n', label: '天数', type: 'number', unit: '天' }, '2天'))).toBe(2);
    expect(msg(parseFieldValue({ id: 'n', label: '数', type: 'number' }, '2分'))).toBe('「2分」的单位「分」与本项不符：只填数字');
  });
  it.each(['是的', '有的', '已', '√', '✓', '✔', '对'])('yes: %s', (v) => expect(ok(parseFieldValue(yesno, v))).toBe(true));
  it.each(['没有', '不是', '未', '×', '✗', '✘', '错'])('no: %s', (v) => expect(ok(parseFieldValue(yesno, v))).toBe(false));
  it.each(['x', 'X', 'Ｘ', ' x '])('the letter %s is not read as 否 (nor as a tick): the message says why', (v) => {
    expect(msg(parseFieldValue(yesno, v))).toBe(`「${v.trim()}」含义不明：× 表示否，但有的表格用 X 表示打勾；请填“是”或“否”`);
  });
  it('spaces inside a number are an error, not concatenated; grouped thousands stay accepted', () => {
    expect(msg(parseFieldValue(countF, '1 2'))).toBe('「1 2」中间有空格：请只填一个数（如 12，不要写成 1 2）');
    expect(msg(parseFieldValue({ id: 'n', label: 'n', type: 'number' }, '1 234.5'))).toBe(
      '「1 234.5」中间有空格：请只填一个数（如 12，不要写成 1 2）',
    );
    expect(msg(parseFieldValue(pctP, '8 5%'))).toBe('「8 5%」中间有空格：请只填一个数（如 12，不要写成 1 2）');
    expect(ok(parseFieldValue(countF, '1,234'))).toBe(1234);
    expect(ok(parseFieldValue({ id: 'n', label: 'n', type: 'number' }, '1,234.5'))).toBe(1234.5);
    expect(ok(parseFieldValue(pctP, '85 %'))).toBe(85);
  });
  it('a number too large says so (not 「不是数字」)', () => {
    expect(msg(parseFieldValue(countF, 1e13))).toBe('「10000000000000」数值过大（绝对值不能超过 1000000000000，请核对位数）');
    expect(msg(parseFieldValue({ id: 'n', label: 'n', type: 'number' }, '10000000000000'))).toBe(
      '「10000000000000」数值过大（绝对值不能超过 1000000000000，请核对位数）',
    );
    expect(msg(parseFieldValue(pctF, 1e13))).toBe('「10000000000000」数值过大（绝对值不能超过 1000000000000，请核对位数）');
    expect(ok(parseFieldValue(countF, 1e12))).toBe(1e12);
  });
  it('a cell value below 1e-15 has more places than can be read exactly: said so', () => {
    expect(msg(parseFieldValue({ id: 'n', label: 'n', type: 'number' }, 1e-20))).toBe('「1e-20」小数位数过多');
  });
  it('a percent cell showing 7720% (77.2 typed where percent entry did not apply) names the likely meaning', () => {
    expect(msg(parseFieldValue(pctP, '7720%'))).toBe('不能超过 100%（「7720%」）：若指 77.2%，请填写「77.2%」');
    expect(msg(parseFieldValue(pctP, '150%'))).toBe('不能超过 100%（「150%」）');
  });
});
