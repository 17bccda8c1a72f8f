/**
 * `credit-score workbook <rubric> [--roster names.txt] [-o blank.xlsx]`: a blank scoring workbook
 * (.xlsx) for offices without the Excel add-in: one sheet per unit laid out like the document's
 * table, 汇总, 排名, 细则说明, input cells with drop-downs and prompts. Fill it in Excel, WPS or
 * LibreOffice, then run `credit-score annex` on it.
 */
import * as zlib from 'node:zlib';
import type { RosterUnit } from '../layout/workbook-plan';
import { checkRoster } from '../layout/workbook-plan';
import { blankWorkbook } from '../xlsx/blank-workbook';
import { useNodeZlib } from '../xlsx/zip-writer';
import { forceOption, outputOption, outputPath, writeOptions, type Command } from './context';
import { CliError } from './errors';
import { readTextFile } from './files';
import { resolveRubric } from './rubric-arg';
import { parseRosterText } from './roster-file';
import { writeBinaryFile } from './write-file';

export const workbookCommand: Command = {
  name: 'workbook',
  summary: '生成空白考核工作簿（.xlsx，可在 Excel、WPS、LibreOffice 中填写），填好后交给 annex',
  positionals: [{ name: '<细则>', description: '内置细则 id（见 credit-score rubrics），或评分细则 JSON 文件路径' }],
  options: {
    roster: { type: 'string', description: '单位名单（UTF-8 文本，每行一个单位名称，可加 Tab 和分组）；细则自带名单时可省略' },
    output: outputOption('输出文件（默认 <细则id>-考核工作簿.xlsx）'),
    protect: { type: 'boolean', description: '保护工作表：只有填写单元格可以编辑（无密码）' },
    force: forceOption(),
  },
  help: [
    '例：credit-score workbook hegang-2022-counties --roster 县区.txt -o 考核表.xlsx',
    '    credit-score workbook hengdong-2020-members -o 衡东.xlsx   （使用细则自带的 36 个成员单位）',
    '名单文件：每行「单位名称」或「单位名称<Tab>分组」，分组可写 id 或名称，缺省为细则的第一个分组；空行忽略。',
  ],
  async run({ positionals, options }, io) {
    useNodeZlib(zlib); // native deflate for the .xlsx written (src/xlsx/zip-writer.ts)
    const loaded = resolveRubric(positionals[0], io.cwd);
    const { rubric } = loaded;
    let roster: RosterUnit[];
    const rosterPath = options.roster;
    if (typeof rosterPath === 'string') roster = parseRosterText(readTextFile(rosterPath, io.cwd, '单位名单'), rosterPath, rubric);
    else if (rubric.defaultRoster) roster = rubric.defaultRoster.map((u) => ({ name: u.name, group: u.group }));
    else throw new CliError(`缺少 --roster <名单.txt>：评分细则「${rubric.id}」没有自带单位名单`);
    const problems = checkRoster(loaded, roster);
    if (problems.length) throw new CliError(problems.map((p) => p.message).join('；'), { usage: false });
    const output = outputPath(options, `${rubric.id}-考核工作簿.xlsx`, { extension: '.xlsx' });
    const { buffer, plan } = await blankWorkbook(loaded, roster, { protectComputed: Boolean(options.protect) });
    writeBinaryFile(output, io.cwd, buffer, '输出文件', writeOptions(options));
    const unitSheets = plan.sheets.filter((s) => s.kind === 'unit').length;
    io.out(
      `已生成 ${output}：评分细则 ${rubric.id} v${rubric.version}，${unitSheets} 个单位，工作表 ${plan.sheets.length} 张\n` +
        `填写黄色单元格后运行：credit-score annex ${output} -o 附件.xlsx\n`,
    );
    return 0;
  },
};
