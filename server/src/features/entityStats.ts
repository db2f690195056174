// How much the corpus says about an entity: its references, the documents
// they are in, the quotations attributed to it and the turns it speaks,
// from the counts the index keeps (a hover must not read every document).

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
  const { mentions, quotations, turns } = index.referenceCounts(id);
  return { mentions, documents: index.referencingDocuments(id).length, quotations, turns };
}

/** `1 mention`, `3 quotations`. */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
