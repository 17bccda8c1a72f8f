/**
 * The most a rule can award, computed from its parameters. Compared at load time with the printed
 * maximum: where a rule cannot reach it (平顶山 附件2 五.1, 亳州 9) the rubric must declare
 * `attainableMax` and explain it in a note.
 */
import type { Indicator, PartRule, Rule } from './schema';

/** null when the maximum is set by the office per unit (朝阳: manual with maxField). */
export function attainableMax(ind: Indicator): number | null {
  if (ind.points === null) return null;
  return ruleMax(ind.rule, ind.points);
}

function ruleMax(rule: Rule | PartRule, itemMax: number): number {
  const own = 'max' in rule && typeof rule.max === 'number' ? rule.max : itemMax;
  let m: number;
  switch (rule.kind) {
    case 'bool':
      m = rule.points;
      break;
    case 'levels':
      m = Math.max(...rule.levels.map((l) => l.points));
      break;
    case 'count':
      m = rule.cap ?? itemMax;
      break;
    case 'ratio':
      m = rule.points;
      break;
    case 'tiers':
      m = Math.max(...rule.tiers.map((t) => t.points));
      break;
    case 'per_occurrence':
      m = rule.base;
      break;
    case 'veto':
      m = 0; // a veto scores nothing; it fails the unit (scoring/unit.ts)
      break;
    case 'checklist':
    case 'deduct_if':
    case 'step_deduct':
    case 'manual':
      m = own;
      break;
    case 'monthly':
      // A month scores at most monthMax (else the item's): their mean, or their sum.
      m = rule.combine === 'sum' ? (rule.monthMax ?? 0) * rule.months.length : (rule.monthMax ?? itemMax);
      break;
    case 'composite': {
      const cap = rule.cap ?? itemMax;
      const parts = rule.parts.reduce((s, p) => s + ruleMax(p, cap), 0);
      m = Math.min(cap, Math.round(parts * 1e6) / 1e6);
      break;
    }
  }
  return Math.min(m, itemMax);
}
