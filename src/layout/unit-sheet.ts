/**
 * One unit's score sheet, laid out like the document's own table: title, unit line, header,
 * category rows with subtotals, one row per input field (indicator cells merged over its rows),
 * and a foot with base, bonus, final score, band, rank and completeness.
 */
import type { Rubric } from '../rubric/schema';
import { lineCount, rowHeightFor } from './annex-plan';
import { colIndex, rankLabel, unitColumns } from './columns';
import { categoryHeading, documentCell, documentColumns } from './doc-columns';
import { groupStartingAt } from '../rubric/levels';
import { putGroupRow } from './levels-rows';
import { pageBreaks, printScale } from './print';
import { bonusLabel, fieldLabel, fieldPrompt, fieldValidation, fraudLabel, YES_NO } from './fields';
import { NOT_APPLICABLE_FIELD, rowKey, type CellPlan, type SheetPlan } from './plan';
import { notApplicableEffect, weightedBaseLabel } from './construct-texts';

export const UNIT_HEADER_ROW = 3;

/** Columns of an indicator merged over its field rows (besides the document's own columns). */
const MERGED_ROLES = ['score', 'deduction', 'reason'] as const;

export interface UnitSheetInput {
  key: string;
  sheetName: string;
  unitName: string;
  groupLabel: string;
}

export function annexHeading(rubric: Rubric): string {
  return `${rubric.annex.number ? `附件${rubric.annex.number}　` : ''}${rubric.annex.title}`;
}

