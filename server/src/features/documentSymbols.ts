// The document outline: headings, entity definitions and speaker turns,
// nested by containment (a heading holds its section, SPEC 3; a turn holds
// a definition written between its paragraphs). Names are reading text; a
// turn shows its speaker and opening words, so consecutive turns differ.

import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { DocumentEntry, WorkspaceIndex } from '../model/workspaceIndex';
import { shortName } from '../model/entity';
import type { EntityKind, Heading, Span, Turn } from '../syntax/types';
import { openingWords } from '../render/plainText';
import { spanText } from './reading';

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

/** Who speaks, short: surnames of registered people ("Suslov, Mikoyan"), else the label as written. */
function speakerName(index: WorkspaceIndex, entry: DocumentEntry, turn: Turn): string {
  const { speaker } = turn;
  const entities = speaker.ids.map((ref) => index.entity(ref.id));
  if (entities.every((e) => e !== undefined)) return entities.map((e) => shortName(e!)).join(', ');
  return speaker.display ? spanText(index, entry, speaker.display) : speaker.ids.map((ref) => `@${ref.id}`).join(' ');
}

/** "Hoxha — “We brought in the minister…”": the speaker and the opening words of the turn. */
function turnLabel(index: WorkspaceIndex, entry: DocumentEntry, turn: Turn): string {
  const first = turn.speech[0] ?? turn;
  const afterColon = entry.text.indexOf(':', turn.speaker.end) + 1;
  const opening = openingWords(spanText(index, entry, { start: afterColon, end: first.end }), OPENING_WORDS);
  const speaker = speakerName(index, entry, turn);
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

export function documentSymbols(index: WorkspaceIndex, uri: string): DocumentSymbol[] {
  const entry = index.document(uri);
  if (!entry) return [];
  const { tree } = entry;
  const nodes: Node[] = [
    ...headingSections(entry).map(({ heading, end }) => {
      return symbolOf(entry, { start: heading.start, end }, heading, spanText(index, entry, heading.text), HEADING_SYMBOL_KIND);
    }),
    // The name a reader knows the entity by; the id is the detail, as a turn's ids are.
    ...tree.definitions.map((d) => symbolOf(entry, d, d.idSpan, d.name ?? d.id, ENTITY_SYMBOL_KINDS[d.kind], `@${d.id}`)),
    ...tree.turns.map((turn) =>
      symbolOf(entry, turn, turn.speaker, turnLabel(index, entry, turn), TURN_SYMBOL_KIND, turn.speaker.ids.map((ref) => `@${ref.id}`).join(' ')),
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
