/**
 * `credit-score rubric-sheet <rubric|--blank> -o 细则定义.xlsx` writes a rubric as the 细则定义
 * workbook an office edits without JSON; `credit-score rubric-from-sheet 细则定义.xlsx -o 细则.json`
 * reads it back, checks it like any rubric file, and writes the validated JSON (exit 2 listing each
 * bad cell with its sheet, address and fix; nothing is written then). The JSON is then a <细则>
 * argument of score, template, workbook and annex like a built-in id.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as zlib from 'node:zlib';
import { rubricFromDefinition, rubricToDefinition } from '../layout/rubric-sheet';
import { isWorkbookError } from '../xlsx/errors';
import { readDefinitionXlsx, writeDefinitionXlsx } from '../xlsx/rubric-sheet-file';
import { DEFAULT_LIMITS } from '../xlsx/zip-package';
import { useNodeZlib } from '../xlsx/zip-writer';
import { forceOption, outputOption, outputPath, writeOptions, type Command } from './context';
import { CliError } from './errors';
import { resolveRubric } from './rubric-arg';
import { writeOutputs } from './write-file';

export const rubricSheetCommand: Command = {
  name: 'rubric-sheet',
  summary: '把评分细则写成「细则定义」工作簿（.xlsx），在表格中修改或新建细则，无须写 JSON',
  positionals: [{ name: '<细则>', description: '内置细则 id 或评分细则 JSON 文件；新建时改用 --blank', optional: true }],
  options: {
    blank: { type: 'boolean', description: '生成空白的细则定义表' },
    output: outputOption('输出文件（默认 细则定义.xlsx）'),
    force: forceOption(),
  },
  help: [
    '例：credit-score rubric-sheet hengdong-2020-members -o 细则定义.xlsx',
    '    credit-score rubric-sheet --blank -o 细则定义.xlsx',
    '填写说明见工作簿的「填写说明」表和 docs/细则定义.md；改好后运行 credit-score rubric-from-sheet。',
  ],
  async run({ positionals, options }, io) {
    useNodeZlib(zlib);
    const arg = positionals[0];
    if (options.blank && arg !== undefined) throw new CliError('--blank 与细则参数只能给一个');
    if (!options.blank && arg === undefined) throw new CliError('缺少参数 <细则>：给出内置细则 id 或 JSON 文件，或用 --blank 新建');
    const loaded = arg === undefined ? null : resolveRubric(arg, io.cwd);
    const output = outputPath(options, '细则定义.xlsx', { extension: '.xlsx' });
    const def = rubricToDefinition(loaded?.rubric ?? null);
    const data = await writeDefinitionXlsx(def);
    writeOutputs(
      [{ path: output, what: '细则定义表', data }],
      io.cwd,
      writeOptions(options, arg !== undefined && loaded && !loaded.builtin ? [{ path: arg, what: '评分细则文件' }] : []),
    );
    const what = loaded ? `评分细则 ${loaded.rubric.id} v${loaded.rubric.version}` : '空白细则';
    io.out(
      `已生成 ${output}（${what}）：在「细则定义」「考核办法」「附注」表的黄色格子中填写，然后运行：\n` +
        `credit-score rubric-from-sheet ${output} -o 细则.json\n`,
    );
    return 0;
  },
};

function readWorkbookBytes(path: string, cwd: string): Uint8Array {
  try {
    if (statSync(resolve(cwd, path)).size > DEFAULT_LIMITS.maxInflatedBytes)
      throw new CliError(`「${path}」：文件过大，不像细则定义表，未读取`, { usage: false });
    return readFileSync(resolve(cwd, path));
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录，不是文件' : `读取失败（${code ?? String(e)}）`;
    throw new CliError(`无法读取细则定义表「${path}」：${why}`);
  }
}

export const rubricFromSheetCommand: Command = {
  name: 'rubric-from-sheet',
  summary: '读回「细则定义」工作簿，检查后写出评分细则 JSON（有错时逐格列出，不写文件）',
  positionals: [{ name: '<细则定义.xlsx>', description: '由 rubric-sheet 生成并填写的工作簿' }],
  options: {
    output: outputOption('输出的评分细则 JSON 文件（默认 <细则标识>.json）'),
    force: forceOption(),
  },
  help: [
    '例：credit-score rubric-from-sheet 细则定义.xlsx -o 细则.json',
    '    credit-score workbook 细则.json --roster 名单.txt -o 考核.xlsx',
    '生成的细则标为本办自定细则（"origin": "office"），附件中会注明。退出码：0 已写出，2 表中有错误（逐格列出）。',
  ],
  async run({ positionals, options }, io) {
    const input = positionals[0];
    let values;
    try {
      values = await readDefinitionXlsx(readWorkbookBytes(input, io.cwd));
    } catch (e) {
      if (isWorkbookError(e)) throw new CliError(`「${input}」：${e.message}`, { usage: false });
      throw e;
    }
    const result = rubricFromDefinition(values);
    if (!result.ok) {
      throw new CliError(`细则定义表「${input}」有 ${result.errors.length} 处错误：`, {
        usage: false,
        details: result.errors.map((e) => `${e.sheet}!${e.cell}：${e.message} 修改：${e.fix}`),
      });
    }
    const { rubric } = result;
    const output = outputPath(options, `${rubric.id}.json`, { extension: '.json' });
    const data = new TextEncoder().encode(`${JSON.stringify(rubric, null, 2)}\n`);
    writeOutputs([{ path: output, what: '评分细则文件', data }], io.cwd, writeOptions(options, [{ path: input, what: '细则定义表' }]));
    const indicators = rubric.categories.reduce((n, c) => n + c.indicators.length, 0);
    io.out(
      `已写出 ${output}：本办自定细则 ${rubric.id} v${rubric.version}，${rubric.categories.length} 个类别、${indicators} 个指标，满分 ${rubric.fullMarks}\n` +
        `生成考核工作簿：credit-score workbook ${output} --roster 名单.txt -o 考核.xlsx\n`,
    );
    return 0;
  },
};
