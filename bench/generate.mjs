// Deterministic benchmark corpora: `node bench/generate.mjs 100 1000 10000`
// writes bench/corpora/<n>/ — a registry of a few thousand entities, n
// transcripts built from the real sentences of ../shared/corpus (one of them
// the whole Hoxha volume, annotated: the ~700 KB document of the keystroke
// test) and a histmark.json. A corpus whose manifest shows the same
// generator version, generator sources and seed is reused. `markdownCopy`
// hard-links the same files renamed `.md` for markdownlint.

import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TranscriptWriter } from './annotate.mjs';
import { Random } from './random.mjs';
import { buildRegistry, registryFiles } from './registry.mjs';
import { BOOK_FILE, loadBookParagraphs, loadSourceParagraphs, REPO_ROOT, SOURCE_DIR, sourceWords } from './sourceText.mjs';

/** Bump whenever a change to the generator changes its output (GENERATOR_SOURCES catches a forgotten bump). */
export const GENERATOR_VERSION = 1;
/** The files whose code makes a corpus: a change to any of them regenerates the corpora. */
const GENERATOR_FILES = ['generate.mjs', 'annotate.mjs', 'registry.mjs', 'random.mjs', 'sourceText.mjs'];
/** Bytes of a corpus per document, measured at 10,000 documents (105.9 MB), to foresee the disk it takes. */
const BYTES_PER_DOCUMENT = 10_600;
/** Free space a large corpus must leave (the CLI's cache and the server's profiles go to the same disk). */
export const MIN_FREE_BYTES = 5e9;
/** From this estimated size on, the generator checks the free space first. */
const LARGE_CORPUS_BYTES = 5e8;
export const DEFAULT_SEED = 'histmark-bench';
export const CORPORA_DIR = path.join(REPO_ROOT, 'bench/corpora');
export const MANIFEST = 'bench-manifest.json';
export const BOOK_DOCUMENT = `transcripts/${BOOK_FILE.replace(/\.txt$/, '.hmd')}`;
const DOCS_PER_FOLDER = 500;

/** Entities in the registry of a corpus of `documents` transcripts: a few thousand at scale. */
export function registrySize(documents) {
  return Math.min(4000, Math.max(60, documents * 3));
}

function titleOf(sentence) {
  return sentence.split(' ').slice(0, 9).join(' ').replace(/[.,;:!?]+$/, '');
}

/** Consecutive paragraphs from a random place, some cut short, up to about `bytes` of text. */
function excerpt(random, pool, bytes) {
  const paragraphs = [];
  let size = 0;
  for (let k = random.int(0, pool.length - 1); size < bytes; k = (k + 1) % pool.length) {
    const sentences = pool[k].slice(0, random.chance(0.3) ? random.int(1, pool[k].length) : pool[k].length);
    paragraphs.push(sentences);
    // Markup adds about a quarter to the text.
    size += sentences.reduce((n, s) => n + s.length + 1, 0) * 1.25;
  }
  return paragraphs;
}

function writeFile(root, relative, text) {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}

/** A hash of the generator's own source: stored in the manifest, compared before reusing a corpus. */
export function generatorFingerprint() {
  const hash = createHash('sha256');
  for (const file of GENERATOR_FILES) hash.update(readFileSync(path.join(REPO_ROOT, 'bench', file)));
  return hash.digest('hex').slice(0, 16);
}

/** The path of the i-th generated transcript. */
export function transcriptPath(i) {
  return `transcripts/${String(Math.floor(i / DOCS_PER_FOLDER)).padStart(2, '0')}/doc-${String(i).padStart(5, '0')}.hmd`;
}

/** Refuses (throws) to generate a corpus of about a gigabyte or more on a disk with less than MIN_FREE_BYTES free. */
export function checkFreeSpace(dir, documents, freeBytes = freeBytesAt(dir)) {
  const needed = documents * BYTES_PER_DOCUMENT;
  if (needed < LARGE_CORPUS_BYTES || freeBytes >= MIN_FREE_BYTES) return;
  const gb = (bytes) => `${(bytes / 1e9).toFixed(1)} GB`;
  throw new Error(
    `Not generating ${documents.toLocaleString('en')} documents (about ${gb(needed)}) in ${dir}: only ${gb(freeBytes)} free on its disk, and the bench keeps at least ${gb(MIN_FREE_BYTES)} free. Free some space (\`df -h ${path.dirname(dir)}\`) or measure smaller sizes.`,
  );
}

/** Free bytes for an unprivileged user on the disk of `dir` (or of its nearest existing parent), as `df` reports them. */
function freeBytesAt(dir) {
  let existing = dir;
  while (!existsSync(existing)) existing = path.dirname(existing);
  const { bavail, bsize } = statfsSync(existing);
  return bavail * bsize;
}

