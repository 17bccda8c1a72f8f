/**
 * What changed between two rubrics, in Chinese, in the order of the document: the heading (文号,
 * 年度, 版本), the annex settings (满分, 计分方式, 不涉及, 取整), the table (类别 and 指标: added,
 * removed, renumbered, 分值, texts, 填报项, 评分规则), then 加分, 等次线, 排名与表彰, 弄虚作假, the roster
 * and the notes. An office compares its own edited rubric with the shipped one, or two editions.
 *
 * Indicators and categories are matched by id, then (for those left) by name, so an item renumbered
 * with a new id still reads as renumbered rather than as removed plus added. Rules are compared in
 * words (rule-words.ts): a changed tier reads 「档次由 ≥90%:5 改为 ≥95%:5」. Pure.
 */
import type { Category, Indicator, Parameter, Rubric } from './schema';
import { bandWords, bonusWords, fieldWords, rankGroupWords, RULE_KIND_NAMES, ruleWords, wordsLine, type Words } from './rule-words';

export interface RubricChange {
  /** What the change is about: 「文件」「指标 一.1「制度建设」」「等次线」. */
  where: string;
  /** The change, one sentence. */
  what: string;
}

export const NO_CHANGES = '两份细则内容相同';

export const formatChange = (c: RubricChange): string => `${c.where}：${c.what}`;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '（无）' : String(v));
const changed = (label: string, a: unknown, b: unknown) => `${label}由 ${show(a)} 改为 ${show(b)}`;

const CONTEXT = 8;
const MIDDLE = 40;
const clip = (s: string) => (s.length > MIDDLE ? `${s.slice(0, MIDDLE)}…` : s);

/** 「…原文…」改为「…新文…」: the changed middle of two texts with a few characters either side. */
export function textChange(label: string, a: string, b: string): string {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const excerpt = (t: string) => {
    const before = t.slice(Math.max(0, p - CONTEXT), p);
    const after = t.slice(t.length - s, t.length - s + CONTEXT);
    const lead = p > CONTEXT ? '…' : '';
    const tail = s > CONTEXT ? '…' : '';
    return `「${lead}${before}${clip(t.slice(p, t.length - s))}${after}${tail}」`;
  };
  if (a === '') return `${label}由空改为${excerpt(b)}`;
  if (b === '') return `${label}由${excerpt(a)}改为空`;
  return `${label}由${excerpt(a)}改为${excerpt(b)}`;
}

/** Differences of two phrase lists: per label, only the entries that differ when the counts agree. */
export function wordsChanges(a: Words, b: Words, prefix = ''): string[] {
  const out: string[] = [];
  const labels = [...new Set([...a.map(([l]) => l), ...b.map(([l]) => l)])];
  const get = (w: Words, l: string) => w.find(([x]) => x === l)?.[1] ?? [];
  for (const label of labels) {
    const va = get(a, label);
    const vb = get(b, label);
    if (same(va, vb)) continue;
    const idx = va.length === vb.length ? va.map((_, i) => i).filter((i) => va[i] !== vb[i]) : null;
    const pick = (v: string[]) => (idx ? idx.map((i) => v[i]) : v).join('、') || '（无）';
    out.push(`${prefix}${label}由 ${pick(va)} 改为 ${pick(vb)}`);
  }
  return out;
}

/** Pairs items of b with items of a: same key first, then same name among those left. */
function match<T>(a: readonly T[], b: readonly T[], key: (t: T) => string, name: (t: T) => string): Map<T, T> {
  const pairs = new Map<T, T>();
  const left = new Set(a);
  for (const y of b) {
    const x = [...left].find((t) => key(t) === key(y));
    if (x) {
      pairs.set(y, x);
      left.delete(x);
    }
  }
  for (const y of b) {
    if (pairs.has(y)) continue;
    const x = [...left].find((t) => name(t) === name(y));
    if (x) {
      pairs.set(y, x);
      left.delete(x);
    }
  }
  return pairs;
}

/**
 * 指标 一.2「名称」: the category's number goes in front when item numbers restart in each category
 * (平顶山 一.1, 二.1), not when they run through the table (亳州 1–24) or repeat the category's (衡东 六).
 */
