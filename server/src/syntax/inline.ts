// The inline scanner: one left-to-right pass over the text of a paragraph
// (or heading, block quote, footnote, description) that finds escapes,
// mentions, brace groups, footnote references and quotations (SPEC.md
// sections 5, 6 and 8), counts words and records the plain text HM005 reads.
// Quotation state survives from one paragraph to the next so that the
// multi-paragraph convention (SPEC 6.1) can be applied by the caller.

import { type BracketGroup, BracketMatches, bracketedGroup, findBraceEnd, footnoteReference, readAttribution, standaloneGroup } from './braceGroups';
import { parseBraceContent } from './braces';
import { charLength, codePointBefore, codePointOf, isIdChar, isLetter, isWhitespace, isWordChar, isWordCharAt, scanId, sharedId } from './chars';
import { isTransparent } from './plain';
import type { Quotation, Span, SyntaxTree } from './types';

const BACKSLASH = 92;
const NUL = 0;
const NEWLINE = 10;
/** What the straight-quote rule reads a gap as: text, not space (an ellipsis). */
const OMITTED_TEXT = 0x2026;

interface OpenQuote {
  index: number;
  mark: string;
  single: boolean;
  /** A single mark outside any double quotation: real only if attributed. */
  tentative: boolean;
  wordsAtOpen: number;
}

export interface UnitOptions {
  /** Record plain text for HM005 (not in definitions). */
  collectPlain: boolean;
  /** Parent quotation of top-level quotations in this unit (a block quote). */
  parent?: number;
}

const DOUBLE_OPENERS = new Set(['"', '“', '„', '«']);
const CLOSES: Record<string, string[]> = {
  '"': ['"', '“', '„'],
  // Sources and OCR mix marks both ways (SPEC 6.1, 1.1).
  '”': ['“', '„', '"'],
  '“': ['„'],
  '»': ['«'],
  "'": ["'", '‘'],
  '’': ["'", '‘'],
};

export class InlineScanner {
  private readonly stack: OpenQuote[] = [];
  /** Stack depths of the open double quotations, and of the open quotations by mark: a closer finds its opener without walking the stack. */
  private readonly doubles: number[] = [];
  private readonly byMark = new Map<string, number[]>();
  private readonly brackets = new BracketMatches();
  private readonly discarded = new Set<number>();
  private words = 0;
  private inWord = false;
  private prevCode = NEWLINE;
  private plainStart = -1;
  private collectPlain = false;
  private inMentionDisplay = false;
  /** Open groups whose text HM005 does not read: mention displays and `[text]{-}`. */
  private hidingGroups = 0;
  private unitParent: number | undefined;
  private segmentEnd = 0;
  /** Offset of an opener that continues the previous paragraph's quotation. */
  private continuationOpener = -1;

  constructor(
    readonly text: string,
    readonly tree: SyntaxTree,
  ) {}

  /** Scans the segments of one unit; each segment starts at a line start. */
  scanUnit(segments: Span[], options: UnitOptions): void {
    this.collectPlain = options.collectPlain;
    this.unitParent = options.parent;
    for (const segment of segments) {
      // Segments are separate lines (of a block quote): no word runs on into the next.
      this.inWord = false;
      this.prevCode = NEWLINE;
      this.segmentEnd = segment.end;
      this.scanSegment(segment.start, segment.end);
      this.flushPlain(segment.end);
    }
  }

  get wordCount(): number {
    return this.words;
  }

  /** The mark of the outermost open quotation, if it is a double one. */
  openOuterMark(): string | undefined {
    const outer = this.stack[0];
    return outer && !outer.single ? outer.mark : undefined;
  }

  /**
   * Ends the current paragraph at `end`. When `continueAt` is given, the
   * outermost quotation goes on into the paragraph whose opener is there.
   */
  endParagraph(end: number, continueAt?: number): void {
    const keep = continueAt !== undefined ? 1 : 0;
    this.unwind(keep, end);
    if (continueAt !== undefined) this.continuationOpener = continueAt;
  }

  /** Drops the provisional single-mark quotations that never became real. */
  finish(): void {
    this.unwind(0, this.text.length);
    if (this.discarded.size === 0) return;
    const quotations = this.tree.quotations;
    const remap = new Map<number, number>();
    const kept: Quotation[] = [];
    quotations.forEach((q, i) => {
      if (this.discarded.has(i)) return;
      remap.set(i, kept.length);
      kept.push(q);
    });
    // A quotation inside a dropped one belongs to the nearest kept ancestor.
    for (const q of kept) {
      let parent = q.parent;
      while (parent !== undefined && this.discarded.has(parent)) parent = quotations[parent].parent;
      q.parent = parent === undefined ? undefined : remap.get(parent);
    }
    this.tree.quotations = kept;
  }

