// The names of each entity folded for case- and accent-insensitive search
// (workspace symbols), folded once when its definition is indexed rather
// than on every query: a query then only compares.

import type { Entity } from './entity';

/** "Ḥoxha" → "hoxha": decomposed, combining marks dropped, lower case. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface FoldedText {
  /** As written: what a symbol found by it shows. */
  text: string;
  folded: string;
}

export interface FoldedNames {
  displayName: string;
  /** `@id`, the id and every alias, in that order (a tie goes to the first). */
  others: FoldedText[];
}

export function foldedNamesOf(entity: Entity): FoldedNames {
  return {
    displayName: fold(entity.displayName),
    others: [`@${entity.id}`, entity.id, ...entity.aliases].map((text) => ({ text, folded: fold(text) })),
  };
}
