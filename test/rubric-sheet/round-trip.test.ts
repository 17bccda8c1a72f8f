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
  // and 平顶山 (组合计分 with 部分 rows) use only kinds with a plain form: nothing of theirs needs 高级设置.
  it.each(['hegang-2022-counties', 'hengdong-2020-members', 'pingdingshan-2020-departments', 'pingdingshan-2020-counties'])(
    '%s is written without any 高级设置',
    (id) => {
      const values = definitionValues(rubricToDefinition(load(`rubrics/${id}.json`)));
      const grid = values['细则定义'];
      const advanced = grid[0].indexOf('高级设置');
      expect(advanced).toBeGreaterThan(0);
      expect(grid.slice(1).filter((row) => row[advanced] !== null && row[advanced] !== undefined)).toEqual([]);
      const method = values['考核办法'];
      expect(method.find((row) => row[0] === '高级设置')?.[1]).toBeNull();
    },
  );

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
