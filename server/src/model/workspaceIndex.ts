// The workspace index: every document (whole or compact, see
// storedDocument.ts) plus the cross-document tables (definitions by id,
// referencing documents by id, name claims, authority ids). Replacing one
// document updates only its contribution and reports which documents'
// diagnostics can have changed.

import { parse } from '../syntax/parse';
import { reparse } from '../syntax/reparse';
import type { IdRef, Mention, Span, SyntaxTree } from '../syntax/types';
import { type ConfigProblem, DEFAULT_CONFIG, type HistmarkConfig, parseConfig } from './config';
import { type Entity, entityOf } from './entity';
import { affectedBy, changeBetween, contributionOf, type CrossReferences, EMPTY_CONTRIBUTION } from './contribution';
import { type FoldedNames, foldedNamesOf } from './foldedNames';
import { containsWord, NameMatcher } from './nameMatcher';
import { type CompactForm, type DocumentEntry, ParsedCache, StoredDocument } from './storedDocument';

export type { DocumentEntry } from './storedDocument';

/** What an internal error says, for a message that names it. */
export function internalError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The tree of a document the parser failed on: one paragraph over the whole text, so that blocks still tile it. */
function emptyTree(text: string): SyntaxTree {
  const tree = parse('');
  return { ...tree, text, blocks: text === '' ? [] : [{ kind: 'paragraph', start: 0, end: text.length }], plainText: [], isRegistry: false };
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

/** A reference as the index keeps it for every document, without its tree. */
export interface ReferenceLocation {
  uri: string;
  mention: Span;
  ref: Span;
}

export interface IndexOptions {
  /** Keep every document's tree (the CLI, which reads them all), not only open documents' and entity definitions'. */
  keepAllTrees?: boolean;
  /**
   * False for an index that diagnoses documents one at a time and answers
   * nothing else (an index worker's): no diagnostic reads which documents
   * reference an id, nor how often.
   */
  tableReferences?: boolean;
}

export interface SetDocumentOptions {
  /** False for a bulk load, which diagnoses everything anyway: the affected documents are not worked out. */
  trackAffected?: boolean;
  /** Open in an editor: its tree is kept for the features that read it on every keystroke. */
  open?: boolean;
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
  private readonly docs = new Map<string, StoredDocument>();
  private readonly parsedCache = new ParsedCache();
  private readonly definitionsById = new Map<string, Entity[]>();
  private readonly referencingDocs = new Map<string, Set<string>>();
  /** Kept up to date document by document, so that an entity's statistics never read every document naming it. */
  private readonly counts = new Map<string, ReferenceCounts>();
  private readonly claimsByName = new Map<string, Entity[]>();
  private readonly claimsByAuthority = new Map<string, Entity[]>();
  /** Every indexed definition, with its names folded for search once they are first asked for. */
  private readonly folded = new Map<Entity, FoldedNames | undefined>();
  private matcher: NameMatcher | undefined;
  private entityGeneration = 0;
  config: HistmarkConfig = DEFAULT_CONFIG;
  configProblems: ConfigProblem[] = [];

  constructor(private readonly options: IndexOptions = {}) {}

  /** Applies `histmark.json` (undefined when there is none); every document is affected. */
  setConfig(text: string | undefined): void {
    const { config, problems } = text === undefined ? { config: DEFAULT_CONFIG, problems: [] } : parseConfig(text);
    this.config = config;
    this.configProblems = problems;
  }

  /**
   * Adds or replaces a document; returns the documents whose diagnostics may
   * change (unless `trackAffected` is false). A removed document is among
   * the affected, so that its diagnostics are cleared.
   */
  setDocument(uri: string, text: string, version = 0, options: SetDocumentOptions = {}): Set<string> {
    const previous = this.docs.get(uri);
    let entry: StoredDocument;
    try {
      // An edit of a document kept whole re-parses what it touched (typing: one paragraph).
      const tree = previous?.isWhole && !previous.failure ? reparse(previous.tree, text) : parse(text);
      const entities = tree.definitions.map((d) => entityOf(uri, d, text));
      const keepWhole = this.options.keepAllTrees === true || options.open === true || entities.length > 0 || tree.isRegistry;
      entry = new StoredDocument(uri, version, { text, tree }, entities, keepWhole, this.parsedCache);
    } catch (error) {
      // One document the parser cannot read must not cost the others: it is kept, empty, with the reason.
      const tree = emptyTree(text);
      entry = new StoredDocument(uri, version, { text, tree, references: new Map() }, [], true, this.parsedCache, internalError(error));
    }
    return this.replace(uri, entry, options.trackAffected ?? true);
  }

  /** Adds a document parsed on another thread, which defines no entity, as part of a bulk load. */
  setCompactDocument(form: CompactForm): void {
    this.replace(form.uri, new StoredDocument(form.uri, form.version, form, [], false, this.parsedCache), false);
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
    if (!this.folded.has(entity)) return undefined;
    let names = this.folded.get(entity);
    if (!names) this.folded.set(entity, (names = foldedNamesOf(entity)));
    return names;
  }

  /** Moves whenever an entity is added, removed or redefined: tables built from `entities()` are stale. */
  get entitiesVersion(): number {
    return this.entityGeneration;
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

  /** Every reference to `id` in the workspace, document by document, with its mention (compact documents are parsed again). */
  *mentionsOf(id: string): IterableIterator<MentionLocation> {
    for (const uri of this.referencingDocs.get(id) ?? []) {
      for (const { mention, ref } of this.docs.get(uri)?.references.get(id) ?? []) yield { uri, mention, ref };
    }
  }

  /** Every reference to `id` in the workspace as spans, document by document: no tree is read. */
  *referenceSites(id: string): IterableIterator<ReferenceLocation> {
    for (const uri of this.referencingDocs.get(id) ?? []) {
      for (const site of this.docs.get(uri)?.sites.of(id) ?? []) yield { uri, ...site };
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

  private replace(uri: string, entry: StoredDocument | undefined, trackAffected = true): Set<string> {
    const old = this.docs.get(uri);
    old?.release();
    // Typing in plain text leaves every reference count as it was: the tables by id are left alone (as they are by an index without them).
    const tablesStay =
      this.options.tableReferences === false || (old !== undefined && entry !== undefined && old.isRegistry === entry.isRegistry && old.sites.countsEqual(entry.sites));
    if (old) this.unindexEntities(old);
    if (old && !tablesStay) this.unindexReferences(old);
    if (entry) {
      this.docs.set(uri, entry);
      this.indexEntities(entry);
      if (!tablesStay) this.indexReferences(entry);
    } else {
      this.docs.delete(uri);
    }
    if (!trackAffected) {
      // Only definitions make names: a bulk load of transcripts keeps the matcher.
      if (old?.entities.length || entry?.entities.length) this.matcher = undefined;
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
    containingAnyWord: (words) =>
      [...this.docs.values()].filter((entry) => words.some((w) => entry.mayContain(w) && containsWord(entry.text, w))).map((entry) => entry.uri),
  };

  private indexEntities(entry: StoredDocument): void {
    if (entry.entities.length > 0) this.entityGeneration++;
    for (const entity of entry.entities) {
      addEntity(this.definitionsById, entity.id, entity);
      this.folded.set(entity, undefined);
      for (const name of new Set(entity.names.map((c) => c.name))) addEntity(this.claimsByName, name, entity);
      for (const a of entity.authorities) addEntity(this.claimsByAuthority, `${a.key}:${a.value}`, entity);
    }
  }

  private indexReferences(entry: StoredDocument): void {
    for (const id of entry.sites.ids) {
      let docs = this.referencingDocs.get(id);
      if (!docs) this.referencingDocs.set(id, (docs = new Set()));
      docs.add(entry.uri);
    }
    this.count(entry, 1);
  }

  /** Adds (`sign` 1) or takes away (-1) a document's references, attributions and speakers. */
  private count(entry: StoredDocument, sign: 1 | -1): void {
    const add = (id: string, key: keyof ReferenceCounts, n: number) => {
      if (n === 0) return;
      const counts = this.counts.get(id) ?? { ...NO_COUNTS };
      counts[key] += sign * n;
      // Every attribution and speaker is a reference: without references an id has no counts.
      if (counts.mentions === 0 && counts.registryMentions === 0) this.counts.delete(id);
      else this.counts.set(id, counts);
    };
    entry.sites.ids.forEach((id, i) => {
      const { references, quotations, turns } = entry.sites.countsAt(i);
      if (entry.isRegistry) return add(id, 'registryMentions', references);
      add(id, 'mentions', references);
      if (references > 0) add(id, 'transcripts', 1);
      add(id, 'quotations', quotations);
      add(id, 'turns', turns);
    });
  }

  private unindexEntities(entry: StoredDocument): void {
    if (entry.entities.length > 0) this.entityGeneration++;
    const notHere = (e: Entity) => e.uri !== entry.uri;
    for (const entity of entry.entities) {
      removeFrom(this.definitionsById, entity.id, notHere);
      this.folded.delete(entity);
      for (const claim of entity.names) removeFrom(this.claimsByName, claim.name, notHere);
      for (const a of entity.authorities) removeFrom(this.claimsByAuthority, `${a.key}:${a.value}`, notHere);
    }
  }

  private unindexReferences(entry: StoredDocument): void {
    for (const id of entry.sites.ids) {
      const docs = this.referencingDocs.get(id);
      docs?.delete(entry.uri);
      if (docs?.size === 0) this.referencingDocs.delete(id);
    }
    this.count(entry, -1);
  }
}
