/**
 * Builds small synthetic rubrics for engine tests. They are NOT any city's rubric: each test states
 * its own rule and hand-computed expectation.
 */
import { rubric as schema, type RubricInput, type Rubric } from '../../src/rubric/schema';
import { validateRubric } from '../../src/rubric/validate';

type IndicatorInput = RubricInput['categories'][number]['indicators'][number];

export function indicator(
  id: string,
  points: number | null,
  fields: IndicatorInput['fields'],
  rule: IndicatorInput['rule'],
  extra: Partial<IndicatorInput> = {},
): IndicatorInput {
  return { id, number: id, name: `指标${id}`, points, content: '', criteria: '', fields, rule, ...extra };
}

export function miniRubric(indicators: IndicatorInput[], overrides: Partial<RubricInput> = {}): Rubric {
  const total = indicators.reduce((s, i) => s + (i.points ?? 0), 0);
  const input: RubricInput = {
    id: 'test-mini',
    version: '1.0.0',
    city: '测试市',
    year: 2020,
    title: '测试细则（非任何城市的文件）',
    documentNumber: null,
    issuer: '测试',
    sourceFile: 'none',
    annex: { number: null, title: '测试' },
    assessedUnits: '测试单位',
    fullMarks: total,
    aggregation: { mode: 'sum' },
    notApplicable: 'not_allowed',
    bonus: { kind: 'none' },
    bands: null,
    rounding: { decimals: 2, mode: 'half_up' },
    ranking: { method: 'competition', groups: [{ id: 'G', label: '组' }] },
    fraud: 'none',
    categories: [{ id: '一', number: '一', name: '类别', points: indicators.some((i) => i.points === null) ? null : total, indicators }],
    ...overrides,
  };
  const r = schema.parse(input);
  const issues = validateRubric(r);
  if (issues.length) throw new Error(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r;
}

export const yes = (id: string, label = `是否${id}`) => ({ id, label, type: 'yesno' as const });
export const count = (id: string, label = `${id}个数`) => ({ id, label, type: 'count' as const });
export const num = (id: string, label = `${id}数值`) => ({ id, label, type: 'number' as const });
export const pct = (id: string, label = `${id}比例`) => ({ id, label, type: 'percent' as const });
export const score = (id: string, label = '得分') => ({ id, label, type: 'score' as const });
export const choice = (id: string, options: string[], label = `${id}情况`) => ({ id, label, type: 'choice' as const, options });
