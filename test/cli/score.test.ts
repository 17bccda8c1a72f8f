import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinRubricIds, loadBuiltin } from '../../src/rubric/catalog';
import { ROOT, runCli } from './run-cli';

const tmp = () => mkdtempSync(join(tmpdir(), 'credit-score-cli-'));

function writeJson(dir: string, name: string, data: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  return file;
}

interface JsonUnit {
  name: string;
  group: string;
  items: Record<string, { score: number | null; reason: string }>;
  categories: Record<string, number | null>;
  base: number | null;
  normalisation?: { x: number; y: number } | null;
  bonus: number;
  final: number | null;
  band: string | null;
  rank: number | null;
  labels: string[];
  problems: string[];
}

interface JsonOut {
  rubric: { id: string; version: string; hash: string };
  units: JsonUnit[];
}

async function scoreJson(rubric: string, file: string) {
  const r = await runCli(['score', rubric, file, '--json']);
  expect(r.code).toBe(0);
  return { ...r, json: JSON.parse(r.out) as JsonOut };
}

/** 平顶山 附件2 (县区): every yes/no 是 and enough counts gives 95 (五.1 attains 10 of its 15, RUBRIC-ANALYSIS). */
function pdsUnit(name: string, overrides: Record<string, Record<string, unknown>> = {}) {
  const inputs: Record<string, Record<string, unknown>> = {
    '一.1': { set: '是' },
    '一.2': { plan: '是', tasks: '是', redblack: '是', liaison: '是', joint: '是' },
    '二.1': { reported: '是' },
    '二.2': { reported: '是' },
    '三.1': { rules: '是' },
    '三.2': { applied: '是' },
    '四.1': { own: '是', joined: '是' },
    '四.2': { reports: 10 },
    '四.3': { own: '是', attended: '是', missed: 0 },
    '五.1': { docs: '是', cases: 5 },
    '五.2': { rules: '是', regional: '是' },
  };
  for (const [k, v] of Object.entries(overrides)) inputs[k] = { ...inputs[k], ...v };
  return { name, group: '县区', inputs };
}

describe('score: examples/', () => {
  const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json'));

  it('has one example per built-in rubric', () => {
    expect(examples.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...builtinRubricIds].sort());
  });

  it.each(examples.map((f) => [f.replace(/\.json$/, ''), f]))('%s scores with 3–5 units', async (id, f) => {
    const file = join(ROOT, 'examples', f);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { rubric: string; units: unknown[] };
    expect(data.rubric).toBe(id);
    expect(data.units.length).toBeGreaterThanOrEqual(3);
    expect(data.units.length).toBeLessThanOrEqual(5);

    const table = await runCli(['score', id, file]);
    expect(table.code).toBe(0);
    expect(table.err).toBe('');
    expect(table.out).toMatch(/^评分细则：/);
    // 鹤岗's document does not rank its units: the ranks are for reference (ranking.purpose).
    const rankHeader = data.rubric.startsWith('hegang-') ? '参考名次' : '名次';
    expect(table.out).toMatch(new RegExp(`\\n单位\\s+分组\\s+得分\\s+等次\\s+${rankHeader}\\s+标注\\s+问题数\\n`));

    const { json } = await scoreJson(id, file);
    const scored = json.units.filter((u) => u.final !== null);
    // every example unit is complete except 衡东's 县教育局, left unfinished on purpose
    expect(json.units.length - scored.length).toBe(id === 'hengdong-2020-members' ? 1 : 0);
    expect(json.units.every((u) => u.problems.every((p) => !/错误|有误/.test(p)))).toBe(true);
  });
});

