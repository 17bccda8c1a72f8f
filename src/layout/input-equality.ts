/**
 * When an input counts as changed for 变更记录: when the value the engine reads from it changed, not
 * its spelling. 85% retyped as 0.85 (a fraction field), 7 as 7份 or 是 as 有 is the same input and
 * is not logged; a text the field cannot read (or a 佐证材料, a 弄虚作假 list, a bonus tier) is
 * compared as text. Both hosts' logs use it (src/layout/input-snapshot.ts, src/excel/change-log.ts).
 */
import { parameterSlots } from '../rubric/parameters';
import type { Field, Rubric } from '../rubric/schema';
import { parseFieldValue, type FieldValue } from '../scoring/values';
import { NOT_APPLICABLE_FIELD } from './plan';
import { SELF_ROLES } from './self-assessment';

/** The indicator id the 参数 sheet's values carry in the snapshot and the log (the field id is the parameter's key). */
export const PARAM_INDICATOR = '@param';

const YES_NO: Field = { id: 'yesno', label: '是/否', type: 'yesno' };
const POINTS: Field = { id: 'points', label: '分值', type: 'number', unit: '分' };

/** The field whose reading decides whether two texts of an input are the same; null: compared as text. */
function fieldOf(rubric: Rubric, indicatorId: string, fieldId: string): Field | null {
  if (fieldId === SELF_ROLES.evidence) return null;
  if (fieldId === NOT_APPLICABLE_FIELD) return YES_NO;
  if (indicatorId === '@bonus') return rubric.bonus.kind === 'manual' ? { ...POINTS, id: 'bonus', label: rubric.bonus.label } : null;
  if (indicatorId === PARAM_INDICATOR) {
    const slot = parameterSlots(rubric).find((s) => s.key === fieldId);
    return slot ? { ...POINTS, id: slot.key, label: slot.label } : null;
  }
  for (const cat of rubric.categories)
    for (const ind of cat.indicators) if (ind.id === indicatorId) return ind.fields.find((f) => f.id === fieldId) ?? null;
  return null;
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (typeof a === 'object' && typeof b === 'object') return a.equals(b);
  return a === b;
}

/** Whether two texts of one input (as 变更记录 shows them: 85%, 0.85, '' when empty) are the same input. */
export function sameInput(rubric: Rubric, indicatorId: string, fieldId: string, a: string, b: string): boolean {
  if (a === b) return true;
  const field = fieldOf(rubric, indicatorId, fieldId);
  if (!field) return false;
  const x = parseFieldValue(field, a);
  const y = parseFieldValue(field, b);
  if (x.status === 'blank' && y.status === 'blank') return true;
  return x.status === 'ok' && y.status === 'ok' && sameValue(x.value, y.value);
}
