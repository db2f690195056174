// Nests the inline constructs of one region of a document (a paragraph, a
// heading, a block quote's lines, a footnote, a description) into inline
// nodes. Brackets (mentions, marks) nest properly by construction; a
// quotation may cross them or the region's edges, and is then split into
// fragments, so the result is always a tree.

import type { Entity } from '../model/entity';
import type { FootnoteDefinition, Mention, SyntaxTree } from '../syntax/types';
import type { InlineNode, NoteNode, QuotationNode, WalkWarning } from './reading';
import { lowerBound, startingIn } from './spans';

export type EntityLookup = (id: string) => Entity | undefined;

/** A removed stretch of text inside a region (a block quote's `> `), with the text that stands for it. */
export interface LineMarkup {
  start: number;
  end: number;
  keep: string;
}

interface Item {
  start: number;
  end: number;
  /** Children come from [innerStart, innerEnd); an atom has none. */
  innerStart: number;
  innerEnd: number;
  atom: boolean;
  /** For quotations: which fragment this is. */
  quotation?: { index: number; first: boolean; last: boolean };
  make: (children: InlineNode[], self: Item) => InlineNode | undefined;
}

/** Shared by every region of one document: note placement and fragment counts. */
export interface InlineContext {
  tree: SyntaxTree;
  lookup: EntityLookup;
  notes: Map<string, FootnoteDefinition>;
  placedNotes: Set<string>;
  fragments: Map<number, number>;
  warnings: WalkWarning[];
  /** Renders a footnote's content (itself a region). */
  renderNote: (definition: FootnoteDefinition) => NoteNode;
  /** Apparatus carried by mentions, which the mention renders. */
  mentionApparatus: Set<object>;
}

function byPosition(a: Item, b: Item): number {
  return a.start - b.start || b.end - a.end || Number(a.atom) - Number(b.atom);
}

function insertSorted(items: Item[], from: number, item: Item): void {
  let k = from;
  while (k < items.length && byPosition(items[k], item) <= 0) k++;
  items.splice(k, 0, item);
}

/** The inline nodes of the region [from, to) of the tree's text. */
export function walkInline(ctx: InlineContext, from: number, to: number, markup: LineMarkup[] = []): InlineNode[] {
  const items = collect(ctx, from, to, markup);
  const state = { next: 0 };
  return build(ctx, items, state, from, to, to, false).nodes;
}

/** Running maximum of the quotations' ends, by tree: what finds a quotation that starts before a region and reaches into it. */
const quotationReach = new WeakMap<SyntaxTree, number[]>();

/** Indexes of the quotations that overlap [from, to): those starting in it, and the few still open at `from`. */
function quotationsOver(tree: SyntaxTree, from: number, to: number): number[] {
  let reach = quotationReach.get(tree);
  if (!reach) {
    reach = [];
    let max = -1;
    for (const q of tree.quotations) reach.push((max = Math.max(max, q.end)));
    quotationReach.set(tree, reach);
  }
  const first = lowerBound(tree.quotations, from);
  const out: number[] = [];
  for (let i = first - 1; i >= 0 && reach[i] > from; i--) out.push(i);
  out.reverse();
  for (let i = first; i < tree.quotations.length && tree.quotations[i].start < to; i++) out.push(i);
  return out;
}

function collect(ctx: InlineContext, from: number, to: number, markup: LineMarkup[]): Item[] {
  const { tree, lookup } = ctx;
  const text = tree.text;
  const items: Item[] = [];
  const mentionNode = (m: Mention, children: InlineNode[]): InlineNode => ({
    type: 'mention',
    form: m.form === 'explicit' ? 'explicit' : 'bare',
    ids: m.ids,
    entities: m.ids.map((r) => lookup(r.id)),
    children,
    at: m.start,
  });
  for (const m of startingIn(tree.mentions, from, to)) {
    if (m.form === 'explicit' && m.display) {
      const apparatus = m.apparatus;
      items.push({
        start: m.start,
        end: m.end,
        innerStart: m.display.start,
        innerEnd: m.display.end,
        atom: false,
        make: (children) => {
          const mention = mentionNode(m, children);
          return apparatus ? { type: 'apparatus', apparatus, children: [mention], at: m.start } : mention;
        },
      });
    } else if (m.form === 'bare') {
      items.push({ start: m.start, end: m.end, innerStart: m.end, innerEnd: m.end, atom: true, make: () => mentionNode(m, []) });
    }
  }
  for (const a of startingIn(tree.apparatus, from, to)) {
    if (ctx.mentionApparatus.has(a)) continue;
    if (a.kind === 'pb') items.push(atom(a.start, a.end, () => ({ type: 'pageBreak', n: a.value, at: a.start })));
    else if (a.kind === 'gap') items.push(atom(a.start, a.end, () => ({ type: 'gap', reason: a.value, at: a.start })));
    else if (a.text) {
      items.push({ start: a.start, end: a.end, innerStart: a.text.start, innerEnd: a.text.end, atom: false, make: (children) => ({ type: 'apparatus', apparatus: a, children, at: a.start }) });
    }
  }
  for (const index of quotationsOver(tree, from, to)) {
    const q = tree.quotations[index];
    if (q.block) continue;
    const innerEnd = q.closer ? q.closer.end : q.end;
    // The attribution suffix is markup; a malformed one stays in the text as what it is (HM010).
    const end = q.attribution && q.attribution.kind !== 'invalid' ? Math.max(q.attribution.end, innerEnd) : innerEnd;
    if (q.start >= to || innerEnd <= from) continue;
    const first = q.start >= from;
    const last = innerEnd <= to;
    const start = Math.max(q.start, from);
    items.push(quotationItem(ctx, q, index, start, last ? end : to, Math.min(innerEnd, to), first, last));
  }
  for (const r of startingIn(tree.footnoteReferences, from, to)) {
    items.push(
      atom(r.start, r.end, () => {
        const definition = ctx.notes.get(r.label);
        const repeat = ctx.placedNotes.has(r.label);
        if (definition && !repeat) ctx.placedNotes.add(r.label);
        return { type: 'noteRef', label: r.label, note: definition && !repeat ? ctx.renderNote(definition) : undefined, repeat: definition !== undefined && repeat, at: r.start };
      }),
    );
  }
  for (const c of startingIn(tree.comments, from, to)) items.push(atom(c.start, c.end, () => ({ type: 'comment', text: text.slice(c.start + 4, c.end - 3), at: c.start })));
  for (const e of startingIn(tree.escapes, from, to)) items.push(atom(e.start, e.end, () => ({ type: 'text', text: text.slice(e.start + 1, e.end), at: e.start + 1 })));
  for (const p of startingIn(tree.problems, from, to)) {
    if (p.end > to) continue;
    items.push(
      atom(p.start, p.end, () => {
        ctx.warnings.push({ at: p.start, message: `malformed markup kept as text: ${p.message}` });
        return { type: 'malformed', text: text.slice(p.start, p.end), at: p.start };
      }),
    );
  }
  for (const g of markup) items.push(atom(g.start, g.end, () => (g.keep === '' ? undefined : { type: 'text', text: g.keep, at: g.start })));
  items.sort(byPosition);
  return items;
}

