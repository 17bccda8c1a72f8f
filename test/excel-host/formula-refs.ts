/**
 * Finds A1 references inside formula text and rewrites them the way Excel does when rows/columns are
 * inserted or deleted, a sheet is renamed or a sheet is deleted. Used for cell formulas, defined names
 * ("=Sheet1!$B$7") and data-validation formulas. String literals are skipped; R1C1 and structured
 * references are left alone.
 */
import { MAX_COLS, MAX_ROWS, Rect, colToLetters, formatSheetName, lastCol, lastRow, lettersToCol } from './addresses';

export type RefKind = 'cell' | 'area' | 'rows' | 'cols';

export interface RefToken {
  start: number;
  end: number;
  sheet?: string;
  kind: RefKind;
  rect: Rect;
  /** $ markers: first column, first row, second column, second row. */
  abs: [boolean, boolean, boolean, boolean];
}

const IDENT_BEFORE = /[\p{L}\p{N}_.$\\'\]#]/u;
const IDENT_AFTER = /[\p{L}\p{N}_.(![]/u;
const SHEET_BARE = /[\p{L}_][\p{L}\p{N}_.]*!/uy;
const AREA = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?/y;
const COLS = /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/y;
const ROWS = /(\$?)(\d{1,7}):(\$?)(\d{1,7})/y;

function span(a: number, b: number): [number, number] {
  return a <= b ? [a, b - a + 1] : [b, a - b + 1];
}

function matchRef(s: string, i: number): Omit<RefToken, 'start' | 'sheet'> | null {
  AREA.lastIndex = i;
  let m = AREA.exec(s);
  if (m) {
    const c1 = lettersToCol(m[2]);
    const r1 = Number(m[4]) - 1;
    const c2 = m[6] ? lettersToCol(m[6]) : c1;
    const r2 = m[8] ? Number(m[8]) - 1 : r1;
    if (c1 < MAX_COLS && c2 < MAX_COLS && r1 >= 0 && r2 >= 0 && r1 < MAX_ROWS && r2 < MAX_ROWS) {
      const [row, rowCount] = span(r1, r2);
      const [col, colCount] = span(c1, c2);
      return {
        end: AREA.lastIndex,
        kind: m[6] ? 'area' : 'cell',
        rect: { row, col, rowCount, colCount },
        abs: [m[1] === '$', m[3] === '$', (m[5] ?? m[1]) === '$', (m[7] ?? m[3]) === '$'],
      };
    }
  }
  COLS.lastIndex = i;
  m = COLS.exec(s);
  if (m) {
    const [col, colCount] = span(lettersToCol(m[2]), lettersToCol(m[4]));
    if (col + colCount <= MAX_COLS)
      return {
        end: COLS.lastIndex,
        kind: 'cols',
        rect: { row: 0, col, rowCount: MAX_ROWS, colCount },
        abs: [m[1] === '$', false, m[3] === '$', false],
      };
  }
  ROWS.lastIndex = i;
  m = ROWS.exec(s);
  if (m) {
    const [row, rowCount] = span(Number(m[2]) - 1, Number(m[4]) - 1);
    if (row >= 0 && row + rowCount <= MAX_ROWS)
      return {
        end: ROWS.lastIndex,
        kind: 'rows',
        rect: { row, col: 0, rowCount, colCount: MAX_COLS },
        abs: [false, m[1] === '$', false, m[3] === '$'],
      };
  }
  return null;
}

/** All references in a formula, in order. */
export function scanReferences(formula: string): RefToken[] {
  const out: RefToken[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      i++;
      while (i < formula.length) {
        if (formula[i] === '"' && formula[i + 1] === '"') i += 2;
        else if (formula[i] === '"') break;
        else i++;
      }
      i++;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : '';
    if (prev && IDENT_BEFORE.test(prev)) {
      i++;
      continue;
    }
    let sheet: string | undefined;
    let j = i;
    if (ch === "'") {
      let k = i + 1;
      let name = '';
      while (k < formula.length) {
        if (formula[k] === "'" && formula[k + 1] === "'") {
          name += "'";
          k += 2;
        } else if (formula[k] === "'") break;
        else name += formula[k++];
      }
      if (formula[k] === "'" && formula[k + 1] === '!') {
        sheet = name;
        j = k + 2;
      } else {
        i = k + 1;
        continue;
      }
    } else {
      SHEET_BARE.lastIndex = i;
      const sm = SHEET_BARE.exec(formula);
      if (sm) {
        sheet = sm[0].slice(0, -1);
        j = SHEET_BARE.lastIndex;
      }
    }
    const ref = matchRef(formula, j);
    const after = ref ? (formula[ref.end] ?? '') : '';
    if (ref && !(after && IDENT_AFTER.test(after)) && !(after === ':' && ref.kind === 'cell')) {
      out.push({ start: i, sheet, ...ref });
      i = ref.end;
      continue;
    }
    i = sheet !== undefined ? j : i + 1;
  }
  return out;
}

/** Renders a reference; `rect === null` gives "#REF!" (keeping the sheet prefix, as Excel does). `sheet: null` drops the prefix. */
export function renderRef(t: RefToken, rect: Rect | null, sheet: string | null | undefined = t.sheet): string {
  const prefix = sheet !== undefined && sheet !== null ? `${formatSheetName(sheet)}!` : '';
  if (!rect) return `${prefix}#REF!`;
  const d = (b: boolean) => (b ? '$' : '');
  if (t.kind === 'rows') return `${prefix}${d(t.abs[1])}${rect.row + 1}:${d(t.abs[3])}${lastRow(rect) + 1}`;
  if (t.kind === 'cols') return `${prefix}${d(t.abs[0])}${colToLetters(rect.col)}:${d(t.abs[2])}${colToLetters(lastCol(rect))}`;
  const first = `${d(t.abs[0])}${colToLetters(rect.col)}${d(t.abs[1])}${rect.row + 1}`;
  if (t.kind === 'cell' && rect.rowCount === 1 && rect.colCount === 1) return prefix + first;
  return `${prefix}${first}:${d(t.abs[2])}${colToLetters(lastCol(rect))}${d(t.abs[3])}${lastRow(rect) + 1}`;
}

export function rewriteReferences(formula: string, fn: (t: RefToken) => string | undefined): string {
  const tokens = scanReferences(formula);
  if (tokens.length === 0) return formula;
  let out = '';
  let pos = 0;
  for (const t of tokens) {
    const rep = fn(t);
    if (rep === undefined) continue;
    out += formula.slice(pos, t.start) + rep;
    pos = t.end;
  }
  return out + formula.slice(pos);
}

/**
 * A structural edit of one sheet: `count` rows (axis 'rows') or columns inserted (> 0) or deleted (< 0) at `at`,
 * affecting only the perpendicular span `band` (the whole sheet for entire-row/column edits).
 */
export interface ShiftSpec {
  sheet: string;
  axis: 'rows' | 'cols';
  at: number;
  count: number;
  band: [number, number];
}

/** Where a rectangle on the edited sheet ends up; null when all of it was deleted (Excel writes #REF!). */
export function shiftRect(r: Rect, s: ShiftSpec): Rect | null {
  const rows = s.axis === 'rows';
  const p0 = rows ? r.col : r.row;
  const p1 = rows ? lastCol(r) : lastRow(r);
  if (p0 < s.band[0] || p1 > s.band[1]) return r;
  const start = rows ? r.row : r.col;
  const len = rows ? r.rowCount : r.colCount;
  const max = rows ? MAX_ROWS : MAX_COLS;
  const end = start + len - 1;
  let nStart = start;
  let nLen = len;
  if (s.count > 0) {
    if (len === max) return r;
    if (start >= s.at) nStart = start + s.count;
    else if (end >= s.at) nLen = len + s.count;
    if (nStart >= max) return null;
    if (nStart + nLen > max) nLen = max - nStart;
  } else {
    const n = -s.count;
    const d0 = s.at;
    const d1 = s.at + n - 1;
    if (len === max) return r;
    if (end < d0) return r;
    if (start > d1) nStart = start - n;
    else {
      const overlap = Math.min(end, d1) - Math.max(start, d0) + 1;
      nLen = len - overlap;
      if (nLen <= 0) return null;
      nStart = start < d0 ? start : d0;
    }
  }
  return rows ? { ...r, row: nStart, rowCount: nLen } : { ...r, col: nStart, colCount: nLen };
}

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

/** Adjusts every reference to the edited sheet; `hostSheet` is the sheet unqualified references point to. */
export function shiftFormula(formula: string, hostSheet: string | undefined, s: ShiftSpec): string {
  return rewriteReferences(formula, (t) => {
    if (!same(t.sheet ?? hostSheet, s.sheet)) return undefined;
    const moved = shiftRect(t.rect, s);
    if (moved === t.rect) return undefined;
    return renderRef(t, moved);
  });
}

export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  return rewriteReferences(formula, (t) => (same(t.sheet, oldName) ? renderRef(t, t.rect, newName) : undefined));
}

export function deleteSheetInFormula(formula: string, name: string): string {
  return rewriteReferences(formula, (t) => (same(t.sheet, name) ? `#REF!${renderRef(t, t.rect, null)}` : undefined));
}

/** "=Sheet1!$B$7" → {sheet, rect}; null when the formula is not exactly one reference. */
export function parseReferenceFormula(formula: string): { sheet?: string; rect: Rect } | null {
  if (!formula.startsWith('=')) return null;
  const body = formula.slice(1).trim();
  const tokens = scanReferences(body);
  if (tokens.length !== 1 || tokens[0].start !== 0 || tokens[0].end !== body.length) return null;
  return { sheet: tokens[0].sheet, rect: tokens[0].rect };
}
