import { displayWidth, escapeControls, formatTable, pad } from '../../src/cli/format-table';

describe('displayWidth', () => {
  it('counts CJK characters and full-width punctuation as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('衡东县')).toBe(6);
    expect(displayWidth('县（市、区）')).toBe(12);
    expect(displayWidth('平信用办〔2020〕8号')).toBe(19);
    expect(displayWidth('ＡＢ１')).toBe(6);
    expect(displayWidth('“信用鹤岗”')).toBe(10); // curly quotes are narrow (ambiguous → 1)
  });
  it('counts combining marks and control characters as zero', () => {
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('a\u200db')).toBe(2);
  });
  it('counts characters outside the BMP once', () => {
    expect(displayWidth('𠀀')).toBe(2);
    expect(displayWidth('😀')).toBe(2);
  });
});

describe('formatTable', () => {
  it('aligns mixed CJK and ASCII columns by display width', () => {
    const t = formatTable(
      ['单位', '得分', '名次'],
      [
        ['县发改局', '91.50', 1],
        ['人民银行衡东县支行', '100.00', 12],
      ],
      { align: ['left', 'right', 'right'] },
    );
    const lines = t.split('\n');
    expect(lines).toEqual([
      '单位                  得分  名次',
      '------------------  ------  ----',
      '县发改局             91.50     1',
      '人民银行衡东县支行  100.00    12',
    ]);
    // every line but the header ends at the same display column
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
  });
  it('keeps a row on one line and has no trailing spaces', () => {
    const t = formatTable(
      ['a', 'b'],
      [
        ['x\ny', ''],
        [null, undefined],
      ],
    );
    expect(t.split('\n')).toEqual(['a    b', '---  -', 'x y', '']);
  });
  it('pads without truncating', () => {
    expect(pad('长名称', 2)).toBe('长名称');
    expect(pad('分', 4, 'right')).toBe('  分');
  });
});

describe('control characters from received files never reach the terminal', () => {
  const ESC = '\u001b';
  const hostile = `县${ESC}]0;pwned\u0007局${ESC}[2J\u009b31m\u202e乙`;

  it('escapeControls shows C0, C1, DEL and bidi overrides as \\uXXXX, leaving newlines, tabs and text', () => {
    expect(escapeControls(hostile)).toBe('县\\u001B]0;pwned\\u0007局\\u001B[2J\\u009B31m\\u202E乙');
    expect(escapeControls('a\tb\nc\u007f')).toBe('a\tb\nc\\u007F');
    expect(escapeControls('衡东县（市、区）“信用”')).toBe('衡东县（市、区）“信用”');
    // the escape is the same character's escape in a JSON string
    expect(JSON.parse(`"${escapeControls(hostile)}"`)).toBe(hostile);
  });

  it('formatTable escapes names, and the columns still line up', () => {
    const lines = formatTable(
      ['单位', '得分'],
      [
        [hostile, '90.00'],
        ['乙', '80.00'],
      ],
      { align: ['left', 'right'] },
    ).split('\n');
    // eslint-disable-next-line no-control-regex -- the test looks for raw control characters
    expect(lines.join('\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(lines[2]).toContain('\\u001B]0;pwned');
    expect(displayWidth(lines[2])).toBe(displayWidth(lines[3]));
  });
});
