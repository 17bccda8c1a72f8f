/** Broken rubrics are rejected with an error naming the file, the JSON path and the fix. */
import { parseRubricData, parseRubricText, formatRubricError } from '../../src/rubric/load';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRubricIds, loadBuiltin } from '../../src/rubric/catalog';
import { canonicalJson, contentHash } from '../../src/rubric/hash';

const base = () => JSON.parse(JSON.stringify(loadBuiltin('pingdingshan-2020-departments').rubric));

function errorsOf(data: unknown) {
  const r = parseRubricData(data, 'rubrics/broken.json');
  if (r.ok) throw new Error('expected the rubric to be rejected');
  return r.errors.map(formatRubricError);
}

describe('rubric validation', () => {
  it('accepts the shipped rubric it mutates below', () => {
    expect(parseRubricData(base(), 'x.json').ok).toBe(true);
  });
  it('JSON syntax errors name the file', () => {
    const r = parseRubricText('{"id": ', 'rubrics/x.json');
    expect(r.ok).toBe(false);
    expect(!r.ok && formatRubricError(r.errors[0])).toMatch(/^rubrics\/x\.json: \(根\): 不是有效的 JSON/);
  });
  it('category points must equal the sum of their items', () => {
    const d = base();
    d.categories[0].points = 30;
    expect(errorsOf(d)).toContain(
      'rubrics/broken.json: categories[0].points: 类别「一 工作机制建设」分值 30 不等于其指标分值之和 25。 修改：核对原文：把类别分值改为 25，或更正某个指标的分值。',
    );
  });
  it('the table must equal its full marks', () => {
    const d = base();
    d.fullMarks = 110;
    expect(errorsOf(d).join('\n')).toContain('fullMarks: 各类别分值之和 100 不等于满分 110。');
  });
  it('a value of the wrong type is reported as such, not as missing', () => {
    const d = base();
    d.fullMarks = '100';
    expect(errorsOf(d)).toEqual(['rubrics/broken.json: fullMarks: 类型错误：应为数字。 修改：改为数字。']);
    delete d.fullMarks;
    expect(errorsOf(d)).toEqual(['rubrics/broken.json: fullMarks: 缺少必填项（应为数字）。 修改：加入此项，值为数字。']);
    d.fullMarks = 100;
    d.year = 2020.5;
    expect(errorsOf(d)).toEqual(['rubrics/broken.json: year: 类型错误：应为整数。 修改：改为整数。']);
    d.year = 2020;
    d.categories[0] = 'x';
    expect(errorsOf(d)).toEqual(['rubrics/broken.json: categories[0]: 类型错误：应为对象（{…}）。 修改：改为对象（{…}）。']);
  });
  it('duplicate indicator ids', () => {
    const d = base();
    d.categories[0].indicators[1].id = d.categories[0].indicators[0].id;
    expect(errorsOf(d).join('\n')).toContain('categories[0].indicators[1].id: 指标编号「一.1」在本细则中重复。');
  });
  it('a cap above the item maximum', () => {
    const d = base();
    const ind = d.categories
      .flatMap((c: { indicators: { rule: { kind: string; cap?: number } }[] }) => c.indicators)
      .find((i: { rule: { kind: string } }) => i.rule.kind === 'count');
    ind.rule.cap = 99;
    expect(errorsOf(d).join('\n')).toMatch(/rule\.cap: 上限 99 超过本项最高分 \d+。 修改：改为不大于 \d+ 的数。/);
  });
  it('unknown keys and bad kinds are explained', () => {
    const d = base();
    d.categories[0].indicators[0].rule.kind = 'formula';
    d.categories[0].indicators[0].pionts = 5;
    const text = errorsOf(d).join('\n');
    expect(text).toContain('categories[0].indicators[0].rule.kind: 「kind」取值无效或缺失。');
    expect(text).toContain('categories[0].indicators[0]: 未知的字段：pionts。');
  });
  it('a rule referring to a field that does not exist, or of the wrong type', () => {
    const d = base();
    const i = d.categories[0].indicators[1];
    i.rule.parts[0].field = 'nope';
    expect(errorsOf(d).join('\n')).toContain('categories[0].indicators[1].rule.parts[0].field: 指标「一.2」没有 id 为「nope」的输入项。');
  });
  it('overlapping tiers and gaps', () => {
    const d = base();
    d.categories[0].indicators[0] = {
      ...d.categories[0].indicators[0],
      fields: [{ id: 'n', label: '数', type: 'number' }],
      rule: {
        kind: 'tiers',
        field: 'n',
        tiers: [
          { min: 0, max: 3, maxInclusive: true, points: 5 },
          { min: 3, points: 1 },
        ],
      },
    };
    expect(errorsOf(d).join('\n')).toContain('rule.tiers[1]: 档次与其他档次重叠（从 3 起）。');
    d.categories[0].indicators[0].rule.tiers = [
      { min: 0, max: 2, points: 5 },
      { min: 3, points: 1 },
    ];
    expect(errorsOf(d).join('\n')).toContain('档次之间有空档');
  });
  it('bands must be ordered and end with an open lowest band', () => {
    const d = base();
    d.bands.list[1].min = 95;
    expect(errorsOf(d).join('\n')).toContain('bands.list[1].min: 等次须从高到低排列');
    const e = base();
    e.bands.list[3].min = 0;
    expect(errorsOf(e).join('\n')).toContain('bands.list[3].min: 最低等次「不合格」应覆盖其下所有分数。');
  });
  it('duplicate choice labels', () => {
    const d = base();
    d.categories[0].indicators[0] = {
      ...d.categories[0].indicators[0],
      fields: [{ id: 'c', label: '选', type: 'choice', options: ['甲', '甲'] }],
      rule: {
        kind: 'levels',
        field: 'c',
        levels: [
          { option: '甲', points: 5 },
          { option: '甲', points: 1 },
        ],
      },
    };
    expect(errorsOf(d).join('\n')).toContain('fields[0].options[1]: 选项「甲」重复。');
  });
  it('a printed maximum the rule cannot reach needs attainableMax and a note', () => {
    const d = base();
    // 一.2 is printed 20 = 10 + 10; make its second part worth 5, so the rule reaches only 15.
    d.categories[0].indicators[1].rule.parts[1].points = 5;
    expect(errorsOf(d).join('\n')).toContain(
      'categories[0].indicators[1].attainableMax: 指标「一.2」印刷分值 20，但规则最多只能得 15 分。 修改：加入 "attainableMax": 15',
    );
    d.categories[0].indicators[1].attainableMax = 12;
    expect(errorsOf(d).join('\n')).toContain('声明的可得最高分 12 与规则计算的 15 不符。');
  });
});

