/**
 * `--param` of `score`: the rubric's office-set parameters (rubric.parameters) on the command
 * line, `--param "points-1=8;points-2@县区=6"`: key=value pairs separated by ; or , (full-width too).
 * A key is the parameter's id, or id@group where the rubric sets it per ranking group. The values
 * are handed to the engine as typed, which checks them like any input.
 */
import { CliError } from './errors';

export function parseParamOption(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(/[;；,，]/)) {
    const trimmed = pair.trim();
    if (trimmed === '') continue;
    const at = trimmed.search(/[=＝]/);
    const key = at < 0 ? '' : trimmed.slice(0, at).trim();
    const value = at < 0 ? '' : trimmed.slice(at + 1).trim();
    if (key === '' || value === '')
      throw new CliError(
        `--param「${trimmed}」应写成 参数=值，如 --param "points-1=8;points-2@县区=6"（参数见 credit-score template 的输出）`,
      );
    if (key in out) throw new CliError(`--param 中参数「${key}」出现了两次`);
    out[key] = value;
  }
  return out;
}