function indicatorNames(r: Rubric): Map<Indicator, string> {
  const all = r.categories.flatMap((c) => c.indicators.map((i) => i.number));
  const unique = new Set(all).size === all.length;
  return new Map(
    r.categories.flatMap((c) =>
      c.indicators.map((i) => [i, `指标 ${unique || i.number === c.number ? i.number : `${c.number}.${i.number}`}「${i.name}」`] as const),
    ),
  );
}

const categoryWhere = (c: Category) => `类别 ${c.number}「${c.name}」`;

/** An item's maximum as the office reads it: the printed points, or the parameter it sets once (朝阳 1.3.0). */
function pointsWords(i: Indicator, r: Rubric): string {
  if (i.pointsParam) {
    const p = (r.parameters ?? []).find((x) => x.id === i.pointsParam);
    return `信用办设定的参数「${p?.label ?? i.pointsParam}」`;
  }
  return show(i.points ?? '未公布');
}

function indicatorChanges(
  a: Indicator,
  b: Indicator,
  aCat: Category,
  bCat: Category,
  catPairs: Map<Category, Category>,
  where: string,
  rubrics: { a: Rubric; b: Rubric; paramPairs: Map<string, string> },
): RubricChange[] {
  const out: string[] = [];
  if (a.number !== b.number) out.push(`序号由 ${a.number} 改为 ${b.number}（重新编号）`);
  if (a.id !== b.id) out.push(changed('标识', a.id, b.id));
  if (catPairs.get(bCat) !== aCat) out.push(`由类别 ${aCat.number}「${aCat.name}」移到类别 ${bCat.number}「${bCat.name}」`);
  if (a.name !== b.name) out.push(`名称由「${a.name}」改为「${b.name}」`);
  // A parameter renamed is its own line (参数「…」): the item still reads as set by the same parameter.
  const sameParam = a.pointsParam !== undefined && b.pointsParam !== undefined && rubrics.paramPairs.get(b.pointsParam) === a.pointsParam;
  if (a.points !== b.points || (!sameParam && (a.pointsParam || b.pointsParam)))
    out.push(changed('分值', pointsWords(a, rubrics.a), pointsWords(b, rubrics.b)));
  for (const [k, label] of [
    ['content', '考核内容'],
    ['criteria', '评分标准'],
    ['basis', '考核依据'],
    ['method', '考核方式'],
  ] as const)
    if ((a[k] ?? '') !== (b[k] ?? '')) out.push(textChange(label, a[k] ?? '', b[k] ?? ''));
  const extraKeys = [...new Set([...Object.keys(a.extra ?? {}), ...Object.keys(b.extra ?? {})])];
  for (const k of extraKeys) {
    const x = a.extra?.[k] ?? '';
    const y = b.extra?.[k] ?? '';
    if (x !== y) out.push(textChange(k, x, y));
  }
  const fa = new Map(a.fields.map((f) => [f.id, f]));
  const fb = new Map(b.fields.map((f) => [f.id, f]));
  for (const f of b.fields) {
    const old = fa.get(f.id);
    if (!old) out.push(`新增填报项「${f.label}」（${fieldWords(f)}）`);
    else {
      if (old.label !== f.label) out.push(`填报项「${old.label}」改名为「${f.label}」`);
      if (fieldWords(old) !== fieldWords(f)) out.push(`填报项「${f.label}」由 ${fieldWords(old)} 改为 ${fieldWords(f)}`);
    }
  }
  for (const f of a.fields) if (!fb.has(f.id)) out.push(`删除填报项「${f.label}」`);
  const wa = ruleWords(a.rule, a.fields);
  // A rule naming a field the edit removed still reads with that field's label (the removal is its own line).
  const wb = ruleWords(b.rule, [...b.fields, ...a.fields]);
  if (a.rule.kind !== b.rule.kind)
    out.push(`评分规则由「${RULE_KIND_NAMES[a.rule.kind]}」改为「${RULE_KIND_NAMES[b.rule.kind]}」：${wordsLine(wb)}`);
  else out.push(...wordsChanges(wa, wb, '评分规则'));
  if (a.attainableMax !== b.attainableMax) out.push(changed('可得最高分', a.attainableMax ?? '本项分值', b.attainableMax ?? '本项分值'));
  if (!same(a.notes, b.notes)) out.push(changed('所附说明', a.notes.join('、') || '（无）', b.notes.join('、') || '（无）'));
  return out.map((what) => ({ where, what }));
}

