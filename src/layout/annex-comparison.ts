/**
 * 自评与核定对照表 (issue 17 item 3): an optional extra sheet of the annex that sets each unit's
 * 自评 total beside its 核定 total, with the items where they differ (the 核查清单 lines). The
 * official tables of the annex stay the 核定 result and are not touched; this sheet is added only
 * when the office asks for it. Pure data: the rows are worked out here from what the workbook's
 * review found (src/xlsx/review.ts, or the live session's), the sheet is planned in annex-plan.ts.
 */
import type { Rubric } from '../rubric/schema';
import type { RosterResult } from '../scoring/types';

/** One unit of the roster, as the comparison needs it (roster order). */
export interface ComparisonUnitInput {
  unitKey: string;
  unit: string;
  group: string;
  /** The 核定 final score (null while not settled). */
  verified: number | null;
}

/** One 核查清单 line: an item whose 核定分 differs from the 自评分. */
export interface ComparisonDifference {
  unitKey: string;
  unit: string;
  item: string;
  self: number | null;
  verified: number | null;
  difference: number | null;
  reason: string;
}

/** One row of the unit table. `returned: false` prints 「未提交」 where a number would be, never 0. */
export interface ComparisonRow {
  unit: string;
  group: string;
  returned: boolean;
  /** The 自评 total (null: the form is incomplete, or not returned). */
  self: number | null;
  verified: number | null;
  /** 核定 − 自评 where both are numbers. */
  difference: number | null;
  /** Items whose 核定分 differs from the 自评分. */
  differing: number;
  /** Of those, without a 核减原因. */
  unexplained: number;
}

export interface AnnexComparison {
  units: ComparisonRow[];
  /** The per-item differences, unit by unit (the 核查清单 lines). */
  details: ComparisonDifference[];
}

export const NOT_RETURNED = '未提交';

/** Message when the option is chosen for a workbook without any collected 自评表: the annex is made without the sheet. */
export const NO_SELF_ASSESSMENT =
  '工作簿中没有收回的自评表，未加入「自评与核定对照表」（其余附件内容不受影响）。请先用「收回自评表」导入各单位的自评表。';

/** Rounds away floating-point noise (0.1 + 0.2) as the engine's results do. */
const exact = (x: number) => Number(x.toPrecision(12));

/**
 * The comparison of a roster: every unit in roster order; a unit not in `selfTotals` returned no
 * 自评表. `selfTotals` maps a unit key to its 自评 total (null where the form left it unsettled).
 */
export function comparisonOf(
  units: ComparisonUnitInput[],
  selfTotals: ReadonlyMap<string, number | null>,
  differences: ComparisonDifference[],
): AnnexComparison {
  const rows = units.map((u): ComparisonRow => {
    const returned = selfTotals.has(u.unitKey);
    const self = selfTotals.get(u.unitKey) ?? null;
    const own = differences.filter((d) => d.unitKey === u.unitKey);
    return {
      unit: u.unit,
      group: u.group,
      returned,
      self,
      verified: u.verified,
      difference: returned && self !== null && u.verified !== null ? exact(u.verified - self) : null,
      differing: returned ? own.length : 0,
      unexplained: returned ? own.filter((d) => d.reason.trim() === '').length : 0,
    };
  });
  const order = new Map(units.map((u, i) => [u.unitKey, i]));
  const details = [...differences].sort((a, b) => (order.get(a.unitKey) ?? 0) - (order.get(b.unitKey) ?? 0));
  return { units: rows, details };
}

/**
 * The comparison of a scored roster, as both hosts make it (src/xlsx/comparison.ts from a file's
 * review, src/excel/annex-extras.ts from the live session's): units in roster order with their group's
 * label, and the 核查清单 lines reduced to what the sheet shows.
 */
export function rosterComparison(
  rubric: Rubric,
  units: readonly { key: string; name: string; group: string }[],
  result: RosterResult,
  selfTotals: ReadonlyMap<string, number | null>,
  differences: readonly ComparisonDifference[],
): AnnexComparison {
  const groupLabel = (id: string) => rubric.ranking.groups.find((g) => g.id === id)?.label ?? id;
  return comparisonOf(
    units.map((u, i) => ({ unitKey: u.key, unit: u.name, group: groupLabel(u.group), verified: result.units[i].final })),
    selfTotals,
    differences.map(({ unitKey, unit, item, self, verified, difference, reason }) => ({
      unitKey,
      unit,
      item,
      self,
      verified,
      difference,
      reason,
    })),
  );
}
