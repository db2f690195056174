// The names of each entity folded for case- and accent-insensitive search
// (workspace symbols), folded once when its definition is indexed rather
// than on every query: a query then only compares.

import type { Entity } from './entity';

/** "Ḥoxha" → "hoxha": decomposed, combining marks dropped, lower case. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * One bit per character of `text` (by code unit, 32 buckets): a text whose
 * bits do not cover a query's lacks one of its characters, so it can match
 * the query neither as a substring nor letter by letter.
 */
export function characterBits(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) bits |= 1 << (text.charCodeAt(i) & 31);
  return bits;
}

export interface FoldedText {
  /** As written: what a symbol found by it shows. */
  text: string;
  folded: string;
  bits: number;
}

export interface FoldedNames {
  displayName: FoldedText;
  /** `@id`, the id and every alias, in that order (a tie goes to the first). */
  others: FoldedText[];
  /** The bits of every text above: a query they do not cover matches none. */
  bits: number;
}

function foldedText(text: string): FoldedText {
  const folded = fold(text);
  return { text, folded, bits: characterBits(folded) };
}

export function foldedNamesOf(entity: Entity): FoldedNames {
  const displayName = foldedText(entity.displayName);
  const others = [`@${entity.id}`, entity.id, ...entity.aliases].map(foldedText);
  return { displayName, others, bits: others.reduce((bits, o) => bits | o.bits, displayName.bits) };
}
