// Finds registered names in plain text (HM005): whole words, case-sensitive,
// longest match first, a run of white space in the text matching one space
// in the name. Names are looked up by their first word, so the cost is one
// map probe per word of text, whatever the size of the registry.

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
      const first = FIRST_WORD.exec(name)?.[0];
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
      let wordEnd = p + 1;
      while (wordEnd < end && isWordChar(text.charCodeAt(wordEnd))) wordEnd++;
      const candidates = this.byFirstWord.get(text.slice(p, wordEnd));
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
  for (let n = 0; n < name.length; n++) {
    const c = name.charCodeAt(n);
    if (t >= end) return -1;
    if (c === 32) {
      if (!isWhitespace(text.charCodeAt(t))) return -1;
      while (t < end && isWhitespace(text.charCodeAt(t))) t++;
      continue;
    }
    if (text.charCodeAt(t) !== c) return -1;
    t++;
  }
  if (t < end && isWordChar(text.charCodeAt(t)) && isWordChar(name.charCodeAt(name.length - 1))) return -1;
  return t;
}
