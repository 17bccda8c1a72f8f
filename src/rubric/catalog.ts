/**
 * The rubrics shipped with the add-in (files in `rubrics/`), loaded lazily and validated on first
 * use. `require` of JSON works both under webpack (bundled) and in Node (CLI, tests).
 */
import type { Rubric } from './schema';
import { parseRubricData, RubricLoadError, type LoadedRubric } from './load';

interface CatalogEntry {
  id: string;
  file: string;
  load: () => unknown;
}

/* eslint-disable @typescript-eslint/no-require-imports */
const ENTRIES: CatalogEntry[] = [
  {
    id: 'pingdingshan-2020-departments',
    file: 'pingdingshan-2020-departments.json',
    load: () => require('../../rubrics/pingdingshan-2020-departments.json'),
  },
  {
    id: 'pingdingshan-2020-counties',
    file: 'pingdingshan-2020-counties.json',
    load: () => require('../../rubrics/pingdingshan-2020-counties.json'),
  },
  { id: 'hengdong-2020-members', file: 'hengdong-2020-members.json', load: () => require('../../rubrics/hengdong-2020-members.json') },
  { id: 'chaoyang-2020-method', file: 'chaoyang-2020-method.json', load: () => require('../../rubrics/chaoyang-2020-method.json') },
  { id: 'bozhou-2017-counties', file: 'bozhou-2017-counties.json', load: () => require('../../rubrics/bozhou-2017-counties.json') },
  { id: 'hegang-2022-counties', file: 'hegang-2022-counties.json', load: () => require('../../rubrics/hegang-2022-counties.json') },
  {
    id: 'hegang-2022-departments',
    file: 'hegang-2022-departments.json',
    load: () => require('../../rubrics/hegang-2022-departments.json'),
  },
];
/* eslint-enable @typescript-eslint/no-require-imports */

const cache = new Map<string, LoadedRubric>();

export const builtinRubricIds: readonly string[] = ENTRIES.map((e) => e.id);

/** Loads and validates a built-in rubric; throws RubricLoadError naming the file, path and fix. */
export function loadBuiltin(id: string): LoadedRubric {
  const hit = cache.get(id);
  if (hit) return hit;
  const entry = ENTRIES.find((e) => e.id === id);
  if (!entry)
    throw new RubricLoadError([
      {
        file: `rubrics/${id}.json`,
        path: '',
        message: `没有 id 为「${id}」的内置评分细则。`,
        fix: `可用：${builtinRubricIds.join('、')}。`,
      },
    ]);
  const result = parseRubricData(entry.load(), `rubrics/${entry.file}`);
  if (!result.ok) throw new RubricLoadError(result.errors);
  if (result.value.rubric.id !== id)
    throw new RubricLoadError([
      {
        file: `rubrics/${entry.file}`,
        path: 'id',
        message: `文件中的 id「${result.value.rubric.id}」与文件名不符。`,
        fix: `把 id 改为「${id}」。`,
      },
    ]);
  cache.set(id, result.value);
  return result.value;
}

export function loadBuiltinRubric(id: string): Rubric {
  return loadBuiltin(id).rubric;
}

export function loadAllBuiltins(): LoadedRubric[] {
  return builtinRubricIds.map(loadBuiltin);
}
