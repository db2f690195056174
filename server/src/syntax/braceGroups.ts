// Brace groups in running text (SPEC.md sections 5, 6.2 and 8): `[text]{…}`
// mentions and marks, standalone `{pb}`/`{gap}`, the attribution after a
// closing quotation mark, and footnote references. Each reader records what
// it finds in the tree and says where scanning resumes.

import { parseBraceContent, type BraceContent } from './braces';
import type { Attribution, SyntaxTree } from './types';

const BACKSLASH = 92;
const NUL = 0;

/** The comment-masked text being scanned, and the tree being built. */
export interface GroupContext {
  text: string;
  tree: SyntaxTree;
}

export /** An open `[text]{…}`: where its text ends (`]`) and where its brace group ends. */
interface BracketGroup {
  close: number;
  groupEnd: number;
  mention: boolean;
  /** A mention's display or a not-a-mention `[text]{-}`: no plain text for HM005 (SPEC 5). */
  hidesNames: boolean;
}

export function footnoteReference(ctx: GroupContext, p: number, end: number): number {
  const text = ctx.text;
  if (text.charCodeAt(p + 1) !== 94 /* ^ */) return p;
  let q = p + 2;
  while (q < end && /[A-Za-z0-9_-]/.test(text[q])) q++;
  if (q === p + 2 || q >= end || text.charCodeAt(q) !== 93) return p;
  ctx.tree.footnoteReferences.push({ start: p, end: q + 1, label: text.slice(p + 2, q), labelSpan: { start: p + 2, end: q } });
  return q + 1;
}

/**
 * Where a character next occurs in a text, by indexOf (which skips text far
 * faster than a loop reads it), remembering its last answer: segments are
 * read in order, and the search that ran past one segment's end answers for
 * the next segments, or finding each would cost the rest of the document.
 */
class NextOf {
  private text: string | undefined;
  private from = 0;
  private at = -1;

  constructor(private readonly char: string) {}

  /** The first occurrence at or after `from`, or -1. */
  find(text: string, from: number): number {
    if (text !== this.text || from < this.from || (this.at !== -1 && from > this.at)) {
      this.text = text;
      this.from = from;
      this.at = text.indexOf(this.char, from);
    }
    return this.at;
  }
}

/**
 * The `]` matching each `[` of a segment, found in one pass with a stack
 * (escapes skipped), and which of them hold another `[`: looking ahead
 * from every `[` would make a run of brackets quadratic. One instance
 * serves every segment of a parse; its arrays are reused, an entry being
 * valid only when stamped with the current segment.
 */
export class BracketMatches {
  private start = 0;
  private segment = 0;
  private stamps = new Int32Array(0);
  /** 1 + the offset of the matching `]`, or 0. */
  private closes = new Int32Array(0);
  private nestings = new Uint8Array(0);
  /** A segment's brackets and escapes are found by jumping from one to the next. */
  private readonly finders = [new NextOf('['), new NextOf(']'), new NextOf('\\')];

  match(text: string, start: number, end: number): void {
    const length = end - start;
    if (this.stamps.length < length) {
      const size = Math.max(length, this.stamps.length * 2);
      this.stamps = new Int32Array(size);
      this.closes = new Int32Array(size);
      this.nestings = new Uint8Array(size);
      this.segment = 0;
    }
    const segment = ++this.segment;
    this.start = start;
    const open: number[] = [];
    const next = (finder: NextOf, from: number) => {
      const at = finder.find(text, from);
      return at === -1 || at >= end ? end : at;
    };
    const [openings, closings, escapes] = this.finders;
    let opening = next(openings, start);
    let closing = next(closings, start);
    let escape = next(escapes, start);
    for (;;) {
      const q = Math.min(opening, closing, escape);
      if (q >= end) break;
      if (q === escape) {
        // The escaped character is no bracket.
        escape = next(escapes, q + 2);
        if (opening === q + 1) opening = next(openings, q + 2);
        if (closing === q + 1) closing = next(closings, q + 2);
      } else if (q === opening) {
        const k = q - start;
        this.stamps[k] = segment;
        this.closes[k] = 0;
        this.nestings[k] = 0;
        // The innermost open bracket holds this one; the outer ones hold it first.
        if (open.length > 0) this.nestings[open[open.length - 1] - start] = 1;
        open.push(q);
        opening = next(openings, q + 1);
      } else {
        if (open.length > 0) this.closes[open.pop()! - start] = q + 1;
        closing = next(closings, q + 1);
      }
    }
  }

  /** The `]` matching the `[` at `p`, or -1. */
  closeOf(p: number): number {
    const k = p - this.start;
    return this.stamps[k] === this.segment ? this.closes[k] - 1 : -1;
  }

  nested(p: number): boolean {
    const k = p - this.start;
    return this.stamps[k] === this.segment && this.nestings[k] === 1;
  }
}

