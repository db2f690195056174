// The preview and the reading edition on a generated corpus (default 1,000
// documents with the ~730 KB annotated volume): the time from a keystroke
// in the volume (didChange) to the server's fresh rendering of it
// (histmark/renderHtml), p50/p95, and `histmark export html` of the corpus
// (median of 3 runs). Run after `npm run build`: node bench/preview.mjs [--documents N] [--keystrokes N]

import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CLI, measureNodeScript } from './commands.mjs';
import { BOOK_DOCUMENT, CORPORA_DIR, ensureCorpus } from './generate.mjs';
import { BenchServer, percentile } from './server.mjs';

const { values } = parseArgs({ options: { documents: { type: 'string', default: '1000' }, keystrokes: { type: 'string', default: '100' } } });
const documents = Number(values.documents);
const keystrokes = Number(values.keystrokes);
const { dir } = ensureCorpus(CORPORA_DIR, documents);

/** Keystroke → rendered blocks of the volume (ms each), alternately typing an `x` after " the " and deleting it. */
async function previewUpdates() {
  const bench = await BenchServer.start(dir);
  try {
    const { uri, text } = await bench.open(BOOK_DOCUMENT);
    let document = bench.documents.get(uri);
    const spots = [...text.matchAll(/ the (?=\p{L})/gu)].map((m) => m.index + 4);
    const step = Math.max(1, Math.floor(spots.length / keystrokes));
    const durations = [];
    let blocks = 0;
    let bytes = 0;
    const warmup = 10;
    for (let i = 0; durations.length < keystrokes + warmup; i++) {
      const offset = spots[(Math.floor(i / 2) * step) % spots.length];
      const at = document.positionAt(offset);
      const change = i % 2 === 0 ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: { ...at, character: at.character + 1 } }, text: '' };
      document = TextDocument.update(document, [change], document.version + 1);
      const started = performance.now();
      void bench.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: document.version }, contentChanges: [change] });
      const result = await bench.connection.sendRequest('histmark/renderHtml', { textDocument: { uri }, mode: 'reading' });
      durations.push(performance.now() - started);
      if (result.version !== document.version) throw new Error(`rendered version ${result.version}, expected ${document.version}`);
      blocks = result.blocks.length;
      bytes = result.blocks.reduce((sum, b) => sum + b.html.length, 0);
    }
    return { durations: durations.slice(warmup), blocks, bytes, textBytes: text.length };
  } finally {
    await bench.stop();
  }
}

function bytesUnder(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(path.join(e.parentPath, e.name)).size, 0);
}

async function exportHtml() {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const out = mkdtempSync(path.join(tmpdir(), 'histmark-bench-html-'));
    try {
      const run = await measureNodeScript(CLI, ['export', 'html', dir, '--out', out]);
      if (run.exitCode !== 0) throw new Error(`histmark export html exited with ${run.exitCode}`);
      runs.push({ ...run, outBytes: bytesUnder(out), files: readdirSync(out, { recursive: true }).length });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return runs.sort((a, b) => a.seconds - b.seconds)[1];
}

const preview = await previewUpdates();
const edition = await exportHtml();
const ms = (v) => v.toFixed(1);
console.log(`| corpus | keystroke → preview blocks p50 ms | p95 ms | blocks | HTML MB | export html s | peak MB | files | written MB |`);
console.log(`| --- | --- | --- | --- | --- | --- | --- | --- | --- |`);
console.log(
  `| ${documents.toLocaleString('en')} documents, volume ${(preview.textBytes / 1e3).toFixed(0)} KB | ${ms(percentile(preview.durations, 50))} | ${ms(percentile(preview.durations, 95))} | ${preview.blocks} | ${(preview.bytes / 1e6).toFixed(2)} | ${edition.seconds.toFixed(2)} | ${edition.peakMB.toFixed(0)} | ${edition.files} | ${(edition.outBytes / 1e6).toFixed(1)} |`,
);