describe('score: table output', () => {
  it('prints units by rank with score, band, rank, labels and problem counts, then the problems', async () => {
    const dir = tmp();
    const file = writeJson(dir, 'units.json', {
      units: [
        pdsUnit('叶县', { '四.2': { reports: 2 } }),
        pdsUnit('舞钢市'),
        pdsUnit('鲁山县', { '二.1': { reported: null } }),
        pdsUnit('宝丰县', { '一.1': { set: '也许' } }),
      ],
    });
    const r = await runCli(['score', 'pingdingshan-2020-counties', file]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(
      '评分细则：平顶山市 2020 附件2《各县(市、区)、城乡一体化示范区、高新区社会信用体系建设工作考核指标》 平信用办〔2020〕8号（pingdingshan-2020-counties 1.2.0）',
    );
    expect(lines.slice(2, 8)).toEqual([
      '单位    分组    得分  等次  名次  标注  问题数',
      '------  ----  ------  ----  ----  ----  ------',
      '舞钢市  县区   95.00  优秀     1  -          0',
      '叶县    县区   92.00  优秀     2  -          0',
      '鲁山县  县区  未填完  -        -  -          1',
      '宝丰县  县区    有误  -        -  -          1',
    ]);
    expect(r.out).toContain('共 4 个单位，已计分 2 个，未计分 2 个；问题 3 条（错误 1，未填 1，提示 1）：');
    // two of the four are not scored yet, so the ranks are provisional
    expect(r.out).toContain(
      '  [提示] 县（市、区）、城乡一体化示范区、高新区：还有 2 个单位未得出总分，名次暂按已计分的 2 个单位排出，待全部计分后确定',
    );
    expect(r.out).toContain('  [未填] 鲁山县：二.1 行政许可和行政处罚公示和报送 未填写：是否按时按要求公示并报送行政许可和行政处罚信息');
    expect(r.out).toMatch(/ {2}\[错误\] 宝丰县：一\.1 .*「也许」无法识别为是\/否/);
  });

  it('lists duplicate unit names and ranking notices', async () => {
    const dir = tmp();
    const file = writeJson(dir, 'units.json', { units: [pdsUnit('郏县'), pdsUnit('郏县')] });
    const r = await runCli(['score', 'pingdingshan-2020-counties', file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('[错误] 单位名称「郏县」重复，请区分');
  });
});

describe('score: --json', () => {
  it('has exactly the documented shape', async () => {
    const dir = tmp();
    const file = writeJson(dir, 'units.json', { units: [pdsUnit('舞钢市'), pdsUnit('鲁山县', { '二.1': { reported: '' } })] });
    const { json, err } = await scoreJson('pingdingshan-2020-counties', file);
    // roster-level notices go to standard error, the JSON keeps its documented shape
    expect(err).toBe(
      '[提示] 县（市、区）、城乡一体化示范区、高新区：还有 1 个单位未得出总分，名次暂按已计分的 1 个单位排出，待全部计分后确定\n',
    );
    const { hash, rubric } = loadBuiltin('pingdingshan-2020-counties');
    expect(json.rubric).toEqual({ id: 'pingdingshan-2020-counties', version: rubric.version, hash });
    expect(Object.keys(json)).toEqual(['rubric', 'units']);
    const [a, b] = json.units;
    expect(Object.keys(a)).toEqual([
      'name',
      'group',
      'items',
      'categories',
      'base',
      'bonus',
      'final',
      'band',
      'rank',
      'labels',
      'problems',
    ]);
    expect(a).toMatchObject({
      name: '舞钢市',
      group: '县区',
      base: 95,
      bonus: 0,
      final: 95,
      band: '优秀',
      rank: 1,
      labels: [],
      problems: [],
    });
    expect(Object.keys(a.items)).toEqual(rubric.categories.flatMap((c) => c.indicators.map((i) => i.id)));
    expect(a.items['一.1']).toEqual({ score: 5, reason: expect.stringContaining('得 5 分') });
    expect(a.categories).toEqual({ 一: 15, 二: 20, 三: 20, 四: 15, 五: 25 });
    expect(b).toMatchObject({ name: '鲁山县', base: null, final: null, band: null, rank: null });
    expect(b.items['二.1']).toEqual({ score: null, reason: '未填写：是否按时按要求公示并报送行政许可和行政处罚信息' });
    expect(b.categories['二']).toBeNull();
    expect(b.problems).toEqual(['鲁山县：二.1 行政许可和行政处罚公示和报送 未填写：是否按时按要求公示并报送行政许可和行政处罚信息']);
  });

  it('keeps stdout pure JSON: notices about a whole group go to stderr', async () => {
    const { json, err } = await scoreJson('chaoyang-2020-method', join(ROOT, 'examples/chaoyang-2020-method.json'));
    expect(json.units).toHaveLength(5);
    expect(err).toMatch(/^\[提示\] 市社会信用体系建设工作领导小组成员单位：参评单位 3 个/);
    const dev = json.units.find((u) => u.name === '市发展改革委') as JsonUnit;
    expect(dev.bonus).toBe(5);
    expect(dev.labels).toEqual(['朝阳市2020年度社会信用体系建设先进单位']);
    expect(dev.items['4']).toEqual({ score: null, reason: '不涉及，不计入 x 和 y' });
    // x / y × 100 can be checked from the JSON: 14 items carried (4 and 8 不涉及),
    // x = 7 + 5 + 6.5 + 5 + 6 + 6 + 5 + 7 + 5.5 + 6.5 + 6 + 4 + 5.5 + 6 = 81,
    // y = 8 + 6 + 8 + 6 + 6 + 6 + 6 + 7 + 7 + 7 + 6 + 5 + 6 + 6 = 90; 81 ÷ 90 × 100 = 90; + 创新奖 5 = 95.
    expect(dev.normalisation).toEqual({ x: 81, y: 90 });
    expect(dev.base).toBe(90);
    expect(dev.final).toBe(95);
    expect(Object.keys(dev)).toEqual([
      'name',
      'group',
      'items',
      'categories',
      'base',
      'normalisation',
      'bonus',
      'final',
      'band',
      'rank',
      'labels',
      'problems',
    ]);
  });

  it('accepts a units file with a BOM (Windows Notepad)', async () => {
    const dir = tmp();
    const file = writeJson(dir, 'bom.json', `\uFEFF${JSON.stringify({ units: [pdsUnit('郏县')] })}`);
    const { json } = await scoreJson('pingdingshan-2020-counties', file);
    expect(json.units[0].final).toBe(95);
  });

  it('warns on stderr when the file was prepared for another rubric version', async () => {
    const dir = tmp();
    const file = writeJson(dir, 'units.json', { rubric: 'pingdingshan-2020-counties', version: '0.9.0', units: [pdsUnit('郏县')] });
    const r = await runCli(['score', 'pingdingshan-2020-counties', file]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('提示：单位文件「' + file + '」按评分细则 0.9.0 版准备，当前为 1.2.0 版，请核对输入项\n');
  });
});

describe('score: rubric given as a file', () => {
  it('scores with a valid rubric file', async () => {
    const dir = tmp();
    const rubricFile = join(dir, 'my-rubric.json');
    copyFileSync(join(ROOT, 'rubrics/pingdingshan-2020-counties.json'), rubricFile);
    const units = writeJson(dir, 'units.json', { units: [pdsUnit('郏县')] });
    const r = await runCli(['score', 'my-rubric.json', 'units.json', '--json'], dir);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as JsonOut).units[0].final).toBe(95);
    expect(units).toBeTruthy();
  });

  it('lists every error of an invalid rubric file, one per line with file, path and fix', async () => {
    const dir = tmp();
    const data = JSON.parse(readFileSync(join(ROOT, 'rubrics/pingdingshan-2020-counties.json'), 'utf8'));
    data.categories[0].points = 16; // sum of its items is 15
    data.categories[1].indicators[0].rule.kind = 'boolean';
    const rubricFile = writeJson(dir, 'broken.json', data);
    const units = writeJson(dir, 'units.json', { units: [] });
    const r = await runCli(['score', rubricFile, units]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toBe(`credit-score：评分细则「${rubricFile}」有 ${lines.length - 1} 处错误：`);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const l of lines.slice(1))
      expect(l).toMatch(new RegExp(`^  ${rubricFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\S+: .+ 修改：.+`));
    expect(r.err).toContain('categories[1].indicators[0].rule');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('reports a rubric file that is not JSON', async () => {
    const dir = tmp();
    const rubricFile = writeJson(dir, 'r.json', '{ "id": ');
    const r = await runCli(['template', rubricFile]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('不是有效的 JSON');
  });
});

describe('score: unusable units files', () => {
  const cases: [string, string | object, RegExp][] = [
    ['not JSON', '{"units": [ {"name": "a",} ]}', /不是有效的 JSON（第 1 行第 \d+ 列附近）/],
    ['empty file', '', /不是有效的 JSON（文件是空的）/],
    ['an array', [{ name: 'a' }], /应为对象 \{"units": \[…\]\}，而不是数组/],
    ['no units', { unit: [] }, /：units 缺少（应为数组（\[…\]））/],
    ['units not an array', { units: {} }, /：units 应为数组/],
    [
      'inputs not an object',
      { units: [{ name: 'a' }, { name: 'b' }, { name: 'c', inputs: [1] }] },
      /：units\[2\]\.inputs 应为对象（\{…\}）/,
    ],
    ['an indicator not an object', { units: [{ name: 'a', inputs: { '一.1': 5 } }] }, /：units\[0\]\.inputs\["一\.1"\] 应为对象/],
    [
      'a value that is an object',
      { units: [{ name: 'a', inputs: { '一.1': { set: { v: 1 } } } }] },
      /：units\[0\]\.inputs\["一\.1"\]\.set 应为文字、数字、true\/false 或 null/,
    ],
    [
      'a huge number',
      { units: [{ name: 'a', inputs: { '四.2': { reports: 1e21 } } }] },
      /：units\[0\]\.inputs\["四\.2"\]\.reports 数值过大/,
    ],
    ['no name', { units: [{ group: '县区' }] }, /：units\[0\]\.name 缺少（应为文字）/],
    ['an empty name', { units: [{ name: '  ' }] }, /：units\[0\]\.name 不能为空/],
    [
      'a misspelt key',
      { units: [{ name: 'a', notapplicable: [] }] },
      /：units\[0\] 有未知的字段「notapplicable」（可用：name、group、inputs、notApplicable、bonus、fraud）/,
    ],
    ['fraud as text', { units: [{ name: 'a', fraud: 'yes' }] }, /：units\[0\]\.fraud 应为 true\/false，或弄虚作假涉及的指标编号数组/],
    ['notApplicable as text', { units: [{ name: 'a', notApplicable: '二.5' }] }, /：units\[0\]\.notApplicable 应为数组/],
    [
      'another rubric',
      { rubric: 'hengdong-2020-members', units: [] },
      /是为评分细则「hengdong-2020-members」准备的，与「pingdingshan-2020-counties」不符/,
    ],
  ];
  it.each(cases)('%s', async (_, content, message) => {
    const dir = tmp();
    const file = writeJson(dir, 'units.json', typeof content === 'string' ? content : content);
    const r = await runCli(['score', 'pingdingshan-2020-counties', 'units.json'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^credit-score：/);
    expect(lines[0]).toMatch(message);
    expect(lines[1]).toBe('用法：credit-score score <细则> <单位文件.json> [--json] [--param <值>]');
    expect(file).toBeTruthy();
  });

  it('a missing file', async () => {
    const r = await runCli(['score', 'pingdingshan-2020-counties', 'nope.json'], tmp());
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('credit-score：无法读取单位文件「nope.json」：文件不存在');
  });

  it('a file that is not UTF-8', async () => {
    const dir = tmp();
    // "县区" in GBK
    writeFileSync(join(dir, 'gbk.json'), Buffer.from([0x7b, 0x22, 0xcf, 0xd8, 0xc7, 0xf8, 0x22, 0x7d]));
    const r = await runCli(['score', 'pingdingshan-2020-counties', 'gbk.json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不是 UTF-8 编码/);
  });

  it('accepts nulls for the optional keys', async () => {
    const dir = tmp();
    const u = { ...pdsUnit('郏县'), group: null, notApplicable: null, bonus: null, fraud: null };
    writeJson(dir, 'units.json', { units: [u] });
    const r = await runCli(['score', 'pingdingshan-2020-counties', 'units.json', '--json'], dir);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as JsonOut).units[0]).toMatchObject({ group: '县区', final: 95 });
  });
});
