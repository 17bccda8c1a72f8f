/**
 * `credit-score annex <filled.xlsx> [-o annex.xlsx] [--scored scored.xlsx]`: reads a filled scoring
 * workbook (however it was filled: Excel, WPS, LibreOffice, a script), scores it with the rubric
 * embedded in it, writes the scored workbook (computed cells filled, values only) and the official
 * annex (a new clean workbook), then prints the result table and the problems. The input file is
 * never modified.
 */
import * as zlib from 'node:zlib';
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { notFinalReason, stateSummary } from '../layout/document-state';
import type { Problem, RosterResult } from '../scoring/types';
import { describeLocation, type LocateInput } from '../xlsx/input-address';
import { isWorkbookError } from '../xlsx/errors';
import { scoreFilledWorkbook } from '../xlsx/file-mode';
import { DEFAULT_LIMITS } from '../xlsx/zip-package';
import { useNodeZlib } from '../xlsx/zip-writer';
import { forceOption, outputOption, outputPath, writeOptions, type Command } from './context';
import { CliError } from './errors';
import { formatScoreReport } from './score';
import { checkOutputs, writeOutputs } from './write-file';

const SEVERITY: Record<Problem['severity'], string> = { error: '错误', missing: '未填', warning: '提示' };

export function readInput(path: string, cwd: string): Buffer {
  try {
    // A compressed package larger than everything it may inflate to is not read at all.
    if (statSync(resolve(cwd, path)).size > DEFAULT_LIMITS.maxInflatedBytes)
      throw new CliError(`「${path}」：文件过大，不像考核工作簿，未读取（超过 ${DEFAULT_LIMITS.maxInflatedBytes / 1024 / 1024} MB）`, {
        usage: false,
      });
    return readFileSync(resolve(cwd, path));
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? '文件不存在'
        : code === 'EISDIR'
          ? '这是一个目录，不是文件'
          : code === 'EACCES' || code === 'EPERM'
            ? '没有读取权限'
            : `读取失败（${code ?? String(e)}）`;
    throw new CliError(`无法读取工作簿「${path}」：${why}`);
  }
}

/**
 * --summary-self / --no-summary-self: the office's choice for 汇总's 自评 columns, recorded in the
 * workbook written (later runs keep it without the flag); neither flag keeps the workbook's choice.
 */
export function summarySelfChoice(options: Record<string, string | boolean | undefined>): { summarySelf?: boolean } {
  if (options['summary-self'] === true && options['no-summary-self'] === true)
    throw new CliError('--summary-self 与 --no-summary-self 不能同时使用');
  if (options['summary-self'] === true) return { summarySelf: true };
  if (options['no-summary-self'] === true) return { summarySelf: false };
  return {};
}

const stem = (path: string) => path.replace(/\.xlsx$/i, '');

/**
 * The result as printed: each unit problem about an input ends with where its cell is
 * (「（工作表「萝北县」 单元格 H12）」), so a clerk can go to it in WPS or LibreOffice. A copy: the
 * outputs were written from the result itself.
 */
function withLocations(result: RosterResult, unitKeys: string[], locate: LocateInput): RosterResult {
  const located = (key: string, p: Problem): Problem => {
    const at = p.indicatorId || p.fieldId ? locate(key, p.indicatorId, p.fieldId) : undefined;
    return at ? { ...p, message: `${p.message}（${describeLocation(at)}）` } : p;
  };
  return { ...result, units: result.units.map((u, i) => ({ ...u, problems: u.problems.map((p) => located(unitKeys[i], p)) })) };
}

/** "2026-11-24" → 2026年11月24日; other text is printed as given. */
export function headerDate(text: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : text.trim();
}

