/**
 * The version of the rubric language a rubric is written in (`schemaVersion`). Absent means 1: the
 * language of the shipped rubrics and of every construct known before version 2. A rubric that
 * uses a construct newer than the version it declares is refused (its author must declare the
 * version, so that an older tool refuses it plainly instead of misreading it), and a version newer
 * than this tool knows is refused with 「此细则需要更新版本的工具」.
 *
 * Each construct of a later version is listed here with where it shows in a rubric, so that adding
 * one is one entry.
 */
import type { Rubric } from './schema';

/** The newest rubric language this tool reads. */
export const SCHEMA_VERSION = 2;

export interface VersionIssue {
  path: string;
  message: string;
  fix: string;
}

interface Construct {
  since: number;
  /** The construct in the words of the authoring docs, with its JSON key. */
  name: string;
  /** JSON paths where the rubric uses it. */
  uses: (r: Rubric) => string[];
}

/** Every indicator with its JSON path. */
const indicators = (r: Rubric) =>
  r.categories.flatMap((c, ci) => c.indicators.map((ind, ii) => ({ ind, path: `categories[${ci}].indicators[${ii}]` })));

export const CONSTRUCTS: readonly Construct[] = [
  {
    since: 2,
    name: '组合规则的扣分部分（deductions）',
    uses: (r) =>
      indicators(r)
        .filter(({ ind }) => ind.rule.kind === 'composite' && ind.rule.deductions !== undefined)
        .map(({ path }) => `${path}.rule.deductions`),
  },
  {
    since: 2,
    name: '共性指标、个性指标分块加权（aggregation.mode "blocks"）',
    uses: (r) => (r.aggregation.mode === 'blocks' ? ['aggregation.mode'] : []),
  },
  {
    since: 2,
    name: '不涉及按其他单位的平均分计（notApplicable "average"）',
    uses: (r) => (r.notApplicable === 'average' ? ['notApplicable'] : []),
  },
];

const tooNew = (v: number): VersionIssue => ({
  path: 'schemaVersion',
  message: `此细则用细则格式第 ${v} 版写成，本工具只认识到第 ${SCHEMA_VERSION} 版：此细则需要更新版本的工具。`,
  fix: `请把本工具更新到最新版本后再打开此细则；或请细则的提供方另给一份第 ${SCHEMA_VERSION} 版及以下的细则。`,
});

/**
 * Checked on the raw data before the structure, so that a newer rubric (whose new keys this tool
 * cannot know) is refused for what it is, not for each key it does not recognise.
 */
export function versionTooNew(data: unknown): VersionIssue | null {
  if (data === null || typeof data !== 'object' || !('schemaVersion' in data)) return null;
  const v = (data as { schemaVersion: unknown }).schemaVersion;
  return typeof v === 'number' && Number.isInteger(v) && v > SCHEMA_VERSION ? tooNew(v) : null;
}

/** Each use of a construct newer than the rubric declares, naming the path and the construct. */
export function checkSchemaVersion(r: Rubric): VersionIssue[] {
  const declared = r.schemaVersion ?? 1;
  if (declared > SCHEMA_VERSION) return [tooNew(declared)];
  const issues: VersionIssue[] = [];
  for (const c of CONSTRUCTS) {
    if (c.since <= declared) continue;
    for (const path of c.uses(r))
      issues.push({
        path,
        message: `此处用了${c.name}，这是细则格式第 ${c.since} 版的写法，但本细则${r.schemaVersion === undefined ? '未写 schemaVersion，即' : '声明为'}第 ${declared} 版。`,
        fix: `在细则中写明 "schemaVersion": ${c.since}（或更高，至多 ${SCHEMA_VERSION}）。`,
      });
  }
  return issues;
}
