// Find references (across every file for entities, within the file for
// footnotes) and document highlights. A reference's range is the id (or
// the footnote label) itself, the text a rename would change.

import { type CancellationToken, type DocumentHighlight, DocumentHighlightKind, type Location } from 'vscode-languageserver';
import type { DocumentEntry, WorkspaceIndex } from '../model/workspaceIndex';
import type { Position } from '../syntax/positions';
import type { Span } from '../syntax/types';
import { entityDefinitionLocations } from './definition';
import { locate, locationOf, type Target, targetIds } from './locate';

/** Every reference to `id` in the workspace, file by file in uri order; undefined when cancelled. */
export function entityReferenceLocations(index: WorkspaceIndex, id: string, token?: CancellationToken): Location[] | undefined {
  const locations: Location[] = [];
  for (const { uri, ref } of index.referenceSites(id)) {
    if (token?.isCancellationRequested) return undefined;
    const location = locationOf(index, uri, ref);
    if (location) locations.push(location);
  }
  // A stable sort keeps each file's references in document order.
  return locations.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

/** Footnote labels in one file: the references, and the definitions as declarations. */
function footnoteLabels(entry: DocumentEntry, label: string): { references: Span[]; declarations: Span[] } {
  return {
    references: entry.tree.footnoteReferences.filter((r) => r.label === label).map((r) => r.labelSpan),
    declarations: entry.tree.footnoteDefinitions.filter((d) => d.label === label).map((d) => d.labelSpan),
  };
}

function footnoteLabel(target: Target): string | undefined {
  return target.kind === 'footnoteReference' || target.kind === 'footnoteDefinition' ? target.label : undefined;
}

export function references(index: WorkspaceIndex, uri: string, position: Position, includeDeclaration: boolean, token?: CancellationToken): Location[] {
  const found = locate(index, uri, position);
  if (!found) return [];
  const { entry, target } = found;
  const label = footnoteLabel(target);
  if (label !== undefined) {
    const { references: refs, declarations } = footnoteLabels(entry, label);
    return [...(includeDeclaration ? declarations : []), ...refs].flatMap((span) => locationOf(index, uri, span) ?? []);
  }
  const locations: Location[] = [];
  for (const id of targetIds(target)) {
    if (includeDeclaration) locations.push(...entityDefinitionLocations(index, id));
    const refs = entityReferenceLocations(index, id, token);
    if (!refs) return [];
    locations.push(...refs);
  }
  return locations;
}

export function documentHighlights(index: WorkspaceIndex, uri: string, position: Position): DocumentHighlight[] {
  const found = locate(index, uri, position);
  if (!found) return [];
  const { entry, target } = found;
  const reads: Span[] = [];
  const writes: Span[] = [];
  const label = footnoteLabel(target);
  if (label !== undefined) {
    const { references: refs, declarations } = footnoteLabels(entry, label);
    reads.push(...refs);
    writes.push(...declarations);
  }
  for (const id of targetIds(target)) {
    for (const mention of entry.tree.mentions) reads.push(...mention.ids.filter((ref) => ref.id === id).map((ref) => ref.span));
    writes.push(...entry.tree.definitions.filter((d) => d.id === id).map((d) => d.idSpan));
  }
  const highlight = (kind: DocumentHighlightKind) => (span: Span) => ({ span, kind });
  return [...reads.map(highlight(DocumentHighlightKind.Read)), ...writes.map(highlight(DocumentHighlightKind.Write))]
    .sort((a, b) => a.span.start - b.span.start)
    .map(({ span, kind }) => ({ range: entry.lines.range(span.start, span.end), kind }));
}
