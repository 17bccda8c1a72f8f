/**
 * The file-mode round trip for every built-in rubric, through the command line:
 *   credit-score workbook <id> --roster names.txt -o blank.xlsx
 *   → filled by a script with exceljs (full-width digits, "85%" typed as 0.85 with a percent
 *     format, 是/否, a blank, 不涉及, bonus, fraud) through the defined names and key column
 *   → credit-score annex filled.xlsx -o annex.xlsx --scored scored.xlsx
 * and every computed cell of the scored workbook, and every score of the annex, read back with
 * SheetJS, equals scoreRoster() on the same inputs. No cell of any of the files has a formula; the
 * filled file is not modified.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { cellOf } from '../../src/layout/binding';
import { documentCell, documentColumns } from '../../src/layout/doc-columns';
import { documentState, rankText } from '../../src/layout/document-state';
import { allOutputs, rankOrder } from '../../src/layout/outputs';
import { allocateSheetNames } from '../../src/layout/sheet-names';
import { unitKey } from '../../src/layout/workbook-plan';
import { builtinRubricIds, loadBuiltin } from '../../src/rubric/catalog';
import type { Rubric } from '../../src/rubric/schema';
import { scoreRoster } from '../../src/scoring/score';
import type { RankedUnit, RosterResult } from '../../src/scoring/types';
import { runCli } from '../cli/run-cli';
import {
  fillParameters,
  fillWorkbook,
  formulaCells,
  overlappingValidations,
  readBook,
  sampleInputs,
  sampleParameters,
  scratch,
  sheetGrid,
  sheetJsBlock,
  sheetXml,
  zipParts,
} from './helpers';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function roster(rubric: Rubric) {
  if (rubric.defaultRoster) return rubric.defaultRoster.map((u) => ({ name: u.name, group: u.group }));
  const groups = rubric.ranking.groups;
  return ['东城区', '西城区', '南山县', '北湖县', '中原区'].map((name, i) => ({ name, group: groups[i % groups.length].id }));
}

/** Finds the row (0-based) at or after `from` whose column `col` equals `value`. */
function findRow(grid: (string | number | boolean | null)[][], col: number, value: unknown, from = 0): number {
  for (let r = from; r < grid.length; r++) if (grid[r][col] === value) return r;
  return -1;
}

/** Differences of scores at 2 decimals (the scores themselves are exact to 2 decimals). */
const hundredths = (x: number) => Math.round(x * 100) / 100 + 0;

function checkAnnexUnitSheet(rubric: Rubric, ws: XLSX.WorkSheet, u: RankedUnit, result: RosterResult) {
  const grid = sheetGrid(ws);
  const headerRow = grid.findIndex((r) => r.includes('计分说明'));
  expect(headerRow).toBeGreaterThan(0);
  const col = (h: string) => grid[headerRow].indexOf(h);
  const scoreCol = col('得分');
  expect(scoreCol).toBeGreaterThan(0);
  const deductCol = col('扣分');
  expect(deductCol >= 0).toBe(rubric.aggregation.mode === 'deduct_from_base');
  if (deductCol >= 0) expect(deductCol).toBe(scoreCol + 1);
  expect(grid.slice(0, headerRow).flat().join('')).toContain(`被考核单位：${u.name}`);
  let at = headerRow + 1;
  // The document's own columns (rubric.table.columns): the first one that names the item finds its row.
  const docCols = documentColumns(rubric);
  const byCategory = docCols.some((d) => d.from === 'category');
  const finder = docCols.findIndex((d) => d.from !== 'category' && d.from !== 'deduction');
  for (const cat of rubric.categories) {
    const single = cat.indicators.length === 1 && cat.indicators[0].id === cat.id;
    const checkSubtotal = (r: number) => {
      expect(r).toBeGreaterThanOrEqual(at);
      const allExcluded = cat.indicators.every((i) => u.items[i.id].status === 'excluded');
      expect(grid[r][scoreCol]).toBe(allExcluded ? '不计' : (u.categories[cat.id]?.score ?? null));
      if (deductCol >= 0) {
        const c = u.categories[cat.id];
        expect(grid[r][deductCol]).toBe(c && c.score !== null && c.max !== null ? hundredths(c.max - c.score) : null);
      }
      at = r + 1;
    };
    if (!single && !byCategory)
      checkSubtotal(
        grid.findIndex((row, i) => i >= at && typeof row[0] === 'string' && row[0].startsWith(cat.number) && row[0].includes(cat.name)),
      );
    for (const ind of cat.indicators) {
      const key = documentCell(docCols[finder], ind, cat, ind.points ?? u.items[ind.id].max ?? '—');
      const r = findRow(grid, finder, key, at);
      expect(r).toBeGreaterThanOrEqual(at);
      const item = u.items[ind.id];
      expect(grid[r][scoreCol]).toBe(item.status === 'excluded' ? '不计' : item.score);
      expect(grid[r][col('计分说明')]).toBe(item.reason);
      // 扣分 = the item's points − its score; 0 where 不涉及 keeps full points; blank while unscored.
      if (deductCol >= 0)
        expect(grid[r][deductCol]).toBe(
          item.status === 'not_applicable' ? 0 : item.status === 'scored' ? hundredths(item.max! - item.score!) : null,
        );
      at = r + 1;
    }
    if (!single && byCategory) checkSubtotal(grid.findIndex((row, i) => i >= at && row.includes('小计')));
  }
  const foot = (label: string) => grid[findRow(grid, 0, label, at)]?.[scoreCol];
  expect(foot('最终得分')).toBe(u.final);
  // 鹤岗 does not rank: its annex says 参考名次.
  // In a draft (some unit unfinished) every rank is printed as provisional.
  expect(foot(rubric.ranking.purpose === 'reference' ? '参考名次' : '名次')).toBe(rankText(u.rank, documentState(result)));
  if (rubric.aggregation.mode === 'deduct_from_base') {
    const baseRow = findRow(grid, 0, `基础得分（${rubric.aggregation.base} 分减扣分）`, at);
    expect(baseRow).toBeGreaterThan(0);
    expect(grid[baseRow][deductCol]).toBe(u.base === null ? null : hundredths(rubric.aggregation.base - u.base));
  }
  if (rubric.bands) expect(foot('考核等次')).toBe(u.band);
}

