// Workspace symbols: entities found by id, preferred name or alias,
// case- and accent-insensitively (substring first, then in-order letters).
// The names are folded once, when their definition is indexed
// (model/foldedNames.ts): a query folds only itself. Between queries a table
// keeps the entities with their folded names, the collator rank of every
// name a symbol can show (a query sorts by number) and the symbols sent, and
// a query typed on from the last one tries only what that one matched.

import type { CancellationToken, SymbolInformation } from 'vscode-languageserver';
import { type Entity, KIND_LABELS } from '../model/entity';
import { characterBits, fold, type FoldedNames, type FoldedText } from '../model/foldedNames';
import { entitySnapshot, isCurrent } from '../model/entitySnapshot';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { ENTITY_SYMBOL_KINDS } from './documentSymbols';
import { locationOf } from './locate';

/** Enough for any picker; a corpus can define thousands of entities. */
export const MAX_WORKSPACE_SYMBOLS = 500;

/** The order `localeCompare` gives, without building a collator per comparison. */
const collator = new Intl.Collator();

/**
 * Every symbol name a query can give, in collator order: a query then sorts
 * by number. Names are added as entities appear (inserted one by one when
 * few are new) and outlive the entities until most are stale.
 */
class CollationRanks {
  private sorted: string[] = [];
  /** Whether each name compares equal to the one before it: equal names share a rank, so that ties keep entity order. */
  private tied: boolean[] = [];
  private readonly ranks = new Map<string, number>();

  rank(name: string): number {
    return this.ranks.get(name)!;
  }

  /** Ranks every name of `live`, the names the index's entities can now give. */
  update(live: Set<string>): void {
    const added = [...live].filter((name) => !this.ranks.has(name));
    if (added.length === 0) return;
    if (added.length > this.sorted.length / 16 || this.sorted.length > 2 * live.size) {
      this.sorted = [...live].sort(collator.compare);
      this.tied = this.sorted.map((name, i) => i > 0 && collator.compare(this.sorted[i - 1], name) === 0);
    } else {
      for (const name of added) this.insert(name);
    }
    this.ranks.clear();
    let rank = 0;
    this.sorted.forEach((name, i) => {
      if (!this.tied[i]) rank = i;
      this.ranks.set(name, rank);
    });
  }

  private insert(name: string): void {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (collator.compare(this.sorted[mid], name) <= 0) low = mid + 1;
      else high = mid;
    }
    this.sorted.splice(low, 0, name);
    this.tied.splice(low, 0, low > 0 && collator.compare(this.sorted[low - 1], name) === 0);
    if (low + 1 < this.sorted.length) this.tied[low + 1] = collator.compare(name, this.sorted[low + 1]) === 0;
  }
}

/** The names a symbol found through `other` shows: the display name alone, or with the alias or id that matched. */
function symbolName(entity: Entity, other?: FoldedText): string {
  return other ? `${entity.displayName} (${other.text})` : entity.displayName;
}

/** The index's entities as workspace symbols search them, with their folded names and name ranks at hand. */
interface SymbolTable {
  /** As the index gave them, to tell when they change. */
  entities: Entity[];
  names: FoldedNames[];
  /** For each entity: the rank of its display name, then of the name through each of `names.others`. */
  ranks: number[][];
  /** Each entity's symbol, made when first sent. */
  symbols: (SymbolInformation | null | undefined)[];
  /**
   * The last query (folded) and every entity it matched, in table order. A
   * query typed on from it can match only those: its letters in order are
   * that query's letters in order and more.
   */
  last?: { folded: string; positions: number[] };
}

const tables = new WeakMap<WorkspaceIndex, { table: SymbolTable; collation: CollationRanks }>();