/** 1.1、1.2: a 考核指标's 子项 by their printed numbers (the ids when an item is gone). */
function subItemWords(ids: readonly string[], c: Category): string {
  return ids.map((id) => c.indicators.find((i) => i.id === id)?.number ?? id).join('、');
}

/** The 考核指标 of a category (three levels): added, removed, renumbered, renamed, 分值, 子项. */
function groupChanges(ca: Category | undefined, cb: Category): RubricChange[] {
  const out: RubricChange[] = [];
  const ga = ca?.groups ?? [];
  const gb = cb.groups ?? [];
  const pairs = match(
    ga,
    gb,
    (g) => g.id,
    (g) => g.name,
  );
  const matched = new Set(pairs.values());
  const where = (g: { number: string; name: string }) => `${categoryWhere(cb)} 考核指标 ${g.number}「${g.name}」`;
  for (const g of gb) {
    const old = pairs.get(g);
    const w = where(g);
    if (!old) {
      out.push({ where: w, what: `新增考核指标（分值 ${g.points}，子项 ${subItemWords(g.indicators, cb)}）` });
      continue;
    }
    if (old.number !== g.number) out.push({ where: w, what: `序号由 ${old.number} 改为 ${g.number}（重新编号）` });
    if (old.name !== g.name) out.push({ where: w, what: `名称由「${old.name}」改为「${g.name}」` });
    if (old.points !== g.points) out.push({ where: w, what: changed('分值', old.points, g.points) });
    const sa = subItemWords(old.indicators, ca!);
    const sb = subItemWords(g.indicators, cb);
    if (sa !== sb) out.push({ where: w, what: changed('子项', sa, sb) });
  }
  for (const g of ga)
    if (!matched.has(g))
      out.push({ where: where(g).replace(categoryWhere(cb), categoryWhere(ca!)), what: `删除考核指标（原分值 ${g.points}）` });
  return out;
}

function tableChanges(a: Rubric, b: Rubric): RubricChange[] {
  const out: RubricChange[] = [];
  const catPairs = match(
    a.categories,
    b.categories,
    (c) => c.id,
    (c) => c.name,
  );
  const flat = (r: Rubric) => r.categories.flatMap((c) => c.indicators.map((ind) => ({ ind, cat: c })));
  const ia = flat(a);
  const ib = flat(b);
  const indPairs = match(
    ia,
    ib,
    (x) => x.ind.id,
    (x) => x.ind.name,
  );
  const matchedA = new Set(indPairs.values());
  const namesA = indicatorNames(a);
  const namesB = indicatorNames(b);
  const matchedCatsA = new Set(catPairs.values());
  const paramPairs = new Map([...pairParameters(a, b)].map(([y, x]) => [y.id, x.id]));
  const removedOf = (cat: Category) =>
    ia
      .filter((x) => x.cat === cat && !matchedA.has(x))
      .map((x) => ({ where: namesA.get(x.ind)!, what: `删除指标（原分值 ${show(x.ind.points)}）` }));
  for (const cb of b.categories) {
    const ca = catPairs.get(cb);
    const where = categoryWhere(cb);
    if (!ca) out.push({ where, what: `新增类别（分值 ${show(cb.points)}，${cb.indicators.length} 项指标）` });
    else {
      if (ca.number !== cb.number) out.push({ where, what: `序号由 ${ca.number} 改为 ${cb.number}（重新编号）` });
      if (ca.name !== cb.name) out.push({ where, what: `名称由「${ca.name}」改为「${cb.name}」` });
      if (ca.points !== cb.points) out.push({ where, what: changed('分值', ca.points ?? '未公布', cb.points ?? '未公布') });
    }
    for (const y of ib.filter((x) => x.cat === cb)) {
      const x = indPairs.get(y);
      if (!x) out.push({ where: namesB.get(y.ind)!, what: `新增指标（分值 ${show(y.ind.points)}，${RULE_KIND_NAMES[y.ind.rule.kind]}）` });
      else out.push(...indicatorChanges(x.ind, y.ind, x.cat, y.cat, catPairs, namesB.get(y.ind)!, { a, b, paramPairs }));
    }
    if (ca) out.push(...removedOf(ca));
    out.push(...groupChanges(ca, cb));
  }
  for (const ca of a.categories) {
    if (matchedCatsA.has(ca)) continue;
    out.push({ where: categoryWhere(ca), what: `删除类别（原分值 ${show(ca.points)}，${ca.indicators.length} 项指标）` }, ...removedOf(ca));
  }
  return out;
}

