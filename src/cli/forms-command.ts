/**
 * `credit-score forms <工作簿.xlsx> -o <文件夹>`: one 自评表 (.xlsx) per unit of a score workbook,
 * to send to the units (src/xlsx/forms.ts). The workbook is only read.
 */
import * as zlib from 'node:zlib';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isWorkbookError } from '../xlsx/errors';
import { makeForms } from '../xlsx/forms';
import { useNodeZlib } from '../xlsx/zip-writer';
import { readInput } from './annex-command';
import { forceOption, outputOption, outputPath, writeOptions, type Command } from './context';
import { CliError } from './errors';
import { writeOutputs } from './write-file';

export const formsCommand: Command = {
  name: 'forms',
  summary: '由考核工作簿为每个单位生成自评表（.xlsx），发给各单位填写后用 collect 收回',
  positionals: [{ name: '<工作簿.xlsx>', description: '由 workbook 命令（或 Excel 加载项、网页）生成的考核工作簿' }],
  options: {
    output: outputOption('输出文件夹（默认 <工作簿>-自评表）'),
    force: forceOption('覆盖文件夹中已存在的同名自评表'),
  },
  help: [
    '例：credit-score forms 衡东.xlsx -o 自评表',
    '每个单位一个文件（如 01-县委办-自评表.xlsx）：只含该单位的考核表、填写值和佐证材料的黄色单元格、填写说明；',
    '其余部分锁定（工作表保护，无密码）。文件名可以改：collect 按表内隐藏的身份信息识别单位。',
  ],
  async run({ positionals, options }, io) {
    useNodeZlib(zlib);
    const input = positionals[0];
    const folder = outputPath(options, `${input.replace(/\.xlsx$/i, '')}-自评表`);
    const bytes = readInput(input, io.cwd);
    let made;
    try {
      made = await makeForms(bytes);
    } catch (e) {
      if (isWorkbookError(e)) throw new CliError(`「${input}」：${e.message}`, { usage: false });
      throw e;
    }
    try {
      mkdirSync(resolve(io.cwd, folder), { recursive: true });
    } catch {
      throw new CliError(`无法创建输出文件夹「${folder}」`, { usage: false });
    }
    writeOutputs(
      made.forms.map((f) => ({ path: join(folder, f.fileName), what: `「${f.unitName}」的自评表`, data: f.buffer })),
      io.cwd,
      writeOptions(options, [{ path: input, what: '工作簿' }]),
    );
    const r = made.meta.rubric;
    io.out(
      `已在 ${folder} 中生成 ${made.forms.length} 份自评表（评分细则 ${r.id} v${r.version}）：\n` +
        made.forms.map((f) => `  ${f.fileName}\n`).join('') +
        `各单位填好后运行：credit-score collect ${input} <收回的自评表…> -o 合并.xlsx\n`,
    );
    return 0;
  },
};
