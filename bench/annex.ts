/**
 * Annex benchmark: time to build and serialise the official annex (src/xlsx/annex.ts: plan,
 * exceljs workbook, .xlsx bytes) for 36 scored units (衡东's roster size) on every built-in rubric,
 * reporting the worst as units36Ms, and for 1,000 scored units on the rubric with the largest table
 * (most indicator and input rows), with the file size. Scoring is outside the timed part.
 *
 * `vsStreamWriter` (issue 15.2): the 1,000-unit export's CPU time divided by exceljs' own streaming
 * writer (`ExcelJS.stream.xlsx.WorkbookWriter`, which zips with Node's zlib through archiver)
 * writing the same planned cells, styles, merges and print settings; both plan the annex inside
 * the timed part, runs interleaved in one process. Goal ≤ 1.0.
 */
import { loadavg } from 'node:os';
import { PassThrough } from 'node:stream';
import * as zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { planAnnex, type AnnexUnit } from '../src/layout/annex-plan';
import { builtinRubricIds, loadBuiltin } from '../src/rubric/catalog';
import type { Rubric } from '../src/rubric/schema';
import { scoreRoster } from '../src/scoring/score';
import { annexBuffer, annexUnits } from '../src/xlsx/annex';
import { styleTable } from '../src/xlsx/style-map';
import { useNodeZlib } from '../src/xlsx/zip-writer';
import { formatMeasurements, measure, median, type Measurement, type MeasureOptions } from './harness';
import { randomParameters, randomRoster } from './random-inputs';

// As the command line does: native deflate in Node.
useNodeZlib(zlib);

const SEED = 20261124;
const DATE = '2026年11月24日';

function scoredUnits(rubric: Rubric, size: number) {
  const units = randomRoster(rubric, size, SEED);
  return annexUnits(units, scoreRoster(rubric, units, randomParameters(rubric, SEED)).units);
}

const tableSize = (r: Rubric) => r.categories.reduce((n, c) => n + 1 + c.indicators.reduce((m, i) => m + 1 + i.fields.length, 0), 0);

const hf = (t: string) => t.replace(/&/g, '&&');

/**
 * The baseline: the same annex plan written through exceljs' streaming writer, with the settings
 * src/xlsx/apply-plan.ts gives each sheet.
 */
export async function streamWriterAnnex(rubric: Rubric, units: AnnexUnit[], date: string): Promise<number> {
  const plan = planAnnex(rubric, units, { date });
  const styles = styleTable(plan.styles);
  const sink = new PassThrough();
  let bytes = 0;
  sink.on('data', (chunk: Buffer) => (bytes += chunk.length));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  for (const sheet of plan.sheets) {
    const frozen = sheet.freezeRows > 0;
    const ws = wb.addWorksheet(sheet.name, {
      properties: { defaultColWidth: 9 } as ExcelJS.WorksheetProperties,
      views: [
        {
          ...(frozen ? { state: 'frozen' as const, xSplit: 0, ySplit: sheet.freezeRows } : { state: 'normal' as const }),
          showGridLines: !sheet.hideGridLines,
        },
      ],
      pageSetup: {
        paperSize: 9,
        orientation: sheet.landscape ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
        ...(sheet.printTitleRows ? { printTitlesRow: `${sheet.printTitleRows[0] + 1}:${sheet.printTitleRows[1] + 1}` } : {}),
      },
      headerFooter: {
        oddHeader: `${sheet.header ? `&L${hf(sheet.header)}` : ''}${sheet.headerRight ? `&R${hf(sheet.headerRight)}` : ''}`,
        oddFooter: '&C第 &P 页 共 &N 页',
      } as ExcelJS.HeaderFooter,
    });
    sheet.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width;
    });
    for (const [r, h] of Object.entries(sheet.rowHeights)) ws.getRow(Number(r) + 1).height = h;
    for (const c of sheet.cells) {
      const cell = ws.getCell(c.row + 1, c.col + 1);
      cell.value = c.value;
      const style = styles.get(c.style);
      if (style) cell.style = style;
    }
    for (const m of sheet.merges) ws.mergeCells(m.fromRow + 1, m.fromCol + 1, m.toRow + 1, m.toCol + 1);
    ws.commit();
  }
  await wb.commit();
  return bytes;
}

