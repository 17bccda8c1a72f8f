/**
 * The <rubric> argument: a built-in rubric id, or the path of a rubric JSON file (validated like
 * the built-ins; every error is listed with file, path and fix).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinRubricIds, loadBuiltin } from '../rubric/catalog';
import { formatRubricError, parseRubricText, RubricLoadError, type LoadedRubric } from '../rubric/load';
import { CliError } from './errors';
import { readTextFile } from './files';

export interface ResolvedRubric extends LoadedRubric {
  /** The argument as given: the id or the path. */
  source: string;
  builtin: boolean;
}

function looksLikePath(arg: string): boolean {
  return /[\\/]/.test(arg) || /\.json$/i.test(arg);
}

function invalidRubric(source: string, lines: string[]): CliError {
  return new CliError(`评分细则「${source}」有 ${lines.length} 处错误：`, { details: lines, usage: false });
}

export function resolveRubric(arg: string, cwd: string): ResolvedRubric {
  if (builtinRubricIds.includes(arg)) {
    try {
      return { ...loadBuiltin(arg), source: arg, builtin: true };
    } catch (e) {
      if (e instanceof RubricLoadError) throw invalidRubric(arg, e.errors.map(formatRubricError));
      throw e;
    }
  }
  if (looksLikePath(arg) || existsSync(resolve(cwd, arg))) {
    const text = readTextFile(arg, cwd, '评分细则文件');
    const result = parseRubricText(text, arg);
    if (!result.ok) throw invalidRubric(arg, result.errors.map(formatRubricError));
    return { ...result.value, source: arg, builtin: false };
  }
  throw new CliError(`没有 id 为「${arg}」的内置评分细则（可用：${builtinRubricIds.join('、')}；也可以给出评分细则 JSON 文件的路径）`);
}
