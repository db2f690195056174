// Serialises the reading structure (render/reading.ts) as the TEI of a
// document's text (SPEC.md 14): divs with head, sp with speaker, p, said/q,
// names with @ref, the apparatus, notes at their reference, comments.

import type { BlockNode, BlockQuoteNode, InlineNode, MentionNode, QuotationNode } from '../reading';
import { mentionName } from '../plainText';
import type { Attributes, XmlWriter } from '../xmlWriter';
import { pointer } from './ids';
import { nameElement } from './names';

export interface BodyContext {
  writer: XmlWriter;
  /** Fragments per split quotation (ReadingDocument.fragments). */
  fragments: Map<number, number>;
  /** Prefix of the ids this export makes up, unique within one file. */
  idPrefix: string;
  warn: (at: number, message: string) => void;
  isDefined: (id: string) => boolean;
}

const BCP47 = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

export function isLanguageTag(tag: string): boolean {
  return BCP47.test(tag);
}

export function writeBlocks(ctx: BodyContext, blocks: readonly BlockNode[]): void {
  const w = ctx.writer;
  for (const block of blocks) {
    switch (block.type) {
      case 'space':
        w.text(block.text, block.at);
        break;
      case 'comment':
        w.comment(block.text, block.at + 4);
        break;
      case 'paragraph':
        w.start('p');
        writeInline(ctx, block.children);
        w.end();
        break;
      case 'blockQuote':
        writeBlockQuote(ctx, block);
        break;
      case 'turn': {
        const defined = block.ids.filter((_, k) => block.entities[k] !== undefined);
        for (const [k, ref] of block.ids.entries()) if (!block.entities[k]) ctx.warn(block.at, `speaker @${ref.id} has no definition: the turn is exported without @who`);
        w.start('sp', { who: defined.length > 0 ? defined.map((r) => pointer(r.id)).join(' ') : undefined });
        w.start('speaker');
        writeInline(ctx, block.label);
        w.end();
        writeBlocks(ctx, block.blocks);
        w.end();
        break;
      }
      case 'div':
        w.start('div').start('head');
        writeInline(ctx, block.head);
        w.end();
        writeBlocks(ctx, block.blocks);
        w.end();
        break;
      case 'note':
        w.start('note', { n: block.note.definition.label, place: 'foot', type: 'unreferenced' });
        writeInline(ctx, block.note.children);
        w.end();
        break;
    }
  }
}

function writeBlockQuote(ctx: BodyContext, block: BlockQuoteNode): void {
  const w = ctx.writer;
  const attribution = block.quotation.attribution;
  w.start(...quotationElement(ctx, block.quotation.attribution, block.at, { rend: 'block' }));
  if (attribution?.kind === 'described') w.element('note', { type: 'speaker' }, attribution.description ?? '');
  w.start('p');
  writeInline(ctx, block.children);
  w.end();
  if (block.attributionLine) {
    w.text(block.attributionBreak ?? '');
    w.start('bibl', { type: 'attribution' });
    writeInline(ctx, block.attributionLine);
    w.end();
  }
  w.end();
}

/** said for attributed words, q for terms ({~}) and unattributed quotations. */
function quotationElement(ctx: BodyContext, attribution: QuotationNode['quotation']['attribution'], warnAt: number | undefined, extra: Attributes): [string, Attributes] {
  const warn = (message: string) => warnAt !== undefined && ctx.warn(warnAt, message);
  switch (attribution?.kind) {
    case 'entities': {
      const ids = attribution.ids.filter((r) => ctx.isDefined(r.id));
      for (const r of attribution.ids) if (!ctx.isDefined(r.id)) warn(`@${r.id} has no definition: the quotation is exported without it in @who`);
      return ['said', { who: ids.length > 0 ? ids.map((r) => pointer(r.id)).join(' ') : undefined, cert: ids.some((r) => r.uncertain) ? 'low' : undefined, ...extra }];
    }
    case 'unknown':
    case 'described':
      return ['said', extra];
    case 'notSpeech':
      return ['q', { type: 'term', ...extra }];
    case 'invalid':
      warn('a malformed attribution (HM010) is kept as text after the quotation');
      return ['q', extra];
    default:
      return ['q', extra];
  }
}