/** 共性指标（权重 7，类别 一、二）: one block, so that a weight or a category moved reads as one change. */
const blockWords = (r: Rubric, b: { label: string; weight: number; categories: string[] }) =>
  `${b.label}（权重 ${b.weight}，类别 ${b.categories.map((id) => r.categories.find((c) => c.id === id)?.number ?? id).join('、')}）`;

/** Two rubrics both in weighted blocks: the scale, then each block (matched by position) that differs. */
function blocksChanges(a: Rubric, b: Rubric): string[] {
  if (a.aggregation.mode !== 'blocks' || b.aggregation.mode !== 'blocks') return [];
  const out: string[] = [];
  if (a.aggregation.scale !== b.aggregation.scale) out.push(changed('各块折算分', a.aggregation.scale, b.aggregation.scale));
  const wa = a.aggregation.blocks.map((x) => blockWords(a, x));
  const wb = b.aggregation.blocks.map((x) => blockWords(b, x));
  out.push(...wordsChanges([['分块', wa]], [['分块', wb]]));
  return out;
}

const AGGREGATION = (r: Rubric) =>
  r.aggregation.mode === 'sum'
    ? '各项得分相加'
    : r.aggregation.mode === 'deduct_from_base'
      ? `基础分 ${r.aggregation.base} 减扣分`
      : r.aggregation.mode === 'blocks'
        ? `分块加权（${r.aggregation.blocks.map((b) => `${b.label} 权重 ${b.weight}`).join('、')}，各按 ${r.aggregation.scale} 分折算）`
        : `按涉及项目折算为 ${r.aggregation.scale} 分`;
const NOT_APPLICABLE = (r: Rubric) =>
  ({
    not_allowed: '不允许填不涉及',
    full_points: '不涉及得满分',
    exclude: '不涉及的项目不计入',
    average: `不涉及的项目按${r.averageOver === 'roster' ? '全部参评单位' : '同组其他单位'}的平均分计（容缺项）`,
  })[r.notApplicable];
const FRAUD = { none: '未规定', item_zero: '弄虚作假的指标不得分', honour_ineligible: '弄虚作假的单位不得评先' };
const ROUNDING = (r: Rubric) =>
  `保留 ${r.rounding.decimals} 位小数，${r.rounding.itemScores === 'rounded' ? '各项先取整再合计' : '合计后取整'}`;

const parameterWords = (p: Parameter) => `分值，最低 ${p.min ?? 0}，最高 ${p.max ?? '不限'}${p.perGroup ? '，按排名组分别设定' : ''}`;

const pairParameters = (a: Rubric, b: Rubric) =>
  match(
    a.parameters ?? [],
    b.parameters ?? [],
    (p) => p.id,
    (p) => p.label,
  );

/** The values the office sets once (参数): added, removed, renamed, bounds, per group, hint. */
function parameterChanges(a: Rubric, b: Rubric): RubricChange[] {
  const out: RubricChange[] = [];
  const pa = a.parameters ?? [];
  const pb = b.parameters ?? [];
  const pairs = pairParameters(a, b);
  const matched = new Set(pairs.values());
  const yesNo = (v: boolean | undefined) => (v ? '是' : '否');
  for (const p of pb) {
    const old = pairs.get(p);
    const where = `参数「${p.label}」`;
    if (!old) {
      out.push({ where, what: `新增参数（${parameterWords(p)}）` });
      continue;
    }
    if (old.id !== p.id) out.push({ where, what: changed('标识', old.id, p.id) });
    if (old.label !== p.label) out.push({ where, what: `名称由「${old.label}」改为「${p.label}」` });
    if ((old.min ?? 0) !== (p.min ?? 0)) out.push({ where, what: changed('最低', old.min ?? 0, p.min ?? 0) });
    if (old.max !== p.max) out.push({ where, what: changed('最高', old.max ?? '不限', p.max ?? '不限') });
    if (!!old.perGroup !== !!p.perGroup) out.push({ where, what: changed('按排名组分别设定', yesNo(old.perGroup), yesNo(p.perGroup)) });
    if ((old.hint ?? '') !== (p.hint ?? '')) out.push({ where, what: textChange('提示', old.hint ?? '', p.hint ?? '') });
  }
  for (const p of pa) if (!matched.has(p)) out.push({ where: `参数「${p.label}」`, what: '删除参数' });
  return out;
}

