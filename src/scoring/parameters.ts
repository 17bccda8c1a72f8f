/**
 * Reading the office-set parameters (rubric.parameters, src/rubric/parameters.ts) for scoring: a
 * value typed once for the whole roster (or once per ranking group), parsed like a number input,
 * exact. A value left blank keeps every item it sets 待定 (never 0); one typed wrong makes them
 * 输入有误. Either way the item's reason names the parameter, and the roster's problem list says it once.
 */
import { indicatorsUsing, parameterSlots, type ParameterSlot } from '../rubric/parameters';
import type { Rubric } from '../rubric/schema';
import type { Rational } from './rational';
import type { Problem } from './types';
import { parseFieldValue, type RawValue } from './values';

/**
 * The values typed for the rubric's parameters, by key: the parameter's id, or `id@group` for a
 * parameter set per ranking group (the 参数 sheet; the CLI's `parameters` and `--param`).
 */
export type ParameterValues = Readonly<Record<string, RawValue>>;

export type ParameterReading =
  { status: 'ok'; value: Rational; raw: RawValue } | { status: 'blank'; why: string } | { status: 'invalid'; why: string };

/** One value: points at least `min` (default 0) and at most `max`. */
export function readParameter(slot: ParameterSlot, raw: RawValue): ParameterReading {
  const p = slot.parameter;
  const parsed = parseFieldValue(
    { id: p.id, label: slot.label, type: 'number', unit: '分', min: p.min ?? 0, ...(p.max !== undefined ? { max: p.max } : {}) },
    raw,
  );
  if (parsed.status === 'blank') return { status: 'blank', why: `参数「${slot.label}」未设定` };
  if (parsed.status === 'invalid') return { status: 'invalid', why: `参数「${slot.label}」填写有误：${parsed.message}` };
  return { status: 'ok', value: parsed.value as Rational, raw };
}

/** Every value of the rubric's parameters read once, by key. */
export function readParameters(rubric: Rubric, values: ParameterValues = {}): Map<string, ParameterReading> {
  return new Map(parameterSlots(rubric).map((slot) => [slot.key, readParameter(slot, values[slot.key])]));
}

/** The roster's problems: each value blank or wrong, once, with the items it keeps pending; and values for no parameter. */
export function parameterProblems(rubric: Rubric, values: ParameterValues = {}): Problem[] {
  const problems: Problem[] = [];
  const slots = parameterSlots(rubric);
  for (const slot of slots) {
    const reading = readParameter(slot, values[slot.key]);
    if (reading.status === 'ok') continue;
    const items = indicatorsUsing(rubric, slot.parameter.id).map((i) => `${i.number} ${i.name}`);
    const what = `${items.slice(0, 3).join('、')}${items.length > 3 ? ` 等 ${items.length} 项` : ''}`;
    const units = slot.group ? `${slot.group.label}各单位` : '各单位';
    problems.push({
      unit: '参数',
      severity: reading.status === 'blank' ? 'missing' : 'error',
      message:
        reading.status === 'blank'
          ? `${reading.why}：${units}的 ${what} 待定，请在「参数」表填写（命令行：--param ${slot.key}=分值）`
          : `${reading.why}：${units}的 ${what} 无法计分，请更正`,
    });
  }
  for (const key of Object.keys(values))
    if (!slots.some((s) => s.key === key))
      problems.push({
        unit: '参数',
        severity: 'warning',
        message: `本细则没有参数「${key}」，该值未使用${slots.length ? `（本细则的参数：${slots.map((s) => s.key).join('、')}）` : ''}`,
      });
  return problems;
}
