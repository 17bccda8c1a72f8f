/**
 * `credit-score rubric-diff <细则A> <细则B>`: what changed from A to B, one Chinese line each, in the
 * order of the document (src/rubric/diff.ts). Each argument is a built-in id or a rubric JSON file,
 * validated like any rubric argument. Exit 0 with the list, or 「两份细则内容相同」.
 */
import { diffLines, diffRubrics } from '../rubric/diff';
import type { Command } from './context';
import { resolveRubric } from './rubric-arg';

export const rubricDiffCommand: Command = {
  name: 'rubric-diff',
  summary: '列出两份评分细则的差异（指标、分值、评分规则、等次、表彰名额等）',
  positionals: [
    { name: '<细则A>', description: '原细则：内置细则 id，或评分细则 JSON 文件路径' },
    { name: '<细则B>', description: '修改后的细则：内置细则 id，或评分细则 JSON 文件路径' },
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
  run({ positionals, options }, io) {
    const a = resolveRubric(positionals[0], io.cwd);
    const b = resolveRubric(positionals[1], io.cwd);
    if (options.json) io.out(`${JSON.stringify(diffRubrics(a.rubric, b.rubric), null, 2)}\n`);
    else io.out(`${diffLines(a.rubric, b.rubric).join('\n')}\n`);
    return 0;
  },
};
