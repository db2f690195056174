// A span of a document as a reader sees it, on one line: mentions read as
// their display text (a bare `@id` as the entity's name), apparatus as its
// text, and brace groups, attributions, page breaks, gaps, footnote marks,
// comments and block-quote `>` markers take no room. Small and local on
// purpose: the Outline and the Entities view use it until the shared
// plain-text renderer (server/src/render/) replaces it.

import type { DocumentEntry, WorkspaceIndex } from '../model/workspaceIndex';
import type { Span } from '../syntax/types';

/** The items of `list` (sorted by start, as the tree's lists are) that lie inside `span`. */
function within<T extends Span>(list: readonly T[], span: Span): T[] {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid].start < span.start) low = mid + 1;
    else high = mid;
  }
  const out: T[] = [];
  for (let i = low; i < list.length && list[i].start < span.end; i++) if (list[i].end <= span.end) out.push(list[i]);
  return out;
}

/** A stretch of source replaced by `inner` read recursively, or by `shown`, or by nothing. */
interface Group extends Span {
  inner?: Span;
  shown?: string;
}

function groupsWithin(index: WorkspaceIndex, entry: DocumentEntry, span: Span): Group[] {
  const { tree } = entry;
  const groups: Group[] = [];
  for (const m of within(tree.mentions, span)) {
    if (m.form === 'explicit') groups.push({ start: m.start, end: m.end, inner: m.display });
    else if (m.form === 'bare') groups.push({ start: m.start, end: m.end, shown: m.ids.map((r) => index.entity(r.id)?.displayName ?? r.id).join(', ') });
  }
  for (const a of within(tree.apparatus, span)) groups.push({ start: a.start, end: a.end, inner: a.text });
  for (const q of within(tree.quotations, span)) if (q.attribution) groups.push({ start: q.attribution.start, end: q.attribution.end });
  for (const list of [tree.comments, tree.footnoteReferences]) for (const s of within(list, span)) groups.push({ start: s.start, end: s.end });
  // Outer groups first: a mention carrying an apparatus is listed twice, nested groups are read with their parent.
  return groups.sort((a, b) => a.start - b.start || b.end - a.end);
}

const MARK_START = '\uE000';
const MARK_END = '\uE001';

/** Reads `span`, putting MARK_START/MARK_END where the source offsets `mark` fall. */
function read(index: WorkspaceIndex, entry: DocumentEntry, span: Span, mark: Span | undefined, state: { started: boolean; ended: boolean }): string {
  const { text } = entry;
  const plain = (from: number, to: number): string => {
    const cuts: [number, string][] = [];
    if (mark && !state.started && mark.start >= from && mark.start <= to) {
      cuts.push([mark.start, MARK_START]);
      state.started = true;
    }
    if (mark && state.started && !state.ended && mark.end >= from && mark.end <= to) {
      cuts.push([mark.end, MARK_END]);
      state.ended = true;
    }
    let piece = '';
    let at = from;
    for (const [offset, sentinel] of cuts) {
      piece += text.slice(at, offset) + sentinel;
      at = offset;
    }
    piece += text.slice(at, to);
    // Block-quote markers at line starts.
    piece = piece.replace(/\n[ \t]*>[ \t]?/g, '\n');
    return from === 0 || text[from - 1] === '\n' ? piece.replace(/^[ \t]*>[ \t]?/, '') : piece;
  };
  let out = '';
  let cursor = span.start;
  for (const group of groupsWithin(index, entry, span)) {
    if (group.start < cursor) continue;
    out += plain(cursor, group.start);
    out += group.inner ? read(index, entry, group.inner, mark, state) : (group.shown ?? '');
    cursor = group.end;
  }
  return out + plain(cursor, span.end);
}

function tidy(text: string): string {
  return text.replace(/\\(.)/g, '$1').replace(/\s+/g, ' ');
}

/** The reading text of `span`, on one line. */
export function readingText(index: WorkspaceIndex, entry: DocumentEntry, span: Span): string {
  return tidy(read(index, entry, span, undefined, { started: false, ended: false })).trim();
}

/** `text` cut to at most `words` words, with "…" when something was left out. */
export function openingWords(text: string, words: number): string {
  const all = text.trim().split(' ');
  return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ').replace(/[,;:.]+$/, '')}…`;
}

export interface Context {
  text: string;
  /** Where `mark` is in `text`: [start, end). */
  highlight: [number, number];
}

/**
 * A line of context: the reading text of `span` around `mark`, with about
 * `before` characters before it and `after` after it, cut at spaces.
 */
export function contextAround(index: WorkspaceIndex, entry: DocumentEntry, span: Span, mark: Span, before = 40, after = 60): Context {
  const full = tidy(read(index, entry, span, mark, { started: false, ended: false }));
  let start = full.indexOf(MARK_START);
  let end = full.indexOf(MARK_END);
  if (start < 0) start = 0;
  if (end < start) end = start + 1;
  let head = full.slice(0, start).trimStart();
  const body = full.slice(start + 1, end);
  let tail = full.slice(end + 1).replace(/[\uE000\uE001]/g, '').trimEnd();
  if (head.length > before) {
    const space = head.indexOf(' ', head.length - before);
    head = `…${head.slice(space < 0 ? head.length - before : space + 1)}`;
  }
  if (tail.length > after) {
    const space = tail.lastIndexOf(' ', after);
    tail = `${tail.slice(0, space <= 0 ? after : space)}…`;
  }
  return { text: head + body + tail, highlight: [head.length, head.length + body.length] };
}
