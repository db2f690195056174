// The reading structure of one document: the flat, overlapping lists of the
// syntax tree turned into a properly nested tree (document → divs by
// heading → turns, paragraphs, block quotes → inline nodes). Built once by
// `walk.ts`; every output (TEI, HTML, plain reading text) serialises it.
// `at` is the source offset a node starts at, for messages and scroll sync.

import type { Entity } from '../model/entity';
import type { Apparatus, FootnoteDefinition, Heading, IdRef, Quotation } from '../syntax/types';

export interface TextNode {
  type: 'text';
  text: string;
  at: number;
}

/** `[display]{@id}` (children: the display) or a bare `@id` (no children: serialisers say the name). */
export interface MentionNode {
  type: 'mention';
  form: 'explicit' | 'bare';
  ids: IdRef[];
  /** The definition of each id, undefined where there is none (HM002). */
  entities: (Entity | undefined)[];
  children: InlineNode[];
  at: number;
}

/**
 * One piece of a quotation, marks included, attribution suffix removed. A
 * quotation that crosses a paragraph (or a mention's brackets) is split into
 * fragments: `fragment` counts from 0, `first`/`last` say whether the piece
 * holds its opening/closing end.
 */
export interface QuotationNode {
  type: 'quotation';
  quotation: Quotation;
  /** Index in the tree's `quotations`: one quotation's fragments share it. */
  index: number;
  fragment: number;
  first: boolean;
  last: boolean;
  children: InlineNode[];
  at: number;
}

/** sic, unclear, stage, supplied, foreign, notMention: a mark around text. */
export interface ApparatusNode {
  type: 'apparatus';
  apparatus: Apparatus;
  children: InlineNode[];
  at: number;
}

export interface PageBreakNode {
  type: 'pageBreak';
  n?: string;
  at: number;
}

export interface GapNode {
  type: 'gap';
  reason?: string;
  at: number;
}

/** `[^label]`; `note` is its definition, rendered where the reference is. */
export interface NoteRefNode {
  type: 'noteRef';
  label: string;
  note?: NoteNode;
  /** A later reference to a note already placed at an earlier one. */
  repeat: boolean;
  at: number;
}

export interface CommentNode {
  type: 'comment';
  /** Between `<!--` and `-->`. */
  text: string;
  at: number;
}

/** Malformed markup (HM010) kept as the characters it is written with. */
export interface MalformedNode {
  type: 'malformed';
  text: string;
  at: number;
}

export type InlineNode = TextNode | MentionNode | QuotationNode | ApparatusNode | PageBreakNode | GapNode | NoteRefNode | CommentNode | MalformedNode;

export interface NoteNode {
  definition: FootnoteDefinition;
  children: InlineNode[];
}

/** Whitespace between blocks, as the source has it. */
export interface SpaceNode {
  type: 'space';
  text: string;
  at: number;
}

export interface ParagraphNode {
  type: 'paragraph';
  children: InlineNode[];
  at: number;
}

export interface BlockQuoteNode {
  type: 'blockQuote';
  quotation: Quotation;
  index: number;
  children: InlineNode[];
  /** The `> — [name]{@id}` line of an attribution to entities: the names as written. */
  attributionLine?: InlineNode[];
  /** The line break between the quoted lines and that line. */
  attributionBreak?: string;
  at: number;
}

export interface TurnNode {
  type: 'turn';
  /** The speaker mention and the `:` after it. */
  label: InlineNode[];
  ids: IdRef[];
  entities: (Entity | undefined)[];
  blocks: BlockNode[];
  at: number;
}

export interface DivNode {
  type: 'div';
  heading: Heading;
  head: InlineNode[];
  blocks: BlockNode[];
  at: number;
}

/** A footnote definition no reference points at: it stays where it is. */
export interface NoteBlockNode {
  type: 'note';
  note: NoteNode;
  at: number;
}

export type BlockNode = SpaceNode | CommentNode | ParagraphNode | BlockQuoteNode | TurnNode | DivNode | NoteBlockNode;

/** Something the walk found no place for in the reading structure. */
export interface WalkWarning {
  at: number;
  message: string;
}

export interface ReadingDocument {
  blocks: BlockNode[];
  /** How many fragments each split quotation has, by quotation index. */
  fragments: Map<number, number>;
  warnings: WalkWarning[];
}

