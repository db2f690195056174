// Parsing again after an edit. Typing happens inside one paragraph (or
// heading, block quote, footnote); when an edit stays inside one block and
// cannot change anything around it (the blocks, a comment, a quotation
// carried from one paragraph to the next, who speaks the paragraphs that
// follow), only that block is parsed and the rest of the previous tree is
// moved by the length difference. An edit inside an editor's comment among
// blank lines moves what follows it and parses nothing. Any other edit is
// parsed from scratch. Either way the result equals `parse(text)`.

import { parse } from './parse';
import { changedRange } from './textDiff';
import type { Apparatus, Block, BlockKind, Definition, FootnoteDefinition, FootnoteReference, Heading, IdRef, Mention, Quotation, Span, SyntaxTree } from './types';

/** The tree of `text`, reusing `previous` (which is consumed: its nodes may be moved). */
export function reparse(previous: SyntaxTree, text: string): SyntaxTree {
  if (previous.text === text) return previous;
  return reparseParagraph(previous, text) ?? reparseInComment(previous, text) ?? parse(text);
}

/** Index of the first item of a start-sorted list with `start >= offset`. */
function firstFrom(list: readonly Span[], offset: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first pair of a flat [start, end, …] list with `start >= offset`. */
function firstPairFrom(pairs: readonly number[], offset: number): number {
  let low = 0;
  let high = pairs.length / 2;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (pairs[2 * mid] < offset) low = mid + 1;
    else high = mid;
  }
  return 2 * low;
}

