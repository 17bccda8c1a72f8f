/**
 * The rubric file format: one JSON file per annex table of one official document.
 *
 * The schema is the single source of truth: TypeScript types are inferred from it, the load-time
 * structural check uses it, and `rubrics/rubric.schema.json` (for editor completion) is generated
 * from it by `npm run schema`. Semantic checks that a schema cannot express (sums, references,
 * ordering) live in `validate.ts`.
 *
 * Rules are a closed vocabulary of kinds, interpreted by `src/scoring/rules.ts`. Nothing here is
 * ever evaluated as code.
 */
import { z } from 'zod';
import { PROTOTYPE_NAMES } from './limits';

// In a page (task pane, file mode) zod would probe whether eval works, by building a Function from a string, to compile fast
// parsers; the pages' Content-Security-Policy forbids eval and reports the probe as a violation.
// Parsing a rubric is small work either way, so pages parse without compiled parsers.
if (typeof document !== 'undefined') z.config({ jitless: true });

/**
 * Ids are keys of the input objects the engine reads (inputs[indicator][field]): letters, digits
 * and . _ - only, starting with a letter or digit, and never a name every object inherits
 * (constructor, toString, valueOf, hasOwnProperty …), which would read the prototype, not data.
 */
const id = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, '标识只能含文字、数字和 . _ -，并以文字或数字开头')
  .refine((s) => !PROTOTYPE_NAMES.has(s), {
    message: '标识不能用 JavaScript 对象的内置名称（如 constructor、toString、valueOf）',
    params: { fix: '换一个标识，例如在前面加上指标编号或改用中文。' },
  });

/** A non-negative number of points (0.1, 0.5 and 2.5 steps occur in the documents). */
const points = z.number().nonnegative();

/**
 * Points per thing counted: a number, or an exact fraction written as text, "1/12" (转载数 ÷ 12 ×
 * 1 分). The fraction's form is checked in validate.ts (short integers, denominator > 0).
 */
const rate = z.union([points, z.string()]);

// ---------------------------------------------------------------- input fields

const fieldBase = {
  id,
  /** Chinese label shown next to the input cell. */
  label: z.string().min(1),
  /** Optional longer hint (shown as the cell's input prompt). */
  hint: z.string().optional(),
};

export const yesNoField = z.object({ ...fieldBase, type: z.literal('yesno') }).strict();
export const countField = z
  .object({
    ...fieldBase,
    type: z.literal('count'),
    unit: z.string().optional(),
    /** At most this many exist (12 documents a year): a larger count is an input error naming the bound. */
    max: z.number().int().nonnegative().optional(),
  })
  .strict();
export const numberField = z
  .object({
    ...fieldBase,
    type: z.literal('number'),
    unit: z.string().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .strict();
export const percentField = z
  .object({
    ...fieldBase,
    type: z.literal('percent'),
    /**
     * How a bare number without a % sign is read: "percent" (85 means 85 %) or "fraction"
     * (0.85 means 85 %). "85%" is always 85 %.
     */
    bare: z.enum(['percent', 'fraction']).default('percent'),
    /**
     * Values under 1 % are real for this field (鹤岗 失信企业占比, threshold 1 %), so a bare number
     * of at most 1 is read as percent points (0.5 → 0.5 %). Without it such a number could be either
     * magnitude (0.85 → 0.85 % or 85 %) and is an input error naming both readings. Only with
     * bare "percent".
     */
    smallValues: z.boolean().optional(),
  })
  .strict();
export const choiceField = z
  .object({
    ...fieldBase,
    type: z.literal('choice'),
    options: z.array(z.string().min(1)).min(2),
  })
  .strict();
export const scoreField = z
  .object({
    ...fieldBase,
    type: z.literal('score'),
    /** Smallest step the assessor may use, e.g. 0.5; omitted = any value. */
    step: z.number().positive().optional(),
  })
  .strict();

export const field = z.discriminatedUnion('type', [yesNoField, countField, numberField, percentField, choiceField, scoreField]);

// ---------------------------------------------------------------- conditions

/** Comparison operators, always explicit about strictness (以上/以下 are settled in the data). */
export const comparison = z.enum(['<', '<=', '>', '>=', '==']);

export type Condition =
  | { field: string; is: boolean }
  | { field: string; op: z.infer<typeof comparison>; value: number }
  /** A rate of two typed counts compared in percent points on the exact fraction (合规率 < 98). */
  | { ratio: RatioOf; op: z.infer<typeof comparison>; value: number }
  | { field: string; oneOf: string[] }
  | { any: Condition[] }
  | { all: Condition[] };

export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ field: id, is: z.boolean() }).strict(),
    z.object({ field: id, op: comparison, value: z.number() }).strict(),
    z.object({ ratio: ratioOf, op: comparison, value: z.number() }).strict(),
    z.object({ field: id, oneOf: z.array(z.string()).min(1) }).strict(),
    z.object({ any: z.array(condition).min(2) }).strict(),
    z.object({ all: z.array(condition).min(2) }).strict(),
  ]),
);

