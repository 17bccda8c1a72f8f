/**
 * Creating the workbook when a sync fails: every sync of applyPlan is failed in turn. Either the
 * failure came after the metadata sheet was written, and the complete workbook is bound and
 * scored, or the sheets and names made so far are removed and 生成评分表 simply works again.
 */
import { createExcelController } from '../../src/excel/excel-controller';
import { loadBuiltin } from '../../src/rubric/catalog';
import { META_SHEET } from '../../src/layout/plan';
import { cleanup, newHost } from './helpers';
import type { ExcelHost } from '../excel-host';

afterEach(() => cleanup());

// 36 units: the sheets go out in several requests, so early failures leave sheets behind (issue 13: 18 or 33).
const roster = loadBuiltin('hengdong-2020-members').rubric.defaultRoster!;
const noProgress = () => undefined;

/** Fails the n-th sync that carries actions (1-based) from now on. */
function failSync(host: ExcelHost, n: number) {
  const execute = host._execute.bind(host);
  let count = 0;
  host._execute = async (ctx, ops) => {
    if (ops.length > 0 && ++count === n) host.failNextSync();
    return execute(ctx, ops);
  };
}

async function syncsOfCreation(): Promise<number> {
  const host = await newHost('1.8');
  const controller = createExcelController();
  await controller.ready;
  const before = host.syncCount;
  await controller.createWorkbook('hengdong-2020-members', roster, noProgress);
  const n = host.syncCount - before;
  cleanup();
  return n;
}

describe('creation interrupted at each sync', () => {
  it('is either complete and bound, or rolled back so that it can be made again', async () => {
    const total = await syncsOfCreation();
    expect(total).toBeGreaterThan(3);
    const outcomes: string[] = [];
    for (let n = 1; n <= total; n++) {
      const host = await newHost('1.8');
      const controller = createExcelController();
      await controller.ready;
      failSync(host, n);
      const result = await controller.createWorkbook('hengdong-2020-members', roster, noProgress).then(
        () => 'done',
        (e: Error) => e.message,
      );
      if (result === 'done') {
        // Late failure: the workbook is complete and scored.
        expect(controller.session()).not.toBeNull();
        expect(host.sheetNames()).toEqual(expect.arrayContaining(['汇总', '排名', META_SHEET, ...roster.map((r) => r.name)]));
        outcomes.push('bound');
      } else {
        expect(result).toContain('已撤销本次生成的工作表');
        expect(host.sheetNames()).toEqual(['Sheet1']);
        expect(host.names()).toEqual([]);
        await controller.createWorkbook('hengdong-2020-members', roster, noProgress);
        expect(controller.session()).not.toBeNull();
        outcomes.push('rolled back, made again');
      }
      cleanup();
    }
    // Both kinds happen: early syncs roll back, the last ones leave a complete workbook.
    expect(outcomes).toContain('bound');
    expect(outcomes).toContain('rolled back, made again');
  });
});
