/**
 * The 考核办法 sheet: one row per setting (设置项 | 值 | 说明), grouped by the rubric key each group
 * writes. Like the rule kinds, a group is one entry here; a key no group covers, or a value a group
 * cannot say plainly (its writer returns null), goes into the 高级设置 row as JSON.
 */
import type { Rubric } from '../../rubric/schema';
import {
  CellProblem,
  formatNumber,
  parseKeyValues,
  parseNumber,
  reverse,
  splitBars,
  splitItems,
  splitLines,
  splitWords,
  yesNo,
} from './text-syntax';
import type { SheetCellValue } from './types';

export interface MethodRow {
  label: string;
  /** Shown in the 说明 column. */
  hint: string;
  /** A list of allowed values (data validation). */
  options?: string[];
  /** Long text: a taller row. */
  long?: boolean;
  /**
   * A row added after sheets were in use (参数, 容缺平均范围, 细则语言版本, 分块): written after all the
   * others, so that the rows above keep their places, and read as blank when a sheet made before it lacks it.
   */
  later?: boolean;
}

export interface MethodGroup {
  /** The rubric key this group writes. */
  key: string;
  rows: MethodRow[];
  /** The cells of the rows, in order, or null when the value cannot be said plainly. */
  write(r: Rubric): SheetCellValue[] | null;
  /** The key's value from the cells (text, or undefined for a blank cell); throws CellProblem with the row index. */
  read(cells: (string | undefined)[], raw: SheetCellValue[]): unknown;
}

/** A problem in the row `index` of the group. */
export class RowProblem extends CellProblem {
  constructor(
    readonly index: number,
    p: CellProblem,
  ) {
    super(p.message, p.fix);
  }
}

const at = <T>(index: number, f: () => T): T => {
  try {
    return f();
  } catch (e) {
    if (e instanceof CellProblem && !(e instanceof RowProblem)) throw new RowProblem(index, e);
    throw e;
  }
};

const required = (v: string | undefined, label: string): string => {
  if (v === undefined) throw new CellProblem(`「${label}」没有填写。`, `填写${label}。`);
  return v;
};

function textRow(key: string, label: string, hint: string, opts: { nullable?: boolean; long?: boolean } = {}): MethodGroup {
  return {
    key,
    rows: [{ label, hint, long: opts.long }],
    write: (r) => [(r as unknown as Record<string, unknown>)[key] as string | null],
    read: ([v]) => (opts.nullable && v === undefined ? null : at(0, () => required(v, label))),
  };
}

const AGGREGATION = { sum: '各项相加', deduct_from_base: '基础分减扣分', normalised: '按承担项目折算', blocks: '分块加权' } as const;
const NOT_APPLICABLE = { not_allowed: '不允许', full_points: '按满分计', exclude: '不计入折算', average: '按平均分计' } as const;
const AVERAGE_OVER = { group: '同组单位', roster: '全部参评单位' } as const;
const BONUS = { none: '无', manual: '酌情加分', tiers: '分档加分', items: '加分项目' } as const;
const BAND_BASIS = { final: '最终得分', base: '基础得分' } as const;
const ITEM_SCORES = { exact: '精确相加', rounded: '逐项先取舍' } as const;
const PURPOSE = { official: '正式排名', reference: '仅供参考' } as const;
const FRAUD = { none: '不另处理', item_zero: '相关指标计0分', honour_ineligible: '取消评优资格' } as const;
const TABLE_FROM = {
  number: '序号',
  name: '名称',
  points: '分值',
  content: '考核内容',
  criteria: '评分标准',
  basis: '考核依据',
  method: '考核方式',
  category: '类别',
  deduction: '扣分',
  extra: '附加列',
} as const;

const list = <T extends Record<string, string>>(t: T) => Object.values(t);

