/**
 * A 核减原因 typed in 核查清单 while a round runs (after the round read the sheets, before it writes)
 * on a line that round moves is not lost: the write's own request loads the reason cells it is about
 * to overwrite, and a reason found there that the session did not know is kept by the line's key
 * and written to the line's new row by the next round.
 *
 * 衡东, three units, 核定 and 自评 FULL except 县公安局's 自评 of 六 (6 reports, 核定 4): one line,
 * row 4. 县发改局 (first in the roster) then claims 6 too: its line comes first, 县公安局's moves to row 5.
 */
import { REVIEW_SHEET } from '../../src/layout/review';
import { loadBuiltin } from '../../src/rubric/catalog';
import type { ExcelHost } from '../excel-host';
import { bind, cleanup, makeWorkbook, newHost, pasteFull, valueAt } from './helpers';
import { addSelfColumns, pasteSelf, selfAt } from './self-helpers';

afterEach(() => cleanup());

const HD = loadBuiltin('hengdong-2020-members').rubric;
const ROSTER = HD.defaultRoster!.slice(0, 3);
const POLICE = '县公安局';
const REASON = '现场核查：台账只有 4 份报告';

/** Runs `during` just before the host applies the next request that carries anything (the round's write). */
function beforeSync(host: ExcelHost, nth: number, during: () => void): void {
  const original = host._execute.bind(host);
  let seen = 0;
  host._execute = async (ctx, ops) => {
    if (ops.length > 0 && ++seen === nth) during();
    return original(ctx, ops);
  };
}

it.each(['1.8', '1.14'] as const)(
  'a reason typed while a round moves its line is kept, on the line’s new row (ExcelApi %s)',
  async (api) => {
    const host = await newHost(api);
    await makeWorkbook(host, 'hengdong-2020-members', ROSTER);
    for (let i = 1; i <= 3; i++) await addSelfColumns(host, `U000${i}`);
    for (const u of ROSTER) {
      pasteFull(host, u.name);
      pasteSelf(host, u.name, u.name === POLICE ? { '六|reports': 6 } : {});
    }
    await host.flushEvents();
    const session = await bind(host);
    expect(valueAt(host, REVIEW_SHEET, 'B4')).toBe(POLICE);
    // The round of this edit reads (request 1), then writes (request 2); the reason is typed in between, on row 4.
    host.userEdit(ROSTER[0].name, selfAt(host, ROSTER[0].name, '六', 'reports'), [[6]]);
    beforeSync(host, 2, () => host.userEdit(REVIEW_SHEET, 'G4', [[REASON]]));
    await host.flushEvents();
    await host.flushEvents();
    expect(valueAt(host, REVIEW_SHEET, 'B4')).toBe(ROSTER[0].name);
    expect(valueAt(host, REVIEW_SHEET, 'B5')).toBe(POLICE);
    expect(valueAt(host, REVIEW_SHEET, 'G5')).toBe(REASON);
    expect(valueAt(host, REVIEW_SHEET, 'G4')).toBe('');
    expect(session.status().review!.find((l) => l.unit === POLICE)?.reason).toBe(REASON);
    // Kept through 重新计分 (read from the sheet).
    await session.rescoreAll();
    expect(valueAt(host, REVIEW_SHEET, 'G5')).toBe(REASON);
  },
);
