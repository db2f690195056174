// The plain reading text of a document or of inline nodes: the transcript
// with markup removed (SPEC.md section 1) — escapes resolved, brace groups,
// ids, comments, page breaks and gaps removed, `[display]` kept, a bare
// `@id` read as the entity's name. Footnotes are not part of the running
// text (`noteText` gives a note's own).

import type { MentionNode, BlockNode, InlineNode, NoteNode, ReadingDocument } from './reading';

/** The name a bare `@id` (or an attribution line's `{@id}`) reads as. */
export function mentionName(node: MentionNode): string {
  return node.ids.map((ref, k) => node.entities[k]?.displayName ?? ref.id).join(', ');
}

export function inlineText(nodes: readonly InlineNode[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'malformed':
        out += node.text;
        break;
      case 'mention':
        out += node.form === 'bare' ? mentionName(node) : inlineText(node.children);
        break;
      case 'quotation':
      case 'apparatus':
        out += inlineText(node.children);
        break;
      // Page breaks, gaps, comments and note references take no room.
    }
  }
  return out;
}

/** The reading text of inline nodes on one line: line breaks and runs of spaces read as one space. */
export function lineText(nodes: readonly InlineNode[]): string {
  return inlineText(nodes).replace(/\s+/g, ' ').trim();
}

/** One-line `text` cut to at most `words` words, with "…" when something was left out. */
export function openingWords(text: string, words: number): string {
  const all = text.trim().split(' ');
  return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ').replace(/[,;:.]+$/, '')}…`;
}

export function noteText(note: NoteNode): string {
  return inlineText(note.children);
}

export function blocksText(blocks: readonly BlockNode[]): string {
  let out = '';
  for (const block of blocks) {
    switch (block.type) {
      case 'space':
        out += block.text;
        break;
      case 'paragraph':
        out += inlineText(block.children);
        break;
      case 'blockQuote':
        out += inlineText(block.children);
        if (block.attributionLine) out += (block.attributionBreak ?? '') + inlineText(block.attributionLine);
        break;
      case 'turn':
        out += inlineText(block.label) + blocksText(block.blocks);
        break;
      case 'div':
        out += inlineText(block.head) + blocksText(block.blocks);
        break;
    }
  }
  return out;
}

export function plainText(doc: ReadingDocument): string {
  return blocksText(doc.blocks);
}
