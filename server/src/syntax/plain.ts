// The plain text HM005 reads (SPEC 1): each range of `tree.plainText` with
// the markup that takes no room — comments, `{pb…}`, `{gap…}` — removed,
// so that `Ho{pb 7}xha` reads `Hoxha`, and a map back to the source, so
// that a name found there is reported on exactly the text it covers.

import { lastAtOrBefore } from './positions';
import type { ApparatusKind, Span, SyntaxTree } from './types';

/** Marks that take no room for word rules, the straight-quote rule and HM005 (SPEC 1); comments take none either. */
export function isTransparent(kind: ApparatusKind): boolean {
  return kind === 'pb' || kind === 'gap';
}

/**
 * The comments, page breaks and gaps of a tree that lie in each of a
 * sequence of ranges given in order: two cursors, one over the comments and
 * one over the apparatus, so that no merged list is built per scan.
 */
export class TransparentSpans {
  private comment = 0;
  private mark = 0;

  constructor(private readonly tree: SyntaxTree) {}

  /** The spans overlapping `start`–`end`, sorted; ranges must come in order. */
  in(start: number, end: number): Span[] {
    const { comments, apparatus } = this.tree;
    while (this.comment < comments.length && comments[this.comment].end <= start) this.comment++;
    // Page breaks and gaps never nest, so their ends rise with their starts; other marks are passed over.
    while (this.mark < apparatus.length && (!isTransparent(apparatus[this.mark].kind) || apparatus[this.mark].end <= start)) this.mark++;
    const hasComment = this.comment < comments.length && comments[this.comment].start < end;
    const hasMark = this.mark < apparatus.length && apparatus[this.mark].start < end;
    if (!hasComment && !hasMark) return NONE;
    const spans: Span[] = [];
    for (let c = this.comment; c < comments.length && comments[c].start < end; c++) spans.push(comments[c]);
    for (let a = this.mark; a < apparatus.length && apparatus[a].start < end; a++) if (isTransparent(apparatus[a].kind)) spans.push(apparatus[a]);
    return hasComment && hasMark ? spans.sort((a, b) => a.start - b.start) : spans;
  }
}

const NONE: Span[] = [];

/** A plain-text range read with what takes no room removed. */
export interface PlainRun {
  text: string;
  /** The source offset of each index of `text`. */
  offsetOf(index: number): number;
}

/**
 * Reads the plain-text range `start`–`end` of `source` without `holes`
 * (the transparent spans that overlap it, sorted). Undefined when there
 * are none: the source itself can then be read.
 */
export function readPlain(source: string, start: number, end: number, holes: readonly Span[]): PlainRun | undefined {
  if (holes.length === 0) return undefined;
  const pieces: string[] = [];
  const pieceStarts: number[] = [];
  const pieceOffsets: number[] = [];
  let length = 0;
  let p = start;
  for (const hole of holes) {
    if (hole.start > p) {
      pieceStarts.push(length);
      pieceOffsets.push(p);
      pieces.push(source.slice(p, hole.start));
      length += hole.start - p;
    }
    p = Math.max(p, hole.end);
  }
  if (p < end) {
    pieceStarts.push(length);
    pieceOffsets.push(p);
    pieces.push(source.slice(p, end));
  }
  const offsetOf = (index: number) => {
    const piece = lastAtOrBefore(pieceStarts, index);
    return pieceOffsets[piece] + index - pieceStarts[piece];
  };
  return { text: pieces.join(''), offsetOf };
}

/** Every plain-text range as HM005 reads it, with comments, page breaks and gaps removed (for tests and tools). */
export function plainTexts(tree: SyntaxTree): string[] {
  const transparent = new TransparentSpans(tree);
  const out: string[] = [];
  for (let k = 0; k < tree.plainText.length; k += 2) {
    const start = tree.plainText[k];
    const end = tree.plainText[k + 1];
    const run = readPlain(tree.text, start, end, transparent.in(start, end));
    const text = run ? run.text : tree.text.slice(start, end);
    if (text !== '') out.push(text);
  }
  return out;
}
