// The line layer of the parser: comments blanked out (SPEC 1: removed
// before anything else), lines split and classified, block starts.

import { isWhitespace } from './chars';
import { isDefinitionStart } from './fields';
import type { SyntaxTree } from './types';

/** What a comment character (or a BOM) becomes in the masked text. */
export const NUL = '\0';
/** What a NUL of the source becomes in the masked text: a character, not a comment. */
const SOURCE_NUL = '\uFFFD';

/**
 * Replaces every comment character (and a BOM) with NUL, keeping offsets;
 * a NUL that the source itself holds becomes U+FFFD, so that NUL in the
 * masked text always means "comment".
 */
export function maskComments(text: string, tree: SyntaxTree): string {
  let open = text.indexOf('<!--');
  const bom = text.charCodeAt(0) === 0xfeff;
  const sourceNul = text.includes(NUL);
  if (open === -1 && !bom && !sourceNul) return text;
  const parts: string[] = [];
  let from = 0;
  if (bom) {
    parts.push(NUL);
    from = 1;
  }
  while (open !== -1) {
    const close = text.indexOf('-->', open + 4);
    if (close === -1) {
      tree.problems.push({ start: open, end: open + 4, message: 'This comment is never closed: end it with `-->`.' });
      break;
    }
    const end = close + 3;
    tree.comments.push({ start: open, end });
    parts.push(text.slice(from, open), NUL.repeat(end - open));
    from = end;
    open = text.indexOf('<!--', end);
  }
  parts.push(text.slice(from));
  const masked = parts.join('');
  if (!sourceNul) return masked;
  // Comment characters are NUL already; only the source's own NULs are left to replace.
  let out = '';
  let last = 0;
  for (let p = text.indexOf(NUL); p !== -1; p = text.indexOf(NUL, p + 1)) {
    if (masked.charCodeAt(p) === 0 && !inComment(tree, p)) {
      out += masked.slice(last, p) + SOURCE_NUL;
      last = p + 1;
    }
  }
  return out + masked.slice(last);
}

function inComment(tree: SyntaxTree, p: number): boolean {
  // Comments are few and sorted; this runs only for the rare NUL of a source.
  let low = 0;
  let high = tree.comments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tree.comments[mid].end <= p) low = mid + 1;
    else high = mid;
  }
  return low < tree.comments.length && tree.comments[low].start <= p;
}

/**
 * The source text from `start` to `end` with comments as spaces, sliced
 * from the source, so that the strings of the tree never keep the masked
 * copy of a document alive.
 */
export function unmasked(masked: string, source: string, start: number, end: number): string {
  const raw = masked.slice(start, end);
  if (!raw.includes(NUL)) return source.slice(start, end);
  let out = '';
  for (let p = start; p < end; p++) out += masked.charCodeAt(p) === 0 ? ' ' : source[p];
  return out;
}

export interface Line {
  start: number;
  /** End of content, before its line break (`\r\n`, `\n` or `\r`). */
  end: number;
  /** Start of the next line. */
  next: number;
  /** Source content with comments (and a BOM) removed. */
  text: string;
  /** `blank` lines end paragraphs; `comment` lines (only comments) are transparent. */
  state: 'blank' | 'comment' | 'content';
  indent: number;
}

/**
 * Calls `line(start, end, next)` for every line of `text`: a line ends at
 * LF, CRLF or a lone CR (as LSP counts lines). Each search for a CR is kept
 * until passed, so a text with no CR is not searched again for every line.
 */
export function forEachLine(text: string, line: (start: number, end: number, next: number) => void): void {
  let start = 0;
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  for (;;) {
    if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
    if (lf === -1 && cr === -1) {
      line(start, text.length, text.length);
      return;
    }
    const end = cr === -1 ? lf : lf === -1 ? cr : Math.min(lf, cr);
    const next = end === cr && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    line(start, end, next);
    start = next;
  }
}

export function splitLines(masked: string, source: string): Line[] {
  const lines: Line[] = [];
  forEachLine(masked, (start, end, next) => {
    const hasComment = masked.slice(start, end).includes(NUL);
    let text = source.slice(start, end);
    if (hasComment) {
      text = '';
      for (let p = start; p < end; p++) if (masked.charCodeAt(p) !== 0) text += source[p];
    }
    const trimmed = text.trimStart();
    const state = trimmed === '' ? (hasComment ? 'comment' : 'blank') : 'content';
    let indent = text.length - trimmed.length;
    if (text.startsWith('\t')) indent = Math.max(indent, 2);
    lines.push({ start, end, next, text, state, indent });
  });
  // A final line break ends the last line; it does not start an empty one.
  if (lines.length > 1 && lines[lines.length - 1].start === masked.length) lines.pop();
  return lines;
}

/**
 * Maps an index of `line.text` (comments removed) to its offset in the
 * document; the index `line.text.length` maps to the line's end.
 */
export function lineOffsets(masked: string, line: Line): (index: number) => number {
  if (line.text.length === line.end - line.start) return (index) => line.start + index;
  const offsets: number[] = [];
  for (let p = line.start; p < line.end; p++) if (masked.charCodeAt(p) !== 0) offsets.push(p);
  return (index) => (index < offsets.length ? offsets[index] : line.end);
}

export const HEADING = /^(#{1,6})[ \t]+/;
export const FOOTNOTE_DEFINITION = /^\[\^([A-Za-z0-9_-]+)\]:/;
export const BLOCK_QUOTE = /^ {0,3}>/;

export function startsBlock(line: Line): boolean {
  const t = line.text;
  return HEADING.test(t) || isDefinitionStart(t) || FOOTNOTE_DEFINITION.test(t) || BLOCK_QUOTE.test(t);
}

/** Offset in the masked line where `text` (comments removed) starts. */
export function contentOffset(masked: string, line: Line): number {
  let p = line.start;
  while (p < line.end && (masked[p] === NUL || isWhitespace(masked.charCodeAt(p)))) p++;
  return p;
}
