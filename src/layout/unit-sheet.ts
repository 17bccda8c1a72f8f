/**
 * One unit's score sheet, laid out like the document's own table: title, unit line, header,
 * category rows with subtotals, one row per input field (indicator cells merged over its rows),
 * and a foot with base, bonus, final score, band, rank and completeness.
 */
import type { Rubric } from '../rubric/schema';
import { colIndex, rankLabel, unitColumns } from './columns';
import { bonusLabel, fieldLabel, fieldPrompt, fieldValidation, fraudLabel, YES_NO } from './fields';
import { NOT_APPLICABLE_FIELD, rowKey, type CellPlan, type SheetPlan } from './plan';

export const UNIT_HEADER_ROW = 3;

/** Columns of an indicator merged over its field rows. */
const MERGED_ROLES = ['seq', 'name', 'points', 'content', 'criteria', 'basis', 'method', 'score', 'deduction', 'reason'] as const;

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
  put(2, 0, `被考核单位：${u.unitName}（${u.groupLabel}）　　${doc}　　满分 ${rubric.fullMarks} 分`, 'subtitle');
  merges.push({ fromRow: 2, fromCol: 0, toRow: 2, toCol: lastVisible });
  cols.forEach((spec, i) => {
    if (!spec.hidden) put(UNIT_HEADER_ROW, i, spec.header, 'header');
  });
  rowHeights[UNIT_HEADER_ROW] = 24;

  let row = UNIT_HEADER_ROW + 1;
  const naAllowed = rubric.notApplicable !== 'not_allowed';
  const labels = new Map<number, string>();
  for (const cat of rubric.categories) {
    const single = cat.indicators.length === 1 && cat.indicators[0].id === cat.id;
    if (!single) {
      put(row, c('seq'), cat.number, 'category');
      put(row, c('name'), cat.name, 'category');
      merges.push({ fromRow: row, fromCol: c('name'), toRow: row, toCol: c('name') });
      put(row, c('points'), cat.points ?? '—', 'category');
      for (let col = c('content'); col <= lastVisible; col++)
        if (col !== c('score') && col !== c('reason') && !(hasDeduction && col === c('deduction'))) put(row, col, col === c('label') ? '小计' : null, 'category');
      put(row, c('score'), null, 'output');
      if (hasDeduction) put(row, c('deduction'), null, 'output');
      put(row, c('reason'), null, 'outputText');
      put(row, keyCol, rowKey.category(cat.id), 'key');
      row++;
    }
    for (const ind of cat.indicators) {
      const first = row;
      const fields = [...ind.fields.map((f) => ({ id: f.id, f }))];
      const rows = fields.length + (naAllowed ? 1 : 0);
      fields.forEach(({ id, f }, i) => {
        put(row, c('label'), fieldLabel(f, ind), 'fieldLabel');
        labels.set(row, fieldLabel(f, ind));
        put(row, c('input'), null, f.type === 'percent' ? 'inputPercent' : 'input', { validation: fieldValidation(f, ind), prompt: fieldPrompt(f) });
        put(row, keyCol, i === 0 ? rowKey.item(ind.id, id) : rowKey.field(ind.id, id), 'key');
        row++;
      });
      if (naAllowed) {
        const what = rubric.notApplicable === 'full_points' ? '不扣分' : '不计入 x 和 y';
        put(row, c('label'), `本项不涉及（填“是”则${what}）`, 'fieldLabel');
        labels.set(row, `本项不涉及（填“是”则${what}）`);
        put(row, c('input'), null, 'input', { validation: { kind: 'list', options: YES_NO }, prompt: '本单位不涉及此项时填“是”' });
        put(row, keyCol, rowKey.field(ind.id, NOT_APPLICABLE_FIELD), 'key');
        row++;
      }
      const last = first + rows - 1;
      put(first, c('seq'), ind.number, 'textCenter');
      put(first, c('name'), ind.name, 'text');
      put(first, c('points'), ind.points ?? '由市信用办设定', ind.points === null ? 'textCenter' : 'number');
      put(first, c('content'), ind.content, 'text');
      put(first, c('criteria'), ind.criteria || '（文件未给出评分细则）', 'text');
      if (cols.some((x) => x.role === 'basis')) put(first, c('basis'), ind.basis ?? '', 'text');
      if (cols.some((x) => x.role === 'method')) put(first, c('method'), ind.method ?? '', 'text');
      put(first, c('score'), null, 'output');
      if (hasDeduction) put(first, c('deduction'), null, 'output');
      put(first, c('reason'), null, 'outputText');
      for (let r = first + 1; r <= last; r++)
        for (const role of MERGED_ROLES)
          if (cols.some((x) => x.role === role)) put(r, c(role), null, role === 'score' || role === 'deduction' ? 'output' : role === 'reason' ? 'outputText' : 'text');
      if (last > first)
        for (const role of MERGED_ROLES)
          if (cols.some((x) => x.role === role)) merges.push({ fromRow: first, fromCol: c(role), toRow: last, toCol: c(role) });
      // Long rule texts need room: about 18 characters per line in the 36-wide criteria column.
      const lines = Math.max(1, Math.ceil(Math.max(ind.criteria.length, ind.content.length * 0.85) / 18));
      const perRow = Math.min(150, Math.max(18, Math.ceil((lines * 13.5) / rows)));
      // Each row must also fit its own field label (about 10 characters per line in the 22-wide column).
      const labelHeight = (r: number) => Math.ceil([...(labels.get(r) ?? '')].length / 10) * 13.5 + 4;
      for (let r = first; r <= last; r++) rowHeights[r] = Math.max(perRow, labelHeight(r));
    }
  }

  const footLabel = (r: number, text: string) => {
    put(r, c('seq'), text, 'footerLabel');
    for (let col = 1; col < c('label'); col++) put(r, col, null, 'footerLabel');
    merges.push({ fromRow: r, fromCol: 0, toRow: r, toCol: c('label') - 1 });
  };
  const foot = (what: Parameters<typeof rowKey.total>[0], text: string, label: string | null, input: boolean) => {
    footLabel(row, text);
    put(row, c('label'), label, 'fieldLabel');
    if (input) put(row, c('input'), null, 'input', what === 'bonus' ? bonusInputExtras(rubric) : what === 'fraud' ? fraudInputExtras(rubric) : {});
    else put(row, c('input'), null, 'fieldLabel');
    put(row, c('score'), null, what === 'status' || what === 'band' || what === 'rank' ? 'output' : 'footerOutput');
    // The unit's total deduction beside the base score; a plain bordered cell on the other lines.
    if (hasDeduction) put(row, c('deduction'), null, what === 'base' ? 'footerOutput' : 'fieldLabel');
    put(row, c('reason'), null, 'outputText');
    put(row, keyCol, rowKey.total(what), 'key');
    rowHeights[row] = 20;
    row++;
  };
  const baseText = rubric.aggregation.mode === 'sum' ? '合计' : rubric.aggregation.mode === 'deduct_from_base' ? `基础分 ${rubric.aggregation.base} 分减扣分` : '折算得分（x ÷ y × 100）';
  foot('base', baseText, null, false);
  const bl = bonusLabel(rubric);
  if (bl) foot('bonus', '加分', bl, true);
  const fl = fraudLabel(rubric);
  if (fl) foot('fraud', '弄虚作假', fl, true);
  foot('final', '最终得分', null, false);
  if (rubric.bands) foot('band', '考核等次', null, false);
  foot('rank', rankLabel(rubric), null, false);
  foot('status', '填写情况', null, false);

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
    header: rubric.documentNumber ?? undefined,
  };
}

function bonusInputExtras(rubric: Rubric): Partial<CellPlan> {
  const b = rubric.bonus;
  if (b.kind === 'tiers') return { validation: { kind: 'list', options: ['无', ...b.tiers.map((t) => t.label)] }, prompt: '选择经考核小组确认的加分档次' };
  if (b.kind === 'manual') return { validation: { kind: 'decimal', min: 0, ...(b.max !== null ? { max: b.max } : {}) }, prompt: '填考核小组认定的加分，不填为 0' };
  return {};
}

function fraudInputExtras(rubric: Rubric): Partial<CellPlan> {
  if (rubric.fraud === 'honour_ineligible') return { validation: { kind: 'list', options: YES_NO }, prompt: '发现弄虚作假填“是”：取消评先资格，得分不变' };
  return { prompt: '填涉及虚假材料的指标编号，如 15、22：这些指标不得分' };
}
