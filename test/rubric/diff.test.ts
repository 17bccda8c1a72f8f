/**
 * The rubric diff on hand-made edits of shipped rubrics: each edit changes one thing, and the diff
 * lists exactly that one change, in words, with the indicator or setting it concerns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBuiltin } from '../../src/rubric/catalog';
import { parseRubricText } from '../../src/rubric/load';
import { diffLines, diffRubrics, NO_CHANGES } from '../../src/rubric/diff';
import type { Rubric } from '../../src/rubric/schema';

const shipped = (id: string): Rubric => loadBuiltin(id).rubric;
/** The changes after one edit of a fresh copy of a shipped rubric. */
function afterEdit(id: string, edit: (r: Rubric) => void): string[] {
  const a = shipped(id);
  const b = structuredClone(a);
  edit(b);
  return diffLines(a, b);
}
/** A rubric of test/rubric/constructs/ (one construct of the merged language each), parsed like a file. */
function construct(file: string): Rubric {
  const loaded = parseRubricText(readFileSync(join(__dirname, 'constructs', file), 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file}: ${loaded.errors.map((e) => e.message).join('；')}`);
  return loaded.value.rubric;
}
/** The changes after one edit of a fresh copy of a construct rubric. */
function afterConstructEdit(file: string, edit: (r: Rubric) => void): string[] {
  const a = construct(file);
  const b = structuredClone(a);
  edit(b);
  return diffLines(a, b);
}
const ind = (r: Rubric, id: string) => r.categories.flatMap((c) => c.indicators).find((i) => i.id === id)!;

describe('rubric diff: one edit, one line', () => {
  it('the same rubric twice: 两份细则内容相同, and no changes', () => {
    expect(diffLines(shipped('hengdong-2020-members'), shipped('hengdong-2020-members'))).toEqual([NO_CHANGES]);
    expect(diffRubrics(shipped('chaoyang-2020-method'), structuredClone(shipped('chaoyang-2020-method')))).toEqual([]);
  });

  it.each<[string, string, (r: Rubric) => void, string]>([
    ['version', 'hengdong-2020-members', (r) => (r.version = '9.0.0'), '文件：版本由 1.1.0 改为 9.0.0'],
    ['year', 'hengdong-2020-members', (r) => (r.year = 2021), '文件：年度由 2020 改为 2021'],
    [
      '文号',
      'hengdong-2020-members',
      (r) => (r.documentNumber = '东信建〔2021〕01号'),
      '文件：文号由 东信建〔2020〕02号 改为 东信建〔2021〕01号',
    ],
    ['满分', 'hengdong-2020-members', (r) => (r.fullMarks = 120), '计分：满分由 100 改为 120'],
    [
      'notApplicable',
      'hengdong-2020-members',
      (r) => (r.notApplicable = 'full_points'),
      '计分：不涉及的处理由 不允许填不涉及 改为 不涉及得满分',
    ],
    [
      'rounding',
      'hengdong-2020-members',
      (r) => (r.rounding.decimals = 1),
      '计分：取整由 保留 2 位小数，合计后取整 改为 保留 1 位小数，合计后取整',
    ],
    // 衡东 四.1 is 5 分 (bool): the printed maximum and the rule's points are separate settings.
    ['分值', 'hengdong-2020-members', (r) => (ind(r, '四.1').points = 6), '指标 四.1「“红黑名单”制度建立」：分值由 5 改为 6'],
    [
      'renumbered',
      'hengdong-2020-members',
      (r) => (ind(r, '九.2').number = '3'),
      '指标 九.3「活动信息报送（被“信用衡东”采用）」：序号由 2 改为 3（重新编号）',
    ],
    [
      '评分标准 text',
      'hengdong-2020-members',
      (r) => (ind(r, '六').criteria = ind(r, '六').criteria.replace('得0.5分', '得1分')),
      '指标 六「信用报告」：评分标准由「…用1份信用报告得0.5分，最高不超过5…」改为「…用1份信用报告得1分，最高不超过5…」',
    ],
    [
      'rule parameter (count rate)',
      'hengdong-2020-members',
      (r) => {
        const rule = ind(r, '六').rule;
        if (rule.kind === 'count') rule.rate = 1;
      },
      '指标 六「信用报告」：评分规则每个得分由 0.5 改为 1',
    ],
    [
      'tiers: only the changed tier',
      'bozhou-2017-counties',
      (r) => {
        const rule = ind(r, '10').rule;
        if (rule.kind === 'tiers') rule.tiers[0].min = 35;
      },
      '指标 10「公共信用信息归集覆盖面」：评分规则档次由 ≥30:5（30家以上） 改为 ≥35:5（30家以上）',
    ],
    [
      'rule kind',
      'hengdong-2020-members',
      (r) => {
        const i = ind(r, '四.1');
        i.rule = { kind: 'manual', field: 'issued', min: 0 };
      },
      '指标 四.1「“红黑名单”制度建立」：评分规则由「是否得分」改为「人工评分」：人工评分，填报项 「是否出台本部门、本行业“红黑名单”认定、奖惩管理等制度」，最低分 0，最高分 本项分值',
    ],
    [
      'field added',
      'hengdong-2020-members',
      (r) => ind(r, '六').fields.push({ id: 'note', type: 'count', label: '退回的报告数', unit: '份' }),
      '指标 六「信用报告」：新增填报项「退回的报告数」（数量，单位 份）',
    ],
    [
      'field removed',
      'hengdong-2020-members',
      (r) => (ind(r, '八').fields = ind(r, '八').fields.filter((f) => f.id !== 'noSevere')),
      '指标 八「信用修复、信用投诉和异议处理情况」：删除填报项「本行业无严重失信企业」',
    ],
    [
      'indicator removed',
      'hengdong-2020-members',
      (r) => (r.categories[2].indicators = r.categories[2].indicators.filter((i) => i.id !== '三.5')),
      '指标 三.5「台账建立情况」：删除指标（原分值 3）',
    ],
    [
      'indicator added',
      'hengdong-2020-members',
      (r) =>
        r.categories[2].indicators.push({
          ...structuredClone(ind(r, '三.5')),
          id: '三.6',
          number: '6',
          name: '信用档案',
        }),
      '指标 三.6「信用档案」：新增指标（分值 3，人工评分）',
    ],
    [
      'category',
      'hengdong-2020-members',
      (r) => (r.categories[3].name = '红黑名单'),
      '类别 四「红黑名单」：名称由「联合奖惩落实情况」改为「红黑名单」',
    ],
    [
      'bonus',
      'hengdong-2020-members',
      (r) => {
        if (r.bonus.kind === 'manual') r.bonus.max = 10;
      },
      '加分：上限由 不设上限 改为 10',
    ],
    ['bands', 'chaoyang-2020-method', (r) => (r.bands!.list[0].min = 92), '等次线：等次由 优秀 ≥90 改为 优秀 ≥92'],
    [
      'honours quota',
      'chaoyang-2020-method',
      (r) => (r.ranking.groups[1].honours[0].top = 2),
      '排名组「县（市）区人民政府」：表彰由 朝阳市2020年度社会信用体系建设示范县（区） 前 3 名 改为 朝阳市2020年度社会信用体系建设示范县（区） 前 2 名',
    ],
    [
      'criticism quota',
      'chaoyang-2020-method',
      (r) => (r.ranking.groups[0].criticism[0].bottom = 5),
      '排名组「市社会信用体系建设工作领导小组成员单位」：通报由 通报批评 后 10 名 改为 通报批评 后 5 名',
    ],
    [
      'rank group added',
      'hengdong-2020-members',
      (r) => r.ranking.groups.push({ id: '乡镇', label: '乡镇', honours: [{ label: '先进乡镇', top: 2 }], criticism: [] }),
      '排名组「乡镇」：新增排名组（表彰 先进乡镇 前 2 名，通报 （无））',
    ],
    ['fraud', 'chaoyang-2020-method', (r) => (r.fraud = 'item_zero'), '弄虚作假：处理由 弄虚作假的单位不得评先 改为 弄虚作假的指标不得分'],
  ])('%s', (_, id, edit, expected) => {
    expect(afterEdit(id, edit)).toEqual([expected]);
  });
});

describe('rubric diff: order and matching', () => {
  it('lists changes in the order of the document: heading, table top to bottom, then bands and ranking', () => {
    const lines = afterEdit('chaoyang-2020-method', (r) => {
      r.fraud = 'none';
      r.bands!.list[1].min = 75;
      r.categories[0].indicators[15].points = 4;
      r.categories[0].indicators[0].points = 9;
      r.year = 2021;
    });
    expect(lines.map((l) => l.split('：')[0])).toEqual([
      '文件',
      expect.stringMatching(/^指标 1「/),
      expect.stringMatching(/^指标 16「/),
      '等次线',
      '弄虚作假',
    ]);
  });

  it('an indicator renumbered under a new id is matched by its name, not removed and added', () => {
    const lines = afterEdit('hengdong-2020-members', (r) => {
      const i = ind(r, '九.2');
      i.id = '九.3';
      i.number = '3';
    });
    expect(lines).toEqual([
      '指标 九.3「活动信息报送（被“信用衡东”采用）」：序号由 2 改为 3（重新编号）',
      '指标 九.3「活动信息报送（被“信用衡东”采用）」：标识由 九.2 改为 九.3',
    ]);
  });

  it('two shipped editions of one document differ in many places, each named', () => {
    const lines = diffLines(shipped('pingdingshan-2020-counties'), shipped('pingdingshan-2020-departments'));
    expect(lines).toContain('文件：细则标识由 pingdingshan-2020-counties 改为 pingdingshan-2020-departments');
    expect(lines).toContain('类别 一「工作机制建设」：分值由 15 改为 25');
    expect(lines.every((l) => !l.includes('[object') && !l.includes('undefined'))).toBe(true);
  });
});

/** The constructs merged for issue 16 (schema version 2, parameters, three levels, monthly): each edit one line. */
describe('rubric diff: the merged language, one edit, one line', () => {
  type Rule<K extends string> = Extract<Rubric['categories'][number]['indicators'][number]['rule'], { kind: K }>;
  const composite = (r: Rubric) => ind(r, '1').rule as Rule<'composite'>;
  const monthly = (r: Rubric, id: string) => ind(r, id).rule as Rule<'monthly'>;
  const blocks = (r: Rubric) => (r.aggregation as Extract<Rubric['aggregation'], { mode: 'blocks' }>).blocks;

  it.each<[string, string, (r: Rubric) => void, string]>([
    ['schemaVersion', 'all-constructs.json', (r) => (r.schemaVersion = 2), '文件：细则语言版本由 1 改为 2'],
    // blocks-deductions 1: 转发 0.5 per 信息, less 1 per 信息 not forwarded.
    [
      'deduction part changed',
      'blocks-deductions.json',
      (r) => {
        const d = composite(r).deductions![0];
        if (d.kind === 'count') d.rate = 0.1;
      },
      '指标 1「信息转发」：评分规则扣分部分由 「少转发信息数」每个扣 1 分 改为 「少转发信息数」每个扣 0.1 分',
    ],
    [
      'deduction part capped',
      'blocks-deductions.json',
      (r) => {
        const d = composite(r).deductions![0];
        if (d.kind === 'count') d.cap = 3;
      },
      '指标 1「信息转发」：评分规则扣分部分由 「少转发信息数」每个扣 1 分 改为 「少转发信息数」每个扣 1 分，最多扣 3 分',
    ],
    [
      'deduction part removed',
      'blocks-deductions.json',
      (r) => delete composite(r).deductions,
      '指标 1「信息转发」：评分规则扣分部分由 「少转发信息数」每个扣 1 分 改为 （无）',
    ],
    [
      'deduction part added',
      'blocks-deductions.json',
      (r) => composite(r).deductions!.push({ kind: 'count', field: 'fwd', rate: 0.2 }),
      '指标 1「信息转发」：评分规则扣分部分由 「少转发信息数」每个扣 1 分 改为 「少转发信息数」每个扣 1 分、「转发信息数」每个扣 0.2 分',
    ],
    [
      'block weight',
      'blocks-deductions.json',
      (r) => (blocks(r)[0].weight = 6),
      '计分：分块由 共性指标（权重 7，类别 一） 改为 共性指标（权重 6，类别 一）',
    ],
    [
      'block categories',
      'blocks-deductions.json',
      (r) => {
        blocks(r)[0].categories = ['一', '二'];
      },
      '计分：分块由 共性指标（权重 7，类别 一） 改为 共性指标（权重 7，类别 一、二）',
    ],
    [
      'block scale',
      'blocks-deductions.json',
      (r) => {
        if (r.aggregation.mode === 'blocks') r.aggregation.scale = 10;
      },
      '计分：各块折算分由 100 改为 10',
    ],
    [
      'averageOver',
      'not-applicable-average.json',
      (r) => (r.averageOver = 'roster'),
      '计分：不涉及的处理由 不涉及的项目按同组其他单位的平均分计（容缺项） 改为 不涉及的项目按全部参评单位的平均分计（容缺项）',
    ],
    [
      'notApplicable average → exclude',
      'not-applicable-average.json',
      (r) => (r.notApplicable = 'exclude'),
      '计分：不涉及的处理由 不涉及的项目按同组其他单位的平均分计（容缺项） 改为 不涉及的项目不计入',
    ],
    [
      'parameter added',
      'office-parameters.json',
      (r) => r.parameters!.push({ id: 'points-9', label: '第9项 分值', type: 'points', min: 1, max: 20, perGroup: true }),
      '参数「第9项 分值」：新增参数（分值，最低 1，最高 20，按排名组分别设定）',
    ],
    [
      'parameter label (the item set by it is not a second line)',
      'office-parameters.json',
      (r) => (r.parameters![0].label = '制度建设 分值'),
      '参数「制度建设 分值」：名称由「第1项 制度建设 分值」改为「制度建设 分值」',
    ],
    ['parameter bound', 'office-parameters.json', (r) => (r.parameters![0].max = 50), '参数「第1项 制度建设 分值」：最高由 100 改为 50'],
    [
      'parameter perGroup',
      'office-parameters.json',
      (r) => (r.parameters![0].perGroup = true),
      '参数「第1项 制度建设 分值」：按排名组分别设定由 否 改为 是',
    ],
    [
      'pointsParam',
      'office-parameters.json',
      (r) => (ind(r, '1').pointsParam = 'points-2'),
      '指标 1「制度建设」：分值由 信用办设定的参数「第1项 制度建设 分值」 改为 信用办设定的参数「第2项 信息公示 分值」',
    ],
    [
      '考核指标 points',
      'three-levels.json',
      (r) => (r.categories[0].groups![0].points = 6),
      '类别 一「信用制度建设」 考核指标 （一）「制度建设」：分值由 5 改为 6',
    ],
    [
      '考核指标 子项',
      'three-levels.json',
      (r) => (r.categories[0].groups![0].indicators = ['1.1']),
      '类别 一「信用制度建设」 考核指标 （一）「制度建设」：子项由 1、2 改为 1',
    ],
    [
      '考核指标 removed',
      'three-levels.json',
      (r) => r.categories[0].groups!.pop(),
      '类别 一「信用制度建设」 考核指标 （二）「信息公示」：删除考核指标（原分值 4）',
    ],
    [
      '考核指标 renamed',
      'three-levels.json',
      (r) => (r.categories[0].groups![1].name = '公示'),
      '类别 一「信用制度建设」 考核指标 （二）「公示」：名称由「信息公示」改为「公示」',
    ],
    [
      'monthly combine',
      'monthly.json',
      (r) => (monthly(r, '1').combine = 'sum'),
      '指标 1「月度信息报送」：评分规则年度得分由 已考核月份的平均分 改为 各月得分之和',
    ],
    ['monthly monthMax', 'monthly.json', (r) => (monthly(r, '2').monthMax = 1), '指标 2「月度督办落实」：评分规则每月最高分由 0.5 改为 1'],
    [
      'monthly months',
      'monthly.json',
      (r) => monthly(r, '1').months.pop(),
      '指标 1「月度信息报送」：评分规则月份由 12 个月（「1月」至「12月」） 改为 11 个月（「1月」至「11月」）',
    ],
  ])('%s', (_, file, edit, expected) => {
    expect(afterConstructEdit(file, edit)).toEqual([expected]);
  });

  it('a 考核指标 added names its points and 子项', () => {
    const b = construct('three-levels.json');
    const a = structuredClone(b);
    a.categories[0].groups!.pop();
    expect(diffLines(a, b)).toEqual(['类别 一「信用制度建设」 考核指标 （二）「信息公示」：新增考核指标（分值 4，子项 3、4）']);
  });

  it('a parameter removed (no item set by it) is one line', () => {
    const a = construct('office-parameters.json');
    a.parameters!.push({ id: 'spare', label: '备用分值', type: 'points' });
    expect(diffLines(a, construct('office-parameters.json'))).toEqual(['参数「备用分值」：删除参数']);
  });
});
