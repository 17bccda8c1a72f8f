/** `credit-score rubric-diff`: two rubrics (ids or files) → the changes, one line each; exit 0. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltin } from '../../src/rubric/catalog';
import { runCli } from './run-cli';

describe('rubric-diff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rubric-diff-'));
  const edited = structuredClone(loadBuiltin('chaoyang-2020-method').rubric);
  edited.bands!.list[0].min = 95;
  edited.ranking.groups[1].honours[0].top = 2;
  writeFileSync(join(dir, 'edited.json'), JSON.stringify(edited));

  it('lists each change of an edited file against the shipped id, in the order of the document', async () => {
    const r = await runCli(['rubric-diff', 'chaoyang-2020-method', 'edited.json'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        '等次线：等次由 优秀 ≥90 改为 优秀 ≥95',
        '排名组「县（市）区人民政府」：表彰由 朝阳市2020年度社会信用体系建设示范县（区） 前 3 名 改为 朝阳市2020年度社会信用体系建设示范县（区） 前 2 名',
        '',
      ].join('\n'),
    );
  });

  it('says 两份细则内容相同 when nothing changed', async () => {
    const r = await runCli(['rubric-diff', 'hengdong-2020-members', 'hengdong-2020-members']);
    expect([r.code, r.out]).toEqual([0, '两份细则内容相同\n']);
  });

  it('--json gives where and what', async () => {
    const r = await runCli(['rubric-diff', 'chaoyang-2020-method', join(dir, 'edited.json'), '--json']);
    expect(JSON.parse(r.out)[0]).toEqual({ where: '等次线', what: '等次由 优秀 ≥90 改为 优秀 ≥95' });
  });

  it('a 细则定义.xlsx made from the shipped rubric differs from it only in its origin (本办自定)', async () => {
    const made = await runCli(['rubric-sheet', 'chaoyang-2020-method', '-o', join(dir, '细则定义.xlsx')]);
    expect(made.code).toBe(0);
    const r = await runCli(['rubric-diff', 'chaoyang-2020-method', '细则定义.xlsx'], dir);
    expect([r.code, r.out]).toEqual([0, '文件：来源由 随工具提供 改为 本办自定\n']);
  }, 60_000);

  it('朝阳 1.2.0 → 1.3.0 reads as points per unit becoming office-set parameters', async () => {
    const r = await runCli(['rubric-diff', 'test/rubric/constructs/chaoyang-2020-method-1.2.0.json', 'rubrics/chaoyang-2020-method.json']);
    expect([r.code, r.err]).toEqual([0, '']);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('文件：版本由 1.2.0 改为 1.3.0');
    // The one 须由信用办设定 entry that changed, as an excerpt: the points move to the 参数 sheet.
    expect(lines[1]).toMatch(/^计分：须由信用办设定第 1 条由「…[^」]*「本项分值」中录入[^」]*」改为「…[^」]*「参数」表中按附件1/);
    // 16 parameters added, one per item, each set once per ranking group.
    expect(lines.filter((l) => l.startsWith('参数「'))).toHaveLength(16);
    expect(lines).toContain('参数「第1项 信用制度落实 分值」：新增参数（分值，最低 0，最高 100，按排名组分别设定）');
    // Each item: its points now come from its parameter, and the per-unit 本项分值 field is gone.
    expect(lines).toContain('指标 1「信用制度落实」：分值由 未公布 改为 信用办设定的参数「第1项 信用制度落实 分值」');
    expect(lines).toContain('指标 1「信用制度落实」：删除填报项「本项分值（文件未公布，由市信用办设定）」');
    expect(lines.filter((l) => l.includes('分值由 未公布 改为 信用办设定的参数'))).toHaveLength(16);
    expect(lines.every((l) => !l.includes('undefined') && !l.includes('[object') && !l.includes('{'))).toBe(true);
  });

  it('and back (1.3.0 → 1.2.0): each parameter removed, each item back to 未公布', async () => {
    const r = await runCli(['rubric-diff', 'rubrics/chaoyang-2020-method.json', 'test/rubric/constructs/chaoyang-2020-method-1.2.0.json']);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('文件：版本由 1.3.0 改为 1.2.0');
    expect(lines.filter((l) => /^参数「第\d+项 .+ 分值」：删除参数$/.test(l))).toHaveLength(16);
    expect(lines).toContain('指标 16「信用应用合法合规情况」：分值由 信用办设定的参数「第16项 信用应用合法合规情况 分值」 改为 未公布');
  });

  it('an invalid file is an input error naming it (exit 2)', async () => {
    writeFileSync(join(dir, 'broken.json'), '{"id": 1}');
    const r = await runCli(['rubric-diff', 'chaoyang-2020-method', 'broken.json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/评分细则「broken.json」有 \d+ 处错误/);
  });
});
