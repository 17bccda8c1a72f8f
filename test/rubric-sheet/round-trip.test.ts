/**
 * Issue 16 point 4: every rubric in rubrics/ (and the constructs rubrics of test/rubric/constructs),
 * written as the 细则定义 workbook, saved as .xlsx, read back and parsed, is the same rubric (deep-equal
 * once the editor's $schema pointer and the origin mark are set aside), and scores every unit of its
 * examples/<id>.json exactly as the original does. The directories are listed at run time, so rubrics
 * other sessions add or change are covered.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { definitionValues, rubricFromDefinition, rubricToDefinition } from '../../src/layout/rubric-sheet';
import { canonicalJson } from '../../src/rubric/hash';
import { parseRubricText } from '../../src/rubric/load';
import type { Rubric } from '../../src/rubric/schema';
import { scoreRoster } from '../../src/scoring/score';
import type { UnitInput } from '../../src/scoring/types';
import { readDefinitionXlsx, writeDefinitionXlsx } from '../../src/xlsx/rubric-sheet-file';

const ROOT = join(__dirname, '../..');
const rubricFiles = [
  ...readdirSync(join(ROOT, 'rubrics'))
    .filter((f) => f.endsWith('.json') && f !== 'rubric.schema.json')
    .map((f) => join('rubrics', f)),
  ...readdirSync(join(ROOT, 'test/rubric/constructs'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => join('test/rubric/constructs', f)),
];

/** What the sheet does not carry: the editor's $schema pointer; and the origin mark reading adds. */
const normalise = (r: Rubric) => {
  const { $schema: _s, origin: _o, ...rest } = r;
  return JSON.parse(canonicalJson(rest)) as unknown;
};

