// The second pass of the parser: each block's content — headings,
// paragraphs and speaker turns, block quotes, footnotes, definitions — read
// into the tree with the inline scanner.

import { FIELD_KEY, mentionsOfField, parseBlockQuoteAttribution, parseDefinitionHeader, parseKeyValue } from './fields';
import type { InlineScanner } from './inline';
import { contentOffset, FOOTNOTE_DEFINITION, HEADING, type Line, lineOffsets, unmasked } from './lines';
import type { Block, Definition, Field, Mention, Quotation, Span, SyntaxTree, Turn } from './types';

/** Reads one block's content into the tree; keeps the speaker-turn state. */
export class BlockReader {
  private turn: Turn | undefined;

  constructor(
    private readonly masked: string,
    private readonly lines: Line[],
    private readonly tree: SyntaxTree,
    private readonly scanner: InlineScanner,
  ) {}

  read(block: Block, first: number, last: number, next: { block: Block; first: number } | undefined): void {
    switch (block.kind) {
      case 'heading':
        this.endTurn();
        return this.heading(first);
      case 'definition':
        return this.definition(first, last);
      case 'footnoteDefinition':
        return this.footnote(first, last);
      case 'blockQuote':
        this.blockQuote(block, first, last);
        return this.addSpeech(block);
      case 'paragraph':
        return this.paragraph(block, first, last, next);
    }
  }

  endTurn(): void {
    if (this.turn) this.tree.turns.push(this.turn);
    this.turn = undefined;
  }

  private addSpeech(block: Block): void {
    if (!this.turn) return;
    const end = this.lineEndBefore(block.end);
    this.turn.speech.push({ start: block.start, end });
    this.turn.end = end;
  }

  /** The end of a block's content, without its final line break. */
  private lineEndBefore(end: number): number {
    let e = end;
    if (e > 0 && this.masked.charCodeAt(e - 1) === 10) e--;
    if (e > 0 && this.masked.charCodeAt(e - 1) === 13) e--;
    return e;
  }

  private heading(index: number): void {
    const line = this.lines[index];
    // The block was classified by this same pattern on this same text.
    const m = HEADING.exec(line.text)!;
    const textSpan = { start: lineOffsets(this.masked, line)(m[0].length), end: line.end };
    this.tree.headings.push({ start: line.start, end: line.end, level: m[1].length, text: textSpan });
    this.scanner.scanUnit([textSpan], { collectPlain: true });
    this.scanner.endParagraph(line.end);
  }

  private paragraph(block: Block, first: number, last: number, next: { block: Block; first: number } | undefined): void {
    const start = contentOffset(this.masked, this.lines[first]);
    const end = this.lines[last].end;
    const mentionsBefore = this.tree.mentions.length;
    this.scanner.scanUnit([{ start, end }], { collectPlain: true });
    const opener = this.scanner.openOuterMark();
    let continueAt: number | undefined;
    if (opener !== undefined && next?.block.kind === 'paragraph') {
      const at = contentOffset(this.masked, this.lines[next.first]);
      if (this.masked[at] === opener) continueAt = at;
    }
    this.scanner.endParagraph(end, continueAt);
    const speaker: Mention | undefined = this.tree.mentions[mentionsBefore];
    if (speaker && speaker.start === start && (speaker.form === 'explicit' || speaker.form === 'bare') && this.masked[speaker.end] === ':') {
      this.endTurn();
      this.turn = { start: block.start, end, speaker, speech: [] };
    }
    this.addSpeech(block);
  }