/** Zod's and JSON.parse's own English words that must never reach the user. */
const ENGLISH =
  /\b(Invalid|invalid input|expected|received|object|string|number|int|array|boolean|Unexpected|JSON at position|undefined)\b/;

describe('ids that objects inherit (a field id "constructor" crashed scoring with a TypeError)', () => {
  const names = [
    'constructor',
    'toString',
    'valueOf',
    '__proto__',
    'hasOwnProperty',
    'isPrototypeOf',
    'toLocaleString',
    'propertyIsEnumerable',
  ];
  it.each(names)('field id %s is refused with its path and a fix', (name) => {
    const d = base();
    // 一.1 of 平顶山 部门 is one yes/no field read by a bool rule: rename both.
    const ind = d.categories[0].indicators[0];
    ind.fields = [{ id: name, label: '是否', type: 'yesno' }];
    ind.rule = { kind: 'bool', field: name, points: ind.points };
    const text = errorsOf(d).join('\n');
    expect(text).toMatch(/categories\[0\]\.indicators\[0\]\.fields\[0\]\.id: (格式错误：标识只能含|标识不能用 JavaScript 对象的内置名称)/);
    expect(text).toContain('categories[0].indicators[0].rule.field:');
    expect(text).not.toMatch(ENGLISH);
  });
  it.each(['constructor', 'toString'])('indicator, category and note id %s are refused too', (name) => {
    const d = base();
    d.categories[0].id = name;
    d.categories[0].indicators[0].id = name;
    d.notes[0].id = name;
    const text = errorsOf(d).join('\n');
    for (const path of ['categories[0].id', 'categories[0].indicators[0].id', 'notes[0].id'])
      expect(text).toContain(`${path}: 标识不能用 JavaScript 对象的内置名称（如 constructor、toString、valueOf） 修改：换一个标识`);
  });
  it('ids with spaces or starting with punctuation are refused in Chinese', () => {
    const d = base();
    d.categories[0].id = 'a b';
    expect(errorsOf(d)).toEqual([
      'rubrics/broken.json: categories[0].id: 格式错误：标识只能含文字、数字和 . _ -，并以文字或数字开头。 修改：按 rubrics/rubric.schema.json 的要求填写。',
    ]);
  });
});

