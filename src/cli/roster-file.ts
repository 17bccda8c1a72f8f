/**
 * The roster file of `credit-score workbook --roster names.txt`: one unit name per line, optionally
 * a TAB and the unit's group (group id or label; default: the rubric's first group). Empty lines are
 * ignored; line numbers in errors are the file's own.
 */
import type { RosterUnit } from '../layout/workbook-plan';
import type { Rubric } from '../rubric/schema';
import { CliError } from './errors';

/** More units than any office assesses (衡东: 36; a province's counties: a few hundred). */
export const ROSTER_MAX_UNITS = 10_000;
/** Characters of one line: a unit name and its group. */
export const ROSTER_MAX_LINE = 200;

export function parseRosterText(text: string, file: string, rubric: Rubric): RosterUnit[] {
  const groups = rubric.ranking.groups;
  const groupOf = (g: string) => groups.find((x) => x.id === g) ?? groups.find((x) => x.label === g);
  const units: (RosterUnit & { line: number })[] = [];
  const badGroups: string[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    if (raw.length > ROSTER_MAX_LINE) {
      badGroups.push(`第 ${line} 行过长（${raw.length} 字符，上限 ${ROSTER_MAX_LINE}）：每行只写一个单位名称，可加 TAB 和分组`);
      return;
    }
    const tab = raw.indexOf('\t');
    const name = (tab < 0 ? raw : raw.slice(0, tab)).trim();
    const groupText = tab < 0 ? '' : raw.slice(tab + 1).trim();
    if (name === '') {
      badGroups.push(`第 ${line} 行没有单位名称`);
      return;
    }
    const group = groupText === '' ? groups[0] : groupOf(groupText);
    if (!group) {
      badGroups.push(`第 ${line} 行的分组「${groupText}」不在本细则的分组中（可用：${groups.map((g) => g.id).join('、')}）`);
      return;
    }
    units.push({ name, group: group.id, line });
  });
  if (badGroups.length)
    throw new CliError(
      `名单「${file}」有误：${badGroups.slice(0, 20).join('；')}${badGroups.length > 20 ? `；另有 ${badGroups.length - 20} 处` : ''}`,
      { usage: false },
    );
  if (units.length > ROSTER_MAX_UNITS)
    throw new CliError(`名单「${file}」有 ${units.length} 个单位，超过上限 ${ROSTER_MAX_UNITS}：检查是否选错了文件`, { usage: false });
  const lines = new Map<string, number[]>();
  for (const u of units) {
    const seen = lines.get(u.name);
    if (seen) seen.push(u.line);
    else lines.set(u.name, [u.line]);
  }
  const dups = [...lines].filter(([, ls]) => ls.length > 1);
  if (dups.length)
    throw new CliError(
      `名单「${file}」中有重复的单位：${dups
        .slice(0, 20)
        .map(([n, ls]) => `「${n}」（第 ${ls.slice(0, 10).join('、')}${ls.length > 10 ? ` 等 ${ls.length}` : ''} 行）`)
        .join('；')}${dups.length > 20 ? `；另有 ${dups.length - 20} 个名称重复` : ''}`,
      { usage: false },
    );
  if (units.length === 0) throw new CliError(`名单「${file}」是空的：每行写一个被考核单位的名称`, { usage: false });
  return units.map(({ name, group }) => ({ name, group }));
}