  private footnote(first: number, last: number): void {
    const line = this.lines[first];
    // The block was classified by this same pattern on this same text.
    const m = FOOTNOTE_DEFINITION.exec(line.text)!;
    // `line.text` has comments (and a BOM) removed: its indices are mapped to offsets.
    const offsetOf = lineOffsets(this.masked, line);
    const end = this.lines[last].end;
    let contentStart = offsetOf(m[0].length);
    while (contentStart < end && (this.masked[contentStart] === ' ' || this.masked[contentStart] === '\t')) contentStart++;
    this.tree.footnoteDefinitions.push({
      start: line.start,
      end,
      label: m[1],
      labelSpan: { start: offsetOf(2), end: offsetOf(1 + m[1].length) + 1 },
      content: { start: contentStart, end },
    });
    this.scanner.scanUnit([{ start: contentStart, end }], { collectPlain: true });
    this.scanner.endParagraph(end);
  }

  private definition(first: number, last: number): void {
    const line = this.lines[first];
    // Comments inside the header are removed before it is read (SPEC 1): `@per<!-- -->son`.
    const header = parseDefinitionHeader(line.text, lineOffsets(this.masked, line));
    if (header.error || !header.id) {
      this.tree.problems.push({ start: line.start, end: line.end, message: header.error ?? 'Malformed definition.' });
    }
    const fields: Field[] = [];
    let description: Span | undefined;
    for (let k = first + 1; k <= last; k++) {
      const l = this.lines[k];
      if (l.state === 'comment') continue;
      const at = contentOffset(this.masked, l);
      const field = l.state === 'content' ? parseKeyValue(unmasked(this.masked, this.tree.text, at, l.end), at, FIELD_KEY) : undefined;
      if (!field) {
        const descriptionLine = this.lines.slice(k, last + 1).findIndex((x) => x.state === 'content');
        if (descriptionLine !== -1) description = { start: contentOffset(this.masked, this.lines[k + descriptionLine]), end: this.lines[last].end };
        break;
      }
      fields.push(field);
      this.tree.mentions.push(...mentionsOfField(field, 'field'));
    }
    if (description) {
      this.scanner.scanUnit([description], { collectPlain: false });
      this.scanner.endParagraph(description.end);
    }
    if (!header.id) return;
    const definition: Definition = {
      start: line.start,
      end: this.lines[last].end,
      kind: header.kind,
      kindSpan: header.kindSpan,
      id: header.id.id,
      idSpan: header.id.span,
      name: header.name?.name,
      nameSpan: header.name?.span,
      header: { start: line.start, end: line.end },
      fields,
      description,
    };
    this.tree.definitions.push(definition);
  }

  private blockQuote(block: Block, first: number, last: number): void {
    const segments: Span[] = [];
    let firstMarker = -1;
    for (let k = first; k <= last; k++) {
      const l = this.lines[k];
      if (l.state === 'comment') continue;
      const marker = this.masked.indexOf('>', l.start);
      if (firstMarker === -1) firstMarker = marker;
      const start = this.masked[marker + 1] === ' ' ? marker + 2 : marker + 1;
      segments.push({ start, end: l.end });
    }
    const lastSegment = segments[segments.length - 1];
    const attributionLine = parseBlockQuoteAttribution(unmasked(this.masked, this.tree.text, lastSegment.start, lastSegment.end), lastSegment.start);
    if (attributionLine) segments.pop();
    const index = this.tree.quotations.length;
    const quotation: Quotation = {
      start: firstMarker,
      end: this.lineEndBefore(block.end),
      opener: { start: firstMarker, end: firstMarker + 1 },
      content: { start: segments[0]?.start ?? firstMarker + 1, end: segments[segments.length - 1]?.end ?? firstMarker + 1 },
      block: true,
      single: false,
      unclosed: false,
      words: 0,
      attribution: attributionLine?.attribution,
    };
    this.tree.quotations.push(quotation);
    const wordsBefore = this.scanner.wordCount;
    this.scanner.scanUnit(segments, { collectPlain: true, parent: index });
    this.scanner.endParagraph(quotation.content.end);
    quotation.words = this.scanner.wordCount - wordsBefore;
    if (attributionLine) this.tree.mentions.push(...attributionLine.mentions);
  }
}
