/**
 * Writes a scored roster into the workbook that was read: every computed cell of `allOutputs`
 * (unit sheets, 汇总, 排名), located through the same indexes as the inputs. Values only; input
 * cells and everything else in the file are left as they were.
 */
import { cellOf } from '../layout/binding';
import { documentState, stateLine, type DocumentState } from '../layout/document-state';
import { allOutputs, type OutputCell } from '../layout/outputs';
import type { Problem, RosterResult } from '../scoring/types';
import { NAME_PREFIX } from '../layout/plan';
import { toArrayBuffer, type Worksheet } from './exceljs';
import { compactValidations } from './validations';
import type { ReadWorkbookResult } from './read-workbook';

export interface WriteReport {
  written: number;
  /** Outputs whose row or column could not be found (rows deleted by the user), per sheet. */
  problems: Problem[];
}

/**
 * Writes the outputs into `read.workbook` (the parsed copy; the input bytes are not touched), and
 * `extra` cells computed elsewhere (汇总's 自评 columns, src/xlsx/summary-self.ts).
 */
export function writeScores(read: ReadWorkbookResult, result: RosterResult, extra: readonly OutputCell[] = []): WriteReport {
  if (result.units.length !== read.unitKeys.length) throw new Error('计分结果与工作簿的单位数不一致');
  const outputs = [
    ...allOutputs(
      read.rubric,
      read.unitKeys.map((key, i) => ({ key, score: result.units[i] })),
    ),
    ...extra,
  ];
  const lost = new Map<string, number>();
  let written = 0;
  for (const o of outputs) {
    const block = read.blocks.get(o.sheetKey);
    if (!block) continue;
    const at = cellOf(block.index, o.rowKey, o.role);
    if (!at) {
      // A workbook made before a column was added (扣分) does not have it: nothing to write, nothing lost.
      if (o.optional && !block.index.cols.has(o.role)) continue;
      lost.set(o.sheetKey, (lost.get(o.sheetKey) ?? 0) + 1);
      continue;
    }
    const cell = block.worksheet.getCell(block.top + at.row, block.left + at.col);
    if (cell.isMerged && cell.master.address !== cell.address) continue;
    cell.value = o.value;
    written++;
  }
  const problems: Problem[] = [...lost].map(([key, n]) => {
    const ws = read.blocks.get(key)!.worksheet;
    return { severity: 'warning', unit: '', message: `工作表「${ws.name}」有 ${n} 个计分单元格找不到（行或列被删除了？），这些结果未写入` };
  });
  return { written, problems };
}

interface LoadedTable {
  table: { name: string; headerRow?: boolean; style?: Record<string, unknown> | null };
}

/**
 * Tables as exceljs re-reads them can fail to write: a file saved by LibreOffice has no
 * <tableStyleInfo> (exceljs then crashes on the missing style), and a missing headerRowCount (which
 * means 1) is read as "no header row". Our 汇总 table always has its header row.
 */
export function repairTables(ws: Worksheet): void {
  const tables = (ws as unknown as { tables?: Record<string, LoadedTable> }).tables ?? {};
  for (const t of Object.values(tables)) {
    t.table.style ??= {
      theme: 'TableStyleLight1',
      showFirstColumn: false,
      showLastColumn: false,
      showRowStripes: false,
      showColumnStripes: false,
    };
    if (t.table.name.startsWith(NAME_PREFIX)) t.table.headerRow = true;
  }
}

/**
 * The roster's state (草稿：… / 终稿 and any notice) in the middle of the page header of every sheet
 * of the scored workbook, so that a printed page of an unfinished result never looks final. The
 * left and right parts the workbook was made with (文号) are kept.
 */
export function markState(read: ReadWorkbookResult, state: DocumentState): void {
  const center = state.final ? state.notices.join('；') : stateLine(state);
  for (const ws of read.workbook.worksheets) {
    if (ws.state !== 'visible') continue;
    const hf = (ws.headerFooter ??= {} as typeof ws.headerFooter);
    // Sections of a header: &L…, &C…, &R…; the old centre (an earlier run's mark) is replaced.
    const old = hf.oddHeader ?? '';
    const sections = new Map<string, string>();
    for (const m of old.matchAll(/&([LCR])((?:[^&]|&&|&(?![LCR]))*)/g)) sections.set(m[1], m[2]);
    if (!/&[LCR]/.test(old) && old) sections.set('C', old);
    if (center) sections.set('C', center.replace(/&/g, '&&'));
    else sections.delete('C');
    hf.oddHeader = ['L', 'C', 'R']
      .filter((k) => sections.get(k))
      .map((k) => `&${k}${sections.get(k)}`)
      .join('');
    // exceljs reads every sheet as "first page number 1" and writes it back as such, which makes
    // LibreOffice restart 第 &P 页 on each sheet while 共 &N 页 counts the whole workbook. Where
    // the footer counts the workbook (&N), numbering runs on; a sheet whose pages were planned
    // (共 2 页) keeps its own numbering from 1.
    if (/&N/.test(hf.oddFooter ?? '')) delete (ws.pageSetup as { firstPageNumber?: number }).firstPageNumber;
  }
}

/** Writes the scores and serialises the scored workbook. */
export async function scoredWorkbook(
  read: ReadWorkbookResult,
  result: RosterResult,
  state: DocumentState = documentState(result),
  extra: readonly OutputCell[] = [],
): Promise<{ buffer: ArrayBuffer; report: WriteReport }> {
  const report = writeScores(read, result, extra);
  markState(read, state);
  for (const ws of read.workbook.worksheets) {
    // exceljs re-reads validations cell by cell; write them back as clean ranges.
    compactValidations(ws);
    repairTables(ws);
  }
  return { buffer: await toArrayBuffer(read.workbook), report };
}
