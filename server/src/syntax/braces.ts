// The content of one brace group `{…}` (SPEC.md sections 5, 6.2 and 8).
// Which forms are allowed where is decided by the caller (inline.ts).

import { isWhitespace, scanId, sharedId } from './chars';
import type { ApparatusKind, IdRef } from './types';

/** The forms that apply to a bracketed text, alone or (all but `notMention`) after ids. */
type TextApparatusKind = 'sic' | 'unclear' | 'stage' | 'supplied' | 'foreign' | 'notMention';

export type BraceContent =
  | { type: 'mention'; ids: IdRef[]; apparatus?: { kind: ApparatusKind; value?: string } }
  | { type: 'apparatus'; kind: TextApparatusKind; value?: string }
  | { type: 'unknown' }
  | { type: 'described'; description: string }
  | { type: 'notSpeech' }
  | { type: 'pb'; value?: string }
  | { type: 'gap'; value?: string }
  | { type: 'error'; message: string };

/**
 * A well-formed BCP 47 language tag (RFC 5646 section 2.1): language
 * (2–3 letters with up to three extended subtags, 4 or 5–8 letters),
 * script, region, variants, extensions and private use, or a private-use
 * or grandfathered tag. Case-insensitive.
 */
const BCP47 = new RegExp(
  '^(?:' +
    '(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})' + // language, extlang
    '(?:-[a-z]{4})?' + // script
    '(?:-(?:[a-z]{2}|[0-9]{3}))?' + // region
    '(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*' + // variants
    '(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*' + // extensions
    '(?:-x(?:-[a-z0-9]{1,8})+)?' + // private use
    '|x(?:-[a-z0-9]{1,8})+' + // private use alone
    '|en-gb-oed|i-(?:ami|bnn|default|enochian|hak|klingon|lux|mingo|navajo|pwn|tao|tay|tsu)|sgn-(?:be-fr|be-nl|ch-de)' + // irregular grandfathered
    '|art-lojban|cel-gaulish|no-bok|no-nyn|zh-(?:guoyu|hakka|min|min-nan|xiang)' + // regular grandfathered
    ')$',
  'i',
);

export function isLanguageTag(tag: string): boolean {
  return BCP47.test(tag);
}

type TextApparatus = { kind: TextApparatusKind; value?: string } | { error: string } | undefined;

/** The apparatus forms that apply to a bracketed text, alone or after ids; an error for a near miss. */
function textApparatus(body: string): TextApparatus {
  if (body === '?') return { kind: 'unclear' };
  if (body === '+') return { kind: 'supplied' };
  if (body === '-') return { kind: 'notMention' };
  if (body === 'stage') return { kind: 'stage' };
  if (body === 'sic') return { kind: 'sic' };
  const sic = /^sic\s*:\s*([^]*)$/.exec(body);
  if (sic && sic[1].trim() !== '') return { kind: 'sic', value: sic[1].trim() };
  const lang = /^lang\s*:\s*([^]*)$/.exec(body);
  if (lang) {
    const tag = lang[1].trim();
    if (tag === '') return { error: 'Name the language after `lang:`, as a BCP 47 tag: `{lang: ru}`, `{lang: sr-Latn}`.' };
    if (!isLanguageTag(tag)) {
      return { error: `\`${excerpt(tag)}\` is not a BCP 47 language tag: write a language code with optional script and region, separated by hyphens (\`ru\`, \`de-AT\`, \`sr-Latn\`, \`zh-Hant-TW\`).` };
    }
    return { kind: 'foreign', value: tag };
  }
  if (/^lang(?:\s|$)/.test(body)) return { error: `Write \`{lang: ${excerpt(body.slice(4).trim() || 'ru')}}\`: the language tag follows \`lang\` and a colon.` };
  return undefined;
}

