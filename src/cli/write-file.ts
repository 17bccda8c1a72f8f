/** Writing output files named on the command line, with Chinese errors instead of Node's. */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from './errors';

export function writeBinaryFile(path: string, cwd: string, data: ArrayBuffer, what: string, options: { overwrite: boolean } = { overwrite: true }): string {
  const full = resolve(cwd, path);
  if (!options.overwrite && existsSync(full)) throw new CliError(`${what}「${path}」已存在：换一个文件名，或加 --force 覆盖`);
  try {
    writeFileSync(full, new Uint8Array(data));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? '所在目录不存在' : code === 'EISDIR' ? '这是一个目录' : code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code === 'EBUSY' ? '文件正被其他程序（Excel/WPS）打开' : `写入失败（${code ?? String(e)}）`;
    throw new CliError(`无法写入${what}「${path}」：${why}`, { usage: false });
  }
  return full;
}
