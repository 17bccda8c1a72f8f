/**
 * Issue 16, done-when: an office builds a new 20-indicator rubric from a blank 细则定义 sheet and
 * uses it, with files only: `rubric-sheet --blank` → the sheet filled by openpyxl
 * (scripts/fill-rubric-sheet.py, as a clerk would type it) → `rubric-from-sheet` → `template` and
 * `workbook` with a roster → inputs filled → `score` and `annex`. The scores are computed by hand
 * below from the rules typed in the sheet.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { unitKey } from '../../src/layout/workbook-plan';
import type { UnitInput } from '../../src/scoring/types';
import { runCli, ROOT } from '../cli/run-cli';
import { fillWorkbook, readBook, scratch } from '../xlsx/helpers';

const manual = 'score｜考核组评分｜得分｜步长=0.5';
const cat = (序号: string, 考核指标: string) => ({ 层级: '类别', 序号, 考核指标, 分值: 20 });
const ind = (序号: string, 考核指标: string, 评分标准: string, scoring: Record<string, string | number>, 分值 = 5) => ({
  层级: '指标',
  序号,
  考核指标,
  分值,
  考核内容: `${考核指标}情况`,
  评分标准,
  ...scoring,
});

/** The new method as the office types it: 5 categories of 4 items, 100 points, every plain 计分方式. */
const SPEC = {
  method: {
    细则标识: 'shifan-2026-members',
    版本号: '1.0.0',
    城市: '示范市',
    年度: 2026,
    办法名称: '示范市2026年度社会信用体系建设工作考核办法',
    文号: '示信用办〔2026〕1号',
    发文单位: '示范市社会信用体系建设领导小组办公室',
    来源文件: '示范市考核办法.docx',
    附件编号: '1',
    附件标题: '示范市2026年度成员单位考核评分表',
    考核对象: '市社会信用体系建设领导小组成员单位',
    满分: 100,
    加分方式: '酌情加分',
    加分名称: '创新加分',
    加分标准: '有创新举措并被推广的，酌情加分，最多加5分',
    加分上限: 5,
    等次线: '优秀≥90；良好≥80；合格≥60；不合格',
    排名分组: '成员单位｜市社会信用体系建设领导小组成员单位｜表彰=先进单位:1｜通报=通报批评:1',
  },
  rows: [
    cat('一', '组织保障'),
    ind('1', '成立领导小组', '成立的得5分', {
      输入项: 'lead｜是否成立信用工作领导小组｜是否',
      计分方式: '做到即得分',
      计分字段: 'lead',
      每项分值: 5,
    }),
    ind('2', '明确责任', '分管领导、牵头科室、联络员，缺一项扣2分', {
      输入项: 'a｜是否明确分管领导｜是否\nb｜是否明确牵头科室｜是否\nc｜是否明确联络员｜是否',
      计分方式: '缺项扣分',
      计分字段: 'a、b、c',
      每次扣分: 2,
    }),
    ind('3', '工作部署', '考核组酌情评分', { 输入项: manual, 计分方式: '考核组评分', 计分字段: 'score' }),
    ind('4', '会议与计划', '未召开会议扣3分，未制定计划扣2分', {
      输入项: 'meeting｜是否召开信用工作会议｜是否\nplan｜是否制定年度计划｜是否',
      计分方式: '按条件扣分',
      档次表: 'meeting 否｜3｜未召开信用工作会议\nplan 否｜2｜未制定年度计划',
    }),
    cat('二', '信息归集'),
    ind('1', '按时报送', '合规率100%得5分，≥98%得3分，其他0分', {
      输入项: 'ok｜按时合规报送数｜个数\ndue｜应报送数｜个数',
      计分方式: '分档计分',
      比率: 'ok/due；分母为0=报错；分子大于分母=报错',
      档次表: '≥100%:5；≥98%:3；其他:0',
    }),
    ind('2', '报送信息', '每条0.5分，最高5分', {
      输入项: 'n｜报送信用信息条数｜个数｜单位=条',
      计分方式: '按个数计分',
      计分字段: 'n',
      每项分值: '0.5分/条',
    }),
    ind('3', '迟报', '每迟报一次扣1分', { 输入项: 'late｜迟报次数｜个数', 计分方式: '按次扣分', 计分字段: 'late', 基础分: 5, 每次扣分: 1 }),
    ind('4', '共享', '按共享率×5分计', {
      输入项: 'shared｜已共享数据项｜个数\ntotal｜应共享数据项｜个数',
      计分方式: '按比率计分',
      每项分值: 5,
      比率: 'shared/total；分母为0=记0',
    }),
    cat('三', '信息公示'),
    ind('1', '公示率', '≥90%得5分，≥80%得3分，其他1分', {
      输入项: 'rate｜双公示按时公示率｜百分比',
      计分方式: '分档计分',
      计分字段: 'rate',
      档次表: '≥90%:5；≥80%:3；其他:1',
    }),
    ind('2', '目录质量', '好5分，中3分，差0分', {
      输入项: 'level｜信用信息目录质量｜选项｜选项=好、中、差',
      计分方式: '按等级计分',
      计分字段: 'level',
      档次表: '好:5；中:3；差:0',
    }),
    ind('3', '修复占比', '90%以上不扣分，每低5个百分点扣1分', {
      输入项: 'share｜信用修复办结占比｜百分比',
      计分方式: '按差距扣分',
      计分字段: 'share',
      每次扣分: 1,
      条件: '标准=90；每差=5；取整=整步',
    }),
    ind('4', '报送文件', '全年12份，每份5/12分', {
      输入项: 'docs｜报送信用文件份数｜个数｜最多=12',
      计分方式: '按个数计分',
      计分字段: 'docs',
      每项分值: '5/12',
      附注: 'N1',
    }),
    cat('四', '奖惩与承诺'),
    ind('1', '奖惩台账', '建立台账得5分；材料不实不得分', {
      输入项: 'done｜是否建立联合奖惩台账｜是否\nfake｜台账材料是否不实｜是否',
      计分方式: '做到即得分',
      计分字段: 'done',
      每项分值: 5,
      不得分条件: 'fake 是｜台账材料不实',
    }),
    ind('2', '奖惩案例', '考核组酌情评分', { 输入项: manual, 计分方式: '考核组评分', 计分字段: 'score' }),
    ind('3', '投诉', '被投诉1至2次扣2分，3次以上扣5分', {
      输入项: 'complaints｜被有效投诉次数｜个数',
      计分方式: '按条件扣分',
      档次表: 'complaints > 0 且 complaints < 3｜2｜被投诉1至2次\ncomplaints ≥ 3｜5｜被投诉3次以上',
    }),
    ind('4', '信用承诺', '公开承诺、公示履约，缺一项扣2分，全缺不得分', {
      输入项: 'x｜是否公开信用承诺｜是否\ny｜是否公示承诺履约情况｜是否',
      计分方式: '缺项扣分',
      计分字段: 'x、y',
      每次扣分: 2,
      条件: '全缺不得分',
    }),
    cat('五', '宣传与底线'),
    ind('1', '宣传报道', '每篇1分，最高5分', { 输入项: 'm｜宣传报道篇数｜个数', 计分方式: '按个数计分', 计分字段: 'm', 每项分值: 1 }),
    ind('2', '宣传活动', '10次以上5分，5次以上3分，其他0分', {
      输入项: 'activities｜开展宣传活动次数｜个数',
      计分方式: '分档计分',
      计分字段: 'activities',
      档次表: '≥10:5；≥5:3；其他:0',
    }),
    ind('3', '综合评价', '考核组酌情评分', { 输入项: manual, 计分方式: '考核组评分', 计分字段: 'score' }, 10),
    ind(
      '4',
      '重大失信',
      '发生重大失信事件的，考核结果为不合格',
      { 输入项: 'incident｜是否发生重大失信事件｜是否', 计分方式: '一票否决', 条件: 'incident 是', 规则说明: '发生重大失信事件' },
      0,
    ),
  ],
  notes: [['N1', '三.4', '全年共12份文件，报满12份得5分，按份数×5/12分计，不四舍五入到每份。']],
};

