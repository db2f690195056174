// The blocks of a reading document as HTML, flat: a heading, paragraph,
// block quote, speaker turn or unplaced note is one block, keyed by the
// source offset it starts at, with `data-line` for scroll sync. The
// preview replaces only the blocks that changed; the edition joins them.

import type { BlockNode, BlockQuoteNode, NoteNode, ReadingDocument, TurnNode } from '../reading';
import { HtmlWriter, type SafeHtml } from './htmlWriter';
import { attributionOf, type HtmlContext, type HtmlMode, noteAnchor, writeInline } from './inline';

export interface HtmlOptions {
  mode: HtmlMode;
  entityHref: (id: string) => string | undefined;
  nameOf: (id: string) => string;
  /** The 0-based source line of an offset. */
  lineOf: (offset: number) => number;
  minWords?: number;
}

export interface HtmlBlock {
  /** Source offset the block starts at. */
  at: number;
  /** Its 0-based source line. */
  line: number;
  html: SafeHtml;
}

/** The anchor of a block, for links from entity pages. */
export function blockAnchor(at: number): string {
  return `b${at}`;
}

/** The blocks a reading document shows, in order: a div is its heading, followed by its own blocks. */
export function flatBlocks(doc: ReadingDocument): ShownBlock[] {
  const out: ShownBlock[] = [];
  const visit = (blocks: readonly BlockNode[], depth: number) => {
    for (const block of blocks) {
      if (block.type === 'space' || block.type === 'comment') continue;
      out.push({ block, depth });
      if (block.type === 'div') visit(block.blocks, depth);
    }
  };
  visit(doc.blocks, 1);
  return out;
}

export interface ShownBlock {
  block: Exclude<BlockNode, { type: 'space' | 'comment' }>;
  /** Heading levels start below this (the page title is h1). */
  depth: number;
}

export function renderHtmlBlocks(doc: ReadingDocument, options: HtmlOptions): HtmlBlock[] {
  return flatBlocks(doc).map((shown) => renderHtmlBlock(shown, options));
}

export function renderHtmlBlock({ block, depth }: ShownBlock, options: HtmlOptions): HtmlBlock {
  const writer = new HtmlWriter();
  const ctx: HtmlContext = { writer, mode: options.mode, entityHref: options.entityHref, nameOf: options.nameOf, minWords: options.minWords ?? 3, notes: [] };
  const line = options.lineOf(block.at);
  const common = { id: blockAnchor(block.at), 'data-line': String(line) };
  switch (block.type) {
    case 'div':
      writer.start(`h${Math.min(depth + block.heading.level, 6)}`, { ...common, class: 'hm-head' });
      writeInline(ctx, block.head);
      writer.end();
      break;
    case 'paragraph':
      writer.start('p', common);
      writeInline(ctx, block.children);
      writer.end();
      break;
    case 'blockQuote':
      writeBlockQuote(ctx, block, common);
      break;
    case 'turn':
      writeTurn(ctx, block, common, options);
      break;
    case 'note':
      ctx.notes.push({ label: block.note.definition.label, note: block.note });
      break;
  }
  writeNotes(ctx);
  return { at: block.at, line, html: writer.toString() };
}

export function renderHtmlBody(doc: ReadingDocument, options: HtmlOptions): string {
  return renderHtmlBlocks(doc, options)
    .map((b) => b.html + '\n')
    .join('');
}

function writeBlockQuote(ctx: HtmlContext, block: BlockQuoteNode, common: Record<string, string>): void {
  const who = attributionOf(block.quotation, ctx.nameOf, ctx.minWords);
  const w = ctx.writer;
  w.start('blockquote', { ...common, class: `hm-quote ${who.className}`, 'data-speaker': who.speakers, title: who.title });
  w.start('p');
  writeInline(ctx, block.children);
  w.end();
  if (block.attributionLine) {
    w.start('footer', { class: 'hm-attribution' });
    writeInline(ctx, block.attributionLine);
    w.end();
  } else if (who.label) {
    w.element('footer', { class: 'hm-label' }, `[${who.label}]`);
  }
  w.end();
}

/** A turn: the speaker's label, bold, opening its first paragraph. */
function writeTurn(ctx: HtmlContext, block: TurnNode, common: Record<string, string>, options: HtmlOptions): void {
  const w = ctx.writer;
  w.start('div', { ...common, class: 'hm-turn', 'data-speaker': block.ids.map((r) => r.id).join(' ') });
  const [first, ...rest] = block.blocks;
  const inFirst = first?.type === 'paragraph';
  if (inFirst) w.start('p', { 'data-line': String(options.lineOf(first.at)) });
  w.start('strong', { class: 'hm-speaker' });
  writeInline(ctx, block.label);
  w.end();
  if (inFirst) {
    writeInline(ctx, first.children);
    w.end();
  }
  for (const b of inFirst ? rest : block.blocks) {
    if (b.type === 'paragraph') {
      w.start('p', { 'data-line': String(options.lineOf(b.at)) });
      writeInline(ctx, b.children);
      w.end();
    } else if (b.type === 'blockQuote') {
      writeBlockQuote(ctx, b, { 'data-line': String(options.lineOf(b.at)) });
    } else if (b.type === 'note') {
      ctx.notes.push({ label: b.note.definition.label, note: b.note });
    }
  }
  w.end();
}

/** The notes referred to in a block, right after it. */
function writeNotes(ctx: HtmlContext): void {
  if (ctx.notes.length === 0) return;
  const notes = ctx.notes.splice(0);
  const w = ctx.writer;
  w.start('aside', { class: 'hm-notes' });
  for (const { label, note } of notes) writeNote(ctx, label, note);
  w.end();
}

function writeNote(ctx: HtmlContext, label: string, note: NoteNode): void {
  const w = ctx.writer;
  w.start('p', { class: 'hm-note', id: noteAnchor(label) }).element('span', { class: 'hm-note-label' }, label).text(' ');
  writeInline(ctx, note.children);
  w.end();
}
