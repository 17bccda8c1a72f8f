/**
 * The scored roster kept between rounds, so that an edit pays for what it changes, not for the
 * roster: the edited units are rescored (`scoreUnit`), the groups re-ranked from the cached unit
 * scores (`rankUnits`, a sort), and output cells are built only for the units whose results moved
 * (rescored, or rank or labels changed) and the 排名 rows whose unit or content moved. The session
 * diffs those against its ledger, as it diffs every cell after a full rescore, so both paths write
 * the same cells (test/excel/incremental.property.test.ts).
 */
import {
  allOutputs,
  rankOutputs,
  rankRowOutputs,
  summaryOutputs,
  unitRankOutputs,
  unitSheetOutputs,
  type OutputCell,
} from '../layout/outputs';
import type { Rubric } from '../rubric/schema';
import { rankUnits } from '../scoring/rank';
import { scoreRoster, scoreUnit, type ParameterValues } from '../scoring/score';
import type { Problem, RankedUnit, RosterResult, UnitInput } from '../scoring/types';

export interface RosterUnit {
  key: string;
  name: string;
  group: string;
}

const labelsOf = (u: RankedUnit) => u.labels.join('；');

export class RosterScores {
  /**
   * The units' current scores, ranked in place by each round's rankUnits (only the rescored units
   * are new objects): copying 1,000 scores per round to rank the copies cost 15 times the ranking.
   */
  private scores: RankedUnit[] = [];
  /** Rank and labels of each unit as last written (to find the units a re-ranking moved). */
  private shownRank: (number | null)[] = [];
  private shownLabels: string[] = [];
  /** Per group, the roster indices in 排名 order (rank, then name). */
  private order = new Map<string, number[]>();
  /** Roster problems that do not come from ranking (duplicate names, names outside the rubric's roster). */
  private rosterProblems: Problem[] = [];
  private readonly indexByKey: Map<string, number>;
  /** Each unit's place in the roster sorted by name (zh-CN), computed once: 排名 breaks rank ties by name. */
  private readonly nameOrder: number[];
  /**
   * Rubrics whose item points are typed per unit (朝阳) compare those points across the roster, and
   * rubrics that score 不涉及 at the other units' average (容缺项) make a unit's score depend on the
   * others' answers: that lives in scoreRoster only, so every round of theirs scores the whole roster.
   */
  private readonly wholeRosterChecks: boolean;
  result: RosterResult | null = null;
  /** The 参数 sheet's values (rubric.parameters), as last read; every unit is scored with them. */
  parameters: ParameterValues = {};

  constructor(
    private readonly rubric: Rubric,
    private readonly units: readonly RosterUnit[],
  ) {
    this.indexByKey = new Map(units.map((u, i) => [u.key, i]));
    this.wholeRosterChecks =
      rubric.notApplicable === 'average' ||
      rubric.categories.some((c) => c.indicators.some((i) => i.rule.kind === 'manual' && i.rule.maxField !== undefined));
    // The same comparison as rankOrder (src/layout/outputs.ts), made once; a stable sort keeps
    // names that compare equal in roster order, as rankOrder's stable sort does.
    const byName = units.map((_, i) => i).sort((x, y) => units[x].name.localeCompare(units[y].name, 'zh-CN'));
    this.nameOrder = new Array<number>(units.length);
    byName.forEach((i, place) => (this.nameOrder[i] = place));
  }

  indexOf(key: string): number | undefined {
    return this.indexByKey.get(key);
  }

  /** Scores every unit and returns every computed cell of the workbook. */
  scoreAll(inputs: readonly UnitInput[]): OutputCell[] {
    const result = scoreRoster(this.rubric, [...inputs], this.parameters);
    // Ranking again is idempotent; it tells which of scoreRoster's problems come from ranking.
    const rankMessages = new Set(rankUnits(this.rubric, result.units).problems.map((p) => p.message));
    this.rosterProblems = result.problems.filter((p) => !rankMessages.has(p.message));
    this.scores = result.units;
    this.result = result;
    this.remember();
    return allOutputs(
      this.rubric,
      this.units.map((u, i) => ({ key: u.key, score: result.units[i] })),
    );
  }

  /**
   * Rescores the units in `changed` (roster index → inputs as read), re-ranks, and returns the
   * computed cells of every unit whose results may have moved and of the 排名 rows that moved.
   * `allInputs` is used only by rubrics that check the whole roster (see wholeRosterChecks).
   */
  update(changed: ReadonlyMap<number, UnitInput>, allInputs: () => UnitInput[]): OutputCell[] {
    if (this.wholeRosterChecks || this.result === null) return this.scoreAll(allInputs());
    for (const [i, input] of changed) this.scores[i] = scoreUnit(this.rubric, input, this.parameters) as RankedUnit;
    const { units: ranked, problems } = rankUnits(this.rubric, this.scores);
    this.scores = ranked;
    this.result = { rubricId: this.rubric.id, units: ranked, problems: [...this.rosterProblems, ...problems] };
    const out: OutputCell[] = [];
    for (const i of changed.keys()) {
      const unit = { key: this.units[i].key, score: ranked[i] };
      out.push(...unitSheetOutputs(this.rubric, unit.key, unit.score), ...summaryOutputs(this.rubric, [unit]));
    }
    // A unit that was not rescored changes only in its rank and labels.
    const moved = new Set(changed.keys());
    ranked.forEach((u, i) => {
      if (changed.has(i) || (u.rank === this.shownRank[i] && labelsOf(u) === this.shownLabels[i])) return;
      moved.add(i);
      const key = this.units[i].key;
      out.push(
        ...unitRankOutputs(this.rubric, key, u),
        ...summaryOutputs(this.rubric, [{ key, score: u }]).filter((o) => o.role === 'rank' || o.role === 'labels'),
      );
    });
    const before = this.order;
    this.remember();
    for (const [groupId, now] of this.order) {
      const was = before.get(groupId) ?? [];
      now.forEach((i, p) => {
        if (was[p] !== i || moved.has(i)) out.push(...rankRowOutputs(this.rubric, groupId, p + 1, ranked[i]));
      });
    }
    return out;
  }

  /** Every 汇总 cell (its sheet was read: a typed-over or deleted row is found by the diff). */
  summaryCells(): OutputCell[] {
    return summaryOutputs(
      this.rubric,
      this.units.map((u, i) => ({ key: u.key, score: this.scores[i] })),
    );
  }

  /** Every 排名 cell. */
  rankCells(): OutputCell[] {
    return rankOutputs(this.rubric, this.scores);
  }

  /** One unit sheet's cells (its sheet was read). */
  unitCells(i: number): OutputCell[] {
    return unitSheetOutputs(this.rubric, this.units[i].key, this.scores[i]);
  }

  /** Records what the cells now show: each unit's rank and labels, and each group's 排名 order. */
  private remember(): void {
    this.shownRank = this.scores.map((u) => u.rank);
    this.shownLabels = this.scores.map(labelsOf);
    this.order = new Map();
    for (const g of this.rubric.ranking.groups) {
      const members: number[] = [];
      this.scores.forEach((u, i) => {
        if (u.group === g.id) members.push(i);
      });
      const rankOf = (i: number) => this.scores[i].rank ?? Infinity;
      // rankOrder's order: by rank, unranked last, ties by name.
      members.sort((x, y) => rankOf(x) - rankOf(y) || this.nameOrder[x] - this.nameOrder[y]);
      this.order.set(g.id, members);
    }
  }
}
