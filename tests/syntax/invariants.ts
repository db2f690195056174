// Structural invariants every syntax tree must satisfy (used by the
// property test and on the raw corpus). Plain checks, not `expect`: they run
// over every span of thousands of trees.

import type { Span, SyntaxTree } from '../../server/src/syntax/types';

/** Every object with numeric `start` and `end` anywhere in the tree. */
function allSpans(value: unknown, out: Span[] = []): Span[] {
  if (Array.isArray(value)) {
    for (const item of value) allSpans(item, out);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.start === 'number' && typeof record.end === 'number') out.push(record as unknown as Span);
    for (const [key, child] of Object.entries(record)) if (key !== 'text') allSpans(child, out);
  }
  return out;
}

export const LISTS = ['blocks', 'headings', 'definitions', 'footnoteDefinitions', 'footnoteReferences', 'mentions', 'quotations', 'turns', 'apparatus', 'comments', 'escapes', 'problems'] as const;

/**
 * Fails with `message` unless `ok` (plain checks: `expect` per span is too
 * slow for thousands of runs; the message is built only on failure).
 */
function check(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message());
}

/** Whether `offset` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  const high = text.charCodeAt(offset - 1);
  const low = text.charCodeAt(offset);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

export function checkInvariants(text: string, tree: SyntaxTree): void {
  check(tree.text === text, () => 'tree.text is the text');
  for (const span of allSpans(tree)) {
    const inside = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length;
    check(inside, () => `span ${JSON.stringify(span)} outside 0..${text.length}`);
    check(!splitsPair(text, span.start) && !splitsPair(text, span.end), () => `span ${JSON.stringify(span)} splits a surrogate pair`);
  }
  // Blocks tile the text: contiguous, non-empty, from 0 to the end.
  let cursor = 0;
  for (const block of tree.blocks) {
    check(block.start === cursor && block.end > block.start, () => `block ${JSON.stringify(block)} after ${cursor}`);
    cursor = block.end;
  }
  check(cursor === text.length, () => `blocks end at ${cursor}, not ${text.length}`);
  check(tree.blocks.map((b) => text.slice(b.start, b.end)).join('') === text, () => 'blocks rebuild the text');
  for (const list of LISTS) {
    const nodes = tree[list];
    for (let i = 1; i < nodes.length; i++) check(nodes[i].start >= nodes[i - 1].start, () => `${list} not sorted at ${i}`);
  }
  // plainText: ordered, non-empty, non-overlapping pairs.
  const plain = tree.plainText;
  check(plain.length % 2 === 0, () => 'plainText holds pairs');
  for (let i = 0; i < plain.length; i += 2) {
    check(plain[i] < plain[i + 1] && (i === 0 || plain[i] >= plain[i - 1]), () => `plainText pair ${i / 2} empty or out of order`);
  }
  tree.quotations.forEach((q, i) => {
    check(q.words >= 0, () => 'word count');
    check(q.opener.start === q.start && q.content.start >= q.opener.end && q.content.end <= q.end, () => `quotation ${i} parts`);
    check(q.unclosed === (q.closer === undefined && !q.block), () => `quotation ${i} unclosed iff no closer`);
    if (q.parent !== undefined) check(q.parent < i && tree.quotations[q.parent].start <= q.start, () => `quotation ${i} parent`);
  });
}

