// Lookups in the tree's lists, which are sorted by start offset: the items
// that start within a range, found by binary search, so that a walk over a
// long document's paragraphs reads each item a bounded number of times.

import type { Span } from '../syntax/types';

/** Index of the first item of `list` that starts at or after `offset`. */
export function lowerBound(list: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items that start in [from, to). */
export function startingIn<T extends Span>(list: readonly T[], from: number, to: number): T[] {
  const out: T[] = [];
  for (let i = lowerBound(list, from); i < list.length && list[i].start < to; i++) out.push(list[i]);
  return out;
}