  private scanSegment(start: number, end: number): void {
    const text = this.text;
    let p = start;
    // Open `[text]{…}` groups, innermost last: an apparatus text may hold mentions (SPEC 8).
    const groups: BracketGroup[] = [];
    this.hidingGroups = 0;
    this.inMentionDisplay = false;
    let bracketsMatched = false;
    while (p < end) {
      const group = groups[groups.length - 1];
      // A brace group inside the text may run past its `]` (`[a {x]}{sic}`): the group ends there all the same.
      if (group !== undefined && p >= group.close) {
        this.flushPlain(p);
        p = Math.max(p, group.groupEnd);
        if (groups.pop()!.hidesNames) this.hidingGroups--;
        // A mention's display holds no group, so the enclosing one is no mention.
        this.inMentionDisplay = false;
        this.prevCode = 125;
        continue;
      }
      const runEnd = this.ordinaryRun(p, group === undefined ? end : Math.min(end, group.close));
      if (runEnd > p) {
        p = runEnd;
        continue;
      }
      const code = text.charCodeAt(p);
      switch (code) {
        case NUL:
          // A comment takes no room (SPEC 1): the plain text, the word and what the next mark follows run on across it.
          p++;
          continue;
        case BACKSLASH: {
          if (p + 1 < end && text.charCodeAt(p + 1) !== NEWLINE && text.charCodeAt(p + 1) !== 13) {
            // An escaped astral character is escaped whole, both halves of its pair.
            const escapeEnd = p + 1 + charLength(text, p + 1);
            this.flushPlain(p);
            this.tree.escapes.push({ start: p, end: escapeEnd });
            this.literal(p + 1, codePointOf(text, p + 1));
            p = escapeEnd;
            continue;
          }
          break;
        }
        case 91 /* [ */: {
          const footnoteEnd = footnoteReference(this, p, end);
          if (footnoteEnd > p) {
            this.flushPlain(p);
            p = footnoteEnd;
            this.prevCode = 93;
            continue;
          }
          if (!bracketsMatched) this.brackets.match(text, start, end);
          bracketsMatched = true;
          const opened = bracketedGroup(this, p, end, this.brackets);
          if (opened) {
            this.flushPlain(p);
            groups.push(opened);
            this.inMentionDisplay = opened.mention;
            if (opened.hidesNames) this.hidingGroups++;
            p++;
            this.prevCode = 91;
            continue;
          }
          break;
        }
        case 123 /* { */: {
          const marks = this.tree.apparatus.length;
          const groupEnd = standaloneGroup(this, p, end);
          // A page break or gap takes no room (SPEC 1, 6.1): `Ho{pb 7}xha` is one word, `{pb 12}"We` opens.
          const mark = this.tree.apparatus[marks];
          if (this.tree.apparatus.length === marks || !isTransparent(mark.kind)) {
            this.flushPlain(p);
            this.prevCode = 125;
          } else if (mark.kind === 'gap') {
            // Omitted text is still text before a mark: `"we will {gap}"` closes (a reading of SPEC 6.1 that
            // departs from its letter, which would make that mark open a second, unclosed quotation).
            this.prevCode = OMITTED_TEXT;
          }
          p = groupEnd;
          continue;
        }
        case 64 /* @ */: {
          if (this.inMentionDisplay) break;
          const mentionEnd = this.bareMention(p, end);
          if (mentionEnd > p) {
            this.flushPlain(p);
            p = mentionEnd;
            this.prevCode = codePointBefore(text, p);
            continue;
          }
          break;
        }
        default:
          if (this.quoteMark(p, end)) {
            p = this.afterMark;
            continue;
          }
      }
      this.literal(p, code);
      p++;
    }
  }

  /** Where scanning resumes after a quotation mark (and any attribution). */
  private afterMark = 0;

