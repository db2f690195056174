// Parsing again after an edit. Typing happens inside one paragraph (or
// heading, block quote, footnote); when an edit stays inside one block and
// cannot change anything around it (the blocks, a comment, a quotation
// carried from one paragraph to the next, who speaks the paragraphs that
// follow), only that block is parsed and the rest of the previous tree is
// moved by the length difference. Any other edit is parsed from scratch.
// Either way the result equals `parse(text)`.

import { parse } from './parse';
import { changedRange } from './textDiff';
import type { Block, BlockKind, IdRef, Span, SyntaxTree } from './types';

/** The tree of `text`, reusing `previous` (which is consumed: its nodes may be moved). */
export function reparse(previous: SyntaxTree, text: string): SyntaxTree {
  if (previous.text === text) return previous;
  return reparseParagraph(previous, text) ?? parse(text);
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
  if (old.comments.some((c) => c.start < block.end && c.end > block.start)) return undefined;
  // Alone, a first line `---` would open front matter; indented, it may belong to a definition or footnote above.
  if (/^---[ \t]*(\r?\n|$)/.test(source) || /^( {2}|\t)/.test(source)) return undefined;
  // Ending in a line break, the block leaves its old line end as a blank line after it.
  if (/\n$/.test(source)) return undefined;
  // A quotation may run on from the paragraph before (SPEC 6.1), or cross this one.
  const previous = old.blocks.slice(0, b).reverse().find((x) => x.kind !== 'blank');
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

/** Moves every span reachable from `value` by `delta`, each object once (nodes share spans and ids). */
function shiftDeep(value: unknown, delta: number, moved: Set<object>): void {
  if (typeof value !== 'object' || value === null || moved.has(value)) return;
  moved.add(value);
  if (Array.isArray(value)) {
    for (const item of value) shiftDeep(item, delta, moved);
    return;
  }
  const node = value as Record<string, unknown>;
  if (typeof node.start === 'number' && typeof node.end === 'number') {
    node.start += delta;
    node.end += delta;
  }
  for (const key in node) {
    const child = node[key];
    if (typeof child === 'object' && child !== null) shiftDeep(child, delta, moved);
  }
}

function reparseParagraph(old: SyntaxTree, text: string): SyntaxTree | undefined {
  const found = editedParagraph(old, text);
  if (!found) return undefined;
  const { block, b, contentEnd, delta, fresh } = found;
  const from = block.start;
  const moved = new Set<object>();
  const freshMoved = new Set<object>();
  // Where each list is cut, found before anything moves: nodes are shared between lists
  // (a mention's apparatus is also in `apparatus`), so moving one list moves items of another.
  const lists: Span[][] = [old.headings, old.definitions, old.footnoteDefinitions, old.footnoteReferences, old.mentions, old.quotations, old.apparatus, old.comments, old.escapes, old.problems];
  const cuts = new Map(lists.map((list) => [list, [firstFrom(list, from), firstFrom(list, contentEnd)]]));
  /** The list with the paragraph's items replaced by the fresh ones, and the items after it moved. */
  const splice = <T extends Span>(list: T[], items: T[]): T[] => {
    const [i, j] = cuts.get(list)!;
    const after = list.slice(j);
    for (const item of items) shiftDeep(item, from, freshMoved);
    for (const item of after) shiftDeep(item, delta, moved);
    return [...list.slice(0, i), ...items, ...after];
  };

  const firstQuotation = firstFrom(old.quotations, from);
  const replacedQuotations = firstFrom(old.quotations, contentEnd) - firstQuotation;
  const quotationShift = fresh.quotations.length - replacedQuotations;
  const tree: SyntaxTree = {
    text,
    blocks: [...old.blocks.slice(0, b), { kind: block.kind, start: from, end: block.end + delta }, ...old.blocks.slice(b + 1)],
    frontMatter: old.frontMatter,
    headings: splice(old.headings, fresh.headings),
    definitions: splice(old.definitions, []),
    footnoteDefinitions: splice(old.footnoteDefinitions, fresh.footnoteDefinitions),
    footnoteReferences: splice(old.footnoteReferences, fresh.footnoteReferences),
    mentions: splice(old.mentions, fresh.mentions),
    quotations: splice(old.quotations, fresh.quotations),
    turns: old.turns,
    apparatus: splice(old.apparatus, fresh.apparatus),
    comments: splice(old.comments, []),
    escapes: splice(old.escapes, fresh.escapes),
    problems: splice(old.problems, fresh.problems),
    plainText: [],
    isRegistry: old.isRegistry,
  };
  for (const later of tree.blocks.slice(b + 1)) shiftDeep(later, delta, moved);

  tree.quotations.forEach((q, k) => {
    if (q.parent === undefined) return;
    if (k >= firstQuotation && k < firstQuotation + fresh.quotations.length) q.parent += firstQuotation;
    else if (k >= firstQuotation + fresh.quotations.length && q.parent >= firstQuotation + replacedQuotations) q.parent += quotationShift;
  });

  const plain = old.plainText;
  for (let k = 0; k < plain.length; k += 2) if (plain[k] < from) tree.plainText.push(plain[k], plain[k + 1]);
  for (let k = 0; k < fresh.plainText.length; k++) tree.plainText.push(fresh.plainText[k] + from);
  for (let k = 0; k < plain.length; k += 2) if (plain[k] >= contentEnd) tree.plainText.push(plain[k] + delta, plain[k + 1] + delta);

  tree.turns = spliceTurns(old, fresh, from, contentEnd, delta);
  return tree;
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
