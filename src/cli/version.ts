/**
 * The package version, read from the nearest package.json named credit-score (works from src/ and lib/src/).
 * The standalone credit-score.cjs has no package.json beside it: its build bakes the version in.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function packageVersion(from: string = __dirname): string {
  if (process.env.CREDIT_SCORE_VERSION) return process.env.CREDIT_SCORE_VERSION;
  let dir = from;
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'credit-score' && pkg.version) return pkg.version;
    } catch {
      // no package.json here: keep walking up
    }
    const up = dirname(dir);
    if (up === dir) return '未知';
    dir = up;
  }
}
