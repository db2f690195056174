// Data for the VS Code Entities view and the "quotations by this entity"
// picker: entity summaries sorted as a historian's index is (people by
// surname), each entity's references grouped by document with their kind
// and a line of context, transcripts apart from the registry, and the
// quotations attributed to it.

import type { Position } from 'vscode-languageserver-types';
import { sortKey } from '../model/entity';
import type { DocumentEntry, WorkspaceIndex } from '../model/workspaceIndex';
import type { Mention, Span } from '../syntax/types';
import { locate, targetIds } from './locate';
import type { DocumentMentions, EntityAtPosition, EntitySummary, MentionKind, MentionRow, QuotationSummary } from '../lsp/protocol';
import { entityStats, statsLine } from './entityStats';
import { openingWords } from '../render/plainText';
import { contextAround, spanText } from './reading';

/** Words of a quotation shown in a list. */
const QUOTATION_WORDS = 12;

/** The entity referenced or defined at a position (the first, for a joint mention), with the name to show for it. */
export function entityAt(index: WorkspaceIndex, uri: string, position: Position): EntityAtPosition | null {
  const found = locate(index, uri, position);
  const id = found ? targetIds(found.target)[0] : undefined;
  return id === undefined ? null : { id, name: index.entity(id)?.displayName ?? `@${id}` };
}

export function listEntities(index: WorkspaceIndex): EntitySummary[] {
  const summaries: (EntitySummary & { key: string })[] = [];
  for (const entity of index.entities()) {
    const entry = index.document(entity.uri);
    if (!entry) continue;
    const stats = entityStats(index, entity.id);
    summaries.push({
      id: entity.id,
      kind: entity.kind,
      name: entity.displayName,
      aliases: entity.aliases,
      mentions: stats.mentions + stats.registryMentions,
      counts: statsLine(stats),
      definition: { uri: entity.uri, range: entry.lines.range(entity.definition.idSpan.start, entity.definition.idSpan.end) },
      key: sortKey(entity),
    });
  }
  summaries.sort((a, b) => a.key.localeCompare(b.key) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  return summaries.map(({ key: _key, ...summary }) => summary);
}

const contains = (outer: Span, inner: Span) => outer.start <= inner.start && inner.end <= outer.end;

/** The innermost item of `list` containing `span` (lists are small per document; a scan is enough). */
function innermost<T extends Span>(list: readonly T[], span: Span): T | undefined {
  let found: T | undefined;
  for (const item of list) if (contains(item, span) && (!found || contains(found, item))) found = item;
  return found;
}

function mentionRow(index: WorkspaceIndex, entry: DocumentEntry, mention: Mention, shown: Span): MentionRow {
  const { tree, text } = entry;
  const row = (kind: MentionKind, kindLabel: string, context: string, highlight?: [number, number]): MentionRow => ({
    range: entry.lines.range(mention.start, mention.end),
    text: text.slice(shown.start, shown.end).replace(/\s+/g, ' '),
    kind,
    kindLabel,
    context,
    highlight,
  });
  if (mention.form === 'frontMatter' || mention.form === 'field') {
    const fields = mention.form === 'frontMatter' ? (tree.frontMatter?.entries ?? []) : tree.definitions.flatMap((d) => d.fields);
    const field = innermost(fields, mention);
    // A field says whose: "Nikita Sergeyevich Khrushchev · member-of: @cpsu".
    const owner = mention.form === 'field' ? innermost(tree.definitions, mention) : undefined;
    const prefix = owner ? `${owner.name ?? owner.id} · ` : '';
    const from = field?.start ?? mention.start;
    const raw = text.slice(from, field?.end ?? mention.end);
    const at = prefix.length + mention.start - from - (raw.length - raw.trimStart().length);
    return row('metadata', field?.key ?? 'metadata', prefix + raw.trim(), [at, at + mention.end - mention.start]);
  }
  const attributed = tree.quotations.find((q) => q.attribution && contains(q.attribution, mention));
  if (attributed) return row('attribution', 'attribution', `“${openingWords(spanText(index, entry, attributed.content), QUOTATION_WORDS)}”`);
  // The block around the mention, without a heading's `#`, a footnote's label or a definition's fields.
  const around =
    innermost(tree.headings, mention)?.text ??
    innermost(tree.footnoteDefinitions, mention)?.content ??
    innermost(tree.definitions, mention)?.description ??
    innermost(tree.blocks, mention) ??
    mention;
  const { text: context, highlight } = contextAround(index, entry, around, mention);
  if (tree.turns.some((turn) => turn.speaker === mention)) return row('turn', 'turn', context, highlight);
  const quoted = innermost(tree.quotations, mention);
  return quoted ? row('quotation', 'in a quotation', context, highlight) : row('mention', 'mention', context, highlight);
}

/** The references to `id` by document: transcripts first, then the registry, each by path. */
export function mentionsByDocument(index: WorkspaceIndex, id: string): DocumentMentions[] {
  const byUri = new Map<string, DocumentMentions>();
  for (const { uri, mention, ref } of index.mentionsOf(id)) {
    const entry = index.document(uri)!;
    let group = byUri.get(uri);
    if (!group) byUri.set(uri, (group = { uri, registry: entry.isRegistry, mentions: [] }));
    group.mentions.push(mentionRow(index, entry, mention, mention.display ?? ref.span));
  }
  return [...byUri.values()].sort((a, b) => Number(a.registry) - Number(b.registry) || (a.uri < b.uri ? -1 : 1));
}

function documentTitle(entry: DocumentEntry): string | undefined {
  return entry.tree.frontMatter?.entries.find((e) => e.key === 'title')?.value.trim() || undefined;
}

/** Each transcript quotation attributed to `id`, once, in document order. */
export function quotationsBy(index: WorkspaceIndex, id: string): QuotationSummary[] {
  const out: QuotationSummary[] = [];
  for (const uri of index.referencingDocuments(id).sort()) {
    const entry = index.document(uri);
    // A quotation in a registry description is the registry's, not the entity's.
    if (!entry || entry.isRegistry) continue;
    for (const q of entry.tree.quotations) {
      if (!q.attribution?.ids.some((ref) => ref.id === id)) continue;
      out.push({
        location: { uri, range: entry.lines.range(q.start, q.end) },
        excerpt: openingWords(spanText(index, entry, q.content), QUOTATION_WORDS),
        documentTitle: documentTitle(entry),
      });
    }
  }
  return out;
}
