// Finds registered names in plain text (HM005): whole words, case-sensitive,
// longest match first, a run of white space in the text matching one space
// in the name. Names are looked up by their first word, so the cost is one
// map probe per word of text, whatever the size of the registry. Names are
// NFC (SPEC 1); a word of text is normalised only when it is not ASCII.

import { isWhitespace, isWordChar } from '../syntax/chars';
import type { Entity } from './entity';

export interface NameMatch {
  start: number;
  end: number;
  name: string;
  entity: Entity;
}

interface Candidate {
  name: string;
  entity: Entity;
}

const FIRST_WORD = /^[\p{L}\p{M}\p{Nd}]+/u;

export class NameMatcher {
  private readonly byFirstWord = new Map<string, Candidate[]>();

  constructor(claimsByName: Map<string, Entity[]>) {
    for (const [name, entities] of claimsByName) {
      if (new Set(entities.map((e) => e.id)).size !== 1) continue;
      const first = firstWord(name);
      if (!first) continue;
      const list = this.byFirstWord.get(first) ?? [];
      list.push({ name, entity: entities[0] });
      this.byFirstWord.set(first, list);
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.name.length - a.name.length);
  }

  get isEmpty(): boolean {
    return this.byFirstWord.size === 0;
  }

  /** Matches in `text` between `start` and `end`. */
  *matches(text: string, start: number, end: number): IterableIterator<NameMatch> {
    let p = start;
    while (p < end) {
      if (!isWordChar(text.charCodeAt(p)) || (p > start && isWordChar(text.charCodeAt(p - 1)))) {
        p++;
        continue;
      }
      const wordEnd = endOfWord(text, p, end);
      const candidates = this.byFirstWord.get(nfc(text.slice(p, wordEnd)));
      let matched: NameMatch | undefined;
      for (const candidate of candidates ?? []) {
        const matchEnd = matchAt(text, p, end, candidate.name);
        if (matchEnd !== -1) {
          matched = { start: p, end: matchEnd, name: candidate.name, entity: candidate.entity };
          break;
        }
      }
      if (matched) {
        yield matched;
        p = matched.end;
      } else {
        p = wordEnd;
      }
    }
  }
}

/** End of `name` matched at `p`, ending on a word boundary, or -1. */
function matchAt(text: string, p: number, end: number, name: string): number {
  let t = p;
  let n = 0;
  while (n < name.length) {
    const c = name.charCodeAt(n);
    if (t >= end) return -1;
    if (c === 32) {
      if (!isWhitespace(text.charCodeAt(t))) return -1;
      while (t < end && isWhitespace(text.charCodeAt(t))) t++;
      n++;
    } else if (isWordChar(c)) {
      // Whole words are compared, so that a decomposed word in the text matches.
      const nameWordEnd = endOfWord(name, n, name.length);
      const wordEnd = endOfWord(text, t, end);
      if (nfc(text.slice(t, wordEnd)) !== name.slice(n, nameWordEnd)) return -1;
      t = wordEnd;
      n = nameWordEnd;
    } else {
      if (text.charCodeAt(t) !== c) return -1;
      t++;
      n++;
    }
  }
  if (t < end && isWordChar(text.charCodeAt(t)) && isWordChar(name.charCodeAt(name.length - 1))) return -1;
  return t;
}

function endOfWord(text: string, start: number, end: number): number {
  let p = start;
  while (p < end && isWordChar(text.charCodeAt(p))) p++;
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
  const isBoundary = (at: number) => at < 0 || at >= haystack.length || !isWordChar(haystack.charCodeAt(at));
  for (let at = haystack.indexOf(word); at !== -1; at = haystack.indexOf(word, at + 1)) {
    if (isBoundary(at - 1) && isBoundary(at + word.length)) return true;
  }
  return false;
}
