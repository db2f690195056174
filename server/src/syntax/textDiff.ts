// Where two versions of a text differ: the common start and end.
// A keystroke's two texts are diffed by the re-parse, the typing guard and
// HM005's rescan: the last answer is kept for the next to ask.

/** Runs shorter than this are compared character by character. */
const SMALLEST_RUN = 64;

// Runs of equal text are compared natively: doubling while they match, then
// halving down to the first difference (a few dozen comparisons, where
// fixed 1 KB chunks took hundreds of slices for an edit mid-volume).
export function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  const equal = (p: number, n: number) => p + n <= max && a.slice(p, p + n) === b.slice(p, p + n);
  let p = 0;
  let run = SMALLEST_RUN;
  for (; equal(p, run); run *= 2) p += run;
  for (run /= 2; run >= SMALLEST_RUN; run /= 2) if (equal(p, run)) p += run;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** The length of the common end of `a` and `b`, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  const equal = (s: number, n: number) => s + n <= max && a.slice(a.length - s - n, a.length - s) === b.slice(b.length - s - n, b.length - s);
  let s = 0;
  let run = SMALLEST_RUN;
  for (; equal(s, run); run *= 2) s += run;
  for (run /= 2; run >= SMALLEST_RUN; run /= 2) if (equal(s, run)) s += run;
  while (s < max && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return s;
}

/** The edit that turns `before` into `after`: `[start, oldEnd)` became `[start, newEnd)`. */
export interface TextEdit {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

let last: { before: string; after: string; edit: TextEdit } | undefined;

export function changedRange(before: string, after: string): TextEdit {
  // The same string objects compare at once; others of different lengths too.
  if (last !== undefined && last.before === before && last.after === after) return last.edit;
  const start = commonPrefix(before, after);
  const suffix = commonSuffix(before, after, Math.min(before.length, after.length) - start);
  const edit = { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
  last = { before, after, edit };
  return edit;
}
