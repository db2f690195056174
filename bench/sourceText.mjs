// The real text the corpora are built from: the digitised sources in
// ../shared/corpus, unwrapped into paragraphs of sentences, with every
// character that would start Histmark markup removed, so that the only
// markup in a generated document is the markup the generator puts there.

import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE_DIR = process.env.HISTMARK_CORPUS ?? path.resolve(REPO_ROOT, '../shared/corpus');
export const BOOK_FILE = 'hoxha-works-vol19-1960.txt';

/** Quotation marks, brackets, braces, `@`, `\`, `#`, `<`, `>` and the like: markup or its look-alikes. */
const MARKUP_CHARS = /[[\]{}@\\#<>*_`|~^"“”„«»‘‹›]/g;
/** A closing single mark that is not an apostrophe between letters. */
const STRAY_APOSTROPHE = /’(?!\p{L})|(?<!\p{L})’/gu;
const SENTENCE_END = /(?<=[.!?])\s+(?=\p{Lu})/u;

function sanitize(text) {
  return text
    .replace(/'/g, '’')
    .replace(MARKUP_CHARS, '')
    .replace(STRAY_APOSTROPHE, '')
    .replace(/\s+/g, ' ')
    .replace(/(?<=\p{L})- (?=\p{L})/gu, '-')
    .trim();
}

/** Joins the hard-wrapped lines of one paragraph, undoing end-of-line hyphenation. */
function unwrap(lines) {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    // `Bu-` + `charest` is one word; `Marxist-` + `Leninist` keeps its hyphen.
    if (out.endsWith('-') && /^\p{Ll}/u.test(line)) out = out.slice(0, -1) + line;
    else out = out === '' ? line : `${out} ${line}`;
  }
  return out;
}

/** The paragraphs of one source text, each a list of sentences; page furniture and fragments are dropped. */
export function paragraphsOf(text) {
  const paragraphs = [];
  for (const block of text.split(/\n[ \t]*\n/)) {
    const clean = sanitize(unwrap(block.split('\n')));
    if (clean.length < 60 || !/[.!?]$/.test(clean) || /^\p{Lu}[\p{Lu}\s\d.,]+$/u.test(clean)) continue;
    const sentences = clean.split(SENTENCE_END).filter((s) => s.split(' ').length >= 3);
    if (sentences.length > 0) paragraphs.push(sentences);
  }
  return paragraphs;
}

/** Every source text (book included), in file-name order. */
export function loadSourceParagraphs(dir = SOURCE_DIR) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  if (files.length === 0) throw new Error(`No source texts (*.txt) in ${dir}: set HISTMARK_CORPUS.`);
  return files.flatMap((f) => paragraphsOf(readFileSync(path.join(dir, f), 'utf8')));
}

export function loadBookParagraphs(dir = SOURCE_DIR) {
  return paragraphsOf(readFileSync(path.join(dir, BOOK_FILE), 'utf8'));
}

/** Every word of the sources: a generated name made only of such words might occur unlinked in them. */
export function sourceWords(paragraphs) {
  const words = new Set();
  for (const sentences of paragraphs) for (const s of sentences) for (const w of s.split(/[^\p{L}\p{M}\p{Nd}]+/u)) if (w) words.add(w);
  return words;
}
