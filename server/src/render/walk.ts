// The one walk over a document's syntax tree shared by every renderer: the
// blocks become divs by heading, speaker turns, paragraphs and block
// quotes; each block's text becomes inline nodes (inlineWalk.ts). Nothing
// here knows an output format.

import type { Block, Definition, FootnoteDefinition, Span, SyntaxTree } from '../syntax/types';
import { type EntityLookup, type LineMarkup, type InlineContext, walkInline } from './inlineWalk';
import type { BlockNode, BlockQuoteNode, DivNode, InlineNode, NoteNode, ReadingDocument, TurnNode, WalkWarning } from './reading';
import { startingIn } from './spans';

export type { EntityLookup } from './inlineWalk';

/** What every walk of a tree reads and none changes, made once per tree (a registry's descriptions are walked once per entity). */
const treeTables = new WeakMap<SyntaxTree, { notes: Map<string, FootnoteDefinition>; mentionApparatus: Set<object> }>();

function context(tree: SyntaxTree, lookup: EntityLookup, warnings: ReadingDocument['warnings'], fragments: Map<number, number>): InlineContext {
  let tables = treeTables.get(tree);
  if (!tables) {
    const notes = new Map<string, FootnoteDefinition>();
    for (const d of tree.footnoteDefinitions) if (!notes.has(d.label)) notes.set(d.label, d);
    tables = { notes, mentionApparatus: new Set(tree.mentions.flatMap((m) => (m.apparatus ? [m.apparatus] : []))) };
    treeTables.set(tree, tables);
  }
  const ctx: InlineContext = {
    tree,
    lookup,
    ...tables,
    placedNotes: new Set(),
    fragments,
    warnings,
    renderNote: (definition) => noteOf(ctx, definition),
  };
  return ctx;
}

/** The markup at the start of each line of a region (`> `, indentation): removed, its line break kept. */
function lineMarkup(text: string, start: number, end: number, lineStart: (from: number) => number): LineMarkup[] {
  const markup: LineMarkup[] = [];
  let p = text.indexOf('\n', start);
  while (p !== -1 && p < end) {
    const breakStart = p > start && text[p - 1] === '\r' ? p - 1 : p;
    markup.push({ start: breakStart, end: Math.min(lineStart(p + 1), end), keep: text.slice(breakStart, p + 1) });
    p = text.indexOf('\n', p + 1);
  }
  return markup;
}

function skipIndent(text: string, from: number): number {
  let p = from;
  while (text[p] === ' ' || text[p] === '\t') p++;
  return p;
}

function noteOf(ctx: InlineContext, definition: FootnoteDefinition): NoteNode {
  const text = ctx.tree.text;
  const { start, end } = definition.content;
  return { definition, children: walkInline(ctx, start, end, lineMarkup(text, start, end, (p) => skipIndent(text, p))) };
}

/** The inline nodes of an entity's description (indentation removed), for hovers and exports. */
export function walkDescription(tree: SyntaxTree, definition: Definition, lookup: EntityLookup): { nodes: InlineNode[]; fragments: Map<number, number>; warnings: WalkWarning[] } {
  const fragments = new Map<number, number>();
  const warnings: WalkWarning[] = [];
  if (!definition.description) return { nodes: [], fragments, warnings };
  const ctx = context(tree, lookup, warnings, fragments);
  const text = tree.text;
  const { start, end } = definition.description;
  return { nodes: walkInline(ctx, start, end, lineMarkup(text, start, end, (p) => skipIndent(text, p))), fragments, warnings };
}

/** Malformed markup of a definition outside its description (a broken header): it has no place in any export. */
export function definitionProblems(tree: SyntaxTree, block: Span): WalkWarning[] {
  // A description lies inside its definition, which starts in the block.
  const descriptions = startingIn(tree.definitions, block.start, block.end).flatMap((d) => (d.description ? [d.description] : []));
  const inDescription = (at: number) => descriptions.some((d) => at >= d.start && at < d.end);
  return startingIn(tree.problems, block.start, block.end)
    .filter((p) => !inDescription(p.start))
    .map((p) => ({ at: p.start, message: `not exported: ${p.message}` }));
}

/** Where the reading text of a line starts: after indentation and a block quote's `>` marker. */
function afterLineMarkup(text: string, from: number): number {
  const p = skipIndent(text, from);
  return text[p] === '>' ? (text[p + 1] === ' ' ? p + 2 : p + 1) : p;
}

