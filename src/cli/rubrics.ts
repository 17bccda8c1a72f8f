/** `credit-score rubrics`: the built-in rubrics as a table (or JSON with --json). */
import { builtinRubricIds, loadBuiltin } from '../rubric/catalog';
import { formatRubricError, RubricLoadError } from '../rubric/load';
import type { Command } from './context';
import { CliError } from './errors';
import { formatTable } from './format-table';

export function listRubrics() {
  return builtinRubricIds.map((id) => {
    try {
      const { rubric: r, hash } = loadBuiltin(id);
      return {
        id,
        city: r.city,
        year: r.year,
        annex: r.annex.number === null ? null : `附件${r.annex.number}`,
        documentNumber: r.documentNumber,
        assessedUnits: r.assessedUnits,
        version: r.version,
        hash,
      };
    } catch (e) {
      if (e instanceof RubricLoadError)
        throw new CliError(`内置评分细则「${id}」无效：`, { details: e.errors.map(formatRubricError), usage: false });
      throw e;
    }
  });
}

export const rubricsCommand: Command = {
  name: 'rubrics',
  summary: '列出内置评分细则（id、城市、年度、附件、文号、版本）',
  positionals: [],
  options: { json: { type: 'boolean', description: '输出 JSON' } },
  run({ options }, io) {
    const list = listRubrics();
    if (options.json) {
      io.out(`${JSON.stringify(list, null, 2)}\n`);
      return 0;
    }
    const rows = list.map((r) => [r.id, r.city, r.year, r.annex ?? '-', r.documentNumber ?? '（无文号）', r.version]);
    io.out(`${formatTable(['id', '城市', '年度', '附件', '文号', '版本'], rows)}\n`);
    return 0;
  },
};
