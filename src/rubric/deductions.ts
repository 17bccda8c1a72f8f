/**
 * Load-time checks of a composite's deduction parts (「少转发1个扣0.1分」, schema version 2): a
 * composite adds two parts or more, or adds one and takes off at least one; each deduction part is
 * checked like a part, within the item's maximum.
 */
import type { PartRule, Rule } from './schema';

type Composite = Extract<Rule, { kind: 'composite' }>;

/**
 * Kinds whose score is an amount earned (n × rate, points when 是, a tier's points), and so an
 * amount to take off when used as a deduction. checklist, deduct_if, step_deduct, per_occurrence
 * and manual score what is left after their own deductions: as deductions they would take off the
 * points kept.
 */
const AMOUNTS: readonly PartRule['kind'][] = ['count', 'bool', 'levels', 'tiers', 'ratio'];
type AddFn = (path: string, message: string, fix: string) => void;
type CheckPart = (part: PartRule, path: string, max: number) => void;

export function checkDeductions(rule: Composite, rp: string, max: number, checkPart: CheckPart, add: AddFn): void {
  const deductions = rule.deductions ?? [];
  if (rule.parts.length + deductions.length < 2)
    add(
      `${rp}.parts`,
      '组合规则（composite）只有一个得分部分，也没有扣分部分（deductions）。',
      '再加一个部分，或把这一部分直接写成本项的规则（rule）。',
    );
  deductions.forEach((p, pi) => {
    const path = `${rp}.deductions[${pi}]`;
    if (!AMOUNTS.includes(p.kind))
      add(
        `${path}.kind`,
        `扣分部分不能用「${p.kind}」：它的得分是满分减去扣分，不是要扣除的分数。`,
        `扣分部分用 ${AMOUNTS.join('、')}（其得分即扣除的分数）；「${p.kind}」这样本身扣分的规则写在 parts 中。`,
      );
    if ('max' in p && typeof p.max === 'number' && p.max > max + 1e-9)
      add(`${path}.max`, `扣分部分最高分 ${p.max} 超过本项最高分 ${max}。`, `改为不大于 ${max} 的数。`);
    checkPart(p, path, Math.min('max' in p && typeof p.max === 'number' ? p.max : max, rule.cap ?? max));
  });
}
