/**
 * The command line with the rubrics written for the constructs of schema version 2 (files in
 * test/rubric/constructs/): `score --json` gives the hand-computed figures, and a rubric that uses a
 * construct of version 2 without declaring it is refused with exit 2, the path and the construct.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'credit-score-v2-'));
const constructs = join(ROOT, 'test/rubric/constructs');
const write = (name: string, data: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(data));
  return file;
};

describe('score with a version 2 rubric file', () => {
  it('weighted blocks with a deduction part: 甲 (96 × 7 + 30 × 3) ÷ 10 = 76.2, with the blocks in the JSON', async () => {
    // 甲: item 1 16 × 0.5 = 8 less 2 × 1 → 6; item 2 是 → 90; 共性 96. item 3 否 → 0; item 4 3 × 10 = 30; 个性 30.
    const units = write('units.json', {
      units: [{ name: '甲', inputs: { '1': { fwd: 16, missed: 2 }, '2': { rules: '是' }, '3': { rating: '否' }, '4': { lists: 3 } } }],
    });
    const r = await runCli(['score', join(constructs, 'blocks-deductions.json'), units, '--json']);
    expect(r.code).toBe(0);
    const u = JSON.parse(r.out).units[0];
    expect([u.items['1'].score, u.base, u.final, u.blocks.list.map((b: { score: number }) => b.score)]).toEqual([6, 76.2, 76.2, [96, 30]]);
  });
  it('容缺项: 丙’s 不涉及 item is (8 + 10) ÷ 2 = 9, its total 19', async () => {
    const units = write('average.json', {
      units: [
        { name: '甲', group: 'G', inputs: { '1': { batches: 4 }, '2': { plan: '是' } } },
        { name: '乙', group: 'G', inputs: { '1': { batches: 5 }, '2': { plan: '否' } } },
        { name: '丙', group: 'G', inputs: { '2': { plan: '是' } }, notApplicable: ['1'] },
      ],
    });
    const r = await runCli(['score', join(constructs, 'not-applicable-average.json'), units, '--json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out).units.find((x: { name: string }) => x.name === '丙');
    expect([c.items['1'].score, c.final, c.rank]).toEqual([9, 19, 1]);
  });
  it('a version 2 construct without "schemaVersion": 2 is refused with exit 2, the path and the construct', async () => {
    const data = JSON.parse(readFileSync(join(constructs, 'blocks-deductions.json'), 'utf8'));
    delete data.schemaVersion;
    const rubric = write('no-version.json', data);
    const units = write('one.json', { units: [{ name: '甲' }] });
    const r = await runCli(['score', rubric, units]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('aggregation.mode: 此处用了共性指标、个性指标分块加权（aggregation.mode "blocks"），这是细则格式第 2 版的写法');
    expect(r.err).toContain('categories[0].indicators[0].rule.deductions: 此处用了组合规则的扣分部分（deductions）');
  });
});
