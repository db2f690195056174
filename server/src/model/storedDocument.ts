// A document as the index keeps it. Open documents and those that define
// entities keep their text, tree and references: features read them on every
// keystroke and hover. Every other document keeps only what the
// cross-document tables and positions need — its text compressed, with a
// filter of its words, its line index, the spans of its references by id
// and their counts — and its tree is parsed again when a feature asks for
// it, into a small cache of recently used trees. Trees are four times the
// size of their text: keeping them only where they are used, and the closed
// texts at about two fifths of their size, is what holds the server near
// the size of the corpus.

import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { parse } from '../syntax/parse';
import { LineIndex, type LineIndexParts } from '../syntax/positions';
import type { IdRef, Mention, Span, SyntaxTree } from '../syntax/types';
import type { Entity } from './entity';
import { mayHoldWord, wordFilterOf } from './wordFilter';

export type ReferencesById = ReadonlyMap<string, readonly { mention: Mention; ref: IdRef }[]>;

export interface DocumentEntry {
  readonly uri: string;
  readonly version: number;
  /** The text; for a document kept compact, decoded again on each read. */
  readonly text: string;
  /** The tree; for a document kept compact, parsed again (and cached for a while) when read. */
  readonly tree: SyntaxTree;
  readonly lines: LineIndex;
  readonly entities: readonly Entity[];
  /** Every reference in the document, by id: lookups by id never scan all mentions. */
  readonly references: ReferencesById;
  /** The spans of every reference by id and their counts, kept without the tree. */
  readonly sites: ReferenceSites;
  readonly isRegistry: boolean;
  /** The document as data for another thread's index; undefined for a document kept whole. */
  readonly compactForm: CompactForm | undefined;
  /** Why the parser failed on this document, whose tree is then empty (reported as a diagnostic). */
  readonly failure?: string;
}

/** A reference without its tree: the mention's span and the id's. */
export interface ReferenceSite {
  mention: Span;
  ref: Span;
}

/** A document's reference sites as plain data, to send to another thread and back. */
export interface ReferenceSitesParts {
  /** Every id the document references, in order of first reference. */
  ids: string[];
  /** Where each id's references start in `spans` (one more entry than ids). */
  bounds: Int32Array;
  /** Mention start, mention end, id start, id end for each reference. */
  spans: Int32Array;
  /** For each id: transcript quotations attributed to it, turns it speaks. */
  tallies: Int32Array;
}

/** A document's references by id as typed arrays: four numbers a reference, two counts an id. */
export class ReferenceSites {
  constructor(private readonly parts: ReferenceSitesParts) {}

  static of(tree: SyntaxTree): ReferenceSites {
    // One pass over the mentions, straight to numbers: this runs on every keystroke in the open document.
    const spansById = new Map<string, number[]>();
    for (const mention of tree.mentions) {
      for (const ref of mention.ids) {
        let list = spansById.get(ref.id);
        if (!list) spansById.set(ref.id, (list = []));
        list.push(mention.start, mention.end, ref.span.start, ref.span.end);
      }
    }
    const ids = [...spansById.keys()];
    const position = new Map(ids.map((id, i) => [id, i]));
    // An attribution or a speaker naming an id twice counts once; every attribution and speaker is also a reference.
    const quotations = new Map<string, number>();
    const turns = new Map<string, number>();
    const tally = (counts: Map<string, number>, refs: readonly IdRef[] | undefined) => {
      if (!refs) return;
      refs.forEach(({ id }, i) => {
        if (refs.findIndex((r) => r.id === id) === i) counts.set(id, (counts.get(id) ?? 0) + 1);
      });
    };
    for (const q of tree.quotations) tally(quotations, q.attribution?.ids);
    for (const turn of tree.turns) tally(turns, turn.speaker.ids);
    for (const id of [...quotations.keys(), ...turns.keys()]) if (!position.has(id)) position.set(id, ids.push(id) - 1);
    const bounds = new Int32Array(ids.length + 1);
    let total = 0;
    ids.forEach((id, i) => {
      bounds[i] = total;
      total += (spansById.get(id)?.length ?? 0) / 4;
    });
    bounds[ids.length] = total;
    const spans = new Int32Array(total * 4);
    let at = 0;
    for (const id of ids) {
      const list = spansById.get(id);
      if (list) spans.set(list, at);
      at += list?.length ?? 0;
    }
    const tallies = new Int32Array(ids.length * 2);
    ids.forEach((id, i) => {
      tallies[2 * i] = quotations.get(id) ?? 0;
      tallies[2 * i + 1] = turns.get(id) ?? 0;
    });
    return new ReferenceSites({ ids, bounds, spans, tallies });
  }