function checkAnnexSummaryAndRank(rubric: Rubric, annex: XLSX.WorkBook, result: RosterResult) {
  const state = documentState(result);
  const rankHeader = rubric.ranking.purpose === 'reference' ? '参考名次' : '名次';
  const summary = sheetGrid(annex.Sheets['汇总']);
  const header = findRow(summary, 0, '序号');
  const h = (name: string) => summary[header].indexOf(name);
  result.units.forEach((u, i) => {
    const row = summary[header + 1 + i];
    expect(row[h('被考核单位')]).toBe(u.name);
    expect(row[h('最终得分')]).toBe(u.final);
    expect(row[h(rankHeader)]).toBe(rankText(u.rank, state));
    if (rubric.bands) expect(row[h('等次')]).toBe(u.band);
    for (const c of rubric.categories) {
      const allExcluded = c.indicators.every((i) => u.items[i.id].status === 'excluded');
      const cell = row[summary[header].findIndex((x) => typeof x === 'string' && x.startsWith(c.number) && x.includes(c.name))];
      expect(cell).toBe(allExcluded ? '不计' : (u.categories[c.id]?.score ?? null));
    }
  });
  const rank = sheetGrid(annex.Sheets['排名']);
  // A document that does not rank: the 排名 sheet says so above the table, and only then.
  expect(rank.flat().includes('注：文件未规定排名，名次仅供参考。')).toBe(rubric.ranking.purpose === 'reference');
  let at = 0;
  for (const [, members] of rankOrder(rubric, result.units)) {
    if (members.length === 0) continue;
    const hr = findRow(rank, 0, rankHeader, at);
    expect(hr).toBeGreaterThanOrEqual(at);
    members.forEach((u, i) => {
      expect(rank[hr + 1 + i].slice(0, 3)).toEqual([rankText(u.rank, state), u.name, u.final]);
    });
    at = hr + 1 + members.length;
  }
}