function atom(start: number, end: number, make: () => InlineNode | undefined): Item {
  return { start, end, innerStart: end, innerEnd: end, atom: true, make };
}

function quotationItem(ctx: InlineContext, q: SyntaxTree['quotations'][number], index: number, start: number, end: number, innerEnd: number, first: boolean, last: boolean): Item {
  return {
    start,
    end,
    innerStart: start,
    innerEnd,
    atom: false,
    quotation: { index, first, last },
    make: (children, self) => {
      const fragment = ctx.fragments.get(index) ?? 0;
      ctx.fragments.set(index, fragment + 1);
      const { first, last } = self.quotation!;
      const node: QuotationNode = { type: 'quotation', quotation: q, index, fragment, first, last, children, at: self.start };
      return node;
    },
  };
}

/**
 * Builds the nodes of [from, to); `resume` is where the enclosing item's
 * outer range ends (a quotation leaving it continues there). Returns
 * `cutAt` when an item crosses the end of the enclosing quotation, which
 * then ends there and continues inside that item (`cut`).
 */
function build(ctx: InlineContext, items: Item[], state: { next: number }, from: number, to: number, resume: number, inQuotation: boolean): { nodes: InlineNode[]; cut?: Item } {
  const text = ctx.tree.text;
  const nodes: InlineNode[] = [];
  let cursor = from;
  const pushText = (a: number, b: number) => {
    if (b > a) nodes.push({ type: 'text', text: text.slice(a, b), at: a });
  };
  while (state.next < items.length && items[state.next].start < to) {
    const item = items[state.next];
    if (item.start < cursor) {
      // Inside a brace group already consumed (an id, a suffix): no text of its own.
      state.next++;
      continue;
    }
    if (item.end > to && !item.atom) {
      if (item.quotation) {
        // The quotation leaves the enclosing brackets: this piece ends here, the rest resumes after them.
        const rest: Item = { ...item, start: resume, innerStart: resume, quotation: { ...item.quotation, first: false } };
        item.end = to;
        item.innerEnd = Math.min(item.innerEnd, to);
        item.quotation = { ...item.quotation, last: false };
        if (rest.innerEnd > rest.start) insertSorted(items, state.next + 1, rest);
      } else if (inQuotation) {
        pushText(cursor, item.start);
        return { nodes, cut: item };
      } else {
        item.end = to;
        item.innerEnd = Math.min(item.innerEnd, to);
      }
    }
    pushText(cursor, item.start);
    state.next++;
    if (item.atom) {
      const node = item.make([], item);
      if (node) nodes.push(node);
      cursor = item.end;
      continue;
    }
    const inner = build(ctx, items, state, item.innerStart, item.innerEnd, item.end, item.quotation !== undefined);
    if (inner.cut && item.quotation) {
      // This quotation ends inside a bracket that opens within it: this piece ends
      // where the bracket opens, the rest continues inside the bracket.
      const cut = inner.cut;
      const rest: Item = { ...item, start: cut.innerStart, innerStart: cut.innerStart, quotation: { ...item.quotation, first: false } };
      item.quotation = { ...item.quotation, last: false };
      insertSorted(items, state.next, rest);
      const node = item.make(inner.nodes, item);
      if (node) nodes.push(node);
      cursor = cut.start;
      continue;
    }
    const node = item.make(inner.nodes, item);
    if (node) nodes.push(node);
    cursor = item.end;
  }
  pushText(cursor, to);
  return { nodes };
}
