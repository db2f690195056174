// The cached re-lint figure of the benchmark (bench/cache.mjs) on a tiny
// corpus, so that `npm run bench` cannot rot: the figures are sane and the
// corpus is left as it was. Nothing here is timed.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { measureCachedLint } from '../../bench/cache.mjs';
import { ensureCorpus } from '../../bench/generate.mjs';

const root = mkdtempSync(path.join(tmpdir(), 'histmark-bench-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(files.map((e) => [path.join(e.parentPath, e.name), readFileSync(path.join(e.parentPath, e.name), 'utf8')]));
}

it('measures filling the cache and re-lints after one edit, and leaves the corpus as it was', async () => {
  const { dir } = ensureCorpus(root, 5, { book: false });
  const before = snapshot(dir);
  const { fill, oneEdit, afterCheckout } = await measureCachedLint(dir, { repeat: 2 });
  for (const run of [fill, oneEdit, afterCheckout]) {
    expect(run.seconds).toBeGreaterThan(0);
    expect(run.peakMB).toBeGreaterThan(0);
    expect([0, 1]).toContain(run.exitCode);
  }
  expect(snapshot(dir)).toEqual(before);
});
