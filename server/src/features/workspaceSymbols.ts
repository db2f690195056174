// Workspace symbols: entities found by id, preferred name or alias,
// case- and accent-insensitively (substring first, then in-order letters).
// The names are folded once, when their definition is indexed
// (model/foldedNames.ts): a query folds only itself.

import type { CancellationToken, SymbolInformation } from 'vscode-languageserver';
import { type Entity, KIND_LABELS } from '../model/entity';
import { characterBits, fold, type FoldedNames, type FoldedText } from '../model/foldedNames';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { ENTITY_SYMBOL_KINDS } from './documentSymbols';
import { locationOf } from './locate';

/** Enough for any picker; a corpus can define thousands of entities. */
export const MAX_WORKSPACE_SYMBOLS = 500;

/** The order `localeCompare` gives, without building a collator per comparison. */
const collator = new Intl.Collator();

interface Query {
  folded: string;
  bits: number;
}

/** Lower is better: exact, prefix, word start, substring, letters in order; undefined: no match. */
function matchScore(candidate: FoldedText, { folded: query, bits }: Query): number | undefined {
  if ((candidate.bits & bits) !== bits) return undefined;
  const text = candidate.folded;
  if (text === query) return 0;
  const at = text.indexOf(query);
  if (at === 0) return 1;
  if (at > 0) return /[\p{L}\p{Nd}]/u.test(text[at - 1]) ? 3 : 2;
  let q = 0;
  for (let i = 0; i < text.length && q < query.length; i++) if (text[i] === query[q]) q++;
  return q === query.length ? 4 : undefined;
}

interface Match {
  entity: Entity;
  score: number;
  name: string;
}

/**
 * Editors filter the answer by the symbol name again, so an entity found by
 * its id or an alias names that too: `Nikita Khrushchev (N. S. Khrushchev)`.
 */
function matchEntity(entity: Entity, names: FoldedNames, query: Query): Match | undefined {
  if (query.folded === '') return { entity, score: 0, name: entity.displayName };
  if ((names.bits & query.bits) !== query.bits) return undefined;
  const nameScore = matchScore(names.displayName, query);
  let best: { score: number; text: string } | undefined;
  for (const other of names.others) {
    const score = matchScore(other, query);
    if (score !== undefined && (!best || score < best.score)) best = { score, text: other.text };
  }
  if (nameScore !== undefined) return { entity, score: Math.min(nameScore, best?.score ?? nameScore), name: entity.displayName };
  return best && { entity, score: best.score, name: `${entity.displayName} (${best.text})` };
}

export function workspaceSymbols(index: WorkspaceIndex, query: string, token?: CancellationToken): SymbolInformation[] {
  const folded = fold(query.trim());
  const search: Query = { folded, bits: characterBits(folded) };
  const matches: Match[] = [];
  for (const entity of index.entities()) {
    if (token?.isCancellationRequested) return [];
    // Every indexed definition has its folded names.
    const match = matchEntity(entity, index.foldedNames(entity)!, search);
    if (match) matches.push(match);
  }
  matches.sort((a, b) => a.score - b.score || collator.compare(a.name, b.name));
  return matches.slice(0, MAX_WORKSPACE_SYMBOLS).flatMap(({ entity, name }) => {
    const location = locationOf(index, entity.uri, entity.definition.header);
    return location ? [{ name, kind: ENTITY_SYMBOL_KINDS[entity.kind], location, containerName: `${KIND_LABELS[entity.kind]} @${entity.id}` }] : [];
  });
}
