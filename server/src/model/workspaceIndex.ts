// The workspace index: every document's syntax tree plus the cross-document
// tables (definitions by id, referencing documents by id, name claims,
// authority ids). Replacing one document updates only its contribution and
// reports which documents' diagnostics can have changed.

import { parse } from '../syntax/parse';
import { reparse } from '../syntax/reparse';
import { LineIndex } from '../syntax/positions';
import type { IdRef, Mention, SyntaxTree } from '../syntax/types';
import { type ConfigProblem, DEFAULT_CONFIG, type HistmarkConfig, parseConfig } from './config';
import { type Entity, entityOf } from './entity';
import { affectedBy, changeBetween, contributionOf, type CrossReferences, EMPTY_CONTRIBUTION } from './contribution';
import { type FoldedNames, foldedNamesOf } from './foldedNames';
import { containsWord, NameMatcher } from './nameMatcher';

export interface DocumentEntry {
  uri: string;
  version: number;
  text: string;
  tree: SyntaxTree;
  lines: LineIndex;
  entities: Entity[];
  /** Every reference in the document, by id: lookups by id never scan all mentions. */
  references: Map<string, { mention: Mention; ref: IdRef }[]>;
  /** Why the parser failed on this document, whose tree is then empty (reported as a diagnostic). */
  failure?: string;
}

/** What an internal error says, for a message that names it. */
export function internalError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The tree of a document the parser failed on: one paragraph over the whole text, so that blocks still tile it. */
function emptyTree(text: string): SyntaxTree {
  const tree = parse('');
  return { ...tree, text, blocks: text === '' ? [] : [{ kind: 'paragraph', start: 0, end: text.length }], plainText: [], isRegistry: false };
}

function referencesOf(tree: SyntaxTree): DocumentEntry['references'] {
  const byId: DocumentEntry['references'] = new Map();
  for (const mention of tree.mentions) {
    for (const ref of mention.ids) {
      const list = byId.get(ref.id);
      if (list) list.push({ mention, ref });
      else byId.set(ref.id, [{ mention, ref }]);
    }
  }
  return byId;
}

/**
 * How often the workspace names an id. What the sources say (transcripts)
 * is kept apart from the registry's cross-references (relations, mentions
 * in descriptions); quotations inside registry descriptions are not counted.
 */
export interface ReferenceCounts {
  /** References of any form in transcripts, attributions and speakers included. */
  mentions: number;
  /** Transcripts that reference the id. */
  transcripts: number;
  /** Transcript quotations whose attribution names the id. */
  quotations: number;
  /** Transcript turns the id speaks. */
  turns: number;
  /** References in registry documents. */
  registryMentions: number;
}

const NO_COUNTS: ReferenceCounts = { mentions: 0, transcripts: 0, quotations: 0, turns: 0, registryMentions: 0 };

export interface MentionLocation {
  uri: string;
  mention: Mention;
  ref: IdRef;
}

/** Document order, then position: lists never depend on the order of edits. */
function compareEntities(a: Entity, b: Entity): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.definition.start - b.definition.start;
}

function addEntity(map: Map<string, Entity[]>, key: string, entity: Entity): void {
  const list = map.get(key);
  if (!list) return void map.set(key, [entity]);
  let i = list.length;
  while (i > 0 && compareEntities(list[i - 1], entity) > 0) i--;
  list.splice(i, 0, entity);
}

function removeFrom<K, V>(map: Map<K, V[]>, key: K, keep: (v: V) => boolean): void {
  const list = map.get(key)?.filter(keep);
  if (list && list.length > 0) map.set(key, list);
  else map.delete(key);
}

export class WorkspaceIndex {
  private readonly docs = new Map<string, DocumentEntry>();
  private readonly definitionsById = new Map<string, Entity[]>();
  private readonly referencingDocs = new Map<string, Set<string>>();
  /** Kept up to date document by document, so that an entity's statistics never read every document naming it. */
  private readonly counts = new Map<string, ReferenceCounts>();
  private readonly claimsByName = new Map<string, Entity[]>();
  private readonly claimsByAuthority = new Map<string, Entity[]>();
  /** Every indexed definition's names folded for search, kept with the definition. */
  private readonly folded = new Map<Entity, FoldedNames>();
  private matcher: NameMatcher | undefined;
  config: HistmarkConfig = DEFAULT_CONFIG;
  configProblems: ConfigProblem[] = [];