describe('numbers the engine cannot compute with exactly (they crashed scoring with 内部错误)', () => {
  it.each([
    [1 / 12, '0.08333333333333333'],
    [1e300, '1e+300'],
    [1e-16, '1e-16'],
    [0.1234567, '0.1234567'],
  ])('%s is refused at load with the path and a fix', (value, shown) => {
    const d = base();
    d.categories[0].indicators[0].rule.points = value;
    const errors = errorsOf(d);
    expect(errors).toEqual([
      `rubrics/broken.json: categories[0].indicators[0].rule.points: 数值 ${shown} 不是可精确计算的有限小数（最多 6 位小数，绝对值不超过 1000000000）。 修改：改为有限小数，最多 6 位；每项分值（rate、perOccurrence）可写成带引号的分数，如 "1/12"。`,
    ]);
  });
  it('six places and large whole numbers are fine where the schema allows them', () => {
    const d = base();
    d.year = 999999999;
    expect(parseRubricData(d, 'x.json').ok).toBe(true);
  });
});

describe('bounds checked before the schema (deep nesting overflowed the stack in the loader)', () => {
  it('conditions nested 3,000 deep are refused by depth, without a stack overflow', () => {
    const d = base();
    let cond: unknown = { field: 'x', is: true };
    for (let i = 0; i < 3000; i++) cond = { any: [cond, { field: 'x', is: true }] };
    d.categories[0].indicators[0].rule.zeroIf = cond;
    const errors = errorsOf(d);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^rubrics\/broken\.json: categories\[0\]\.indicators\[0\]\.rule\.zeroIf(\.any\[0\])+\.any: 嵌套层数超过 32 层。 修改：减少条件（any \/ all）的嵌套层数/,
    );
  });
  it('the same nesting as JSON text is refused too', () => {
    const text = `{"a":${'{"any":['.repeat(3000)}1${']}'.repeat(3000)}}`;
    const r = parseRubricText(text, 'deep.json');
    expect(!r.ok && r.errors[0].message).toBe('嵌套层数超过 32 层。');
  });
  it('200,000 tiers are refused by count', () => {
    const d = base();
    d.categories[0].indicators[0].rule = {
      kind: 'tiers',
      field: 'x',
      tiers: Array.from({ length: 200_000 }, (_, i) => ({ min: i, points: 1 })),
    };
    expect(errorsOf(d)).toEqual([
      'rubrics/broken.json: categories[0].indicators[0].rule.tiers: 列表有 200000 项，超过上限 1000。 修改：检查文件是否正确；一份考核表的任何列表都远少于此。',
    ]);
  });
  it('a 50 MB note is refused by the text size, at once', () => {
    const d = base();
    d.notes[0].text = '很'.repeat(50_000_000);
    const started = Date.now();
    const r = parseRubricText(JSON.stringify(d), 'big.json');
    expect(!r.ok && r.errors[0].message).toBe(
      '评分细则文件过大（50022 千字符，上限 1000 千字符）。'.replace('50022', String(Math.ceil(JSON.stringify(d).length / 1000))),
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });
  it('a long string inside the limits of the text is refused by its own length', () => {
    const d = base();
    d.notes[0].text = '很'.repeat(10_001);
    expect(errorsOf(d)).toEqual([
      'rubrics/broken.json: notes[0].text: 文字过长（10001 字符，上限 10000）。 修改：缩短此段文字，或把详情放在原文件中、这里只写要点。',
    ]);
  });
  it("JSON syntax errors say where in Chinese, without JSON.parse's English", () => {
    const r = parseRubricText('{\n  "id": ,\n}', 'x.json');
    expect(!r.ok && formatRubricError(r.errors[0])).toBe(
      'x.json: (根): 不是有效的 JSON（多余或错位的「,」）。 修改：用 JSON 编辑器检查逗号、引号和括号。',
    );
    const cut = parseRubricText('{"a":1', 'x.json');
    expect(!cut.ok && cut.errors[0].message).toBe('不是有效的 JSON（第 1 行第 7 列附近）。');
  });
});

