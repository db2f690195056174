// changedRange must give the longest common start and end of two texts,
// however long the equal runs (they are compared in doubling and halving
// runs), and the same answer when asked again for the same two texts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedRange, commonPrefix, commonSuffix } from '../../server/src/syntax/textDiff';

function naivePrefix(a: string, b: string): number {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  return p;
}

function naiveSuffix(a: string, b: string, max: number): number {
  let s = 0;
  while (s < max && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return s;
}

// Long texts of few letters: equal runs of every length, and edits that slide (`aa` → `aaa`).
const text = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'b', '“'), maxLength: 40 }), fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 40 }).map((s) => s.repeat(150)));
const edit = fc.record({ at: fc.nat(), remove: fc.nat(70), insert: fc.string({ unit: fc.constantFrom('a', 'b', '\n'), maxLength: 70 }) });

describe('changedRange', () => {
  it('finds the longest common start and end of a text and its edit', () => {
    fc.assert(
      fc.property(text, edit, (before, { at, remove, insert }) => {
        const from = at % (before.length + 1);
        const after = before.slice(0, from) + insert + before.slice(from + remove);
        const start = naivePrefix(before, after);
        const suffix = naiveSuffix(before, after, Math.min(before.length, after.length) - start);
        expect(commonPrefix(before, after)).toBe(start);
        expect(commonSuffix(before, after, Math.min(before.length, after.length) - start)).toBe(suffix);
        const expected = { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
        expect(changedRange(before, after)).toEqual(expected);
        expect(changedRange(before, after)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('answers for the texts asked, not the last ones', () => {
    expect(changedRange('abc', 'abxc')).toEqual({ start: 2, oldEnd: 2, newEnd: 3 });
    expect(changedRange('abc', 'xabc')).toEqual({ start: 0, oldEnd: 0, newEnd: 1 });
    expect(changedRange('abxc', 'abc')).toEqual({ start: 2, oldEnd: 3, newEnd: 2 });
  });
});
