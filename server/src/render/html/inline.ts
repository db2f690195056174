// Inline nodes of the reading structure as HTML, by editorial convention:
// mentions as subtle links, quotations with whose words they are, the
// apparatus as a printed edition shows it. Two modes: `reading` (the
// edited text: corrections, supplied words) and `diplomatic` (the source
// as written: the original spelling, nothing supplied).

import { type Entity, KIND_LABELS } from '../../model/entity';
import type { Quotation } from '../../syntax/types';
import { mentionName } from '../plainText';
import type { ApparatusNode, InlineNode, MentionNode, NoteNode, QuotationNode } from '../reading';
import { isLanguageTag } from '../tei/body';
import type { HtmlWriter } from './htmlWriter';

export type HtmlMode = 'reading' | 'diplomatic';

export interface HtmlContext {
  writer: HtmlWriter;
  mode: HtmlMode;
  /** The link to an entity's page, or undefined where there is none (the preview). */
  entityHref: (id: string) => string | undefined;
  /** Quotations with no attribution and at least this many words are marked unattributed (SPEC 6.2, `quotations.minWords`). */
  minWords: number;
  /** The name of an id, for the hover of a quotation attributed to it. */
  nameOf: (id: string) => string;
  /** Notes referred to in the block being written, placed after it. */
  notes: { label: string; note: NoteNode }[];
}

/** "Nikita Khrushchev (1894-04-15 – 1971-09-11)", "Enver Hoxha (1908-10-16 –)", "22nd Congress (1961-10)": the hover's name and dates. */
export function entityTitle(entity: Entity): string {
  const d = entity.dates;
  if (entity.kind === 'event' || entity.kind === 'work') return d.date ? `${entity.displayName} (${d.date})` : entity.displayName;
  const [from, to] = entity.kind === 'person' ? [d.born, d.died] : entity.kind === 'org' ? [d.founded, d.dissolved] : [undefined, undefined];
  if (!from && !to) return entity.displayName;
  return `${entity.displayName} (${from ?? '?'} –${to ? ` ${to}` : ''})`;
}

function mentionTitle(node: MentionNode): string {
  return node.ids
    .map((ref, k) => {
      const entity = node.entities[k];
      const name = entity ? `${entityTitle(entity)}, ${KIND_LABELS[entity.kind]}` : `@${ref.id}: no definition`;
      return ref.uncertain ? `${name} (identification uncertain)` : name;
    })
    .join('; ');
}

/** `display`: the text shown instead of the mention's own (a correction in the same brace group). */
function writeMention(ctx: HtmlContext, node: MentionNode, display?: string): void {
  const defined = node.entities.every((e) => e !== undefined);
  const uncertain = node.ids.some((r) => r.uncertain);
  const classes = ['hm-mention', defined ? '' : 'hm-undefined', uncertain ? 'hm-uncertain' : ''].filter(Boolean).join(' ');
  const href = defined && node.ids.length > 0 ? ctx.entityHref(node.ids[0].id) : undefined;
  ctx.writer.start(href ? 'a' : 'span', { class: classes, href, 'data-id': node.ids.map((r) => r.id).join(' '), 'data-at': String(node.at), title: mentionTitle(node) });
  if (display !== undefined) ctx.writer.text(display);
  else if (node.form === 'bare') ctx.writer.text(mentionName(node));
  else writeInline(ctx, node.children);
  ctx.writer.end();
}

/** Whose words a quotation is: a class, a hover title and, where it must be seen, a label. */
export function attributionOf(quotation: Quotation, nameOf: (id: string) => string, minWords: number): { className: string; title?: string; label?: string; speakers?: string } {
  const a = quotation.attribution;
  switch (a?.kind) {
    case 'entities':
      return { className: 'hm-attributed', title: `words of ${a.ids.map((r) => nameOf(r.id) + (r.uncertain ? ' (uncertain)' : '')).join(' and ')}`, speakers: a.ids.map((r) => r.id).join(' ') };
    case 'described':
      return { className: 'hm-attributed hm-described', title: `words of ${a.description ?? 'an unnamed speaker'}` };
    case 'unknown':
      return { className: 'hm-speaker-unknown', title: 'speaker unknown', label: 'speaker unknown' };
    case 'notSpeech':
      return { className: 'hm-not-speech' };
    default:
      return quotation.words >= minWords ? { className: 'hm-unattributed', title: 'unattributed quotation', label: 'unattributed' } : { className: 'hm-term' };
  }
}

