// `npm run fuzz`: the fuzz suite of tests/fuzz/ at full size. Bundles
// tests/fuzz/run.ts with esbuild (as bench/parse.mjs bundles the parser) and
// runs `--count` seeded cases (default 200,000; `--seed`, default 1): random
// documents of every construct and random edit sequences, each checked for
// throws, ranges out of bounds or splitting a surrogate pair, a tree that
// does not tile the text, HM005 ranges that do not hold their name, and a
// re-parse that differs from a fresh parse. The first failure is shrunk and
// printed with its seed; the exit code is 1 then.

import { build } from 'esbuild';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { REPO_ROOT } from './sourceText.mjs';

const BUNDLE = path.join(REPO_ROOT, 'dist/bench/fuzz.js');

function option(name, fallback) {
  const at = process.argv.lastIndexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1].replace(/_/g, ''));
}

const count = option('count', 200_000);
const seed = option('seed', 1);

await build({
  entryPoints: [path.join(REPO_ROOT, 'tests/fuzz/run.ts')],
  outfile: BUNDLE,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
});
const { runFuzz, describeFailure } = createRequire(import.meta.url)(BUNDLE);

const started = performance.now();
const result = runFuzz(seed, count, (done) => process.stderr.write(`\r${done.toLocaleString('en')} / ${count.toLocaleString('en')}`));
const seconds = (performance.now() - started) / 1000;
process.stderr.write('\n');
console.log(`fuzz: ${result.count.toLocaleString('en')} documents (${(result.characters / 1e6).toFixed(1)} M characters, ${result.edits.toLocaleString('en')} edits), seed ${seed}, ${seconds.toFixed(0)} s`);
if (result.failure) {
  console.log(describeFailure(result));
  process.exitCode = 1;
} else {
  console.log('no failure: no throw, every range in bounds and whole, lossless trees, re-parse equal to parse after every edit');
}
