// Text → SyntaxTree (SPEC.md sections 1–9), in two linear passes: lines are
// grouped into blocks, then the inline scanner reads each block's text.
// Comments are blanked out first (SPEC 1: removed before anything else).

import { isWhitespace } from './chars';
import { FIELD_KEY, FRONT_MATTER_KEY, isDefinitionStart, mentionsOfField, parseBlockQuoteAttribution, parseDefinitionHeader, parseKeyValue } from './fields';
import { InlineScanner } from './inline';
import type { Block, BlockKind, Definition, Field, FrontMatter, Mention, Quotation, Span, SyntaxTree, Turn } from './types';

const NUL = '\0';

/** Replaces every comment character (and a BOM) with NUL, keeping offsets. */
function maskComments(text: string, tree: SyntaxTree): string {
  let open = text.indexOf('<!--');
  if (open === -1 && text.charCodeAt(0) !== 0xfeff) return text;
  const parts: string[] = [];
  let from = 0;
  if (text.charCodeAt(0) === 0xfeff) {
    parts.push(NUL);
    from = 1;
  }
  while (open !== -1) {
    const close = text.indexOf('-->', open + 4);
    if (close === -1) {
      tree.problems.push({ start: open, end: open + 4, message: 'This comment is never closed: end it with `-->`.' });
      break;
    }
    const end = close + 3;
    tree.comments.push({ start: open, end });
    parts.push(text.slice(from, open), NUL.repeat(end - open));
    from = end;
    open = text.indexOf('<!--', end);
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * The text from `start` to `end` with comments as spaces. Sliced from the
 * source when no comment is there, so that the strings of the tree never
 * keep the masked copy of a document alive.
 */
function unmasked(masked: string, source: string, start: number, end: number): string {
  const raw = masked.slice(start, end);
  return raw.includes(NUL) ? raw.replaceAll(NUL, ' ') : source.slice(start, end);
}

interface Line {
  start: number;
  /** End of content, before `\r\n` or `\n`. */
  end: number;
  /** Start of the next line. */
  next: number;
  /** Content with comments removed. */
  text: string;
  /** `blank` lines end paragraphs; `comment` lines (only comments) are transparent. */
  state: 'blank' | 'comment' | 'content';
  indent: number;
}

function splitLines(masked: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= masked.length) {
    const newline = masked.indexOf('\n', start);
    const next = newline === -1 ? masked.length + 1 : newline + 1;
    let end = newline === -1 ? masked.length : newline;
    if (end > start && masked.charCodeAt(end - 1) === 13) end--;
    const raw = masked.slice(start, end);
    const hasComment = raw.includes(NUL);
    const text = hasComment ? raw.replaceAll(NUL, '') : raw;
    const trimmed = text.trimStart();
    const state = trimmed === '' ? (hasComment ? 'comment' : 'blank') : 'content';
    let indent = text.length - trimmed.length;
    if (text.startsWith('\t')) indent = Math.max(indent, 2);
    lines.push({ start, end, next: Math.min(next, masked.length), text, state, indent });
    if (newline === -1) break;
    start = next;
  }
  // A final line break ends the last line; it does not start an empty one.
  if (lines.length > 1 && lines[lines.length - 1].start === masked.length) lines.pop();
  return lines;
}

const HEADING = /^(#{1,6})[ \t]+/;
const FOOTNOTE_DEFINITION = /^\[\^([A-Za-z0-9_-]+)\]:/;
const BLOCK_QUOTE = /^ {0,3}>/;

function startsBlock(line: Line): boolean {
  const t = line.text;
  return HEADING.test(t) || isDefinitionStart(t) || FOOTNOTE_DEFINITION.test(t) || BLOCK_QUOTE.test(t);
}

/** Offset in the masked line where `text` (comments removed) starts. */
function contentOffset(masked: string, line: Line): number {
  let p = line.start;
  while (p < line.end && (masked[p] === NUL || isWhitespace(masked.charCodeAt(p)))) p++;
  return p;
}

export function parse(text: string): SyntaxTree {
  const tree: SyntaxTree = {
    text,
    blocks: [],
    headings: [],
    definitions: [],
    footnoteDefinitions: [],
    footnoteReferences: [],
    mentions: [],
    quotations: [],
    turns: [],
    apparatus: [],
    comments: [],
    escapes: [],
    problems: [],
    plainText: [],
    isRegistry: true,
  };
  const masked = maskComments(text, tree);
  const lines = splitLines(masked);
  const scanner = new InlineScanner(masked, tree);
  const pending: { block: Block; first: number; last: number }[] = [];

  const push = (kind: BlockKind, first: number, last: number) => {
    pending.push({ block: { kind, start: lines[first].start, end: lines[last].next }, first, last });
  };

  let i = 0;
  if (lines[0].text.trimEnd() === '---' && lines[0].indent === 0) {
    const close = lines.findIndex((l, k) => k > 0 && l.text.trimEnd() === '---' && l.indent === 0);
    tree.frontMatter = parseFrontMatter(masked, text, lines, close);
    if (close !== -1) {
      push('frontMatter', 0, close);
      for (const entry of tree.frontMatter.entries) tree.mentions.push(...mentionsOfField(entry, 'frontMatter'));
      i = close + 1;
    } else {
      tree.problems.push({ ...tree.frontMatter.open, message: 'The front matter opened here is never closed: add a line `---` after its last key.' });
      tree.frontMatter = undefined;
    }
  }

  while (i < lines.length) {
    const line = lines[i];
    if (line.state !== 'content') {
      let j = i;
      while (j + 1 < lines.length && lines[j + 1].state !== 'content') j++;
      push('blank', i, j);
      i = j + 1;
      continue;
    }
    if (HEADING.test(line.text)) {
      push('heading', i, i);
      i++;
      continue;
    }
    const indented = isDefinitionStart(line.text) || FOOTNOTE_DEFINITION.test(line.text);
    const quote = BLOCK_QUOTE.test(line.text);
    let last = i;
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j];
      if (l.state === 'comment') continue;
      if (indented) {
        if (l.state === 'blank') continue;
        if (l.indent < 2) break;
      } else if (l.state === 'blank' || (quote ? !BLOCK_QUOTE.test(l.text) : startsBlock(l))) {
        break;
      }
      last = j;
    }
    const kind: BlockKind = quote ? 'blockQuote' : isDefinitionStart(line.text) ? 'definition' : indented ? 'footnoteDefinition' : 'paragraph';
    push(kind, i, last);
    i = last + 1;
  }

  // Transparent comment lines and trailing blanks left between blocks are blank blocks.
  // The one line of an empty text is no block: blocks tile the text, so there are none.
  let cursor = 0;
  for (const { block } of pending) {
    if (block.start > cursor) tree.blocks.push({ kind: 'blank', start: cursor, end: block.start });
    if (block.end > block.start) tree.blocks.push(block);
    cursor = block.end;
  }
  if (cursor < text.length) tree.blocks.push({ kind: 'blank', start: cursor, end: text.length });

  const reader = new BlockReader(masked, lines, tree, scanner);
  const content = pending.filter((p) => p.block.kind !== 'blank' && p.block.kind !== 'frontMatter');
  content.forEach((item, k) => reader.read(item.block, item.first, item.last, content[k + 1]));
  reader.endTurn();
  scanner.finish();
  // An unclosed comment is found before the blocks are read.
  tree.problems.sort((a, b) => a.start - b.start);
  tree.isRegistry = !tree.blocks.some((b) => b.kind === 'paragraph' || b.kind === 'blockQuote');
  return tree;
}

