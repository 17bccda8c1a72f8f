/** Values as staff type them: full-width, percent forms, yes/no words; blanks; Excel error values. */
import { parseFieldValue } from '../../src/scoring/values';

const yesno = { id: 'f', label: 'f', type: 'yesno' as const };
const countF = { id: 'f', label: 'f', type: 'count' as const };
const pctP = { id: 'f', label: 'f', type: 'percent' as const, bare: 'percent' as const };
const pctF = { id: 'f', label: 'f', type: 'percent' as const, bare: 'fraction' as const };

const ok = (r: ReturnType<typeof parseFieldValue>) => (r.status === 'ok' ? (typeof r.value === 'object' ? r.value.valueOf() : r.value) : r.status);

describe('parseFieldValue', () => {
  it.each(['是', '有', '√', '✓', 'Y', 'y', 'yes', 'TRUE', '１', ' 是 '])('yes: %s', (v) => expect(ok(parseFieldValue(yesno, v))).toBe(true));
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