function headChanges(a: Rubric, b: Rubric): RubricChange[] {
  const out: RubricChange[] = [];
  const file = (what: string) => out.push({ where: '文件', what });
  if (a.id !== b.id) file(changed('细则标识', a.id, b.id));
  if (a.version !== b.version) file(changed('版本', a.version, b.version));
  if ((a.schemaVersion ?? 1) !== (b.schemaVersion ?? 1)) file(changed('细则语言版本', a.schemaVersion ?? 1, b.schemaVersion ?? 1));
  const origin = (r: Rubric) => (r.origin === 'office' ? '本办自定' : '随工具提供');
  if (origin(a) !== origin(b)) file(changed('来源', origin(a), origin(b)));
  if (a.city !== b.city) file(changed('地区', a.city, b.city));
  if (a.year !== b.year) file(changed('年度', a.year, b.year));
  if (a.title !== b.title) file(`标题由「${a.title}」改为「${b.title}」`);
  if (a.documentNumber !== b.documentNumber) file(changed('文号', a.documentNumber ?? '无文号', b.documentNumber ?? '无文号'));
  if (a.issuer !== b.issuer) file(changed('发文单位', a.issuer, b.issuer));
  if (a.sourceFile !== b.sourceFile) file(changed('来源文件', a.sourceFile, b.sourceFile));
  if (!same(a.annex, b.annex))
    file(`附件由「附件${a.annex.number ?? ''} ${a.annex.title}」改为「附件${b.annex.number ?? ''} ${b.annex.title}」`);
  if (a.assessedUnits !== b.assessedUnits) file(changed('考核对象', a.assessedUnits, b.assessedUnits));
  const annex = (what: string) => out.push({ where: '计分', what });
  if (a.fullMarks !== b.fullMarks) annex(changed('满分', a.fullMarks, b.fullMarks));
  if (a.aggregation.mode === 'blocks' && b.aggregation.mode === 'blocks') blocksChanges(a, b).forEach(annex);
  else if (AGGREGATION(a) !== AGGREGATION(b)) annex(changed('计分方式', AGGREGATION(a), AGGREGATION(b)));
  if (NOT_APPLICABLE(a) !== NOT_APPLICABLE(b)) annex(changed('不涉及的处理', NOT_APPLICABLE(a), NOT_APPLICABLE(b)));
  if (ROUNDING(a) !== ROUNDING(b)) annex(changed('取整', ROUNDING(a), ROUNDING(b)));
  const scale = (r: Rubric) => (r.outerScale ? `折合 ${r.outerScale.max} 分（${r.outerScale.label}）` : '不折合');
  if (scale(a) !== scale(b)) annex(changed('折合分值', scale(a), scale(b)));
  const must = (r: Rubric) => r.officeMustSet;
  const differing =
    must(a).length === must(b).length
      ? must(a)
          .map((_, i) => i)
          .filter((i) => must(a)[i] !== must(b)[i])
      : [];
  // One entry reworded (朝阳 1.3.0: 分值 now on the 参数 sheet) reads as an excerpt, not both long lists.
  if (differing.length === 1) annex(textChange(`须由信用办设定第 ${differing[0] + 1} 条`, must(a)[differing[0]], must(b)[differing[0]]));
  else if (!same(must(a), must(b))) annex(changed('须由信用办设定', must(a).join('、') || '（无）', must(b).join('、') || '（无）'));
  out.push(...parameterChanges(a, b));
  const columns = (r: Rubric) => (r.table ? r.table.columns.map((c) => c.header) : ['（默认列）']);
  if (!same(columns(a), columns(b))) out.push({ where: '表格列', what: changed('列', columns(a).join('、'), columns(b).join('、')) });
  if (!same(a.table, b.table) && same(columns(a), columns(b))) out.push({ where: '表格列', what: '列的内容或现场确认栏不同' });
  return out;
}

