/**
 * Bounded work for any .xlsx (issue 13.3): the package reader checks the zip directory's declared
 * sizes and entry count before inflating, inflates in steps that stop at the limit (declared sizes
 * can lie), and never copies media into outputs. A 1 MB file that inflates to 1 GB is refused by
 * the CLI and by file mode's scoreFilledWorkbook, each in a child process measured by
 * /usr/bin/time -v: under 5 s and 300 MB of resident memory.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync, constants as zlibConstants } from 'node:zlib';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { unitKey } from '../../src/layout/workbook-plan';
import { loadBuiltin } from '../../src/rubric/catalog';
import { blankWorkbook } from '../../src/xlsx/blank-workbook';
import { WorkbookError } from '../../src/xlsx/errors';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { DEFAULT_LIMITS, readPackage } from '../../src/xlsx/zip-package';
import { ROOT, runCli } from '../cli/run-cli';
import { fillWorkbook, sampleInputs, scratch } from './helpers';
import { gigabyteOfZeros, zipOfOne } from './zip-bomb';

const MB = 1024 * 1024;

function refusal(run: () => unknown): WorkbookError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookError);
    return e as WorkbookError;
  }
  throw new Error('not refused');
}

describe('the package reader', () => {
  const bomb = gigabyteOfZeros();

  it('the bomb is what it claims: about 1 MB that inflates to 1 GB', () => {
    expect(bomb.data.length).toBeLessThan(1.2 * MB);
    expect(bomb.data.length).toBeGreaterThan(0.5 * MB);
    expect(bomb.size).toBe(1024 * MB);
    // each of the 1,024 blocks really inflates to 1 MB of zeros (the stream is valid deflate)
    const block = bomb.data.subarray(0, (bomb.data.length - 2) / 1024);
    expect(inflateRawSync(block, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).equals(Buffer.alloc(MB))).toBe(true);
  });

  it('refuses a declared size over the limit before inflating anything', () => {
    const started = process.cpuUsage();
    const e = refusal(() => readPackage(zipOfOne('xl/worksheets/sheet1.xml', bomb.data, bomb.crc, bomb.size)));
    expect(e.code).toBe('too-large');
    expect(e.message).toBe('文件过大，不像考核工作簿，未读取：解压后超过 200 MB（目录中声明的大小）');
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(200);
  });

  it('stops inflating a part that grows past its declared size (the directory lied)', () => {
    const e = refusal(() => readPackage(zipOfOne('xl/worksheets/sheet1.xml', bomb.data, bomb.crc, bomb.size, 4096)));
    expect(e.code).toBe('damaged');
    expect(e.message).toBe('文件已损坏：部件 xl/worksheets/sheet1.xml 解压后比目录中声明的 4096 字节大（目录被改动过）');
  });

  it('refuses a part whose content does not match its CRC-32 (a changed byte deflate does not notice)', () => {
    // Stored (not compressed): the changed digit reads as valid XML, only the checksum tells.
    const data = strToU8('<worksheet><sheetData><row r="1"><c r="A1"><v>12</v></c></row></sheetData></worksheet>');
    const zip = zipSync({ 'xl/worksheets/sheet1.xml': [data, { level: 0 }] });
    expect(readPackage(zip).get('xl/worksheets/sheet1.xml')).toEqual(data);
    const at = Buffer.from(zip).indexOf('<v>12') + 3;
    zip[at] = '7'.charCodeAt(0);
    const e = refusal(() => readPackage(zip));
    expect(e.code).toBe('damaged');
    expect(e.message).toBe('文件已损坏：部件 xl/worksheets/sheet1.xml 的校验码不符（文件在保存、下载或复制时被改动过）');
  });

  it('never inflates media, whatever its size', () => {
    const zip = zipOfOne('xl/media/image1.png', bomb.data, bomb.crc, 1000);
    expect(readPackage(zip).size).toBe(0);
  });

  it('refuses more entries than the limit', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= DEFAULT_LIMITS.maxEntries; i++) files[`xl/worksheets/sheet${i}.xml`] = strToU8('<a/>');
    const e = refusal(() => readPackage(zipSync(files, { level: 0 })));
    expect(e.code).toBe('too-large');
    expect(e.message).toBe('文件过大，不像考核工作簿，未读取：包含 10001 个部件，超过上限 10000 个');
  });

  it('the largest real workbook (1,000 units, hegang-2022-departments) is within a third of the limits', async () => {
    const loaded = loadBuiltin('hegang-2022-departments');
    const roster = Array.from({ length: 1000 }, (_, i) => ({ name: `单位${i + 1}`, group: loaded.rubric.ranking.groups[0].id }));
    const { buffer } = await blankWorkbook(loaded, roster);
    let parts = 0;
    let inflated = 0;
    unzipSync(new Uint8Array(buffer), {
      filter: (f) => {
        if (!f.name.endsWith('/')) parts++; // exceljs writes folder entries too
        inflated += f.originalSize;
        return false;
      },
    });
    expect(inflated).toBeLessThan(DEFAULT_LIMITS.maxInflatedBytes / 3);
    expect(parts).toBeLessThan(DEFAULT_LIMITS.maxEntries / 5);
    expect(readPackage(new Uint8Array(buffer)).size).toBe(parts);
  }, 120_000);
});

describe('media are not copied into outputs', () => {
  it('a workbook with an image is scored; neither output carries the image', async () => {
    const loaded = loadBuiltin('hegang-2022-counties');
    const names = [{ name: '萝北县', group: '县区' }];
    const { buffer } = await blankWorkbook(loaded, names);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer);
    fillWorkbook(wb, [unitKey(0)], sampleInputs(loaded.rubric, names, 1));
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const image = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    wb.getWorksheet('萝北县')!.addImage(image, 'M2:N4');
    const withImage = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(Object.keys(unzipSync(withImage))).toContain('xl/media/image1.png');
    const out = await scoreFilledWorkbook(withImage);
    for (const file of [out.scored, out.annex]) {
      const names = Object.keys(unzipSync(new Uint8Array(file)));
      expect(names.filter((n) => /media\/.|drawings\/drawing/.test(n))).toEqual([]);
    }
  });
});

describe('an input file larger than the inflate limit', () => {
  it('is not read at all by the CLI', async () => {
    const dir = scratch('cs-big-');
    writeFileSync(join(dir, 'big.xlsx'), '');
    truncateSync(join(dir, 'big.xlsx'), DEFAULT_LIMITS.maxInflatedBytes + 1); // sparse: no disk used
    const r = await runCli(['annex', 'big.xlsx'], dir);
    expect(r).toEqual({ code: 2, out: '', err: 'credit-score：「big.xlsx」：文件过大，不像考核工作簿，未读取（超过 200 MB）\n' });
  });
});

// ------------------------------------------------------------------ child processes

const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/** Peak resident memory (MB) and wall time (s) of a child process, from /usr/bin/time -v. */
function measured(args: string[], cwd: string) {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr)!;
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  const output = r.stderr.split('\n\tCommand being timed')[0];
  return { status: r.status, rssMb: rssKb / 1024, seconds, stdout: r.stdout, stderr: output };
}

