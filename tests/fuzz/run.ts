// The fuzz run: `count` seeded cases (a random document and a random
// sequence of edits), each checked; the first failure is shrunk to a
// minimal reproducer. Used by tests/fuzz/fuzz.test.ts (a few thousand
// cases) and bench/fuzz.mjs (`npm run fuzz`, 200,000).

import { type FuzzCase, failureOf, shrink } from './checks';
import { applyEdit, Random, randomDocument, randomEdit } from './generate';

export interface FuzzFailure {
  /** The case number (0-based) that failed first. */
  index: number;
  message: string;
  minimal: FuzzCase;
}

export interface FuzzResult {
  seed: number;
  count: number;
  characters: number;
  edits: number;
  failure?: FuzzFailure;
}

/** Case `index` of the run seeded `seed`: the same pair always gives the same case. */
export function fuzzCase(seed: number, index: number): FuzzCase {
  const random = new Random(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + index * 0x27d4eb2f);
  const text = randomDocument(random, random.chance(0.1) ? 300 : 60);
  const edits = [];
  let current = text;
  for (let k = random.below(6); k >= 0; k--) {
    const edit = randomEdit(random, current);
    edits.push(edit);
    current = applyEdit(current, edit);
  }
  return { text, edits };
}

export function runFuzz(seed: number, count: number, progress?: (done: number) => void): FuzzResult {
  const result: FuzzResult = { seed, count: 0, characters: 0, edits: 0 };
  for (let index = 0; index < count; index++) {
    const current = fuzzCase(seed, index);
    const message = failureOf(current);
    result.count++;
    result.characters += current.text.length;
    result.edits += current.edits.length;
    if (message !== undefined) {
      const minimal = shrink(current);
      result.failure = { index, message: failureOf(minimal) ?? message, minimal };
      return result;
    }
    if (progress && (index + 1) % 10000 === 0) progress(index + 1);
  }
  return result;
}

/** A failure as text to paste into a regression test. */
export function describeFailure(result: FuzzResult): string {
  const failure = result.failure;
  if (!failure) return 'no failure';
  return [
    `case ${failure.index} of seed ${result.seed}: ${failure.message}`,
    `minimal reproducer: ${JSON.stringify(failure.minimal)}`,
  ].join('\n');
}