  get ids(): readonly string[] {
    return this.parts.ids;
  }

  /** The data, to send to another thread. */
  get data(): ReferenceSitesParts {
    return this.parts;
  }

  /** Whether `other` has the same ids in the same order with the same counts (its spans may differ). */
  countsEqual(other: ReferenceSites): boolean {
    const [a, b] = [this.parts, other.parts];
    if (a.ids.length !== b.ids.length || a.spans.length !== b.spans.length) return false;
    for (let i = 0; i < a.ids.length; i++) if (a.ids[i] !== b.ids[i]) return false;
    for (let i = 0; i < a.bounds.length; i++) if (a.bounds[i] !== b.bounds[i]) return false;
    for (let i = 0; i < a.tallies.length; i++) if (a.tallies[i] !== b.tallies[i]) return false;
    return true;
  }

  /** How many references, attributed quotations and turns the `i`-th id has here. */
  countsAt(i: number): { references: number; quotations: number; turns: number } {
    const { bounds, tallies } = this.parts;
    return { references: bounds[i + 1] - bounds[i], quotations: tallies[2 * i], turns: tallies[2 * i + 1] };
  }

  /** The references to `id`, in document order. */
  of(id: string): IterableIterator<ReferenceSite> {
    return this.at(this.parts.ids.indexOf(id));
  }

  /** The references to the `i`-th id (none for -1), in document order. */
  *at(i: number): IterableIterator<ReferenceSite> {
    const { bounds, spans: s } = this.parts;
    if (i === -1) return;
    for (let at = bounds[i] * 4; at < bounds[i + 1] * 4; at += 4) {
      yield { mention: { start: s[at], end: s[at + 1] }, ref: { start: s[at + 2], end: s[at + 3] } };
    }
  }
}

function referencesOf(tree: SyntaxTree): ReferencesById {
  const byId = new Map<string, { mention: Mention; ref: IdRef }[]>();
  for (const mention of tree.mentions) {
    for (const ref of mention.ids) {
      const list = byId.get(ref.id);
      if (list) list.push({ mention, ref });
      else byId.set(ref.id, [{ mention, ref }]);
    }
  }
  return byId;
}

interface Parsed {
  text: string;
  tree: SyntaxTree;
  /** Made when first asked for: the index and diagnostics read the sites. */
  references?: ReferencesById;
}

/**
 * The trees of compact documents read lately, least recently used first
 * out, up to a budget of characters (a few dozen transcripts: features
 * read a few documents at a time, and a tree is several times its text) and
 * never fewer than two: a feature that reads one document's references and
 * then its tree gets the same objects.
 */
export class ParsedCache {
  private readonly entries = new Map<StoredDocument, Parsed>();
  private characters = 0;

  constructor(private readonly budget = 250_000) {}

  get(document: StoredDocument): Parsed | undefined {
    const parsed = this.entries.get(document);
    if (parsed) {
      this.entries.delete(document);
      this.entries.set(document, parsed);
    }
    return parsed;
  }

  put(document: StoredDocument, parsed: Parsed): void {
    this.forget(document);
    this.entries.set(document, parsed);
    this.characters += parsed.text.length;
    for (const [oldest, old] of this.entries) {
      if (this.characters <= this.budget || this.entries.size <= 2) break;
      this.entries.delete(oldest);
      this.characters -= old.text.length;
    }
  }

  forget(document: StoredDocument): void {
    const parsed = this.entries.get(document);
    if (!parsed) return;
    this.entries.delete(document);
    this.characters -= parsed.text.length;
  }
}

/**
 * Brotli's fastest quality (0) with a 64 KB window: a transcript compresses to
 * about 42 % at about 195 MB/s (quality 1: 41 % at 147 MB/s) and decompresses
 * at about 170 MB/s (deflate's fastest level compresses at about 90 MB/s to
 * much the same size; Brotli's default 4 MB window costs more to set up than a
 * transcript takes to compress).
 */
