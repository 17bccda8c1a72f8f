/**
 * Data validation stored the way Excel stores it: rules that own rectangular areas (sqref). Setting a rule on a
 * range whose cells currently carry different validation settings is refused (InvalidArgument, office-js #2594);
 * clear() first. Rules are evaluated for host.userType (typing) and for DataValidation.valid.
 */
import { Rect, cellCount, intersect, lastCol, lastRow, sameRect } from './addresses';
import { invalidArgument } from './errors';
import { parseReferenceFormula } from './formula-refs';
import { formatCellText } from './number-format';
import { effectiveStyle } from './styles';
import { CellValue, convertInput } from './values';
import { DataValidationModel, DataValidationRuleModel, SheetModel, WorkbookModel } from './workbook-model';

export const RULE_TYPES: Record<string, string> = {
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  list: 'List',
  date: 'Date',
  time: 'Time',
  textLength: 'TextLength',
  custom: 'Custom',
};

const OPERATORS = [
  'Between',
  'NotBetween',
  'EqualTo',
  'NotEqualTo',
  'GreaterThan',
  'LessThan',
  'GreaterThanOrEqualTo',
  'LessThanOrEqualTo',
];

export function defaultValidation(id: number, rect: Rect): DataValidationModel {
  return {
    id,
    areas: [rect],
    rule: null,
    ignoreBlanks: true,
    errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' },
    prompt: { showPrompt: true, title: '', message: '' },
  };
}

/** Checks and normalises a DataValidationRule (exactly one criterion, known operator, list source ≤ 255 chars). */
export function normalizeRule(rule: unknown, location: string): DataValidationRuleModel {
  if (!rule || typeof rule !== 'object' || Array.isArray(rule)) throw invalidArgument('rule', location);
  const keys = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] != null);
  if (keys.length !== 1 || !(keys[0] in RULE_TYPES)) throw invalidArgument('rule', location);
  const type = keys[0];
  const body = (rule as Record<string, Record<string, unknown>>)[type];
  if (!body || typeof body !== 'object') throw invalidArgument('rule', location);
  if (type === 'list') {
    const source = body.source;
    if (typeof source !== 'string' || source.trim() === '') throw invalidArgument('source', location);
    if (!source.startsWith('=') && source.length > 255) throw invalidArgument('source', location);
    return { list: { inCellDropDown: body.inCellDropDown !== false, source } };
  }
  if (type === 'custom') {
    if (typeof body.formula !== 'string' || body.formula === '') throw invalidArgument('formula', location);
    return { custom: { formula: body.formula } };
  }
  const operator = body.operator;
  if (typeof operator !== 'string' || !OPERATORS.includes(operator)) throw invalidArgument('operator', location);
  const ok = (f: unknown) => (typeof f === 'number' && Number.isFinite(f)) || (typeof f === 'string' && f !== '');
  if (!ok(body.formula1)) throw invalidArgument('formula1', location);
  const between = operator === 'Between' || operator === 'NotBetween';
  if (between && !ok(body.formula2)) throw invalidArgument('formula2', location);
  const out: Record<string, unknown> = { formula1: body.formula1, operator };
  if (between) out.formula2 = body.formula2;
  return { [type]: out };
}

export function ruleType(dv: DataValidationModel | undefined): string {
  if (!dv || !dv.rule) return 'None';
  return RULE_TYPES[Object.keys(dv.rule)[0]] ?? 'None';
}

/** a − b as up to four rectangles. */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  const i = intersect(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (i.row > a.row) out.push({ row: a.row, col: a.col, rowCount: i.row - a.row, colCount: a.colCount });
  if (lastRow(i) < lastRow(a)) out.push({ row: lastRow(i) + 1, col: a.col, rowCount: lastRow(a) - lastRow(i), colCount: a.colCount });
  if (i.col > a.col) out.push({ row: i.row, col: a.col, rowCount: i.rowCount, colCount: i.col - a.col });
  if (lastCol(i) < lastCol(a)) out.push({ row: i.row, col: lastCol(i) + 1, rowCount: i.rowCount, colCount: lastCol(a) - lastCol(i) });
  return out;
}

export function validationAt(sheet: SheetModel, r: number, c: number): DataValidationModel | undefined {
  return sheet.validations.find((v) => v.areas.some((a) => r >= a.row && r <= lastRow(a) && c >= a.col && c <= lastCol(a)));
}

/** The single validation shared by every cell of the range (undefined = none), or 'mixed'. */
export function validationOf(sheet: SheetModel, rect: Rect): DataValidationModel | undefined | 'mixed' {
  const touching = sheet.validations.filter((v) => v.areas.some((a) => intersect(a, rect)));
  if (touching.length === 0) return undefined;
  if (touching.length > 1) return 'mixed';
  const covered = touching[0].areas.reduce((n, a) => n + (intersect(a, rect) ? cellCount(intersect(a, rect)!) : 0), 0);
  return covered === cellCount(rect) ? touching[0] : 'mixed';
}

export function clearValidation(sheet: SheetModel, rect: Rect): void {
  for (const v of sheet.validations) v.areas = v.areas.flatMap((a) => subtractRect(a, rect));
  sheet.validations = sheet.validations.filter((v) => v.areas.length > 0);
}