// ---------------------------------------------------------------- rules

/** A ratio of two numeric fields, within [0, 1]. */
export const ratioOf = z
  .object({
    numerator: id,
    denominator: id,
    /**
     * What a zero denominator means, documented per item in the rubric notes: the ratio is 0, or
     * 100 %, or the denominator is an input error (a standard set by the province is never 0, and
     * a 0 typed by mistake must not award full marks: 亳州 11, 17).
     */
    whenDenominatorZero: z.enum(['zero', 'full', 'invalid']),
    /**
     * A numerator above its denominator: counted as 100 % ("cap": a count measured against a
     * standard it may exceed), or an input error ("invalid": the numerator is a part of the
     * denominator, e.g. records with key information among all records, 亳州 13).
     */
    whenAbove: z.enum(['cap', 'invalid']).default('cap'),
  })
  .strict();

const ruleCommon = {
  /** Short label of this rule or part (used in reasons). */
  label: z.string().optional(),
  /** Whole rule scores 0 when this holds (e.g. 亳州 12「当月有更新却未更新的，不得分」). */
  zeroIf: condition.optional(),
  /** Chinese wording of the zeroIf gate, used in the reason. */
  zeroIfLabel: z.string().optional(),
};

export const boolRule = z.object({ ...ruleCommon, kind: z.literal('bool'), field: id, points }).strict();

export const levelsRule = z
  .object({
    ...ruleCommon,
    kind: z.literal('levels'),
    field: id,
    /** One entry per option of the choice field: fixed points, or points × a ratio. */
    levels: z
      .array(
        z
          .object({
            option: z.string().min(1),
            points,
            ratio: ratioOf.optional(),
          })
          .strict(),
      )
      .min(2),
  })
  .strict();

export const countRule = z
  .object({
    ...ruleCommon,
    kind: z.literal('count'),
    field: id,
    rate,
    /** Cap on this rule's points; omitted = the item maximum (RUBRIC-ANALYSIS D5). */
    cap: points.optional(),
    unit: z.string().optional(),
  })
  .strict();

export const ratioRule = z
  .object({
    ...ruleCommon,
    kind: z.literal('ratio'),
    points,
    ratio: ratioOf,
  })
  .strict();

export const tiersRule = z
  .object({
    ...ruleCommon,
    kind: z.literal('tiers'),
    /** The field whose value is banded; or, instead, `ratio`. */
    field: id.optional(),
    /**
     * A rate computed from two typed counts (合规率 = 合规数 ÷ 应报数), banded in percent points
     * (min 98 means 98 %) on the exact fraction: 49/50 is exactly 98 %, never a rounded percentage.
     */
    ratio: ratioOf.optional(),
    /** Ordered, non-overlapping bands of the value; the first that matches gives its points. */
    tiers: z
      .array(
        z
          .object({
            min: z.number().optional(),
            minInclusive: z.boolean().default(true),
            max: z.number().optional(),
            maxInclusive: z.boolean().default(false),
            points,
            label: z.string().optional(),
          })
          .strict(),
      )
      .min(2),
  })
  .strict();

export const checklistRule = z
  .object({
    ...ruleCommon,
    kind: z.literal('checklist'),
    /** Yes/no fields, one per required element. */
    elements: z.array(id).min(1),
    perMissing: points,
    /** 0 when every element is missing (「未明确的不得分」), even if max − n × perMissing > 0. */
    zeroIfAllMissing: z.boolean().default(false),
  })
  .strict();

export const deductIfRule = z
  .object({
    ...ruleCommon,
    kind: z.literal('deduct_if'),
    conditions: z.array(z.object({ when: condition, deduct: points, label: z.string().min(1) }).strict()).min(1),
  })
  .strict();

