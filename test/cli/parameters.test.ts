/**
 * The office-set parameters on the command line (issue 16, point 12): `"parameters"` in the units
 * file, `--param` over them, and `template` listing them. Rubric: test/rubric/constructs/office-parameters.json.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from './run-cli';

const RUBRIC = join(ROOT, 'test/rubric/constructs/office-parameters.json');
const POINTS = { 'points-1': 40, 'points-2@部门': 30, 'points-3@部门': 30, 'points-2@县区': 50, 'points-3@县区': 10 };
const units = [
  { name: '甲', group: '部门', inputs: { '1': { score: 36 }, '2': { score: 27 }, '3': { score: 15 } } },
  { name: '乙', group: '县区', inputs: { '1': { score: 20 }, '2': { score: 45 } }, notApplicable: ['3'] },
];

function unitsFile(data: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cs-params-')), 'units.json');
  writeFileSync(file, JSON.stringify(data));
  return file;
}

async function finals(args: string[]) {
  const r = await runCli(['score', RUBRIC, ...args, '--json']);
  expect(r.code).toBe(0);
  return { finals: (JSON.parse(r.out) as { units: { final: number | null }[] }).units.map((u) => u.final), err: r.err };
}

describe('score with parameters', () => {
  it('takes them from the units file', async () => {
    // 甲: 78 / 100 × 100 = 78; 乙: (20 + 45) / (40 + 50) × 100 = 72.222… → 72.22.
    expect((await finals([unitsFile({ parameters: POINTS, units })])).finals).toEqual([78, 72.22]);
  });

  it('--param sets or overrides them, one pair or several separated by ;', async () => {
    const file = unitsFile({ parameters: { ...POINTS, 'points-2@部门': 20 }, units });
    // With 20 from the file 甲 would be 78 / 90; --param puts 30 back: 78.
    expect((await finals([file, '--param', 'points-2@部门=30'])).finals).toEqual([78, 72.22]);
    const bare = unitsFile({ units });
    const all = Object.entries(POINTS)
      .map(([k, v]) => `${k}=${v}`)
      .join(';');
    expect((await finals([bare, '--param', all])).finals).toEqual([78, 72.22]);
  });

  it('a parameter not given leaves its items pending and says which', async () => {
    const { finals: f, err } = await finals([unitsFile({ units }), '--param', 'points-1=40']);
    expect(f).toEqual([null, null]);
    expect(err).toContain('[未填] 参数「第2项 信息公示 分值（市直部门）」未设定：市直部门各单位的 2 信息公示 待定');
  });

  it('a malformed --param is refused with exit 2', async () => {
    const r = await runCli(['score', RUBRIC, unitsFile({ units }), '--param', 'points-1']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--param「points-1」应写成 参数=值');
  });

  it('template lists the parameters to set', async () => {
    const r = await runCli(['template', RUBRIC]);
    const tpl = JSON.parse(r.out) as { parameters: Record<string, null>; help: string[] };
    expect(Object.keys(tpl.parameters)).toEqual(Object.keys(POINTS));
    expect(tpl.help).toContain(
      'parameters["points-2@县区"]：第2项 信息公示 分值（县区）（0–100 分），所有单位共用；也可用 score --param "points-2@县区=值"',
    );
  });
});
