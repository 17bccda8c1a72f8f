/**
 * The scored roster kept between rounds, so that an edit pays for what it changes, not for the
 * roster: the edited units are rescored (`scoreUnit`), the groups re-ranked from the cached unit
 * scores (`rankUnits`, which keeps the result of every unit it did not move), the rescored units
 * moved to their new places in 排名 order (a binary search, not a sort), and output cells are
 * built only for the units whose results moved (rescored, or rank or labels changed) and the 排名
 * rows whose unit or content moved. The session diffs those against its ledger, as it diffs every
 * cell after a full rescore, so both paths write the same cells
 * (test/excel/incremental.property.test.ts).
 */
import {
  allOutputs,
  rankOutputs,
  rankRowOutputs,
  summaryOutputs,
  summaryRankOutputs,
  unitRankOutputs,
  unitSheetOutputs,
  type OutputCell,
} from '../layout/outputs';
import type { Rubric } from '../rubric/schema';
import { rankUnits } from '../scoring/rank';
import { scoreRoster, scoreUnit, type ParameterValues } from '../scoring/score';
import type { Problem, RankedUnit, RosterResult, UnitInput, UnitScore } from '../scoring/types';

export interface RosterUnit {
  key: string;
  name: string;
  group: string;
}

const sameLabels = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, k) => x === b[k]);

export class RosterScores {
  /** The units' current scores, as the last round ranked them (rankUnits returns new objects). */
  private scores: RankedUnit[] = [];
  /** Rank and labels of each unit as last written (to find the units a re-ranking moved). */
  private shownRank: (number | null)[] = [];
  private shownLabels: (readonly string[])[] = [];
  /** Per group, the roster indices in 排名 order (rank, then name), and each unit's group in it. */
  private order = new Map<string, number[]>();
  private orderGroup: (string | undefined)[] = [];
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
    this.shownRank = this.scores.map((u) => u.rank);
    this.shownLabels = this.scores.map((u) => u.labels);
    this.sortOrder();
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
    const scores: UnitScore[] = this.scores.slice();
    for (const [i, input] of changed) scores[i] = scoreUnit(this.rubric, input, this.parameters);
    // Units not rescored and not moved keep their result objects (rankUnits' `previous`).
    const previous = this.scores;
    const { units: ranked, problems } = rankUnits(this.rubric, scores, previous);
    this.scores = ranked;
    this.result = { rubricId: this.rubric.id, units: ranked, problems: [...this.rosterProblems, ...problems] };
    const out: OutputCell[] = [];
    for (const i of changed.keys()) {
      const unit = { key: this.units[i].key, score: ranked[i] };
      out.push(...unitSheetOutputs(this.rubric, unit.key, unit.score), ...summaryOutputs(this.rubric, [unit]));
    }
    // A unit that was not rescored changes only in its rank and labels.
    const moved = new Set(changed.keys());
    for (let i = 0; i < ranked.length; i++) {
      const u = ranked[i];
      if (u === previous[i]) continue; // the same result: neither rescored nor moved
      if (!moved.has(i) && u.rank === this.shownRank[i] && sameLabels(u.labels, this.shownLabels[i])) continue;
      moved.add(i);
      this.shownRank[i] = u.rank;
      this.shownLabels[i] = u.labels;
      if (changed.has(i)) continue;
      const key = this.units[i].key;
      out.push(...unitRankOutputs(this.rubric, key, u), ...summaryRankOutputs(key, u));
    }
    // 排名 rows: a row is written again when another unit now stands there, or its unit moved.
    for (const [groupId, was, now] of this.reorder(changed.keys()))
      now.forEach((i, p) => {
        if (was[p] !== i || moved.has(i)) out.push(...rankRowOutputs(this.rubric, groupId, p + 1, ranked[i]));
      });
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

  /** rankOrder's order (src/layout/outputs.ts): by rank, unranked last, ties by name. */
  private before = (x: number, y: number) =>
    (this.scores[x].rank ?? Infinity) - (this.scores[y].rank ?? Infinity) || this.nameOrder[x] - this.nameOrder[y];

  /** Each group's 排名 order, sorted from scratch (after a full rescore). */
  private sortOrder(): void {
    this.order = new Map(this.rubric.ranking.groups.map((g) => [g.id, []]));
    this.orderGroup = this.scores.map((u) => u.group);
    this.scores.forEach((u, i) => this.order.get(u.group)?.push(i));
    for (const members of this.order.values()) members.sort(this.before);
  }

  /**
   * Moves the rescored units to their new places in their groups' 排名 order; returns each group
   * it touched with its order before and after. The other units keep their order among themselves:
   * their finals did not change, and within a group the rank follows the final (a higher final, a
   * smaller rank; equal finals, equal ranks, then the name decides), so each rescored unit is taken
   * out and put back by binary search instead of sorting the group again.
   */
  private reorder(rescored: Iterable<number>): [string, number[], number[]][] {
    const touched = new Map<string, number[]>();
    const was = (g: string | undefined) => {
      const members = g === undefined ? undefined : this.order.get(g);
      if (members && g !== undefined && !touched.has(g)) touched.set(g, members.slice());
      return members;
    };
    const moving = [...rescored];
    for (const i of moving) {
      const members = was(this.orderGroup[i]);
      const at = members ? members.indexOf(i) : -1;
      if (at >= 0) members?.splice(at, 1);
    }
    for (const i of moving) {
      const g = this.scores[i].group;
      this.orderGroup[i] = this.order.has(g) ? g : undefined;
      const members = was(g);
      if (!members) continue;
      let lo = 0;
      let hi = members.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.before(members[mid], i) < 0) lo = mid + 1;
        else hi = mid;
      }
      members.splice(lo, 0, i);
    }
    return [...touched].map(([g, before]) => [g, before, this.order.get(g) as number[]]);
  }
}
