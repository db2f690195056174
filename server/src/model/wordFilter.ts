// A Bloom filter of the words of a text, kept beside a compressed text so
// that the one question asked of every document in the workspace — which
// ones hold a newly claimed name's first word (HM005) — is answered without
// decompressing them all. It holds the maximal runs of ASCII letters and
// digits that begin with a capital letter: a whole-word occurrence of an
// ASCII word is bounded by characters that are not word characters, so it
// is such a run, and a filter that says no is always right. Names begin
// with a capital almost always, and most words of a text do not: leaving
// the others out makes the filter a sixth of the size and quicker to build.
// Any other word gets a "may" and the text is searched.

import { isWordChar } from '../syntax/chars';

const CAPITALISED_ASCII_WORD = /^[A-Z][0-9A-Za-z]*$/;
/** Per ASCII code: 0 not a word character, 1 a word character, 2 a capital letter (which also is one). */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => (!isWordChar(c) ? 0 : c >= 65 && c <= 90 ? 2 : 1));
/** Filter bits for each run kept: most runs repeat, so about ten bits a distinct word. */
const BITS_PER_RUN = 4;
const MIN_BITS = 64;
const MAX_BITS = 1 << 20;

/** FNV-1a over UTF-16 units: the same value for a run scanned in a text and for the word asked for. */
const FNV_OFFSET = 0x811c9dc5;
const step = (hash: number, code: number) => Math.imul(hash ^ code, 0x01000193);

/** Three bit positions from one hash (double hashing). */
function setOrTest(filter: Uint8Array, hash: number, set: boolean): boolean {
  const mask = filter.length * 8 - 1;
  const second = (Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) | 1) >>> 0;
  for (let i = 0; i < 3; i++) {
    const bit = (hash + Math.imul(i, second)) & mask;
    if (set) filter[bit >>> 3] |= 1 << (bit & 7);
    else if ((filter[bit >>> 3] & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}

/** Whether a UTF-16 code is an ASCII letter or digit. */
const isAsciiWord = (code: number) => code < 128 && ASCII_CLASS[code] !== 0;

/** The hashes of a text's runs, reused between texts: one pass over the text, then the filter sized for them. */
const RUN_HASHES = 4096;
let runHashes = new Int32Array(RUN_HASHES);

export function wordFilterOf(text: string): Uint8Array {
  let hashes = runHashes;
  let runs = 0;
  const length = text.length;
  for (let i = 0; i < length; ) {
    const code = text.charCodeAt(i);
    const kind = code < 128 ? ASCII_CLASS[code] : 0;
    if (kind === 0) {
      i++;
      continue;
    }
    // A run starts here (what precedes it is no ASCII word character): kept if it starts with a capital.
    if (kind === 1) {
      for (i++; i < length && isAsciiWord(text.charCodeAt(i)); ) i++;
      continue;
    }
    let hash = FNV_OFFSET;
    for (let c = code; ; ) {
      hash = step(hash, c);
      if (++i === length || !isAsciiWord((c = text.charCodeAt(i)))) break;
    }
    if (runs === hashes.length) {
      const grown = new Int32Array(runs * 2);
      grown.set(hashes);
      runHashes = hashes = grown;
    }
    hashes[runs++] = hash;
  }
  let bits = MIN_BITS;
  while (bits < runs * BITS_PER_RUN && bits < MAX_BITS) bits *= 2;
  const filter = new Uint8Array(bits / 8);
  for (let r = 0; r < runs; r++) setOrTest(filter, hashes[r], true);
  // A buffer grown for a large text (megabytes at the 10 MB limit) is not kept for the small ones after it.
  if (hashes.length > 64 * RUN_HASHES) runHashes = new Int32Array(RUN_HASHES);
  return filter;
}

/** False only when the text the filter was made of cannot hold `word` as a whole word. */
export function mayHoldWord(filter: Uint8Array, word: string): boolean {
  if (!CAPITALISED_ASCII_WORD.test(word)) return true;
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = step(hash, word.charCodeAt(i));
  return setOrTest(filter, hash, false);
}
