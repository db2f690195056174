// The document outline: headings, entity definitions and speaker turns,
// nested by containment (a heading holds its section, SPEC 3; a turn holds
// a definition written between its paragraphs). Names are reading text; a
// turn shows its speaker and opening words, so consecutive turns differ.
// The outline is cached per document entry and the entities its labels
// named: asking again answers at once, and a definition renamed in another
// document still relabels it.

import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { DocumentEntry, WorkspaceIndex } from '../model/workspaceIndex';
import { type Entity, shortName } from '../model/entity';
import type { EntityKind, Heading, Span, Turn } from '../syntax/types';
import { lineText, openingWords } from '../render/plainText';
import { type EntityLookup, walkSpan } from '../render/walk';

export const ENTITY_SYMBOL_KINDS: Record<EntityKind, SymbolKind> = {
  person: SymbolKind.Object,
  org: SymbolKind.Struct,
  place: SymbolKind.Package,
  event: SymbolKind.Event,
  work: SymbolKind.File,
};
// Headings as in VS Code's Markdown outline.
const HEADING_SYMBOL_KIND = SymbolKind.String;
const TURN_SYMBOL_KIND = SymbolKind.Method;

/**
 * Where the section of each heading ends: at the last non-blank character
 * before the next heading of the same or a higher level (or the text end).
 */
export function headingSections(entry: DocumentEntry): { heading: Heading; end: number }[] {
  const { headings } = entry.tree;
  const bounds = headings.map(() => entry.text.length);
  const open: number[] = [];
  headings.forEach((heading, i) => {
    while (open.length > 0 && headings[open[open.length - 1]].level >= heading.level) bounds[open.pop()!] = heading.start;
    open.push(i);
  });
  return headings.map((heading, i) => {
    let end = bounds[i];
    while (end > heading.end && /\s/.test(entry.text[end - 1])) end--;
    return { heading, end };
  });
}

/** Words of a turn's opening shown in the Outline: enough to tell consecutive turns apart. */
const OPENING_WORDS = 7;

/** The reading text of `span` on one line, its mentions' names looked up by `lookup`. */
function labelText(entry: DocumentEntry, span: Span, lookup: EntityLookup): string {
  return lineText(walkSpan(entry.tree, span, lookup));
}

/** Who speaks, short: surnames of registered people ("Suslov, Mikoyan"), else the label as written. */
function speakerName(entry: DocumentEntry, turn: Turn, lookup: EntityLookup): string {
  const { speaker } = turn;
  const entities = speaker.ids.map((ref) => lookup(ref.id));
  if (entities.every((e) => e !== undefined)) return entities.map((e) => shortName(e!)).join(', ');
  return speaker.display ? labelText(entry, speaker.display, lookup) : speaker.ids.map((ref) => `@${ref.id}`).join(' ');
}

/** "Hoxha — “We brought in the minister…”": the speaker and the opening words of the turn. */
function turnLabel(entry: DocumentEntry, turn: Turn, lookup: EntityLookup): string {
  const first = turn.speech[0] ?? turn;
  const afterColon = entry.text.indexOf(':', turn.speaker.end) + 1;
  const opening = openingWords(labelText(entry, { start: afterColon, end: first.end }, lookup), OPENING_WORDS);
  const speaker = speakerName(entry, turn, lookup);
  if (!opening) return speaker;
  return /^["“„«]/.test(opening) ? `${speaker} — ${opening}` : `${speaker} — “${opening}”`;
}

interface Node {
  span: Span;
  symbol: DocumentSymbol;
}

function symbolOf(entry: DocumentEntry, span: Span, selection: Span, name: string, kind: SymbolKind, detail?: string): Node {
  const symbol: DocumentSymbol = {
    // A symbol with an empty name is rejected by VS Code.
    name: name === '' ? '…' : name,
    detail,
    kind,
    range: entry.lines.range(span.start, span.end),
    selectionRange: entry.lines.range(selection.start, selection.end),
    children: [],
  };
  return { span, symbol };
}

interface Outline {
  symbols: DocumentSymbol[];
  /** Every id a label looked up, and the entity it found (undefined: none): the labels show their names. */
  lookedUp: Map<string, Entity | undefined>;
}

/**
 * By document entry, which the index replaces on every edit of the document.
 * Entities are replaced too when their definition's document is edited, so
 * an outline whose looked-up ids still find the same entities is current.
 */
const outlines = new WeakMap<DocumentEntry, Outline>();

export function documentSymbols(index: WorkspaceIndex, uri: string): DocumentSymbol[] {
  const entry = index.document(uri);
  if (!entry) return [];
  const cached = outlines.get(entry);
  if (cached && [...cached.lookedUp].every(([id, entity]) => index.entity(id) === entity)) return cached.symbols;
  const lookedUp = new Map<string, Entity | undefined>();
  const lookup: EntityLookup = (id) => {
    const entity = index.entity(id);
    lookedUp.set(id, entity);
    return entity;
  };
  const symbols = outlineOf(entry, lookup);
  outlines.set(entry, { symbols, lookedUp });
  return symbols;
}

function outlineOf(entry: DocumentEntry, lookup: EntityLookup): DocumentSymbol[] {
  const { tree } = entry;
  const nodes: Node[] = [
    ...headingSections(entry).map(({ heading, end }) => {
      return symbolOf(entry, { start: heading.start, end }, heading, labelText(entry, heading.text, lookup), HEADING_SYMBOL_KIND);
    }),
    // The name a reader knows the entity by; the id is the detail, as a turn's ids are.
    ...tree.definitions.map((d) => symbolOf(entry, d, d.idSpan, d.name ?? d.id, ENTITY_SYMBOL_KINDS[d.kind], `@${d.id}`)),
    ...tree.turns.map((turn) =>
      symbolOf(entry, turn, turn.speaker, turnLabel(entry, turn, lookup), TURN_SYMBOL_KIND, turn.speaker.ids.map((ref) => `@${ref.id}`).join(' ')),
    ),
  ];
  // Outer spans first, so that each node's parent is already on the stack.
  nodes.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const roots: DocumentSymbol[] = [];
  const open: Node[] = [];
  for (const node of nodes) {
    while (open.length > 0 && open[open.length - 1].span.end < node.span.end) open.pop();
    const parent = open[open.length - 1];
    (parent ? parent.symbol.children! : roots).push(node.symbol);
    open.push(node);
  }
  return roots;
}