function load(file: string): Rubric {
  const loaded = parseRubricText(readFileSync(join(ROOT, file), 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load: ${loaded.errors.map((e) => e.message).join(' ')}`);
  return loaded.value.rubric;
}

async function throughXlsx(r: Rubric): Promise<Rubric> {
  const bytes = await writeDefinitionXlsx(rubricToDefinition(r));
  const back = rubricFromDefinition(await readDefinitionXlsx(new Uint8Array(bytes)));
  if (!back.ok) throw new Error(back.errors.map((e) => `${e.sheet}!${e.cell} ${e.message}`).join('\n'));
  return back.rubric;
}

it('covers the seven shipped rubrics at least', () => {
  expect(rubricFiles.filter((f) => f.startsWith('rubrics')).length).toBeGreaterThanOrEqual(7);
});

describe.each(rubricFiles)('%s', (file) => {
  const original = load(file);

  it('reads back from the sheet values deep-equal, marked as the office’s own', () => {
    const back = rubricFromDefinition(definitionValues(rubricToDefinition(original)));
    if (!back.ok) throw new Error(back.errors.map((e) => `${e.sheet}!${e.cell} ${e.message}`).join('\n'));
    expect(back.rubric.origin).toBe('office');
    expect(normalise(back.rubric)).toEqual(normalise(original));
  });

  it('reads back from the .xlsx file deep-equal and scores every example unit identically', async () => {
    const back = await throughXlsx(original);
    expect(normalise(back)).toEqual(normalise(original));
    const examples = join(ROOT, 'examples', `${original.id}.json`);
    if (!existsSync(examples)) return;
    const units = (JSON.parse(readFileSync(examples, 'utf8')) as { units: UnitInput[] }).units;
    expect(units.length).toBeGreaterThan(0);
    expect(scoreRoster(back, units)).toEqual(scoreRoster(original, units));
  });
});

describe('plain columns, not JSON', () => {
  // 鹤岗 (按条件扣分), 衡东 (缺项扣分, 按等级, 考核组评分, 做到即得分, 按个数 with units, 按差距扣分, 按次扣分)
  // 平顶山 (组合计分 with 部分 rows) and 亳州 (its document column 数据来源, 档次表 written bottom-up, 不得分条件)
  // and 朝阳 (等次线 ending 「不合格<50」; 1.3.0: its 16 参数 on the 参数 row, each 分值 cell 「参数:points-n」)
  // use only kinds with a plain form: nothing of theirs needs 高级设置.
  it.each([
    'chaoyang-2020-method',
    'hegang-2022-counties',
    'hengdong-2020-members',
    'pingdingshan-2020-departments',
    'pingdingshan-2020-counties',
    'bozhou-2017-counties',
  ])('%s is written without any 高级设置', (id) => {
    const values = definitionValues(rubricToDefinition(load(`rubrics/${id}.json`)));
    const grid = values['细则定义'];
    const advanced = grid[0].indexOf('高级设置');
    expect(advanced).toBeGreaterThan(0);
    expect(grid.slice(1).filter((row) => row[advanced] !== null && row[advanced] !== undefined)).toEqual([]);
    const method = values['考核办法'];
    expect(method.find((row) => row[0] === '高级设置')?.[1]).toBeNull();
  });

  // The constructs written plainly since: 按月考核, 参数 with 分值「参数:…」, 不涉及 按平均分计 with its 范围.
  it.each(['monthly', 'office-parameters', 'not-applicable-average'])('constructs/%s is written without any 高级设置', (name) => {
    const values = definitionValues(rubricToDefinition(load(`test/rubric/constructs/${name}.json`)));
    const grid = values['细则定义'];
    const advanced = grid[0].indexOf('高级设置');
    expect(grid.slice(1).filter((row) => row[advanced] !== null && row[advanced] !== undefined)).toEqual([]);
    expect(values['考核办法'].find((row) => row[0] === '高级设置')?.[1]).toBeNull();
  });

  it('按月考核 reads as its months and 年度得分 in words (monthly 2: 合计, at most 0.5 a month)', () => {
    const grid = definitionValues(rubricToDefinition(load('test/rubric/constructs/monthly.json')))['细则定义'];
    const col = (h: string) => grid[0].indexOf(h);
    const row = grid.find((x) => x[0] === '指标' && x[col('标识')] === '2')!;
    expect(row[col('计分方式')]).toBe('按月考核');
    expect(row[col('计分字段')]).toBe('m1、m2、m3、m4、m5、m6、m7、m8、m9、m10、m11、m12');
    expect(row[col('条件')]).toBe('年度得分=合计；每月最高分=0.5');
  });

  it('参数 are one line each on the 考核办法 sheet, and an item set by one says 参数:标识 in its 分值 cell (朝阳 1.3.0)', () => {
    const values = definitionValues(rubricToDefinition(load('rubrics/chaoyang-2020-method.json')));
    const params = String(values['考核办法'].find((row) => row[0] === '参数')?.[1]).split('\n');
    expect(params).toHaveLength(16);
    expect(params[0]).toBe('points-1｜第1项 信用制度落实 分值｜最高=100｜分组设定=是');
    const grid = values['细则定义'];
    const first = grid.find((x) => x[0] === '指标')!;
    expect(first[grid[0].indexOf('分值')]).toBe('参数:points-1');
  });

  it('分块加权 is written as 合计方式, 合计基数 and one 分块 line per block (blocks-deductions: 共性 7 over 一, 个性 3 over 二)', () => {
    const method = definitionValues(rubricToDefinition(load('test/rubric/constructs/blocks-deductions.json')))['考核办法'];
    const value = (label: string) => method.find((row) => row[0] === label)?.[1];
    expect([value('合计方式'), value('合计基数'), value('分块')]).toEqual([
      '分块加权',
      100,
      '共性指标｜权重=7｜类别=一\n个性指标｜权重=3｜类别=二',
    ]);
    expect(value('细则语言版本')).toBe(2);
  });

  it('the rows added later sit at the end of 考核办法, before 高级设置, so the rows above keep their places', () => {
    const labels = definitionValues(rubricToDefinition(null))['考核办法'].map((row) => row[0]);
    expect(labels.slice(-6)).toEqual(['须由本办设定', '分块', '参数', '容缺平均范围', '细则语言版本', '高级设置']);
  });

  it('a 考核办法 sheet made before the 分块, 参数, 容缺平均范围 and 细则语言版本 rows still reads (those rows absent = blank)', () => {
    const values = definitionValues(rubricToDefinition(load('rubrics/hengdong-2020-members.json')));
    values['考核办法'] = values['考核办法'].filter((row) => !['分块', '参数', '容缺平均范围', '细则语言版本'].includes(String(row[0])));
    const back = rubricFromDefinition(values);
    if (!back.ok) throw new Error(back.errors.map((e) => `${e.sheet}!${e.cell} ${e.message}`).join('\n'));
    expect(normalise(back.rubric)).toEqual(normalise(load('rubrics/hengdong-2020-members.json')));
  });

  it('组合计分 is one indicator row and one 部分 row per part (平顶山 市直部门, its first 组合计分 item)', () => {
    const r = load('rubrics/pingdingshan-2020-departments.json');
    const composite = r.categories.flatMap((c) => c.indicators).find((i) => i.rule.kind === 'composite')!;
    const grid = definitionValues(rubricToDefinition(r))['细则定义'];
    const idCol = grid[0].indexOf('标识');
    const at = grid.findIndex((row) => row[0] === '指标' && row[idCol] === composite.id);
    const parts = composite.rule.kind === 'composite' ? composite.rule.parts.length : 0;
    expect(grid[at][grid[0].indexOf('计分方式')]).toBe('组合计分');
    expect(grid.slice(at + 1, at + 1 + parts).map((row) => row[0])).toEqual(Array(parts).fill('部分'));
    expect(grid[at + 1 + parts][0]).not.toBe('部分');
  });
});

describe('saved again by LibreOffice', () => {
  // 亳州: the document's own 数据来源 column, 组合计分 parts, 档次表 with labels, a 高级设置 cell and
  // options containing 「、」 — all through LibreOffice's own writer (shared strings, its styles).
  it('亳州 reads back deep-equal after LibreOffice opens and saves the definition workbook', async () => {
    const original = load('rubrics/bozhou-2017-counties.json');
    const dir = mkdtempSync(join(tmpdir(), 'cs-rubric-sheet-lo-'));
    writeFileSync(join(dir, 'def.xlsx'), Buffer.from(await writeDefinitionXlsx(rubricToDefinition(original))));
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'xlsx',
        '--outdir',
        join(dir, 'lo'),
        join(dir, 'def.xlsx'),
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const saved = readFileSync(join(dir, 'lo', 'def.xlsx'));
    expect(saved.subarray(0, 2).toString()).toBe('PK');
    const back = rubricFromDefinition(await readDefinitionXlsx(new Uint8Array(saved)));
    if (!back.ok) throw new Error(back.errors.map((e) => `${e.sheet}!${e.cell} ${e.message}`).join('\n'));
    expect(normalise(back.rubric)).toEqual(normalise(original));
  }, 150_000);
});
