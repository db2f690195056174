// Where two versions of a text differ: the common start and end, found a
// chunk at a time (compared natively), then character by character.
// A keystroke's two texts are diffed by the re-parse, the typing guard and
// HM005's rescan: the last answer is kept for the next to ask.

const CHUNK = 1024;

export function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p + CHUNK <= max && a.slice(p, p + CHUNK) === b.slice(p, p + CHUNK)) p += CHUNK;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** The length of the common end of `a` and `b`, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  let s = 0;
  while (s + CHUNK <= max && a.slice(a.length - s - CHUNK, a.length - s) === b.slice(b.length - s - CHUNK, b.length - s)) s += CHUNK;
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
