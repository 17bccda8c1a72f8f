/** The units file read by `score`: bounds, inherited key names and encodings are reported in Chinese, with the path and a fix. */
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseUnitsData, readUnitsFile } from '../../src/cli/units-file';

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the units file to be refused');
}
const fromText = (text: string) => errorOf(() => parseUnitsData(JSON.parse(text), 'u.json'));

describe('keys every object inherits are refused with their path, never dropped', () => {
  it('"__proto__" as an indicator id (JSON.parse keeps it as a key; zod dropped it silently)', () => {
    expect(fromText('{"units":[{"name":"甲","inputs":{"__proto__":{"n":1},"一.1":{"n":2}}}]}')).toBe(
      '单位文件「u.json」：units[0].inputs.__proto__ 键名「__proto__」不允许（是 JavaScript 对象的内置名称，会被误读）。修改：删除此项，或改用细则中的指标编号和输入项 id',
    );
  });
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])('%s as a field id', (key) => {
    expect(fromText(`{"units":[{"name":"甲","inputs":{"一.1":{"${key}":"是"}}}]}`)).toContain(
      `units[0].inputs["一.1"].${key} 键名「${key}」不允许`,
    );
  });
  it('a unit named constructor is fine: names are values, not keys', () => {
    expect(parseUnitsData(JSON.parse('{"units":[{"name":"constructor","inputs":{"一.1":{"n":2}}}]}'), 'u.json').units[0].name).toBe(
      'constructor',
    );
  });
});

describe('bounds checked before the schema', () => {
  it('nesting deeper than 16 levels', () => {
    const deep = `{"units":[{"name":"甲","inputs":{"一.1":{"n":${'['.repeat(5000)}${']'.repeat(5000)}}}}]}`;
    expect(fromText(deep)).toMatch(/^单位文件「u\.json」：units\[0\]\.inputs\["一\.1"\]\.n(\[0\])+ 嵌套层数超过 16 层。修改：/);
  });
  it('a string of more than 10,000 characters', () => {
    expect(errorOf(() => parseUnitsData({ units: [{ name: '甲'.repeat(10_001) }] }, 'u.json'))).toBe(
      '单位文件「u.json」：units[0].name 文字过长（10001 字符，上限 10000）。修改：只填写数值或简短的文字',
    );
  });
  it('a file above 20 MB is refused before it is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'units-'));
    writeFileSync(join(dir, 'big.json'), '{}');
    truncateSync(join(dir, 'big.json'), 25_000_000);
    expect(errorOf(() => readUnitsFile('big.json', dir))).toBe(
      '单位文件「big.json」过大（25 MB，上限 20 MB）。修改：检查是否选错了文件，或把单位分成几个文件分别计分',
    );
  });
});

describe('encodings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'units-'));
  const text = '{"units":[{"name":"甲"}]}';
  it.each([
    ['UTF-16 LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16 LE without one', Buffer.from(text, 'utf16le')],
    ['UTF-16 BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
  ])('%s is named as UTF-16 (it used to say 「可能是 GBK」)', (_, bytes) => {
    writeFileSync(join(dir, 'u16.json'), bytes);
    expect(errorOf(() => readUnitsFile('u16.json', dir))).toBe(
      '单位文件「u16.json」是 UTF-16 编码（记事本的“Unicode”），请用编辑器另存为 UTF-8',
    );
  });
  it('GBK is still named as GBK', () => {
    writeFileSync(join(dir, 'gbk.json'), Buffer.from([0x7b, 0x22, 0xbc, 0xd7, 0x22, 0x7d]));
    expect(errorOf(() => readUnitsFile('gbk.json', dir))).toContain('不是 UTF-8 编码（可能是 GBK）');
  });
  it('UTF-8 with a byte-order mark is read', () => {
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${text}`);
    expect(readUnitsFile('bom.json', dir).units).toEqual([{ name: '甲' }]);
  });
});

describe('messages carry a fix and no zod words', () => {
  it.each([
    [{ units: [{ name: 5 }] }, '单位文件「u.json」：units[0].name 应为文字。修改：改为文字'],
    [
      { units: [{ name: '甲', inputs: { '一.1': { n: { v: 1 } } } }] },
      '单位文件「u.json」：units[0].inputs["一.1"].n 应为文字、数字、true/false 或 null（null 表示未填写）。修改：写成单个值，如 "是"、85 或 null',
    ],
    [
      { units: [{ name: '甲', bonus: 1e16 }] },
      '单位文件「u.json」：units[0].bonus 数值过大（绝对值不能超过 1000000000000000）。修改：核对位数',
    ],
  ])('%j', (data, message) => expect(errorOf(() => parseUnitsData(data, 'u.json'))).toBe(message));
});
