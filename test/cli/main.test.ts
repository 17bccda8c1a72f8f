import { commands } from '../../src/cli/main';
import { runCli } from './run-cli';

import { version } from '../../package.json';

/** Usage and input errors: exactly one message line (plus the usage line), exit code 2, no stack trace. */
function expectUsageError(r: { code: number; out: string; err: string }, message: RegExp) {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  const lines = r.err.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^credit-score：/);
  expect(lines[0]).toMatch(message);
  expect(lines[1]).toMatch(/^用法：credit-score /);
  expect(r.err).not.toMatch(/\n\s+at /);
}

describe('dispatch', () => {
  it('has a table of commands with unique names', () => {
    const names = commands.map((c) => c.name);
    expect(names.slice(0, 3)).toEqual(['rubrics', 'template', 'score']);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each([['--help'], ['-h'], ['help']])('%s prints the general help to stdout', async (flag) => {
    const r = await runCli([flag]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('用法：credit-score <命令> [参数]');
    for (const c of commands) expect(r.out).toContain(c.name);
  });

  it.each(commands.map((c) => [c.name]))('%s --help prints the command usage', async (name) => {
    for (const argv of [
      [name, '--help'],
      [name, '-h'],
      ['help', name],
    ]) {
      const r = await runCli(argv);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^用法：credit-score ${name}`));
      expect(r.out).toContain('-h, --help');
    }
  });

  it('--help wins over missing arguments', async () => {
    const r = await runCli(['score', '-h']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('<单位文件.json>');
  });

  it('--version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  it('no command', async () => expectUsageError(await runCli([]), /缺少命令/));
  it('unknown command', async () => expectUsageError(await runCli(['scores']), /未知命令「scores」.*rubrics、template、score/));
  it('unknown option before the command', async () => expectUsageError(await runCli(['--json']), /未知选项「--json」/));
  it('unknown option of a command', async () => {
    const r = await runCli(['rubrics', '--csv']);
    expectUsageError(r, /未知选项「--csv」/);
    expect(r.err).toContain('用法：credit-score rubrics [--json]');
  });
  it('a value given to a boolean option', async () => expectUsageError(await runCli(['rubrics', '--json=yes']), /选项「--json」不带值/));
  it('missing argument', async () => {
    expectUsageError(await runCli(['template']), /缺少参数 <细则>/);
    expectUsageError(await runCli(['score', 'hengdong-2020-members']), /缺少参数 <单位文件\.json>/);
  });
  it('extra argument', async () => expectUsageError(await runCli(['rubrics', 'x']), /多余的参数「x」/));
  it('unknown rubric id lists the built-in ids', async () => {
    const r = await runCli(['template', 'hengdong-2021-members']);
    expectUsageError(r, /没有 id 为「hengdong-2021-members」的内置评分细则/);
    expect(r.err).toContain('hengdong-2020-members');
  });
});

describe('rubrics', () => {
  it('lists every built-in rubric with city, year, annex and document number', async () => {
    const r = await runCli(['rubrics']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+城市\s+年度\s+附件\s+文号\s+版本$/);
    expect(lines).toHaveLength(2 + 7);
    expect(r.out).toMatch(/hengdong-2020-members\s+衡东县\s+2020\s+附件2\s+东信建〔2020〕02号\s+1\.1\.0/);
    expect(r.out).toMatch(/bozhou-2017-counties\s+亳州市\s+2017\s+-\s+（无文号）/);
    expect(r.out).toMatch(/hegang-2022-departments\s+鹤岗市\s+2022\s+附件2\s+鹤信用办发〔2022〕4号/);
  });

  it('--json gives the same list as data', async () => {
    const r = await runCli(['rubrics', '--json']);
    const list = JSON.parse(r.out) as { id: string; hash: string; annex: string | null }[];
    expect(list.map((x) => x.id)).toContain('chaoyang-2020-method');
    expect(list.find((x) => x.id === 'chaoyang-2020-method')?.annex).toBeNull();
    expect(list.every((x) => /^[0-9a-f]{16}$/.test(x.hash))).toBe(true);
  });
});