function writeQuotation(ctx: HtmlContext, node: QuotationNode): void {
  const who = attributionOf(node.quotation, ctx.nameOf, ctx.minWords);
  ctx.writer.start('span', { class: `hm-quote ${who.className}`, 'data-at': String(node.at), 'data-speaker': who.speakers, title: who.title });
  writeInline(ctx, node.children);
  ctx.writer.end();
  if (node.last && who.label) ctx.writer.element('span', { class: 'hm-label' }, `[${who.label}]`);
}

function writeApparatus(ctx: HtmlContext, node: ApparatusNode): void {
  const w = ctx.writer;
  const { kind, value } = node.apparatus;
  const inner = () => writeInline(ctx, node.children);
  const reading = ctx.mode === 'reading';
  switch (kind) {
    case 'sic':
      if (value !== undefined && reading) {
        // `[Ramis Alija]{@alia sic: Ramiz Alia}`: the mention keeps its link and shows the correction.
        const [only] = node.children;
        w.start('span', { class: 'hm-corr', title: `the source reads: ${textOf(node.children)}` });
        if (node.children.length === 1 && only.type === 'mention') writeMention(ctx, only, value);
        else w.text(value);
        w.end();
      } else {
        w.start('span', { class: 'hm-sic', title: value !== undefined ? `corrected: ${value}` : 'sic: so in the source' });
        inner();
        w.end();
        if (reading) w.text(' ').element('span', { class: 'hm-editorial' }, '[sic]');
      }
      return;
    case 'unclear':
      w.start('span', { class: 'hm-unclear', title: 'uncertain reading' });
      inner();
      w.end();
      if (reading) w.element('span', { class: 'hm-editorial' }, '[?]');
      return;
    case 'supplied':
      // Not in the source: the diplomatic text leaves it out.
      if (!reading) return;
      w.start('span', { class: 'hm-supplied', title: 'supplied by the editor' }).text('[');
      inner();
      w.text(']').end();
      return;
    case 'stage':
      w.start('em', { class: 'hm-stage' });
      inner();
      w.end();
      return;
    case 'foreign': {
      const lang = value !== undefined && isLanguageTag(value) ? value : undefined;
      w.start('i', { class: 'hm-foreign', lang, title: value !== undefined ? `language: ${value}` : undefined });
      inner();
      w.end();
      return;
    }
    case 'notMention':
      w.start('span', { class: 'hm-not-mention' });
      inner();
      w.end();
      return;
    default:
      inner();
  }
}

/** The text of inline nodes as a hover shows it. */
function textOf(nodes: readonly InlineNode[]): string {
  return nodes.map((n) => ('text' in n && n.type !== 'comment' ? n.text : 'children' in n ? textOf(n.children) : '')).join('');
}

export function writeInline(ctx: HtmlContext, nodes: readonly InlineNode[]): void {
  const w = ctx.writer;
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'malformed':
        w.text(node.text);
        break;
      case 'mention':
        writeMention(ctx, node);
        break;
      case 'quotation':
        writeQuotation(ctx, node);
        break;
      case 'apparatus':
        writeApparatus(ctx, node);
        break;
      case 'pageBreak':
        w.start('span', { class: 'hm-pb', 'data-at': String(node.at), title: node.n !== undefined ? `page ${node.n}` : 'page break' })
          .element('span', { class: 'hm-pb-mark' }, '|')
          .element('span', { class: 'hm-pb-n' }, node.n ?? '')
          .end();
        break;
      case 'gap':
        w.element('span', { class: 'hm-gap', title: node.reason !== undefined ? `omitted: ${node.reason}` : 'omitted' }, '[…]');
        break;
      case 'noteRef':
        writeNoteRef(ctx, node.label, node.note);
        break;
      case 'comment':
        // The annotator's comments are not part of the reading text.
        break;
    }
  }
}

/** Footnote labels match [A-Za-z0-9_-]+ (SPEC 8): safe in an id. */
export function noteAnchor(label: string): string {
  return `note-${label}`;
}

function writeNoteRef(ctx: HtmlContext, label: string, note: NoteNode | undefined): void {
  if (note) ctx.notes.push({ label, note });
  ctx.writer.start('sup', { class: 'hm-noteref' }).element('a', { href: `#${noteAnchor(label)}` }, label).end();
}
