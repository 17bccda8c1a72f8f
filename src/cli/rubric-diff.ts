/**
 * `credit-score rubric-diff <细则A> <细则B>`: what changed from A to B, one Chinese line each, in the
 * order of the document (src/rubric/diff.ts). Each argument is a built-in id, a rubric JSON file
 * (validated like any rubric argument) or a 细则定义.xlsx (read back like rubric-from-sheet). Exit 0
 * with the list, or 「两份细则内容相同」.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rubricFromDefinition } from '../layout/rubric-sheet';
import { diffLines, diffRubrics } from '../rubric/diff';
import type { Rubric } from '../rubric/schema';
import { isWorkbookError } from '../xlsx/errors';
import { readDefinitionXlsx } from '../xlsx/rubric-sheet-file';
import type { Command } from './context';
import { CliError } from './errors';
import { resolveRubric } from './rubric-arg';

/** A rubric argument: a 细则定义.xlsx (read back like rubric-from-sheet), or an id or JSON file. */
async function rubricOf(arg: string, cwd: string): Promise<Rubric> {
  if (!/\.xlsx$/i.test(arg)) return resolveRubric(arg, cwd).rubric;
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(cwd, arg));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`无法读取细则定义表「${arg}」：${code === 'ENOENT' ? '文件不存在' : `读取失败（${code ?? String(e)}）`}`);
  }
  let values;
  try {
    values = await readDefinitionXlsx(bytes);
  } catch (e) {
    if (isWorkbookError(e)) throw new CliError(`「${arg}」：${e.message}`, { usage: false });
    throw e;
  }
  const result = rubricFromDefinition(values);
  if (!result.ok)
    throw new CliError(`细则定义表「${arg}」有 ${result.errors.length} 处错误：`, {
      usage: false,
      details: result.errors.map((e) => `${e.sheet}!${e.cell}：${e.message} 修改：${e.fix}`),
    });
  return result.rubric;
}

export const rubricDiffCommand: Command = {
  name: 'rubric-diff',
  summary: '列出两份评分细则的差异（指标、分值、评分规则、等次、表彰名额等）',
  positionals: [
    { name: '<细则A>', description: '原细则：内置细则 id、评分细则 JSON 文件或细则定义表（.xlsx）' },
    { name: '<细则B>', description: '修改后的细则：内置细则 id、评分细则 JSON 文件或细则定义表（.xlsx）' },
  ],
  options: { json: { type: 'boolean', description: '输出 JSON：[{ where, what }]' } },
  help: [
    '按文件顺序列出从 <细则A> 到 <细则B> 的变化：文号、年度、版本，满分、取整，类别和指标（新增、删除、重新编号、',
    '分值、考核内容和评分标准的文字、填报项、评分规则），加分，等次线，排名与表彰、通报名额，弄虚作假的处理。',
    '两份相同时输出「两份细则内容相同」。',
    '',
    '示例：',
    '  credit-score rubric-diff hengdong-2020-members 我的细则.json',
  ],
  async run({ positionals, options }, io) {
    const a = await rubricOf(positionals[0], io.cwd);
    const b = await rubricOf(positionals[1], io.cwd);
    if (options.json) io.out(`${JSON.stringify(diffRubrics(a, b), null, 2)}\n`);
    else io.out(`${diffLines(a, b).join('\n')}\n`);
    return 0;
  },
};
