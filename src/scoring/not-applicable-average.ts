/**
 * 容缺项: with notApplicable "average", an item a unit marks 不涉及 scores the average of that item
 * over the other units that answered it: the units of the same ranking group ("group": they are
 * ranked against each other and carry the same table) or of the whole roster ("roster"), as the
 * rubric says. It depends on the roster, so scoreRoster scores every unit once, takes the averages,
 * and scores again the units with such items. The average is exact. It is not given (the item stays
 * 待定, never a made-up number) while any unit that carries the item has not finished it, or when no
 * other unit answered it; the reason names the average and how many units it came from.
 */
import type { Indicator, Rubric } from '../rubric/schema';
import { toNumber, toText, ZERO } from './exact';
import { Rational } from './rational';
import type { ItemScore, UnitInput, UnitScore } from './types';

/** The answers to one item in one scope (group or roster). */
export interface ItemAverage {
  /** Units that answered the item and have its score. */
  units: number;
  total: Rational;
  /** Units that carry the item but have not finished it (blank or wrong input). */
  waiting: number;
}

/** The averages a roster gives, by scope and item. */
export class NotApplicableAverages {
  private readonly byKey = new Map<string, ItemAverage>();

  constructor(
    private readonly rubric: Rubric,
    units: readonly UnitInput[],
    scores: readonly UnitScore[],
  ) {
    const ids = rubric.categories.flatMap((c) => c.indicators.map((i) => i.id));
    units.forEach((u, k) => {
      const score = scores[k];
      for (const id of ids) {
        if (u.notApplicable?.includes(id)) continue;
        const key = this.key(score.group, id);
        let a = this.byKey.get(key);
        if (a === undefined) this.byKey.set(key, (a = { units: 0, total: ZERO, waiting: 0 }));
        const item = score.items[id];
        if (item?.status === 'scored' && item.exact !== null) {
          a.units++;
          a.total = a.total.add(fromFraction(item.exact));
        } else a.waiting++;
      }
    });
  }

  private key(group: string, indicatorId: string): string {
    return `${this.rubric.averageOver === 'roster' ? '' : group}\u0000${indicatorId}`;
  }

  of(group: string, indicatorId: string): ItemAverage {
    return this.byKey.get(this.key(group, indicatorId)) ?? { units: 0, total: ZERO, waiting: 0 };
  }
}

/** An exact score as ItemScore.exact writes it ("14/3", "5", "-1/2"). */
function fromFraction(text: string): Rational {
  const [n, d = '1'] = text.split('/');
  return new Rational(BigInt(n), BigInt(d));
}

export interface AveragedItem {
  result: ItemScore;
  score: Rational | null;
  /** Why no average can be given, for the unit's problems; absent when the item scores or waits on others. */
  problem?: string;
}

/** The item of a unit that marked it 不涉及: the average, or 待定 with the reason. */
export function averagedItem(rubric: Rubric, ind: Indicator, group: string, averages: NotApplicableAverages | undefined): AveragedItem {
  const whose = rubric.averageOver === 'roster' ? '全部参评单位' : '同组';
  const pending = (reason: string, problem?: string): AveragedItem => ({
    result: { indicatorId: ind.id, score: null, exact: null, max: ind.points, reason, status: 'incomplete' },
    score: null,
    ...(problem ? { problem } : {}),
  });
  if (averages === undefined) return pending('不涉及，按其他单位平均分计：须与其他单位一起评分，平均分待定');
  const a = averages.of(group, ind.id);
  if (a.waiting > 0) return pending(`不涉及，按${whose}其他单位平均分计：尚有 ${a.waiting} 个单位未完成此项，平均分待定`);
  if (a.units === 0) {
    const why = `不涉及，按${whose}其他单位平均分计：没有其他单位作答此项，平均分无从计算，本项待定`;
    return pending(why, `${ind.id} ${ind.name} ${why}，请考核组决定`);
  }
  let score = a.total.div(new Rational(a.units));
  const rounded = rubric.rounding.itemScores === 'rounded' && !score.hasPlaces(rubric.rounding.decimals);
  if (rounded) score = score.roundHalfUp(rubric.rounding.decimals);
  const exactly = a.total.div(new Rational(a.units));
  const sign = exactly.hasPlaces(2) ? '=' : '≈';
  const reason = `不涉及，按${whose}作答此项的 ${a.units} 个单位的平均分计：${toText(a.total, 4)} ÷ ${a.units} ${sign} ${toText(exactly)} 分${rounded ? `（四舍五入保留 ${rubric.rounding.decimals} 位小数）` : ''}`;
  return {
    result: { indicatorId: ind.id, score: toNumber(score), exact: score.toFraction(), max: ind.points, reason, status: 'scored' },
    score,
  };
}

/** Whether a roster needs the second round (a unit marked an item 不涉及 under notApplicable "average"). */
export const usesAverages = (rubric: Rubric, units: readonly UnitInput[]) =>
  rubric.notApplicable === 'average' && units.some((u) => (u.notApplicable?.length ?? 0) > 0);