describe('the content hash workbooks store is computed as before', () => {
  // FNV-1a 64-bit over canonical JSON in BigInt, as the loader computed it until the 32-bit-halves
  // version replaced it: the same digits, so a workbook made before still matches its rubric.
  const reference = (value: unknown): string => {
    let h = BigInt('0xcbf29ce484222325');
    for (const b of new TextEncoder().encode(canonicalJson(value))) {
      h ^= BigInt(b);
      h = (h * BigInt('0x100000001b3')) & BigInt('0xffffffffffffffff');
    }
    return h.toString(16).padStart(16, '0');
  };
  it.each(builtinRubricIds)('%s loads with the reference hash of its content', (rid) => {
    const text = readFileSync(join(__dirname, '../../rubrics', `${rid}.json`), 'utf8');
    const r = parseRubricText(text, `${rid}.json`);
    expect(r.ok && r.value.hash).toBe(r.ok && reference(r.value.rubric));
  });
  it('agrees with the reference on texts with every kind of character', () => {
    for (const v of [{}, { a: '信用' }, { z: [1, 2.5, -3], a: { b: null, c: true } }, { s: '😀\u0000é' }])
      expect(contentHash(v)).toBe(reference(v));
  });
});

describe('the shipped rubrics keep their content hashes as the language grows', () => {
  // The content hashes workbooks store. Pinned again after the annex merge (933b17e) gave every
  // rubric its document's table columns (new content, so new hashes); 鹤岗's two rubrics changed
  // again in 1.3.0 (smallValues on 失信企业占比). New optional constructs (vetoes, fractions,
  // count bounds …) must leave these as they are. 朝阳 1.3.0 (issue 16.12) sets its item points once
  // on the 参数 sheet (rubric.parameters) instead of per unit: new content, so a new hash; 1.2.0
  // (bccf696deb5f9ec5) is kept in test/rubric/constructs/ and its workbooks still score (below).
  const before: Record<string, string> = {
    'pingdingshan-2020-departments': 'ddc7462f768b1411',
    'pingdingshan-2020-counties': '14adeb83f5d39461',
    'hengdong-2020-members': '2703c468cb0bf07b',
    'chaoyang-2020-method': '77c271b67eb35941',
    'bozhou-2017-counties': 'c8aff186f390440e',
    'hegang-2022-counties': '3a48249fcc0fd9d6',
    'hegang-2022-departments': 'c0a115e84ea9fec4',
  };
  it.each(builtinRubricIds)('%s loads from its file with the hash pinned here', (rid) => {
    const text = readFileSync(join(__dirname, '../../rubrics', `${rid}.json`), 'utf8');
    const r = parseRubricText(text, `${rid}.json`);
    expect(r.ok && r.value.hash).toBe(before[rid]);
  });
  it('朝阳 1.2.0, the older version workbooks embed, still loads with its hash', () => {
    const text = readFileSync(join(__dirname, 'constructs/chaoyang-2020-method-1.2.0.json'), 'utf8');
    const r = parseRubricText(text, 'chaoyang-2020-method-1.2.0.json');
    expect(r.ok && [r.value.rubric.version, r.value.hash]).toEqual(['1.2.0', 'bccf696deb5f9ec5']);
  });
});
