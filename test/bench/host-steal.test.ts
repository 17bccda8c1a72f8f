import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseProcStat, readCpuTimes, stealPercent } from '../../bench/host-steal';

// The first lines of /proc/stat as this machine printed them on 2026-12-03.
const SAMPLE = [
  'cpu  998108 3264 62328 9057545 4875 0 3063 74611 0 0',
  'cpu0 499001 1600 31000 4528000 2400 0 1500 37000 0 0',
  'intr 1 2 3',
].join('\n');

describe('host steal time (/proc/stat)', () => {
  it('reads the aggregate cpu line: busy = user + nice + system + irq + softirq, and steal', () => {
    // 998108 + 3264 + 62328 + 0 + 3063 = 1066763; idle and iowait are not busy
    expect(parseProcStat(SAMPLE)).toEqual({ busy: 1066763, steal: 74611 });
  });

  it('gives null for text without a full cpu line', () => {
    expect(parseProcStat('intr 1 2 3')).toBeNull();
    expect(parseProcStat('cpu  1 2 3 4 5 6 7')).toBeNull(); // no steal column
    expect(parseProcStat('cpu  1 2 x 4 5 6 7 8')).toBeNull();
  });

  it('the share of the wanted CPU time the host took between two readings', () => {
    // busy +600, steal +400: 400 / (600 + 400) = 40 %
    expect(stealPercent({ busy: 1000, steal: 100 }, { busy: 1600, steal: 500 })).toBe(40);
    // busy +1873, steal +1144 (an engine run on 2026-12-03): 1144 / 3017 = 37.9 %
    expect(stealPercent({ busy: 0, steal: 0 }, { busy: 1873, steal: 1144 })).toBe(37.9);
    expect(stealPercent({ busy: 5, steal: 5 }, { busy: 5, steal: 5 })).toBeNull(); // nothing ran
    expect(stealPercent(null, { busy: 5, steal: 5 })).toBeNull();
  });

  it('reads a file, and gives null where there is none (not Linux)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'steal-'));
    writeFileSync(join(dir, 'stat'), SAMPLE);
    expect(readCpuTimes(join(dir, 'stat'))).toEqual({ busy: 1066763, steal: 74611 });
    expect(readCpuTimes(join(dir, 'missing'))).toBeNull();
  });
});