describe('a 1 MB .xlsx that inflates to 1 GB, in a child process', () => {
  const dir = scratch('cs-bomb-');
  const bomb = gigabyteOfZeros();
  const file = join(dir, 'bomb.xlsx');

  beforeAll(() => {
    // The sheet declares its true size (refused from the directory) and the media declares 1 KB
    // (never inflated): both ways in.
    writeFileSync(file, zipOfOne('xl/worksheets/sheet1.xml', bomb.data, bomb.crc, bomb.size));
    writeFileSync(join(dir, 'lying.xlsx'), zipOfOne('xl/worksheets/sheet1.xml', bomb.data, bomb.crc, bomb.size, 1000));
    try {
      execFileSync(process.execPath, [TSC, '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'pipe' });
    } catch (e) {
      // tsc emits on type errors elsewhere; only missing output concerns this test.
      if (!existsSync(join(ROOT, 'lib/src/cli/main.js'))) throw e;
    }
  }, 180_000);

  it.each(['bomb.xlsx', 'lying.xlsx'])('the CLI refuses %s with exit 2 in under 5 s and 300 MB', (name) => {
    const run = measured([join(ROOT, 'bin/credit-score.js'), 'annex', name], dir);
    process.stdout.write(`CLI annex ${name}: ${run.seconds.toFixed(2)} s, ${run.rssMb.toFixed(0)} MB peak RSS\n`);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^credit-score：「${name}」：文件(过大|已损坏)`));
    expect(run.seconds).toBeLessThan(5);
    expect(run.rssMb).toBeLessThan(300);
    expect(existsSync(join(dir, name.replace('.xlsx', '-附件.xlsx')))).toBe(false);
  });

  it.each(['bomb.xlsx', 'lying.xlsx'])('file mode (scoreFilledWorkbook) refuses %s in under 5 s and 300 MB', (name) => {
    const script = `require(${JSON.stringify(join(ROOT, 'lib/src/xlsx/file-mode.js'))}).scoreFilledWorkbook(require('fs').readFileSync(${JSON.stringify(name)})).then(() => process.exit(0), (e) => { process.stderr.write(e.code + ' ' + e.message); process.exit(2); })`;
    const run = measured(['-e', script], dir);
    process.stdout.write(`file mode ${name}: ${run.seconds.toFixed(2)} s, ${run.rssMb.toFixed(0)} MB peak RSS\n`);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^(too-large 文件过大|damaged 文件已损坏)/);
    expect(run.seconds).toBeLessThan(5);
    expect(run.rssMb).toBeLessThan(300);
  });
});