export type ValidationPatch = Partial<Pick<DataValidationModel, 'rule' | 'ignoreBlanks' | 'errorAlert' | 'prompt'>>;

export function setValidation(wb: WorkbookModel, sheet: SheetModel, rect: Rect, patch: ValidationPatch, location: string): void {
  const current = validationOf(sheet, rect);
  if (current === 'mixed') throw invalidArgument(undefined, location);
  if (current && current.areas.length === 1 && sameRect(current.areas[0], rect)) {
    Object.assign(current, patch);
    return;
  }
  const base = current ? { ...current, errorAlert: { ...current.errorAlert }, prompt: { ...current.prompt } } : defaultValidation(0, rect);
  if (current) clearValidation(sheet, rect);
  sheet.validations.push({ ...base, ...patch, id: ++wb.counters.validation, areas: [rect] });
}

function textOf(v: CellValue): string {
  return v.v === null ? '' : typeof v.v === 'boolean' ? (v.v ? 'TRUE' : 'FALSE') : String(v.v);
}

/** Resolves a rule operand: a number, numeric/date text, or "=A1" / "=Sheet!$A$1" (first cell's value). */
function operand(wb: WorkbookModel, sheet: SheetModel, f: unknown): number | null {
  if (typeof f === 'number') return f;
  if (typeof f !== 'string') return null;
  if (f.startsWith('=')) {
    const ref = parseReferenceFormula(f);
    if (!ref) return null;
    const s = ref.sheet ? wb.sheetByName(ref.sheet) : sheet;
    const v = s ? wb.getCell(s, ref.rect.row, ref.rect.col)?.v : null;
    return typeof v === 'number' ? v : null;
  }
  const conv = convertInput(f, 'General', 'DataValidation');
  return typeof conv.v === 'number' ? conv.v : null;
}

function listItems(wb: WorkbookModel, sheet: SheetModel, source: string): string[] | null {
  if (!source.startsWith('=')) return source.split(',').map((s) => s.trim());
  const ref = parseReferenceFormula(source);
  if (!ref) {
    const name = wb.findName(source.slice(1).trim());
    return name ? listItems(wb, sheet, name.formula) : null;
  }
  const s = ref.sheet ? wb.sheetByName(ref.sheet) : sheet;
  if (!s) return null;
  const items: string[] = [];
  for (let r = ref.rect.row; r <= lastRow(ref.rect) && r < ref.rect.row + 10000; r++)
    for (let c = ref.rect.col; c <= lastCol(ref.rect); c++) {
      const cell = wb.getCell(s, r, c);
      if (cell && cell.v !== null) items.push(formatCellText(cell, String(effectiveStyle(s, r, c, 'nf'))));
    }
  return items;
}

function compare(op: string, x: number, a: number, b: number | null): boolean {
  switch (op) {
    case 'Between':
      return b !== null && x >= Math.min(a, b) && x <= Math.max(a, b);
    case 'NotBetween':
      return b !== null && (x < Math.min(a, b) || x > Math.max(a, b));
    case 'EqualTo':
      return x === a;
    case 'NotEqualTo':
      return x !== a;
    case 'GreaterThan':
      return x > a;
    case 'LessThan':
      return x < a;
    case 'GreaterThanOrEqualTo':
      return x >= a;
    case 'LessThanOrEqualTo':
      return x <= a;
    default:
      return true;
  }
}

/** Whether a value satisfies the rule. Custom formulas are not evaluated (always valid). */
export function isValidValue(wb: WorkbookModel, sheet: SheetModel, dv: DataValidationModel | undefined, value: CellValue): boolean {
  if (!dv || !dv.rule) return true;
  if (value.v === null) return dv.ignoreBlanks;
  const [type] = Object.keys(dv.rule);
  const body = dv.rule[type];
  if (type === 'custom') return true;
  if (value.err) return false;
  if (type === 'list') {
    const items = listItems(wb, sheet, String(body.source));
    if (!items) return true;
    const t = textOf(value).toLowerCase();
    return items.some((i) => i.toLowerCase() === t);
  }
  let x: number;
  if (type === 'textLength') x = textOf(value).length;
  else if (typeof value.v === 'number') x = value.v;
  else return false;
  if (type === 'wholeNumber' && !Number.isInteger(x)) return false;
  const a = operand(wb, sheet, body.formula1);
  const b = body.formula2 === undefined ? null : operand(wb, sheet, body.formula2);
  if (a === null) return true;
  return compare(String(body.operator), x, a, b);
}

/** DataValidation.valid: true when every cell is valid, false when every cell is invalid, null when mixed. */
export function validity(wb: WorkbookModel, sheet: SheetModel, rect: Rect): boolean | null {
  let anyValid = false;
  let anyInvalid = false;
  const limit = Math.min(lastRow(rect), rect.row + 5000);
  for (let r = rect.row; r <= limit; r++)
    for (let c = rect.col; c <= lastCol(rect) && c < rect.col + 500; c++) {
      const cell = wb.getCell(sheet, r, c);
      const ok = isValidValue(wb, sheet, validationAt(sheet, r, c), cell ?? { v: null });
      if (ok) anyValid = true;
      else anyInvalid = true;
      if (anyValid && anyInvalid) return null;
    }
  return !anyInvalid;
}
