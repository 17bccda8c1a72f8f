/**
 * 按月跟踪考核、年终综合评定 (rule kind "monthly", src/rubric/schema.ts): each month's score, exact;
 * the annual item score as the method says (the mean of the months assessed, or their sum); a month
 * left blank is 未考核, never 0. While a month is not assessed the item is pending: the reason shows
 * the provisional figure of the months assessed and names the months still 未考核.
 */
import type { Rule } from '../rubric/schema';
import { exact, toText, ZERO } from './exact';
import type { Rational } from './rational';
import type { ItemReader } from './reader';

type MonthlyRule = Extract<Rule, { kind: 'monthly' }>;

export interface MonthlyScored {
  score: Rational;
  reason: string;
  /** The months not yet assessed, in words (「未考核：4月、5月」); absent when all are. */
  pending?: string;
}

export function scoreMonthly(rule: MonthlyRule, r: ItemReader, own: Rational, decimals: number): MonthlyScored {
  const cap = rule.monthMax !== undefined ? exact(rule.monthMax) : own;
  const assessed: { label: string; value: Rational }[] = [];
  const notYet: string[] = [];
  for (const id of rule.months) {
    const label = r.field(id).label;
    // value(), not num(): a blank month is 未考核, not a missing input.
    if (!r.isFilled(id)) {
      notYet.push(label);
      continue;
    }
    const v = r.value(id);
    if (v === undefined || typeof v === 'boolean' || typeof v === 'string') continue; // invalid: recorded by the reader
    if (v.compare(cap) > 0) r.reject(id, `${toText(v, 6)} 超过每月最高分 ${toText(cap, 6)}`);
    else if (!v.hasPlaces(decimals)) r.reject(id, `最多保留 ${decimals} 位小数（「${toText(v, 6)}」）`);
    assessed.push({ label, value: v });
  }
  const total = assessed.reduce((a, m) => a.add(m.value), ZERO);
  const terms = assessed.map((m) => toText(m.value, 4)).join(' + ');
  let score = total;
  let reason: string;
  if (assessed.length === 0) reason = '尚无已考核的月份';
  else if (rule.combine === 'average') {
    score = total.div(exact(assessed.length));
    reason = `${assessed.length} 个月平均：(${terms}) ÷ ${assessed.length} = ${toText(score, 4)} 分`;
  } else {
    reason = `${assessed.length} 个月合计：${terms} = ${toText(total, 4)} 分`;
    if (total.compare(own) > 0) reason += `，超过本项 ${toText(own, 4)} 分，按 ${toText(own, 4)} 分计`;
  }
  return notYet.length > 0 ? { score, reason, pending: `未考核：${notYet.join('、')}` } : { score, reason };
}