  /** Applies `histmark.json` (undefined when there is none); every document is affected. */
  setConfig(text: string | undefined): void {
    const { config, problems } = text === undefined ? { config: DEFAULT_CONFIG, problems: [] } : parseConfig(text);
    this.config = config;
    this.configProblems = problems;
  }

  /**
   * Adds or replaces a document; returns the documents whose diagnostics may
   * change. A bulk load, which diagnoses everything anyway, passes
   * `trackAffected: false` to skip that work. A removed document is among
   * the affected, so that its diagnostics are cleared.
   */
  setDocument(uri: string, text: string, version = 0, trackAffected = true): Set<string> {
    let entry: DocumentEntry;
    try {
      // An edit of an indexed document re-parses what it touched (typing: one paragraph).
      const previous = this.docs.get(uri);
      const tree = previous && !previous.failure ? reparse(previous.tree, text) : parse(text);
      entry = { uri, version, text, tree, lines: new LineIndex(text), entities: tree.definitions.map((d) => entityOf(uri, d, text)), references: referencesOf(tree) };
    } catch (error) {
      // One document the parser cannot read must not cost the others: it is kept, empty, with the reason.
      entry = { uri, version, text, tree: emptyTree(text), lines: new LineIndex(text), entities: [], references: new Map(), failure: internalError(error) };
    }
    return this.replace(uri, entry, trackAffected);
  }

  removeDocument(uri: string): Set<string> {
    return this.docs.has(uri) ? this.replace(uri, undefined) : new Set();
  }

  document(uri: string): DocumentEntry | undefined {
    return this.docs.get(uri);
  }

  documents(): IterableIterator<DocumentEntry> {
    return this.docs.values();
  }

  get documentCount(): number {
    return this.docs.size;
  }

  /** Every definition of `id` (more than one is HM003). */
  definitions(id: string): readonly Entity[] {
    return this.definitionsById.get(id) ?? [];
  }

  entity(id: string): Entity | undefined {
    return this.definitionsById.get(id)?.[0];
  }

  *entities(): IterableIterator<Entity> {
    for (const list of this.definitionsById.values()) yield list[0];
  }

  /** The names of an indexed definition folded for case- and accent-insensitive search; undefined once it is replaced. */
  foldedNames(entity: Entity): FoldedNames | undefined {
    return this.folded.get(entity);
  }

  get entityCount(): number {
    return this.definitionsById.size;
  }

  /** Definitions that claim `name` as preferred name or alias. */
  claimants(name: string): readonly Entity[] {
    return this.claimsByName.get(name) ?? [];
  }

  /** The distinct ids claiming `name`: more than one makes it ambiguous (HM008). */
  claimantIds(name: string): string[] {
    return [...new Set(this.claimants(name).map((e) => e.id))];
  }

  authorityClaimants(key: string, value: string): readonly Entity[] {
    return this.claimsByAuthority.get(`${key}:${value}`) ?? [];
  }

  /** Every reference to `id` in the workspace, document by document. */
  *mentionsOf(id: string): IterableIterator<MentionLocation> {
    for (const uri of this.referencingDocs.get(id) ?? []) {
      for (const { mention, ref } of this.docs.get(uri)?.references.get(id) ?? []) yield { uri, mention, ref };
    }
  }

  referenceCounts(id: string): ReferenceCounts {
    return { ...(this.counts.get(id) ?? NO_COUNTS) };
  }

  /** Documents that reference `id`. */
  referencingDocuments(id: string): string[] {
    return [...(this.referencingDocs.get(id) ?? [])];
  }

  /** The matcher of names claimed by exactly one entity (HM005). */
  nameMatcher(): NameMatcher {
    this.matcher ??= new NameMatcher(this.claimsByName);
    return this.matcher;
  }

