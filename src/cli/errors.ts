/**
 * Errors the command line reports to the user: one line (or a short list) in Chinese on stderr and
 * an exit code, never a stack trace.
 */

/** Exit codes: 0 scored (even with problems listed), 1 internal error, 2 wrong usage or input. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;

export interface CliErrorOptions {
  /** Print the usage line of this command after the message (default: the usage in scope). */
  usage?: boolean;
  /** Further lines printed after the message, one per problem (rubric file errors). */
  details?: readonly string[];
  exitCode?: number;
}

/** A failure caused by the command line or the files given: reported as is, exit code 2. */
export class CliError extends Error {
  readonly usage: boolean;
  readonly details: readonly string[];
  readonly exitCode: number;
  constructor(message: string, options: CliErrorOptions = {}) {
    super(message);
    this.name = 'CliError';
    this.usage = options.usage ?? true;
    this.details = options.details ?? [];
    this.exitCode = options.exitCode ?? EXIT_USAGE;
  }
}

/**
 * The message of anything thrown. Not `instanceof Error`: errors made by Node itself come from
 * another realm under jest.
 */
export function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
  return String(e);
}

/** Translates a node:util parseArgs error into Chinese. */
export function fromParseArgsError(e: unknown): CliError | null {
  if (!e || typeof e !== 'object' || !('code' in e)) return null;
  const code = (e as { code?: string }).code;
  const message = errorMessage(e);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new CliError(`未知选项「${quoted}」`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message)
        ? new CliError(`选项「${quoted}」不带值`)
        : new CliError(`选项「${quoted.replace(/ <value>$/, '')}」需要一个值`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new CliError(`多余的参数「${quoted}」`);
    default:
      return null;
  }
}
