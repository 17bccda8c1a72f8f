/**
 * The scored roster kept between rounds, so that an edit pays for what it changes, not for the
 * roster: the edited units are rescored (`scoreUnit`), the groups re-ranked from the cached unit
 * scores (`rankUnits`, a sort), and output cells are built only for the units whose results moved
 * (rescored, or rank or labels changed) and the 排名 rows whose unit or content moved. The session
 * diffs those against its ledger, as it diffs every cell after a full rescore, so both paths write
 * the same cells (test/excel/incremental.property.test.ts).
 */
import { allOutputs, rankOrder, rankOutputs, rankRowOutputs, summaryOutputs, unitSheetOutputs, type OutputCell } from '../layout/outputs';
import type { Rubric } from '../rubric/schema';
import { rankUnits } from '../scoring/rank';
import { scoreRoster, scoreUnit } from '../scoring/score';
import type { Problem, RankedUnit, RosterResult, UnitInput, UnitScore } from '../scoring/types';

export interface RosterUnit {
  key: string;
  name: string;
  group: string;
}

/** A unit's score without the fields ranking fills in, as `rankUnits` expects it (fresh rank fields each time). */
function unranked(u: UnitScore): UnitScore {
  const { rank: _r, bottomRank: _b, labels: _l, ...rest } = u as RankedUnit;
  return rest;
}

const forRanking = (u: UnitScore): UnitScore => ({ ...u });

export class RosterScores {
  private scores: UnitScore[] = [];
  private ranked: RankedUnit[] = [];
  /** Per group, the roster indices in 排名 order (rank, then name). */
  private order = new Map<string, number[]>();
  /** Roster problems that do not come from ranking (duplicate names, names outside the rubric's roster). */
  private rosterProblems: Problem[] = [];
  private readonly indexByKey: Map<string, number>;
  /**
   * Rubrics whose item points are typed per unit (朝阳) compare those points across the roster:
   * that check lives in scoreRoster only, so every round of theirs scores the whole roster.
   */
  private readonly wholeRosterChecks: boolean;
  result: RosterResult | null = null;

  constructor(
    private readonly rubric: Rubric,
    private readonly units: readonly RosterUnit[],
  ) {
    this.indexByKey = new Map(units.map((u, i) => [u.key, i]));
    this.wholeRosterChecks = rubric.categories.some((c) => c.indicators.some((i) => i.rule.kind === 'manual' && i.rule.maxField !== undefined));
  }

  indexOf(key: string): number | undefined {
    return this.indexByKey.get(key);
  }

  /** Scores every unit and returns every computed cell of the workbook. */
  scoreAll(inputs: readonly UnitInput[]): OutputCell[] {
    const result = scoreRoster(this.rubric, [...inputs]);
    this.scores = result.units.map(unranked);
    const rankMessages = new Set(rankUnits(this.rubric, this.scores.map(forRanking)).problems.map((p) => p.message));
    this.rosterProblems = result.problems.filter((p) => !rankMessages.has(p.message));
    this.ranked = result.units;
    this.result = result;
    this.order = this.rankIndices(result.units);
    return allOutputs(this.rubric, this.units.map((u, i) => ({ key: u.key, score: result.units[i] })));
  }

  /**
   * Rescores the units in `changed` (roster index → inputs as read), re-ranks, and returns the
   * computed cells of every unit whose results may have moved and of the 排名 rows that moved.
   * `allInputs` is used only by rubrics that check the whole roster (see wholeRosterChecks).
   */
  update(changed: ReadonlyMap<number, UnitInput>, allInputs: () => UnitInput[]): OutputCell[] {
    if (this.wholeRosterChecks || this.result === null) return this.scoreAll(allInputs());
    for (const [i, input] of changed) this.scores[i] = scoreUnit(this.rubric, input);
    const previous = this.ranked;
    const { units: ranked, problems } = rankUnits(this.rubric, this.scores.map(forRanking));
    this.ranked = ranked;
    this.result = { rubricId: this.rubric.id, units: ranked, problems: [...this.rosterProblems, ...problems] };
    const moved = new Set(changed.keys());
    ranked.forEach((u, i) => {
      const before = previous[i];
      if (u.rank !== before.rank || u.labels.join('；') !== before.labels.join('；')) moved.add(i);
    });
    const out: OutputCell[] = [];
    for (const i of moved) {
      const unit = { key: this.units[i].key, score: ranked[i] };
      out.push(...unitSheetOutputs(this.rubric, unit.key, unit.score), ...summaryOutputs(this.rubric, [unit]));
    }
    const order = this.rankIndices(ranked);
    for (const [groupId, now] of order) {
      const before = this.order.get(groupId) ?? [];
      now.forEach((i, p) => {
        if (before[p] !== i || moved.has(i)) out.push(...rankRowOutputs(this.rubric, groupId, p + 1, ranked[i]));
      });
    }
    this.order = order;
    return out;
  }

  /** Every 汇总 cell (its sheet was read: a typed-over or deleted row is found by the diff). */
  summaryCells(): OutputCell[] {
    return summaryOutputs(this.rubric, this.units.map((u, i) => ({ key: u.key, score: this.ranked[i] })));
  }

  /** Every 排名 cell. */
  rankCells(): OutputCell[] {
    return rankOutputs(this.rubric, this.ranked);
  }

  /** One unit sheet's cells (its sheet was read). */
  unitCells(i: number): OutputCell[] {
    return unitSheetOutputs(this.rubric, this.units[i].key, this.ranked[i]);
  }

  private rankIndices(ranked: RankedUnit[]): Map<string, number[]> {
    const indexOf = new Map<RankedUnit, number>(ranked.map((u, i) => [u, i]));
    const out = new Map<string, number[]>();
    for (const [groupId, members] of rankOrder(this.rubric, ranked)) out.set(groupId, members.map((u) => indexOf.get(u) as number));
    return out;
  }
}