export const annexCommand: Command = {
  name: 'annex',
  summary: '为填好的考核工作簿计分：写出已计分的工作簿和正式附件（可打印的 .xlsx）',
  positionals: [{ name: '<工作簿.xlsx>', description: '由 workbook 命令（或 Excel 加载项）生成并填写好的考核工作簿' }],
  options: {
    output: outputOption('附件输出文件（默认 <工作簿>-附件.xlsx）'),
    scored: { type: 'string', description: '已计分工作簿的输出文件（默认 <工作簿>-已计分.xlsx）' },
    date: { type: 'string', description: '页眉日期，如 2026-11-24（默认今天）' },
    force: forceOption(),
    final: { type: 'boolean', description: '只生成终稿：有单位未完成、有输入错误或名次未定时不写文件，退出码 3' },
    'all-units': { type: 'boolean', description: '未填写任何内容的单位也打印其考核表（默认只在汇总中列出）' },
    evidence: { type: 'boolean', description: '附件末尾加「佐证材料清单」：各单位自评表填报的佐证材料和考核组的核查依据' },
    'self-compare': {
      type: 'boolean',
      description: '附件末尾加「自评与核定对照表」：各单位自评总分与核定总分、差异项和未说明差异（正式考核表仍为核定结果）',
    },
    'summary-self': {
      type: 'boolean',
      description: '汇总中在核定总分旁列出自评总分、差值（核定−自评）和未说明差异（记入工作簿，以后每次计分都保留；正式附件不变）',
    },
    'no-summary-self': { type: 'boolean', description: '汇总中不再列出自评总分、差值和未说明差异' },
    'use-embedded': { type: 'boolean', description: '内嵌细则与内置同版本细则内容不一致时，仍按内嵌细则计分（所有输出标明）' },
  },
  help: [
    '例：credit-score annex 考核表.xlsx -o 附件.xlsx',
    '按工作簿内嵌的评分细则计分；与内置版本不同时会提示。原工作簿不会被修改；已存在的输出文件只有加 --force 才会被覆盖。',
  ],
  async run({ positionals, options }, io) {
    useNodeZlib(zlib); // native deflate for the .xlsx written (src/xlsx/zip-writer.ts)
    const input = positionals[0];
    const annexPath = outputPath(options, `${stem(input)}-附件.xlsx`, { extension: '.xlsx', what: '附件输出文件' });
    const scoredPath = outputPath(options, `${stem(input)}-已计分.xlsx`, { extension: '.xlsx', what: '已计分工作簿', option: 'scored' });
    // Checked before the work (same file as the input by device and inode, existing without --force),
    // and again when writing, which writes both files or neither.
    const writing = writeOptions(options, [{ path: input, what: '工作簿' }]);
    checkOutputs(
      [
        { path: scoredPath, what: '已计分工作簿', data: new Uint8Array() },
        { path: annexPath, what: '附件输出文件', data: new Uint8Array() },
      ],
      io.cwd,
      writing,
    );

    const bytes = readInput(input, io.cwd);
    let out;
    try {
      out = await scoreFilledWorkbook(bytes, {
        fileName: basename(input),
        ...(typeof options.date === 'string' ? { date: headerDate(options.date) } : {}),
        ...(options['all-units'] === true ? { allUnits: true } : {}),
        ...(options.evidence === true ? { evidenceList: true } : {}),
        ...(options['self-compare'] === true ? { selfComparison: true } : {}),
        ...(options['use-embedded'] === true ? { useEmbedded: true } : {}),
        ...summarySelfChoice(options),
      });
    } catch (e) {
      if (isWorkbookError(e)) throw new CliError(`「${input}」：${e.message}`, { usage: false });
      throw e;
    }
    // --final: nothing is written unless every unit is complete, without error, ranks settled.
    const refused = options.final === true ? notFinalReason(out.state) : null;
    if (refused) {
      io.err(`${refused}\n`);
      return 3;
    }
    writeOutputs(
      [
        { path: scoredPath, what: '已计分工作簿', data: out.scored },
        { path: annexPath, what: '附件输出文件', data: out.annex },
      ],
      io.cwd,
      writing,
    );

    // --self-compare on a workbook without 自评: said plainly; the annex was written without the sheet.
    if (out.comparisonSkipped) io.err(`${out.comparisonSkipped}\n`);
    if (out.workbookProblems.length)
      io.out(`工作簿：\n${out.workbookProblems.map((p) => `  [${SEVERITY[p.severity]}] ${p.message}\n`).join('')}\n`);
    const printed = withLocations(
      out.result,
      out.meta.units.map((u) => u.key),
      out.locate,
    );
    io.out(formatScoreReport({ rubric: out.rubric, hash: out.rubricHash, source: input, builtin: false }, printed));
    io.out(`\n${stateSummary(out.state)}\n`);
    io.out(`\n已写入：${scoredPath}（已计分的工作簿）、${annexPath}（附件）\n`);
    return 0;
  },
};