const all = {
  '一.1': { lead: '是' },
  '一.2': { a: '是', b: '是', c: '是' },
  '一.3': { score: 4.5 },
  '一.4': { meeting: '是', plan: '是' },
  '二.1': { ok: 50, due: 50 },
  '二.2': { n: 12 },
  '二.3': { late: 0 },
  '二.4': { shared: 45, total: 50 },
  '三.1': { rate: '92%' },
  '三.2': { level: '好' },
  '三.3': { share: '95%' },
  '三.4': { docs: 12 },
  '四.1': { done: '是', fake: '否' },
  '四.2': { score: 5 },
  '四.3': { complaints: 0 },
  '四.4': { x: '是', y: '是' },
  '五.1': { m: 6 },
  '五.2': { activities: 10 },
  '五.3': { score: 9 },
  '五.4': { incident: '否' },
};

const UNITS: UnitInput[] = [
  // 甲局: 一 5 + 5 + 4.5 + 5 = 19.5; 二 5 (50/50 = 100 %) + 5 (12 × 0.5 = 6, capped at 5) + 5 + 4.5 (45/50 × 5) = 19.5;
  //       三 5 (92 % ≥ 90) + 5 + 5 (95 % ≥ 90) + 5 (12 × 5/12) = 20; 四 5 + 5 + 5 + 5 = 20; 五 5 (6 capped at 5) + 5 + 9 + 0 = 19.
  //       base 19.5 + 19.5 + 20 + 20 + 19 = 98; bonus 2 (≤ 加分上限 5) → final 100; 100 ≥ 90 → 优秀.
  { name: '甲局', group: '成员单位', inputs: all, bonus: 2 },
  // 乙局: 一 0 + 3 (b missing: 5 − 2) + 3 + 2 (no meeting: 5 − 3) = 8;
  //       二 3 (49/50 = 98 % exactly) + 3.5 (7 × 0.5) + 3 (5 − 2 × 1) + 3 (30/50 × 5) = 12.5;
  //       三 3 (85 % ≥ 80) + 3 (中) + 3 (78 %: 12 points under 90, 2 whole steps of 5, 5 − 2) + 35/12 (7 × 5/12) = 9 + 35/12;
  //       四 0 (台账材料不实) + 4 + 3 (2 complaints: 5 − 2) + 0 (both missing, 全缺不得分) = 7;
  //       五 3 + 3 (6 ≥ 5) + 7 + 0 = 13.
  //       base 8 + 12.5 + 9 + 35/12 + 7 + 13 = 49.5 + 35/12 = 52.41666… → 52.42 (2 places, half up); no bonus; 不合格 (< 60).
  {
    name: '乙局',
    group: '成员单位',
    inputs: {
      ...all,
      '一.1': { lead: '否' },
      '一.2': { a: '是', b: '否', c: '是' },
      '一.3': { score: 3 },
      '一.4': { meeting: '否', plan: '是' },
      '二.1': { ok: 49, due: 50 },
      '二.2': { n: 7 },
      '二.3': { late: 2 },
      '二.4': { shared: 30, total: 50 },
      '三.1': { rate: '85%' },
      '三.2': { level: '中' },
      '三.3': { share: '78%' },
      '三.4': { docs: 7 },
      '四.1': { done: '是', fake: '是' },
      '四.2': { score: 4 },
      '四.3': { complaints: 2 },
      '四.4': { x: '否', y: '否' },
      '五.1': { m: 3 },
      '五.2': { activities: 6 },
      '五.3': { score: 7 },
    },
  },
  // 丙局: 甲局's answers (base 98) but a 重大失信事件: 一票否决, result 不合格 whatever the points.
  { name: '丙局', group: '成员单位', inputs: { ...all, '五.4': { incident: '是' } } },
];

