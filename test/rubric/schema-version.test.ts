/**
 * The rubric language's version (schemaVersion) and the load-time checks of the constructs of
 * version 2 (composite deductions, weighted blocks, 不涉及 at the average): each mistake is refused
 * with the JSON path and a fix in Chinese.
 */
import { loadBuiltin } from '../../src/rubric/catalog';
import { formatRubricError, parseRubricData } from '../../src/rubric/load';
import { SCHEMA_VERSION } from '../../src/rubric/schema-version';

/** A shipped rubric as plain data, to be changed by each test (鹤岗 counties: deduct_from_base, full_points). */
const base = (id = 'hegang-2022-counties') => JSON.parse(JSON.stringify(loadBuiltin(id).rubric));

function errorsOf(data: unknown): string[] {
  const r = parseRubricData(data, 'x.json');
  return r.ok ? [] : r.errors.map(formatRubricError);
}

/** 鹤岗 一.1 (5 分) rewritten as 「转发1个得0.1分，最高1分；少转发1个扣0.1分」 plus its original yes/no part. */
function withDeductions(schemaVersion?: number) {
  const d = base();
  if (schemaVersion !== undefined) d.schemaVersion = schemaVersion;
  const ind = d.categories[0].indicators[0];
  ind.fields = [
    { id: 'fwd', label: '转发文件数', type: 'count' },
    { id: 'missed', label: '少转发文件数', type: 'count' },
  ];
  ind.rule = {
    kind: 'composite',
    parts: [{ kind: 'count', field: 'fwd', rate: 0.1, cap: ind.points }],
    deductions: [{ kind: 'count', field: 'missed', rate: 0.1 }],
  };
  delete ind.attainableMax;
  return d;
}

describe('schemaVersion', () => {
  it('the tool knows version 2', () => expect(SCHEMA_VERSION).toBe(2));
  it('absent is version 1: every shipped rubric loads without it', () => {
    for (const id of ['hegang-2022-counties', 'hengdong-2020-members', 'chaoyang-2020-method']) {
      const d = base(id);
      expect(d.schemaVersion).toBeUndefined();
      expect(errorsOf(d)).toEqual([]);
    }
  });
  it('a version newer than the tool is refused for that, before its unknown keys', () => {
    const d = { ...base(), schemaVersion: 3, newConstruct: { anything: true } };
    expect(errorsOf(d)).toEqual([
      'x.json: schemaVersion: 此细则用细则格式第 3 版写成，本工具只认识到第 2 版：此细则需要更新版本的工具。 修改：请把本工具更新到最新版本后再打开此细则；或请细则的提供方另给一份第 2 版及以下的细则。',
    ]);
  });
  it('0, 1.5 and "2" are not versions', () => {
    for (const v of [0, 1.5, '2']) expect(errorsOf({ ...base(), schemaVersion: v })[0]).toMatch(/^x\.json: schemaVersion: /);
  });
  it('a construct of version 2 in a rubric that declares none (= 1) is refused with its path and the construct', () => {
    expect(errorsOf(withDeductions())).toEqual([
      'x.json: categories[0].indicators[0].rule.deductions: 此处用了组合规则的扣分部分（deductions），这是细则格式第 2 版的写法，但本细则未写 schemaVersion，即第 1 版。 修改：在细则中写明 "schemaVersion": 2（或更高，至多 2）。',
    ]);
    expect(errorsOf(withDeductions(1))[0]).toContain('但本细则声明为第 1 版');
    expect(errorsOf(withDeductions(2))).toEqual([]);
  });
});

describe('composite deductions', () => {
  it('one added part without deductions is refused (a composite adds two parts, or one less deductions)', () => {
    const d = withDeductions(2);
    delete d.categories[0].indicators[0].rule.deductions;
    d.categories[0].indicators[0].fields.pop();
    expect(errorsOf(d)).toEqual([
      'x.json: categories[0].indicators[0].rule.parts: 组合规则（composite）只有一个得分部分，也没有扣分部分（deductions）。 修改：再加一个部分，或把这一部分直接写成本项的规则（rule）。',
    ]);
  });
  it('a deduction part reads a field of the item, of the right type, within the item maximum', () => {
    const d = withDeductions(2);
    d.categories[0].indicators[0].rule.deductions = [{ kind: 'count', field: 'late', rate: 0.1 }];
    expect(errorsOf(d)).toContain(
      'x.json: categories[0].indicators[0].rule.deductions[0].field: 指标「一.1」没有 id 为「late」的输入项。 修改：在 fields 中加入「late」，或改用已有的：fwd、missed。',
    );
    const e = withDeductions(2);
    e.categories[0].indicators[0].rule.deductions = [{ kind: 'count', field: 'missed', rate: 0.1, cap: 6 }];
    expect(errorsOf(e)).toEqual([
      'x.json: categories[0].indicators[0].rule.deductions[0].cap: 上限 6 超过本项最高分 5。 修改：改为不大于 5 的数。',
    ]);
  });
});

