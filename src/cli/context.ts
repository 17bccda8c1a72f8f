/** What every command receives: output writers (injected in tests) and the working directory. */
import { CliError } from './errors';
import type { WriteOptions } from './write-file';

export interface CliIo {
  /** Writes to standard output, exactly the text given. */
  out(text: string): void;
  /** Writes to standard error, exactly the text given. */
  err(text: string): void;
  /** Directory against which file arguments are resolved. */
  cwd: string;
}

export interface OptionSpec {
  type: 'boolean' | 'string';
  short?: string;
  /** Chinese description for --help. */
  description: string;
}

export interface PositionalSpec {
  /** Shown in the usage line, e.g. "<细则>". */
  name: string;
  /** Chinese description for --help; also used in the "缺少 …" error. */
  description: string;
  optional?: boolean;
  /** The last positional only: takes every remaining argument (collect's forms). */
  variadic?: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
}

/**
 * One subcommand. main.ts parses the options and checks the positionals from this declaration,
 * handles --help, then calls run(). Adding a command is one entry in main.ts's table.
 */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  positionals: readonly PositionalSpec[];
  options?: Readonly<Record<string, OptionSpec>>;
  /** Extra lines of help (examples, notes). */
  help?: readonly string[];
  /** Returns the exit code. Throws CliError for usage and input errors. */
  run(args: ParsedArgs, io: CliIo): number | Promise<number>;
}

export const PROGRAM = 'credit-score';

export function usageOf(cmd: Command): string {
  const pos = cmd.positionals.map((p) => (p.optional ? `[${p.name}]` : p.variadic ? `${p.name}…` : p.name));
  const opts = Object.entries(cmd.options ?? {}).map(([name, o]) => (o.type === 'boolean' ? `[--${name}]` : `[--${name} <值>]`));
  return [PROGRAM, cmd.name, ...pos, ...opts].join(' ');
}

/*
 * Output files: every command that writes takes -o/--output (where) and --force (replace an existing
 * file), and reads them alike; write-file.ts then refuses an output that is one of the inputs.
 */

/** The -o/--output option; `description` names the default. */
export function outputOption(description: string): OptionSpec {
  return { type: 'string', short: 'o', description };
}

/** The --force option. */
export function forceOption(description = '覆盖已存在的输出文件'): OptionSpec {
  return { type: 'boolean', description };
}

/**
 * Where to write: the path given with --<option> (default --output) or `fallback`. With `extension`,
 * a path of another kind is refused before any work (`what` names it in the message).
 */
export function outputPath(
  options: ParsedArgs['options'],
  fallback: string,
  check: { extension?: '.xlsx' | '.json'; what?: string; option?: string } = {},
): string {
  const given = options[check.option ?? 'output'];
  const path = typeof given === 'string' ? given : fallback;
  if (check.extension && !path.toLowerCase().endsWith(check.extension))
    throw new CliError(`${check.what ?? '输出文件'}「${path}」应以 ${check.extension} 结尾`);
  return path;
}

/** How to write: replace existing files only with --force; never replace one of `inputs`. */
export function writeOptions(options: ParsedArgs['options'], inputs: WriteOptions['inputs'] = []): WriteOptions {
  return { overwrite: Boolean(options.force), inputs };
}
