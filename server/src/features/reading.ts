// Reading text for the editor's surfaces, through the shared renderer
// (render/walk.ts, render/plainText.ts): a span of a document as one line
// of plain text (Outline, lists, pickers), or as markdown (hovers) in which
// each mention is its display text linked to the entity's definition.

import type { DocumentEntry, WorkspaceIndex } from '../model/workspaceIndex';
import { inlineText, lineText } from '../render/plainText';
import type { InlineNode } from '../render/reading';
import { type EntityLookup, walkSpan } from '../render/walk';
import type { Span } from '../syntax/types';
import { documentLink, join, type Markdown, md, text } from './markdown';

export function lookupIn(index: WorkspaceIndex): EntityLookup {
  return (id) => index.entity(id);
}

/** The inline nodes of `span` of a document. */
export function spanNodes(index: WorkspaceIndex, entry: DocumentEntry, span: Span): InlineNode[] {
  return walkSpan(entry.tree, span, lookupIn(index));
}

/** The reading text of `span`, on one line. */
export function spanText(index: WorkspaceIndex, entry: DocumentEntry, span: Span): string {
  return lineText(spanNodes(index, entry, span));
}

/** A straight `"` opening or closing a quotation reads as the curly mark. */
function curled(nodes: InlineNode[], first: boolean, last: boolean): InlineNode[] {
  const out = [...nodes];
  const head = out[0];
  if (first && head?.type === 'text' && head.text.startsWith('"')) out[0] = { ...head, text: `“${head.text.slice(1)}` };
  const tail = out[out.length - 1];
  if (last && tail?.type === 'text' && tail.text.endsWith('"')) out[out.length - 1] = { ...tail, text: `${tail.text.slice(0, -1)}”` };
  return out;
}

/** The name of a mention's entity linked to the line of its definition; the name alone when it has none. */
function entityLink(index: WorkspaceIndex, id: string, label: Markdown): Markdown {
  const entity = index.entity(id);
  const lines = entity && index.document(entity.uri)?.lines;
  if (!entity || !lines) return label;
  return documentLink(label, entity.uri, lines.positionAt(entity.definition.idSpan.start).line + 1);
}

/**
 * A piece of running text: `text` treats its input as a paragraph's start
 * (leading spaces dropped), so a space after a link is written apart.
 */
function textPiece(value: string): Markdown {
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.startsWith(' ') ? md` ${oneLine.slice(1)}` : text(oneLine);
}

/**
 * Inline nodes as markdown: text escaped, a mention its display text (a
 * bare `@id` the entity's name) linked to the definition of its first id,
 * a quotation between curly marks, apparatus as its text; page breaks,
 * gaps, comments and note marks take no room. Inside a link, nested
 * mentions are text: markdown has no link inside a link.
 */
export function inlineMarkdown(index: WorkspaceIndex, nodes: readonly InlineNode[], inLink = false): Markdown {
  const parts: Markdown[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'malformed':
        parts.push(textPiece(node.text));
        break;
      case 'mention': {
        const label =
          node.form === 'bare' ? text(node.ids.map((ref, k) => node.entities[k]?.displayName ?? ref.id).join(', ')) : inlineMarkdown(index, node.children, true);
        const id = node.ids.find((_, k) => node.entities[k])?.id;
        parts.push(inLink || id === undefined ? label : entityLink(index, id, label));
        break;
      }
      case 'quotation':
        parts.push(inlineMarkdown(index, curled(node.children, node.first, node.last), inLink));
        break;
      case 'apparatus':
        parts.push(inlineMarkdown(index, node.children, inLink));
        break;
    }
  }
  return join(parts, md``);
}

export function spanMarkdown(index: WorkspaceIndex, entry: DocumentEntry, span: Span): Markdown {
  return inlineMarkdown(index, spanNodes(index, entry, span));
}

const MARK_START = '\uE000';
const MARK_END = '\uE001';

/** The nodes with the mention (or its apparatus) that starts at `at` between the two marks. */
function marked(nodes: readonly InlineNode[], at: number, state: { done: boolean }): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    if (!state.done && (node.type === 'mention' || node.type === 'apparatus') && node.at === at) {
      state.done = true;
      out.push({ type: 'text', text: MARK_START, at }, node, { type: 'text', text: MARK_END, at });
    } else if (!state.done && 'children' in node) out.push({ ...node, children: marked(node.children, at, state) } as InlineNode);
    else out.push(node);
  }
  return out;
}

export interface Context {
  text: string;
  /** Where `mark` is in `text`: [start, end). */
  highlight: [number, number];
}

/**
 * A line of context: the reading text of `span` around the mention at
 * `mark`, with about `before` characters before it and `after` after it,
 * cut at spaces.
 */
export function contextAround(index: WorkspaceIndex, entry: DocumentEntry, span: Span, mark: Span, before = 40, after = 60): Context {
  const full = inlineText(marked(spanNodes(index, entry, span), mark.start, { done: false })).replace(/\s+/g, ' ');
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
