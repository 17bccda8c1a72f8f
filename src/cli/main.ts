/**
 * Entry point of `credit-score`: parses argv (node:util parseArgs, no dependencies) and dispatches
 * to one module per command. `bin/credit-score.js` calls main(process.argv.slice(2)) on the build
 * in dist/. Tests call main() in-process with their own writers.
 *
 * Exit codes: 0 done (scoring problems are printed, not fatal), 1 internal error, 2 usage or input
 * error. Errors are one line of Chinese plus the usage line on stderr, never a stack trace
 * (set CREDIT_SCORE_DEBUG=1 to see one for an internal error).
 */
import { parseArgs } from 'node:util';
import { PROGRAM, usageOf, type CliIo, type Command, type ParsedArgs } from './context';
import { CliError, errorMessage, EXIT_INTERNAL, EXIT_OK, fromParseArgsError } from './errors';
import { escapeControls, pad } from './format-table';
import { rubricsCommand } from './rubrics';
import { scoreCommand } from './score';
import { workbookCommand } from './workbook-command';
import { annexCommand } from './annex-command';
import { templateCommand } from './template';
import { formsCommand } from './forms-command';
import { collectCommand } from './collect-command';
import { rubricDiffCommand } from './rubric-diff';
import { packageVersion } from './version';
import { rubricFromSheetCommand, rubricSheetCommand } from './rubric-sheet-commands';

/** The commands, in the order of the help text. Adding a command is one entry here. */
export const commands: readonly Command[] = [
  rubricsCommand,
  templateCommand,
  scoreCommand,
  workbookCommand,
  annexCommand,
  formsCommand,
  collectCommand,
  rubricSheetCommand,
  rubricFromSheetCommand,
  rubricDiffCommand,
];

const GENERAL_USAGE = `${PROGRAM} <命令> [参数]（${PROGRAM} --help 查看命令）`;

export function generalHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `${PROGRAM} ${packageVersion()} — 社会信用体系建设工作考核计分`,
    '',
    `用法：${PROGRAM} <命令> [参数]`,
    '',
    '命令：',
    ...commands.map((c) => `  ${pad(c.name, width)}  ${c.summary}`),
    '',
    '选项：',
    `  -h, --help   显示帮助；${PROGRAM} <命令> --help 显示该命令的帮助`,
    '  --version    显示版本',
    '',
    '退出码：0 完成（单位的问题会列出，不算失败），1 内部错误，2 命令或文件有误。',
    '',
  ].join('\n');
}

export function commandHelp(cmd: Command): string {
  const lines = [`用法：${usageOf(cmd)}`, '', cmd.summary, ''];
  if (cmd.positionals.length > 0) {
    const w = Math.max(...cmd.positionals.map((p) => p.name.length));
    lines.push('参数：', ...cmd.positionals.map((p) => `  ${pad(p.name, w)}  ${p.description}`), '');
  }
  const opts = Object.entries(cmd.options ?? {}).map(([name, o]) => [`${o.short ? `-${o.short}, ` : ''}--${name}`, o.description]);
  opts.push(['-h, --help', '显示本帮助']);
  const w = Math.max(...opts.map(([n]) => n.length));
  lines.push('选项：', ...opts.map(([n, d]) => `  ${pad(n, w)}  ${d}`), '');
  if (cmd.help?.length) lines.push(...cmd.help, '');
  return lines.join('\n');
}

function parseCommandArgs(cmd: Command, args: string[]): ParsedArgs & { help: boolean } {
  const options: Record<string, { type: 'boolean' | 'string'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, o] of Object.entries(cmd.options ?? {})) options[name] = o.short ? { type: o.type, short: o.short } : { type: o.type };
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw fromParseArgsError(e) ?? e;
  }
  const { help, ...values } = parsed.values as Record<string, string | boolean | undefined>;
  const positionals = parsed.positionals;
  if (help) return { help: true, positionals, options: values };
  const missing = cmd.positionals.find((p, i) => !p.optional && positionals[i] === undefined);
  if (missing) throw new CliError(`缺少参数 ${missing.name}：${missing.description}`);
  const variadic = cmd.positionals.at(-1)?.variadic === true;
  if (!variadic && positionals.length > cmd.positionals.length) throw new CliError(`多余的参数「${positionals[cmd.positionals.length]}」`);
  return { help: false, positionals, options: values };
}

async function dispatch(argv: readonly string[], io: CliIo, setUsage: (u: string) => void): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) throw new CliError('缺少命令');
  if (first === '--help' || first === '-h' || first === 'help') {
    const cmd = commands.find((c) => c.name === rest[0]);
    io.out(cmd ? commandHelp(cmd) : generalHelp());
    return EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    io.out(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  if (first.startsWith('-')) throw new CliError(`未知选项「${first}」（选项写在命令之后）`);
  const cmd = commands.find((c) => c.name === first);
  if (!cmd) throw new CliError(`未知命令「${first}」（可用：${commands.map((c) => c.name).join('、')}）`);
  setUsage(usageOf(cmd));
  const args = parseCommandArgs(cmd, rest);
  if (args.help) {
    io.out(commandHelp(cmd));
    return EXIT_OK;
  }
  return cmd.run(args, io);
}

let pipeGuard = false;

/** Writers on the real process streams; a closed pipe (`| head`) ends quietly. */
export function processIo(): CliIo {
  if (!pipeGuard) {
    pipeGuard = true;
    for (const s of [process.stdout, process.stderr])
      s.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw e;
      });
  }
  return { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t), cwd: process.cwd() };
}

/** Runs the command line; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], given: CliIo = processIo()): Promise<number> {
  // Names and values from received files never reach the terminal as control sequences.
  const io: CliIo = { ...given, out: (t) => given.out(escapeControls(t)), err: (t) => given.err(escapeControls(t)) };
  let usage = GENERAL_USAGE;
  try {
    return await dispatch(argv, io, (u) => (usage = u));
  } catch (e) {
    if (e instanceof CliError) {
      const lines = [`${PROGRAM}：${e.message}`, ...e.details.map((d) => `  ${d}`)];
      if (e.usage) lines.push(`用法：${usage}`);
      io.err(`${lines.join('\n')}\n`);
      return e.exitCode;
    }
    const msg = errorMessage(e);
    io.err(`${PROGRAM}：内部错误：${msg.split('\n')[0]}（请把命令和文件发给维护者；设置 CREDIT_SCORE_DEBUG=1 可显示详细信息）\n`);
    if (process.env.CREDIT_SCORE_DEBUG) io.err(`${(e as { stack?: string })?.stack ?? msg}\n`);
    return EXIT_INTERNAL;
  }
}
