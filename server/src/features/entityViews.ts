// Data for the VS Code Entities view and the "quotations by this entity"
// picker: entity summaries, mentions grouped by document, quotations.

import type { Position } from 'vscode-languageserver-types';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { locate, targetIds } from './locate';
import type { DocumentMentions, EntitySummary, QuotationSummary } from '../lsp/protocol';
import { quotationExcerpt } from './diagnostics/quotations';

/** The entity referenced or defined at a position (the first, for a joint mention). */
export function entityAt(index: WorkspaceIndex, uri: string, position: Position): string | null {
  const found = locate(index, uri, position);
  return found ? (targetIds(found.target)[0] ?? null) : null;
}

export function listEntities(index: WorkspaceIndex): EntitySummary[] {
  const summaries: EntitySummary[] = [];
  for (const entity of index.entities()) {
    const entry = index.document(entity.uri);
    if (!entry) continue;
    summaries.push({
      id: entity.id,
      kind: entity.kind,
      name: entity.displayName,
      aliases: entity.aliases,
      mentions: index.referenceCounts(entity.id).mentions,
      definition: { uri: entity.uri, range: entry.lines.range(entity.definition.idSpan.start, entity.definition.idSpan.end) },
    });
  }
  return summaries.sort((a, b) => a.name.localeCompare(b.name));
}

export function mentionsByDocument(index: WorkspaceIndex, id: string): DocumentMentions[] {
  const byUri = new Map<string, DocumentMentions>();
  for (const { uri, mention, ref } of index.mentionsOf(id)) {
    const entry = index.document(uri)!;
    const shown = mention.display ?? ref.span;
    let group = byUri.get(uri);
    if (!group) byUri.set(uri, (group = { uri, mentions: [] }));
    group.mentions.push({ range: entry.lines.range(mention.start, mention.end), text: entry.text.slice(shown.start, shown.end).replace(/\s+/g, ' ') });
  }
  return [...byUri.values()].sort((a, b) => (a.uri < b.uri ? -1 : 1));
}

export function quotationsBy(index: WorkspaceIndex, id: string): QuotationSummary[] {
  const out: QuotationSummary[] = [];
  for (const uri of index.referencingDocuments(id).sort()) {
    const entry = index.document(uri);
    if (!entry) continue;
    for (const q of entry.tree.quotations) {
      if (!q.attribution?.ids.some((ref) => ref.id === id)) continue;
      out.push({ location: { uri, range: entry.lines.range(q.start, q.end) }, excerpt: quotationExcerpt(entry.text, q, entry.tree.comments, 80) });
    }
  }
  return out;
}
