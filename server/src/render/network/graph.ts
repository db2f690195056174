// Who quotes whom, who mentions whom (issue 11): the entity network of a set
// of transcripts, read from their syntax trees. Registries are not sources.
//
// Every passage has a *voice*, the entities whose words it is:
//   - inside a quotation attributed to B (`"…"{@B}`, `> — @B`): B;
//     inside one attributed to nobody in particular (`{@?}`, `{@?: …}`): none;
//     a scare quote (`{~}`) or an unattributed term keeps the voice around it;
//   - else in a speaker turn's speech (not its stage directions): the speakers;
//   - else the document's `voice`, or its `author`s when it has no `voice` (SPEC 2).
// Only the text counts (paragraphs and block quotes; not headings, footnotes
// or front matter). Edges: quotes (voice around a quotation → its attributed
// entities), mentions (voice → each entity mentioned; not speakers or
// attributions), co-occurs (undirected: entities mentioned in the same
// paragraph). No edge joins an entity to itself.

import type { EntityKind, IdRef, Mention, Quotation, Span, SyntaxTree } from '../../syntax/types';
import type { DocumentEntry, WorkspaceIndex } from '../../model/workspaceIndex';

export type EdgeType = 'quotes' | 'mentions' | 'co-occurs';
export const EDGE_TYPES: readonly EdgeType[] = ['quotes', 'mentions', 'co-occurs'];

export interface NodeCounts {
  /** Mentions in the text of the transcripts. */
  mentions: number;
  /** Quotations attributed to the entity. */
  quotations: number;
  /** Speaker turns it speaks. */
  turns: number;
  /** Transcripts that reference it in any form (front matter included). */
  documents: number;
}

export interface NetworkNode {
  id: string;
  kind: EntityKind;
  /** The preferred name, or the id. */
  name: string;
  counts: NodeCounts;
  /** Where the entity is defined: the document and the definition's header line. */
  uri: string;
  definition: Span;
}

export interface NetworkEdge {
  type: EdgeType;
  /** For co-occurs (undirected) the smaller id of the two. */
  source: string;
  target: string;
  /** Quotations, mentions or paragraphs the edge stands for. */
  weight: number;
  /** How many of them rest on an uncertain identification (`{@x?}`). */
  uncertain: number;
  /** Paths of the transcripts they are in, sorted. */
  documents: string[];
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** References to ids no definition has (HM002): skipped. */
  undefinedIds: string[];
  undefinedReferences: number;
}

export interface NetworkSource {
  entry: DocumentEntry;
  /** Path relative to the workspace root, with `/`: how edges name their documents. */
  path: string;
}

/** The one warning a network with undefined ids gets. */
export function undefinedSummary(network: Network): string | undefined {
  const { undefinedIds: ids, undefinedReferences: count } = network;
  if (ids.length === 0) return undefined;
  const shown = ids.slice(0, 10).map((id) => `@${id}`).join(', ') + (ids.length > 10 ? ', …' : '');
  return `${count} reference${count === 1 ? '' : 's'} to ${ids.length} undefined id${ids.length === 1 ? '' : 's'} (HM002) left out of the network: ${shown}`;
}

/** The last span starting at or before `p` in `spans` (sorted by start), if it holds `p`. */
function spanAt<T extends Span>(spans: readonly T[], p: number): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= p) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && p < spans[found].end ? spans[found] : undefined;
}

function byStart<T extends Span>(spans: T[]): T[] {
  return spans.sort((a, b) => a.start - b.start);
}

/** Who speaks where in one document. */
class Voices {
  private readonly documentVoice: IdRef[];
  private readonly speech: (Span & { speakers: IdRef[] })[];
  private readonly stage: Span[];

  constructor(private readonly tree: SyntaxTree) {
    const entries = tree.frontMatter?.entries ?? [];
    const voice = entries.filter((e) => e.key === 'voice').flatMap((e) => e.refs);
    this.documentVoice = voice.length > 0 ? voice : entries.filter((e) => e.key === 'author').flatMap((e) => e.refs);
    this.speech = byStart(tree.turns.flatMap((t) => t.speech.map((s) => ({ ...s, speakers: t.speaker.ids }))));
    this.stage = byStart(tree.apparatus.flatMap((a) => (a.kind === 'stage' && a.text ? [a.text] : [])));
  }

  /** The voice at `p` outside any quotation. */
  private base(p: number): IdRef[] {
    const turn = spanAt(this.speech, p);
    return turn && !spanAt(this.stage, p) ? turn.speakers : this.documentVoice;
  }

  /** The innermost quotation holding `p` (quotations nest, so it is an ancestor of the last one starting before `p`). */
  private quotationAt(p: number): number | undefined {
    const quotations = this.tree.quotations;
    let lo = 0;
    let hi = quotations.length - 1;
    let i: number | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (quotations[mid].start <= p) {
        i = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    while (i !== undefined && !(quotations[i].start <= p && p < quotations[i].end)) i = quotations[i].parent;
    return i;
  }

  /** The voice of the words inside quotation `i`. */
  private inside(i: number): IdRef[] {
    const q: Quotation = this.tree.quotations[i];
    switch (q.attribution?.kind) {
      case 'entities':
        return q.attribution.ids;
      case 'unknown':
      case 'described':
      case 'invalid':
        return [];
      default:
        return this.around(q);
    }
  }

  /** The voice of the passage a quotation stands in. */
  around(q: Quotation): IdRef[] {
    return q.parent !== undefined ? this.inside(q.parent) : this.base(q.start);
  }

  at(p: number): IdRef[] {
    const i = this.quotationAt(p);
    return i !== undefined ? this.inside(i) : this.base(p);
  }
}

interface EdgeBuilder {
  edge: NetworkEdge;
  documents: Set<string>;
}

class NetworkBuilder {
  private readonly nodes = new Map<string, NetworkNode>();
  private readonly edges = new Map<string, EdgeBuilder>();

