// Character classes of SPEC.md section 1 and 5, with an ASCII fast path:
// these run once per character of every document.

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const DIGIT = /\p{Nd}/u;

// Classes of BMP characters, filled on first use: a regex test per
// non-ASCII character would dominate parsing time. Astral characters
// (Gothic, CJK Extension B, mathematical letters) are classified by code
// point, never by one half of their surrogate pair.
const UNKNOWN = 0;
const LETTER = 1;
const DIGIT_CLASS = 2;
const OTHER = 3;
const classes = new Uint8Array(65536);
const astralClasses = new Map<number, number>();

function classify(codePoint: number): number {
  const ch = String.fromCodePoint(codePoint);
  return LETTER_OR_MARK.test(ch) ? LETTER : DIGIT.test(ch) ? DIGIT_CLASS : OTHER;
}

/** The class of a code point; a lone surrogate is OTHER. */
function classOf(code: number): number {
  if (code > 0xffff) {
    let c = astralClasses.get(code);
    if (c === undefined) astralClasses.set(code, (c = classify(code)));
    return c;
  }
  let c = classes[code];
  if (c === UNKNOWN) classes[code] = c = classify(code);
  return c;
}

/** Whether a code point (or a BMP code unit) is a word character: a letter, mark or decimal digit. */
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

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The code point of the character the UTF-16 unit at `p` belongs to: either
 * half of a surrogate pair gives the pair's code point, so both halves are
 * always classified alike and no word boundary falls between them.
 */
export function codePointOf(text: string, p: number): number {
  const code = text.charCodeAt(p);
  if (isHighSurrogate(code)) {
    const low = text.charCodeAt(p + 1);
    return isLowSurrogate(low) ? (code - 0xd800) * 0x400 + low - 0xdc00 + 0x10000 : code;
  }
  if (isLowSurrogate(code) && p > 0) {
    const high = text.charCodeAt(p - 1);
    return isHighSurrogate(high) ? (high - 0xd800) * 0x400 + code - 0xdc00 + 0x10000 : code;
  }
  return code;
}

/** The code point of the character that ends just before `p` (NaN at 0). */
export function codePointBefore(text: string, p: number): number {
  return p > 0 ? codePointOf(text, p - 1) : NaN;
}

/** The number of UTF-16 units of the character starting at `p` (2 for a surrogate pair). */
export function charLength(text: string, p: number): number {
  return isHighSurrogate(text.charCodeAt(p)) && isLowSurrogate(text.charCodeAt(p + 1)) ? 2 : 1;
}

/** Whether the character the unit at `p` belongs to is a word character. */
export function isWordCharAt(text: string, p: number): boolean {
  const code = text.charCodeAt(p);
  return code < 0xd800 || code > 0xdfff ? isWordChar(code) : isWordChar(codePointOf(text, p));
}

/** A character that can continue an id: letters, digits, `_`, `-`. */
export function isIdChar(code: number): boolean {
  return code === 95 || code === 45 || isWordChar(code);
}

function isIdCharAt(text: string, p: number): boolean {
  const code = text.charCodeAt(p);
  return code === 95 || code === 45 || isWordCharAt(text, p);
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
  if (start >= end || !isWordCharAt(text, start) || isLowSurrogate(text.charCodeAt(start))) return start;
  let p = start + 1;
  while (p < end && isIdCharAt(text, p)) p++;
  // An id never ends between the halves of a surrogate pair.
  if (p < text.length && isLowSurrogate(text.charCodeAt(p)) && isHighSurrogate(text.charCodeAt(p - 1))) p--;
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