function parseFrontMatter(masked: string, source: string, lines: Line[], close: number): FrontMatter {
  const last = close === -1 ? 0 : close;
  const frontMatter: FrontMatter = {
    start: lines[0].start,
    end: lines[last].end,
    open: { start: contentOffset(masked, lines[0]), end: lines[0].end },
    closed: close !== -1,
    entries: [],
    malformed: [],
  };
  for (let k = 1; k < last; k++) {
    const line = lines[k];
    if (line.state !== 'content') continue;
    const at = contentOffset(masked, line);
    const entry = parseKeyValue(unmasked(masked, source, at, line.end), at, FRONT_MATTER_KEY);
    if (entry) frontMatter.entries.push(entry);
    else frontMatter.malformed.push({ start: at, end: line.end });
  }
  return frontMatter;
}

/** Reads one block's content into the tree; keeps the speaker-turn state. */
class BlockReader {
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
    const m = HEADING.exec(line.text)!;
    const textSpan = { start: Math.min(contentOffset(this.masked, line) + m[0].length, line.end), end: line.end };
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
    const m = FOOTNOTE_DEFINITION.exec(line.text)!;
    // `line.text` has comments (and a BOM) removed; offsets count from where it starts.
    const at = contentOffset(this.masked, line);
    const end = this.lines[last].end;
    let contentStart = at + m[0].length;
    while (contentStart < end && (this.masked[contentStart] === ' ' || this.masked[contentStart] === '\t')) contentStart++;
    this.tree.footnoteDefinitions.push({
      start: line.start,
      end,
      label: m[1],
      labelSpan: { start: at + 2, end: at + 2 + m[1].length },
      content: { start: contentStart, end },
    });
    this.scanner.scanUnit([{ start: contentStart, end }], { collectPlain: true });
    this.scanner.endParagraph(end);
  }

  private definition(first: number, last: number): void {
    const line = this.lines[first];
    const at = contentOffset(this.masked, line);
    const header = parseDefinitionHeader(unmasked(this.masked, this.tree.text, at, line.end), at);
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
