// Where each entity is met in a transcript: one passage per shown block
// and entity, with how (mentioned, quoted, speaking) and a line of context
// from the block's reading text, for the entity pages of the edition.

import { blocksText, inlineText, mentionName } from '../plainText';
import type { InlineNode } from '../reading';
import type { ShownBlock } from './blocks';

export type PassageRole = 'mention' | 'quotation' | 'turn';

export interface Passage {
  /** Source offset of the block: its anchor on the transcript page. */
  at: number;
  line: number;
  roles: Set<PassageRole>;
  context: string;
}

const CONTEXT = 160;

/** The entities a block refers to, with how, and the text near the first reference to each. */
export function blockPassages(shown: ShownBlock, line: number): Map<string, Passage> {
  const { block } = shown;
  const found = new Map<string, { roles: Set<PassageRole>; needle: string }>();
  const add = (id: string, role: PassageRole, needle: string) => {
    const entry = found.get(id) ?? { roles: new Set<PassageRole>(), needle };
    entry.roles.add(role);
    found.set(id, entry);
  };
  const visit = (nodes: readonly InlineNode[]) => {
    for (const node of nodes) {
      if (node.type === 'mention') {
        const needle = node.form === 'bare' ? mentionName(node) : inlineText(node.children);
        for (const ref of node.ids) add(ref.id, 'mention', needle);
      } else if (node.type === 'quotation' && node.first && node.quotation.attribution?.kind === 'entities') {
        for (const ref of node.quotation.attribution.ids) add(ref.id, 'quotation', inlineText(node.children));
      }
      if ('children' in node) visit(node.children);
      if (node.type === 'noteRef' && node.note) visit(node.note.children);
    }
  };
  let text: string;
  switch (block.type) {
    case 'div':
      visit(block.head);
      text = inlineText(block.head);
      break;
    case 'turn':
      for (const ref of block.ids) add(ref.id, 'turn', inlineText(block.label));
      visit(block.label);
      for (const b of block.blocks) if (b.type === 'paragraph' || b.type === 'blockQuote') visitBlock(b);
      text = blocksText([block]);
      break;
    case 'note':
      visit(block.note.children);
      text = inlineText(block.note.children);
      break;
    default:
      visitBlock(block);
      text = blocksText([block]);
  }
  function visitBlock(b: Extract<ShownBlock['block'], { type: 'paragraph' | 'blockQuote' }>) {
    visit(b.children);
    if (b.type === 'blockQuote') {
      if (b.quotation.attribution?.kind === 'entities') for (const ref of b.quotation.attribution.ids) add(ref.id, 'quotation', inlineText(b.children));
      if (b.attributionLine) visit(b.attributionLine);
    }
  }
  const flat = text.replace(/\s+/g, ' ').trim();
  const passages = new Map<string, Passage>();
  for (const [id, { roles, needle }] of found) passages.set(id, { at: block.at, line, roles, context: excerpt(flat, needle.replace(/\s+/g, ' ').trim()) });
  return passages;
}

/** About a line of `text` around the first `needle`, with ellipses where it is cut. */
export function excerpt(text: string, needle: string): string {
  if (text.length <= CONTEXT) return text;
  const found = Math.max(0, text.indexOf(needle));
  const start = Math.max(0, Math.min(found - Math.floor((CONTEXT - needle.length) / 2), text.length - CONTEXT));
  let end = Math.min(text.length, start + Math.max(CONTEXT, needle.length));
  let from = start;
  // Never cut a surrogate pair in two.
  if (/[\uDC00-\uDFFF]/.test(text[from] ?? '')) from++;
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
  return `${from > 0 ? '…' : ''}${text.slice(from, end).trim()}${end < text.length ? '…' : ''}`;
}