const cpuMs = async (f: () => Promise<unknown>) => {
  const start = process.cpuUsage();
  await f();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
};

/** Our export and the streaming writer, alternated; CPU time of each run. */
export async function versusStreamWriter(rubric: Rubric, units: AnnexUnit[], rounds: number) {
  const ours: number[] = [];
  const stream: number[] = [];
  let oursBytes = 0;
  let streamBytes = 0;
  for (let i = 0; i < rounds + 1; i++) {
    // The first round warms both up and is not counted.
    const a = await cpuMs(async () => {
      oursBytes = (await annexBuffer(rubric, units, { date: DATE })).byteLength;
    });
    const b = await cpuMs(async () => {
      streamBytes = await streamWriterAnnex(rubric, units, DATE);
    });
    if (i > 0) {
      ours.push(a);
      stream.push(b);
    }
  }
  const oursMs = median([...ours].sort((x, y) => x - y));
  const streamMs = median([...stream].sort((x, y) => x - y));
  return { oursMs, streamMs, ratio: oursMs / streamMs, ours, stream, oursBytes, streamBytes };
}

export async function runAnnexBench(
  options: MeasureOptions = {},
  log: (s: string) => void = (s) => process.stdout.write(s),
): Promise<Record<string, unknown>> {
  const small: Measurement[] = [];
  for (const id of builtinRubricIds) {
    const { rubric } = loadBuiltin(id);
    const units = scoredUnits(rubric, 36);
    small.push(
      await measure(id, () => annexBuffer(rubric, units, { date: DATE }), { warmup: 1, runs: 7, budgetMs: 10_000, minRuns: 3, ...options }),
    );
  }
  const worst = small.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
  log(formatMeasurements('annex: 36 scored units → .xlsx', small));

  const largest = builtinRubricIds.map((id) => loadBuiltin(id).rubric).reduce((a, b) => (tableSize(b) > tableSize(a) ? b : a));
  const units = scoredUnits(largest, 1000);
  let bytes = 0;
  const big = await measure(
    largest.id,
    async () => {
      bytes = (await annexBuffer(largest, units, { date: DATE })).byteLength;
    },
    { warmup: 1, runs: 3, budgetMs: 30_000, minRuns: 2, ...options },
  );
  log(formatMeasurements('annex: 1,000 scored units → .xlsx', [big]));
  log(
    `worst 36-unit rubric: ${worst.name} ${worst.medianMs.toFixed(0)} ms; 1,000 units (${largest.id}): ${big.medianMs.toFixed(0)} ms, ${(bytes / 1e6).toFixed(2)} MB\n`,
  );

  const before = loadavg();
  const vs = await versusStreamWriter(largest, units, options.runs ?? 5);
  const after = loadavg();
  const load = `load average ${before.map((x) => x.toFixed(2)).join(' ')} → ${after.map((x) => x.toFixed(2)).join(' ')}`;
  log(
    `annex.vsStreamWriter (1,000 units, ${largest.id}, CPU time, interleaved, median of ${vs.ours.length}): ` +
      `export ${vs.oursMs.toFixed(0)} ms (${(vs.oursBytes / 1e6).toFixed(2)} MB) ÷ exceljs streaming writer ${vs.streamMs.toFixed(0)} ms (${(vs.streamBytes / 1e6).toFixed(2)} MB) = ${vs.ratio.toFixed(2)} (goal ≤ 1.0); ${load}\n`,
  );
  return {
    vsStreamWriter: Math.round(vs.ratio * 1000) / 1000,
    exportCpuMs: vs.oursMs,
    streamWriterCpuMs: vs.streamMs,
    exportCpuRunsMs: vs.ours,
    streamWriterCpuRunsMs: vs.stream,
    loadAverage: { before, after },
    units36Ms: worst.medianMs,
    units36Rubric: worst.name,
    units36PerRubric: Object.fromEntries(small.map((m) => [m.name, m.medianMs])),
    units1000Ms: big.medianMs,
    units1000P95Ms: big.p95Ms,
    units1000Bytes: bytes,
    units1000Rubric: largest.id,
  };
}