function contentEndOf(text: string, block: Block): number {
  let end = block.end;
  if (end > block.start && text.charCodeAt(end - 1) === 10) end--;
  if (end > block.start && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

function sameSpeakers(a: readonly IdRef[], b: readonly IdRef[]): boolean {
  return a.length === b.length && a.every((ref, k) => ref.id === b[k].id);
}

/**
 * Blocks whose parse depends on nothing around them but the state checked
 * below; definitions are not among them (they change the registry).
 */
const REPARSED_ALONE = new Set<BlockKind>(['paragraph', 'blockQuote', 'footnoteDefinition', 'heading']);

/**
 * Whether the text of a block (before or after the edit) reads alone as it
 * reads in its document. Anything whose meaning depends on what is around
 * it sends the edit to a full parse: comments (read before anything else,
 * across blocks), a line `---` (alone, a first one opens front matter; one
 * may close front matter left open at the top of the document), a
 * BOM (only the document's first character is one), white space at the
 * start (indentation continues a definition or footnote above; JavaScript's
 * white space, U+2028 included, is what the line layer trims), a line
 * break at either end (it joins the blank lines around: a lone CR typed
 * before an LF makes a CRLF) and a NUL.
 */
function readsAlike(old: SyntaxTree, source: string): boolean {
  if (source === '' || source.includes('<!--') || source.includes('-->') || source.includes('\uFEFF') || source.includes('\0')) return false;
  // Alone, a first line `---` would open front matter.
  if (/^\s|^---|[\r\n]$/.test(source)) return false;
  // Front matter opened by a first line `---` and not closed is closed by the first later `---` line.
  if (!old.frontMatter && /^[^\r\n]*---/.test(old.text) && source.includes('---')) return false;
  return true;
}

/** The block an edit stays inside, when re-parsing it alone gives what a full parse would. */
function editedParagraph(old: SyntaxTree, text: string) {
  const edit = changedRange(old.text, text);
  const b = firstFrom(old.blocks, edit.start + 1) - 1;
  const block = old.blocks[b];
  if (!block || !REPARSED_ALONE.has(block.kind) || block.start === 0) return undefined;
  const contentEnd = contentEndOf(old.text, block);
  if (edit.oldEnd > contentEnd) return undefined;
  const delta = edit.newEnd - edit.oldEnd;
  const source = text.slice(block.start, contentEnd + delta);
  if (!readsAlike(old, old.text.slice(block.start, contentEnd)) || !readsAlike(old, source)) return undefined;
  // Comments are disjoint and in order: the last one starting before the block's end is the one that may reach into it.
  const comment = old.comments[firstFrom(old.comments, block.end) - 1];
  if (comment && comment.end > block.start) return undefined;
  // Alone, a first line `---` would open front matter; indented, it may belong to a definition or footnote above.
  if (/^---[ \t]*(\r?\n|$)/.test(source) || /^( {2}|\t)/.test(source)) return undefined;
  // Ending in a line break, the block leaves its old line end as a blank line after it.
  if (/\n$/.test(source)) return undefined;
  // A quotation may run on from the paragraph before (SPEC 6.1), or cross this one.
  let before = b - 1;
  while (before >= 0 && old.blocks[before].kind === 'blank') before--;
  const previous = old.blocks[before];
  for (const q of old.quotations) {
    if (q.start < block.start && q.end > block.start) return undefined;
    if (q.start >= block.start && q.start < contentEnd && q.end > contentEnd) return undefined;
    if (q.unclosed && previous && q.start >= previous.start && q.start < previous.end) return undefined;
  }
  const fresh = parse(source);
  if (fresh.blocks.length !== 1 || fresh.blocks[0].kind !== block.kind || fresh.quotations.some((q) => q.unclosed)) return undefined;
  // Whether it opens a turn, and whose, decides who speaks the paragraphs after it.
  const oldTurn = old.turns.findIndex((t) => t.start === block.start);
  const freshTurn = fresh.turns[0];
  if ((oldTurn !== -1) !== (freshTurn !== undefined)) return undefined;
  if (freshTurn && !sameSpeakers(old.turns[oldTurn].speaker.ids, freshTurn.speaker.ids)) return undefined;
  return { block, b, contentEnd, delta, fresh };
}

// Moving the nodes of each list by `delta`, every span once. Nodes share
// objects, so each shared one is moved by one owner only: the IdRefs of
// attributions and fields are their mentions' (moved with the mentions), a
// mention's apparatus is listed in `apparatus` and its display span is that
// apparatus's text, a turn's speaker is a mention. A walk of every object
// reachable, remembering each, cost most of a keystroke in a long document.
// A span added to a node type needs its line here (the tests comparing
// with a full parse find one left out).
type Mover<T> = (items: readonly T[], delta: number) => void;

const moveSpans: Mover<Span> = (items, delta) => {
  for (const item of items) {
    item.start += delta;
    item.end += delta;
  }
};

const moveMentions: Mover<Mention> = (items, delta) => {
  for (const m of items) {
    m.start += delta;
    m.end += delta;
    for (const ref of m.ids) {
      ref.span.start += delta;
      ref.span.end += delta;
    }
    if (m.display && m.display !== m.apparatus?.text) {
      m.display.start += delta;
      m.display.end += delta;
    }
  }
};

const moveApparatus: Mover<Apparatus> = (items, delta) => {
  for (const a of items) {
    a.start += delta;
    a.end += delta;
    if (a.text) {
      a.text.start += delta;
      a.text.end += delta;
    }
  }
};

const moveQuotations: Mover<Quotation> = (items, delta) => {
  for (const q of items) {
    q.start += delta;
    q.end += delta;
    q.opener.start += delta;
    q.opener.end += delta;
    if (q.closer) {
      q.closer.start += delta;
      q.closer.end += delta;
    }
    q.content.start += delta;
    q.content.end += delta;
    if (q.attribution) {
      q.attribution.start += delta;
      q.attribution.end += delta;
    }
  }
};

const moveHeadings: Mover<Heading> = (items, delta) => {
  for (const h of items) {
    h.start += delta;
    h.end += delta;
    h.text.start += delta;
    h.text.end += delta;
  }
};

const moveDefinitions: Mover<Definition> = (items, delta) => {
  for (const d of items) {
    for (const span of [d, d.kindSpan, d.idSpan, d.header]) {
      span.start += delta;
      span.end += delta;
    }
    if (d.nameSpan) {
      d.nameSpan.start += delta;
      d.nameSpan.end += delta;
    }
    if (d.description) {
      d.description.start += delta;
      d.description.end += delta;
    }
    for (const f of d.fields) {
      for (const span of [f, f.keySpan, f.valueSpan, ...f.badRefs]) {
        span.start += delta;
        span.end += delta;
      }
    }
  }
};

const moveFootnoteDefinitions: Mover<FootnoteDefinition> = (items, delta) => {
  for (const f of items) {
    f.start += delta;
    f.end += delta;
    f.labelSpan.start += delta;
    f.labelSpan.end += delta;
    f.content.start += delta;
    f.content.end += delta;
  }
};

const moveFootnoteReferences: Mover<FootnoteReference> = (items, delta) => {
  for (const f of items) {
    f.start += delta;
    f.end += delta;
    f.labelSpan.start += delta;
    f.labelSpan.end += delta;
  }
};

/** The tree's lists of nodes, each with the mover of its node type. */
const MOVED_LISTS = [
  ['headings', moveHeadings],
  ['definitions', moveDefinitions],
  ['footnoteDefinitions', moveFootnoteDefinitions],
  ['footnoteReferences', moveFootnoteReferences],
  ['mentions', moveMentions],
  ['quotations', moveQuotations],
  ['apparatus', moveApparatus],
  ['comments', moveSpans],
  ['escapes', moveSpans],
  ['problems', moveSpans],
] as const satisfies readonly (readonly [keyof SyntaxTree, Mover<never>])[];

function reparseParagraph(old: SyntaxTree, text: string): SyntaxTree | undefined {
  const found = editedParagraph(old, text);
  if (!found) return undefined;
  const { block, b, contentEnd, delta, fresh } = found;
  const from = block.start;
  // Where each list is cut, found before anything moves: nodes are shared between lists
  // (a mention's apparatus is also in `apparatus`), so moving one list moves items of another.
  const lists: Span[][] = MOVED_LISTS.map(([key]) => old[key]);
  const cuts = new Map(lists.map((list) => [list, [firstFrom(list, from), firstFrom(list, contentEnd)]]));
  /** The list with the paragraph's items replaced by the fresh ones, and the items after it moved. */
  const splice = <T extends Span>(list: T[], items: T[], moveAll: Mover<T>): T[] => {
    const [i, j] = cuts.get(list)!;
    const after = list.slice(j);
    moveAll(items, from);
    moveAll(after, delta);
    return list.slice(0, i).concat(items, after);
  };

  const firstQuotation = firstFrom(old.quotations, from);
  const replacedQuotations = firstFrom(old.quotations, contentEnd) - firstQuotation;
  const quotationShift = fresh.quotations.length - replacedQuotations;
  const tree: SyntaxTree = {
    text,
    blocks: old.blocks.slice(0, b).concat([{ kind: block.kind, start: from, end: block.end + delta }], old.blocks.slice(b + 1)),
    frontMatter: old.frontMatter,
    headings: splice(old.headings, fresh.headings, moveHeadings),
    definitions: splice(old.definitions, [], moveDefinitions),
    footnoteDefinitions: splice(old.footnoteDefinitions, fresh.footnoteDefinitions, moveFootnoteDefinitions),
    footnoteReferences: splice(old.footnoteReferences, fresh.footnoteReferences, moveFootnoteReferences),
    mentions: splice(old.mentions, fresh.mentions, moveMentions),
    quotations: splice(old.quotations, fresh.quotations, moveQuotations),
    turns: old.turns,
    apparatus: splice(old.apparatus, fresh.apparatus, moveApparatus),
    comments: splice(old.comments, [], moveSpans),
    escapes: splice(old.escapes, fresh.escapes, moveSpans),
    problems: splice(old.problems, fresh.problems, moveSpans),
    plainText: [],
    isRegistry: old.isRegistry,
  };
  moveSpans(tree.blocks.slice(b + 1), delta);

  tree.quotations.forEach((q, k) => {
    if (q.parent === undefined) return;
    if (k >= firstQuotation && k < firstQuotation + fresh.quotations.length) q.parent += firstQuotation;
    else if (k >= firstQuotation + fresh.quotations.length && q.parent >= firstQuotation + replacedQuotations) q.parent += quotationShift;
  });

  // Plain-text pairs are in order: those before the paragraph as they were, its fresh ones, those after it moved.
  const plain = old.plainText;
  tree.plainText = plain.slice(0, firstPairFrom(plain, from));
  for (const offset of fresh.plainText) tree.plainText.push(offset + from);
  for (let k = firstPairFrom(plain, contentEnd); k < plain.length; k++) tree.plainText.push(plain[k] + delta);

  tree.turns = spliceTurns(old, fresh, from, contentEnd, delta);
  return tree;
}

/**
 * An edit inside a comment that stands among blank lines (an editor's note
 * between paragraphs): a comment takes no room, so the tree is the old one
 * with the comment's end and everything after it moved, as long as the
 * comment still ends where it ended and nothing reaches across its lines.
 */
function reparseInComment(old: SyntaxTree, text: string): SyntaxTree | undefined {
  const edit = changedRange(old.text, text);
  const k = firstFrom(old.comments, edit.start + 1) - 1;
  const comment = old.comments[k];
  if (!comment || edit.start < comment.start + 4 || edit.oldEnd > comment.end - 3) return undefined;
  const delta = edit.newEnd - edit.oldEnd;
  if (text.indexOf('-->', comment.start + 4) !== comment.end - 3 + delta) return undefined;
  if (/[\0\uFEFF]/.test(text.slice(edit.start, edit.newEnd) + old.text.slice(edit.start, edit.oldEnd))) return undefined;
  const b = firstFrom(old.blocks, comment.start + 1) - 1;
  const block = old.blocks[b];
  if (!block || block.kind !== 'blank' || comment.end > block.end) return undefined;
  const crosses = (span: Span) => span.start < block.start && span.end > block.start;
  const plain = old.plainText;
  const firstPair = firstPairFrom(plain, block.start);
  if (old.quotations.some(crosses) || old.problems.some(crosses) || (firstPair > 0 && plain[firstPair - 1] > block.start)) return undefined;

  // Everything from the comment's end on moves. Each list is cut before anything moves: nodes are shared between lists (see the movers).
  const from = comment.end;
  const tails = MOVED_LISTS.map(([key, move]) => [old[key].slice(firstFrom(old[key], from)), move as Mover<Span>] as const);
  const blocksAfter = old.blocks.slice(b + 1);
  for (const [items, move] of tails) move(items, delta);
  moveSpans(blocksAfter, delta);
  comment.end += delta;
  const moved = (offset: number) => (offset >= from ? offset + delta : offset);
  return {
    ...old,
    text,
    blocks: old.blocks.slice(0, b).concat([{ kind: 'blank', start: block.start, end: block.end + delta }], old.blocks.slice(b + 1)),
    plainText: plain.map(moved),
    // A turn's speaker was moved with the mentions.
    turns: old.turns.map((turn) =>
      turn.end < block.start ? turn : { ...turn, start: moved(turn.start), end: moved(turn.end), speech: turn.speech.map((s) => ({ start: moved(s.start), end: moved(s.end) })) },
    ),
  };
}

/** Turns keep their paragraphs; the edited one changes size, and a turn it opens takes its fresh speaker mention. */
function spliceTurns(old: SyntaxTree, fresh: SyntaxTree, from: number, contentEnd: number, delta: number): SyntaxTree['turns'] {
  return old.turns.map((turn) => {
    if (turn.end < from) return turn;
    const speech = turn.speech.map((s) => (s.start === from ? { start: from, end: contentEnd + delta } : s.start > from ? { start: s.start + delta, end: s.end + delta } : s));
    // A later turn's speaker was moved with the mentions; a turn the paragraph opens takes its fresh one.
    const speaker = turn.start === from ? fresh.turns[0].speaker : turn.speaker;
    return {
      start: turn.start > from ? turn.start + delta : turn.start,
      end: speech.length > 0 ? speech[speech.length - 1].end : turn.end,
      speaker,
      speech,
    };
  });
}
