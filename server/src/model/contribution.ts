// What one document contributes to the tables that other documents'
// diagnostics read (HM002, HM003, HM005, HM008, HM013, HM014), and which
// documents a change of it can affect. Shared by the index (an edit in the
// editor), the CLI's cache (a file changed since the last run) and
// `--changed-since` (a file changed since a git ref), so that all three
// agree on what a change reaches.

import type { Entity } from './entity';
import { firstWord } from './nameMatcher';

/**
 * One key per id, name or authority id the document holds, carrying in
 * document order everything that other documents read about it: a key that
 * is added, removed or different is a change.
 */
export interface Contribution {
  /** `id kind,kind…`: a kind matters to HM013, the count to HM003. */
  definitions: Set<string>;
  /** `name` then a line `id display name` per claim (`id!` with `match: no`): claimant ids (HM008), the entity a name links to and whether it is matched (HM005). */
  names: Set<string>;
  /** `key:value` then the claimant ids (HM014). */
  authorities: Set<string>;
}

function group(entities: readonly Entity[], keysOf: (entity: Entity) => string[], valueOf: (entity: Entity) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const entity of entities) {
    for (const key of keysOf(entity)) {
      const list = groups.get(key);
      if (list) list.push(valueOf(entity));
      else groups.set(key, [valueOf(entity)]);
    }
  }
  return groups;
}

/** The contribution of a document's entities (in document order). */
export function contributionOf(entities: readonly Entity[]): Contribution {
  // Names and ids hold no line break: `\n` separates the parts of a key.
  const keys = (groups: Map<string, string[]>, separator: string) => new Set([...groups].map(([key, values]) => [key, ...values].join(separator)));
  return {
    definitions: keys(group(entities, (e) => [e.id], (e) => e.kind), ' '),
    names: keys(group(entities, (e) => [...new Set(e.names.map((c) => c.name))], (e) => `${e.id}${e.matchable ? '' : '!'} ${e.displayName}`), '\n'),
    authorities: keys(group(entities, (e) => [...new Set(e.authorities.map((a) => `${a.key}:${a.value}`))], (e) => e.id), '\n'),
  };
}

export const EMPTY_CONTRIBUTION: Contribution = { definitions: new Set(), names: new Set(), authorities: new Set() };

/** The ids, names and authority ids whose keys differ between two contributions of one document. */
export interface ContributionChange {
  ids: string[];
  names: string[];
  authorities: string[];
}

function changedKeys(before: Set<string>, after: Set<string>, head: (key: string) => string): string[] {
  const out = new Set<string>();
  for (const k of before) if (!after.has(k)) out.add(head(k));
  for (const k of after) if (!before.has(k)) out.add(head(k));
  return [...out];
}

const upTo = (separator: string) => (key: string) => {
  const end = key.indexOf(separator);
  return end === -1 ? key : key.slice(0, end);
};

/** What a key of `definitions`, `names` or `authorities` is about: the id, the name, the authority id. */
export const definedId = upTo(' ');
export const claimedName = upTo('\n');
export const heldAuthority = upTo('\n');

export function changeBetween(before: Contribution, after: Contribution): ContributionChange {
  return {
    ids: changedKeys(before.definitions, after.definitions, definedId),
    names: changedKeys(before.names, after.names, claimedName),
    authorities: changedKeys(before.authorities, after.authorities, heldAuthority),
  };
}

/** The changes of several documents as one, so that the workspace is searched once. */
export function mergeChanges(changes: ContributionChange[]): ContributionChange {
  const union = (pick: (c: ContributionChange) => string[]) => [...new Set(changes.flatMap(pick))];
  return { ids: union((c) => c.ids), names: union((c) => c.names), authorities: union((c) => c.authorities) };
}

export function isEmptyChange(change: ContributionChange): boolean {
  return change.ids.length === 0 && change.names.length === 0 && change.authorities.length === 0;
}

/** The workspace as a change can reach it: lookups answer with documents (in the state after the change). */
export interface CrossReferences {
  /** Documents that may reference `id` (mentions, attributions, speakers, relation fields). */
  referencing(id: string): Iterable<string>;
  defining(id: string): Iterable<string>;
  claiming(name: string): Iterable<string>;
  /** Documents with an entity holding the authority id `key:value`. */
  holding(authority: string): Iterable<string>;
  /** Documents whose text has one of `words` as a whole word: where a name starting with it can match (HM005). */
  containingAnyWord(words: string[]): Iterable<string>;
}

/** The words a document must hold for one of `names` to match in it (HM005): their first words. */
export function wordsOfNames(names: string[]): string[] {
  return [...new Set(names.map(firstWord).filter((w) => w !== undefined))];
}

/** The documents (other than the changed one) whose diagnostics `change` can alter. */
export function affectedBy(change: ContributionChange, workspace: CrossReferences): Set<string> {
  const affected = new Set<string>();
  const add = (documents: Iterable<string>) => {
    for (const d of documents) affected.add(d);
  };
  for (const id of change.ids) {
    add(workspace.referencing(id));
    add(workspace.defining(id));
  }
  for (const name of change.names) add(workspace.claiming(name));
  const words = wordsOfNames(change.names);
  if (words.length > 0) add(workspace.containingAnyWord(words));
  for (const authority of change.authorities) add(workspace.holding(authority));
  return affected;
}
