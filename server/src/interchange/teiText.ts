// TEI text → Histmark markup: divs become headings, sp turns, said/q
// quotations, names mentions, the apparatus its brace groups, notes
// footnotes. Reads what the export writes (render/tei/) and the common
// variants of other TEI; an element it does not know keeps its text and
// is reported with its line.

import type { Element, Node } from '@xmldom/xmldom';
import { unescapeComment } from '../render/xmlWriter';
import { histmarkId } from '../render/tei/ids';
import { attr, child, children, isElement, nodes, pointerIds, position, textContent, type XmlPosition } from './dom';
import { escapeText } from './escape';

export interface ImportReport {
  position: XmlPosition;
  message: string;
}

const OPENERS = new Set(['"', '“', '„', '«', "'", '‘']);
const CLOSERS = new Set(['"', '”', '“', '»', "'", '’']);
const NAMES = new Set(['persName', 'orgName', 'placeName', 'rs', 'name', 'geogName', 'eventName']);
/** Elements whose text is kept as it is, without a report: layout and emphasis a transcript has no markup for. */
const TRANSPARENT = new Set(['hi', 'emph', 'seg', 'lb', 'w', 'pc', 'c', 'date', 'time', 'num', 'measure', 'title', 'term', 'mentioned', 'distinct', 'add', 'del', 'orig', 'reg', 'abbr', 'expan']);

export class TextImporter {
  readonly reports: ImportReport[] = [];
  readonly footnotes: { label: string; text: string }[] = [];
  private readonly usedLabels = new Set<string>();
  private pendingPageBreaks = '';

  private report(node: Node, message: string): void {
    this.reports.push({ position: position(node), message });
  }

  /** The Histmark text of a body (or a div's) children, at heading depth `depth`. */
  blocks(parent: Node, depth: number): string {
    let out = '';
    for (const node of nodes(parent)) {
      if (!isElement(node)) {
        if (node.nodeType === 8) out += comment(node);
        else if (node.nodeType === 3 || node.nodeType === 4) {
          const text = textContent(node);
          out += text.trim() === '' ? blockSpace(text, out) : escapeText(text, out === '' || out.endsWith('\n'));
        }
        continue;
      }
      const block = this.block(node, depth, out);
      // A heading and a footnote definition start at column 0, on a line of their own.
      if (/^(#|\[\^)/.test(block)) out = out.replace(/[ \t]+$/, '').replace(/([^\n])$/, '$1\n');
      out += block;
    }
    return out;
  }

  private block(e: Element, depth: number, before: string): string {
    switch (e.localName) {
      case 'div':
      case 'div1':
      case 'div2':
      case 'div3':
        return this.div(e, depth + 1);
      case 'head':
        return `${'#'.repeat(Math.min(Math.max(depth, 1), 6))} ${oneLine(this.inline(e))}`;
      case 'p':
      case 'ab':
        return this.paragraph(e);
      case 'sp':
        return this.turn(e);
      case 'said':
      case 'q':
      case 'quote':
      case 'cit':
        return this.blockQuote(e);
      case 'note':
        return this.footnoteDefinition(e, before);
      case 'pb':
        this.pendingPageBreaks += pageBreak(e);
        return '';
      case 'stage':
        return this.paragraphOf(`[${this.inline(e)}]{stage}`);
      case 'speaker':
        return this.paragraphOf(this.inline(e));
      default:
        this.report(e, `<${e.localName}> has no Histmark equivalent: its text is kept as a paragraph`);
        return this.paragraphOf(this.inline(e));
    }
  }

  private paragraphOf(text: string): string {
    const out = this.pendingPageBreaks + text.replace(/\n[ \t]*\n\s*/g, '\n');
    this.pendingPageBreaks = '';
    return out;
  }

  private div(e: Element, depth: number): string {
    return this.blocks(e, depth);
  }

  private paragraph(e: Element): string {
    return this.paragraphOf(this.inline(e));
  }

  private turn(e: Element): string {
    const who = pointerIds(attr(e, 'who')).map(histmarkId);
    const speaker = child(e, 'speaker');
    let label = speaker ? this.inline(speaker) : '';
    if (!/^(\[[^\]]*\]\{@[^}]*\}|@[\p{L}\p{N}][\p{L}\p{M}\p{N}_-]*):/u.test(label)) {
      // Other TEI: a speaker label without a linked name; the turn's @who links it.
      const plain = label.replace(/:\s*$/, '');
      if (who.length > 0) label = `[${plain || who.join(', ')}]{${who.map((id) => '@' + id).join(' ')}}:${/:\s*$/.test(label) ? label.slice(label.lastIndexOf(':') + 1) : ' '}`;
      else {
        this.report(e, '<sp> without @who: its speaker label is kept as text, not as a turn');
        label = label === '' ? '' : `${label}${/:\s*$/.test(label) ? '' : ':'} `;
      }
    }
    let out = label;
    let first = true;
    for (const node of nodes(e)) {
      if (node === speaker) continue;
      if (isElement(node) && (node.localName === 'p' || node.localName === 'ab') && first) {
        // The first paragraph goes on the label's line, as the export took it from there.
        out += this.inline(node).replace(/^\s*\n\s*/, '');
        first = false;
        continue;
      }
      if (!isElement(node)) {
        const text = textContent(node);
        if (node.nodeType === 8) out += comment(node);
        else if (text.trim() !== '') out += escapeText(text);
        // Layout between the speaker and the first paragraph is no text of the turn.
        else if (!first) out += blockSpace(text, out);
        continue;
      }
      first = false;
      out += this.block(node, 0, out);
    }
    return out;
  }

