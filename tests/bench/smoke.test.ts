// A small run of the benchmark (bench/): the generator on a tiny corpus and
// every measuring function of the harness on it, so that `npm run bench`
// cannot rot. Nothing here is timed: the figures only have to be sane.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_EDIT, CLI, cliSupportsCache, hasGnuTime, measureCachedLint, measureLinters, measureNodeScript, FLOOR } from '../../bench/commands.mjs';
import {
  checkFreeSpace,
  ensureCorpus,
  generatorFingerprint,
  GENERATOR_VERSION,
  MANIFEST,
  markdownCopy,
  MIN_FREE_BYTES,
  transcriptPath,
  type CorpusManifest,
} from '../../bench/generate.mjs';
import { loadParser, parseThroughput } from '../../bench/parse.mjs';
import { measureExportHtml, measurePreview, previewTable } from '../../bench/preview.mjs';
import { measureEditorComparison } from '../../bench/editorComparison.mjs';
import { LARGE_MARKER, NOTES_MARKER, writeResults } from '../../bench/render.mjs';
import { editorComparisonTable, serverFailures } from '../../bench/report.mjs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { keystrokeEdits, measureServer, percentile } from '../../bench/server.mjs';

const DOCUMENTS = 5;

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(extension))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** The biggest transcript of a corpus (the tiny corpus has no 730 KB volume). */
function largestTranscript(dir: string): string {
  return filesUnder(dir, '.hmd')
    .filter((f) => f.startsWith('transcripts'))
    .sort((a, b) => readFileSync(path.join(dir, b)).length - readFileSync(path.join(dir, a)).length)[0];
}

function expectPositive(...values: (number | undefined)[]): void {
  for (const value of values) {
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThan(0);
  }
}

