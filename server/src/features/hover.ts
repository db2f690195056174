// Hover: the entity card on any reference or definition, the note on a
// footnote reference, and the explanation of HM001 on an unattributed
// quotation.

import { type Hover, MarkupKind } from 'vscode-languageserver';
import type { DocumentEntry, WorkspaceIndex } from '../model/workspaceIndex';
import type { Position } from '../syntax/positions';
import type { Quotation } from '../syntax/types';
import { isUnattributed } from './diagnostics/quotations';
import { entityCard } from './entityCard';
import { locate, type Target, targetIds } from './locate';
import { code, join, type Markdown, md } from './markdown';
import { spanMarkdown } from './reading';

function entityCards(index: WorkspaceIndex, entry: DocumentEntry, target: Target): Markdown {
  const refs = target.kind !== 'reference' ? [] : target.onId ? [target.ref] : target.mention.ids;
  // On one of two definitions of an id (HM003), that definition's own card.
  const defined = target.kind === 'definition' ? entry.entities.find((e) => e.definition === target.definition) : undefined;
  const cards = targetIds(target).map((id) => {
    const entity = defined ?? index.entity(id);
    if (!entity) return md`${code(`@${id}`)}: no entity has this id (HM002). Define it in a registry file: ${code(`@person ${id}: Name`)}.`;
    return entityCard(index, entity, { uncertain: refs.some((ref) => ref.id === id && ref.uncertain) });
  });
  return join(cards, md`\n\n---\n\n`);
}

function footnoteNote(index: WorkspaceIndex, entry: DocumentEntry, label: string): Markdown {
  const definition = entry.tree.footnoteDefinitions.find((d) => d.label === label);
  if (!definition) return md`Footnote ${code(`[^${label}]`)} has no definition in this file (HM006): add a line ${code(`[^${label}]: …`)}.`;
  return md`**[^${label}]** ${spanMarkdown(index, entry, definition.content)}`;
}

function unattributedExplanation(quotation: Quotation, minWords: number): Markdown {
  const fix = quotation.block
    ? md`End the block quote with a line that says whose words these are:\n\n- \`> — @id\` or \`> — [text]{@id}\`: spoken or written by entity \`id\`\n- \`> — {@?}\`: the speaker is unknown\n- \`> {~}\`: not speech`
    : md`Add a brace group directly after the closing mark, with no space:\n\n- \`{@id}\`: spoken or written by entity \`id\` (\`{@a @b}\` jointly)\n- \`{@?}\`: the speaker is unknown — checked, and the source does not tell\n- \`{@?: description}\`: a speaker the source describes but does not name\n- \`{~}\`: not speech — a scare quote, a term, a title`;
  return md`**HM001 · unattributed quotation**\n\nA quotation of ${minWords} or more words says whose words it is. ${fix}`;
}

function hoverText(index: WorkspaceIndex, entry: DocumentEntry, target: Target): Markdown | undefined {
  switch (target.kind) {
    case 'reference':
    case 'definition':
      return entityCards(index, entry, target);
    case 'footnoteReference':
      return footnoteNote(index, entry, target.label);
    case 'quotation':
      return isUnattributed(target.quotation, index.config.minWords) ? unattributedExplanation(target.quotation, index.config.minWords) : undefined;
    case 'footnoteDefinition':
      return undefined;
  }
}

export function hover(index: WorkspaceIndex, uri: string, position: Position): Hover | null {
  const found = locate(index, uri, position);
  if (!found) return null;
  const { entry, target } = found;
  const value = hoverText(index, entry, target);
  if (value === undefined) return null;
  return { contents: { kind: MarkupKind.Markdown, value: value.source }, range: entry.lines.range(target.span.start, target.span.end) };
}
