/** Inputs and results of the scoring engine (plain data, JSON-serialisable). */
import type { RawValue } from './values';

export interface UnitInput {
  name: string;
  /** Ranking group id (rubric.ranking.groups[].id); defaults to the rubric's first group. */
  group?: string;
  /** Raw values as typed: inputs[indicatorId][fieldId]. */
  inputs?: Record<string, Record<string, RawValue>>;
  /** Indicators the unit is not concerned by (不涉及). */
  notApplicable?: string[];
  /** Bonus: a number of points, or a tier label (朝阳); blank = no bonus. */
  bonus?: RawValue;
  /** 弄虚作假: true, or the indicator ids the false material concerns (亳州). */
  fraud?: boolean | string[];
}

export type ItemStatus = 'scored' | 'incomplete' | 'invalid' | 'not_applicable' | 'excluded';

export interface ItemScore {
  indicatorId: string;
  /** Score rounded for display; null when incomplete, invalid or excluded. */
  score: number | null;
  /** The exact score as a fraction string ("14/3"), for audits. */
  exact: string | null;
  /** Item maximum (printed, or set by the office for 朝阳); null when unknown. */
  max: number | null;
  reason: string;
  status: ItemStatus;
  /** A veto item (一票否决) whose condition holds; absent otherwise. */
  vetoed?: boolean;
}

export type Severity = 'error' | 'missing' | 'warning';

export interface Problem {
  severity: Severity;
  unit: string;
  indicatorId?: string;
  fieldId?: string;
  /** Full message in Chinese naming the unit, indicator and value. */
  message: string;
}

export interface CategoryScore {
  score: number | null;
  max: number | null;
}

/** A 考核指标's subtotal (three levels): its 子项 summed, at most its points; null while a 子项 is unfinished. */
export interface GroupScore {
  score: number | null;
  max: number;
  reason: string;
}

export interface UnitScore {
  name: string;
  group: string;
  items: Record<string, ItemScore>;
  categories: Record<string, CategoryScore>;
  /** Subtotals of the 考核指标 of three-level categories (rubric category.groups), by group id; absent without. */
  groups?: Record<string, GroupScore>;
  /** Annex result before bonus (rounded); null when incomplete or y = 0. */
  base: number | null;
  /** For normalised rubrics: x and y (y = 0 when the unit carries no item); null while incomplete. */
  normalisation?: { x: number; y: number } | null;
  /** The bonus points; 0 when blank; null when the bonus typed cannot be read (see bonusProblem). */
  bonus: number | null;
  /** Why the bonus cannot be read (without the unit's name), only when bonus is null. */
  bonusProblem?: string;
  final: number | null;
  /**
   * The final score in the outer scale (rubric.outerScale): final × max ÷ fullMarks, rounded like
   * the final; null while the final is; absent when the rubric has no outer scale.
   */
  scaled?: number | null;
  band: string | null;
  complete: boolean;
  /** Inputs filled / inputs expected, for progress displays. */
  filled: number;
  expected: number;
  fraud: boolean;
  problems: Problem[];
  /**
   * 一票否决 that held: "zero" (base and final are 0) or "fail" (band is `label`, the method's
   * 不合格 / 不通过, whatever the points); `text` says which and why. Absent when none held.
   */
  veto?: { result: 'fail' | 'zero'; label: string; text: string };
  /** Aggregation mode "blocks": each block's score and the combination's arithmetic; absent otherwise. */
  blocks?: { list: BlockScore[]; text: string };
}

/** One weighted block's score (aggregation mode "blocks"): x / y × scale, null when the unit carries none of its items. */
export interface BlockScore {
  label: string;
  weight: number;
  x: number;
  y: number;
  score: number | null;
}

export interface RankedUnit extends UnitScore {
  rank: number | null;
  /** Rank counted from the bottom (1 = lowest), for 后N名 labels. */
  bottomRank: number | null;
  labels: string[];
}

export interface RosterResult {
  rubricId: string;
  units: RankedUnit[];
  problems: Problem[];
}
