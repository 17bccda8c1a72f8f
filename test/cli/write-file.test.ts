/**
 * Files are never lost (issue 13.2): outputs that are the input through a symbolic or hard link are
 * refused (device and inode, not path strings), `annex` needs --force to replace a file, and a
 * failed write (a full disk) leaves every target as it was: all outputs of one command or none.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkOutputs, writeOutputs, type FileSystem } from '../../src/cli/write-file';
import { CliError } from '../../src/cli/errors';
import { scratch } from '../xlsx/helpers';
import { runCli } from './run-cli';

/** A folder with a filled two-unit workbook (made and filled by the CLI's own commands). */
async function workbookDir(): Promise<string> {
  const dir = scratch('cs-write-');
  writeFileSync(join(dir, 'names.txt'), '萝北县\n绥滨县\n');
  const made = await runCli(['workbook', 'hegang-2022-counties', '--roster', 'names.txt', '-o', 'in.xlsx'], dir);
  expect(made.code).toBe(0);
  return dir;
}

const refusedWith = async (dir: string, argv: string[]) => {
  const before = readFileSync(join(dir, 'in.xlsx'));
  const r = await runCli(argv, dir);
  expect(r.code).toBe(2);
  expect(readFileSync(join(dir, 'in.xlsx')).equals(before)).toBe(true);
  return r.err.split('\n')[0];
};

describe('the same-file check compares device and inode', () => {
  it('annex -o through a symbolic link to the input is refused; the input is untouched', async () => {
    const dir = await workbookDir();
    symlinkSync(join(dir, 'in.xlsx'), join(dir, 'link.xlsx'));
    expect(await refusedWith(dir, ['annex', 'in.xlsx', '-o', 'link.xlsx', '--force'])).toBe(
      'credit-score：附件输出文件「link.xlsx」与输入的工作簿是同一个文件：原文件不会被覆盖，请另选文件名',
    );
  });

  it('--scored through a hard link to the input is refused', async () => {
    const dir = await workbookDir();
    linkSync(join(dir, 'in.xlsx'), join(dir, 'hard.xlsx'));
    expect(await refusedWith(dir, ['annex', 'in.xlsx', '--scored', 'hard.xlsx', '--force'])).toBe(
      'credit-score：已计分工作簿「hard.xlsx」与输入的工作簿是同一个文件：原文件不会被覆盖，请另选文件名',
    );
  });

  it('the input named through a linked folder is refused', async () => {
    const dir = await workbookDir();
    symlinkSync(dir, join(dir, 'again'));
    expect(await refusedWith(dir, ['annex', 'again/in.xlsx', '-o', 'in.xlsx', '--force'])).toMatch(/与输入的工作簿是同一个文件/);
  });

  it('two outputs that differ only in letter case are one file on Windows and macOS: refused everywhere', () => {
    const dir = scratch('cs-case-');
    expect(() =>
      checkOutputs(
        [
          { path: 'Out.xlsx', what: '已计分工作簿', data: new Uint8Array() },
          { path: 'out.XLSX', what: '附件输出文件', data: new Uint8Array() },
        ],
        dir,
        { overwrite: true },
      ),
    ).toThrow('已计分工作簿「Out.xlsx」和附件输出文件「out.XLSX」是同一个文件：请分别指定');
  });
});

