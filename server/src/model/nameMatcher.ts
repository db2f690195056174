// Finds registered names in plain text (HM005): whole words, case-sensitive,
// longest match first, a run of white space in the text matching one space
// in the name. Names are stored in a trie of their tokens (words, spaces,
// other characters), so that text is read once, whatever the size of the
// registry or the number of names sharing a first word ("Party Committee of
// …"). An ASCII word is first checked against a bit set of hashed first
// words: the common words of the text cost no substring and no probe. Names
// are NFC (SPEC 1); a word of text is normalised only when it is not ASCII.

import { charLength, isWhitespace, isWordChar, isWordCharAt } from '../syntax/chars';
import type { Entity } from './entity';

export interface NameMatch {
  start: number;
  end: number;
  name: string;
  entity: Entity;
}

/** A trie node: the names that end here, and the next tokens. */
interface TokenNode {
  name?: string;
  entity?: Entity;
  next: Map<string, TokenNode>;
}

const FIRST_WORD = /^[\p{L}\p{M}\p{Nd}]+/u;
/** 1 for the ASCII word characters: the common case of the scan without a call. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (isWordChar(c) ? 1 : 0));
const FILTER_BITS = 1 << 20;
/** The token of a space in a name: it matches a run of white space. */
const SPACE = ' ';

/** The hash of the UTF-16 code units the filter is indexed by, computed incrementally as a word is scanned. */
function nextHash(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

/** A name's tokens: words, `SPACE`, and single other characters. */
function tokensOf(name: string): string[] {
  const tokens: string[] = [];
  for (let n = 0; n < name.length; ) {
    const end = isWordCharAt(name, n) ? endOfWord(name, n, name.length) : n + charLength(name, n);
    tokens.push(name.slice(n, end));
    n = end;
  }
  return tokens;
}

export class NameMatcher {
  private readonly root: TokenNode = { next: new Map() };
  /** Bits set by the hashes of the first words: a clear bit means no name starts with that (ASCII) word. */
  private readonly firstWords = new Uint32Array(FILTER_BITS / 32);

  constructor(claimsByName: Map<string, Entity[]>) {
    for (const [name, entities] of claimsByName) {
      // An ambiguous name (HM008) never matches, nor one of an entity marked `match: no`.
      if (new Set(entities.map((e) => e.id)).size !== 1 || entities.some((e) => !e.matchable)) continue;
      const first = firstWord(name);
      if (!first) continue;
      let node = this.root;
      for (const token of tokensOf(name)) {
        let child = node.next.get(token);
        if (!child) node.next.set(token, (child = { next: new Map() }));
        node = child;
      }
      node.name = name;
      node.entity = entities[0];
      let hash = 0;
      for (let i = 0; i < first.length; i++) hash = nextHash(hash, first.charCodeAt(i));
      const bit = hash & (FILTER_BITS - 1);
      this.firstWords[bit >>> 5] |= 1 << (bit & 31);
    }
  }

  get isEmpty(): boolean {
    return this.root.next.size === 0;
  }

  /** Appends the matches in `text` between `start` and `end` to `out` (an array, not a generator: it runs once a plain-text range). */
  matchesInto(text: string, start: number, end: number, out: NameMatch[]): void {
    const firstWords = this.firstWords;
    let p = start;
    while (p < end) {
      // Every position reached follows a character that is not a word's (or is `start`): a word character starts a word.
      let c = text.charCodeAt(p);
      if (c < 128 ? ASCII_WORD[c] === 0 : !isWordCharAt(text, p)) {
        p++;
        continue;
      }
      // One pass over the word finds its end and, for an ASCII word (never changed by NFC), its hash.
      let wordEnd = p;
      let hash = 0;
      let ascii = true;
      while (wordEnd < end) {
        if (c < 128) {
          if (ASCII_WORD[c] === 0) break;
        } else if (isWordCharAt(text, wordEnd)) {
          ascii = false;
        } else break;
        hash = nextHash(hash, c);
        c = text.charCodeAt(++wordEnd);
      }
      const bit = hash & (FILTER_BITS - 1);
      const match = ascii && (firstWords[bit >>> 5] & (1 << (bit & 31))) === 0 ? undefined : this.longestAt(text, p, end);
      if (match) {
        out.push(match);
        p = match.end;
      } else {
        p = wordEnd;
      }
    }
  }

  /** The longest name matched from the word start `p`, ending on a word boundary. */
  private longestAt(text: string, p: number, end: number): NameMatch | undefined {
    let node: TokenNode | undefined = this.root;
    let found: NameMatch | undefined;
    let t = p;
    while (t < end) {
      const c = text.charCodeAt(t);
      if (isWordCharAt(text, t)) {
        // Whole words are compared, so that a decomposed word in the text matches.
        const wordEnd = endOfWord(text, t, end);
        node = node.next.get(nfc(text.slice(t, wordEnd)));
        t = wordEnd;
      } else if (isWhitespace(c) && node.next.has(SPACE)) {
        node = node.next.get(SPACE);
        while (t < end && isWhitespace(text.charCodeAt(t))) t++;
      } else {
        // Other characters are tokens of their own, a surrogate pair one token.
        const length = charLength(text, t);
        node = node.next.get(text.slice(t, t + length));
        t += length;
      }
      if (!node) break;
      if (node.entity) found = { start: p, end: t, name: node.name!, entity: node.entity };
    }
    return found;
  }
}

function endOfWord(text: string, start: number, end: number): number {
  let p = start;
  while (p < end && isWordCharAt(text, p)) p++;
  return p;
}

const ASCII = /^[\x00-\x7f]*$/;

/** NFC, skipping the (common) ASCII words that it cannot change. */
export function nfc(word: string): string {
  return ASCII.test(word) ? word : word.normalize('NFC');
}

/** The word a name is looked up by; undefined when it has none (it can never match). */
export function firstWord(name: string): string | undefined {
  return FIRST_WORD.exec(name)?.[0];
}

/** Whether `text` holds `word` (NFC) as a whole word: where a name starting with it can match. */
export function containsWord(text: string, word: string): boolean {
  const haystack = ASCII.test(word) ? text : text.normalize('NFC');
  const isBoundary = (at: number) => at < 0 || at >= haystack.length || !isWordCharAt(haystack, at);
  for (let at = haystack.indexOf(word); at !== -1; at = haystack.indexOf(word, at + 1)) {
    if (isBoundary(at - 1) && isBoundary(at + word.length)) return true;
  }
  return false;
}