/** A piece of markup quoted in a message, at most a line's worth. */
export function excerpt(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Parses the text between `{` and `}`; `offset` is the offset of the first
 * character after `{` in the document, so id spans are exact.
 */
export function parseBraceContent(raw: string, offset: number): BraceContent {
  const body = raw.trim();
  if (body === '') return { type: 'error', message: 'Empty brace group `{}`.' };
  if (body === '~') return { type: 'notSpeech' };
  if (body === '@?') return { type: 'unknown' };
  // The common case, `{@id}`, goes straight to the id scanner.
  if (body.charCodeAt(0) === 64 && body.charCodeAt(1) !== 63) return parseMentionGroup(raw, offset);
  const described = /^@\?\s*:([^]*)$/.exec(body);
  if (described) {
    const description = described[1].trim();
    if (description === '') return { type: 'error', message: 'Describe the speaker after `{@?:`, or write `{@?}`.' };
    return { type: 'described', description };
  }
  const pb = /^pb(?:\s+(\S+))?$/.exec(body);
  if (pb) return { type: 'pb', value: pb[1] };
  if (/^pb\s/.test(body)) return { type: 'error', message: 'A page break takes one token at most: `{pb 12}`.' };
  if (body === 'gap') return { type: 'gap' };
  const gap = /^gap\s*:([^]*)$/.exec(body);
  if (gap && gap[1].trim() !== '') return { type: 'gap', value: gap[1].trim() };
  const alone = textApparatus(body);
  if (alone && 'error' in alone) return { type: 'error', message: alone.error };
  if (alone) return { type: 'apparatus', ...alone };
  if (raw.trimStart().startsWith('@')) return parseMentionGroup(raw, offset);
  return {
    type: 'error',
    message: `\`{${excerpt(body)}}\` is not a Histmark brace group: expected a mention {@id}, an attribution ({@id}, {@?}, {~}) or an editorial mark (pb, sic, ?, gap, stage, +, -, lang: tag).`,
  };
}

function parseMentionGroup(raw: string, offset: number): BraceContent {
  const ids: IdRef[] = [];
  let p = 0;
  for (;;) {
    while (p < raw.length && isWhitespace(raw.charCodeAt(p))) p++;
    if (p >= raw.length || raw[p] !== '@') break;
    const idEnd = scanId(raw, p + 1, raw.length);
    if (idEnd === p + 1) return { type: 'error', message: `\`@\` must be followed by an entity id in \`{${excerpt(raw.trim())}}\`.` };
    const uncertain = raw[idEnd] === '?';
    ids.push({ id: sharedId(raw.slice(p + 1, idEnd)), span: { start: offset + p + 1, end: offset + idEnd }, uncertain });
    p = idEnd + (uncertain ? 1 : 0);
    if (p < raw.length && !isWhitespace(raw.charCodeAt(p))) {
      return { type: 'error', message: `Unexpected \`${excerpt(raw.slice(p).trim())}\` after \`@${ids[ids.length - 1].id}\`: ids are letters, digits, \`_\` and \`-\`.` };
    }
  }
  const rest = raw.slice(p).trim();
  // A copy the size of its content: an array grown by push reserves room for
  // 17 items, which every one of a corpus's mentions would keep.
  if (rest === '') return { type: 'mention', ids: ids.slice() };
  const apparatus = textApparatus(rest);
  if (apparatus && 'error' in apparatus) return { type: 'error', message: apparatus.error };
  // `-` says the text names nobody: it cannot go with an id (SPEC 5).
  if (apparatus?.kind === 'notMention') return { type: 'error', message: '`-` marks a name that is not a mention: it cannot follow an id. Write `[text]{-}`, or `[text]{@id}` for a mention.' };
  if (!apparatus) return { type: 'error', message: `\`${excerpt(rest)}\` after the ids is not an editorial mark: one of sic, sic: correction, ?, +, stage or lang: tag may follow them.` };
  return { type: 'mention', ids: ids.slice(), apparatus };
}
