// Character classes of SPEC.md section 1 and 5, with an ASCII fast path:
// these run once per character of every document.

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const DIGIT = /\p{Nd}/u;

// Classes of UTF-16 code units, filled on first use: a regex test per
// non-ASCII character would dominate parsing time.
const UNKNOWN = 0;
const LETTER = 1;
const DIGIT_CLASS = 2;
const OTHER = 3;
const classes = new Uint8Array(65536);

function classOf(code: number): number {
  let c = classes[code];
  if (c === UNKNOWN) {
    const ch = String.fromCharCode(code);
    c = LETTER_OR_MARK.test(ch) ? LETTER : DIGIT.test(ch) ? DIGIT_CLASS : OTHER;
    classes[code] = c;
  }
  return c;
}

export function isWordChar(code: number): boolean {
  if (code < 128) {
    return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  }
  return classOf(code) !== OTHER;
}

export function isLetter(code: number): boolean {
  if (code < 128) return (code | 32) >= 97 && (code | 32) <= 122;
  return classOf(code) === LETTER;
}

/** A character that can continue an id: letters, digits, `_`, `-`. */
export function isIdChar(code: number): boolean {
  return code === 95 || code === 45 || isWordChar(code);
}

export function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x3000;
}

/**
 * Scans an id starting at `start` (SPEC 5: a letter or digit, then letters,
 * digits, `_` or `-`; a trailing `-` or `_` is not part of it).
 * Returns the end offset, or `start` when there is no id.
 */
export function scanId(text: string, start: number, end: number): number {
  if (start >= end || !isWordChar(text.charCodeAt(start))) return start;
  let p = start + 1;
  while (p < end && isIdChar(text.charCodeAt(p))) p++;
  while (p > start + 1 && (text.charCodeAt(p - 1) === 45 || text.charCodeAt(p - 1) === 95)) p--;
  return p;
}

const sharedIds = new Map<string, string>();

/**
 * One shared copy of each id read from a text. Ids repeat across thousands
 * of mentions, and an id sliced from a document would keep the document's
 * text (or its comment-masked copy) alive for as long as its tree lives.
 */
export function sharedId(id: string): string {
  let shared = sharedIds.get(id);
  if (shared === undefined) {
    // A fresh string, not a slice of the text the id was read from.
    shared = JSON.parse(JSON.stringify(id)) as string;
    sharedIds.set(shared, shared);
  }
  return shared;
}

const ID_PATTERN = /^[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd}_-]*$/u;

/** Whether `id` is a valid entity id (for rename and new entities). */
export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id) && !/[-_]$/.test(id);
}