export function planUnitSheet(rubric: Rubric, u: UnitSheetInput): SheetPlan {
  const cols = unitColumns(rubric);
  const c = (role: Parameters<typeof colIndex>[1]) => colIndex(cols, role);
  const keyCol = c('key');
  const lastVisible = keyCol - 1;
  // 扣分 (deduct_from_base rubrics): a computed column between 得分 and 计分说明.
  const hasDeduction = cols.some((x) => x.role === 'deduction');
  const docCols = documentColumns(rubric)
    .filter((d) => d.from !== 'deduction')
    .map((d) => ({ col: d, index: c(`doc:${d.header}`) }));
  const docWidth = cols.slice(0, c('label')).reduce((sum, x) => sum + x.width, 0);
  const cells: CellPlan[] = [];
  const merges: SheetPlan['merges'] = [];
  const rowHeights: Record<number, number> = {};
  const put = (row: number, col: number, value: CellPlan['value'], style: CellPlan['style'], extra: Partial<CellPlan> = {}) =>
    cells.push({ row, col, value, style, ...extra });

  cols.forEach((spec, i) => put(0, i, spec.role, 'role'));
  put(1, 0, annexHeading(rubric), 'title');
  merges.push({ fromRow: 1, fromCol: 0, toRow: 1, toCol: lastVisible });
  rowHeights[1] = 30;
  const doc = [rubric.documentNumber, rubric.title].filter(Boolean).join('　');
  const unitLine = `被考核单位：${u.unitName}（${u.groupLabel}）　　${doc}　　满分 ${rubric.fullMarks} 分`;
  put(2, 0, unitLine, 'unitLine');
  merges.push({ fromRow: 2, fromCol: 0, toRow: 2, toCol: lastVisible });
  const tableWidth = cols.slice(0, lastVisible + 1).reduce((sum, x) => sum + (x.hidden ? 0 : x.width), 0);
  rowHeights[2] = Math.max(18, rowHeightFor(lineCount(unitLine, tableWidth, 10), 10));
  cols.forEach((spec, i) => {
    if (!spec.hidden) put(UNIT_HEADER_ROW, i, spec.header, 'header');
  });
  rowHeights[UNIT_HEADER_ROW] = 24;

  let row = UNIT_HEADER_ROW + 1;
  const naAllowed = rubric.notApplicable !== 'not_allowed';
  const labels = new Map<number, string>();
  const keep: [number, number][] = [];
  for (const cat of rubric.categories) {
    const single = cat.indicators.length === 1 && cat.indicators[0].id === cat.id;
    if (!single) {
      // 「三、信用信息归集和报送（37 分）」 across the document's columns, 小计 under 填报项目.
      put(row, 0, categoryHeading(cat), 'category');
      for (let col = 1; col < c('label'); col++) put(row, col, null, 'category');
      if (c('label') > 1) merges.push({ fromRow: row, fromCol: 0, toRow: row, toCol: c('label') - 1 });
      rowHeights[row] = Math.max(20, rowHeightFor(lineCount(categoryHeading(cat), docWidth, 10.5), 10.5));
      for (let col = c('label'); col <= lastVisible; col++)
        if (col !== c('score') && col !== c('reason') && !(hasDeduction && col === c('deduction')))
          put(row, col, col === c('label') ? '小计' : null, 'category');
      put(row, c('score'), null, 'output');
      if (hasDeduction) put(row, c('deduction'), null, 'output');
      put(row, c('reason'), null, 'outputText');
      put(row, keyCol, rowKey.category(cat.id), 'key');
      row++;
    }
    for (const ind of cat.indicators) {
      // Three levels: the 考核指标 row above its first 子项.
      const group = groupStartingAt(cat, ind);
      if (group) {
        putGroupRow({ put, merges, rowHeights, col: c, lastVisible, keyCol, hasDeduction }, row, group);
        row++;
      }
      const first = row;
      const fields = [...ind.fields.map((f) => ({ id: f.id, f }))];
      const rows = fields.length + (naAllowed ? 1 : 0);
      fields.forEach(({ id, f }, i) => {
        put(row, c('label'), fieldLabel(f, ind), 'fieldLabel');
        labels.set(row, fieldLabel(f, ind));
        put(row, c('input'), null, f.type === 'percent' ? 'inputPercent' : 'input', {
          validation: fieldValidation(f, ind),
          prompt: fieldPrompt(f),
        });
        put(row, keyCol, i === 0 ? rowKey.item(ind.id, id) : rowKey.field(ind.id, id), 'key');
        row++;
      });
      if (naAllowed) {
        const what = rubric.notApplicable === 'full_points' ? '不扣分' : (notApplicableEffect(rubric) ?? '不计入 x 和 y');
        put(row, c('label'), `本项不涉及（填“是”则${what}）`, 'fieldLabel');
        labels.set(row, `本项不涉及（填“是”则${what}）`);
        put(row, c('input'), null, 'input', { validation: { kind: 'list', options: YES_NO }, prompt: '本单位不涉及此项时填“是”' });
        put(row, keyCol, rowKey.field(ind.id, NOT_APPLICABLE_FIELD), 'key');
        row++;
      }
      const last = first + rows - 1;
      // The document's own columns, verbatim; an empty cell of the document stays empty.
      // Points left to the office: set once on the 参数 sheet (pointsParam), or typed per unit (maxField).
      const points = ind.points ?? (ind.pointsParam !== undefined ? '见参数表' : '由市信用办设定');
      docCols.forEach((d) => {
        // The category (鹤岗 考核内容) is printed on the category's own row above its items.
        const v = d.col.from === 'category' ? null : documentCell(d.col, ind, cat, points);
        put(
          first,
          d.index,
          v,
          d.col.from === 'number' || d.col.from === 'category' || (d.col.from === 'points' && ind.points === null)
            ? 'textCenter'
            : d.col.from === 'points'
              ? 'number'
              : 'text',
        );
      });
      put(first, c('score'), null, 'output');
      if (hasDeduction) put(first, c('deduction'), null, 'output');
      put(first, c('reason'), null, 'outputText');
      const mergedCols = [
        ...docCols.map((d) => d.index),
        ...MERGED_ROLES.filter((role) => cols.some((x) => x.role === role)).map((role) => c(role)),
      ];
      for (let r = first + 1; r <= last; r++)
        for (const col of mergedCols)
          put(
            r,
            col,
            null,
            col === c('score') || (hasDeduction && col === c('deduction')) ? 'output' : col === c('reason') ? 'outputText' : 'text',
          );
      if (last > first) for (const col of mergedCols) merges.push({ fromRow: first, fromCol: col, toRow: last, toCol: col });
      // Rows tall enough for their wrapped text in every program (LibreOffice and WPS do not grow a
      // row for wrapped text in a merged cell): the tallest document text is spread over the rows.
      const textLines = Math.max(
        1,
        ...docCols.map((d) => {
          const v = d.col.from === 'category' ? null : documentCell(d.col, ind, cat, points);
          return typeof v === 'string' && v ? lineCount(v, cols[d.index].width) : 1;
        }),
      );
      const perRow = Math.ceil(rowHeightFor(textLines) / rows);
      const labelHeight = (r: number) => rowHeightFor(lineCount(labels.get(r) ?? '', cols[c('label')].width));
      for (let r = first; r <= last; r++) rowHeights[r] = Math.min(409, Math.max(18, perRow, labelHeight(r)));
      keep.push([first, last]); // an indicator's merged cells are not split over two pages
    }
  }

  const footLabel = (r: number, text: string) => {
    put(r, 0, text, 'footerLabel');
    for (let col = 1; col < c('label'); col++) put(r, col, null, 'footerLabel');
    merges.push({ fromRow: r, fromCol: 0, toRow: r, toCol: c('label') - 1 });
  };
  const foot = (what: Parameters<typeof rowKey.total>[0], text: string, label: string | null, input: boolean) => {
    footLabel(row, text);
    put(row, c('label'), label, 'fieldLabel');
    if (input)
      put(row, c('input'), null, 'input', what === 'bonus' ? bonusInputExtras(rubric) : what === 'fraud' ? fraudInputExtras(rubric) : {});
    else put(row, c('input'), null, 'fieldLabel');
    put(row, c('score'), null, what === 'status' || what === 'band' || what === 'rank' ? 'output' : 'footerOutput');
    // The unit's total deduction beside the base score; a plain bordered cell on the other lines.
    if (hasDeduction) put(row, c('deduction'), null, what === 'base' ? 'footerOutput' : 'fieldLabel');
    put(row, c('reason'), null, 'outputText');
    put(row, keyCol, rowKey.total(what), 'key');
    rowHeights[row] = 20;
    row++;
  };
  const baseText =
    rubric.aggregation.mode === 'sum'
      ? '合计'
      : rubric.aggregation.mode === 'deduct_from_base'
        ? `基础分 ${rubric.aggregation.base} 分减扣分`
        : (weightedBaseLabel(rubric) ?? '折算得分（x ÷ y × 100）');
  const footStart = row - 1; // the table's last row stays with the result rows
  foot('base', baseText, null, false);
  const bl = bonusLabel(rubric);
  if (bl) foot('bonus', '加分', bl, rubric.bonus.kind !== 'items'); // bonus items have their own rows
  const fl = fraudLabel(rubric);
  if (fl) foot('fraud', '弄虚作假', fl, true);
  foot('final', '最终得分', null, false);
  if (rubric.bands) foot('band', '考核等次', null, false);
  foot('rank', rankLabel(rubric), null, false);
  foot('status', '填写情况', null, false);
  keep.push([footStart, row - 1]);
  const heights = Array.from({ length: row }, (_, r) => (r === 0 ? 0 : (rowHeights[r] ?? 15)));
  const widths = cols.filter((x) => !x.hidden).map((x) => x.width);
  const rowBreaks = pageBreaks(heights, printScale(widths, true), true, heights[UNIT_HEADER_ROW], keep);

  return {
    key: u.key,
    kind: 'unit',
    name: u.sheetName,
    columns: cols.map((x) => ({ width: x.width, hidden: x.hidden })),
    hiddenRows: [0],
    rowHeights,
    cells,
    merges: merges.filter((m) => m.fromRow !== m.toRow || m.fromCol !== m.toCol),
    freezeRows: UNIT_HEADER_ROW + 1,
    printTitleRows: [UNIT_HEADER_ROW, UNIT_HEADER_ROW],
    landscape: true,
    block: { rows: row, cols: cols.length },
    tables: [],
    charts: [],
    header: [u.unitName, rubric.documentNumber].filter(Boolean).join('　'),
    rowBreaks,
    pages: rowBreaks.length + 1,
  };
}

function bonusInputExtras(rubric: Rubric): Partial<CellPlan> {
  const b = rubric.bonus;
  if (b.kind === 'tiers')
    return { validation: { kind: 'list', options: ['无', ...b.tiers.map((t) => t.label)] }, prompt: '选择经考核小组确认的加分档次' };
  if (b.kind === 'manual')
    return { validation: { kind: 'decimal', min: 0, ...(b.max !== null ? { max: b.max } : {}) }, prompt: '填考核小组认定的加分，不填为 0' };
  return {};
}

function fraudInputExtras(rubric: Rubric): Partial<CellPlan> {
  if (rubric.fraud === 'honour_ineligible')
    return { validation: { kind: 'list', options: YES_NO }, prompt: '发现弄虚作假填“是”：取消评先资格，得分不变' };
  return { prompt: '填涉及虚假材料的指标编号，如 15、22：这些指标不得分' };
}