  /**
   * Consumes a run of characters that can start no markup (the bulk of any
   * text) in a tight loop; returns where the run ends.
   */
  private ordinaryRun(start: number, end: number): number {
    const text = this.text;
    let p = start;
    let inWord = this.inWord;
    let words = this.words;
    while (p < end) {
      const code = text.charCodeAt(p);
      let word: boolean;
      if (code < 128) {
        // One table read classes an ASCII character: the common case.
        const kind = ASCII_KIND[code];
        if (kind === MARKUP) break;
        word = kind === WORD;
      } else {
        if (isQuoteMark(code)) break;
        word = code < 0xd800 || code > 0xdfff ? isWordChar(code) : isWordCharAt(text, p);
      }
      if (word && !inWord) words++;
      // A hyphen between two word characters joins them into one counted word (SPEC 1).
      inWord = word || (inWord && code === 45 && isWordChar(this.codeAfter(p, end)));
      p++;
    }
    if (p > start) {
      if (this.collectPlain && this.hidingGroups === 0 && this.plainStart === -1) this.plainStart = start;
      this.inWord = inWord;
      this.words = words;
      this.prevCode = codePointBefore(text, p);
    }
    return p;
  }

  private literal(p: number, code: number): void {
    if (this.collectPlain && this.hidingGroups === 0 && this.plainStart === -1) this.plainStart = p;
    if (isWordChar(code)) {
      if (!this.inWord) this.words++;
      this.inWord = true;
    } else {
      // An apostrophe between two word characters joins them into one counted word (SPEC 1): `don't`.
      this.inWord = this.inWord && (code === 39 || code === 0x2019) && isWordChar(this.codeAfter(p, this.segmentEnd));
    }
    this.prevCode = code;
  }

  /**
   * The code point after the character at `p`, reading past what takes no
   * room (comments, `{pb…}`, `{gap…}`); NEWLINE at the end of the segment.
   */
  private codeAfter(p: number, end: number): number {
    const text = this.text;
    let q = p + charLength(text, p);
    while (q < end) {
      const code = text.charCodeAt(q);
      if (code === NUL) {
        q++;
      } else if (code === 123) {
        const braceEnd = findBraceEnd(text, q, end);
        if (braceEnd === -1) return code;
        const content = parseBraceContent(this.tree.text.slice(q + 1, braceEnd), q + 1);
        if (content.type !== 'pb' && content.type !== 'gap') return code;
        q = braceEnd + 1;
      } else {
        return codePointOf(text, q);
      }
    }
    return NEWLINE;
  }

  private flushPlain(end: number): void {
    if (this.plainStart !== -1) {
      if (end > this.plainStart) this.tree.plainText.push(this.plainStart, end);
      this.plainStart = -1;
    }
  }

  private bareMention(p: number, end: number): number {
    const before = p > 0 ? codePointBefore(this.text, p) : NEWLINE;
    if (before === 46 || before === 64 || (before !== NUL && isIdChar(before))) return p;
    const idEnd = scanId(this.text, p + 1, end);
    if (idEnd === p + 1) return p;
    const id = sharedId(this.text.slice(p + 1, idEnd));
    this.tree.mentions.push({ start: p, end: idEnd, form: 'bare', ids: [{ id, span: { start: p + 1, end: idEnd }, uncertain: false }] });
    // It stands for a name in the text, so it is a word of a quotation.
    this.words++;
    this.inWord = false;
    return idEnd;
  }

  /** Handles a quotation mark at `p`; returns false when it is plain text. */
  private quoteMark(p: number, end: number): boolean {
    const text = this.text;
    if (!isQuoteMark(text.charCodeAt(p))) return false;
    const mark = text[p];
    const next = this.codeAfter(p, end);
    if ((mark === "'" || mark === '’') && isLetter(this.prevCode) && isLetter(next)) return false;
    if (p === this.continuationOpener) {
      this.continuationOpener = -1;
      this.flushPlain(p);
      this.prevCode = text.charCodeAt(p);
      this.inWord = false;
      this.afterMark = p + 1;
      return true;
    }
    let opens: boolean;
    if (mark === '"' || mark === "'") opens = this.straightOpens(next);
    else if (mark === '“') opens = this.innermostDouble()?.mark !== '„';
    else opens = mark === '‘' || mark === '„' || mark === '«';
    if (opens) {
      this.open(p, mark);
      this.afterMark = p + 1;
      return true;
    }
    return this.close(p, mark, end);
  }

  private straightOpens(next: number): boolean {
    const prev = this.prevCode;
    if (prev === NEWLINE || isWhitespace(prev) || prev === 40 || prev === 91 || prev === 123) return true;
    const dashOrSlash = prev === 0x2014 || prev === 0x2013 || prev === 45 || prev === 47;
    return dashOrSlash && !isWhitespace(next);
  }

  private innermostDouble(): OpenQuote | undefined {
    const depth = this.doubles[this.doubles.length - 1];
    return depth === undefined ? undefined : this.stack[depth];
  }

