// The line layer of the parser: comments blanked out (SPEC 1: removed
// before anything else), lines split and classified, block starts.

import { isWhitespace } from './chars';
import { isDefinitionStart } from './fields';
import type { SyntaxTree } from './types';

export const NUL = '\0';

/** Replaces every comment character (and a BOM) with NUL, keeping offsets. */
export function maskComments(text: string, tree: SyntaxTree): string {
  let open = text.indexOf('<!--');
  if (open === -1 && text.charCodeAt(0) !== 0xfeff) return text;
  const parts: string[] = [];
  let from = 0;
  if (text.charCodeAt(0) === 0xfeff) {
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
  return parts.join('');
}

/**
 * The text from `start` to `end` with comments as spaces. Sliced from the
 * source when no comment is there, so that the strings of the tree never
 * keep the masked copy of a document alive.
 */
export function unmasked(masked: string, source: string, start: number, end: number): string {
  const raw = masked.slice(start, end);
  return raw.includes(NUL) ? raw.replaceAll(NUL, ' ') : source.slice(start, end);
}

export interface Line {
  start: number;
  /** End of content, before `\r\n` or `\n`. */
  end: number;
  /** Start of the next line. */
  next: number;
  /** Content with comments removed. */
  text: string;
  /** `blank` lines end paragraphs; `comment` lines (only comments) are transparent. */
  state: 'blank' | 'comment' | 'content';
  indent: number;
}

export function splitLines(masked: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= masked.length) {
    const newline = masked.indexOf('\n', start);
    const next = newline === -1 ? masked.length + 1 : newline + 1;
    let end = newline === -1 ? masked.length : newline;
    if (end > start && masked.charCodeAt(end - 1) === 13) end--;
    const raw = masked.slice(start, end);
    const hasComment = raw.includes(NUL);
    const text = hasComment ? raw.replaceAll(NUL, '') : raw;
    const trimmed = text.trimStart();
    const state = trimmed === '' ? (hasComment ? 'comment' : 'blank') : 'content';
    let indent = text.length - trimmed.length;
    if (text.startsWith('\t')) indent = Math.max(indent, 2);
    lines.push({ start, end, next: Math.min(next, masked.length), text, state, indent });
    if (newline === -1) break;
    start = next;
  }
  // A final line break ends the last line; it does not start an empty one.
  if (lines.length > 1 && lines[lines.length - 1].start === masked.length) lines.pop();
  return lines;
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