describe('a new 20-indicator rubric authored in the sheet, used from the command line', () => {
  const dir = scratch('cs-authoring-');

  it('rubric-sheet --blank → openpyxl fills it → rubric-from-sheet writes the validated rubric, marked as the office’s own', async () => {
    expect(await runCli(['rubric-sheet', '--blank', '-o', 'blank.xlsx'], dir)).toMatchObject({ code: 0, err: '' });
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(SPEC));
    execFileSync('/usr/bin/python3', [join(ROOT, 'scripts/fill-rubric-sheet.py'), 'blank.xlsx', 'spec.json', '细则定义.xlsx'], {
      cwd: dir,
    });
    const r = await runCli(['rubric-from-sheet', '细则定义.xlsx', '-o', 'rubric.json'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('本办自定细则 shifan-2026-members v1.0.0，5 个类别、20 个指标，满分 100');
    const rubric = JSON.parse(readFileSync(join(dir, 'rubric.json'), 'utf8'));
    expect(rubric.origin).toBe('office');
    expect(rubric.categories.flatMap((c: { indicators: { id: string }[] }) => c.indicators.map((i) => i.id))).toHaveLength(20);
    expect(rubric.categories[2].indicators[3]).toMatchObject({ id: '三.4', rule: { kind: 'count', rate: '5/12' }, notes: ['N1'] });
  });

  it('template lists every input of the new rubric', async () => {
    const r = await runCli(['template', 'rubric.json'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('台账材料是否不实');
  });

  it('score: the hand-computed totals, bands and veto', async () => {
    writeFileSync(join(dir, 'units.json'), JSON.stringify({ rubric: 'shifan-2026-members', version: '1.0.0', units: UNITS }));
    const r = await runCli(['score', 'rubric.json', 'units.json', '--json'], dir);
    expect(r.code).toBe(0);
    const units = JSON.parse(r.out).units as {
      name: string;
      base: number;
      final: number;
      band: string;
      items: Record<string, { score: number }>;
    }[];
    expect(units.map((u) => [u.name, u.base, u.final, u.band])).toEqual([
      ['甲局', 98, 100, '优秀'],
      ['乙局', 52.42, 52.42, '不合格'],
      ['丙局', 98, 98, '不合格'],
    ]);
    expect(units[1].items['三.3'].score).toBe(3);
    expect(units[1].items['四.1'].score).toBe(0);
    expect(units[1].items['四.4'].score).toBe(0);
  });

  it('workbook with a roster → filled → annex: the same figures, and the annex says the rubric is the office’s own', async () => {
    writeFileSync(join(dir, 'names.txt'), '甲局\n乙局\n丙局\n');
    expect((await runCli(['workbook', 'rubric.json', '--roster', 'names.txt', '-o', '考核.xlsx'], dir)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '考核.xlsx'));
    fillWorkbook(
      wb,
      UNITS.map((_, i) => unitKey(i)),
      UNITS,
    );
    await wb.xlsx.writeFile(join(dir, '考核-已填.xlsx'));
    const r = await runCli(['annex', '考核-已填.xlsx', '-o', '附件.xlsx', '--date', '2026-12-06'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, '附件.xlsx'))).toBe(true);
    const book = readBook(readFileSync(join(dir, '附件.xlsx')));
    const summary = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]], { header: 1 }) as unknown[][];
    const text = summary.map((row) => row.join(' ')).join('\n');
    expect(text).toContain('评分细则由本办自行制定');
    const row = (name: string) => summary.find((r) => r.includes(name))!;
    expect(row('甲局')).toEqual(expect.arrayContaining([98, 100, '优秀']));
    expect(row('乙局')).toEqual(expect.arrayContaining([52.42, '不合格']));
    expect(row('丙局')).toEqual(expect.arrayContaining([98, '不合格']));
  });
});
