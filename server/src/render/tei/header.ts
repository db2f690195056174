// The teiHeader of one transcript, from its front matter (SPEC.md 2, 14):
// titleStmt (title, author, respStmt for translator and recorder),
// sourceDesc (msIdentifier/idno from `archive`, bibl from `source` with a
// ptr for `url`), profileDesc (creation date, or correspDesc for a letter
// with a recipient; langUsage). Every other key — voice, original, keys
// Histmark does not know — is a note of notesStmt, so nothing is lost.

import type { Entity } from '../../model/entity';
import type { Field, FrontMatter } from '../../syntax/types';
import type { XmlWriter } from '../xmlWriter';
import { isLanguageTag } from './body';
import { dateAttributes } from './dates';
import { nameElement } from './names';
import { pointer } from './ids';

export interface HeaderContext {
  writer: XmlWriter;
  lookup: (id: string) => Entity | undefined;
  warn: (at: number, message: string) => void;
  /** The transcript's path relative to its workspace root, with `/`. */
  path: string;
}

/** Keys the header places structurally; every other key goes to notesStmt. */
const PLACED = new Set(['title', 'author', 'recipient', 'translator', 'recorder', 'date', 'archive', 'source', 'url', 'language', 'original-language']);
export const RESP_KEYS = ['translator', 'recorder'] as const;

function entries(frontMatter: FrontMatter | undefined, key: string): Field[] {
  return frontMatter?.entries.filter((e) => e.key === key) ?? [];
}

/** A name element per `@id` of a field; tokens that are no `@id` as text. */
function writeNames(ctx: HeaderContext, field: Field, wrapper?: string): void {
  const w = ctx.writer;
  for (const ref of field.refs) {
    const entity = ctx.lookup(ref.id);
    const { name, attributes, undefinedIds } = nameElement([ref], [entity]);
    for (const id of undefinedIds) ctx.warn(ref.span.start, `@${id} has no definition: exported as <rs key="${id}"> without a pointer`);
    w.newline();
    if (wrapper) w.start(wrapper);
    w.element(name, attributes, entity?.displayName ?? ref.id);
    if (wrapper) w.end();
  }
  for (const bad of field.badRefs) {
    w.newline();
    if (wrapper) w.start(wrapper);
    w.element('name', { type: 'unlinked' }, field.value.slice(bad.start - field.valueSpan.start, bad.end - field.valueSpan.start), bad.start);
    if (wrapper) w.end();
  }
}

function writeDate(ctx: HeaderContext, field: Field): void {
  const attributes = dateAttributes(field.value);
  if (!attributes) ctx.warn(field.valueSpan.start, `"${field.value}" is not a Histmark date: exported as text without dating attributes`);
  ctx.writer.newline().element('date', attributes ?? {}, field.value, field.valueSpan.start);
}

export function writeHeader(ctx: HeaderContext, frontMatter: FrontMatter | undefined): void {
  const w = ctx.writer;
  const get = (key: string) => entries(frontMatter, key);
  for (const line of frontMatter?.malformed ?? []) ctx.warn(line.start, 'a front-matter line that is not `key: value` is not exported');
  w.newline().start('teiHeader').newline().start('fileDesc').newline().start('titleStmt');
  const titles = get('title');
  if (titles.length === 0) w.newline().element('title', { type: 'file' }, ctx.path);
  for (const t of titles) w.newline().element('title', {}, t.value, t.valueSpan.start);
  for (const a of get('author')) writeNames(ctx, a, 'author');
  for (const key of RESP_KEYS) {
    for (const field of get(key)) {
      w.newline().start('respStmt').newline().element('resp', {}, key);
      writeNames(ctx, field);
      w.endOnNewLine();
    }
  }
  w.endOnNewLine();
  w.newline().start('publicationStmt').newline().element('p', {}, `Exported by Histmark from ${ctx.path}`).endOnNewLine();
  const others = frontMatter?.entries.filter((e) => !PLACED.has(e.key)) ?? [];
  if (others.length > 0) {
    w.newline().start('notesStmt');
    // `voice` and `original` name entities: the note points at them, so their standOff entries are referred to.
    const target = (e: Field) => e.refs.filter((ref) => ctx.lookup(ref.id)).map((ref) => pointer(ref.id)).join(' ') || undefined;
    for (const e of others) w.newline().element('note', { type: 'frontMatter', n: e.key, target: target(e) }, e.value, e.valueSpan.start);
    w.endOnNewLine();
  }
  writeSourceDesc(ctx, get('archive'), get('source'), get('url'));
  w.endOnNewLine();
  writeProfileDesc(ctx, get);
  w.endOnNewLine();
}