function tailChanges(a: Rubric, b: Rubric): RubricChange[] {
  const out: RubricChange[] = [];
  const bonusA = bonusWords(a.bonus, a);
  const bonusB = bonusWords(b.bonus, b);
  if (a.bonus.kind !== b.bonus.kind) out.push({ where: '加分', what: `由「${wordsLine(bonusA)}」改为「${wordsLine(bonusB)}」` });
  else {
    for (const what of wordsChanges(bonusA, bonusB)) out.push({ where: '加分', what });
    const criteria = (r: Rubric) => (r.bonus.kind === 'none' ? '' : r.bonus.criteria);
    if (criteria(a) !== criteria(b)) out.push({ where: '加分', what: textChange('标准', criteria(a), criteria(b)) });
  }
  if (!same(a.bands, b.bands)) {
    if (!a.bands || !b.bands)
      out.push({ where: '等次线', what: a.bands ? '删除等次' : `新增等次：${b.bands!.list.map(bandWords).join('、')}` });
    else {
      if (a.bands.basis !== b.bands.basis)
        out.push({
          where: '等次线',
          what: changed('依据', a.bands.basis === 'final' ? '最终得分' : '基础得分', b.bands.basis === 'final' ? '最终得分' : '基础得分'),
        });
      for (const w of wordsChanges([['等次', a.bands.list.map(bandWords)]], [['等次', b.bands.list.map(bandWords)]]))
        out.push({ where: '等次线', what: w });
    }
  }
  if (a.ranking.purpose !== b.ranking.purpose)
    out.push({
      where: '排名',
      what: changed(
        '排名用途',
        a.ranking.purpose === 'official' ? '正式排名' : '参考名次',
        b.ranking.purpose === 'official' ? '正式排名' : '参考名次',
      ),
    });
  const groups = match(
    a.ranking.groups,
    b.ranking.groups,
    (g) => g.id,
    (g) => g.label,
  );
  const matchedGroups = new Set(groups.values());
  for (const g of b.ranking.groups) {
    const old = groups.get(g);
    if (!old)
      out.push({
        where: `排名组「${g.label}」`,
        what: `新增排名组（${rankGroupWords(g)
          .slice(1)
          .map(([l, v]) => `${l} ${v.join('、')}`)
          .join('，')}）`,
      });
    else {
      if (old.id !== g.id) out.push({ where: `排名组「${g.label}」`, what: changed('标识', old.id, g.id) });
      for (const w of wordsChanges(rankGroupWords(old), rankGroupWords(g))) out.push({ where: `排名组「${g.label}」`, what: w });
    }
  }
  for (const g of a.ranking.groups) if (!matchedGroups.has(g)) out.push({ where: `排名组「${g.label}」`, what: '删除排名组' });
  if (a.fraud !== b.fraud) out.push({ where: '弄虚作假', what: changed('处理', FRAUD[a.fraud], FRAUD[b.fraud]) });
  const roster = (r: Rubric) => (r.defaultRoster ?? []).map((e) => `${e.name}（${e.group}）`);
  const ra = roster(a);
  const rb = roster(b);
  const addedUnits = rb.filter((x) => !ra.includes(x));
  const removedUnits = ra.filter((x) => !rb.includes(x));
  if (addedUnits.length) out.push({ where: '参评单位名单', what: `新增 ${addedUnits.join('、')}` });
  if (removedUnits.length) out.push({ where: '参评单位名单', what: `删除 ${removedUnits.join('、')}` });
  if (!addedUnits.length && !removedUnits.length && !same(ra, rb)) out.push({ where: '参评单位名单', what: '单位顺序不同' });
  const na = new Map(a.notes.map((n) => [n.id, n]));
  const nb = new Map(b.notes.map((n) => [n.id, n]));
  for (const n of b.notes) {
    const old = na.get(n.id);
    if (!old) out.push({ where: `说明 ${n.id}`, what: `新增说明「${clip(n.text)}」` });
    else {
      if (old.about !== n.about) out.push({ where: `说明 ${n.id}`, what: changed('所说明的对象', old.about, n.about) });
      if (old.text !== n.text) out.push({ where: `说明 ${n.id}`, what: textChange('内容', old.text, n.text) });
    }
  }
  for (const n of a.notes) if (!nb.has(n.id)) out.push({ where: `说明 ${n.id}`, what: '删除说明' });
  return out;
}

/** Everything that changed from `a` to `b`, in the order of the document; [] when they are the same. */
export function diffRubrics(a: Rubric, b: Rubric): RubricChange[] {
  return [...headChanges(a, b), ...tableChanges(a, b), ...tailChanges(a, b)];
}

/** The diff as lines for a terminal or a list: 「两份细则内容相同」 when nothing changed. */
export function diffLines(a: Rubric, b: Rubric): string[] {
  const changes = diffRubrics(a, b);
  return changes.length ? changes.map(formatChange) : [NO_CHANGES];
}
