/**
 * Writing the output files of one command, so that no file is ever lost:
 *
 * - an output that is the same file as an input (the same path, a symbolic link to it, a hard link,
 *   or another spelling on a case-insensitive file system) is refused: the check compares device
 *   and inode, not path strings;
 * - an existing file is only replaced with --force;
 * - each output is written to a temporary file in its target folder, flushed to disk, and renamed
 *   over the target only once EVERY output of the command has been written: a full disk or a
 *   failed write leaves the targets as they were (all outputs or none) and removes the temporaries.
 *
 * Errors are Chinese `CliError`s. The file system is a parameter so that tests can make a write
 * fail half-way.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './errors';

/** The parts of node:fs used here (a test passes one whose writes fail). */
export type FileSystem = Pick<
  typeof nodeFs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'statSync' | 'realpathSync'
>;

export interface OutputFile {
  /** As given on the command line (used in messages). */
  path: string;
  /** What it is, in messages: 附件输出文件, 已计分工作簿 … */
  what: string;
  data: ArrayBuffer | Uint8Array;
}

export interface WriteOptions {
  /** Replace existing files (--force). */
  overwrite: boolean;
  /** Files read by the command, never to be replaced, as given on the command line. */
  inputs?: { path: string; what: string }[];
  fs?: FileSystem;
}

/** Device and inode of an existing file (following links), or null. */
function identity(fs: FileSystem, full: string): { dev: number; ino: number } | null {
  try {
    const s = fs.statSync(full);
    return { dev: s.dev, ino: s.ino };
  } catch {
    return null;
  }
}

/**
 * A key naming where a not-yet-existing path would be created: its folder with links resolved, and
 * its name case-folded (two outputs `a.xlsx` and `A.xlsx` are one file on Windows and macOS).
 */
function placeKey(fs: FileSystem, full: string): string {
  let folder = dirname(full);
  try {
    folder = fs.realpathSync(folder);
  } catch {
    // a missing folder is reported when writing
  }
  return `${folder}/${basename(full).normalize('NFC').toLowerCase()}`;
}

function whyNot(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return '所在目录不存在';
    case 'EISDIR':
      return '这是一个目录';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return '没有写入权限';
    case 'EBUSY':
      return '文件正被其他程序（Excel/WPS）打开';
    case 'ENOSPC':
    case 'EDQUOT':
      return '磁盘空间不足';
    default:
      return `写入失败（${code ?? '未知原因'}）`;
  }
}

/** Whether two paths are one file: the same device and inode if both exist, else the same place. */
function sameFile(fs: FileSystem, a: string, b: string): boolean {
  const ia = identity(fs, a);
  const ib = identity(fs, b);
  if (ia && ib) return ia.dev === ib.dev && ia.ino === ib.ino;
  return placeKey(fs, a) === placeKey(fs, b);
}

/** Checks every output against the inputs, each other and existing files; throws a CliError. */
export function checkOutputs(outputs: OutputFile[], cwd: string, options: WriteOptions): void {
  const fs = options.fs ?? nodeFs;
  outputs.forEach((out, i) => {
    const full = resolve(cwd, out.path);
    for (const input of options.inputs ?? [])
      if (sameFile(fs, full, resolve(cwd, input.path)))
        throw new CliError(`${out.what}「${out.path}」与输入的${input.what}是同一个文件：原文件不会被覆盖，请另选文件名`);
    for (const other of outputs.slice(0, i))
      if (sameFile(fs, full, resolve(cwd, other.path)))
        throw new CliError(`${other.what}「${other.path}」和${out.what}「${out.path}」是同一个文件：请分别指定`);
  });
  if (!options.overwrite)
    for (const out of outputs)
      if (identity(fs, resolve(cwd, out.path))) throw new CliError(`${out.what}「${out.path}」已存在：换一个文件名，或加 --force 覆盖`);
}

function writeAll(fs: FileSystem, path: string, data: Uint8Array): void {
  const fd = fs.openSync(path, 'wx', 0o644);
  try {
    for (let at = 0; at < data.length;) at += fs.writeSync(fd, data, at, data.length - at);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes all outputs or none (see the file header). Returns the full paths written.
 */
export function writeOutputs(outputs: OutputFile[], cwd: string, options: WriteOptions): string[] {
  const fs = options.fs ?? nodeFs;
  checkOutputs(outputs, cwd, options);
  const temporaries: string[] = [];
  const removeTemporaries = () => {
    for (const t of temporaries)
      try {
        fs.unlinkSync(t);
      } catch {
        // already gone
      }
  };
  const fulls = outputs.map((o) => resolve(cwd, o.path));
  outputs.forEach((out, i) => {
    const temporary = join(dirname(fulls[i]), `.${basename(fulls[i])}.${process.pid}-${i}.tmp`);
    try {
      temporaries.push(temporary);
      writeAll(fs, temporary, out.data instanceof Uint8Array ? out.data : new Uint8Array(out.data));
    } catch (e) {
      removeTemporaries();
      const none = outputs.length > 1 ? '；没有写出任何文件' : '';
      throw new CliError(`无法写入${out.what}「${out.path}」：${whyNot(e)}${none}`, { usage: false });
    }
  });
  outputs.forEach((out, i) => {
    try {
      fs.renameSync(temporaries[i], fulls[i]);
    } catch (e) {
      removeTemporaries();
      throw new CliError(`无法写入${out.what}「${out.path}」：${whyNot(e)}`, { usage: false });
    }
  });
  return fulls;
}

/** One output file (the blank workbook): same rules as writeOutputs. */
export function writeBinaryFile(
  path: string,
  cwd: string,
  data: ArrayBuffer,
  what: string,
  options: { overwrite: boolean } = { overwrite: true },
): string {
  return writeOutputs([{ path, what, data }], cwd, options)[0];
}