function writeSourceDesc(ctx: HeaderContext, archives: Field[], sources: Field[], urls: Field[]): void {
  const w = ctx.writer;
  w.newline().start('sourceDesc');
  // An archival reference cannot be split into repository and shelfmark reliably: the whole of it is the idno.
  for (const a of archives) w.newline().start('msDesc').start('msIdentifier').element('idno', {}, a.value, a.valueSpan.start).end().end();
  const goodUrls = urls.filter((u) => /^https?:\/\/\S+$/.test(u.value));
  for (const u of urls) if (!goodUrls.includes(u)) ctx.warn(u.valueSpan.start, `url "${u.value}" is not an absolute http(s) URL: exported as text`);
  if (sources.length > 0 || urls.length > 0) {
    w.newline().start('bibl');
    sources.forEach((s, k) => {
      if (k > 0) w.newline();
      w.text(s.value, s.valueSpan.start);
    });
    for (const u of urls) {
      if (goodUrls.includes(u)) w.empty('ptr', { target: u.value });
      else w.element('note', { type: 'url' }, u.value, u.valueSpan.start);
    }
    w.end();
  }
  if (archives.length === 0 && sources.length === 0 && urls.length === 0) w.newline().element('p', {}, 'No source is given in the front matter.');
  w.endOnNewLine();
}

function writeProfileDesc(ctx: HeaderContext, get: (key: string) => Field[]): void {
  const w = ctx.writer;
  const dates = get('date');
  const recipients = get('recipient');
  const languages = get('language');
  const originals = get('original-language');
  if (dates.length + recipients.length + languages.length + originals.length === 0) return;
  w.newline().start('profileDesc');
  if (recipients.length > 0) {
    // A document with a recipient is a letter.
    const authors = get('author');
    const named = (fields: Field[]) => fields.some((f) => f.refs.length + f.badRefs.length > 0);
    w.newline().start('correspDesc');
    if (named(authors) || dates.length > 0) {
      w.newline().start('correspAction', { type: 'sent' });
      for (const a of authors) writeNames(ctx, a);
      for (const d of dates) writeDate(ctx, d);
      w.endOnNewLine();
    }
    w.newline().start('correspAction', { type: 'received' });
    for (const r of recipients) writeNames(ctx, r);
    if (!named(recipients)) w.newline().element('name', { type: 'unlinked' }, recipients.map((r) => r.value).join('; '));
    w.endOnNewLine().endOnNewLine();
  } else if (dates.length > 0) {
    w.newline().start('creation');
    for (const d of dates) writeDate(ctx, d);
    w.endOnNewLine();
  }
  if (languages.length + originals.length > 0) {
    w.newline().start('langUsage');
    const language = (field: Field, role: string) => {
      if (!isLanguageTag(field.value)) ctx.warn(field.valueSpan.start, `language "${field.value}" is not a BCP 47 tag: exported as text`);
      w.newline().element('language', { ident: isLanguageTag(field.value) ? field.value : 'und' }, `${role}: ${field.value}`, field.valueSpan.start);
    };
    for (const l of languages) language(l, 'transcript');
    for (const l of originals) language(l, 'original');
    w.endOnNewLine();
  }
  w.endOnNewLine();
}