export const stepDeductRule = z
  .object({
    ...ruleCommon,
    kind: z.literal('step_deduct'),
    /** A percent field (or number field) holding the value compared with the threshold. */
    field: id,
    /** No deduction at or above this value (percent points for a percent field). */
    threshold: z.number(),
    step: z.number().positive(),
    perStep: points,
    /** floor: only whole steps count; ceil: any started step counts; prorata: proportional. */
    rounding: z.enum(['floor', 'ceil', 'prorata']),
    /** A yes/no field that, when yes, exempts the unit (e.g. no enterprise concerned → no deduction). */
    exemptIf: id.optional(),
  })
  .strict();

export const perOccurrenceRule = z
  .object({
    ...ruleCommon,
    kind: z.literal('per_occurrence'),
    field: id,
    /** Points before deductions (the item or part maximum). */
    base: points,
    perOccurrence: rate,
  })
  .strict();

export const manualRule = z
  .object({
    ...ruleCommon,
    kind: z.literal('manual'),
    /** A score field the assessor fills in. */
    field: id,
    min: z.number().nonnegative().default(0),
    /** Upper bound; omitted = item maximum. A number field id when the office sets the points (朝阳). */
    maxField: id.optional(),
  })
  .strict();

/**
 * 一票否决: a baseline condition that, when it holds, fails the unit whatever its points. Written
 * as an indicator's rule (with `points: 0`), so that the veto sits in the table where the method
 * lists it, with its own number, words and input cells like any other item. The item itself
 * scores nothing; the unit's result carries the consequence.
 */
export const vetoRule = z
  .object({
    kind: z.literal('veto'),
    /** What the method vetoes, in its words (「发生重大安全生产事故」); used in reasons. */
    label: z.string().min(1),
    /** The baseline is broken when this holds (e.g. {"field": "incident", "is": true}). */
    when: condition,
    /** "fail": the unit's result is `resultLabel` whatever its points; "zero": its total is 0. */
    result: z.enum(['fail', 'zero']),
    /** The method's word for a failed unit (不合格 / 不通过); only with "fail". Default 不合格. */
    resultLabel: z.string().min(1).optional(),
  })
  .strict();

/** Parts of a composite: any non-composite rule. */
export const partRule = z.discriminatedUnion('kind', [
  boolRule,
  levelsRule,
  countRule,
  ratioRule,
  tiersRule,
  checklistRule.extend({ max: points }),
  deductIfRule.extend({ max: points }),
  stepDeductRule.extend({ max: points }),
  perOccurrenceRule,
  manualRule.extend({ max: points }),
]);

export const compositeRule = z
  .object({
    ...ruleCommon,
    kind: z.literal('composite'),
    parts: z.array(partRule).min(2),
    /** Cap on the sum of parts; omitted = item maximum. */
    cap: points.optional(),
  })
  .strict();

export const rule = z.discriminatedUnion('kind', [
  boolRule,
  levelsRule,
  countRule,
  ratioRule,
  tiersRule,
  checklistRule,
  deductIfRule,
  stepDeductRule,
  perOccurrenceRule,
  manualRule,
  compositeRule,
  vetoRule,
]);

// ---------------------------------------------------------------- indicators and categories

export const indicator = z
  .object({
    /** Unique in the rubric; the document's numbering, e.g. "一.1", "9", "九.2". */
    id,
    /** Number as printed in the 序号 column ("1", "一"). */
    number: z.string().min(1),
    name: z.string().min(1),
    /** Printed maximum (分值); null when the document does not publish it (朝阳). */
    points: points.nullable(),
    /** 考核内容, verbatim. */
    content: z.string(),
    /** 评分标准, verbatim ("" when the document has none; then say so in a note). */
    criteria: z.string(),
    /** 考核依据 where the document has the column. */
    basis: z.string().optional(),
    /** 考核方式 where the document has the column. */
    method: z.string().optional(),
    /**
     * Cells of the document's own columns that have no field of their own (亳州 数据来源, 鹤岗 备注),
     * keyed by the column's header in `table.columns` (from "extra").
     */
    extra: z.record(z.string(), z.string()).optional(),
    fields: z.array(field).min(1),
    rule,
    /** Most the rule can award when it is below the printed maximum (checked at load). */
    attainableMax: points.optional(),
    /** Ids of rubric notes about this indicator. */
    notes: z.array(id).default([]),
  })
  .strict();

