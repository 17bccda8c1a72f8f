/** How an input field is presented: label suffix, data validation and input prompt. */
import type { Field, Indicator, Rubric } from '../rubric/schema';
import type { Validation } from './plan';

export const YES_NO = ['是', '否'];

/** Most a score field takes: a month's points where the item is tracked monthly (rule monthly), else the item's points. */
const scoreMax = (f: Field, ind: Indicator): number | null =>
  ind.rule.kind === 'monthly' && ind.rule.months.includes(f.id) && ind.rule.monthMax !== undefined ? ind.rule.monthMax : ind.points;

export function fieldLabel(f: Field, ind: Indicator): string {
  switch (f.type) {
    case 'yesno':
      return `${f.label}（是/否）`;
    case 'count':
      return `${f.label}${f.unit ? `（${f.unit}）` : '（个数）'}`;
    case 'number':
      return `${f.label}${f.unit ? `（${f.unit}）` : ''}`;
    case 'percent':
      return `${f.label}（%）`;
    case 'choice':
      return `${f.label}（下拉选择）`;
    case 'score':
      return scoreMax(f, ind) !== null ? `${f.label}（0–${scoreMax(f, ind)} 分）` : f.label;
  }
}

export function fieldValidation(f: Field, ind: Indicator): Validation | undefined {
  switch (f.type) {
    case 'yesno':
      // The list offers 是 and 否 only, and the prompt invites nothing else: the live workbook's
      // rule stops other input. The engine also reads √/×, 有/无 … (scoring/values.ts) for values
      // that arrive by paste, by file or through the .xlsx host's warning-style rule.
      return { kind: 'list', options: YES_NO };
    case 'choice':
      // Excel limits an inline list to 255 characters; longer lists rely on the engine's check.
      return f.options.join(',').length <= 255 && !f.options.some((o) => o.includes(','))
        ? { kind: 'list', options: f.options }
        : undefined;
    case 'count':
      return { kind: 'whole', min: 0, ...(f.max !== undefined ? { max: f.max } : {}) };
    case 'number':
      return { kind: 'decimal', min: f.min ?? 0, ...(f.max !== undefined ? { max: f.max } : {}) };
    case 'percent':
      // The cell is formatted as percent (style inputPercent): "85%", 85 and 0.85 typed in Excel
      // are all stored as 0.85; a program without percent entry may store 85, shown as 8500 %,
      // which the engine refuses as above 100 %. 0 to 100 admits both, so the engine decides.
      return { kind: 'decimal', min: 0, max: 100 };
    case 'score':
      return { kind: 'decimal', min: 0, ...(scoreMax(f, ind) !== null ? { max: scoreMax(f, ind)! } : {}) };
  }
}

/**
 * The values each prompt names as examples, and its wording around them. A test parses every
 * example with the engine (test/scoring/inputs.test.ts): a prompt never invites what is refused.
 */
export function promptExamples(f: Field): string[] {
  switch (f.type) {
    case 'yesno':
      return [...YES_NO];
    case 'percent':
      return ['85%'];
    case 'choice':
      return [...f.options];
    default:
      return [];
  }
}

export function fieldPrompt(f: Field): string {
  const base: Record<Field['type'], string> = {
    yesno: '从下拉列表选择“是”或“否”',
    count: '填非负整数',
    number: '填数值',
    percent: '填百分比，如 85%（本格按百分比显示）',
    choice: '从下拉列表选择',
    score: '填考核组评定的分数',
  };
  const bound = f.type === 'count' && f.max !== undefined ? `，最多 ${f.max}` : '';
  return f.hint ? `${f.hint}；${base[f.type]}${bound}` : `${base[f.type]}${bound}`;
}

export function bonusLabel(rubric: Rubric): string | null {
  const b = rubric.bonus;
  if (b.kind === 'none') return null;
  if (b.kind === 'tiers') return `${b.label}（${b.tiers.map((t) => `${t.label}${t.points}分`).join('/')}）`;
  if (b.kind === 'items') return `${b.label}：各加分项合计${b.max !== null ? `，上限 ${b.max} 分` : ''}`;
  return `${b.label}${b.max !== null ? `（上限 ${b.max} 分）` : '（无上限）'}`;
}

export function fraudLabel(rubric: Rubric): string | null {
  if (rubric.fraud === 'item_zero') return '弄虚作假涉及的指标编号（用顿号分隔；无则留空）';
  if (rubric.fraud === 'honour_ineligible') return '是否发现弄虚作假（是/否）';
  return null;
}
