/**
 * `credit-score collect <工作簿.xlsx> <自评表…> -o <合并.xlsx> [--replace]`: takes the returned
 * 自评表 into the score workbook (src/xlsx/collect.ts), writes the merged, scored workbook and
 * prints who returned, who did not and what was refused. The workbook and the forms are only read.
 */
import { basename } from 'node:path';
import * as zlib from 'node:zlib';
import { stateSummary } from '../layout/document-state';
import { collectForms } from '../xlsx/collect';
import { isWorkbookError } from '../xlsx/errors';
import { useNodeZlib } from '../xlsx/zip-writer';
import { readInput, summarySelfChoice } from './annex-command';
import { forceOption, outputOption, outputPath, writeOptions, type Command } from './context';
import { CliError } from './errors';
import { checkOutputs, writeOutputs } from './write-file';

export const collectCommand: Command = {
  name: 'collect',
  summary: '收回各单位填好的自评表：按隐藏身份信息并入考核工作簿的自评列，核定填写值为空处以自评值预填',
  positionals: [
    { name: '<工作簿.xlsx>', description: '生成这些自评表的考核工作簿' },
    { name: '<自评表.xlsx>', description: '收回的自评表（可多个，文件名不限）', variadic: true },
  ],
  options: {
    output: outputOption('合并后的工作簿（默认 <工作簿>-已收回.xlsx）'),
    replace: { type: 'boolean', description: '单位的自评表已导入过时，以本次的替换（核定填写值仍不覆盖）' },
    force: forceOption(),
    'summary-self': {
      type: 'boolean',
      description: '汇总中在核定总分旁列出自评总分、差值（核定−自评）和未说明差异（记入工作簿，以后每次计分都保留；正式附件不变）',
    },
    'no-summary-self': { type: 'boolean', description: '汇总中不再列出自评总分、差值和未说明差异' },
  },
  help: [
    '例：credit-score collect 衡东.xlsx 回收/*.xlsx -o 衡东-已收回.xlsx',
    '不导入（各列一行原因，该文件的内容一概不并入）：其他工作簿或其他细则、版本的自评表，已导入过的单位（除非 --replace），',
    '锁定内容或隐藏身份信息被改动的自评表。每个改动的值记入「变更记录」工作表（只追加），差异列入「核查清单」。',
  ],
  async run({ positionals, options }, io) {
    useNodeZlib(zlib);
    const [input, ...formPaths] = positionals;
    const output = outputPath(options, `${input.replace(/\.xlsx$/i, '')}-已收回.xlsx`, { extension: '.xlsx' });
    const writing = writeOptions(options, [{ path: input, what: '工作簿' }, ...formPaths.map((p) => ({ path: p, what: '自评表' }))]);
    checkOutputs([{ path: output, what: '合并后的工作簿', data: new Uint8Array() }], io.cwd, writing);
    const workbook = readInput(input, io.cwd);
    const forms = formPaths.map((p) => ({ name: p, bytes: readInput(p, io.cwd) }));
    let out;
    try {
      out = await collectForms(workbook, forms, {
        replace: Boolean(options.replace),
        fileName: basename(input),
        ...summarySelfChoice(options),
      });
    } catch (e) {
      if (isWorkbookError(e)) throw new CliError(`「${input}」：${e.message}`, { usage: false });
      throw e;
    }
    writeOutputs([{ path: output, what: '合并后的工作簿', data: out.scored.scored }], io.cwd, writing);
    const lines = [`已导入 ${out.accepted.length} 份自评表：`];
    for (const a of out.accepted)
      lines.push(
        `  ${a.unitName}（${a.file}）：${a.changes} 处改动，其中预填核定 ${a.prefilled} 项${a.replaced ? '（替换此前导入的自评）' : ''}`,
      );
    if (out.earlier.length) lines.push(`此前已导入 ${out.earlier.length} 个单位：${out.earlier.map((u) => u.name).join('、')}`);
    lines.push(`未导入 ${out.refused.length} 份：`, ...out.refused.map((r) => `  ${r.message}`));
    lines.push(
      `尚未交回 ${out.notReturned.length} 个单位${out.notReturned.length ? `：${out.notReturned.map((u) => u.name).join('、')}` : ''}`,
    );
    const review = out.scored.review;
    if (review) lines.push(`核查清单：核定与自评不同 ${review.differences.length} 处，未填核减原因 ${review.unexplained} 处`);
    lines.push('', stateSummary(out.scored.state), '', `已写入：${output}`);
    io.out(`${lines.join('\n')}\n`);
    return 0;
  },
};
