/** bench/ui.ts without a build: which scripts count as loaded before first paint, and the sums. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measureDist, upFrontScripts } from '../../bench/ui';

describe('bench/ui', () => {
  test('up-front scripts: local classic and defer scripts and inline code; async, data and CDN scripts are not counted', () => {
    const html =
      '<head><script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>' +
      '<script defer src=417.abc.js></script><script defer="defer" src="./taskpane.def.js?x=1"></script>' +
      '<script async src=late.js></script><script type="application/json">{"a":1}</script></head>' +
      '<body><script>(function(){ var legacy = !!document.documentMode; })();</script><script></script></body>';
    expect(upFrontScripts(html)).toEqual({
      files: ['417.abc.js', 'taskpane.def.js'],
      inline: ['(function(){ var legacy = !!document.documentMode; })();'],
      external: ['https://appsforoffice.microsoft.com/lib/1/hosted/office.js'],
    });
  });

  test('measureDist sums the gzipped up-front files; every other page script but the entries is lazy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ui-bench-test-'));
    try {
      mkdirSync(dir, { recursive: true });
      const big = 'x'.repeat(50_000) + Array.from({ length: 4000 }, (_, i) => i.toString(36)).join(',');
      writeFileSync(join(dir, 'taskpane.html'), '<script defer src=a.js></script><script defer src=taskpane.1.js></script>');
      writeFileSync(join(dir, 'a.js'), big);
      writeFileSync(join(dir, 'taskpane.1.js'), 'console.log(1)');
      writeFileSync(join(dir, 'lazy.2.js'), big);
      writeFileSync(join(dir, 'commands.3.js'), 'x');
      const r = measureDist(dir);
      const kb = (s: string) => Math.round((gzipSync(s, { level: 9 }).length / 1024) * 10) / 10;
      expect(r.files).toEqual({ 'a.js': kb(big), 'taskpane.1.js': kb('console.log(1)') });
      expect(r.initialJsGzipKB).toBeCloseTo(kb(big) + kb('console.log(1)'), 0);
      expect(Object.keys(r.lazyChunks)).toEqual(['lazy.2.js']);
      expect(r).toMatchObject({ targetKB: 200, withinTarget: true, external: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
