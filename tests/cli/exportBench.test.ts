// The export part of `npm run bench` on a tiny generated corpus, so that it
// cannot rot. Nothing is timed: the figures only have to be sane.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportTable, measureExport } from '../../bench/exportTei.mjs';
import { ensureCorpus } from '../../bench/generate.mjs';

const root = mkdtempSync(path.join(tmpdir(), 'histmark-bench-export-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bench: TEI export', () => {
  it('measures the export of a corpus and tabulates it beside lint', async () => {
    const { dir, manifest } = ensureCorpus(root, 5, { book: false });
    const run = await measureExport(dir, { repeat: 1 });
    expect(run.exitCode === 0 || run.exitCode === 1).toBe(true);
    expect(run.seconds).toBeGreaterThan(0);
    expect(run.outBytes).toBeGreaterThan(manifest.bytes);
    const table = exportTable([{ size: 5, bytes: manifest.bytes, histmark: { seconds: 1, peakMB: 50, exitCode: 0 }, exportTei: run }]);
    expect(table.split('\n')[2]).toMatch(/^\| 5 \| 0\.\d \| 1\.00 \| \d+\.\d\d \| \d+ \| \d+\.\d \| \d+\.\d× \|$/);
  }, 60_000);
});