describe.each(builtinRubricIds)('round trip of %s', (id) => {
  const { rubric } = loadBuiltin(id);
  const names = roster(rubric);
  const inputs = sampleInputs(rubric, names, 20261124);
  const expected = scoreRoster(rubric, inputs, sampleParameters(rubric));
  const dir = scratch();
  const file = (n: string) => join(dir, n);
  let filledSha = '';

  beforeAll(async () => {
    const groupLabel = (g: string) => rubric.ranking.groups.find((x) => x.id === g)!.label;
    // Group by label on some lines, by id on others, none (the default group) where possible; an empty line.
    const lines = names.map((u, i) =>
      i === 0 && u.group === rubric.ranking.groups[0].id ? u.name : `${u.name}\t${i % 2 ? groupLabel(u.group) : u.group}`,
    );
    writeFileSync(file('names.txt'), `${lines.slice(0, 1).join('\n')}\n\n${lines.slice(1).join('\n')}\n`);
    const made = await runCli(['workbook', id, '--roster', 'names.txt', '-o', 'blank.xlsx'], dir);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file('blank.xlsx'));
    fillWorkbook(
      wb,
      names.map((_, i) => unitKey(i)),
      inputs,
    );
    if (rubric.parameters) fillParameters(wb, sampleParameters(rubric)); // 朝阳's item points, set once
    await wb.xlsx.writeFile(file('filled.xlsx'));
    filledSha = sha(file('filled.xlsx'));

    const scored = await runCli(['annex', 'filled.xlsx', '-o', 'annex.xlsx', '--scored', 'scored.xlsx', '--date', '2026-11-24'], dir);
    expect(scored.err).toBe('');
    expect(scored.code).toBe(0);
  }, 120_000);

  it('scores a realistic mix: scored units, an incomplete one', () => {
    expect(expected.units.filter((u) => u.final !== null).length).toBeGreaterThanOrEqual(2);
    expect(expected.units[1].final).toBeNull();
  });

  it('leaves the filled workbook untouched', () => {
    expect(sha(file('filled.xlsx'))).toBe(filledSha);
  });

  it('keeps every input cell’s drop-down in the scored workbook, without overlapping ranges', () => {
    const before = sheetXml(zipParts(readFileSync(file('blank.xlsx'))));
    const after = sheetXml(zipParts(readFileSync(file('scored.xlsx'))));
    const count = (xml: string) =>
      [...xml.matchAll(/sqref="([^"]+)"/g)]
        .flatMap((m) => m[1].split(' '))
        .reduce((n, ref) => {
          const r = XLSX.utils.decode_range(ref);
          return n + (r.e.r - r.s.r + 1) * (r.e.c - r.s.c + 1);
        }, 0);
    for (const [name, xml] of after) {
      expect({ name, overlaps: overlappingValidations(xml) }).toEqual({ name, overlaps: [] });
      // A sheet the scoring adds (the very hidden _cs_inputs snapshot) has no drop-down at all.
      expect(count(xml)).toBe(count(before.get(name) ?? ''));
    }
  });

  it('has no formula in any cell of the blank, scored and annex workbooks', () => {
    for (const n of ['blank.xlsx', 'filled.xlsx', 'scored.xlsx', 'annex.xlsx'])
      expect({ n, f: formulaCells(readBook(readFileSync(file(n)))) }).toEqual({ n, f: [] });
  });

  it('writes exactly the engine’s values into every computed cell (items, categories, totals, bands, ranks)', () => {
    const book = readBook(readFileSync(file('scored.xlsx')));
    const keys = names.map((_, i) => unitKey(i));
    const outputs = allOutputs(
      rubric,
      keys.map((key, i) => ({ key, score: expected.units[i] })),
    );
    const blocks = new Map<string, ReturnType<typeof sheetJsBlock>>();
    const mismatches: string[] = [];
    for (const o of outputs) {
      if (!blocks.has(o.sheetKey)) blocks.set(o.sheetKey, sheetJsBlock(book, o.sheetKey));
      const b = blocks.get(o.sheetKey)!;
      const at = cellOf(b.index, o.rowKey, o.role);
      const got = at ? b.grid[at.row][at.col] : undefined;
      if (got !== o.value) mismatches.push(`${b.sheetName} ${o.rowKey} ${o.role}: ${String(got)} ≠ ${String(o.value)}`);
    }
    expect(mismatches).toEqual([]);
    // the inputs are still there, untouched
    const b = sheetJsBlock(book, keys[0]);
    expect(b.grid.some((row) => row[b.index.cols.get('input')!] !== null)).toBe(true);
  });

  it('the annex shows the engine’s scores on every unit sheet, 汇总 and 排名', () => {
    const annex = readBook(readFileSync(file('annex.xlsx')));
    const sheetNames = allocateSheetNames(
      names.map((n) => n.name),
      ['汇总', '排名'],
    );
    expect(annex.SheetNames).toEqual(['汇总', '排名', ...sheetNames]);
    expected.units.forEach((u, i) => checkAnnexUnitSheet(rubric, annex.Sheets[sheetNames[i]], u, expected));
    checkAnnexSummaryAndRank(rubric, annex, expected);
  });

  it('the scored workbook scores the same when read again (idempotent)', async () => {
    const { readWorkbook } = await import('../../src/xlsx/read-workbook');
    const again = await readWorkbook(readFileSync(file('scored.xlsx')));
    expect(scoreRoster(again.rubric, again.units, again.parameters)).toEqual(expected);
  });
});
