// The preview and the reading edition: the time from a keystroke in a
// document (didChange) to the server's fresh rendering of it
// (histmark/renderHtml), p50/p95, and `histmark export html` of the whole
// corpus (median of 3 runs). `npm run bench` measures both on every corpus
// (bench/run.mjs); alone, after `npm run build`, on a generated corpus with
// the ~730 KB annotated volume:
//   node bench/preview.mjs [--documents 1000] [--keystrokes 100]

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CLI, measureNodeScript } from './commands.mjs';
import { bytesUnder } from './exportTei.mjs';
import { BOOK_DOCUMENT, CORPORA_DIR, ensureCorpus } from './generate.mjs';
import { BenchServer, percentile } from './server.mjs';

/**
 * Keystroke → rendered blocks of `document` (ms each), alternately typing an
 * `x` after " the " (after any space in a text without one) and deleting it,
 * spread over the document; the first `warmup` are not timed.
 */
export async function measurePreview(dir, document, { keystrokes = 100, warmup = 10 } = {}) {
  const bench = await BenchServer.start(dir);
  try {
    const { uri, text } = await bench.open(document);
    let current = bench.documents.get(uri);
    const words = [...text.matchAll(/ the (?=\p{L})/gu)].map((m) => m.index + 4);
    const spots = words.length > 0 ? words : [...text.matchAll(/ (?=\p{L})/gu)].map((m) => m.index + 1);
    const step = Math.max(1, Math.floor(spots.length / keystrokes));
    const durations = [];
    let blocks = 0;
    let bytes = 0;
    for (let i = 0; durations.length < keystrokes + warmup; i++) {
      const offset = spots[(Math.floor(i / 2) * step) % spots.length];
      const at = current.positionAt(offset);
      const change = i % 2 === 0 ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: { ...at, character: at.character + 1 } }, text: '' };
      current = TextDocument.update(current, [change], current.version + 1);
      const started = performance.now();
      void bench.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: current.version }, contentChanges: [change] });
      const result = await bench.connection.sendRequest('histmark/renderHtml', { textDocument: { uri }, mode: 'reading' });
      durations.push(performance.now() - started);
      if (result.version !== current.version) throw new Error(`rendered version ${result.version}, expected ${current.version}`);
      blocks = result.blocks.length;
      bytes = result.blocks.reduce((sum, b) => sum + b.html.length, 0);
    }
    const timed = durations.slice(warmup);
    return { p50: percentile(timed, 50), p95: percentile(timed, 95), keystrokes: timed.length, blocks, htmlBytes: bytes, textBytes: text.length };
  } finally {
    await bench.stop();
  }
}

/** Median of `repeat` runs of `histmark export html DIR --out …`, with the files and bytes it wrote. */
export async function measureExportHtml(dir, { repeat = 3 } = {}) {
  const runs = [];
  for (let i = 0; i < repeat; i++) {
    const out = mkdtempSync(path.join(tmpdir(), 'histmark-bench-html-'));
    try {
      const run = await measureNodeScript(CLI, ['export', 'html', dir, '--out', out]);
      if (run.exitCode !== 0) throw new Error(`histmark export html ${dir} exited with ${run.exitCode}.`);
      runs.push({ ...run, outBytes: bytesUnder(out), files: readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return runs.sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)];
}

/** One row per corpus: the preview's keystroke times on the volume, then the edition's export; a failed measurement shows its cells as such. */
export function previewTable(rows) {
  const head = ['documents', 'keystroke → preview p50 ms', 'p95 ms', 'document KB', 'blocks', 'HTML MB', 'export html s', 'peak MB', 'files written', 'written MB'];
  const cells = (run, format) => (run.failed ? format.map(() => 'failed') : format.map((f) => f(run)));
  const lines = rows.map(({ size, preview, exportHtml }) => [
    size.toLocaleString('en'),
    ...cells(preview, [(r) => r.p50.toFixed(1), (r) => r.p95.toFixed(1), (r) => (r.textBytes / 1e3).toFixed(0), (r) => r.blocks.toLocaleString('en'), (r) => (r.htmlBytes / 1e6).toFixed(2)]),
    ...cells(exportHtml, [(r) => r.seconds.toFixed(2), (r) => r.peakMB.toFixed(0), (r) => r.files.toLocaleString('en'), (r) => (r.outBytes / 1e6).toFixed(1)]),
  ]);
  return [head, head.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { documents: { type: 'string', default: '1000' }, keystrokes: { type: 'string', default: '100' } } });
  const size = Number(values.documents);
  const { dir } = ensureCorpus(CORPORA_DIR, size);
  const preview = await measurePreview(dir, BOOK_DOCUMENT, { keystrokes: Number(values.keystrokes) });
  const exportHtml = await measureExportHtml(dir);
  console.log(previewTable([{ size, preview, exportHtml }]));
}
