// A Bloom filter of the words of a text, kept beside a compressed text so
// that the one question asked of every document in the workspace — which
// ones hold a newly claimed name's first word (HM005) — is answered without
// decompressing them all. It holds the maximal runs of ASCII letters and
// digits: a whole-word occurrence of an ASCII word is bounded by characters
// that are not word characters, so it is such a run, and a filter that says
// no is always right. Any other word gets a "may" and the text is searched.

import { isWordChar } from '../syntax/chars';

const ASCII_WORD = /^[0-9A-Za-z]+$/;
/** Filter bits for each run of word characters in the text: most runs repeat, so about ten bits a distinct word. */
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

/** The hashes of a text's runs, reused between texts: one pass over the text, then the filter sized for them. */
const RUN_HASHES = 4096;
let runHashes = new Int32Array(RUN_HASHES);

export function wordFilterOf(text: string): Uint8Array {
  let runs = 0;
  let hash = FNV_OFFSET;
  let inRun = false;
  // One past the end: the sentinel 0 closes a run the text ends with.
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    if (code < 128 && isWordChar(code)) {
      hash = step(inRun ? hash : FNV_OFFSET, code);
      inRun = true;
    } else if (inRun) {
      if (runs === runHashes.length) {
        const grown = new Int32Array(runs * 2);
        grown.set(runHashes);
        runHashes = grown;
      }
      runHashes[runs++] = hash;
      inRun = false;
    }
  }
  let bits = MIN_BITS;
  while (bits < runs * BITS_PER_RUN && bits < MAX_BITS) bits *= 2;
  const filter = new Uint8Array(bits / 8);
  for (let r = 0; r < runs; r++) setOrTest(filter, runHashes[r], true);
  // A buffer grown for a large text (megabytes at the 10 MB limit) is not kept for the small ones after it.
  if (runHashes.length > 64 * RUN_HASHES) runHashes = new Int32Array(RUN_HASHES);
  return filter;
}

/** False only when the text the filter was made of cannot hold `word` as a whole word. */
export function mayHoldWord(filter: Uint8Array, word: string): boolean {
  if (!ASCII_WORD.test(word)) return true;
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = step(hash, word.charCodeAt(i));
  return setOrTest(filter, hash, false);
}
