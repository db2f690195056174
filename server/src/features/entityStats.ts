// How much the corpus says about an entity: its references, the documents
// they are in, the quotations attributed to it and the turns it speaks.
// Only the documents that reference the id are read.

import type { WorkspaceIndex } from '../model/workspaceIndex';

export interface EntityStats {
  /** References in any form (what Find References lists, without the definition). */
  mentions: number;
  documents: number;
  /** Inline and block quotations whose attribution names the id. */
  quotations: number;
  turns: number;
}

export function entityStats(index: WorkspaceIndex, id: string): EntityStats {
  const stats: EntityStats = { mentions: 0, documents: 0, quotations: 0, turns: 0 };
  const names = (refs: readonly { id: string }[] | undefined) => refs?.some((ref) => ref.id === id) === true;
  for (const uri of index.referencingDocuments(id)) {
    const entry = index.document(uri);
    if (!entry) continue;
    stats.documents++;
    stats.mentions += entry.references.get(id)?.length ?? 0;
    for (const quotation of entry.tree.quotations) if (names(quotation.attribution?.ids)) stats.quotations++;
    for (const turn of entry.tree.turns) if (names(turn.speaker.ids)) stats.turns++;
  }
  return stats;
}

/** `1 mention`, `3 quotations`. */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
