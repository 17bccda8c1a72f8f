/**
 * The units' 自评 in the live workbook, kept between rounds like RosterScores keeps the 核定 scores:
 * each unit sheet carrying the 自评 columns (src/layout/review.ts) gives its own figures when read;
 * only the 自评 that changed are scored again (all of them where the rubric scores units against each
 * other, or when the 参数 changed), and the differences from the 核定 scores are recomputed for the
 * units whose 自评 or 核定 result object changed. No Office.js here.
 */
import type { OutputCell } from '../layout/outputs';
import type { SheetIndex } from '../layout/binding';
import { SELF_ROLES } from '../layout/self-assessment';
import { scoreOneSelf, scoreSelf, selfScoredTogether, selfScoreValues, unitDifferences, type Difference } from '../layout/review';
import type { Rubric } from '../rubric/schema';
import type { ParameterValues } from '../scoring/parameters';
import type { RosterResult, UnitInput, UnitScore } from '../scoring/types';
import type { RosterUnit } from './roster-scores';

interface SelfState {
  input: UnitInput;
  /** The inputs as JSON: a re-read sheet whose 自评 did not change is not scored again. */
  json: string;
  score: UnitScore | null;
  /** The differences as last computed, with the two results they came from. */
  diffs: Difference[];
  diffSelf: UnitScore | null;
  diffVerified: object | null;
}

export class SelfScores {
  private readonly units = new Map<string, SelfState>();
  private readonly dirty = new Set<string>();
  private readonly together: boolean;
  private readonly order: Map<string, number>;

  constructor(
    private readonly rubric: Rubric,
    private readonly roster: readonly RosterUnit[],
  ) {
    this.together = selfScoredTogether(rubric);
    this.order = new Map(roster.map((u, i) => [u.key, i]));
  }

  /** Some unit sheet carries the 自评 columns. */
  get any(): boolean {
    return this.units.size > 0;
  }

  has(key: string): boolean {
    return this.units.has(key);
  }

  /** A unit sheet read: its 自评 (null: the sheet has no 自评 columns). */
  read(key: string, input: UnitInput | null): void {
    if (!input) {
      this.units.delete(key);
      return;
    }
    const json = JSON.stringify(input);
    const was = this.units.get(key);
    if (was && was.json === json) return;
    this.units.set(key, { input, json, score: null, diffs: [], diffSelf: null, diffVerified: null });
    this.dirty.add(key);
  }

  forget(key: string): void {
    this.units.delete(key);
    this.dirty.delete(key);
  }

  /** Scores the 自评 that changed (every one when `all`); returns the keys scored. */
  rescore(parameters: ParameterValues, all: boolean): string[] {
    const keys = all || this.together ? [...this.units.keys()] : [...this.dirty].filter((k) => this.units.has(k));
    this.dirty.clear();
    if (keys.length === 0) return [];
    if (this.together) {
      const entries = [...this.units].sort((a, b) => (this.order.get(a[0]) ?? 0) - (this.order.get(b[0]) ?? 0));
      const scores = scoreSelf(
        this.rubric,
        entries.map(([, s]) => s.input),
        parameters,
      );
      entries.forEach(([, s], i) => (s.score = scores[i]));
    } else for (const k of keys) (this.units.get(k) as SelfState).score = scoreOneSelf(this.rubric, this.units.get(k)!.input, parameters);
    return keys;
  }

  /** The 自评分 cells of one unit sheet. */
  outputs(key: string, index: Pick<SheetIndex, 'rows'>): OutputCell[] {
    const score = this.units.get(key)?.score;
    if (!score) return [];
    return selfScoreValues(index, score).map(([rowKey, value]) => ({ sheetKey: key, rowKey, role: SELF_ROLES.score, value }));
  }

  /** The 自评 total (final; null while unsettled) of every unit sheet carrying the 自评 columns, by unit key, in roster order: 汇总's 自评 columns and the 自评与核定对照表. */
  totals(): Map<string, number | null> {
    const out = new Map<string, number | null>();
    for (const u of this.roster) if (this.units.has(u.key)) out.set(u.key, this.units.get(u.key)?.score?.final ?? null);
    return out;
  }

  /** Every difference between 核定 and 自评, in roster order, items in rubric order. */
  differences(result: RosterResult | null): Difference[] {
    if (!result) return [];
    const out: Difference[] = [];
    this.roster.forEach((u, i) => {
      const s = this.units.get(u.key);
      const verified = result.units[i];
      if (!s?.score || !verified) return;
      // Ranking copies a unit's result but shares its items: unchanged items, unchanged differences.
      if (s.diffSelf !== s.score || s.diffVerified !== verified.items) {
        s.diffs = unitDifferences(this.rubric, u.key, u.name, s.score, verified);
        s.diffSelf = s.score;
        s.diffVerified = verified.items;
      }
      // reviewLines sets the reasons on the objects: each round gets its own copies.
      for (const d of s.diffs) out.push({ ...d });
    });
    return out;
  }
}