function readManifest(dir) {
  try {
    return JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Writes a corpus of `documents` transcripts into `dir` (replacing what is
 * there) and returns its manifest. `book: false` leaves out the 700 KB
 * volume (for tiny test corpora).
 */
export function generateCorpus(dir, documents, { seed = DEFAULT_SEED, book = true, sourceDir = SOURCE_DIR } = {}) {
  checkFreeSpace(dir, documents);
  rmSync(dir, { recursive: true, force: true });
  rmSync(markdownDir(dir), { recursive: true, force: true });
  const pool = loadSourceParagraphs(sourceDir);
  const registry = buildRegistry(registrySize(documents), seed, sourceWords(pool));
  const describeRandom = new Random(`${seed}:descriptions`);
  const describe = (entity) => (describeRandom.chance(0.6) ? describeRandom.pick(describeRandom.pick(pool)) : undefined);
  const writer = new TranscriptWriter(registry);
  const planted = { HM001: 0, HM005: 0 };
  let bytes = writeFile(dir, 'histmark.json', `${JSON.stringify({ requiredMetadata: ['title', 'date'] }, null, 2)}\n`);
  for (const [file, text] of Object.entries(registryFiles(registry, describe))) bytes += writeFile(dir, file, text);
  const add = (relative, { text, planted: p }) => {
    bytes += writeFile(dir, relative, text);
    planted.HM001 += p.HM001;
    planted.HM005 += p.HM005;
  };
  const generated = book ? documents - 1 : documents;
  for (let i = 0; i < generated; i++) {
    const random = new Random(`${seed}:doc:${i}`);
    const size = Math.min(80_000, Math.max(1500, random.logNormal(7000, 0.8)));
    const paragraphs = excerpt(random, pool, size);
    add(transcriptPath(i), writer.transcript(random, {
      paragraphs,
      title: titleOf(paragraphs[0][0]),
      mode: random.chance(0.25) ? 'minutes' : 'prose',
      castSize: Math.min(40, 6 + Math.round(size / 1500)),
      plantUnattributed: random.chance(0.25),
    }));
  }
  if (book) {
    const random = new Random(`${seed}:book`);
    add(BOOK_DOCUMENT, writer.transcript(random, { paragraphs: loadBookParagraphs(sourceDir), title: 'Works, Volume 19 (June–December 1960)', mode: 'prose', castSize: 80, plantUnattributed: true }));
  }
  const manifest = { version: GENERATOR_VERSION, generator: generatorFingerprint(), seed, documents, book, entities: registry.entities.length, bytes, planted };
  writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The corpus of `documents` transcripts under `root`, generated unless an identical one is there. */
export function ensureCorpus(root, documents, options = {}) {
  const dir = path.join(root, String(documents));
  const manifest = readManifest(dir);
  const seed = options.seed ?? DEFAULT_SEED;
  const book = options.book ?? true;
  const same = manifest && manifest.version === GENERATOR_VERSION && manifest.generator === generatorFingerprint();
  if (same && manifest.seed === seed && manifest.documents === documents && manifest.book === book) {
    return { dir, manifest, reused: true };
  }
  return { dir, manifest: generateCorpus(dir, documents, { ...options, seed, book }), reused: false };
}

export function markdownDir(dir) {
  return `${dir}-md`;
}

function* hmdFiles(dir, relative = '') {
  for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
    const child = path.join(relative, entry.name);
    if (entry.isDirectory()) yield* hmdFiles(dir, child);
    else if (entry.name.endsWith('.hmd')) yield child;
  }
}

/** The corpus's documents renamed `.md` in `<dir>-md` (hard links where the file system allows). */
export function markdownCopy(dir) {
  const target = markdownDir(dir);
  const stamp = path.join(target, MANIFEST);
  // Regenerating a corpus removes its copy, so a finished copy is current.
  if (existsSync(stamp)) return target;
  rmSync(target, { recursive: true, force: true });
  for (const file of hmdFiles(dir)) {
    const to = path.join(target, file.replace(/\.hmd$/, '.md'));
    mkdirSync(path.dirname(to), { recursive: true });
    try {
      linkSync(path.join(dir, file), to);
    } catch {
      copyFileSync(path.join(dir, file), to);
    }
  }
  copyFileSync(path.join(dir, MANIFEST), stamp);
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number);
  for (const n of sizes.length > 0 ? sizes : [100, 1000, 10000]) {
    const started = performance.now();
    const { dir, manifest, reused } = ensureCorpus(CORPORA_DIR, n);
    markdownCopy(dir);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`${path.relative(process.cwd(), dir)}: ${n} documents, ${manifest.entities} entities, ${(manifest.bytes / 1e6).toFixed(1)} MB ${reused ? '(reused)' : `in ${seconds} s`}`);
  }
}
