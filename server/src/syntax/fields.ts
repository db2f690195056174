// Line-level pieces: `key: value` lines of front matter and entity
// definitions, mention lists in their values, definition headers and the
// attribution line of a block quote.

import { excerpt, parseBraceContent } from './braces';
import { isWhitespace, scanId, sharedId } from './chars';
import type { Attribution, EntityKind, Field, IdRef, Mention, Span } from './types';

/** Front-matter keys and definition fields whose values are mentions. */
export const MENTION_KEYS = new Set(['author', 'recipient', 'translator', 'recorder', 'voice', 'original', 'member-of', 'part-of', 'located-in']);

/**
 * Parses `@a @b`, `@a; @b` or `[@a, @b]` starting at document offset
 * `offset`. Tokens that are not `@id` are returned as `bad`.
 */
export function parseMentionList(value: string, offset: number): { refs: IdRef[]; bad: Span[] } {
  const refs: IdRef[] = [];
  const bad: Span[] = [];
  let body = value;
  let shift = 0;
  const list = /^\[(.*)\]$/.exec(value);
  if (list) {
    body = list[1];
    shift = 1;
  }
  const token = /[^\s,;]+/g;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    const start = offset + shift + m.index;
    const idEnd = m[0].startsWith('@') ? scanId(m[0], 1, m[0].length) : 0;
    if (idEnd > 1 && idEnd === m[0].length) {
      refs.push({ id: sharedId(m[0].slice(1)), span: { start: start + 1, end: start + idEnd }, uncertain: false });
    } else {
      bad.push({ start, end: start + m[0].length });
    }
  }
  // Copies the size of their content, as in parseMentionGroup.
  return { refs: refs.slice(), bad: bad.slice() };
}

/** `key: value` on the line `text` (already without indentation) at `offset`. */
export function parseKeyValue(text: string, offset: number, keyPattern: RegExp): Field | undefined {
  const m = keyPattern.exec(text);
  if (!m) return undefined;
  const key = m[1];
  const rawValue = text.slice(m[0].length);
  const lead = rawValue.length - rawValue.trimStart().length;
  const value = rawValue.trim();
  const valueStart = offset + m[0].length + lead;
  const field: Field = {
    start: offset,
    end: offset + text.trimEnd().length,
    key,
    keySpan: { start: offset, end: offset + key.length },
    value,
    valueSpan: { start: valueStart, end: valueStart + value.length },
    refs: [],
    badRefs: [],
  };
  if (MENTION_KEYS.has(key)) {
    const { refs, bad } = parseMentionList(value, valueStart);
    field.refs = refs;
    field.badRefs = bad;
  }
  return field;
}

export const FRONT_MATTER_KEY = /^([A-Za-z][A-Za-z0-9_-]*)[ \t]*:(?=\s|$)/;
export const FIELD_KEY = /^([a-z][a-z0-9-]*):(?=\s|$)/;

export function mentionsOfField(field: Field, form: 'frontMatter' | 'field'): Mention[] {
  return field.refs.map((ref) => ({ start: ref.span.start - 1, end: ref.span.end, form, ids: [ref] }));
}

export interface DefinitionHeader {
  kind: EntityKind;
  kindSpan: Span;
  id?: { id: string; span: Span };
  name?: { name: string; span: Span };
  error?: string;
}

const DEFINITION_START = /^@(person|org|place|event|work) /;

export function isDefinitionStart(line: string): boolean {
  return DEFINITION_START.test(line);
}

/**
 * `@person id: Name` on `line` (the header line with comments removed,
 * starting at column 0); `offsetOf` maps an index of `line` to its offset in
 * the document.
 */
export function parseDefinitionHeader(line: string, offsetOf: (index: number) => number): DefinitionHeader {
  const m = DEFINITION_START.exec(line);
  const kind = (m?.[1] ?? 'person') as EntityKind;
  const header: DefinitionHeader = { kind, kindSpan: { start: offsetOf(0), end: offsetOf(kind.length) + 1 } };
  let p = m ? m[0].length : line.length;
  while (p < line.length && isWhitespace(line.charCodeAt(p))) p++;
  const idEnd = scanId(line, p, line.length);
  if (idEnd === p) {
    header.error = `\`@${kind}\` must be followed by an entity id: letters, digits, \`_\` and \`-\`, starting with a letter or digit.`;
    return header;
  }
  header.id = { id: sharedId(line.slice(p, idEnd)), span: { start: offsetOf(p), end: offsetOf(idEnd - 1) + 1 } };
  const rest = line.slice(idEnd);
  if (rest.trim() === '') return header;
  const name = /^\s*:\s*/.exec(rest);
  if (!name) {
    header.error = `After the id \`${header.id.id}\` a definition takes \`: preferred name\` or nothing (found \`${excerpt(rest.trim())}\`).`;
    return header;
  }
  const nameText = rest.slice(name[0].length).trimEnd();
  if (nameText !== '') {
    const start = idEnd + name[0].length;
    header.name = { name: nameText, span: { start: offsetOf(start), end: offsetOf(start + nameText.length - 1) + 1 } };
  }
  return header;
}

/**
 * The last line of a block quote, `— @id`, `— [text]{@id}`, `-- @id`,
 * `— {@?}` or `{~}` (SPEC 6.3), given the text after `>` at `offset`.
 */
export function parseBlockQuoteAttribution(text: string, offset: number): { attribution: Attribution; mentions: Mention[] } | undefined {
  const lead = text.length - text.trimStart().length;
  const body = text.trim();
  const start = offset + lead;
  const span = { start, end: start + body.length };
  if (body === '{~}') return { attribution: { ...span, kind: 'notSpeech', ids: [] }, mentions: [] };
  const dash = /^(?:—|–|--)\s*/.exec(body);
  if (!dash) return undefined;
  const rest = body.slice(dash[0].length);
  const restStart = start + dash[0].length;
  if (rest.startsWith('{') && rest.endsWith('}')) {
    const content = parseBraceContent(rest.slice(1, -1), restStart + 1);
    if (content.type === 'unknown') return { attribution: { ...span, kind: 'unknown', ids: [] }, mentions: [] };
    if (content.type === 'described') return { attribution: { ...span, kind: 'described', ids: [], description: content.description }, mentions: [] };
    if (content.type === 'mention' && !content.apparatus) {
      const mention: Mention = { start: restStart, end: restStart + rest.length, form: 'attribution', ids: content.ids };
      return { attribution: { ...span, kind: 'entities', ids: content.ids }, mentions: [mention] };
    }
    return undefined;
  }
  const explicit = /^\[((?:\\.|[^\\[\]])*)\]\{([^{}]*)\}$/.exec(rest);
  if (explicit) {
    const content = parseBraceContent(explicit[2], restStart + explicit[1].length + 3);
    if (content.type !== 'mention' || content.apparatus) return undefined;
    const display = { start: restStart + 1, end: restStart + 1 + explicit[1].length };
    const mention: Mention = { start: restStart, end: restStart + rest.length, form: 'explicit', ids: content.ids, display };
    return { attribution: { ...span, kind: 'entities', ids: content.ids }, mentions: [mention] };
  }
  const { refs, bad } = parseMentionList(rest, restStart);
  if (refs.length === 0 || bad.length > 0) return undefined;
  const mentions: Mention[] = refs.map((ref) => ({ start: ref.span.start - 1, end: ref.span.end, form: 'bare', ids: [ref] }));
  return { attribution: { ...span, kind: 'entities', ids: refs }, mentions };
}
