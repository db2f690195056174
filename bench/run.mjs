// `npm run bench`: generates the corpora (or reuses them), then measures
// parse throughput, `histmark lint` beside markdownlint-cli2 and the
// read-and-scan floor, `histmark lint --cache` after one edit, the language
// server over stdio, the preview's keystroke updates and `histmark export
// html`, and the server beside VS Code's Markdown server; prints
// the tables and writes them to bench/results.md (keeping its hand-written
// notes).
//
// Options: --sizes 100,1000 (default 100,1000,10000), --no-markdownlint,
// --no-markdown-server (the side-by-side with VS Code's Markdown server),
// --keystrokes N (200), --requests N (200), --heavy-requests N (50),
// --out FILE (bench/results.md), --no-write.
//
// Sizes above LARGE_CORPUS (`--sizes 100000`, about 1 GB) leave out
// markdownlint-cli2, the Markdown server, the exports and the preview (tens of
// minutes there) and, when
// a run has only such sizes, fill their own section of results.md, kept by
// the default run.

import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI, measureCachedLint, measureLinters } from './commands.mjs';
import { measureEditorComparison } from './editorComparison.mjs';
import { measureExport } from './exportTei.mjs';
import { BOOK_DOCUMENT, CORPORA_DIR, ensureCorpus, markdownCopy, transcriptPath } from './generate.mjs';
import { loadParser, parseThroughput } from './parse.mjs';
import { renderLargeResults, renderResults, writeResults } from './render.mjs';
import { measurePreview, measureExportHtml } from './preview.mjs';
import { measureServer, SERVER } from './server.mjs';
import { BOOK_FILE, REPO_ROOT, SOURCE_DIR } from './sourceText.mjs';

/** The largest size of the default run; above it only Histmark is measured. */
export const LARGE_CORPUS = 10_000;

export function parseOptions(argv) {
  const options = { sizes: [100, 1000, 10000], markdownlint: true, markdownServer: true, keystrokes: 200, requests: 200, heavyRequests: 50, out: path.join(REPO_ROOT, 'bench/results.md'), write: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--sizes') options.sizes = value().split(',').map((s) => Number(s.replace(/_/g, '')));
    else if (flag === '--no-markdownlint') options.markdownlint = false;
    else if (flag === '--no-markdown-server') options.markdownServer = false;
    else if (flag === '--keystrokes') options.keystrokes = Number(value());
    else if (flag === '--requests') options.requests = Number(value());
    else if (flag === '--heavy-requests') options.heavyRequests = Number(value());
    else if (flag === '--out') options.out = path.resolve(value());
    else if (flag === '--no-write') options.write = false;
    else throw new Error(`Unknown option ${argv[i]}: see the head of bench/run.mjs.`);
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 2)) throw new Error('--sizes takes whole numbers of at least 2, e.g. --sizes 100,1000.');
  return options;
}

function countFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.hmd')).length;
}

function log(message) {
  process.stderr.write(`${message}\n`);
}

/** A measurement that may fail at scale (a server out of memory): its error message instead of its figures. */
async function orFailure(measure) {
  try {
    return await measure();
  } catch (error) {
    log(`  failed: ${error.message.split('\n')[0]}`);
    return { failed: error.message };
  }
}

async function measureCorpus(corpus, options) {
  const large = corpus.size > LARGE_CORPUS;
  log(`Linters on ${corpus.size} documents…`);
  const linters = await measureLinters(corpus.dir, options.markdownlint && !large ? corpus.markdown : undefined);
  log(`histmark lint --cache on ${corpus.size} documents, one edited between two runs…`);
  const cachedLint = await measureCachedLint(corpus.dir, transcriptPath(Math.floor(corpus.size / 2)));
  // The large section reports the CLI's lint and the server only: the exports and the preview would add most of an hour.
  let exportTei;
  if (!large) {
    log(`TEI export of ${corpus.size} documents…`);
    exportTei = await measureExport(corpus.dir);
  }
  log(`Language server on ${corpus.size} documents…`);
  const server = await orFailure(() => measureServer(corpus.dir, BOOK_DOCUMENT, options));
  let preview;
  let exportHtml;
  if (!large) {
    log(`Preview of the volume and export html of ${corpus.size} documents…`);
    preview = await orFailure(() => measurePreview(corpus.dir, BOOK_DOCUMENT, { keystrokes: options.keystrokes }));
    exportHtml = await orFailure(() => measureExportHtml(corpus.dir));
  }
  let comparison;
  if (options.markdownServer && !large) {
    log(`Histmark's server, then VS Code's Markdown server, on ${corpus.size} documents…`);
    comparison = await measureEditorComparison(corpus.dir, corpus.markdown, BOOK_DOCUMENT, options);
  }
  return { size: corpus.size, bytes: corpus.manifest.bytes, ...linters, cachedLint, exportTei, server, preview, exportHtml, comparison };
}

async function run(options) {
  for (const bundle of [CLI, SERVER]) if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run build\` (npm run bench does).`);
  const started = performance.now();
  const corpora = [];
  for (const size of options.sizes) {
    const t = performance.now();
    log(`Corpus of ${size} documents…`);
    const { dir, manifest, reused } = ensureCorpus(CORPORA_DIR, size);
    const needsCopy = size <= LARGE_CORPUS && (options.markdownlint || options.markdownServer);
    corpora.push({ size, dir, markdown: needsCopy ? markdownCopy(dir) : undefined, manifest, reused, files: countFiles(dir), seconds: (performance.now() - t) / 1000 });
  }

  log('Parse throughput…');
  const parse = await loadParser();
  const parses = [
    { label: `${BOOK_FILE} (the book as digitised)`, target: true, ...parseThroughput(parse, path.join(SOURCE_DIR, BOOK_FILE)) },
    { label: `${path.basename(BOOK_DOCUMENT)} (the book annotated)`, ...parseThroughput(parse, path.join(corpora[0].dir, BOOK_DOCUMENT)) },
  ];

  const rows = [];
  for (const corpus of corpora) rows.push(await measureCorpus(corpus, options));
  const minutes = (performance.now() - started) / 60_000;
  return { corpora, parses, rows, minutes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const options = parseOptions(process.argv.slice(2));
  const large = options.sizes.every((size) => size > LARGE_CORPUS);
  const measured = await run(options);
  const results = large ? renderLargeResults(measured) : renderResults(measured);
  process.stdout.write(results);
  if (options.write) {
    writeResults(options.out, results, { large });
    log(`Written to ${path.relative(process.cwd(), options.out)}${large ? ' (its section on large corpora)' : ''}.`);
  }
}