  constructor(private readonly index: WorkspaceIndex) {}

  /** The node of a defined id (created on first reference), undefined for an undefined id. */
  node(id: string): NetworkNode | undefined {
    let node = this.nodes.get(id);
    if (node) return node;
    const entity = this.index.entity(id);
    if (!entity) return undefined;
    node = { id, kind: entity.kind, name: entity.displayName, counts: { mentions: 0, quotations: 0, turns: 0, documents: 0 }, uri: entity.uri, definition: { start: entity.definition.header.start, end: entity.definition.header.end } };
    this.nodes.set(id, node);
    return node;
  }

  /** One more quotation, mention or paragraph between `from` and `to` (no edge from an entity to itself). */
  add(type: EdgeType, from: IdRef, to: IdRef, path: string): void {
    if (from.id === to.id || !this.node(from.id) || !this.node(to.id)) return;
    const [source, target] = type === 'co-occurs' && to.id < from.id ? [to.id, from.id] : [from.id, to.id];
    const key = `${type}\u0000${source}\u0000${target}`;
    let builder = this.edges.get(key);
    if (!builder) {
      builder = { edge: { type, source, target, weight: 0, uncertain: 0, documents: [] }, documents: new Set() };
      this.edges.set(key, builder);
    }
    builder.edge.weight++;
    if (from.uncertain || to.uncertain) builder.edge.uncertain++;
    builder.documents.add(path);
  }

  network(undefinedIds: Map<string, number>): Network {
    const nodes = [...this.nodes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const order = (e: NetworkEdge) => `${EDGE_TYPES.indexOf(e.type)}\u0000${e.source}\u0000${e.target}`;
    const edges = [...this.edges.values()].map(({ edge, documents }) => ({ ...edge, documents: [...documents].sort() })).sort((a, b) => (order(a) < order(b) ? -1 : 1));
    const ids = [...undefinedIds.keys()].sort();
    return { nodes, edges, undefinedIds: ids, undefinedReferences: ids.reduce((n, id) => n + undefinedIds.get(id)!, 0) };
  }
}

/** The blocks that are the source's text: paragraphs and block quotes (not headings, footnotes, definitions). */
function textBlocks(tree: SyntaxTree): Span[] {
  return tree.blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'blockQuote');
}

/** Mentions in the text of the source, without speakers and attributions. */
function textMentions(tree: SyntaxTree, blocks: Span[]): { mention: Mention; block: Span }[] {
  const speakers = new Set(tree.turns.map((t) => t.speaker));
  const attributions = byStart(tree.quotations.flatMap((q) => (q.attribution ? [q.attribution] : [])));
  const out: { mention: Mention; block: Span }[] = [];
  for (const mention of tree.mentions) {
    if ((mention.form !== 'explicit' && mention.form !== 'bare') || speakers.has(mention) || spanAt(attributions, mention.start)) continue;
    const block = spanAt(blocks, mention.start);
    if (block) out.push({ mention, block });
  }
  return out;
}

export function buildNetwork(index: WorkspaceIndex, sources: readonly NetworkSource[]): Network {
  const builder = new NetworkBuilder(index);
  const undefinedIds = new Map<string, number>();
  for (const { entry, path } of sources) {
    const tree = entry.tree;
    if (tree.isRegistry) continue;
    for (const [id, refs] of entry.references) {
      const node = builder.node(id);
      if (node) node.counts.documents++;
      else undefinedIds.set(id, (undefinedIds.get(id) ?? 0) + refs.length);
    }
    const voices = new Voices(tree);
    for (const turn of tree.turns) {
      for (const ref of turn.speaker.ids) {
        const node = builder.node(ref.id);
        if (node) node.counts.turns++;
      }
    }
    const blocks = textBlocks(tree);
    for (const q of tree.quotations) {
      if (q.attribution?.kind !== 'entities' || !spanAt(blocks, q.start)) continue;
      const voice = voices.around(q);
      for (const to of q.attribution.ids) {
        const node = builder.node(to.id);
        if (node) node.counts.quotations++;
        for (const from of voice) builder.add('quotes', from, to, path);
      }
    }
    const byBlock = new Map<Span, IdRef[]>();
    for (const { mention, block } of textMentions(tree, blocks)) {
      const voice = voices.at(mention.start);
      for (const to of mention.ids) {
        const node = builder.node(to.id);
        if (node) node.counts.mentions++;
        for (const from of voice) builder.add('mentions', from, to, path);
      }
      const inBlock = byBlock.get(block);
      if (inBlock) inBlock.push(...mention.ids);
      else byBlock.set(block, [...mention.ids]);
    }
    for (const refs of byBlock.values()) {
      // One paragraph is one co-occurrence of a pair, however often each is named in it (uncertain if every naming is).
      const distinct = new Map<string, IdRef>();
      for (const ref of refs) if (!distinct.get(ref.id) || distinct.get(ref.id)!.uncertain) distinct.set(ref.id, ref);
      const list = [...distinct.values()];
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) builder.add('co-occurs', list[i], list[j], path);
    }
  }
  return builder.network(undefinedIds);
}
