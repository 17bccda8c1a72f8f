/**
 * The roster text box: one unit per line, or "name<TAB>group" lines pasted from two Excel columns.
 * Pure input parsing for the UI (no scoring): finds empty and duplicate names and unknown groups,
 * each with line numbers, and resolves every unit's group.
 */
import type { RosterEntry } from './controller';

export interface RosterLine {
  /** 1-based line number in the text box. */
  line: number;
  name: string;
  /** Second tab-separated column, trimmed; null when absent or blank. */
  groupText: string | null;
}

export type RosterIssue =
  | { kind: 'empty'; line: number }
  | { kind: 'duplicate'; name: string; lines: number[] }
  | { kind: 'unknownGroup'; line: number; group: string };

export interface RosterGroup {
  id: string;
  label: string;
}

export interface ResolvedRoster {
  entries: RosterEntry[];
  issues: RosterIssue[];
}

/** Trims ASCII and ideographic (full-width) spaces. */
function clean(s: string): string {
  return s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

/** How names are compared for duplicates: NFKC (full-width brackets = half-width) without spaces. */
export function nameKey(name: string): string {
  return clean(name)
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '');
}

/** Splits the text into lines; blank lines at the very end (a pasted range ends with a newline) are dropped. */
export function parseRosterText(text: string): RosterLine[] {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  let end = raw.length;
  while (end > 0 && clean(raw[end - 1]) === '') end--;
  const out: RosterLine[] = [];
  for (let i = 0; i < end; i++) {
    const cols = raw[i].split('\t');
    const name = clean(cols[0] ?? '');
    const group = cols.length > 1 ? clean(cols[1]) : '';
    out.push({ line: i + 1, name, groupText: group === '' ? null : group });
  }
  return out;
}

function findGroup(text: string, groups: readonly RosterGroup[]): RosterGroup | undefined {
  const k = nameKey(text);
  return groups.find((g) => nameKey(g.id) === k || nameKey(g.label) === k);
}

/**
 * Every unit's group: the per-unit choice (overrides, by nameKey), else the group written on the
 * line, else `defaultGroup`. Issues block creation.
 */
export function resolveRoster(
  lines: readonly RosterLine[],
  groups: readonly RosterGroup[],
  defaultGroup: string,
  overrides: Readonly<Record<string, string>> = {},
): ResolvedRoster {
  const issues: RosterIssue[] = [];
  const entries: RosterEntry[] = [];
  const seen = new Map<string, { name: string; lines: number[] }>();
  for (const l of lines) {
    if (l.name === '') {
      issues.push({ kind: 'empty', line: l.line });
      continue;
    }
    const key = nameKey(l.name);
    const prev = seen.get(key);
    if (prev) prev.lines.push(l.line);
    else seen.set(key, { name: l.name, lines: [l.line] });

    let group = overrides[key];
    if (group === undefined && l.groupText !== null && groups.length > 0) {
      const g = findGroup(l.groupText, groups);
      if (g) group = g.id;
      else issues.push({ kind: 'unknownGroup', line: l.line, group: l.groupText });
    }
    entries.push({ name: l.name, group: group ?? defaultGroup });
  }
  for (const s of seen.values()) if (s.lines.length > 1) issues.push({ kind: 'duplicate', name: s.name, lines: s.lines });
  issues.sort((a, b) => firstLine(a) - firstLine(b));
  return { entries, issues };
}

function firstLine(i: RosterIssue): number {
  return i.kind === 'duplicate' ? i.lines[0] : i.line;
}

/** Text for the box from a default roster: names only when there is one group, else "name<TAB>group". */
export function rosterToText(entries: readonly RosterEntry[], groups: readonly RosterGroup[]): string {
  const many = groups.length > 1;
  return entries.map((e) => (many ? `${e.name}\t${e.group}` : e.name)).join('\n');
}