/**
 * The inline nodes of any span of a document (a heading's text, a turn's
 * opening, a quotation's content), line markup removed: what the Outline,
 * lists and hovers show of it.
 */
export function walkSpan(tree: SyntaxTree, span: Span, lookup: EntityLookup): InlineNode[] {
  const ctx = context(tree, lookup, [], new Map());
  const text = tree.text;
  return walkInline(ctx, span.start, span.end, lineMarkup(text, span.start, span.end, (p) => afterLineMarkup(text, p)));
}

/** The end of a block's content, without its final line break. */
function contentEnd(text: string, block: Span): number {
  let e = block.end;
  if (e > block.start && text[e - 1] === '\n') e--;
  if (e > block.start && text[e - 1] === '\r') e--;
  return e;
}

/** Block-level tables of a tree, made once per tree: a walk of a few blocks (the preview's) reads them without a pass over the whole tree. */
export interface BlockTables {
  turnsByStart: Map<number, SyntaxTree['turns'][number]>;
  quoteByStart: Map<number, { q: SyntaxTree['quotations'][number]; index: number }>;
  headingByStart: Map<number, SyntaxTree['headings'][number]>;
  referenced: Set<string>;
  firstDefinition: Map<string, FootnoteDefinition>;
  footnoteByStart: Map<number, FootnoteDefinition>;
}

const blockTablesByTree = new WeakMap<SyntaxTree, BlockTables>();

export function blockTables(tree: SyntaxTree): BlockTables {
  let tables = blockTablesByTree.get(tree);
  if (!tables) {
    const firstDefinition = new Map<string, FootnoteDefinition>();
    for (const d of tree.footnoteDefinitions) if (!firstDefinition.has(d.label)) firstDefinition.set(d.label, d);
    tables = {
      turnsByStart: new Map(tree.turns.map((t) => [t.start, t])),
      quoteByStart: new Map(tree.quotations.flatMap((q, index) => (q.block ? [[q.start, { q, index }] as const] : []))),
      headingByStart: new Map(tree.headings.map((h) => [h.start, h])),
      referenced: new Set(tree.footnoteReferences.map((r) => r.label)),
      firstDefinition,
      footnoteByStart: new Map(tree.footnoteDefinitions.map((d) => [d.start, d])),
    };
    blockTablesByTree.set(tree, tables);
  }
  return tables;
}

export function walkDocument(tree: SyntaxTree, lookup: EntityLookup): ReadingDocument {
  return walkBlockRanges(tree, lookup, [[0, tree.blocks.length]]);
}

/**
 * The reading document of some runs of the tree's blocks ([from, to) indexes
 * into `tree.blocks`), walked in order with one context (note placement
 * carries over). Each run must start where no speaker turn is open; its
 * blocks then flatten (`flatBlocks`) to exactly those of a whole-document walk.
 */