export const category = z
  .object({
    id,
    /** 一、二、… as printed. */
    number: z.string().min(1),
    name: z.string().min(1),
    /** Printed category points; null when unpublished (朝阳). */
    points: points.nullable(),
    indicators: z.array(indicator).min(1),
  })
  .strict();

// ---------------------------------------------------------------- the document's own table

/**
 * One column of the document's own table, in the document's order and with its header words. What
 * the cell shows: an indicator's number, name, points, content, criteria, basis or method; the
 * category it belongs to (鹤岗 考核内容, printed once over the category's items); the item's 扣分
 * (鹤岗, the tool's figure); or `extra[header]` of the indicator (亳州 数据来源, 鹤岗 备注).
 */
export const tableColumn = z
  .object({
    header: z.string().min(1),
    from: z.enum(['number', 'name', 'points', 'content', 'criteria', 'basis', 'method', 'category', 'deduction', 'extra']),
    /** The document prints the item's number before the text in the same cell (「1、…」). */
    withNumber: z.boolean().optional(),
    /** The document prints the item's points after the text in the same cell (「…（5分）」). */
    withPoints: z.boolean().optional(),
  })
  .strict();

export const table = z
  .object({
    /** The columns of the official table; the tool adds 填报情况 / 得分 / 计分说明 to them. */
    columns: z.array(tableColumn).min(1),
    /** The document has the assessors score on site and the unit confirm (朝阳): a signature block under each unit's table. */
    confirmation: z.boolean().optional(),
  })
  .strict();

// ---------------------------------------------------------------- annex-level settings

export const aggregation = z.discriminatedUnion('mode', [
  /** Category subtotals and the total are sums of item scores. */
  z.object({ mode: z.literal('sum') }).strict(),
  /** 鹤岗: 基础分 minus the deductions (item maximum − item score). */
  z.object({ mode: z.literal('deduct_from_base'), base: points }).strict(),
  /** 朝阳: x / y × scale over the items the unit carries. */
  z.object({ mode: z.literal('normalised'), scale: points }).strict(),
]);

export const bonus = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z
    .object({
      kind: z.literal('manual'),
      label: z.string().min(1),
      /** Cap on the total bonus; null = no cap (衡东 第四条). */
      max: points.nullable(),
      criteria: z.string(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('tiers'),
      label: z.string().min(1),
      criteria: z.string(),
      /** One tier per unit (the highest confirmed). */
      tiers: z.array(z.object({ label: z.string().min(1), points }).strict()).min(1),
    })
    .strict(),
  /**
   * Several bonus items with their own points under one shared cap: the items are the indicators of
   * one category (`category`, its id), scored by their own rules and input cells, and added as the
   * bonus, up to `max`, instead of counting in the base score.
   */
  z
    .object({
      kind: z.literal('items'),
      label: z.string().min(1),
      criteria: z.string(),
      category: id,
      /** Cap on the bonus items together; null = no cap. */
      max: points.nullable(),
    })
    .strict(),
]);

export const band = z
  .object({
    label: z.string().min(1),
    /** Lower bound; null for the lowest band (everything below the next band). */
    min: z.number().nullable(),
    minInclusive: z.boolean(),
  })
  .strict();

export const bands = z
  .object({
    /** Read the band on the final score (with bonus) or on the base score. */
    basis: z.enum(['final', 'base']),
    /** Ordered from the highest band down; tested top-down. */
    list: z.array(band).min(2),
  })
  .strict();

export const rankGroup = z
  .object({
    /** Group id used in rosters, e.g. "市直部门", "成员单位", "县区". */
    id,
    label: z.string().min(1),
    /** Honours for the top N by rank number (ties at the cut-off all included). */
    honours: z.array(z.object({ label: z.string().min(1), top: z.number().int().positive() }).strict()).default([]),
    /** Criticism for the bottom N (bottomRank ≤ N). */
    criticism: z.array(z.object({ label: z.string().min(1), bottom: z.number().int().positive() }).strict()).default([]),
  })
  .strict();

export const note = z
  .object({
    id,
    /** Indicator id, or "bands", "bonus", "ranking", "aggregation", "general". */
    about: z.string().min(1),
    /** The ambiguity and the reading taken, in Chinese. */
    text: z.string().min(1),
  })
  .strict();

