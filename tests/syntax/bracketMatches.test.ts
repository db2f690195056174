// BracketMatches jumps between brackets with indexOf and remembers searches
// that ran past a segment's end: whatever the segments, it must pair the
// brackets as one left-to-right pass with a stack does.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BracketMatches } from '../../server/src/syntax/braceGroups';

/** The plain reading: each `]` closes the innermost open `[`; a backslash escapes the next code unit. */
function expected(text: string, start: number, end: number): Map<number, { close: number; nested: boolean }> {
  const result = new Map<number, { close: number; nested: boolean }>();
  const open: number[] = [];
  for (let q = start; q < end; q++) {
    const c = text[q];
    if (c === '\\') q++;
    else if (c === '[') {
      if (open.length > 0) result.get(open[open.length - 1])!.nested = true;
      result.set(q, { close: -1, nested: false });
      open.push(q);
    } else if (c === ']' && open.length > 0) result.get(open.pop()!)!.close = q;
  }
  return result;
}

describe('BracketMatches', () => {
  it('pairs the brackets of each segment as a pass with a stack does, segment after segment', () => {
    const piece = fc.constantFrom('[', ']', '\\', 'a', 'bc', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.array(fc.nat(60), { maxLength: 6 }), (pieces, cuts) => {
        const text = pieces.join('');
        const bounds = [...new Set([0, ...cuts.map((c) => Math.min(c, text.length)), text.length])].sort((a, b) => a - b);
        const matches = new BracketMatches();
        for (let i = 0; i + 1 < bounds.length; i++) {
          const [start, end] = [bounds[i], bounds[i + 1]];
          matches.match(text, start, end);
          for (const [at, { close, nested }] of expected(text, start, end)) {
            expect(matches.closeOf(at)).toBe(close);
            expect(matches.nested(at)).toBe(nested);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('answers for a second text, not from the first one’s searches', () => {
    const matches = new BracketMatches();
    matches.match('ab [c] d', 0, 8);
    expect(matches.closeOf(3)).toBe(5);
    matches.match('[x]', 0, 3);
    expect(matches.closeOf(0)).toBe(2);
  });
});
