/**
 * Rubric authoring in a worksheet, without JSON (issue 16, point 2): a rubric ↔ the 细则定义
 * workbook, as pure data. Hosts (src/xlsx/rubric-sheet-file.ts for files, the pane for the live
 * workbook) only apply the sheets and read their values back. Format: docs/细则定义.md.
 *
 * API (stable):
 * - `rubricToDefinition(rubric | null): DefinitionWorkbook` — the sheets 细则定义 (one row per
 *   category and indicator), 考核办法 (the method block), 附注 (notes), 填写说明 (instructions),
 *   each as cells with style keys (DEFINITION_STYLES), list validations, prompts, widths, row
 *   heights and frozen panes. `null` gives a blank rubric to fill.
 * - `rubricFromDefinition(values: DefinitionValues): RubricFromSheetResult` — the sheets' cell
 *   values (per sheet name, rows of values) → `{ ok: true, rubric, hash }`, validated by the loader
 *   (schema + validate.ts) and marked `origin: "office"`; or `{ ok: false, errors }`, one
 *   `{ sheet, cell (A1), message, fix }` in Chinese per bad cell.
 * - `definitionValues(workbook): DefinitionValues` — the values of a planned workbook as a host
 *   reads them back (tests; the pane's first validation without a round trip through the host).
 * - `RULE_KINDS` (kind ↔ 计分方式 name ↔ parameter columns), `METHOD_GROUPS` (method rows),
 *   `SHEET_NAMES`, `OFFICE_ORIGIN`, `DEFINITION_STYLES`.
 *
 * What cannot be written plainly (a kind not in RULE_KINDS, e.g. composite; a condition on a
 * ratio; a key a newer schema added) is written as JSON in the row's or the method's 高级设置 cell,
 * and read back from there: writing then reading a rubric never loses anything.
 */
export { rubricToDefinition, definitionValues } from './build';
export { rubricFromDefinition, OFFICE_ORIGIN } from './parse';
export { RULE_KINDS, PARAM_HEADERS, ADVANCED_KIND_NAME, type RuleKindSpec, type ParamKey } from './rule-kinds';
export { METHOD_GROUPS } from './method-rows';
export { DEFINITION_STYLES } from './styles';
export { SHEET_NAMES } from './types';
export type {
  DefinitionCell,
  DefinitionSheet,
  DefinitionStyle,
  DefinitionValues,
  DefinitionWorkbook,
  RubricFromSheetResult,
  SheetCellError,
  SheetCellValue,
} from './types';