  private push(entry: OpenQuote): void {
    const depth = this.stack.length;
    this.stack.push(entry);
    if (!entry.single) this.doubles.push(depth);
    let depths = this.byMark.get(entry.mark);
    if (!depths) this.byMark.set(entry.mark, (depths = []));
    depths.push(depth);
  }

  /** Drops the open quotations from stack depth `depth` on. */
  private truncate(depth: number): void {
    if (this.stack.length <= depth) return;
    this.stack.length = depth;
    while (this.doubles.length > 0 && this.doubles[this.doubles.length - 1] >= depth) this.doubles.pop();
    for (const depths of this.byMark.values()) while (depths.length > 0 && depths[depths.length - 1] >= depth) depths.pop();
  }

  /** The depth of the open quotation `mark` closes, or -1. */
  private closedBy(mark: string): number {
    if (mark === "'" || mark === '’') {
      // A single mark closes only the innermost quotation, when that is a single one it matches.
      const top = this.stack[this.stack.length - 1];
      return top && top.single && CLOSES[mark].includes(top.mark) ? this.stack.length - 1 : -1;
    }
    // A double mark closes the innermost double quotation it matches, across single ones and other double ones.
    let depth = -1;
    for (const opener of CLOSES[mark]) {
      const depths = this.byMark.get(opener);
      if (depths && depths.length > 0) depth = Math.max(depth, depths[depths.length - 1]);
    }
    return depth;
  }

  private open(p: number, mark: string): void {
    const single = !DOUBLE_OPENERS.has(mark);
    const top = this.stack[this.stack.length - 1];
    const index = this.tree.quotations.length;
    this.tree.quotations.push({
      start: p,
      end: p + 1,
      opener: { start: p, end: p + 1 },
      content: { start: p + 1, end: p + 1 },
      block: false,
      single,
      unclosed: false,
      words: 0,
      parent: top ? top.index : this.unitParent,
    });
    this.literal(p, this.text.charCodeAt(p));
    this.push({ index, mark, single, tentative: single && !this.innermostDouble(), wordsAtOpen: this.words });
  }

  private close(p: number, mark: string, end: number): boolean {
    const k = this.closedBy(mark);
    if (k < 0) return mark === '“' ? (this.open(p, mark), (this.afterMark = p + 1), true) : false;
    const entry = this.stack[k];
    this.unwind(k + 1, p);
    this.truncate(k);
    const quotation = this.tree.quotations[entry.index];
    quotation.closer = { start: p, end: p + 1 };
    quotation.content.end = p;
    quotation.end = p + 1;
    quotation.words = this.words - entry.wordsAtOpen;
    this.literal(p, this.text.charCodeAt(p));
    this.afterMark = p + 1;
    const attribution = this.text.charCodeAt(p + 1) === 123 ? readAttribution(this, p + 1, end) : undefined;
    if (attribution) {
      quotation.attribution = attribution;
      this.flushPlain(p + 1);
      this.afterMark = attribution.end;
      this.prevCode = 125;
    } else if (entry.tentative) {
      this.discarded.add(entry.index);
    }
    return true;
  }

  /** Ends every open quotation above stack depth `keep` at `end`. */
  private unwind(keep: number, end: number): void {
    for (let i = this.stack.length - 1; i >= keep; i--) {
      const entry = this.stack[i];
      if (entry.single) {
        this.discarded.add(entry.index);
        continue;
      }
      const quotation = this.tree.quotations[entry.index];
      quotation.unclosed = true;
      quotation.end = end;
      quotation.content.end = end;
      quotation.words = this.words - entry.wordsAtOpen;
    }
    this.truncate(keep);
  }
}

const OTHER = 0;
const WORD = 1;
const MARKUP = 2;
/** The ASCII characters by kind: word characters, those the scanner must look at (NUL for comments, quotes, `@`, `[`, `\\`, `{`), the others. */
const ASCII_KIND = Uint8Array.from({ length: 128 }, (_, c) => (isWordChar(c) ? WORD : OTHER));
for (const c of '\0"\'@[\\{') ASCII_KIND[c.charCodeAt(0)] = MARKUP;

/** `"`, `'`, `«`, `»`, `‘`, `’`, `“`, `”`, `„`. */
function isQuoteMark(code: number): boolean {
  return code === 34 || code === 39 || code === 0xab || code === 0xbb || (code >= 0x2018 && code <= 0x201e && code !== 0x201a && code !== 0x201b);
}


