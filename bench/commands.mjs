// Wall time and peak memory of a linter run on a whole corpus: `histmark
// lint`, markdownlint-cli2 on the same files renamed `.md`, and the
// read-and-scan floor. Peak memory comes from GNU time (`/usr/bin/time -v`)
// when the machine has it, else from the child's own maxRSS, written on exit
// by a preloaded module (every command measured here is a Node script).

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './sourceText.mjs';

const GNU_TIME = '/usr/bin/time';
const MAX_RSS_PRELOAD = path.join(REPO_ROOT, 'bench/maxRss.cjs');
export const CLI = path.join(REPO_ROOT, 'dist/cli.js');
export const FLOOR = path.join(REPO_ROOT, 'bench/floor.mjs');

export function hasGnuTime() {
  return spawnSync(GNU_TIME, ['-v', 'true'], { stdio: 'ignore' }).status === 0;
}

/** The markdownlint-cli2 entry script, from its package's `bin`. */
export function markdownlintScript() {
  const manifest = path.join(REPO_ROOT, 'node_modules/markdownlint-cli2/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin['markdownlint-cli2']);
}

/**
 * Runs `node script …args` in `cwd` with its output discarded; returns the
 * wall time in seconds, the peak resident memory in MB (10^6 bytes) and
 * the exit code. `method`: 'time' (GNU time) or 'preload'.
 */
export async function measureNodeScript(script, args, { cwd = REPO_ROOT, method = hasGnuTime() ? 'time' : 'preload' } = {}) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'histmark-bench-'));
  const report = path.join(scratch, 'rss');
  const [command, commandArgs] =
    method === 'time'
      ? [GNU_TIME, ['-o', report, '-v', process.execPath, script, ...args]]
      : [process.execPath, ['--require', MAX_RSS_PRELOAD, script, ...args]];
  const started = performance.now();
  const exitCode = await new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd, stdio: 'ignore', env: { ...process.env, HISTMARK_BENCH_MAX_RSS: report } });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
  const seconds = (performance.now() - started) / 1000;
  const text = readFileSync(report, 'utf8');
  rmSync(scratch, { recursive: true, force: true });
  const kilobytes = method === 'time' ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1]) : Number(text);
  return { seconds, peakMB: (kilobytes * 1024) / 1e6, exitCode };
}

/** The run with the median wall time of `count` runs of `measure()`, fewer when `enough(first run)`. */
export async function medianOf(count, measure, enough = () => false) {
  const runs = [await measure()];
  while (runs.length < count && !enough(runs[0])) runs.push(await measure());
  return runs.sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)];
}

/**
 * The three linters on one corpus (`dir`) and its `.md` copy (`markdownDir`,
 * optional), each the median of `repeat` runs; markdownlint, which takes
 * minutes on a large corpus, is run once when a run takes over `slowSeconds`.
 */
export async function measureLinters(dir, markdownDir, { repeat = 3, slowSeconds = 30, ...options } = {}) {
  const slow = (first) => first.seconds > slowSeconds;
  const histmark = await medianOf(repeat, () => measureNodeScript(CLI, ['lint', dir, '--format', 'json'], options), slow);
  // Exit 1 means "found problems"; anything else is a failure of the run itself.
  if (histmark.exitCode !== 0 && histmark.exitCode !== 1) throw new Error(`histmark lint ${dir} exited with ${histmark.exitCode}.`);
  const floor = await medianOf(repeat, () => measureNodeScript(FLOOR, [dir], options));
  if (!markdownDir) return { histmark, floor };
  const lintMarkdown = () => measureNodeScript(markdownlintScript(), ['**/*.md'], { ...options, cwd: markdownDir });
  const markdownlint = await medianOf(repeat, lintMarkdown, slow);
  return { histmark, floor, markdownlint };
}

/** Whether this build's `histmark lint` has `--cache` (another branch adds it): its help names the option. */
export function cliSupportsCache(cli = CLI) {
  const help = spawnSync(process.execPath, [cli, 'lint', '--help'], { encoding: 'utf8' });
  return help.status === 0 && /--cache\b/.test(help.stdout);
}

/** What the cache measurement edits: text appended to a transcript, as a user adding a sentence would. */
export const CACHE_EDIT = '\nA sentence added between two cached runs.\n';

/**
 * `histmark lint --cache` on `dir` twice, `editFile` (a path in `dir`)
 * edited between the runs and restored after: the first run fills a fresh
 * cache, the second re-lints what the edit can change. `{ supported: false }`
 * when the CLI has no `--cache` (no such option in its help, or exit status 2).
 * `cli`: the script to run (dist/cli.js).
 */
export async function measureCachedLint(dir, editFile, { cli = CLI, ...options } = {}) {
  if (!cliSupportsCache(cli)) return { supported: false };
  const scratch = mkdtempSync(path.join(tmpdir(), 'histmark-bench-cache-'));
  const file = path.join(dir, editFile);
  const original = readFileSync(file);
  const lint = () => measureNodeScript(cli, ['lint', '--cache', '--cache-location', path.join(scratch, 'lint-cache'), dir, '--format', 'json'], options);
  try {
    const cold = await lint();
    if (cold.exitCode === 2) return { supported: false };
    writeFileSync(file, Buffer.concat([original, Buffer.from(CACHE_EDIT)]));
    const afterEdit = await lint();
    if (afterEdit.exitCode !== 0 && afterEdit.exitCode !== 1) throw new Error(`histmark lint --cache ${dir} exited with ${afterEdit.exitCode}.`);
    return { supported: true, cold, afterEdit };
  } finally {
    writeFileSync(file, original);
    rmSync(scratch, { recursive: true, force: true });
  }
}
