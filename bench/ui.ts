/**
 * Task pane bundle size: the gzipped JavaScript taskpane.html loads before first paint.
 *
 * Builds the production bundle (`webpack --mode production` into dist/, with webpack's stats), reads
 * dist/taskpane.html and takes every <script> it runs up front: classic and `defer` scripts with a
 * local `src`, plus inline scripts. office.js (Microsoft's CDN, loaded by Office itself) is listed
 * under `external` and not counted. Each file is gzipped at level 9. The async chunks the task pane
 * can load later (import(), found through the stats' chunk graph) are reported under `lazyChunks`,
 * and `contents` names the main packages or source folders of every chunk. Target: initialJsGzipKB ≤ 200.
 *
 *   npm run bench -- ui                       build, measure, store under "ui" in bench/results.json
 *   npx ts-node --transpile-only bench/ui.ts dist-e2e     measure an existing build, print JSON
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const TARGET_KB = 200;
const ROOT = join(__dirname, '..');

export interface PageScripts {
  /** Local script files run before first paint (in document order). */
  files: string[];
  /** Inline <script> bodies. */
  inline: string[];
  /** Scripts from other origins (office.js). */
  external: string[];
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gzipKB = (data: Buffer | string) => kb(gzipSync(data, { level: 9 }).length);

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?`, 'i').exec(tag);
  if (!m) return null;
  return m[1] ?? m[2] ?? m[3] ?? '';
}

/** The scripts an HTML page runs up front (async and module-less `async` scripts are left out). */
export function upFrontScripts(html: string): PageScripts {
  const out: PageScripts = { files: [], inline: [], external: [] };
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const tag = `<script ${m[1]}>`;
    if (attr(tag, 'async') !== null) continue;
    const type = attr(tag, 'type');
    if (type && !/^(text|application)\/(javascript|ecmascript)$|^module$/i.test(type)) continue;
    const src = attr(tag, 'src');
    if (src === null) {
      if (m[2].trim()) out.inline.push(m[2]);
    } else if (/^(https?:)?\/\//i.test(src)) out.external.push(src);
    else out.files.push(src.replace(/^\.?\//, '').split(/[?#]/)[0]);
  }
  return out;
}

export interface UiBenchResult extends Record<string, unknown> {
  initialJsGzipKB: number;
  files: Record<string, number>;
  lazyChunks: Record<string, number>;
  /** file → its largest packages / source folders (from the stats; empty without them). */
  contents: Record<string, string>;
  external: string[];
  targetKB: number;
  withinTarget: boolean;
}

interface StatsModule {
  name?: string;
  size?: number;
  modules?: StatsModule[];
}
interface StatsChunk {
  id: string | number;
  files?: string[];
  children?: (string | number)[];
  modules?: StatsModule[];
}
interface Stats {
  entrypoints?: Record<string, { chunks: (string | number)[] }>;
  chunks?: StatsChunk[];
}

/** "./node_modules/@fluentui/react-table/…" → "@fluentui"; "./node_modules/zod/…" → "zod"; "./src/rubric/x.ts" → "src/rubric". */
function owner(name: string): string {
  const pkg = /node_modules\/(@[^/]+|[^/]+)/.exec(name);
  if (pkg) return pkg[1];
  const src = /^\.\/((?:src|test)\/[^/]+|rubrics)\b/.exec(name);
  return src ? src[1] : name.replace(/^\.\//, '').split(' ')[0];
}

function chunkContents(chunk: StatsChunk): string {
  const sizes = new Map<string, number>();
  const walk = (ms: StatsModule[]) => {
    for (const m of ms) {
      if (m.modules?.length) walk(m.modules);
      else if (m.name && !m.name.startsWith('webpack/')) sizes.set(owner(m.name), (sizes.get(owner(m.name)) ?? 0) + (m.size ?? 0));
    }
  };
  walk(chunk.modules ?? []);
  // Ordered by source size. Not shares of the output: a tree-shaken package (Fluent's icons) keeps its
  // whole source size in the stats.
  const owners = [...sizes.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  return owners.slice(0, 5).join(', ') + (owners.length > 5 ? ', …' : '');
}

/** The async chunks reachable from the entry's initial chunks (import() and their split chunks). */
function lazyFiles(stats: Stats, entry: string): Set<string> {
  const byId = new Map((stats.chunks ?? []).map((c) => [String(c.id), c]));
  const initial = new Set((stats.entrypoints?.[entry]?.chunks ?? []).map(String));
  const seen = new Set<string>();
  const queue = [...initial];
  while (queue.length) {
    const c = byId.get(queue.shift()!);
    for (const child of c?.children ?? []) {
      const id = String(child);
      if (!seen.has(id) && !initial.has(id)) {
        seen.add(id);
        queue.push(id);
      }
    }
  }
  return new Set([...seen].flatMap((id) => (byId.get(id)?.files ?? []).filter((f) => f.endsWith('.js'))));
}

/** Measures an existing build directory (no build). Without stats, every other .js file counts as lazy. */
export function measureDist(dist: string, stats?: Stats): UiBenchResult {
  const page = upFrontScripts(readFileSync(join(dist, 'taskpane.html'), 'utf8'));
  const files: Record<string, number> = {};
  let total = 0;
  for (const f of page.files) {
    const bytes = gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
    files[f] = kb(bytes);
    total += bytes;
  }
  page.inline.forEach((body, i) => {
    const bytes = gzipSync(body, { level: 9 }).length;
    files[`(inline script ${i + 1})`] = kb(bytes);
    total += bytes;
  });
  const upFront = new Set(page.files);
  const lazy = stats ? lazyFiles(stats, 'taskpane') : null;
  const lazyChunks: Record<string, number> = {};
  for (const f of readdirSync(dist).sort()) {
    if (!f.endsWith('.js') || upFront.has(f)) continue;
    if (lazy ? lazy.has(f) : !/^(commands|e2e-host)\./.test(f)) lazyChunks[f] = gzipKB(readFileSync(join(dist, f)));
  }
  const contents: Record<string, string> = {};
  for (const c of stats?.chunks ?? []) for (const f of c.files ?? []) if (f in files || f in lazyChunks) contents[f] = chunkContents(c);
  const initialJsGzipKB = kb(total);
  return {
    initialJsGzipKB,
    files,
    lazyChunks,
    contents,
    external: page.external,
    targetKB: TARGET_KB,
    withinTarget: initialJsGzipKB <= TARGET_KB,
  };
}

export async function runUiBench(log: (s: string) => void = (s) => process.stdout.write(s)): Promise<UiBenchResult> {
  const webpack = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const tmp = mkdtempSync(join(tmpdir(), 'credit-score-ui-bench-'));
  const statsFile = join(tmp, 'stats.json');
  let stats: Stats | undefined;
  try {
    log('ui: building the production bundle (webpack --mode production) …\n');
    execFileSync(process.execPath, [webpack, '--mode', 'production', '--json', statsFile], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    stats = JSON.parse(readFileSync(statsFile, 'utf8')) as Stats;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const result = measureDist(join(ROOT, 'dist'), stats);
  const line = (f: string, k: number) => `  ${k.toFixed(1).padStart(7)} KB  ${f}${result.contents[f] ? `  (${result.contents[f]})` : ''}`;
  log(
    `ui: JavaScript loaded before first paint (gzip -9)\n${Object.entries(result.files)
      .map(([f, k]) => line(f, k))
      .join('\n')}\n`,
  );
  log(`  ${result.initialJsGzipKB.toFixed(1).padStart(7)} KB  total (target ≤ ${TARGET_KB} KB${result.withinTarget ? '' : ', OVER'})\n`);
  log(
    `ui: async chunks the task pane loads later (gzip -9)\n${Object.entries(result.lazyChunks)
      .map(([f, k]) => line(f, k))
      .join('\n')}\n`,
  );
  return result;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (dir) process.stdout.write(`${JSON.stringify(measureDist(dir), null, 2)}\n`);
  else
    runUiBench().catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    });
}
