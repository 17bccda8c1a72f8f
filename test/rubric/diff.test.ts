/**
 * The rubric diff on hand-made edits of shipped rubrics: each edit changes one thing, and the diff
 * lists exactly that one change, in words, with the indicator or setting it concerns.
 */
import { loadBuiltin } from '../../src/rubric/catalog';
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
