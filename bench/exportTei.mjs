// `histmark export tei DIR --out …` on a whole corpus, timed like the lint
// beside it (bench/commands.mjs): the median of a few runs, wall time and
// peak memory, and the size of what it wrote.

import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CLI, measureNodeScript } from './commands.mjs';

/** The size of every file under `dir`. */
export function bytesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(path.join(e.parentPath, e.name)).size, 0);
}

/** Median of `repeat` exports of `dir`; `outBytes`: the size of the TEI written. */
export async function measureExport(dir, { repeat = 3, ...options } = {}) {
  const runs = [];
  let outBytes = 0;
  for (let i = 0; i < repeat; i++) {
    const out = mkdtempSync(path.join(tmpdir(), 'histmark-bench-tei-'));
    try {
      const run = await measureNodeScript(CLI, ['export', 'tei', dir, '--out', out], options);
      // Exit 1 means "with warnings"; anything else is a failure of the run itself.
      if (run.exitCode !== 0 && run.exitCode !== 1) throw new Error(`histmark export tei ${dir} exited with ${run.exitCode}.`);
      outBytes = bytesUnder(out);
      runs.push(run);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return { ...runs.sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)], outBytes };
}

/** Export beside lint, one row per corpus. */
export function exportTable(rows) {
  const head = ['documents', 'MB', 'histmark lint s', 'histmark export tei s', 'peak MB', 'TEI written, MB', 'export / lint'];
  const lines = rows.map(({ size, bytes, histmark, exportTei }) => [
    size.toLocaleString('en'),
    (bytes / 1e6).toFixed(1),
    histmark.seconds.toFixed(2),
    exportTei.seconds.toFixed(2),
    exportTei.peakMB.toFixed(0),
    (exportTei.outBytes / 1e6).toFixed(1),
    `${(exportTei.seconds / histmark.seconds).toFixed(1)}×`,
  ]);
  return [head, head.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
