// `npm run bench`: generates the corpora (or reuses them), then measures
// parse throughput, `histmark lint` beside markdownlint-cli2 and the
// read-and-scan floor, and the language server over stdio; prints the tables
// and writes them to bench/results.md (keeping its hand-written notes).
//
// Options: --sizes 100,1000 (default 100,1000,10000), --no-markdownlint,
// --no-markdown-server (the side-by-side with VS Code's Markdown server),
// --keystrokes N (200), --requests N (200), --heavy-requests N (50),
// --out FILE (bench/results.md), --no-write.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI, measureLinters } from './commands.mjs';
import { exportTable, measureExport } from './exportTei.mjs';
import { BOOK_DOCUMENT, CORPORA_DIR, DEFAULT_SEED, ensureCorpus, GENERATOR_VERSION, markdownCopy } from './generate.mjs';
import { loadParser, parseThroughput } from './parse.mjs';
import { corporaTable, editorComparisonNotes, editorComparisonTable, lintTable, parseTable, serverTable } from './report.mjs';
import { measureEditorComparison } from './editorComparison.mjs';
import { measureServer, SERVER } from './server.mjs';
import { BOOK_FILE, REPO_ROOT, SOURCE_DIR } from './sourceText.mjs';
import { MARKDOWN_SERVER_VERSION } from './markdownServer.mjs';

const NOTES_MARKER = '<!-- Notes below this line are written by hand and kept by bench/run.mjs. -->';

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

function machine() {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}; Node ${process.version}`;
}

async function run(options) {
  for (const bundle of [CLI, SERVER]) if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run build\` (npm run bench does).`);
  const started = performance.now();
  const corpora = [];
  for (const size of options.sizes) {
    const t = performance.now();
    log(`Corpus of ${size} documents…`);
    const { dir, manifest, reused } = ensureCorpus(CORPORA_DIR, size);
    const markdown = options.markdownlint || options.markdownServer ? markdownCopy(dir) : undefined;
    corpora.push({ size, dir, markdown, manifest, reused, files: countFiles(dir), seconds: (performance.now() - t) / 1000 });
  }

  log('Parse throughput…');
  const parse = await loadParser();
  const parses = [
    { label: `${BOOK_FILE} (the book as digitised)`, target: true, ...parseThroughput(parse, path.join(SOURCE_DIR, BOOK_FILE)) },
    { label: `${path.basename(BOOK_DOCUMENT)} (the book annotated)`, ...parseThroughput(parse, path.join(corpora[0].dir, BOOK_DOCUMENT)) },
  ];

  const rows = [];
  for (const corpus of corpora) {
    log(`Linters on ${corpus.size} documents…`);
    const linters = await measureLinters(corpus.dir, options.markdownlint ? corpus.markdown : undefined);
    log(`Language server on ${corpus.size} documents…`);
    const server = await measureServer(corpus.dir, BOOK_DOCUMENT, options);
    let comparison;
    if (options.markdownServer) {
      log(`Histmark's and VS Code's Markdown server, one after the other, on ${corpus.size} documents…`);
      comparison = await measureEditorComparison(corpus.dir, corpus.markdown, BOOK_DOCUMENT, options);
    }
    log(`TEI export of ${corpus.size} documents…`);
    const exportTei = await measureExport(corpus.dir);
    rows.push({ size: corpus.size, bytes: corpus.manifest.bytes, ...linters, exportTei, server, comparison });
  }
  const minutes = (performance.now() - started) / 60_000;
  return { corpora, parses, rows, minutes };
}

export function renderResults({ corpora, parses, rows, minutes }, date = new Date()) {
  return `# Histmark benchmarks

Measured by \`npm run bench\` (bench/run.mjs) on ${date.toISOString().slice(0, 10)}: ${machine()}.
The whole run took ${minutes.toFixed(1)} minutes. Timings are wall-clock on a machine that
other jobs may share; figures in the notes below come from at least two runs.

## Corpora

Generated by bench/generate.mjs (generator version ${GENERATOR_VERSION}, seed \`${DEFAULT_SEED}\`) from the real
sentences of ../shared/corpus: a synthetic registry split over a few files, transcripts with
front matter, mentions, attributed quotations, turns, block quotes, page breaks, footnotes,
apparatus and comments, and the whole Hoxha volume annotated as one ~730 KB document. The only
diagnostics are the planted ones: unattributed quotations (HM001) and unlinked names (HM005).

${corporaTable(corpora)}

## Parse throughput

${parseTable(parses)}

## Linting a whole corpus

\`histmark lint DIR --format json\`, markdownlint-cli2 on the same files renamed \`.md\`, and the
floor (bench/floor.mjs: read every file, run one regular expression). Wall time and peak RSS.

${lintTable(rows)}

## TEI export of a whole corpus

\`histmark export tei DIR --out …\` (one TEI file per transcript, each with its header, the
standOff of the entities it refers to and its text), beside \`histmark lint\` on the same corpus.

${exportTable(rows)}

## Language server over stdio

\`dist/server.js --stdio\` on each corpus, the annotated volume open; keystrokes are one-character
edits (typed, then deleted) spread over it, timed from didChange to its publishDiagnostics;
requests are sent one at a time at mentions of the volume, references and rename on its most
mentioned entity. Each series starts after 10 untimed edits or requests (3 for references and
rename), once the JIT has compiled the paths it takes.

${serverTable(rows)}
${rows.some((r) => r.comparison) ? editorSection(rows) : ''}`;
}

function editorSection(rows) {
  const notes = editorComparisonNotes(rows);
  const { workspaceSymbol, keystroke } = rows.find((r) => r.comparison).comparison.histmark;
  return `
## Side by side with VS Code's Markdown server

What a VS Code user gets for Markdown: \`vscode-markdown-languageserver\` ${MARKDOWN_SERVER_VERSION} (the server of VS Code's
built-in Markdown extension) over stdio on the same files renamed \`.md\`, with the client side VS
Code implements for it (bench/markdownServer.mjs: the client finds, reads and tokenizes the files with
markdown-it when the server asks), VS Code's default settings with link validation on. Each corpus:
Histmark's server, then the Markdown server, started by the same client code (bench/editorComparison.mjs)
one after the other in the same run. Cold start runs from spawning the server to the answer of a
workspace-symbol request sent once it can answer in full (Histmark: once it has logged “Indexed”;
the Markdown server indexes when the request comes). Then ${workspaceSymbol.length} workspace-symbol queries typed a letter
at a time, as many document-symbol and folding requests on the 730 KB document, and ${keystroke.length} keystrokes timed to
fresh diagnostics: Histmark pushes them (publishDiagnostics), the Markdown server is asked for them
(textDocument/diagnostic) as soon as the change is sent, as VS Code's client does. The Markdown server's
tokenizing runs in the client (in VS Code, the extension host): in its times, not in its RSS.
Lower is better; **BEHIND** marks a figure where Histmark is not ahead.

${editorComparisonTable(rows)}
${notes === '' ? '' : `\n${notes}\n`}`;
}

function write(file, results) {
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const notes = previous.includes(NOTES_MARKER) ? previous.slice(previous.indexOf(NOTES_MARKER)) : `${NOTES_MARKER}\n`;
  writeFileSync(file, `${results}\n${notes}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const options = parseOptions(process.argv.slice(2));
  const results = renderResults(await run(options));
  process.stdout.write(results);
  if (options.write) {
    write(options.out, results);
    log(`Written to ${path.relative(process.cwd(), options.out)}.`);
  }
}