  private blockQuote(e: Element): string {
    const cit = e.localName === 'cit';
    const quote = cit ? (child(e, 'quote') ?? child(e, 'q') ?? child(e, 'said') ?? e) : e;
    const paragraphs = children(quote, 'p');
    if (paragraphs.length === 0 && attr(e, 'rend') !== 'block' && !cit) return this.paragraphOf(this.quotation(e));
    const content = paragraphs.length > 0 ? paragraphs.map((p) => this.inline(p)).join('\n') : this.inline(quote);
    const lines = content.replace(/^\s*\n/, '').split('\n').map((line) => (line === '' ? '>' : `> ${line}`));
    const bibl = child(e, 'bibl');
    const lineBreak = bibl && textBefore(bibl).includes('\r\n') ? '\r\n' : '\n';
    const attribution = this.blockAttribution(e, quote, bibl);
    const out = this.pendingPageBreaks + lines.join('\n') + (attribution ? lineBreak + attribution : '');
    this.pendingPageBreaks = '';
    return out;
  }

  /** The last line of a block quote: the names as the source wrote them (bibl), else @who, a described or unknown speaker, or {~}. */
  private blockAttribution(e: Element, quote: Element, bibl: Element | undefined): string | undefined {
    const who = pointerIds(attr(quote, 'who') ?? attr(e, 'who')).map(histmarkId);
    const describer = children(quote, 'note').find((n) => attr(n, 'type') === 'speaker');
    const linked = (x: Element) => [x, ...Array.from(x.getElementsByTagName('*') as unknown as Element[])].some((n) => NAMES.has(n.localName!) && (attr(n, 'ref') ?? attr(n, 'key')) !== undefined);
    if (bibl && linked(bibl)) return `> ${this.inline(bibl)}`;
    if (who.length > 0) return `> — {${who.map((id) => '@' + id).join(' ')}}`;
    if (describer) return `> — {@?: ${oneLine(textContent(describer)).replace(/[{}]/g, '')}}`;
    if (quote.localName === 'said' || e.localName === 'said') return '> — {@?}';
    if (attr(quote, 'type') === 'term') return '> {~}';
    return undefined;
  }

  private footnoteDefinition(e: Element, before: string): string {
    const label = this.label(e);
    const text = indentContinuation(this.inline(e));
    return `${before === '' || before.endsWith('\n') ? '' : '\n'}[^${label}]: ${text}`;
  }

  private label(e: Element): string {
    let label = (attr(e, 'n') ?? '').replace(/[^A-Za-z0-9_-]/g, '');
    if (label === '' || (this.usedLabels.has(label) && attr(e, 'sameAs') === undefined && attr(e, 'type') !== 'unreferenced')) {
      let k = this.usedLabels.size + 1;
      while (this.usedLabels.has(`n${k}`)) k++;
      label = `n${k}`;
    }
    this.usedLabels.add(label);
    return label;
  }