  private replace(uri: string, entry: DocumentEntry | undefined, trackAffected = true): Set<string> {
    const old = this.docs.get(uri);
    this.unindex(old);
    if (entry) {
      this.docs.set(uri, entry);
      this.index(entry);
    } else {
      this.docs.delete(uri);
    }
    if (!trackAffected) {
      this.matcher = undefined;
      return new Set([uri]);
    }
    const change = changeBetween(old ? contributionOf(old.entities) : EMPTY_CONTRIBUTION, entry ? contributionOf(entry.entities) : EMPTY_CONTRIBUTION);
    if (change.names.length > 0) this.matcher = undefined;
    const affected = affectedBy(change, this.crossReferences);
    affected.add(uri);
    const addDocs = (uris: Iterable<string>) => {
      for (const u of uris) affected.add(u);
    };
    // HM003 and HM008 elsewhere point at this document's definitions, which may have moved.
    for (const entity of entry?.entities ?? []) addDocs(this.sharingWith(entity).map((e) => e.uri));
    return affected;
  }

  /** Other definitions of the same id, and other entities claiming one of its names. */
  private sharingWith(entity: Entity): Entity[] {
    const sameId = this.definitions(entity.id).filter((e) => e !== entity);
    const sameName = entity.names.flatMap((claim) => this.claimants(claim.name).filter((e) => e.id !== entity.id));
    return [...sameId, ...sameName];
  }

  /** The index as `affectedBy` reads it. */
  private readonly crossReferences: CrossReferences = {
    referencing: (id) => this.referencingDocs.get(id) ?? [],
    defining: (id) => this.definitions(id).map((e) => e.uri),
    claiming: (name) => this.claimants(name).map((e) => e.uri),
    holding: (authority) => (this.claimsByAuthority.get(authority) ?? []).map((e) => e.uri),
    containingAnyWord: (words) => [...this.docs.values()].filter((entry) => words.some((w) => containsWord(entry.text, w))).map((entry) => entry.uri),
  };

  private index(entry: DocumentEntry): void {
    for (const entity of entry.entities) {
      addEntity(this.definitionsById, entity.id, entity);
      this.folded.set(entity, foldedNamesOf(entity));
      for (const name of new Set(entity.names.map((c) => c.name))) addEntity(this.claimsByName, name, entity);
      for (const a of entity.authorities) addEntity(this.claimsByAuthority, `${a.key}:${a.value}`, entity);
    }
    for (const id of entry.references.keys()) {
      let docs = this.referencingDocs.get(id);
      if (!docs) this.referencingDocs.set(id, (docs = new Set()));
      docs.add(entry.uri);
    }
    this.count(entry, 1);
  }

  /** Adds (`sign` 1) or takes away (-1) a document's references, attributions and speakers. */
  private count(entry: DocumentEntry, sign: 1 | -1): void {
    const add = (id: string, key: keyof ReferenceCounts, n: number) => {
      const counts = this.counts.get(id) ?? { ...NO_COUNTS };
      counts[key] += sign * n;
      // Every attribution and speaker is a reference: without references an id has no counts.
      if (counts.mentions === 0 && counts.registryMentions === 0) this.counts.delete(id);
      else this.counts.set(id, counts);
    };
    if (entry.tree.isRegistry) {
      for (const [id, references] of entry.references) add(id, 'registryMentions', references.length);
      return;
    }
    for (const [id, references] of entry.references) {
      add(id, 'mentions', references.length);
      add(id, 'transcripts', 1);
    }
    // An attribution or a speaker naming an id twice counts once.
    for (const q of entry.tree.quotations) for (const id of new Set(q.attribution?.ids.map((r) => r.id))) add(id, 'quotations', 1);
    for (const turn of entry.tree.turns) for (const id of new Set(turn.speaker.ids.map((r) => r.id))) add(id, 'turns', 1);
  }

  private unindex(entry: DocumentEntry | undefined): void {
    if (!entry) return;
    const notHere = (e: Entity) => e.uri !== entry.uri;
    for (const entity of entry.entities) {
      removeFrom(this.definitionsById, entity.id, notHere);
      this.folded.delete(entity);
      for (const claim of entity.names) removeFrom(this.claimsByName, claim.name, notHere);
      for (const a of entity.authorities) removeFrom(this.claimsByAuthority, `${a.key}:${a.value}`, notHere);
    }
    for (const id of entry.references.keys()) {
      const docs = this.referencingDocs.get(id);
      docs?.delete(entry.uri);
      if (docs?.size === 0) this.referencingDocs.delete(id);
    }
    this.count(entry, -1);
  }
}
