// The content of one brace group `{…}` (SPEC.md sections 5, 6.2 and 8).
// Which forms are allowed where is decided by the caller (inline.ts).

import { isWhitespace, scanId, sharedId } from './chars';
import type { ApparatusKind, IdRef } from './types';

export type BraceContent =
  | { type: 'mention'; ids: IdRef[]; apparatus?: { kind: ApparatusKind; value?: string } }
  | { type: 'apparatus'; kind: 'sic' | 'unclear' | 'stage' | 'supplied'; value?: string }
  | { type: 'unknown' }
  | { type: 'described'; description: string }
  | { type: 'notSpeech' }
  | { type: 'pb'; value?: string }
  | { type: 'gap'; value?: string }
  | { type: 'error'; message: string };

/** The apparatus forms that apply to a bracketed text, alone or after ids. */
function textApparatus(body: string): { kind: 'sic' | 'unclear' | 'stage' | 'supplied'; value?: string } | undefined {
  if (body === '?') return { kind: 'unclear' };
  if (body === '+') return { kind: 'supplied' };
  if (body === 'stage') return { kind: 'stage' };
  if (body === 'sic') return { kind: 'sic' };
  const sic = /^sic\s*:\s*([^]*)$/.exec(body);
  if (sic && sic[1].trim() !== '') return { kind: 'sic', value: sic[1].trim() };
  return undefined;
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
  if (alone) return { type: 'apparatus', ...alone };
  if (raw.trimStart().startsWith('@')) return parseMentionGroup(raw, offset);
  return { type: 'error', message: `\`{${body}}\` is not a Histmark brace group: expected a mention {@id}, an attribution ({@id}, {@?}, {~}) or an editorial mark (pb, sic, ?, gap, stage, +).` };
}

function parseMentionGroup(raw: string, offset: number): BraceContent {
  const ids: IdRef[] = [];
  let p = 0;
  for (;;) {
    while (p < raw.length && isWhitespace(raw.charCodeAt(p))) p++;
    if (p >= raw.length || raw[p] !== '@') break;
    const idEnd = scanId(raw, p + 1, raw.length);
    if (idEnd === p + 1) return { type: 'error', message: `\`@\` must be followed by an entity id in \`{${raw.trim()}}\`.` };
    const uncertain = raw[idEnd] === '?';
    ids.push({ id: sharedId(raw.slice(p + 1, idEnd)), span: { start: offset + p + 1, end: offset + idEnd }, uncertain });
    p = idEnd + (uncertain ? 1 : 0);
    if (p < raw.length && !isWhitespace(raw.charCodeAt(p))) {
      return { type: 'error', message: `Unexpected \`${raw.slice(p).trim()}\` after \`@${ids[ids.length - 1].id}\`: ids are letters, digits, \`_\` and \`-\`.` };
    }
  }
  const rest = raw.slice(p).trim();
  // A copy the size of its content: an array grown by push reserves room for
  // 17 items, which every one of a corpus's mentions would keep.
  if (rest === '') return { type: 'mention', ids: ids.slice() };
  const apparatus = textApparatus(rest);
  if (!apparatus) return { type: 'error', message: `\`${rest}\` after the ids is not an editorial mark: one of sic, sic: correction, ?, + or stage may follow them.` };
  return { type: 'mention', ids: ids.slice(), apparatus };
}
