/** Reading files named on the command line, with Chinese errors instead of Node's. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, errorMessage } from './errors';

/** Reads a UTF-8 text file (BOM removed). `what` names the file in errors, e.g. "单位文件". */
export function readTextFile(path: string, cwd: string, what: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(cwd, path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? '文件不存在'
        : code === 'EISDIR'
          ? '这是一个目录，不是文件'
          : code === 'EACCES' || code === 'EPERM'
            ? '没有读取权限'
            : `读取失败（${code ?? errorMessage(e)}）`;
    throw new CliError(`无法读取${what}「${path}」：${why}`);
  }
  // UTF-16 (Windows Notepad's "Unicode"): a byte-order mark, or NUL bytes between ASCII characters.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.subarray(0, 64).includes(0))
    throw new CliError(`${what}「${path}」是 UTF-16 编码（记事本的“Unicode”），请用编辑器另存为 UTF-8`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${what}「${path}」不是 UTF-8 编码（可能是 GBK），请用编辑器另存为 UTF-8`);
  }
  return text.replace(/^\uFEFF/, '');
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

/** Parses JSON text; a syntax error names the file and the line and column. */
export function parseJsonText(text: string, path: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = errorMessage(e);
    const pos = /position (\d+)/.exec(msg);
    const at = pos ? lineColumn(text, Number(pos[1])) : text.trim() === '' ? null : lineColumn(text, text.length);
    const where = text.trim() === '' ? '（文件是空的）' : at ? `（第 ${at.line} 行第 ${at.column} 列附近）` : '';
    throw new CliError(`${what}「${path}」不是有效的 JSON${where}：${msg}`);
  }
}

export function readJsonFile(path: string, cwd: string, what: string): unknown {
  return parseJsonText(readTextFile(path, cwd, what), path, what);
}
