/**
 * Nothing imports upward: rubric → scoring → layout → xlsx | excel → taskpane | commands | cli.
 * Every import of every file under src (static, `export … from`, dynamic import(), require) is
 * resolved to the layer (top folder under src) it lands in and checked against what its own layer
 * may use. The one sideways step: the Excel host exports the annex with the file writer of src/xlsx.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SRC = resolve(__dirname, '../src');

const BELOW_HOSTS = ['rubric', 'scoring', 'layout'];
const HOSTS = ['xlsx', 'excel'];
/** The layers each layer may import from (besides itself). */
const ALLOWED: Record<string, string[]> = {
  rubric: [],
  scoring: ['rubric'],
  layout: ['rubric', 'scoring'],
  xlsx: BELOW_HOSTS,
  // excel/export-annex.ts builds the annex with the exceljs writer of file mode.
  excel: [...BELOW_HOSTS, 'xlsx'],
  taskpane: [...BELOW_HOSTS, ...HOSTS],
  commands: [...BELOW_HOSTS, ...HOSTS],
  cli: [...BELOW_HOSTS, ...HOSTS],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const layerOf = (path: string) => relative(SRC, path).split(sep)[0];

/** Relative module specifiers a file imports, in any of the forms TypeScript and webpack follow. */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\s+['"]([^'"]+)['"]/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) out.push(m[1]);
  return out.filter((s) => s.startsWith('.'));
}

describe('layering', () => {
  it('finds imports in every form (a check of the scanner itself)', () => {
    const text = `import a from '../x/a';\nimport type { B } from "../y/b";\nexport * from './c';\nconst d = await import('../z/d');\nimport '../w/e';\nconst f = require('../v/f');\nimport fs from 'node:fs';`;
    expect(importsOf(text)).toEqual(expect.arrayContaining(['../x/a', '../y/b', './c', '../z/d', '../w/e', '../v/f']));
    expect(importsOf(text)).not.toContain('node:fs');
  });

  it('every layer under src is known', () => {
    const layers = new Set(
      files(SRC)
        .map(layerOf)
        .filter((l) => !l.includes('.')),
    );
    expect([...layers].filter((l) => !(l in ALLOWED))).toEqual([]);
  });

  it('no file imports from a layer above its own (or a sibling, except excel → xlsx)', () => {
    const violations: string[] = [];
    for (const file of files(SRC)) {
      const from = layerOf(file);
      if (!(from in ALLOWED)) continue; // files directly under src (entry points, declarations)
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(SRC + sep)) continue;
        const to = layerOf(target);
        if (to !== from && !ALLOWED[from].includes(to)) violations.push(`${relative(SRC, file)} → ${spec} (${from} → ${to})`);
      }
    }
    expect(violations).toEqual([]);
  });
});
