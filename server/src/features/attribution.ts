// HM001 fixes: whom to attribute a quotation to. The one-keystroke default
// (preferred) is the nearest mention in the same sentence, else in the same
// paragraph (for a block quote, its lead-in paragraph), one before the
// quotation ahead of one after it. The turn's speaker
// is offered but never preferred: inside a turn a speaker's own words need
// no quotation marks, so a quotation there is usually someone else's. The
// "Attribute to…" picker lists the entities mentioned nearby first (this
// sentence, this paragraph, the turn, the previous paragraph), then all
// entities, and a speaker the source describes (`{@?: …}`); its edit is
// made here (`attributionEditFor`) so that every edit has one author.

import { type CodeAction, type Range, ResponseError, TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { DocumentEntry, WorkspaceIndex } from '../model/workspaceIndex';
import { isValidId } from '../syntax/chars';
import type { Block, Mention, Quotation, Span } from '../syntax/types';
import type { HmDiagnostic } from './diagnostics/types';
import { documentEdit, eolOf, type Fix } from './edits';

/** Not `source.fixAll`: attribution by proximity is a guess, never to be applied on save. */
export const ATTRIBUTE_ALL_KIND = 'source.histmark.attributeAll';
/** The client command showing the picker; its argument is an AttributePickerArgs. */
export const ATTRIBUTE_COMMAND = 'histmark.attributeQuotation';

export interface NearbyEntity {
  ids: string[];
  /** The entities' names, as a reader knows them. */
  names: string;
  /** Where the mention is: "in this sentence", "speaker of this turn"… */
  source: string;
}

export interface AttributePickerArgs {
  uri: string;
  /** The quotation's range, to find it again when the choice is made. */
  range: Range;
  nearby: NearbyEntity[];
}

/** The choice made in the picker: entities, or a speaker the source describes. */
export interface AttributeParams {
  textDocument: { uri: string };
  range: Range;
  ids?: string[];
  description?: string;
}

const SOURCES = ['in this sentence', 'in this paragraph', 'speaker of this turn', 'in this turn', 'in the previous paragraph'] as const;

interface Candidate {
  ids: string[];
  rank: number;
  /** After the quotation: `"…," said Hoxha` is read when nothing before it is nearer in rank. */
  after: boolean;
  distance: number;
}

function previousNonBlank(blocks: Block[], at: number): number {
  let k = at - 1;
  while (k >= 0 && blocks[k].kind === 'blank') k--;
  return k;
}

/** A `.`, `!` or `?` followed by a space (or the end) ends a sentence; the point of an initial (`M. Suslov`) does not. */
function endsSentence(text: string, i: number, end: number): boolean {
  if (!/[.!?]/.test(text[i]) || (i + 1 < end && !/\s/.test(text[i + 1]))) return false;
  return !(text[i] === '.' && /\p{Lu}/u.test(text[i - 1] ?? '') && !/\p{L}/u.test(text[i - 2] ?? ''));
}

/** The sentence of `region` holding [from, to). */
function sentenceAround(text: string, region: Span, from: number, to: number): Span {
  let start = region.start;
  for (let i = from - 1; i >= region.start; i--) {
    if (i + 1 < from && endsSentence(text, i, region.end)) {
      start = i + 1;
      break;
    }
  }
  let end = region.end;
  for (let i = to; i < region.end; i++) {
    if (endsSentence(text, i, region.end)) {
      end = i + 1;
      break;
    }
  }
  return { start, end };
}

/** The entities mentioned near a quotation, nearest first within each source, in the order of SOURCES. */
export function nearbyEntities(index: WorkspaceIndex, entry: DocumentEntry, q: Quotation): NearbyEntity[] {
  const { blocks, mentions, turns } = entry.tree;
  const text = entry.text;
  const speakers = new Set<Mention>(turns.map((t) => t.speaker));
  const inline = (m: Mention) => (m.form === 'explicit' || m.form === 'bare' || m.form === 'attribution') && !speakers.has(m);
  const outsideQuote = (m: Mention) => m.end <= q.start || m.start >= q.end;
  const distance = (m: Mention) => (m.end <= q.start ? q.start - m.end : m.start - q.end);
  const candidates: Candidate[] = [];
  const add = (ms: Mention[], rank: (m: Mention) => number) => {
    for (const m of ms) candidates.push({ ids: [...new Set(m.ids.map((r) => r.id))], rank: rank(m), after: m.start >= q.end, distance: Math.abs(distance(m)) });
  };
  const within = (span: Span) => mentions.filter((m) => inline(m) && outsideQuote(m) && m.start >= span.start && m.end <= span.end);

  let at = blocks.findIndex((b) => b.start <= q.start && q.start < b.end);
  if (q.block) at = previousNonBlank(blocks, at);
  const region = blocks[at];
  if (region && (region.kind === 'paragraph' || !q.block)) {
    const sentence = sentenceAround(text, region, Math.min(q.start, region.end), Math.min(q.end, region.end));
    add(within(region), (m) => (m.start >= sentence.start && m.end <= sentence.end ? 0 : 1));
  }
  const turn = turns.find((t) => t.start <= q.start && q.start < t.end);
  if (turn) {
    candidates.push({ ids: [...new Set(turn.speaker.ids.map((r) => r.id))], rank: 2, after: false, distance: 0 });
    add(
      within(turn).filter((m) => !region || m.start < region.start || m.end > region.end),
      () => 3,
    );
  }
  const previous = region ? blocks[previousNonBlank(blocks, at)] : undefined;
  if (previous?.kind === 'paragraph') add(within(previous), () => 4);

  // Who speaks is usually named before the words (`Hoxha said "…"`); a mention after them is often the next speaker.
  candidates.sort((a, b) => a.rank - b.rank || Number(a.after) - Number(b.after) || a.distance - b.distance);
  const seen = new Set<string>();
  const out: NearbyEntity[] = [];
  for (const c of candidates) {
    const key = c.ids.join(' ');
    if (c.ids.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push({ ids: c.ids, names: c.ids.map((id) => index.entity(id)?.displayName ?? `@${id}`).join(', '), source: SOURCES[c.rank] });
  }
  return out;
}

/** The nearest mention in the quotation's sentence or paragraph: what one keystroke applies. */
function preferredOf(nearby: NearbyEntity[]): NearbyEntity | undefined {
  const first = nearby[0];
  return first && (first.source === SOURCES[0] || first.source === SOURCES[1]) ? first : undefined;
}

/** The text an attribution adds: `{…}` after the closing mark, or a last line `> — …` / `> {~}` for a block quote. */
function attributionText(entry: DocumentEntry, q: Quotation, suffix: string): string {
  if (!q.block) return `{${suffix}}`;
  const line = suffix === '~' ? '> {~}' : suffix.startsWith('@?') ? `> — {${suffix}}` : `> — ${suffix}`;
  return eolOf(entry.text) + line;
}

function attributionEdit(entry: DocumentEntry, q: Quotation, suffix: string): TextEdit {
  return TextEdit.insert(entry.lines.positionAt(q.end), attributionText(entry, q, suffix));
}

const idsSuffix = (ids: string[]) => ids.map((id) => `@${id}`).join(' ');

function quotationOf(entry: DocumentEntry, span: Span): Quotation | undefined {
  return entry.tree.quotations.find((q) => q.start === span.start && q.end === span.end);
}

export function attributionFixes(index: WorkspaceIndex, entry: DocumentEntry, d: HmDiagnostic): Fix[] {
  const q = quotationOf(entry, d.span);
  if (!q) return [];
  const nearby = nearbyEntities(index, entry, q);
  const preferred = preferredOf(nearby);
  const fix = (title: string, suffix: string, isPreferred?: true): Fix => ({
    title: `${title}: ${attributionText(entry, q, suffix).trim()}`,
    ...(isPreferred ? { isPreferred } : {}),
    edit: documentEdit(entry, [attributionEdit(entry, q, suffix)]),
  });
  const fixes: Fix[] = [];
  if (preferred) fixes.push(fix(`Attribute to ${preferred.names}, mentioned ${preferred.source}`, idsSuffix(preferred.ids), true));
  const speaker = nearby.find((n) => n.source === SOURCES[2]);
  if (speaker && speaker !== preferred) fixes.push(fix(`Attribute to ${speaker.names}, ${speaker.source}`, idsSuffix(speaker.ids)));
  const args: AttributePickerArgs = { uri: entry.uri, range: d.range, nearby };
  fixes.push({ title: 'Attribute to… (entities mentioned nearby, any entity, or a described speaker)', command: { title: 'Attribute to…', command: ATTRIBUTE_COMMAND, arguments: [args] } });
  fixes.push(fix('Mark the speaker as unknown', '@?'));
  fixes.push(fix('Mark as not speech (a term, scare quote or title)', '~'));
  return fixes;
}

/** Every unattributed quotation that has a preferred attribution, attributed in one edit. */
export function attributeAllAction(index: WorkspaceIndex, entry: DocumentEntry, diagnostics: HmDiagnostic[]): CodeAction | undefined {
  const fixes: { q: Quotation; edit: TextEdit }[] = [];
  for (const d of diagnostics) {
    const q = d.code === 'HM001' ? quotationOf(entry, d.span) : undefined;
    const preferred = q && preferredOf(nearbyEntities(index, entry, q));
    if (q && preferred) fixes.push({ q, edit: attributionEdit(entry, q, idsSuffix(preferred.ids)) });
  }
  if (fixes.length === 0) return undefined;
  // Where a quotation ends a block quote, its suffix goes before the block quote's attribution line.
  fixes.sort((a, b) => a.q.end - b.q.end || Number(a.q.block) - Number(b.q.block));
  return {
    title: 'Fix all HM001 in this document by nearest mention',
    kind: ATTRIBUTE_ALL_KIND,
    edit: documentEdit(entry, fixes.map((f) => f.edit)),
  };
}

/** A description as `{@?: …}` holds it: one line, braces and backslashes escaped. */
function describedSuffix(description: string): string {
  const oneLine = description.replace(/\s+/g, ' ').trim();
  return `@?: ${oneLine.replace(/[\\{}]/g, '\\$&')}`;
}

/** The edit for the picker's choice; a quotation changed or attributed since is refused with a message. */
export function attributionEditFor(index: WorkspaceIndex, params: AttributeParams): WorkspaceEdit {
  const entry = index.document(params.textDocument.uri);
  if (!entry) throw new ResponseError(1, 'This document is not part of the Histmark workspace.');
  const q = quotationOf(entry, { start: entry.lines.offsetAt(params.range.start), end: entry.lines.offsetAt(params.range.end) });
  if (!q || q.attribution) throw new ResponseError(1, 'The quotation has changed since: ask for the quick fix again.');
  let suffix: string;
  if (params.description !== undefined) {
    if (params.description.trim() === '') throw new ResponseError(1, 'Say who the speaker is, as the source describes them.');
    suffix = describedSuffix(params.description);
  } else {
    const ids = params.ids ?? [];
    const bad = ids.find((id) => !isValidId(id));
    if (ids.length === 0 || bad !== undefined) throw new ResponseError(1, `“${bad ?? ''}” is not a valid id.`);
    suffix = idsSuffix(ids);
  }
  return documentEdit(entry, [attributionEdit(entry, q, suffix)]);
}
