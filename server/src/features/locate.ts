// What is at an offset of a document: an entity reference, an entity
// definition, a footnote reference or definition, or a quotation. Shared by
// hover, definition, references, rename and the other position features.
// Every lookup is a binary search over the sorted lists of the tree.

import type { Location } from 'vscode-languageserver';
import type { DocumentEntry, WorkspaceIndex } from '../model/workspaceIndex';
import type { Position } from '../syntax/positions';
import type { Definition, FootnoteDefinition, FootnoteReference, IdRef, Mention, Quotation, Span, SyntaxTree } from '../syntax/types';

/**
 * A reference to an entity in any form (explicit, bare, attribution suffix,
 * speaker turn, front matter, field value, block-quote attribution).
 * `onId`: the offset is on the id itself; otherwise it is on the display
 * text of an explicit mention and `ref` is the mention's first id.
 */
export interface ReferenceTarget {
  kind: 'reference';
  id: string;
  ref: IdRef;
  mention: Mention;
  onId: boolean;
  /** The id when `onId`, else the whole mention. */
  span: Span;
}

/** A definition header; `onId` when the offset is on the defined id. */
export interface DefinitionTarget {
  kind: 'definition';
  id: string;
  definition: Definition;
  onId: boolean;
  /** The id when `onId`, else the header line. */
  span: Span;
}

export interface FootnoteReferenceTarget {
  kind: 'footnoteReference';
  label: string;
  reference: FootnoteReference;
  span: Span;
}

export interface FootnoteDefinitionTarget {
  kind: 'footnoteDefinition';
  label: string;
  definition: FootnoteDefinition;
  span: Span;
}

/** The innermost quotation at the offset, when nothing more specific is. */
export interface QuotationTarget {
  kind: 'quotation';
  quotation: Quotation;
  span: Span;
}

export type Target = ReferenceTarget | DefinitionTarget | FootnoteReferenceTarget | FootnoteDefinitionTarget | QuotationTarget;

/** Index of the last item of a start-sorted list with `start <= offset`, or -1. */
export function lastStartingAtOrBefore(list: readonly Span[], offset: number): number {
  let low = 0;
  let high = list.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (list[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** Inclusive of the end, so that a cursor just after an id is on it. */
function touches(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

function definitionAt(tree: SyntaxTree, offset: number): DefinitionTarget | undefined {
  const definition = tree.definitions[lastStartingAtOrBefore(tree.definitions, offset)];
  if (!definition || !touches(definition.header, offset)) return undefined;
  const onId = touches(definition.idSpan, offset);
  return { kind: 'definition', id: definition.id, definition, onId, span: onId ? definition.idSpan : definition.header };
}

/**
 * Mentions never cross a block, but one can lie inside another (an
 * attributed quotation in the display text of a mention): walking back from
 * the last mention starting before the offset, within its block, the first
 * one that holds the offset is the innermost.
 */
function referenceAt(tree: SyntaxTree, offset: number): ReferenceTarget | undefined {
  const block = tree.blocks[lastStartingAtOrBefore(tree.blocks, offset)];
  if (!block) return undefined;
  for (let k = lastStartingAtOrBefore(tree.mentions, offset); k >= 0 && tree.mentions[k].start >= block.start; k--) {
    const mention = tree.mentions[k];
    const ref = mention.ids.find((r) => touches(r.span, offset));
    if (ref) return { kind: 'reference', id: ref.id, ref, mention, onId: true, span: ref.span };
    if (mention.ids.length > 0 && mention.start <= offset && offset < mention.end) {
      const first = mention.ids[0];
      return { kind: 'reference', id: first.id, ref: first, mention, onId: false, span: { start: mention.start, end: mention.end } };
    }
  }
  return undefined;
}

function footnoteAt(tree: SyntaxTree, offset: number): FootnoteReferenceTarget | FootnoteDefinitionTarget | undefined {
  const reference = tree.footnoteReferences[lastStartingAtOrBefore(tree.footnoteReferences, offset)];
  if (reference && offset < reference.end) {
    return { kind: 'footnoteReference', label: reference.label, reference, span: { start: reference.start, end: reference.end } };
  }
  const definition = tree.footnoteDefinitions[lastStartingAtOrBefore(tree.footnoteDefinitions, offset)];
  // `[^label]:` at the start of the definition.
  const marker = definition && { start: definition.labelSpan.start - 2, end: definition.labelSpan.end + 2 };
  if (definition && marker && touches(marker, offset)) return { kind: 'footnoteDefinition', label: definition.label, definition, span: marker };
  return undefined;
}

/** Quotations nest, so the innermost one holding the offset is the last started one or an ancestor of it. */
function quotationAt(tree: SyntaxTree, offset: number): QuotationTarget | undefined {
  let k: number | undefined = lastStartingAtOrBefore(tree.quotations, offset);
  while (k !== undefined && k >= 0) {
    const quotation: Quotation = tree.quotations[k];
    if (offset < quotation.end) return { kind: 'quotation', quotation, span: { start: quotation.start, end: quotation.end } };
    k = quotation.parent;
  }
  return undefined;
}

export function targetAt(tree: SyntaxTree, offset: number): Target | undefined {
  return definitionAt(tree, offset) ?? referenceAt(tree, offset) ?? footnoteAt(tree, offset) ?? quotationAt(tree, offset);
}

/** The document and the target at an LSP position. */
export function locate(index: WorkspaceIndex, uri: string, position: Position): { entry: DocumentEntry; target: Target } | undefined {
  const entry = index.document(uri);
  if (!entry) return undefined;
  const target = targetAt(entry.tree, entry.lines.offsetAt(position));
  return target && { entry, target };
}

/** The entity ids a target stands for: the one under the cursor, or every id of the mention around it. */
export function targetIds(target: Target): string[] {
  if (target.kind === 'definition') return [target.id];
  if (target.kind !== 'reference') return [];
  return target.onId ? [target.id] : [...new Set(target.mention.ids.map((r) => r.id))];
}

/** The LSP location of a span of an indexed document. */
export function locationOf(index: WorkspaceIndex, uri: string, span: Span): Location | undefined {
  const lines = index.document(uri)?.lines;
  return lines && { uri, range: lines.range(span.start, span.end) };
}
