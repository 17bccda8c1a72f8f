/** 细则说明: the rubric's source, settings and every note on an ambiguous rule, for reviewers. */
import type { Rubric } from '../rubric/schema';
import type { CellPlan, SheetPlan } from './plan';
import { lineCount, rowHeightFor } from './annex-plan';
import { annexHeading } from './unit-sheet';
import { describeAverage, describeBlocks } from './construct-texts';

const ABOUT: Record<string, string> = {
  general: '总体',
  aggregation: '计分方式',
  bands: '等次',
  bonus: '加分',
  ranking: '排名',
  rounding: '取整',
  fraud: '弄虚作假',
};

/** What a note is about, in words: an indicator by its number and name, or the setting. No internal id. */
function aboutText(rubric: Rubric, about: string): string {
  for (const cat of rubric.categories) {
    if (cat.id === about && !(cat.indicators.length === 1 && cat.indicators[0].id === cat.id)) return `${cat.number} ${cat.name}`;
    const ind = cat.indicators.find((i) => i.id === about);
    if (ind) return ind.id === cat.id ? `${cat.number} ${cat.name}` : `${cat.number}.${ind.number} ${ind.name}`;
  }
  return ABOUT[about] ?? about;
}

function describeAggregation(r: Rubric): string {
  const a = r.aggregation;
  if (a.mode === 'sum') return `各指标得分相加，满分 ${r.fullMarks} 分`;
  if (a.mode === 'deduct_from_base') return `基础分 ${a.base} 分，按指标扣分`;
  if (a.mode === 'blocks') return describeBlocks(r, a);
  return `按所承担考核项折算：x ÷ y × ${a.scale}`;
}

function describeBands(r: Rubric): string {
  if (!r.bands) return '文件未规定等次';
  const list = r.bands.list;
  const parts = list.map((b, i) => {
    if (b.min === null) return `${b.label}：低于 ${list[i - 1].min} 分`;
    return `${b.label}：${b.min} 分${b.minInclusive ? '及' : '（不含）'}以上${i > 0 ? `、低于 ${list[i - 1].min} 分` : ''}`;
  });
  return `${parts.join('；')}（按${r.bands.basis === 'final' ? '含加分的最终得分' : '不含加分的基础得分'}评定）`;
}

export function planInfoSheet(rubric: Rubric, sheetName: string, hash: string): SheetPlan {
  const cells: CellPlan[] = [];
  const rowHeights: Record<number, number> = { 0: 30 };
  const widths = [22, 100];
  let row = 1;
  // Rows tall enough for the whole text (no program grows them on opening): nothing is cut.
  const fit = (label: string, value: string) => {
    rowHeights[row] = Math.max(18, rowHeightFor(Math.max(lineCount(label, widths[0]), lineCount(value, widths[1]))));
  };
  const line = (label: string, value: string) => {
    cells.push({ row, col: 0, value: label, style: 'category' }, { row, col: 1, value, style: 'text' });
    fit(label, value);
    row++;
  };
  cells.push({ row: 0, col: 0, value: `评分细则说明：${annexHeading(rubric)}`, style: 'title' });
  line('文件', rubric.title);
  line('文号', rubric.documentNumber ?? '（无文号）');
  line('发文单位', rubric.issuer);
  line('附件', annexHeading(rubric));
  line('被考核单位', rubric.assessedUnits);
  line('计分方式', describeAggregation(rubric));
  line(
    '不涉及',
    {
      not_allowed: '文件未规定不涉及，每项都须评分',
      full_points: '不涉及的指标不扣分（保留满分）',
      exclude: '不涉及的指标不计入 x 和 y',
      average: describeAverage(rubric),
    }[rubric.notApplicable],
  );
  line('等次', describeBands(rubric));
  line(
    '加分',
    rubric.bonus.kind === 'none'
      ? '无'
      : rubric.bonus.kind === 'items'
        ? `${rubric.bonus.label}：各加分项合计${rubric.bonus.max !== null ? `，不超过 ${rubric.bonus.max} 分` : ''}`
        : rubric.bonus.kind === 'manual'
          ? `${rubric.bonus.label}${rubric.bonus.max !== null ? `，总加分不超过 ${rubric.bonus.max} 分` : '，文件未规定上限'}`
          : `${rubric.bonus.label}：${rubric.bonus.tiers.map((t) => `${t.label} ${t.points} 分`).join('、')}`,
  );
  line('弄虚作假', { none: '文件未规定', item_zero: '相关指标项不得分', honour_ineligible: '取消先进评选资格（得分不变）' }[rubric.fraud]);
  line('取整', `每项得分精确计算，基础分和最终得分四舍五入保留 ${rubric.rounding.decimals} 位小数`);
  line('细则版本', `${rubric.id} v${rubric.version}（校验码 ${hash}）`);
  line('来源文件', rubric.sourceFile);
  for (const item of rubric.officeMustSet) line('须由信用办设定', item);
  row++;
  cells.push({ row, col: 0, value: '涉及', style: 'header' }, { row, col: 1, value: '对文件中不明确之处的理解', style: 'header' });
  fit('涉及', '对文件中不明确之处的理解');
  row++;
  rubric.notes.forEach((n, i) => {
    const label = `${i + 1}. ${aboutText(rubric, n.about)}`;
    cells.push({ row, col: 0, value: label, style: 'text' }, { row, col: 1, value: n.text, style: 'text' });
    fit(label, n.text);
    row++;
  });
  return {
    key: 'INFO',
    kind: 'info',
    name: sheetName,
    columns: widths.map((width) => ({ width })),
    hiddenRows: [],
    rowHeights,
    cells,
    merges: [{ fromRow: 0, fromCol: 0, toRow: 0, toCol: 1 }],
    freezeRows: 0,
    landscape: true,
    block: { rows: row, cols: 2 },
    tables: [],
    charts: [],
    header: [sheetName, rubric.documentNumber].filter(Boolean).join('　'),
  };
}