describe('the benchmark on a tiny corpus', () => {
  let root: string;
  let dir: string;
  let manifest: CorpusManifest;

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'histmark-bench-smoke-'));
    ({ dir, manifest } = ensureCorpus(root, DOCUMENTS, { book: false }));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('generates a registry, the transcripts and a manifest, and reuses them', () => {
    const transcripts = filesUnder(path.join(dir, 'transcripts'), '.hmd');
    expect(transcripts).toHaveLength(DOCUMENTS);
    expect(filesUnder(path.join(dir, 'registry'), '.hmd').sort()).toEqual(['events-and-works.hmd', 'organisations.hmd', 'people.hmd', 'places.hmd']);
    expect(JSON.parse(readFileSync(path.join(dir, 'histmark.json'), 'utf8'))).toEqual({ requiredMetadata: ['title', 'date'] });
    expect(manifest).toMatchObject({ version: GENERATOR_VERSION, documents: DOCUMENTS, book: false, entities: 60 });
    expectPositive(manifest.bytes, manifest.planted.HM001, manifest.planted.HM005);
    const again = ensureCorpus(root, DOCUMENTS, { book: false });
    expect(again.reused).toBe(true);
    expect(again.manifest).toEqual(manifest);
  });

  it('regenerates a corpus whose generator sources changed, even when nobody bumped GENERATOR_VERSION', () => {
    const other = mkdtempSync(path.join(tmpdir(), 'histmark-bench-smoke-'));
    try {
      const first = ensureCorpus(other, 2, { book: false });
      expect(first.manifest.generator).toBe(generatorFingerprint());
      const manifestFile = path.join(first.dir, MANIFEST);
      writeFileSync(manifestFile, JSON.stringify({ ...first.manifest, generator: 'an older generator' }));
      const again = ensureCorpus(other, 2, { book: false });
      expect(again.reused).toBe(false);
      expect(JSON.parse(readFileSync(manifestFile, 'utf8')).generator).toBe(generatorFingerprint());
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses to generate about a gigabyte on a disk with less than 5 GB free, saying so', () => {
    const corpus = path.join(tmpdir(), 'corpora', '100000');
    expect(() => checkFreeSpace(corpus, 100_000, 4e9)).toThrow(/Not generating 100,000 documents \(about 1\.1 GB\) .*only 4\.0 GB free.*at least 5\.0 GB free/);
    expect(() => checkFreeSpace(corpus, 100_000, MIN_FREE_BYTES)).not.toThrow();
    // Small corpora never ask.
    expect(() => checkFreeSpace(corpus, 10_000, 1e6)).not.toThrow();
  });

  it('writes results.md in parts: a default run and a large-corpus run each keep the other and the notes', () => {
    const file = path.join(root, 'results.md');
    writeFileSync(file, `# old tables\n${NOTES_MARKER}\n## Notes\nhand-written\n`);
    writeResults(file, '## Large corpora\nlarge run', { large: true });
    writeResults(file, '# Histmark benchmarks\ndefault run');
    expect(readFileSync(file, 'utf8')).toBe(`# Histmark benchmarks\ndefault run\n${LARGE_MARKER}\n\n## Large corpora\nlarge run\n${NOTES_MARKER}\n## Notes\nhand-written\n`);
  });

  it('is the same corpus for the same seed', () => {
    const other = mkdtempSync(path.join(tmpdir(), 'histmark-bench-smoke-'));
    try {
      const copy = ensureCorpus(other, DOCUMENTS, { book: false });
      for (const file of filesUnder(dir, '.hmd')) expect(readFileSync(path.join(copy.dir, file), 'utf8')).toBe(readFileSync(path.join(dir, file), 'utf8'));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('lints with only the planted diagnostics: unattributed quotations and unlinked names', () => {
    const output = execFileSync(process.execPath, [CLI, 'lint', dir, '--format', 'json'], { encoding: 'utf8' });
    const counts: Record<string, number> = {};
    for (const d of JSON.parse(output) as { code: string }[]) counts[d.code] = (counts[d.code] ?? 0) + 1;
    expect(counts).toEqual(manifest.planted);
  });

  it('lints the same on worker threads as on one thread (what the large corpora use)', () => {
    const lintWith = (workers: string) =>
      execFileSync(process.execPath, [CLI, 'lint', dir, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, HISTMARK_LINT_WORKERS: workers } });
    const oneThread = lintWith('1');
    expect(JSON.parse(oneThread)).not.toEqual([]);
    expect(lintWith('3')).toBe(oneThread);
  });

  it('copies the documents renamed .md for markdownlint', () => {
    const copy = markdownCopy(dir);
    expect(filesUnder(copy, '.md').sort()).toEqual(filesUnder(dir, '.hmd').map((f) => f.replace(/\.hmd$/, '.md')).sort());
    expect(existsSync(path.join(copy, MANIFEST))).toBe(true);
  });

  it('measures histmark lint, markdownlint-cli2 and the floor: wall time and peak memory', async () => {
    const { histmark, floor, markdownlint } = await measureLinters(dir, markdownCopy(dir), { repeat: 1 });
    expect(histmark.exitCode).toBe(0);
    expect(floor.exitCode).toBe(0);
    // markdownlint finds Markdown problems in any transcript (long lines, for one).
    expect(markdownlint?.exitCode).toBe(1);
    for (const run of [histmark, floor, markdownlint]) expectPositive(run?.seconds, run?.peakMB);
  }, 60_000);

  it('measures histmark lint --cache after one edit, or says the build has no --cache; the edited file is restored', async () => {
    const edited = transcriptPath(2);
    const before = readFileSync(path.join(dir, edited));
    const result = await measureCachedLint(dir, edited);
    expect(result.supported).toBe(cliSupportsCache());
    if (result.supported) for (const run of [result.cold, result.afterEdit]) expectPositive(run.seconds, run.peakMB);
    expect(readFileSync(path.join(dir, edited))).toEqual(before);
  }, 60_000);

  it('runs a CLI with --cache twice, the file edited in between, and reads a usage error (exit 2) as no --cache', async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'histmark-bench-smoke-'));
    try {
      // A stand-in CLI: `lint --help` names --cache; a lint logs what the edited file holds then.
      const edited = transcriptPath(1);
      const log = path.join(scratch, 'seen');
      const fakeCli = (exitCode: number) => {
        const script = path.join(scratch, `cli-${exitCode}.cjs`);
        writeFileSync(
          script,
          `const fs = require('node:fs');
if (process.argv.includes('--help')) { console.log('--cache [--cache-location FILE]'); process.exit(0); }
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n' + fs.readFileSync(${JSON.stringify(path.join(dir, edited))}, 'utf8').length + '\\n');
process.exit(${exitCode});`,
        );
        return script;
      };
      const original = readFileSync(path.join(dir, edited), 'utf8');
      const result = await measureCachedLint(dir, edited, { cli: fakeCli(1) });
      expect(result.supported).toBe(true);
      const [args, lengthBefore, , lengthAfter] = readFileSync(log, 'utf8').trim().split('\n');
      expect(JSON.parse(args)).toEqual(['lint', '--cache', '--cache-location', expect.stringContaining('histmark-bench-cache-'), dir, '--format', 'json']);
      expect(Number(lengthBefore)).toBe(original.length);
      expect(Number(lengthAfter)).toBe(original.length + CACHE_EDIT.length);
      expect(readFileSync(path.join(dir, edited), 'utf8')).toBe(original);
      expect(await measureCachedLint(dir, edited, { cli: fakeCli(2) })).toEqual({ supported: false });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 60_000);

  it('reads peak memory from GNU time and from the preloaded hook alike', async () => {
    const methods = hasGnuTime() ? (['time', 'preload'] as const) : (['preload'] as const);
    for (const method of methods) {
      const run = await measureNodeScript(FLOOR, [dir], { method });
      expect(run.exitCode).toBe(0);
      expectPositive(run.seconds, run.peakMB);
    }
  }, 60_000);

  it('measures parse throughput', async () => {
    const parse = await loadParser();
    const [document] = filesUnder(path.join(dir, 'transcripts'), '.hmd');
    const result = parseThroughput(parse, path.join(dir, 'transcripts', document), { rounds: 1, roundMs: 10, warmupMs: 0 });
    expectPositive(result.megabytes, result.mbPerSecond, result.msPerParse);
  });

  it('types keystrokes where it says: an x after a word, deleted again, the text as it was after each pair', () => {
    const text = 'One line.\nIn the first and the second place, the end.\n';
    const edits = keystrokeEdits(text, 6);
    expect(edits).toHaveLength(6);
    let document = TextDocument.create('file:///t.hmd', 'histmark', 1, text);
    const seen: string[] = [];
    for (const edit of edits) {
      document = TextDocument.update(document, [edit], document.version + 1);
      seen.push(document.getText());
    }
    expect(seen).toEqual([
      'One line.\nIn thex first and the second place, the end.\n',
      text,
      'One line.\nIn the first and thex second place, the end.\n',
      text,
      'One line.\nIn the first and the second place, thex end.\n',
      text,
    ]);
  });

  it('measures the language server: index, memory, keystrokes and requests', async () => {
    const document = largestTranscript(dir);
    const result = await measureServer(dir, document, { keystrokes: 4, requests: 3, heavyRequests: 2 });
    expectPositive(result.indexSeconds, result.diagnosedSeconds, result.memoryAfterIndex?.rssMB, result.memoryAtEnd?.peakMB);
    expect(result.diagnosedSeconds).toBeGreaterThanOrEqual(result.indexSeconds);
    expect(result.keystroke).toHaveLength(4);
    for (const [key, count] of [['hover', 3], ['definition', 3], ['completion', 3], ['references', 2], ['rename', 2]] as const) {
      expect(result[key]).toHaveLength(count);
      expectPositive(...result[key], percentile(result[key], 99));
    }
    expectPositive(...result.keystroke, result.referenceCount);
    // A rename edits the definition and every reference: what references lists with the declaration.
    expect(result.renameEdits).toBe(result.referenceCount);
  }, 60_000);

  it('measures the preview after keystrokes and export html, and tabulates them', async () => {
    const document = largestTranscript(dir);
    const preview = await measurePreview(dir, document, { keystrokes: 4, warmup: 1 });
    expect(preview.keystrokes).toBe(4);
    expectPositive(preview.p50, preview.p95, preview.blocks, preview.htmlBytes, preview.textBytes);
    expect(preview.p95).toBeGreaterThanOrEqual(preview.p50);
    const exportHtml = await measureExportHtml(dir, { repeat: 1 });
    expect(exportHtml.exitCode).toBe(0);
    // A page per transcript at least, besides the entity pages and the index.
    expect(exportHtml.files).toBeGreaterThan(DOCUMENTS);
    expectPositive(exportHtml.seconds, exportHtml.peakMB, exportHtml.outBytes);
    const table = previewTable([
      { size: DOCUMENTS, preview, exportHtml },
      { size: 10, preview: { failed: 'out of memory' }, exportHtml },
    ]).split('\n');
    expect(table).toHaveLength(4);
    expect(table[2]).toMatch(new RegExp(`^\\| ${DOCUMENTS} \\| ${preview.p50.toFixed(1)} \\| ${preview.p95.toFixed(1)} \\|`));
    expect(table[3]).toMatch(/^\| 10 \| failed \| failed \| failed \| failed \| failed \| \d/);
  }, 60_000);

  it('reports a server that dies (out of memory at scale) with its last words, instead of waiting for it', async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'histmark-bench-smoke-'));
    try {
      const dying = path.join(scratch, 'dying-server.cjs');
      writeFileSync(dying, "process.stderr.write('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\\n'); process.exit(134);\n");
      await expect(measureServer(dir, largestTranscript(dir), { server: dying })).rejects.toThrow(/The server exited \(code 134\) before answering initialize: FATAL ERROR: Reached heap limit/);
      // V8 lists its last collections first; the table's note names the fatal error.
      const failed = 'The server exited (SIGABRT) before indexing x:\n<--- Last few GCs --->\n[1] Mark-Compact\nFATAL ERROR: Reached heap limit Allocation failed';
      expect(serverFailures([{ size: 100_000, server: { failed } }])).toBe(
        'At 100,000 documents the server session failed: The server exited (SIGABRT) before indexing x: FATAL ERROR: Reached heap limit Allocation failed',
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it("measures Histmark's server and VS Code's Markdown server with the same client: cold start, memory, symbols, folding, keystrokes", async () => {
    const document = largestTranscript(dir);
    const { histmark, markdown } = await measureEditorComparison(dir, markdownCopy(dir), document, { keystrokes: 4, requests: 3 });
    for (const server of [histmark, markdown]) {
      expectPositive(server.coldSeconds, server.memoryAfterIndex?.rssMB);
      // Counts of what the last answers held (the biggest tiny transcript may have no heading).
      for (const count of [server.firstSymbols, server.documentSymbols, server.foldingRanges]) expect(Number.isInteger(count) && count >= 0).toBe(true);
      for (const key of ['workspaceSymbol', 'documentSymbol', 'folding'] as const) expect(server[key]).toHaveLength(3);
      expect(server.keystroke).toHaveLength(4);
      expectPositive(...server.workspaceSymbol, ...server.documentSymbol, ...server.folding, ...server.keystroke);
    }
    // Every pull was answered: the Markdown server's diagnostics are asked for, not pushed.
    expect(markdown.pulls?.count).toBe(1 + 4 + 10);
    const table = editorComparisonTable([{ size: DOCUMENTS, comparison: { histmark, markdown } }]);
    expect(table.split('\n')).toHaveLength(2 + 8);
    expect(table).toMatch(/\d\.\d\d× \(/);
  }, 120_000);
});
