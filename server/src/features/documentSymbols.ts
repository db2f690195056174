// The document outline: headings, entity definitions and speaker turns,
// nested by containment (a heading holds its section, SPEC 3; a turn holds
// a definition written between its paragraphs).

import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { DocumentEntry, WorkspaceIndex } from '../model/workspaceIndex';
import type { EntityKind, Heading, Span, Turn } from '../syntax/types';

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

/** The items of `list` (sorted by start, as the tree's lists are) that lie inside `span`. */
function within<T extends Span>(list: readonly T[], span: Span): T[] {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid].start < span.start) low = mid + 1;
    else high = mid;
  }
  const out: T[] = [];
  for (let i = low; i < list.length && list[i].start < span.end; i++) if (list[i].end <= span.end) out.push(list[i]);
  return out;
}

/**
 * The text of `span` as a reader sees it, on one line: `[text]{…}` groups
 * become their text, `{pb}`/`{gap}` marks and comments go, escapes resolve.
 */
function readableText(entry: DocumentEntry, span: Span): string {
  const { tree, text } = entry;
  const groups = [
    ...within(tree.mentions, span).filter((m) => m.form === 'explicit').map((m) => ({ start: m.start, end: m.end, inner: m.display })),
    ...within(tree.apparatus, span).map((a) => ({ start: a.start, end: a.end, inner: a.text })),
    ...within(tree.comments, span).map((c) => ({ start: c.start, end: c.end, inner: undefined })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = span.start;
  for (const group of groups) {
    // A mention carrying an apparatus is listed twice; nested groups are read with their parent.
    if (group.start < cursor) continue;
    out += text.slice(cursor, group.start) + (group.inner ? readableText(entry, group.inner) : '');
    cursor = group.end;
  }
  out += text.slice(cursor, span.end);
  return out.replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim();
}

function speakerName(index: WorkspaceIndex, entry: DocumentEntry, turn: Turn): string {
  const { speaker } = turn;
  if (speaker.display) return readableText(entry, speaker.display);
  return index.entity(speaker.ids[0].id)?.displayName ?? `@${speaker.ids[0].id}`;
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
      return symbolOf(entry, { start: heading.start, end }, heading, readableText(entry, heading.text), HEADING_SYMBOL_KIND);
    }),
    ...tree.definitions.map((d) => symbolOf(entry, d, d.idSpan, d.id, ENTITY_SYMBOL_KINDS[d.kind], d.name)),
    ...tree.turns.map((turn) =>
      symbolOf(entry, turn, turn.speaker, speakerName(index, entry, turn), TURN_SYMBOL_KIND, turn.speaker.ids.map((ref) => `@${ref.id}`).join(' ')),
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
