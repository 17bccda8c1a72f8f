/**
 * The score table of 平顶山 附件1 (`pingdingshan-2020-departments`) written as spreadsheet formulas,
 * one row per unit, for the engine's ratio benchmark (bench/engine.ts): what a credit office would
 * otherwise build in a spreadsheet, recalculated by HyperFormula.
 *
 * BENCHMARK ONLY. HyperFormula is GPL-v3 (used here with its `licenseKey: 'gpl-v3'`); it is a
 * devDependency, imported from bench/ only, never from src/, and never shipped. The add-in itself
 * never writes a formula.
 *
 * Each formula follows the rubric's rule (rubrics/pingdingshan-2020-departments.json): item scores
 * with their caps, category subtotals, the base rounded half-up to 2 places, the bonus capped at 10,
 * the final score, the band and the rank (competition ranking written as COUNTIF, HyperFormula having
 * no RANK). Inputs are the generated roster's values as typed (是/否 texts, counts, a bonus or blank).
 */
import { HyperFormula } from 'hyperformula';
import type { Rubric } from '../src/rubric/schema';
import type { UnitInput } from '../src/scoring/types';
import type { RawValue } from '../src/scoring/values';

export const TABLE_RUBRIC = 'pingdingshan-2020-departments';

/** Input columns, in order: [indicator id, field id]. */
const INPUTS: readonly (readonly [string, string])[] = [
  ['一.1', 'leader'],
  ['一.1', 'office'],
  ['一.1', 'liaison'],
  ['一.2', 'rules'],
  ['一.2', 'industry'],
  ['二.1', 'reported'],
  ['二.2', 'reported'],
  ['三.1', 'measures'],
  ['三.2', 'kinds'],
  ['四.1', 'own'],
  ['四.1', 'joined'],
  ['四.2', 'reports'],
  ['四.3', 'own'],
  ['四.3', 'city'],
  ['五.1', 'docs'],
  ['五.1', 'cases'],
  ['五.2', 'system'],
  ['五.2', 'reported'],
];
const BONUS_COLUMN = INPUTS.length; // the bonus, after the inputs

/** Column letters (A, B, …, Z, AA, …) of a 0-based column index. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The formula columns: item scores, then category subtotals, base, bonus, final, band, rank. */
export interface FormulaColumns {
  items: Record<string, number>;
  categories: Record<string, number>;
  base: number;
  bonus: number;
  final: number;
  band: number;
  rank: number;
}

/** One row of the table (row is 1-based, as formulas read it), and where each result lands. */
function formulas(row: number, units: number): { cells: string[]; at: FormulaColumns } {
  const input = (ind: string, field: string) => `${columnLetter(INPUTS.findIndex(([i, f]) => i === ind && f === field))}${row}`;
  const yes = (ind: string, field: string) => `(${input(ind, field)}="是")`;
  const first = BONUS_COLUMN + 1;
  const cells: string[] = [];
  const col = (formula: string) => {
    cells.push(`=${formula}`);
    return first + cells.length - 1;
  };
  const ref = (c: number) => `${columnLetter(c)}${row}`;
  const items: Record<string, number> = {};
  // 一.1 checklist, 5 分: each missing element −2, all three missing → 0.
  const missing11 = `(3-${yes('一.1', 'leader')}-${yes('一.1', 'office')}-${yes('一.1', 'liaison')})`;
  items['一.1'] = col(`IF(${missing11}=3,0,MAX(0,5-2*${missing11}))`);
  // 一.2 composite of two 是/否 worth 10 each, capped at 20.
  items['一.2'] = col(`MIN(20,IF(${yes('一.2', 'rules')},10,0)+IF(${yes('一.2', 'industry')},10,0))`);
  items['二.1'] = col(`IF(${yes('二.1', 'reported')},10,0)`);
  items['二.2'] = col(`IF(${yes('二.2', 'reported')},10,0)`);
  items['三.1'] = col(`IF(${yes('三.1', 'measures')},5,0)`);
  // 三.2: 5 分 per kind of credit product applied, up to 15.
  items['三.2'] = col(`MIN(15,${input('三.2', 'kinds')}*5)`);
  items['四.1'] = col(`MIN(5,IF(${yes('四.1', 'own')},3,0)+IF(${yes('四.1', 'joined')},2,0))`);
  items['四.2'] = col(`MIN(5,${input('四.2', 'reports')}*1)`);
  items['四.3'] = col(`MIN(5,IF(${yes('四.3', 'own')},3,0)+IF(${yes('四.3', 'city')},2,0))`);
  items['五.1'] = col(`MIN(10,IF(${yes('五.1', 'docs')},5,0)+MIN(5,${input('五.1', 'cases')}*1))`);
  items['五.2'] = col(`MIN(10,IF(${yes('五.2', 'system')},5,0)+IF(${yes('五.2', 'reported')},5,0))`);
  const sum = (ids: string[]) => ids.map((id) => ref(items[id])).join('+');
  const categories: Record<string, number> = {
    一: col(sum(['一.1', '一.2'])),
    二: col(sum(['二.1', '二.2'])),
    三: col(sum(['三.1', '三.2'])),
    四: col(sum(['四.1', '四.2', '四.3'])),
    五: col(sum(['五.1', '五.2'])),
  };
  const base = col(`ROUND(${Object.values(categories).map(ref).join('+')},2)`);
  const typedBonus = `${columnLetter(BONUS_COLUMN)}${row}`;
  const bonus = col(`IF(ISBLANK(${typedBonus}),0,MIN(10,${typedBonus}))`);
  const final = col(`ROUND(${ref(base)}+${ref(bonus)},2)`);
  const f = ref(final);
  const band = col(`IF(${f}>=90,"优秀",IF(${f}>=80,"良好",IF(${f}>=60,"合格","不合格")))`);
  const finals = `$${columnLetter(final)}$1:$${columnLetter(final)}$${units}`;
  // Competition ranking (1, 2, 2, 4): one more than the units strictly above.
  const rank = col(`COUNTIF(${finals},">"&${f})+1`);
  return { cells, at: { items, categories, base, bonus, final, band, rank } };
}

const typed = (v: RawValue): string | number | null =>
  v === undefined || v === null || v === '' ? null : typeof v === 'boolean' ? (v ? '是' : '否') : v;

/** The table for a roster: inputs as typed, then the formulas; and where each result is. */
export function scoreTable(rubric: Rubric, units: readonly UnitInput[]): { rows: (string | number | null)[][]; at: FormulaColumns } {
  if (rubric.id !== TABLE_RUBRIC) throw new Error(`the formula table is written for ${TABLE_RUBRIC}, not ${rubric.id}`);
  let at: FormulaColumns | null = null;
  const rows = units.map((u, i) => {
    const f = formulas(i + 1, units.length);
    at = f.at;
    return [...INPUTS.map(([ind, field]) => typed(u.inputs?.[ind]?.[field])), typed(u.bonus), ...f.cells];
  });
  if (at === null) throw new Error('an empty roster has no table');
  return { rows, at };
}

export function buildHyperFormula(rows: (string | number | null)[][]): HyperFormula {
  return HyperFormula.buildFromArray(rows, { licenseKey: 'gpl-v3' });
}
