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

  it('an invalid file is an input error naming it (exit 2)', async () => {
    writeFileSync(join(dir, 'broken.json'), '{"id": 1}');
    const r = await runCli(['rubric-diff', 'chaoyang-2020-method', 'broken.json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/评分细则「broken.json」有 \d+ 处错误/);
  });
});
