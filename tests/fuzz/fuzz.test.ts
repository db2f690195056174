// The fuzz suite at a modest size (npm test); `npm run fuzz` runs the same
// cases at 200,000 (bench/fuzz.mjs). A failure prints the seed and a
// minimal reproducer.

import { describe, expect, it } from 'vitest';
import { describeFailure, runFuzz } from './run';

describe('fuzz', () => {
  it('3,000 random documents and edit sequences: no throw, ranges in bounds and whole, lossless, re-parse equals parse', () => {
    const result = runFuzz(20261201, 3000);
    expect(describeFailure(result)).toBe('no failure');
    expect(result.count).toBe(3000);
  });
});
