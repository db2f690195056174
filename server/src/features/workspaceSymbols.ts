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

/**
 * The best matches only: a picker shows a screenful, the client asks again
 * as the query grows, and the answer's size is what a broad query costs
 * (rust-analyzer's default limit is the same).
 */
export const MAX_WORKSPACE_SYMBOLS = 128;

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
  /** Changes whenever ranks do. */
  version = 0;

  rank(name: string): number {
    return this.ranks.get(name)!;
  }

  /** Ranks `added` too; `live` gives every name the index's entities can now give, `liveCount` how many. */
  update(added: string[], liveCount: number, live: () => Iterable<string>): void {
    const missing = [...new Set(added)].filter((name) => !this.ranks.has(name));
    if (missing.length === 0) return;
    if (missing.length > this.sorted.length / 16 || this.sorted.length + missing.length > 2 * liveCount) {
      this.sorted = [...new Set(live())].sort(collator.compare);
      this.tied = this.sorted.map((name, i) => i > 0 && collator.compare(this.sorted[i - 1], name) === 0);
    } else {
      for (const name of missing) this.insert(name);
    }
    this.ranks.clear();
    let rank = 0;
    this.sorted.forEach((name, i) => {
      if (!this.tied[i]) rank = i;
      this.ranks.set(name, rank);
    });
    this.version++;
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

/** What workspace symbols keep of an entity, made once per definition (an edited definition is a new entity). */
interface SymbolEntry {
  entity: Entity;
  names: FoldedNames;
  /** The names a symbol of it can show: the display name, then the display name with each of `names.others` (the alias or id that matched). */
  shown: string[];
  /** The collator rank of each of `shown`, as of `rankedAt` (a CollationRanks version). */
  ranks: number[];
  rankedAt: number;
  /** Its symbol under the display name once sent; null when its definition cannot be located. */
  symbol?: SymbolInformation | null;
}

const entries = new WeakMap<Entity, SymbolEntry>();

/** The index's entities as workspace symbols search them, in index order. */
interface SymbolTable {
  /** As the index gave them, to tell when they change. */
  entities: Entity[];
  entries: SymbolEntry[];
  collation: CollationRanks;
  /**
   * The last query (folded) and every entity it matched, in table order. A
   * query typed on from it can match only those: its letters in order are
   * that query's letters in order and more.
   */
  last?: { folded: string; positions: number[] };
}

const tables = new WeakMap<WorkspaceIndex, SymbolTable>();

/** The table of the index's entities, built again only when an entity was added, removed or redefined; the names of new entities are ranked then. */
function symbolTable(index: WorkspaceIndex): SymbolTable {
  const cached = tables.get(index);
  if (cached && isCurrent(index, cached.entities)) return cached;
  const entities = entitySnapshot(index);
  const added: string[] = [];
  const table: SymbolTable = {
    entities,
    entries: entities.map((entity) => {
      let entry = entries.get(entity);
      if (!entry) {
        // Every indexed definition has its folded names.
        const names = index.foldedNames(entity)!;
        const shown = [entity.displayName, ...names.others.map((other) => `${entity.displayName} (${other.text})`)];
        // Every field set from the start: entries keep one shape, which the search loop reads fastest.
        entry = { entity, names, shown, ranks: [], rankedAt: -1, symbol: undefined };
        entries.set(entity, entry);
        added.push(...entry.shown);
      }
      return entry;
    }),
    collation: cached?.collation ?? new CollationRanks(),
  };
  const liveCount = table.entries.reduce((n, e) => n + e.shown.length, 0);
  table.collation.update(added, liveCount, () => table.entries.flatMap((e) => e.shown));
  tables.set(index, table);
  return table;
}

/** The collator ranks of the entry's `shown` names. */
function ranksOf(table: SymbolTable, entry: SymbolEntry): number[] {
  if (entry.rankedAt !== table.collation.version) {
    entry.ranks = entry.shown.map((name) => table.collation.rank(name));
    entry.rankedAt = table.collation.version;
  }
  return entry.ranks;
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
  if (at > 0) return isLetterOrDigit(text, at - 1) ? 3 : 2;
  let q = 0;
  for (let i = 0; i < text.length && q < query.length; i++) if (text.charCodeAt(i) === query.charCodeAt(q)) q++;
  return q === query.length ? 4 : undefined;
}

const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

/** Whether the code unit at `i` is a letter or a digit; ASCII, the common case, without the regular expression. */
function isLetterOrDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER_OR_DIGIT.test(text[i]);
}

interface Match {
  /** Position in the table. */
  position: number;
  score: number;
  /** Which of the entry's `shown` names the symbol shows. */
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
  // Found by the display name, the symbol shows it alone; another name can only make the score better.
  let best = nameScore;
  let shown = 0;
  for (let i = 0; i < names.others.length && best !== 0; i++) {
    const score = matchScore(names.others[i], query);
    if (score !== undefined && (best === undefined || score < best)) {
      best = score;
      if (nameScore === undefined) shown = 1 + i;
    }
  }
  return best === undefined ? undefined : { position, score: best, shown };
}

export function workspaceSymbols(index: WorkspaceIndex, query: string, token?: CancellationToken): SymbolInformation[] {
  const folded = fold(query.trim());
  const search: Query = { folded, bits: characterBits(folded) };
  const table = symbolTable(index);
  const candidates = table.last && folded.startsWith(table.last.folded) ? table.last.positions : undefined;
  const matches: Match[] = [];
  const count = candidates ? candidates.length : table.entries.length;
  for (let i = 0; i < count; i++) {
    if (token?.isCancellationRequested) return [];
    const position = candidates ? candidates[i] : i;
    const match = matchEntity(position, table.entries[position].names, search);
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
  const ranks = sent.map((m) => ranksOf(table, table.entries[m.position]));
  // By score, then name in collator order; equal names in entity order (the sort is stable).
  const order = sent.map((_, i) => i).sort((a, b) => sent[a].score - sent[b].score || ranks[a][sent[a].shown] - ranks[b][sent[b].shown]);
  const symbols: SymbolInformation[] = [];
  for (const i of order.slice(0, MAX_WORKSPACE_SYMBOLS)) {
    const { position, shown } = sent[i];
    const entry = table.entries[position];
    const symbol = symbolOf(index, entry);
    if (symbol) symbols.push(shown === 0 ? symbol : { ...symbol, name: entry.shown[shown] });
  }
  return symbols;
}

/** The entity's symbol under its display name, made once; null when its definition cannot be located. */
function symbolOf(index: WorkspaceIndex, entry: SymbolEntry): SymbolInformation | null {
  if (entry.symbol === undefined) {
    const { entity } = entry;
    const location = locationOf(index, entity.uri, entity.definition.header);
    entry.symbol = location ? { name: entity.displayName, kind: ENTITY_SYMBOL_KINDS[entity.kind], location, containerName: `${KIND_LABELS[entity.kind]} @${entity.id}` } : null;
  }
  return entry.symbol;
}
