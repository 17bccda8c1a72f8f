/** The whole workbook for a rubric and a roster: 细则说明, 汇总, 排名, then one sheet per unit. */
import type { LoadedRubric } from '../rubric/load';
import type { Rubric } from '../rubric/schema';
import { planInfoSheet } from './info-sheet';
import { hasParameters, PARAMS_SHEET_NAME, planParamsSheet } from './params-sheet';
import { APP_VERSION, META_SHEET, type WorkbookMeta, type WorkbookPlan, type SheetPlan } from './plan';
import { planRankSheet } from './rank-sheet';
import { allocateSheetNames } from './sheet-names';
import { planSummarySheet } from './summary-sheet';
import { planUnitSheet } from './unit-sheet';

export const FIXED_SHEETS = { info: '细则说明', summary: '汇总', rank: '排名' } as const;

export interface RosterUnit {
  name: string;
  group: string;
}

/** Sheet names no unit sheet may take: the fixed sheets, the metadata sheet, and 参数 where the rubric has parameters. */
export const reservedSheetNames = (rubric: Rubric): string[] => [
  FIXED_SHEETS.info,
  FIXED_SHEETS.summary,
  FIXED_SHEETS.rank,
  META_SHEET,
  ...(hasParameters(rubric) ? [PARAMS_SHEET_NAME] : []),
];

export const unitKey = (index: number) => `U${String(index + 1).padStart(4, '0')}`;

export interface RosterProblem {
  line: number;
  name: string;
  message: string;
}

/** Empty, duplicate (after trimming) and unknown-group entries, reported before anything is made. */
export function checkRoster(loaded: LoadedRubric, roster: RosterUnit[]): RosterProblem[] {
  const groups = loaded.rubric.ranking.groups.map((g) => g.id);
  const seen = new Map<string, number>();
  const problems: RosterProblem[] = [];
  roster.forEach((u, i) => {
    const name = u.name.trim();
    if (!name) problems.push({ line: i + 1, name: u.name, message: `第 ${i + 1} 行：单位名称为空` });
    else if (seen.has(name)) problems.push({ line: i + 1, name, message: `第 ${i + 1} 行：「${name}」与第 ${seen.get(name)} 行重复` });
    else seen.set(name, i + 1);
    if (!groups.includes(u.group))
      problems.push({ line: i + 1, name, message: `第 ${i + 1} 行：分组「${u.group}」不在本细则的分组中（${groups.join('、')}）` });
  });
  if (roster.length === 0) problems.push({ line: 0, name: '', message: '名单为空：至少需要一个被考核单位' });
  return problems;
}

export function planWorkbook(
  loaded: LoadedRubric,
  roster: RosterUnit[],
  createdAt = new Date().toISOString(),
  options: { protectComputed?: boolean } = {},
): WorkbookPlan {
  const problems = checkRoster(loaded, roster);
  if (problems.length) throw new Error(problems.map((p) => p.message).join('；'));
  const { rubric } = loaded;
  const groupLabel = (id: string) => rubric.ranking.groups.find((g) => g.id === id)?.label ?? id;
  const units = roster.map((u, i) => ({ key: unitKey(i), name: u.name.trim(), group: u.group }));
  const names = allocateSheetNames(
    units.map((u) => u.name),
    reservedSheetNames(rubric),
  );
  const perGroup = new Map<string, number>();
  for (const u of units) perGroup.set(u.group, (perGroup.get(u.group) ?? 0) + 1);

  const sheets: SheetPlan[] = [
    planSummarySheet(
      rubric,
      FIXED_SHEETS.summary,
      units.map((u) => ({ ...u, groupLabel: groupLabel(u.group) })),
    ),
    planRankSheet(rubric, FIXED_SHEETS.rank, perGroup),
    planInfoSheet(rubric, FIXED_SHEETS.info, loaded.hash),
    ...(hasParameters(rubric) ? [planParamsSheet(rubric)] : []),
    ...units.map((u, i) => planUnitSheet(rubric, { key: u.key, sheetName: names[i], unitName: u.name, groupLabel: groupLabel(u.group) })),
  ];
  const meta: WorkbookMeta = {
    format: 'credit-score-workbook',
    formatVersion: 1,
    rubric: { id: rubric.id, version: rubric.version, hash: loaded.hash },
    units,
    createdAt,
    appVersion: APP_VERSION,
    ...(options.protectComputed ? { protectComputed: true } : {}),
  };
  return { meta, rubricJson: JSON.stringify(rubric), sheets };
}
