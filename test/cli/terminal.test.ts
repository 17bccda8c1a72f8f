/**
 * Unit names with terminal control sequences (ESC/OSC, C1 CSI, bidi overrides), from a units file or
 * a workbook, are printed escaped by every command: table, problems, errors, and --json stays valid
 * JSON holding the very same name.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratch } from '../xlsx/helpers';
import { runCli } from './run-cli';

const HOSTILE = '县\u001b]0;pwned\u0007公安局\u001b[2J\u009b31m\u202e';
// eslint-disable-next-line no-control-regex -- the test looks for raw control characters
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('control characters in unit names', () => {
  const dir = scratch('cs-term-');
  writeFileSync(
    join(dir, 'units.json'),
    JSON.stringify({
      units: [
        { name: HOSTILE, inputs: {} },
        { name: '萝北县', inputs: {} },
      ],
    }),
  );

  it('score: the table and the problems show the name escaped', async () => {
    const r = await runCli(['score', 'hegang-2022-counties', 'units.json'], dir);
    expect(r.code).toBe(0);
    expect(r.out + r.err).not.toMatch(RAW_CONTROLS);
    expect(r.out).toContain('县\\u001B]0;pwned\\u0007公安局\\u001B[2J\\u009B31m\\u202E');
  });

  it('score --json: valid JSON with the exact name', async () => {
    const r = await runCli(['score', 'hegang-2022-counties', 'units.json', '--json'], dir);
    expect(r.out).not.toMatch(RAW_CONTROLS);
    expect(JSON.parse(r.out).units[0].name).toBe(HOSTILE);
  });

  it('workbook and annex: a roster name with controls is escaped in messages and the table', async () => {
    writeFileSync(join(dir, 'names.txt'), `${HOSTILE}\n萝北县\n`);
    const made = await runCli(['workbook', 'hegang-2022-counties', '--roster', 'names.txt', '-o', 'w.xlsx'], dir);
    expect(made.code).toBe(0);
    expect(made.out + made.err).not.toMatch(RAW_CONTROLS);
    const r = await runCli(['annex', 'w.xlsx', '-o', 'a.xlsx', '--scored', 's.xlsx'], dir);
    expect(r.code).toBe(0);
    expect(r.out + r.err).not.toMatch(RAW_CONTROLS);
    expect(r.out).toContain('\\u001B]0;pwned');
  });
});
