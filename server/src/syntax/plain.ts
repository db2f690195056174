// The plain text HM005 reads (SPEC 1): each range of `tree.plainText` with
// the markup that takes no room — comments, `{pb…}`, `{gap…}` — removed,
// so that `Ho{pb 7}xha` reads `Hoxha`, and a map back to the source, so
// that a name found there is reported on exactly the text it covers.

import type { ApparatusKind, Span, SyntaxTree } from './types';

/** Marks that take no room for word rules, the straight-quote rule and HM005 (SPEC 1); comments take none either. */
export function isTransparent(kind: ApparatusKind): boolean {
  return kind === 'pb' || kind === 'gap';
}

/** Comments, page breaks and gaps, sorted by start. */
export function transparentSpans(tree: SyntaxTree): Span[] {
  const spans: Span[] = [];
  const comments = tree.comments;
  let c = 0;
  for (const mark of tree.apparatus) {
    if (!isTransparent(mark.kind)) continue;
    while (c < comments.length && comments[c].start < mark.start) spans.push(comments[c++]);
    spans.push(mark);
  }
  while (c < comments.length) spans.push(comments[c++]);
  return spans;
}

/** A plain-text range read with what takes no room removed. */
export interface PlainRun {
  text: string;
  /** The source offset of each index of `text`. */
  offsetOf(index: number): number;
}

/**
 * Reads the plain-text range `start`–`end` of `source`; `holes` are the
 * transparent spans (sorted), `from` an index into them at or before the
 * first that can lie in the range. Returns undefined when no hole lies in
 * it (the source itself can then be read), and the next hole index.
 */
export function readPlain(source: string, start: number, end: number, holes: readonly Span[], from: number): { run?: PlainRun; next: number } {
  let h = from;
  while (h < holes.length && holes[h].end <= start) h++;
  if (h >= holes.length || holes[h].start >= end) return { next: h };
  const pieces: string[] = [];
  const pieceStarts: number[] = [];
  const pieceOffsets: number[] = [];
  let length = 0;
  let p = start;
  for (; h < holes.length && holes[h].start < end; h++) {
    if (holes[h].start > p) {
      pieceStarts.push(length);
      pieceOffsets.push(p);
      pieces.push(source.slice(p, holes[h].start));
      length += holes[h].start - p;
    }
    p = Math.max(p, holes[h].end);
  }
  if (p < end) {
    pieceStarts.push(length);
    pieceOffsets.push(p);
    pieces.push(source.slice(p, end));
  }
  // The last hole may run on past the range; the next range starts looking there.
  const next = h > from && holes[h - 1].end > end ? h - 1 : h;
  const offsetOf = (index: number) => {
    let low = 0;
    let high = pieceStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (pieceStarts[mid] <= index) low = mid;
      else high = mid - 1;
    }
    return pieceOffsets[low] + index - pieceStarts[low];
  };
  return { run: { text: pieces.join(''), offsetOf }, next };
}

/** Every plain-text range as HM005 reads it, with comments, page breaks and gaps removed (for tests and tools). */
export function plainTexts(tree: SyntaxTree): string[] {
  const holes = transparentSpans(tree);
  const out: string[] = [];
  let h = 0;
  for (let k = 0; k < tree.plainText.length; k += 2) {
    const start = tree.plainText[k];
    const end = tree.plainText[k + 1];
    const read = readPlain(tree.text, start, end, holes, h);
    h = read.next;
    const text = read.run ? read.run.text : tree.text.slice(start, end);
    if (text !== '') out.push(text);
  }
  return out;
}
