/** What every command receives: output writers (injected in tests) and the working directory. */

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
