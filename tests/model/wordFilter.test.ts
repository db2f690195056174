// The filter kept beside a compressed text answers "may it hold this whole
// word?" for HM005's search of every document. A "no" must never be wrong,
// and it must say "no" to most absent words, or the search decompresses all.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsWord } from '../../server/src/model/nameMatcher';
import { mayHoldWord, wordFilterOf } from '../../server/src/model/wordFilter';

const PIECES = ['Enver', 'Hoxha', 'Enverë', 'Çarçani', 'x', 'X', 'Xoxe', '1960', 'Koçi', '𝔄𝔩', 'É', 'e\u0301', ' ', '-', '’', '\n', '{@hoxha}', '[', ']', '“', '.', '_'];
const WORDS = ['Enver', 'Hoxha', 'Xoxe', '1960', 'x', 'Koçi', 'Çarçani', 'É', 'Ver', 'Enverë', 'ENVER', 'hoxha', 'X1960'];

describe('word filter', () => {
  it('never says no where the text holds the word as a whole word', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.constantFrom(...WORDS), (parts, word) => {
        const text = parts.join('');
        if (containsWord(text, word)) expect(mayHoldWord(wordFilterOf(text), word)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('says no to almost every capitalised word a real transcript does not hold, at a small part of its size', () => {
    const text = readFileSync(new URL('../../../shared/corpus/hoxha-works-vol19-1960.txt', import.meta.url), 'utf8');
    const filter = wordFilterOf(text);
    expect(filter.length).toBeLessThan(text.length / 20);
    const absent = Array.from({ length: 2000 }, (_, i) => `Qz${i.toString(36)}vek`).filter((w) => !containsWord(text, w));
    expect(absent.length).toBe(2000);
    const maybes = absent.filter((w) => mayHoldWord(filter, w)).length;
    expect(maybes / absent.length).toBeLessThan(0.05);
    for (const present of ['Khrushchev', 'Tirana', 'Albania']) expect(mayHoldWord(filter, present)).toBe(true);
  });

  it('answers "may" for a word it cannot judge (not ASCII letters and digits after a capital)', () => {
    const filter = wordFilterOf('Nothing here.');
    expect(mayHoldWord(filter, 'Çarçani')).toBe(true);
    expect(mayHoldWord(filter, "O'Neil")).toBe(true);
    expect(mayHoldWord(filter, 'de')).toBe(true);
    expect(mayHoldWord(filter, 'Hoxha')).toBe(false);
    expect(mayHoldWord(filter, 'Nothing')).toBe(true);
  });
});