  /** The Histmark text of an element's inline content. */
  inline(parent: Node): string {
    let out = '';
    for (const node of nodes(parent)) {
      if (node.nodeType === 3 || node.nodeType === 4) out += escapeText(textContent(node), out === '' ? false : out.endsWith('\n'));
      else if (node.nodeType === 8) out += comment(node);
      else if (isElement(node)) out += this.inlineElement(node);
    }
    return out;
  }

  private inlineElement(e: Element): string {
    const name = e.localName!;
    if (NAMES.has(name)) return this.name(e);
    switch (name) {
      case 'said':
      case 'q':
      case 'quote':
      case 'soCalled':
        return this.quotation(e);
      case 'cit':
        return this.quotation(child(e, 'quote') ?? child(e, 'q') ?? e, e);
      case 'pb':
        return pageBreak(e);
      case 'gap': {
        const reason = attr(e, 'reason') ?? (child(e, 'desc') ? textContent(child(e, 'desc')!) : undefined);
        return reason ? `{gap: ${oneLine(reason).replace(/[{}]/g, '')}}` : '{gap}';
      }
      case 'choice': {
        const sic = child(e, 'sic') ?? child(e, 'orig') ?? child(e, 'abbr');
        const corr = child(e, 'corr') ?? child(e, 'reg') ?? child(e, 'expan');
        if (!sic || !corr) return this.inline(sic ?? corr ?? e);
        return this.marked(sic, `sic: ${oneLine(textContent(corr)).replace(/[{}]/g, '')}`);
      }
      case 'sic':
        return this.marked(e, 'sic');
      case 'unclear':
        return this.marked(e, '?');
      case 'supplied':
        return this.marked(e, '+');
      case 'stage':
        return this.marked(e, 'stage');
      case 'foreign': {
        const lang = attr(e, 'xml:lang');
        return lang ? this.marked(e, `lang: ${lang}`) : this.inline(e);
      }
      case 'seg':
        return attr(e, 'type') === 'notMention' ? this.marked(e, '-') : this.inline(e);
      case 'note':
        return this.noteReference(e);
      case 'lb':
        return '\n';
      case 'bibl':
        return this.inline(e);
      default:
        if (!TRANSPARENT.has(name)) this.report(e, `<${name}> has no Histmark equivalent: its text is kept, the element is not`);
        return this.inline(e);
    }
  }

  /** `[text]{mark}`; a mention alone inside a mark shares its brace group: `[text]{@id sic: c}`. */
  private marked(e: Element, mark: string): string {
    const inner = children(e);
    const onlyName = inner.length === 1 && NAMES.has(inner[0].localName!) && nodes(e).every((n) => n === inner[0] || textContent(n).trim() === '');
    // `{-}` is the one mark that cannot follow ids.
    if (onlyName && mark !== '-') {
      const mention = this.name(inner[0]);
      const m = /^\[(.*)\]\{(.*)\}$/s.exec(mention);
      if (m) return `[${m[1]}]{${m[2]} ${mark}}`;
    }
    return `[${this.inline(e)}]{${mark}}`;
  }

