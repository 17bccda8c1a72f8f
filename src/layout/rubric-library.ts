/**
 * The rubrics a task pane session can choose from: the built-in catalog plus rubrics imported from
 * files in this session. Used by the browser and demo controllers (and available to the Excel one).
 * Not UI: it loads and validates through src/rubric, and never scores.
 */
import type { Rubric } from '../rubric/schema';
import type { LoadedRubric } from '../rubric/load';
import { contentHash } from '../rubric/hash';
import { builtinRubricIds, loadBuiltin } from '../rubric/catalog';
import { parseRubricText } from '../rubric/load';
import type { ImportResult } from './pane-contract';
import { toRubricSummary, type RubricSummary } from './status';

export class RubricLibrary {
  private readonly builtin: Rubric[] = [];
  private readonly imported = new Map<string, Rubric>();
  /** Imported rubrics with the hash they were validated with (a blank workbook embeds both). */
  private readonly importedLoaded = new Map<string, LoadedRubric>();
  /** Built-in rubrics that failed to load (kept so a broken file does not hide the others). */
  readonly loadErrors: string[] = [];

  constructor(ids: readonly string[] = builtinRubricIds, load: (id: string) => Rubric = (id) => loadBuiltin(id).rubric) {
    for (const id of ids) {
      try {
        this.builtin.push(load(id));
      } catch (err) {
        this.loadErrors.push(err instanceof Error ? err.message : String(err));
      }
    }
  }

  /** Built-ins first (catalog order), then imported ones; an imported rubric replaces a built-in with the same id. */
  list(): RubricSummary[] {
    const out = this.builtin.filter((r) => !this.imported.has(r.id)).map((r) => toRubricSummary(r, false));
    for (const r of this.imported.values()) out.push(toRubricSummary(r, true));
    return out;
  }

  get(id: string): Rubric | null {
    return this.imported.get(id) ?? this.builtin.find((r) => r.id === id) ?? null;
  }

  /** The rubric with its content hash, as src/xlsx lays out workbooks from it. */
  loaded(id: string): LoadedRubric | null {
    const imported = this.importedLoaded.get(id);
    if (imported) return imported;
    const rubric = this.get(id);
    return rubric ? { rubric, hash: contentHash(rubric) } : null;
  }

  import(fileName: string, text: string): ImportResult {
    const result = parseRubricText(text, fileName);
    if (!result.ok) return { ok: false, errors: result.errors.map((e) => ({ path: e.path, message: e.message, fix: e.fix })) };
    const rubric = result.value.rubric;
    this.imported.delete(rubric.id); // re-import moves it to the end
    this.imported.set(rubric.id, rubric);
    this.importedLoaded.set(rubric.id, result.value);
    return { ok: true, rubric: toRubricSummary(rubric, true) };
  }
}
