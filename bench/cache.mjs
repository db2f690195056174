// `histmark lint --cache` on a corpus: the run that fills the cache, then a
// re-lint after one edit of one transcript — as on a developer's machine
// (only the edited file is read again: the others' size and modification
// time match), and as in CI after a fresh checkout (every modification time
// is new, so every file is read and hashed again). The corpus is left as it
// was found.

import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CLI, measureNodeScript, medianOf } from './commands.mjs';

function documentsUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.hmd'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Wall time and peak memory of the cache-filling run and of re-lints after one edit (median of `repeat`). */
export async function measureCachedLint(dir, { repeat = 3, ...options } = {}) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'histmark-bench-cache-'));
  const args = ['lint', dir, '--format', 'json', '--cache', '--cache-location', path.join(scratch, 'lint-cache.json')];
  const documents = documentsUnder(dir);
  const edited = documents.find((f) => f.includes(`${path.sep}transcripts${path.sep}`)) ?? documents[0];
  const original = readFileSync(edited, 'utf8');
  let edits = 0;
  // Each measured run sees one edit: a line added, or taken away again.
  const editOnce = () => writeFileSync(edited, ++edits % 2 === 1 ? `${original}\nOne more line.\n` : original);
  const run = async () => {
    const result = await measureNodeScript(CLI, args, options);
    if (result.exitCode !== 0 && result.exitCode !== 1) throw new Error(`histmark lint --cache ${dir} exited with ${result.exitCode}.`);
    return result;
  };
  try {
    const fill = await run();
    const oneEdit = await medianOf(repeat, () => (editOnce(), run()));
    const afterCheckout = await medianOf(repeat, () => {
      editOnce();
      const now = new Date();
      for (const file of documents) utimesSync(file, now, now);
      return run();
    });
    return { fill, oneEdit, afterCheckout };
  } finally {
    writeFileSync(edited, original);
    rmSync(scratch, { recursive: true, force: true });
  }
}