  private name(e: Element): string {
    const ids = [...pointerIds(attr(e, 'ref')).map(histmarkId), ...(attr(e, 'key') ?? '').split(/\s+/).filter((k) => k !== '')];
    const valid = ids.filter((id) => /^[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd}_-]*$/u.test(id) && !/[-_]$/.test(id));
    for (const id of ids) if (!valid.includes(id)) this.report(e, `"${id}" cannot be a Histmark id: the name is kept as text`);
    if (valid.length === 0) return this.inline(e);
    const uncertain = attr(e, 'cert') === 'low' || attr(e, 'cert') === 'unknown' ? '?' : '';
    // A bare `@id`, or the `{@a @b}` of a block quote's attribution line.
    if (attr(e, 'rend') === 'bare') return valid.length === 1 ? `@${valid[0]}` : `{${valid.map((id) => `@${id}`).join(' ')}}`;
    return `[${this.inline(e)}]{${valid.map((id) => `@${id}${uncertain}`).join(' ')}}`;
  }

  private quotation(e: Element, cit?: Element): string {
    const prev = attr(e, 'prev') !== undefined || attr(e, 'part') === 'M' || attr(e, 'part') === 'F';
    const next = attr(e, 'next') !== undefined || attr(e, 'part') === 'I' || attr(e, 'part') === 'M';
    let content = '';
    for (const node of nodes(e)) {
      if (isElement(node) && node.localName === 'note' && attr(node, 'type') === 'speaker') continue;
      if (isElement(node) && node.localName === 'bibl' && cit) continue;
      content += node.nodeType === 3 ? escapeText(textContent(node)) : node.nodeType === 8 ? comment(node) : isElement(node) ? this.inlineElement(node) : '';
    }
    // The export keeps the source's marks as text (escaped above): unescape them at the ends.
    const opened = /^\\(.)/su.exec(content);
    let text: string;
    if (opened && OPENERS.has(opened[1])) {
      text = opened[1] + content.slice(2);
      const closed = /\\(.)$/su.exec(text);
      if (closed && CLOSERS.has(closed[1]) && !next) text = text.slice(0, -2) + closed[1];
    } else if (prev) {
      text = content;
    } else {
      text = `“${content}${next ? '' : '”'}`;
    }
    if (next) return text;
    return text + this.attribution(e, cit);
  }

  private attribution(e: Element, cit?: Element): string {
    const who = pointerIds(attr(e, 'who') ?? (cit ? attr(cit, 'who') : undefined)).map(histmarkId);
    const uncertain = attr(e, 'cert') === 'low' ? '?' : '';
    if (who.length > 0) return `{${who.map((id) => `@${id}${uncertain}`).join(' ')}}`;
    const citName = cit ? child(cit, 'bibl') : undefined;
    const citIds = citName ? [...citName.getElementsByTagName('*')].flatMap((n) => pointerIds(attr(n as unknown as Element, 'ref'))).map(histmarkId) : [];
    if (citIds.length > 0) return `{${citIds.map((id) => `@${id}`).join(' ')}}`;
    const describer = children(e, 'note').find((n) => attr(n, 'type') === 'speaker');
    if (describer) return `{@?: ${oneLine(textContent(describer)).replace(/[{}]/g, '')}}`;
    if (e.localName === 'said') return '{@?}';
    if (e.localName === 'soCalled' || attr(e, 'type') === 'term') return '{~}';
    return '';
  }

  private noteReference(e: Element): string {
    if (attr(e, 'type') === 'speaker') return '';
    const sameAs = attr(e, 'sameAs');
    const label = this.label(e);
    if (sameAs !== undefined || attr(e, 'type') === 'undefined') return `[^${label}]`;
    this.footnotes.push({ label, text: indentContinuation(this.inline(e)) });
    return `[^${label}]`;
  }

  /** Page breaks that no paragraph followed, as a paragraph of their own. */
  finish(): string {
    const rest = this.pendingPageBreaks;
    this.pendingPageBreaks = '';
    return rest === '' ? '' : `\n\n${rest}\n`;
  }
}

/**
 * Whitespace between blocks. The export writes the source's own (a blank
 * line between paragraphs); other TEI is laid out with indentation, or
 * none, which would join two paragraphs: that becomes a blank line.
 */
function blockSpace(text: string, before: string): string {
  if (/\n[ \t]*\n/.test(text) || (text.includes('\n') && !/\n[ \t]+$/.test(text))) return text;
  if (before === '') return '';
  return before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
}

function comment(node: Node): string {
  return `<!--${unescapeComment((node as unknown as { data: string }).data)}-->`;
}

function pageBreak(e: Element): string {
  const n = attr(e, 'n');
  return n && /^\S+$/.test(n) && !/[{}]/.test(n) ? `{pb ${n}}` : '{pb}';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A footnote's later lines are indented, so that they continue it (SPEC 3). */
function indentContinuation(text: string): string {
  return text.replace(/\n(?!\r?\n)/g, '\n  ').replace(/\n[ \t]*(?=\r?\n)/g, '\n');
}

function textBefore(e: Element): string {
  const previous = e.previousSibling;
  return previous && previous.nodeType === 3 ? textContent(previous) : '\n';
}
