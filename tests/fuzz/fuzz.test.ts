// The fuzz suite at a modest size (npm test); `npm run fuzz` runs the same
// cases at 200,000 (bench/fuzz.mjs). A failure prints the seed and a
// minimal reproducer.

import { describe, expect, it } from 'vitest';
import { shrink } from './checks';
import { describeFailure, runFuzz } from './run';

describe('fuzz', () => {
  // A few seconds on an idle machine; the limit only keeps a loaded one from failing it (nothing is timed).
  it('2,000 random documents and edit sequences: no throw, ranges in bounds and whole, lossless, re-parse equals parse', { timeout: 180_000 }, () => {
    const result = runFuzz(20261201, 2000);
    expect(describeFailure(result)).toBe('no failure');
    expect(result.count).toBe(2000);
  });

  it('shrinks a failing case to a minimal reproducer', () => {
    // A stand-in failure: any text holding "<!--" and "x" fails; shrinking keeps only those.
    const minimal = shrink({ text: 'abc <!-- def x ghi\n\njkl', edits: [] }, (c) => c.text.includes('<!--') && c.text.includes('x'));
    expect(minimal.text).toMatch(/^(<!--x|x<!--)$/);
  });
});
