// Histmark's server beside what a VS Code user gets for Markdown
// (markdownServer.mjs), on the same corpus (the Markdown server on its copy
// renamed `.md`), measured by the same client code one after the other:
// cold start to the first workspace-symbol answer, resident memory then,
// workspace-symbol latency, document symbols and folding of the big
// document, and keystroke → fresh diagnostics (each server's way).

import { MarkdownBenchServer } from './markdownServer.mjs';
import { BenchServer, memoryOf, withTimeout } from './server.mjs';

/** What a user types in the workspace-symbol picker, one letter at a time: words of entity names and of headings alike. */
const TYPED_WORDS = ['committee', 'party', 'council', 'people', 'comrade', 'republic', 'socialist', 'government'];
const QUERIES = TYPED_WORDS.flatMap((word) => Array.from(word, (_, i) => word.slice(0, i + 1)));
/** The first query, as if a whole word were pasted into the picker. */
const COLD_QUERY = TYPED_WORDS[0];

/**
 * One server on `root` from spawn to stop: `start()` spawns it; `document`
 * is the big document's path in `root`.
 */
export async function measureEditor(start, document, { keystrokes = 200, requests = 200, timeoutMs = 600_000 } = {}) {
  const started = performance.now();
  const bench = start();
  try {
    const what = `the first workspace symbols of ${bench.root}`;
    const coldAnswer = (async () => {
      await bench.handshake();
      await bench.ready();
      return bench.connection.sendRequest('workspace/symbol', { query: COLD_QUERY });
    })();
    const firstSymbols = await bench.orExit(withTimeout(coldAnswer, timeoutMs, what), what);
    const coldSeconds = (performance.now() - started) / 1000;
    const memoryAfterIndex = memoryOf(bench.child.pid);
    const workspaceSymbol = await bench.time(requests, (i) => bench.connection.sendRequest('workspace/symbol', { query: QUERIES[i % QUERIES.length] }));
    const open = await bench.open(document);
    const textDocument = { uri: open.uri };
    const documentSymbol = await bench.time(requests, () => bench.connection.sendRequest('textDocument/documentSymbol', { textDocument }));
    const folding = await bench.time(requests, () => bench.connection.sendRequest('textDocument/foldingRange', { textDocument }));
    const keystroke = await bench.keystrokes(open, keystrokes);
    return {
      coldSeconds,
      memoryAfterIndex,
      firstSymbols: firstSymbols?.length ?? 0,
      workspaceSymbol: workspaceSymbol.durations,
      documentSymbol: documentSymbol.durations,
      documentSymbols: documentSymbol.last?.length ?? 0,
      folding: folding.durations,
      foldingRanges: folding.last?.length ?? 0,
      keystroke,
      pulls: bench.pulls,
    };
  } finally {
    await bench.stop();
  }
}

/**
 * Histmark on `dir`, then the Markdown server on `markdownDir` (the same
 * files renamed `.md`); `document` is the big document's path in `dir`.
 */
export async function measureEditorComparison(dir, markdownDir, document, { nodeOptions, ...options } = {}) {
  const histmark = await measureEditor(() => new BenchServer(dir, { nodeOptions }), document, options);
  const markdown = await measureEditor(() => new MarkdownBenchServer(markdownDir), document.replace(/\.hmd$/, '.md'), options);
  return { histmark, markdown };
}
