// Parse throughput: the syntax layer alone (server/src/syntax/parse.ts,
// bundled like the product to dist/bench/parse.js) on one text, in MB/s of
// its UTF-8 size, after a warm-up, as the median of several timed rounds.

import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { REPO_ROOT } from './sourceText.mjs';

const PARSER_BUNDLE = path.join(REPO_ROOT, 'dist/bench/parse.js');

/** Bundles the parser the way scripts/build.mjs bundles the CLI and returns its `parse`. */
export async function loadParser() {
  await build({
    entryPoints: [path.join(REPO_ROOT, 'server/src/syntax/parse.ts')],
    outfile: PARSER_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  const require = createRequire(import.meta.url);
  delete require.cache[PARSER_BUNDLE];
  return require(PARSER_BUNDLE).parse;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** MB/s (10^6 bytes) of `parse` on the file, each round parsing it until at least `roundMs` have passed. */
export function parseThroughput(parse, file, { rounds = 7, roundMs = 300, warmupMs = 500 } = {}) {
  const text = readFileSync(file, 'utf8');
  const megabytes = Buffer.byteLength(text) / 1e6;
  const timeRound = (ms) => {
    let parses = 0;
    const started = performance.now();
    let elapsed = 0;
    while (elapsed < ms || parses === 0) {
      parse(text);
      parses++;
      elapsed = performance.now() - started;
    }
    return (megabytes * parses) / (elapsed / 1000);
  };
  timeRound(warmupMs);
  const results = Array.from({ length: rounds }, () => timeRound(roundMs));
  return { megabytes, mbPerSecond: median(results), msPerParse: (megabytes / median(results)) * 1000 };
}