describe('annex replaces a file only with --force, like workbook', () => {
  it('refuses an existing annex or scored file; --force replaces both', async () => {
    const dir = await workbookDir();
    writeFileSync(join(dir, 'annex.xlsx'), 'someone’s file');
    const r = await runCli(['annex', 'in.xlsx', '-o', 'annex.xlsx', '--scored', 'scored.xlsx'], dir);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('credit-score：附件输出文件「annex.xlsx」已存在：换一个文件名，或加 --force 覆盖');
    expect(readFileSync(join(dir, 'annex.xlsx'), 'utf8')).toBe('someone’s file');
    expect(existsSync(join(dir, 'scored.xlsx'))).toBe(false);
    const forced = await runCli(['annex', 'in.xlsx', '-o', 'annex.xlsx', '--scored', 'scored.xlsx', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'annex.xlsx')).subarray(0, 2).toString()).toBe('PK');
    // no temporary file is left behind
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

// ------------------------------------------------------------------ failing writes

/** node:fs whose writes fail with ENOSPC once `budget` bytes have been written in total. */
function diskOf(budget: number): FileSystem {
  let left = budget;
  return {
    ...fs,
    writeSync: ((fd: number, data: Uint8Array, offset: number, length: number) => {
      if (left <= 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      const n = Math.min(length, left, 4096);
      left -= n;
      return fs.writeSync(fd, data, offset, n);
    }) as FileSystem['writeSync'],
  };
}

describe('all outputs or none', () => {
  const first = new Uint8Array(20_000).fill(1);
  const second = new Uint8Array(20_000).fill(2);
  const outputs = [
    { path: 'scored.xlsx', what: '已计分工作簿', data: first },
    { path: 'annex.xlsx', what: '附件输出文件', data: second },
  ];

  it('a write failing in the second file leaves both targets as they were and no temporary file', () => {
    const dir = scratch('cs-full-');
    writeFileSync(join(dir, 'scored.xlsx'), 'old scored');
    writeFileSync(join(dir, 'annex.xlsx'), 'old annex');
    let error: unknown;
    try {
      writeOutputs(outputs, dir, { overwrite: true, fs: diskOf(30_000) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe('无法写入附件输出文件「annex.xlsx」：磁盘空间不足；没有写出任何文件');
    expect(readFileSync(join(dir, 'scored.xlsx'), 'utf8')).toBe('old scored');
    expect(readFileSync(join(dir, 'annex.xlsx'), 'utf8')).toBe('old annex');
    expect(readdirSync(dir).sort()).toEqual(['annex.xlsx', 'scored.xlsx']);
  });

  it('with room for both, both are written', () => {
    const dir = scratch('cs-room-');
    writeOutputs(outputs, dir, { overwrite: false, fs: diskOf(40_000) });
    expect(readFileSync(join(dir, 'scored.xlsx')).equals(Buffer.from(first))).toBe(true);
    expect(readFileSync(join(dir, 'annex.xlsx')).equals(Buffer.from(second))).toBe(true);
  });
});

/** Mounts a tmpfs of `bytes` (as root); null where mounting is not allowed. */
function tinyDisk(bytes: number): string | null {
  const dir = scratch('cs-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'pipe' });
    return dir;
  } catch {
    return null;
  }
}

describe('a full disk, through the command line', () => {
  it('annex on a disk with room for the scored workbook but not the annex writes neither', async () => {
    const dir = await workbookDir();
    // Sizes of the two outputs, written once where there is room.
    expect((await runCli(['annex', 'in.xlsx', '-o', 'a.xlsx', '--scored', 's.xlsx'], dir)).code).toBe(0);
    const scoredSize = statSync(join(dir, 's.xlsx')).size;
    const annexSize = statSync(join(dir, 'a.xlsx')).size;
    const page = 4096;
    const room = Math.ceil(scoredSize / page) * page + Math.floor(annexSize / 2 / page) * page;
    const disk = tinyDisk(room);
    if (disk) {
      // A real tmpfs (root): the kernel refuses the second file part-way.
      try {
        const r = await runCli(['annex', 'in.xlsx', '-o', join(disk, 'a.xlsx'), '--scored', join(disk, 's.xlsx')], dir);
        expect(r.code).toBe(2);
        expect(r.err.split('\n')[0]).toBe(`credit-score：无法写入附件输出文件「${join(disk, 'a.xlsx')}」：磁盘空间不足；没有写出任何文件`);
        expect(readdirSync(disk)).toEqual([]);
      } finally {
        execFileSync('umount', [disk]);
      }
    } else {
      // Not root: the same command's outputs through a file system that fills up at the same point.
      mkdirSync(join(dir, 'full'));
      let error: unknown;
      try {
        writeOutputs(
          [
            { path: 'full/s.xlsx', what: '已计分工作簿', data: readFileSync(join(dir, 's.xlsx')) },
            { path: 'full/a.xlsx', what: '附件输出文件', data: readFileSync(join(dir, 'a.xlsx')) },
          ],
          dir,
          { overwrite: false, fs: diskOf(room) },
        );
      } catch (e) {
        error = e;
      }
      expect((error as CliError).message).toBe('无法写入附件输出文件「full/a.xlsx」：磁盘空间不足；没有写出任何文件');
      expect(readdirSync(join(dir, 'full'))).toEqual([]);
    }
  });
});