const compression = (bytes: number) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 0,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_LGWIN]: 16,
    [constants.BROTLI_PARAM_SIZE_HINT]: bytes,
  },
});

/** A closed document's text as it is kept: the filter of its words, then its UTF-8 compressed, in one buffer of its own. */
export interface PackedText {
  bytes: Uint8Array;
  filterLength: number;
}

function packText(text: string): PackedText {
  const filter = wordFilterOf(text);
  const utf8 = Buffer.from(text, 'utf8');
  const compressed = brotliCompressSync(utf8, compression(utf8.length));
  // Copied into an exact buffer: zlib's result can be a view of a larger one, which another thread would be sent whole.
  const bytes = new Uint8Array(filter.length + compressed.length);
  bytes.set(filter);
  bytes.set(compressed, filter.length);
  return { bytes, filterLength: filter.length };
}

function unpackText({ bytes, filterLength }: PackedText): string {
  const compressed = bytes.subarray(filterLength);
  return brotliDecompressSync(compressed).toString('utf8');
}

/** A compact document as plain data: what a thread that parsed and diagnosed it sends to the index. */
export interface CompactForm {
  uri: string;
  version: number;
  text: PackedText;
  lines: LineIndexParts;
  sites: ReferenceSitesParts;
  isRegistry: boolean;
}

export class StoredDocument implements DocumentEntry {
  readonly lines: LineIndex;
  readonly sites: ReferenceSites;
  readonly isRegistry: boolean;
  /** Text, tree and references, for a document kept whole. */
  private readonly whole: Parsed | undefined;
  /** The text of a compact document. */
  private readonly stored: PackedText | undefined;

  constructor(
    readonly uri: string,
    readonly version: number,
    parsed: Parsed | CompactForm,
    readonly entities: readonly Entity[],
    keepWhole: boolean,
    private readonly cache: ParsedCache,
    readonly failure?: string,
  ) {
    if ('lines' in parsed) {
      // Parsed on another thread: nothing to parse here.
      this.lines = LineIndex.fromParts(parsed.lines);
      this.sites = new ReferenceSites(parsed.sites);
      this.isRegistry = parsed.isRegistry;
      this.stored = parsed.text;
      return;
    }
    const { text, tree } = parsed;
    this.lines = new LineIndex(text);
    this.sites = ReferenceSites.of(tree);
    this.isRegistry = tree.isRegistry;
    // A lone surrogate would not survive UTF-8 (it decodes as U+FFFD): such a text is kept as it is.
    if (keepWhole || failure !== undefined || !text.isWellFormed()) {
      this.whole = parsed;
      return;
    }
    this.stored = packText(text);
    // Diagnosing follows indexing: the tree just parsed is the first one asked for.
    cache.put(this, parsed);
  }

  /** The document as data for another thread's index; undefined for a document kept whole. */
  get compactForm(): CompactForm | undefined {
    if (this.stored === undefined) return undefined;
    return { uri: this.uri, version: this.version, text: this.stored, lines: this.lines.parts, sites: this.sites.data, isRegistry: this.isRegistry };
  }

  /** Whether the tree is kept (open, defining entities, or everything kept) rather than parsed again. */
  get isWhole(): boolean {
    return this.whole !== undefined;
  }

  get text(): string {
    if (this.whole) return this.whole.text;
    return this.cache.get(this)?.text ?? this.decoded();
  }

  get tree(): SyntaxTree {
    return this.parsed().tree;
  }

  get references(): ReferencesById {
    const parsed = this.parsed();
    return (parsed.references ??= referencesOf(parsed.tree));
  }

  /** Whether the text may hold `word` as a whole word, answered from the filter of its words where it can be without decompressing it. */
  mayContain(word: string): boolean {
    return this.stored === undefined || mayHoldWord(this.stored.bytes.subarray(0, this.stored.filterLength), word);
  }

  /** Lets go of the cached tree: the document was replaced or removed. */
  release(): void {
    this.cache.forget(this);
  }

  private decoded(): string {
    return unpackText(this.stored!);
  }

  private parsed(): Parsed {
    if (this.whole) return this.whole;
    let parsed = this.cache.get(this);
    if (!parsed) {
      // The text parsed without failing when it was indexed, and parsing is deterministic.
      const text = this.decoded();
      const tree = parse(text);
      parsed = { text, tree };
      this.cache.put(this, parsed);
    }
    return parsed;
  }
}