/** `[text]{…}`: finds the closing bracket and records the mention or mark. */
export function bracketedGroup(ctx: GroupContext, p: number, end: number, brackets: BracketMatches): BracketGroup | undefined {
  const text = ctx.text;
  const close = brackets.closeOf(p);
  const q = close === -1 ? end : close;
  const nested = brackets.nested(p);
  if (q >= end || text.charCodeAt(q + 1) !== 123) return undefined;
  const braceEnd = findBraceEnd(ctx.text, q + 1, end);
  // An unclosed group is reported when the scan reaches its `{`.
  if (braceEnd === -1) return undefined;
  const groupEnd = braceEnd + 1;
  const content = parseBraceContent(source(ctx, q + 2, braceEnd), q + 2);
  // SPEC 5: a mention's display holds no unescaped bracket; this `[` is then text.
  if (content.type === 'mention' && nested) return undefined;
  const display = { start: p + 1, end: q };
  // Fields are written out rather than spread from a span: on this path
  // (every mention) object spread cost more than the rest of the parse.
  if (content.type === 'mention') {
    const apparatus = content.apparatus && { start: p, end: groupEnd, kind: content.apparatus.kind, text: display, value: content.apparatus.value };
    ctx.tree.mentions.push({ start: p, end: groupEnd, form: 'explicit', ids: content.ids, display, apparatus });
    if (apparatus) ctx.tree.apparatus.push(apparatus);
    return { close: q, groupEnd, mention: true, hidesNames: true };
  }
  if (content.type === 'apparatus') {
    ctx.tree.apparatus.push({ start: p, end: groupEnd, kind: content.kind, text: display, value: content.value });
    return { close: q, groupEnd, mention: false, hidesNames: content.kind === 'notMention' };
  }
  ctx.tree.problems.push({ start: q + 1, end: groupEnd, message: bracketedMisuse(content) });
  return { close: q, groupEnd, mention: false, hidesNames: false };
}

/**
 * The content of a brace group, which holds no comment (a comment ends the
 * group unclosed), sliced from the document rather than its masked copy:
 * the strings of the tree must not keep that copy alive.
 */
function source(ctx: GroupContext, start: number, end: number): string {
  return ctx.tree.text.slice(start, end);
}

/** Offset of the `}` closing the group opened at `open`, or -1. */
export function findBraceEnd(text: string, open: number, end: number): number {
  let q = open + 1;
  while (q < end) {
    const c = text.charCodeAt(q);
    if (c === BACKSLASH) q += 2;
    else if (c === 125) return q;
    else if (c === 123 || c === NUL) return -1;
    else q++;
  }
  return -1;
}

/** A brace group that follows neither `]` nor a closing mark. */
export function standaloneGroup(ctx: GroupContext, p: number, end: number): number {
  const braceEnd = findBraceEnd(ctx.text, p, end);
  if (braceEnd === -1) {
    ctx.tree.problems.push({ start: p, end: p + 1, message: 'This `{` is never closed: close the brace group with `}`, or write `\\{` for a literal brace.' });
    return p + 1;
  }
  const content = parseBraceContent(source(ctx, p + 1, braceEnd), p + 1);
  const start = p;
  const groupEnd = braceEnd + 1;
  if (content.type === 'pb' || content.type === 'gap') {
    ctx.tree.apparatus.push({ start, end: groupEnd, kind: content.type, value: content.value });
  } else {
    ctx.tree.problems.push({ start, end: groupEnd, message: standaloneMisuse(content) });
  }
  return groupEnd;
}

/** The brace group after a closing mark, when it attributes the quotation. */
export function readAttribution(ctx: GroupContext, open: number, end: number): Attribution | undefined {
  const braceEnd = findBraceEnd(ctx.text, open, end);
  if (braceEnd === -1) return undefined;
  const content = parseBraceContent(source(ctx, open + 1, braceEnd), open + 1);
  const start = open;
  const groupEnd = braceEnd + 1;
  switch (content.type) {
    case 'mention':
      if (content.apparatus) break;
      ctx.tree.mentions.push({ start, end: groupEnd, form: 'attribution', ids: content.ids });
      return { start, end: groupEnd, kind: 'entities', ids: content.ids };
    case 'unknown':
      return { start, end: groupEnd, kind: 'unknown', ids: [] };
    case 'described':
      return { start, end: groupEnd, kind: 'described', ids: [], description: content.description };
    case 'notSpeech':
      return { start, end: groupEnd, kind: 'notSpeech', ids: [] };
    case 'pb':
    case 'gap':
      return undefined;
  }
  ctx.tree.problems.push({ start, end: groupEnd, message: content.type === 'error' ? content.message : 'After a closing quotation mark, a brace group attributes the quotation: {@id}, {@a @b}, {@?}, {@?: description} or {~}.' });
  return { start, end: groupEnd, kind: 'invalid', ids: [] };
}


function bracketedMisuse(content: BraceContent): string {
  switch (content.type) {
    case 'error':
      return content.message;
    case 'pb':
    case 'gap':
      return `\`{${content.type}}\` stands on its own; it does not follow \`[text]\`.`;
    default:
      return 'An attribution ({@?}, {@?: …}, {~}) goes directly after a closing quotation mark, not after `[text]`.';
  }
}

function standaloneMisuse(content: BraceContent): string {
  switch (content.type) {
    case 'error':
      return content.message;
    case 'mention':
      return 'A mention needs its text, `[text]{@id}` (or write `@id`); an attribution goes directly after a closing quotation mark, with no space.';
    case 'apparatus':
      return 'This editorial mark needs the text it applies to: `[text]{…}`.';
    default:
      return 'An attribution goes directly after a closing quotation mark, with no space between.';
  }
}
