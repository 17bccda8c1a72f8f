import { zhCN } from '../../src/taskpane/i18n/zh-CN';
import { enUS } from '../../src/taskpane/i18n/en-US';
import { format, makeT, pickLanguage } from '../../src/taskpane/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();

describe('message tables', () => {
  test('English has exactly the Chinese keys (also enforced by the Messages type)', () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
  });

  test('every message uses the same placeholders in both languages', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect({ key, ph: placeholders(enUS[key]) }).toEqual({ key, ph: placeholders(zhCN[key]) });
    }
  });

  test('no message is empty; the English table has no Chinese except the language name and examples', () => {
    for (const [key, text] of Object.entries(enUS)) {
      expect(text.trim()).not.toBe('');
      if (key !== 'lang.zh' && key !== 'roster.placeholder')
        expect({ key, text }).toEqual({ key, text: expect.not.stringMatching(/[\u4e00-\u9fff]/) });
    }
    for (const text of Object.values(zhCN)) expect(text.trim()).not.toBe('');
  });
});

describe('t / format / pickLanguage', () => {
  test('format fills placeholders and leaves unknown ones', () => {
    expect(format('已完成 {done} / 共 {total} 个单位', { done: 3, total: 36 })).toBe('已完成 3 / 共 36 个单位');
    expect(format('{a}{b}', { a: 1 })).toBe('1{b}');
    expect(format('无占位')).toBe('无占位');
  });

  test('t looks up the chosen table', () => {
    expect(makeT('zh-CN')('create.progress', { done: 1, total: 2 })).toBe('已完成 1 / 共 2 个单位');
    expect(makeT('en-US')('create.progress', { done: 1, total: 2 })).toBe('Done: 1 of 2 units');
    expect(makeT('en-US')('create.button')).toBe('Create scoring workbook');
  });

  test.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    [' ZH-cn ', 'zh-CN'],
    ['en-US', 'en-US'],
    ['ja-JP', 'en-US'],
    ['zhx', 'en-US'],
    ['', 'en-US'],
    [null, 'en-US'],
  ])('pickLanguage(%p) = %p', (input, expected) => {
    expect(pickLanguage(input)).toBe(expected);
  });
});
