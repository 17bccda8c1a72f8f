/** The 填写说明 sheet: how to fill the definition sheets, in Chinese, with every 计分方式. Never read back. */
import { ADVANCED_KIND_NAME, ALL_KINDS } from './rule-kinds';
import { FIELD_TYPE_NAMES } from './text-syntax';
import { SHEET_NAMES, type DefinitionCell, type DefinitionSheet } from './types';
import { wrappedLines } from './measure';

const GENERAL = [
  `「${SHEET_NAMES.indicators}」表每行一个类别或指标：层级写「类别」或「指标」，指标行写在所属类别行之下。序号、考核指标、分值、考核内容、评分标准照录原文；原文的其他列（如数据来源、备注）照原表头加在「输入项」列之前。`,
  `黄色格子可以填写。改完后用「生成评分细则」（命令行：credit-score rubric-from-sheet 细则定义.xlsx -o 细则.json）检查，每个错误会指出表名、单元格和改法。`,
  `输入项：每行一个，写「标识｜标签｜类型」，类型为${Object.values(FIELD_TYPE_NAMES).join('、')}之一；可加参数：｜单位=篇｜最多=12｜最少=0｜选项=优秀、良好、一般｜步长=0.5｜读法=小数｜提示=…。标识用字母、数字或中文，在本指标内唯一，计分方式的参数用它指向输入项。`,
  '条件写「标识 是」「标识 否」「标识 ≥ 3」「标识 属于 甲、乙」，几个条件用「 或 」或「 且 」连接（前后有空格）。',
  '档次表写「≥90%:5；≥80%:3；其他:0」：从高到低逐档比较，第一档符合的得该档分；两头都有界限时写「≥80且<90:3」；档后可加（说明）。',
  `规则说明、不得分条件（满足时本项得0分，写「条件｜说明」）对各种计分方式都可用。原文的规则写不进这些列时，计分方式选「${ADVANCED_KIND_NAME}」，把规则写成 JSON 放在高级设置列：{"rule": {…}}。`,
  `「${SHEET_NAMES.method}」表写满分、合计方式、加分、等次线、排名分组（表彰与通报名额）、弄虚作假处理和取舍；「${SHEET_NAMES.notes}」表写对原文含糊之处的理解，指标的「附注」列引用其标识。`,
  '由本表生成的评分细则标为「本办自定细则」，附件和任务窗格会注明。',
];

export function guideSheet(): DefinitionSheet {
  const width = [16, 100];
  const cells: DefinitionCell[] = [{ row: 0, col: 0, value: '评分细则定义表填写说明', style: 'title' }];
  const rowHeights: Record<number, number> = { 0: 28 };
  let row = 1;
  const put = (a: string, b: string, style: 'guide' | 'header' = 'guide') => {
    cells.push({ row, col: 0, value: a, style: style === 'header' ? 'header' : 'label' }, { row, col: 1, value: b, style });
    const lines = wrappedLines(b, width[1]);
    if (lines > 1) rowHeights[row] = Math.ceil(lines * 13.5 + 4);
    row++;
  };
  GENERAL.forEach((t, i) => put(`${i + 1}`, t));
  row++;
  put('计分方式', '填写哪些参数列', 'header');
  for (const k of ALL_KINDS) put(k.name, k.usage);
  put(ADVANCED_KIND_NAME, '规则以 JSON 写在高级设置列的 "rule" 中（如按比率的等级、比率条件），格式见 rubrics/rubric.schema.json。');
  return {
    name: SHEET_NAMES.guide,
    columns: width.map((w) => ({ width: w })),
    cells,
    merges: [{ fromRow: 0, fromCol: 0, toRow: 0, toCol: 1 }],
    rowHeights,
    freezeRows: 0,
    freezeCols: 0,
    landscape: true,
  };
}