export const METHOD_GROUPS: readonly MethodGroup[] = [
  textRow('id', '细则标识', '小写字母、数字和连字符，如 hengdong-2021-members；工作簿凭它认出细则'),
  textRow('version', '版本号', '三段数字，如 1.0.0；修改后调高'),
  textRow('city', '城市', '如 衡东县'),
  {
    key: 'year',
    rows: [{ label: '年度', hint: '考核年度，如 2021' }],
    write: (r) => [r.year],
    read: ([v], [raw]) => at(0, () => parseNumber(raw ?? required(v, '年度'), '年度')),
  },
  textRow('title', '办法名称', '考核办法或细则的标题', { long: true }),
  textRow('documentNumber', '文号', '如 衡信用办〔2021〕1号；没有文号留空', { nullable: true }),
  textRow('issuer', '发文单位', '如 衡东县社会信用体系建设工作领导小组办公室'),
  textRow('sourceFile', '来源文件', '所依据的文件名'),
  {
    key: 'annex',
    rows: [
      { label: '附件编号', hint: '附件后的编号，如 1；没有编号留空' },
      { label: '附件标题', hint: '考核表的标题', long: true },
    ],
    write: (r) => [r.annex.number, r.annex.title],
    read: ([n, t], [rawN]) => ({
      number: n === undefined ? null : typeof rawN === 'number' ? String(rawN) : n,
      title: at(1, () => required(t, '附件标题')),
    }),
  },
  textRow('assessedUnits', '考核对象', '如 县社会信用体系建设领导小组成员单位'),
  {
    key: 'fullMarks',
    rows: [{ label: '满分', hint: '基本分满分，如 100' }],
    write: (r) => [r.fullMarks],
    read: ([v], [raw]) => at(0, () => parseNumber(raw ?? required(v, '满分'), '满分')),
  },
  {
    key: 'aggregation',
    rows: [
      {
        label: '合计方式',
        hint: '各项相加；基础分减扣分（如鹤岗）；按承担项目折算（x/y×折算分）；分块加权（各块按承担项目折算后按权重合计，分块见「分块」行）',
        options: list(AGGREGATION),
      },
      { label: '合计基数', hint: '基础分减扣分时写基础分，按承担项目折算或分块加权时写折算分（如 100）；各项相加时留空' },
      {
        label: '分块',
        hint: '分块加权时每行一块：「块名称｜权重=7｜类别=一、二」，类别写类别行的标识，每个类别只归一块；其他合计方式留空',
        long: true,
        later: true,
      },
    ],
    write: (r) => {
      const a = r.aggregation;
      if (a.mode === 'sum') return [AGGREGATION.sum, null, null];
      if (a.mode === 'deduct_from_base') return [AGGREGATION.deduct_from_base, a.base, null];
      if (a.mode === 'normalised') return [AGGREGATION.normalised, a.scale, null];
      if (a.blocks.some((b) => /[｜|\n=＝]/.test(b.label) || b.categories.some((c) => /[、，,\s]/.test(c)))) return null;
      return [
        AGGREGATION.blocks,
        a.scale,
        a.blocks.map((b) => `${b.label}｜权重=${formatNumber(b.weight)}｜类别=${b.categories.join('、')}`).join('\n'),
      ];
    },
    read: ([m, b, blocks], [, rawB]) => {
      const mode = at(0, () => reverse(AGGREGATION, m ?? '各项相加', '合计方式'));
      if (mode === 'sum') return { mode };
      const n = at(1, () => parseNumber(rawB ?? required(b, '合计基数'), '合计基数'));
      if (mode === 'deduct_from_base') return { mode, base: n };
      if (mode === 'normalised') return { mode, scale: n };
      return {
        mode,
        scale: n,
        blocks: at(2, () =>
          splitLines(required(blocks, '分块')).map((line) => {
            const [label, ...rest] = splitBars(line);
            const block: Record<string, unknown> = { label };
            for (const [k, v] of parseKeyValues(rest, `分块「${label}」`)) {
              if (k === '权重') block.weight = parseNumber(v, `分块「${label}」的权重`);
              else if (k === '类别') block.categories = splitWords(v);
              else throw new CellProblem(`分块「${label}」的「${k}」不认识。`, '每行写「块名称｜权重=7｜类别=一、二」。');
            }
            if (block.weight === undefined || block.categories === undefined)
              throw new CellProblem(`分块「${line}」缺少权重或类别。`, '每行写「块名称｜权重=7｜类别=一、二」。');
            return block;
          }),
        ),
      };
    },
  },
  {
    key: 'notApplicable',
    rows: [
      {
        label: '不涉及',
        hint: '单位不涉及某项时：不允许；按满分计；不计入折算；按平均分计（容缺项：按其他单位该项的平均分计，范围见「容缺平均范围」行）',
        options: list(NOT_APPLICABLE),
      },
    ],
    write: (r) => [NOT_APPLICABLE[r.notApplicable]],
    read: ([v]) => at(0, () => reverse(NOT_APPLICABLE, v ?? '不允许', '不涉及')),
  },
  {
    key: 'bonus',
    rows: [
      { label: '加分方式', hint: '无；酌情加分（考核组认定）；分档加分；加分项目（某一类别的指标作为加分项）', options: list(BONUS) },
      { label: '加分名称', hint: '如 创新举措加分（第四条）' },
      { label: '加分标准', hint: '办法原文', long: true },
      { label: '加分上限', hint: '加分合计不超过的分数；不设上限留空' },
      { label: '加分档次', hint: '分档加分时：「创新奖:5；特别创新奖:10」' },
      { label: '加分类别', hint: '加分项目时：作为加分项的类别标识' },
    ],
    write: (r) => {
      const b = r.bonus;
      if (b.kind === 'none') return ['无', null, null, null, null, null];
      if (b.kind === 'tiers') {
        if (b.tiers.some((t) => /[；;:：]/.test(t.label))) return null;
        return [BONUS.tiers, b.label, b.criteria, null, b.tiers.map((t) => `${t.label}:${formatNumber(t.points)}`).join('；'), null];
      }
      if (b.kind === 'manual') return [BONUS.manual, b.label, b.criteria, b.max, null, null];
      return [BONUS.items, b.label, b.criteria, b.max, null, b.category];
    },
    read: ([kind, label, criteria, , tiers, category], [, , , rawMax]) => {
      const k = at(0, () => reverse(BONUS, kind ?? '无', '加分方式'));
      if (k === 'none') return { kind: k };
      const common = { kind: k, label: at(1, () => required(label, '加分名称')), criteria: criteria ?? '' };
      const max = rawMax === null || rawMax === undefined || rawMax === '' ? null : at(3, () => parseNumber(rawMax, '加分上限'));
      if (k === 'manual') return { ...common, max };
      if (k === 'items') return { ...common, max, category: at(5, () => required(category, '加分类别')) };
      return {
        ...common,
        tiers: at(4, () =>
          splitItems(required(tiers, '加分档次')).map((t) => {
            const m = /^(.+)[:：]\s*(\S+)$/.exec(t);
            if (!m) throw new CellProblem(`加分档次「${t}」缺少「:分值」。`, '写成「创新奖:5；特别创新奖:10」。');
            return { label: m[1].trim(), points: parseNumber(m[2], `加分档次「${t}」的分值`) };
          }),
        ),
      };
    },
  },
  {
    key: 'outerScale',
    rows: [{ label: '折合分值', hint: '结果计入上级指数时：「10｜折合城市信用指数分值」；不折合留空' }],
    write: (r) => [r.outerScale ? `${formatNumber(r.outerScale.max)}｜${r.outerScale.label}` : null],
    read: ([v]) =>
      v === undefined
        ? undefined
        : at(0, () => {
            const [max, label] = splitBars(v);
            if (!label) throw new CellProblem(`折合分值「${v}」缺少说明。`, '写成「10｜折合城市信用指数分值」。');
            return { max: parseNumber(max, '折合分值'), label };
          }),
  },
  {
    key: 'bands',
    rows: [
      { label: '等次依据', hint: '按最终得分（含加分）或基础得分定等次', options: list(BAND_BASIS) },
      { label: '等次线', hint: '从高到低：「优秀≥90；良好≥80；合格≥60；不合格」（最低一档也可写「不合格<60」）；不评等次留空' },
    ],
    write: (r) => {
      if (r.bands === null) return [null, null];
      const list = r.bands.list;
      if (list.length < 2 || list.some((b, i) => (b.min === null) !== (i === list.length - 1))) return null;
      // The lowest band: 「不合格」, or 「不合格<50」 (the form 朝阳's method uses: below the band above).
      const below = (i: number) => (list[i].minInclusive ? '' : `<${formatNumber(list[i - 1].min!)}`);
      const text = list
        .map((b, i) => (b.min === null ? `${b.label}${below(i)}` : `${b.label}${b.minInclusive ? '≥' : '>'}${formatNumber(b.min)}`))
        .join('；');
      return [BAND_BASIS[r.bands.basis], text];
    },
    read: ([basis, text]) => {
      if (text === undefined) return null;
      return {
        basis: at(0, () => reverse(BAND_BASIS, basis ?? '最终得分', '等次依据')),
        list: at(1, () =>
          splitItems(text).map((b, i, all) => {
            const m = /^(.+?)(≥|>=|>|＞)\s*(\S+)$/.exec(b);
            const low = /^(.+?)[<＜]\s*(\S+)$/.exec(b);
            if (low && i === all.length - 1) {
              const above = /(?:≥|>=|>|＞)\s*(\S+)$/.exec(all[i - 1] ?? '');
              if (!above || parseNumber(low[2], `等次「${b}」`) !== parseNumber(above[1], `等次「${all[i - 1]}」`))
                throw new CellProblem(
                  `最低等次「${b}」的界限与上一等次的分数线不同。`,
                  `写成「${low[1].trim()}」，或「<」后写上一等次的分数线。`,
                );
              return { label: low[1].trim(), min: null, minInclusive: false };
            }
            if (!m) return { label: b, min: null, minInclusive: true };
            return { label: m[1].trim(), min: parseNumber(m[3], `等次「${b}」的分数线`), minInclusive: m[2] !== '>' && m[2] !== '＞' };
          }),
        ),
      };
    },
  },
  {
    key: 'rounding',
    rows: [
      { label: '小数位数', hint: '得分保留几位小数（四舍五入），如 2' },
      { label: '逐项取舍', hint: '精确相加（只取舍合计）；逐项先取舍（各项先取舍再相加）', options: list(ITEM_SCORES) },
    ],
    write: (r) => [r.rounding.decimals, ITEM_SCORES[r.rounding.itemScores]],
    read: ([d, items], [rawD]) => ({
      decimals: at(0, () => parseNumber(rawD ?? required(d, '小数位数'), '小数位数')),
      mode: 'half_up',
      itemScores: at(1, () => reverse(ITEM_SCORES, items ?? '精确相加', '逐项取舍')),
    }),
  },
  {
    key: 'ranking',
    rows: [
      { label: '排名用途', hint: '正式排名（办法排定名次）；仅供参考', options: list(PURPOSE) },
      {
        label: '排名分组',
        hint: '每行一组：「分组标识｜分组名称｜表彰=先进单位:3｜通报=通报批评:2」，表彰前N名、通报后N名，没有就不写',
        long: true,
      },
    ],
    write: (r) => {
      const lines = r.ranking.groups.map((g) => {
        const parts = [g.id, g.label];
        if (g.honours.length) parts.push(`表彰=${g.honours.map((h) => `${h.label}:${h.top}`).join('、')}`);
        if (g.criticism.length) parts.push(`通报=${g.criticism.map((c) => `${c.label}:${c.bottom}`).join('、')}`);
        return parts;
      });
      if (
        lines.flat().some((p) => /[｜|\n]/.test(p)) ||
        r.ranking.groups.some((g) => [...g.honours, ...g.criticism].some((h) => /[、:：=]/.test(h.label)))
      )
        return null;
      return [PURPOSE[r.ranking.purpose], lines.map((l) => l.join('｜')).join('\n')];
    },
    read: ([purpose, groups]) => ({
      method: 'competition',
      purpose: at(0, () => reverse(PURPOSE, purpose ?? '正式排名', '排名用途')),
      groups: at(1, () =>
        splitLines(required(groups, '排名分组')).map((line) => {
          const [id, label, ...rest] = splitBars(line);
          if (!id || !label)
            throw new CellProblem(
              `排名分组「${line}」不全。`,
              '每行写「分组标识｜分组名称」，可加「｜表彰=名称:名额」「｜通报=名称:名额」。',
            );
          const g: { id: string; label: string; honours: unknown[]; criticism: unknown[] } = { id, label, honours: [], criticism: [] };
          for (const [k, v] of parseKeyValues(rest, `排名分组「${id}」`)) {
            const items = splitWords(v).map((w) => {
              const m = /^(.+)[:：]\s*(\S+)$/.exec(w);
              if (!m) throw new CellProblem(`「${w}」缺少名额。`, '写成「先进单位:3」。');
              return [m[1].trim(), parseNumber(m[2], `「${w}」的名额`)] as const;
            });
            if (k === '表彰') g.honours = items.map(([label, top]) => ({ label, top }));
            else if (k === '通报') g.criticism = items.map(([label, bottom]) => ({ label, bottom }));
            else throw new CellProblem(`排名分组的「${k}」不认识。`, '只写「表彰=…」和「通报=…」。');
          }
          return g;
        }),
      ),
    }),
  },
  {
    key: 'fraud',
    rows: [{ label: '弄虚作假处理', hint: '不另处理；相关指标计0分；取消评优资格', options: list(FRAUD) }],
    write: (r) => [FRAUD[r.fraud]],
    read: ([v]) => at(0, () => reverse(FRAUD, v ?? '不另处理', '弄虚作假处理')),
  },
  {
    key: 'table',
    rows: [
      {
        label: '原表列',
        hint: `考核表原有的列，每行「表头=来源」，来源为${list(TABLE_FROM).join('、')}之一，可加「，带序号」「，带分值」；留空用默认列`,
        long: true,
      },
      { label: '现场签字确认', hint: '考核组现场评分、单位签字确认时填「是」' },
    ],
    write: (r) => {
      if (!r.table) return [null, null];
      if (r.table.columns.some((c) => /[=＝，,\n]/.test(c.header))) return null;
      const lines = r.table.columns.map(
        (c) =>
          `${c.header}=${TABLE_FROM[c.from]}${c.withNumber ? '，带序号' : c.withNumber === false ? '，不带序号' : ''}${c.withPoints ? '，带分值' : c.withPoints === false ? '，不带分值' : ''}`,
      );
      return [lines.join('\n'), r.table.confirmation === undefined ? null : r.table.confirmation ? '是' : '否'];
    },
    read: ([cols, confirm]) => {
      if (cols === undefined && confirm === undefined) return undefined;
      const columns = at(0, () =>
        splitLines(required(cols, '原表列')).map((line) => {
          const [head, ...flags] = line.split(/[，,]/).map((s) => s.trim());
          const [[header, from]] = parseKeyValues([head], '原表列');
          const c: Record<string, unknown> = { header, from: reverse(TABLE_FROM, from, `原表列「${header}」的来源`) };
          for (const f of flags) {
            if (f === '带序号' || f === '不带序号') c.withNumber = f === '带序号';
            else if (f === '带分值' || f === '不带分值') c.withPoints = f === '带分值';
            else throw new CellProblem(`原表列「${header}」的「${f}」不认识。`, '只能加「，带序号」或「，带分值」。');
          }
          return c;
        }),
      );
      return confirm === undefined ? { columns } : { columns, confirmation: at(1, () => yesNo(confirm, '现场签字确认')) };
    },
  },
  {
    key: 'defaultRoster',
    rows: [{ label: '默认名单', hint: '每行一个单位：「单位名称｜排名分组标识」；没有留空', long: true }],
    write: (r) => {
      if (!r.defaultRoster) return [null];
      if (r.defaultRoster.some((e) => /[｜|\n]/.test(e.name + e.group))) return null;
      return [r.defaultRoster.map((e) => `${e.name}｜${e.group}`).join('\n')];
    },
    read: ([v]) =>
      v === undefined
        ? undefined
        : at(0, () =>
            splitLines(v).map((line) => {
              const [name, group] = splitBars(line);
              if (!name || !group) throw new CellProblem(`默认名单「${line}」不全。`, '每行写「单位名称｜排名分组标识」。');
              return { name, group };
            }),
          ),
  },
  {
    key: 'officeMustSet',
    rows: [{ label: '须由本办设定', hint: '文件未规定、须由信用办自行确定的事项，每行一条', long: true }],
    write: (r) => (r.officeMustSet.some((s) => /\n/.test(s)) ? null : [r.officeMustSet.join('\n') || null]),
    read: ([v]) => (v === undefined ? [] : splitLines(v)),
  },
  // Groups added after sheets were in use: their rows are `later` (written at the end, optional on reading).
  {
    key: 'parameters',
    rows: [
      {
        label: '参数',
        later: true,
        hint: '由本办设定一次、各单位共用的分值（文件未公布分值时），每行一个：「标识｜名称｜最低=0｜最高=100｜分组设定=是｜提示=…」，最低、最高、分组设定（按排名分组各设一次）、提示可省；指标的分值格写「参数:标识」。没有留空',
        long: true,
      },
    ],
    write: (r) => {
      if (!r.parameters) return [null];
      const lines = r.parameters.map((p) => {
        const parts = [p.id, p.label];
        if (p.min !== undefined) parts.push(`最低=${formatNumber(p.min)}`);
        if (p.max !== undefined) parts.push(`最高=${formatNumber(p.max)}`);
        if (p.perGroup !== undefined) parts.push(`分组设定=${p.perGroup ? '是' : '否'}`);
        if (p.hint !== undefined) parts.push(`提示=${p.hint}`);
        return parts;
      });
      if (lines.some((l) => l.slice(0, 2).some((x) => /[｜|\n=＝]/.test(x)) || l.slice(2).some((x) => /[｜|\n]/.test(x)))) return null;
      return [lines.map((l) => l.join('｜')).join('\n')];
    },
    read: ([v]) =>
      v === undefined
        ? undefined
        : at(0, () =>
            splitLines(v).map((line) => {
              const [id, label, ...rest] = splitBars(line);
              if (!id || !label)
                throw new CellProblem(`参数「${line}」不全。`, '每行写「标识｜名称」，可加「｜最低=0｜最高=100｜分组设定=是」。');
              const p: Record<string, unknown> = { id, label, type: 'points' };
              for (const [k, val] of parseKeyValues(rest, `参数「${id}」`)) {
                if (k === '最低') p.min = parseNumber(val, `参数「${id}」的最低`);
                else if (k === '最高') p.max = parseNumber(val, `参数「${id}」的最高`);
                else if (k === '分组设定') p.perGroup = yesNo(val, `参数「${id}」的分组设定`);
                else if (k === '提示') p.hint = val;
                else throw new CellProblem(`参数「${id}」的「${k}」不认识。`, '只写「最低=…」「最高=…」「分组设定=是」「提示=…」。');
              }
              return p;
            }),
          ),
  },
  {
    key: 'averageOver',
    rows: [
      {
        label: '容缺平均范围',
        later: true,
        hint: '不涉及「按平均分计」时，取谁的平均分：同组单位（同一排名分组中填报了该项的单位）；全部参评单位。其他情况留空',
        options: list(AVERAGE_OVER),
      },
    ],
    write: (r) => [r.averageOver === undefined ? null : AVERAGE_OVER[r.averageOver]],
    read: ([v]) => (v === undefined ? undefined : at(0, () => reverse(AVERAGE_OVER, v, '容缺平均范围'))),
  },
  {
    key: 'schemaVersion',
    rows: [{ label: '细则语言版本', hint: '用到分块加权、扣分部分或按平均分计时填 2；否则留空', later: true }],
    write: (r) => [r.schemaVersion ?? null],
    read: ([v], [raw]) => (v === undefined ? undefined : at(0, () => parseNumber(raw, '细则语言版本'))),
  },
];

/** The 高级设置 row of the 考核办法 sheet: a JSON object merged over the settings above. */
export const METHOD_ADVANCED_LABEL = '高级设置';