/** 鹤岗 counties (categories 一 … 六) in blocks: 一 + 二 共性 7, 三 … 六 个性 3. */
function inBlocks(change: (d: ReturnType<typeof base>) => void = () => {}) {
  const d = base();
  d.schemaVersion = 2;
  d.aggregation = {
    mode: 'blocks',
    scale: 100,
    blocks: [
      { label: '共性指标', weight: 7, categories: d.categories.slice(0, 2).map((c: { id: string }) => c.id) },
      { label: '个性指标', weight: 3, categories: d.categories.slice(2).map((c: { id: string }) => c.id) },
    ],
  };
  d.table.columns = d.table.columns.filter((c: { from: string }) => c.from !== 'deduction');
  change(d);
  return d;
}

describe('weighted blocks', () => {
  it('鹤岗 counties split into two blocks loads (each category in one block, 100 = fullMarks)', () => {
    expect(base().categories.length).toBeGreaterThanOrEqual(3);
    expect(errorsOf(inBlocks())).toEqual([]);
  });
  it('a category in no block, an unknown one, one in two blocks, and a scale other than the full marks are refused', () => {
    const missing = inBlocks((d) => d.aggregation.blocks[1].categories.pop());
    const last = base().categories.length - 1;
    expect(errorsOf(missing)).toEqual([
      `x.json: categories[${last}].id: 类别「${base().categories[last].number} ${base().categories[last].name}」不属于任何部分（aggregation.blocks）。 修改：把「${base().categories[last].id}」加入某个部分的 categories。`,
    ]);
    const unknown = inBlocks((d) => d.aggregation.blocks[1].categories.push('九'));
    expect(errorsOf(unknown)[0]).toMatch(
      /^x\.json: aggregation\.blocks\[1\]\.categories\[\d\]: 类别「九」不存在。 修改：改为已有类别的 id：/,
    );
    const twice = inBlocks((d) => d.aggregation.blocks[1].categories.push(d.categories[0].id));
    expect(errorsOf(twice)[0]).toContain(`类别「${base().categories[0].id}」已在「共性指标」中。`);
    const scale = inBlocks((d) => (d.aggregation.scale = 10));
    expect(errorsOf(scale)).toEqual([
      'x.json: aggregation.scale: 各部分按 10 分计、再按权重合成，合成结果也是 10 分制，但满分为 100。 修改：把 fullMarks 改为 10，或把 scale 改为 100。',
    ]);
  });
  it('without schemaVersion 2 the blocks are refused at aggregation.mode', () => {
    const d = inBlocks((x) => delete x.schemaVersion);
    expect(errorsOf(d)).toEqual([
      'x.json: aggregation.mode: 此处用了共性指标、个性指标分块加权（aggregation.mode "blocks"），这是细则格式第 2 版的写法，但本细则未写 schemaVersion，即第 1 版。 修改：在细则中写明 "schemaVersion": 2（或更高，至多 2）。',
    ]);
  });
});

describe('不涉及 at the average of the other units', () => {
  it('needs averageOver; averageOver needs notApplicable "average"; both need schemaVersion 2', () => {
    const d = { ...base(), schemaVersion: 2, notApplicable: 'average' };
    expect(errorsOf(d)).toEqual([
      'x.json: averageOver: 「不涉及按其他单位平均分计」须写明取哪些单位的平均。 修改：加入 "averageOver": "group"（同一排名组中作答的单位）或 "roster"（全部参评单位中作答的单位）。',
    ]);
    expect(errorsOf({ ...d, averageOver: 'group' })).toEqual([]);
    expect(errorsOf({ ...base(), averageOver: 'group' })).toEqual([
      'x.json: averageOver: averageOver 只用于 "notApplicable": "average"。 修改：删除 averageOver，或把 notApplicable 改为 "average"。',
    ]);
    expect(errorsOf({ ...d, averageOver: 'roster', schemaVersion: undefined })[0]).toContain(
      'x.json: notApplicable: 此处用了不涉及按其他单位的平均分计（notApplicable "average"）',
    );
  });
});

describe('deduction parts are amounts', () => {
  it('a rule that scores what is left after its own deductions (per_occurrence) is refused as a deduction part', () => {
    const d = withDeductions(2);
    d.categories[0].indicators[0].rule.deductions = [{ kind: 'per_occurrence', field: 'missed', base: 1, perOccurrence: 0.1 }];
    expect(errorsOf(d)).toEqual([
      'x.json: categories[0].indicators[0].rule.deductions[0].kind: 扣分部分不能用「per_occurrence」：它的得分是满分减去扣分，不是要扣除的分数。 修改：扣分部分用 count、bool、levels、tiers、ratio（其得分即扣除的分数）；「per_occurrence」这样本身扣分的规则写在 parts 中。',
    ]);
  });
  it('a tiers deduction (迟报率 above 10 % takes 1 分 off) is accepted', () => {
    const d = withDeductions(2);
    d.categories[0].indicators[0].fields.push({ id: 'late', label: '迟报率', type: 'percent' });
    d.categories[0].indicators[0].rule.deductions.push({
      kind: 'tiers',
      field: 'late',
      tiers: [
        { max: 10, maxInclusive: true, points: 0 },
        { min: 10, minInclusive: false, points: 1 },
      ],
    });
    expect(errorsOf(d)).toEqual([]);
  });
});