export const rosterEntry = z.object({ name: z.string().min(1), group: z.string().min(1) }).strict();

export const rubric = z
  .object({
    $schema: z.string().optional(),
    /** "office": made by the office in a 细则定义 sheet (rubric-from-sheet), not shipped with the tool; the annex and the pane say so. */
    origin: z.literal('office').optional(),
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id 只用小写字母、数字和连字符，如 "hengdong-2020-members"'),
    /** Semantic version of this rubric file; workbooks remember it. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/, '版本号写成三段数字，如 "1.0.0"'),
    city: z.string().min(1),
    year: z.number().int(),
    /** Title of the assessment method. */
    title: z.string().min(1),
    /** 文号, null when the document has none (亳州 2017). */
    documentNumber: z.string().nullable(),
    issuer: z.string().min(1),
    /** File name in shared/seeds this rubric encodes. */
    sourceFile: z.string().min(1),
    /** Annex number as printed after 附件 ("1", "2"), null when the table is unnumbered; and its title. */
    annex: z
      .object({
        number: z
          .string()
          .regex(/^[0-9一二三四五六七八九十]+$/, '只写编号，如 "1"')
          .nullable(),
        title: z.string().min(1),
      })
      .strict(),
    /** The document's own table (its columns); without it, the columns of rubrics made before it. */
    table: table.optional(),
    /** Which units this table assesses, in words (市直部门 / 成员单位 / 县区). */
    assessedUnits: z.string().min(1),
    fullMarks: points,
    aggregation,
    /** What "不涉及" means: not allowed; keeps full points (鹤岗); left out of x and y (朝阳). */
    notApplicable: z.enum(['not_allowed', 'full_points', 'exclude']),
    bonus,
    /**
     * The result counts for `max` points of an outer index (信用建设 worth 10 of a 1,000-point
     * index): the final score on `fullMarks` is also given as final × max ÷ fullMarks, exactly,
     * rounded like the final. Ranks, bands and honours stay on the final score.
     */
    outerScale: z
      .object({
        max: z.number().positive(),
        /** What the scaled figure is, in the method's words (「折合城市信用指数分值」). */
        label: z.string().min(1),
      })
      .strict()
      .optional(),
    bands: bands.nullable(),
    rounding: z
      .object({
        decimals: z.number().int().min(0).max(4),
        mode: z.literal('half_up'),
        /**
         * "exact": item scores are summed exactly and only base and final are rounded; "rounded":
         * each item score is rounded to `decimals` first, so that the printed items add up to the
         * printed subtotals and total (亳州's ratio items: 1/3 × 2 分 is 0.67 分 on the annex).
         */
        itemScores: z.enum(['exact', 'rounded']).default('exact'),
      })
      .strict(),
    ranking: z
      .object({
        method: z.literal('competition'),
        /**
         * "official": the document ranks units (名次, honours). "reference": it does not (鹤岗 reports
         * the score to another office), so ranks are shown as 参考名次 only.
         */
        purpose: z.enum(['official', 'reference']).default('official'),
        groups: z.array(rankGroup).min(1),
      })
      .strict(),
    /** 亳州: false material zeroes the indicators concerned; 朝阳: the unit loses its honour. */
    fraud: z.enum(['none', 'item_zero', 'honour_ineligible']),
    /** Named default roster (衡东 附件1). */
    defaultRoster: z.array(rosterEntry).optional(),
    /** Settings the office must set because the document does not (朝阳 item points). */
    officeMustSet: z.array(z.string()).default([]),
    categories: z.array(category).min(1),
    notes: z.array(note).default([]),
  })
  .strict();

export type Rubric = z.infer<typeof rubric>;
export type RubricInput = z.input<typeof rubric>;
export type Category = z.infer<typeof category>;
export type Indicator = z.infer<typeof indicator>;
export type Field = z.infer<typeof field>;
export type Rule = z.infer<typeof rule>;
export type PartRule = z.infer<typeof partRule>;
export type VetoRule = z.infer<typeof vetoRule>;
export type RatioOf = z.infer<typeof ratioOf>;
export type Band = z.infer<typeof band>;
export type TableColumn = z.infer<typeof tableColumn>;
export type RankGroup = z.infer<typeof rankGroup>;
export type Bonus = z.infer<typeof bonus>;