export function writeInline(ctx: BodyContext, nodes: readonly InlineNode[]): void {
  const w = ctx.writer;
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'malformed':
        w.text(node.text, node.at);
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
        w.empty('pb', { n: node.n });
        break;
      case 'gap':
        w.empty('gap', { reason: node.reason?.replace(/\s+/g, ' ') });
        break;
      case 'noteRef': {
        const attributes = { n: node.label, place: 'foot' };
        const id = `${ctx.idPrefix}fn.${node.label}`;
        if (node.note) {
          w.start('note', { ...attributes, 'xml:id': id });
          writeInline(ctx, node.note.children);
          w.end();
        } else if (node.repeat) {
          w.empty('note', { ...attributes, sameAs: `#${id}` });
        } else {
          w.empty('note', { ...attributes, type: 'undefined' });
        }
        break;
      }
      case 'comment':
        w.comment(node.text, node.at + 4);
        break;
    }
  }
}

function writeMention(ctx: BodyContext, node: MentionNode): void {
  const { name, attributes, undefinedIds } = nameElement(node.ids, node.entities);
  for (const id of undefinedIds) ctx.warn(node.at, `@${id} has no definition: exported as <rs key="${id}"> without a pointer`);
  ctx.writer.start(name, { ...attributes, rend: node.form === 'bare' ? 'bare' : undefined });
  if (node.form === 'bare') ctx.writer.text(mentionName(node));
  else writeInline(ctx, node.children);
  ctx.writer.end();
}

function writeQuotation(ctx: BodyContext, node: QuotationNode): void {
  const count = ctx.fragments.get(node.index) ?? 1;
  const id = (k: number) => `${ctx.idPrefix}q.${node.index}.${k}`;
  const linking: Attributes =
    count > 1
      ? { 'xml:id': id(node.fragment), prev: node.fragment > 0 ? `#${id(node.fragment - 1)}` : undefined, next: node.fragment < count - 1 ? `#${id(node.fragment + 1)}` : undefined }
      : {};
  const attribution = node.quotation.attribution;
  // Each fragment says whose words they are; the last one warns about what the attribution lacks.
  ctx.writer.start(...quotationElement(ctx, attribution, node.last ? node.at : undefined, linking));
  if (attribution?.kind === 'described' && node.fragment === 0) ctx.writer.element('note', { type: 'speaker' }, attribution.description ?? '');
  writeInline(ctx, node.children);
  ctx.writer.end();
}

function writeApparatus(ctx: BodyContext, node: Extract<InlineNode, { type: 'apparatus' }>): void {
  const w = ctx.writer;
  const { kind, value } = node.apparatus;
  const inner = () => writeInline(ctx, node.children);
  switch (kind) {
    case 'sic':
      if (value !== undefined) {
        w.start('choice').start('sic');
        inner();
        w.end().element('corr', {}, value).end();
      } else {
        w.start('sic');
        inner();
        w.end();
      }
      return;
    case 'foreign': {
      const valid = value !== undefined && isLanguageTag(value);
      if (!valid) ctx.warn(node.at, `"${value ?? ''}" is not a BCP 47 language tag: exported as <foreign> without xml:lang`);
      w.start('foreign', { 'xml:lang': valid ? value : undefined });
      inner();
      w.end();
      return;
    }
    case 'notMention':
      // Plain text to a reader; the seg keeps {-} for the way back.
      w.start('seg', { type: 'notMention' });
      inner();
      w.end();
      return;
    default:
      w.start(kind === 'unclear' ? 'unclear' : kind === 'stage' ? 'stage' : kind === 'supplied' ? 'supplied' : kind);
      inner();
      w.end();
  }
}