/** The table of the index's entities, built again only when an entity was added, removed or redefined. */
function symbolTable(index: WorkspaceIndex): SymbolTable {
  const cached = tables.get(index);
  if (cached && isCurrent(index, cached.table.entities)) return cached.table;
  const entities = entitySnapshot(index);
  // Every indexed definition has its folded names.
  const names = entities.map((entity) => index.foldedNames(entity)!);
  const live = new Set<string>();
  entities.forEach((entity, i) => {
    live.add(symbolName(entity));
    for (const other of names[i].others) live.add(symbolName(entity, other));
  });
  const collation = cached?.collation ?? new CollationRanks();
  collation.update(live);
  const ranks = entities.map((entity, i) => [collation.rank(symbolName(entity)), ...names[i].others.map((other) => collation.rank(symbolName(entity, other)))]);
  const table: SymbolTable = { entities, names, ranks, symbols: [] };
  tables.set(index, { table, collation });
  return table;
}

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
  /** Position in the table. */
  position: number;
  score: number;
  /** Which name the symbol shows: 0 the display name, 1 + i the display name with `others[i]`. */
  shown: number;
}

/**
 * Editors filter the answer by the symbol name again, so an entity found by
 * its id or an alias names that too: `Nikita Khrushchev (N. S. Khrushchev)`.
 */
function matchEntity(position: number, names: FoldedNames, query: Query): Match | undefined {
  if (query.folded === '') return { position, score: 0, shown: 0 };
  if ((names.bits & query.bits) !== query.bits) return undefined;
  const nameScore = matchScore(names.displayName, query);
  let best: number | undefined;
  let shown = 0;
  for (let i = 0; i < names.others.length; i++) {
    const score = matchScore(names.others[i], query);
    if (score !== undefined && (best === undefined || score < best)) {
      best = score;
      shown = 1 + i;
    }
  }
  if (nameScore !== undefined) return { position, score: Math.min(nameScore, best ?? nameScore), shown: 0 };
  return best === undefined ? undefined : { position, score: best, shown };
}

export function workspaceSymbols(index: WorkspaceIndex, query: string, token?: CancellationToken): SymbolInformation[] {
  const folded = fold(query.trim());
  const search: Query = { folded, bits: characterBits(folded) };
  const table = symbolTable(index);
  const candidates = table.last && folded.startsWith(table.last.folded) ? table.last.positions : undefined;
  const matches: Match[] = [];
  const count = candidates ? candidates.length : table.entities.length;
  for (let i = 0; i < count; i++) {
    if (token?.isCancellationRequested) return [];
    const position = candidates ? candidates[i] : i;
    const match = matchEntity(position, table.names[position], search);
    if (match) matches.push(match);
  }
  table.last = { folded, positions: matches.map((m) => m.position) };
  // Only the scores that make the first MAX_WORKSPACE_SYMBOLS are sorted.
  const byScore = [0, 0, 0, 0, 0]; // matchScore's 0 to 4
  for (const match of matches) byScore[match.score]++;
  let worst = 0;
  let kept = byScore[0];
  while (kept < MAX_WORKSPACE_SYMBOLS && worst < byScore.length - 1) kept += byScore[++worst];
  const sent = matches.filter((m) => m.score <= worst);
  // By score, then name in collator order; equal names in entity order (the sort is stable).
  sent.sort((a, b) => a.score - b.score || table.ranks[a.position][a.shown] - table.ranks[b.position][b.shown]);
  const symbols: SymbolInformation[] = [];
  for (const { position, shown } of sent.slice(0, MAX_WORKSPACE_SYMBOLS)) {
    const symbol = symbolOf(index, table, position);
    if (!symbol) continue;
    symbols.push(shown === 0 ? symbol : { ...symbol, name: symbolName(table.entities[position], table.names[position].others[shown - 1]) });
  }
  return symbols;
}

/** The entity's symbol under its display name, made once per table; null when its definition cannot be located. */
function symbolOf(index: WorkspaceIndex, table: SymbolTable, position: number): SymbolInformation | null {
  let symbol = table.symbols[position];
  if (symbol === undefined) {
    const entity = table.entities[position];
    const location = locationOf(index, entity.uri, entity.definition.header);
    symbol = location ? { name: entity.displayName, kind: ENTITY_SYMBOL_KINDS[entity.kind], location, containerName: `${KIND_LABELS[entity.kind]} @${entity.id}` } : null;
    table.symbols[position] = symbol;
  }
  return symbol;
}