export function walkBlockRanges(tree: SyntaxTree, lookup: EntityLookup, ranges: readonly (readonly [number, number])[]): ReadingDocument {
  const doc: ReadingDocument = { blocks: [], fragments: new Map(), warnings: [] };
  const ctx = context(tree, lookup, doc.warnings, doc.fragments);
  const text = tree.text;
  const divs: DivNode[] = [];
  let turn: { node: TurnNode; end: number } | undefined;
  const container = (): BlockNode[] => turn?.node.blocks ?? divs[divs.length - 1]?.blocks ?? doc.blocks;
  const space = (start: number, end: number) => {
    if (end <= start) return;
    const blocks = container();
    const last = blocks[blocks.length - 1];
    // Whitespace between two blocks is one node, however many blank blocks it comes from.
    if (last?.type === 'space' && last.at + last.text.length === start) last.text += text.slice(start, end);
    else blocks.push({ type: 'space', text: text.slice(start, end), at: start });
  };
  const { turnsByStart, quoteByStart, headingByStart, referenced, firstDefinition, footnoteByStart } = blockTables(tree);

  for (const [from, to] of ranges) {
    turn = undefined;
    for (let b = from; b < to; b++) walkBlock(tree.blocks[b]);
  }
  return doc;

  function walkBlock(block: Block) {
    if (turn && block.start >= turn.end) turn = undefined;
    switch (block.kind) {
      case 'frontMatter':
        break;
      case 'blank':
        blank(block);
        break;
      case 'heading': {
        turn = undefined;
        const heading = headingByStart.get(block.start)!;
        while (divs.length > 0 && divs[divs.length - 1].heading.level >= heading.level) divs.pop();
        const div: DivNode = { type: 'div', heading, head: walkInline(ctx, heading.text.start, heading.text.end), blocks: [], at: block.start };
        container().push(div);
        divs.push(div);
        space(heading.end, block.end);
        break;
      }
      case 'paragraph':
        paragraph(block);
        break;
      case 'blockQuote':
        blockQuote(block);
        break;
      case 'footnoteDefinition': {
        const definition = footnoteByStart.get(block.start);
        if (definition && (!referenced.has(definition.label) || firstDefinition.get(definition.label) !== definition)) {
          if (firstDefinition.get(definition.label) !== definition) doc.warnings.push({ at: definition.start, message: `footnote [^${definition.label}] is defined again; this definition is exported where it stands` });
          container().push({ type: 'note', note: noteOf(ctx, definition), at: block.start });
        }
        break;
      }
      case 'definition':
        // Entity definitions go to the standOff, with the registry's.
        doc.warnings.push(...definitionProblems(tree, block));
        for (const c of startingIn(tree.comments, block.start, block.end)) doc.warnings.push({ at: c.start, message: 'a comment inside an entity definition is not exported' });
        break;
    }
  }

  function blank(block: Block) {
    let cursor = block.start;
    for (const c of startingIn(tree.comments, block.start, block.end)) {
      space(cursor, c.start);
      container().push({ type: 'comment', text: text.slice(c.start + 4, c.end - 3), at: c.start });
      cursor = c.end;
    }
    space(Math.max(cursor, block.start), block.end);
  }

  function paragraph(block: Block) {
    const end = contentEnd(text, block);
    let start = skipIndent(text, block.start);
    space(block.start, start);
    const t = turnsByStart.get(block.start);
    if (t) {
      turn = undefined;
      const node: TurnNode = {
        type: 'turn',
        label: walkInline(ctx, t.speaker.start, t.speaker.end + 1),
        ids: t.speaker.ids,
        entities: t.speaker.ids.map((r) => lookup(r.id)),
        blocks: [],
        at: block.start,
      };
      container().push(node);
      turn = { node, end: t.end };
      start = t.speaker.end + 1;
    }
    if (end > start || !t) container().push({ type: 'paragraph', children: walkInline(ctx, start, end), at: start });
    space(end, block.end);
  }

  function blockQuote(block: Block) {
    const found = quoteByStart.get(skipIndent(text, block.start));
    const end = contentEnd(text, block);
    if (!found) {
      container().push({ type: 'paragraph', children: walkInline(ctx, block.start, end), at: block.start });
      return space(end, block.end);
    }
    const { q, index } = found;
    space(block.start, q.start);
    const afterMarker = (p: number) => {
      const marker = text.indexOf('>', p);
      return text[marker + 1] === ' ' ? marker + 2 : marker + 1;
    };
    const { start, end: contentStop } = q.content;
    const node: BlockQuoteNode = {
      type: 'blockQuote',
      quotation: q,
      index,
      children: walkInline(ctx, start, contentStop, lineMarkup(text, start, contentStop, afterMarker)),
      at: q.start,
    };
    const attribution = q.attribution;
    if (attribution?.kind === 'entities') {
      node.attributionBreak = text.slice(contentStop, text.lastIndexOf('\n', attribution.start) + 1);
      node.attributionLine = walkInline(ctx, attribution.start, attribution.end);
      attributionMentions(node, attribution);
    }
    container().push(node);
    space(end, block.end);
  }

  /** `> — {@a @b}` holds an attribution-form mention, which the line shows as the names. */
  function attributionMentions(node: BlockQuoteNode, attribution: Span) {
    const braces = startingIn(tree.mentions, attribution.start, attribution.end).filter((m) => m.form === 'attribution' && m.end <= attribution.end);
    if (braces.length === 0) return;
    const [m] = braces;
    node.attributionLine = [
      { type: 'text', text: text.slice(attribution.start, m.start), at: attribution.start },
      { type: 'mention', form: 'bare', ids: m.ids, entities: m.ids.map((r) => lookup(r.id)), children: [], at: m.start },
    ];
  }
}
