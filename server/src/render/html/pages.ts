// The pages of the static reading edition around the rendered text: the
// shell every page shares, a transcript page with its front matter, an
// entity's card. Links are relative to the page (`up` is the way back to
// the edition's root) and built only from paths and ids, percent-encoded.

import { AUTHORITY_FIELDS, type Entity, KIND_LABELS } from '../../model/entity';
import type { WorkspaceIndex } from '../../model/workspaceIndex';
import type { Field, IdRef } from '../../syntax/types';
import { isLanguageTag } from '../tei/body';
import { walkDescription } from '../walk';
import { HtmlWriter, httpUrl } from './htmlWriter';
import { entityTitle, type HtmlContext, writeInline } from './inline';

export const STYLESHEET = 'histmark.css';

/** `entities/<id>.html`, relative to the edition's root. */
export function entityPath(id: string): string {
  return `entities/${id}.html`;
}

/** A path of the edition as a link from a page `up` (`../../`) below the root. */
export function linkTo(up: string, editionPath: string, anchor?: string): string {
  return up + editionPath.split('/').map(encodeURIComponent).join('/') + (anchor ? `#${anchor}` : '');
}

export function upFrom(editionPath: string): string {
  return '../'.repeat(editionPath.split('/').length - 1);
}

export interface PageShell {
  title: string;
  up: string;
  lang?: string;
}

/** A whole page: the shell around `body`, which writes into the page's writer. */
export function page(shell: PageShell, body: (w: HtmlWriter) => void): string {
  const w = new HtmlWriter();
  w.start('html', { lang: shell.lang && isLanguageTag(shell.lang) ? shell.lang : undefined }).newline();
  w.start('head').newline();
  w.start('meta', { charset: 'utf-8' }).newline();
  w.start('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }).newline();
  w.element('title', {}, shell.title).newline();
  w.start('link', { rel: 'stylesheet', href: shell.up + STYLESHEET }).newline();
  w.end().newline();
  w.start('body', { class: 'hm-edition' }).newline();
  w.start('nav', { class: 'hm-nav' }).element('a', { href: shell.up + 'index.html' }, 'Index of names and transcripts').end().newline();
  body(w);
  w.end().newline().end().newline();
  return '<!DOCTYPE html>\n' + w.toString();
}

const FRONT_MATTER_LABELS: Record<string, string> = {
  date: 'Date',
  author: 'Author',
  recipient: 'Recipient',
  translator: 'Translator',
  recorder: 'Recorder',
  voice: 'Voice',
  archive: 'Archive',
  source: 'Source',
  url: 'URL',
  language: 'Language',
  original: 'Original',
  'original-language': 'Original language',
};

/** A link to an entity's page, or its id as text where it has no definition. */
export function writeEntityLink(w: HtmlWriter, index: WorkspaceIndex, up: string, ref: IdRef): void {
  const entity = index.entity(ref.id);
  if (entity) w.element('a', { class: 'hm-mention', href: linkTo(up, entityPath(entity.id)), title: entityTitle(entity) }, entity.displayName + (ref.uncertain ? ' (?)' : ''));
  else w.element('span', { class: 'hm-mention hm-undefined' }, `@${ref.id}`);
}

function writeRefs(w: HtmlWriter, index: WorkspaceIndex, up: string, refs: readonly IdRef[]): void {
  refs.forEach((ref, k) => {
    if (k > 0) w.text(', ');
    writeEntityLink(w, index, up, ref);
  });
}

/** A value that may be a link: an http(s) URL is one; anything else is text. */
function writeUrl(w: HtmlWriter, value: string): void {
  const url = httpUrl(value);
  if (url) w.element('a', { href: url, rel: 'noopener' }, value.trim());
  else w.text(value);
}

/** The front matter as a definition list (title apart: it is the heading). */
export function writeFrontMatter(w: HtmlWriter, index: WorkspaceIndex, up: string, entries: readonly Field[]): void {
  const shown = entries.filter((e) => e.key !== 'title');
  if (shown.length === 0) return;
  w.start('dl', { class: 'hm-meta' });
  for (const field of shown) {
    w.element('dt', {}, FRONT_MATTER_LABELS[field.key] ?? field.key).start('dd');
    if (field.refs.length > 0) writeRefs(w, index, up, field.refs);
    else if (field.key === 'url') writeUrl(w, field.value);
    else w.text(field.value.trim());
    w.end();
  }
  w.end().newline();
}

const AUTHORITY_URL: Record<(typeof AUTHORITY_FIELDS)[number], string> = {
  wikidata: 'https://www.wikidata.org/wiki/',
  viaf: 'https://viaf.org/viaf/',
  gnd: 'https://d-nb.info/gnd/',
};

const DATE_LABELS = { born: 'Born', died: 'Died', founded: 'Founded', dissolved: 'Dissolved', date: 'Date' } as const;

/** An entity's card: kind, names, dates, roles, relations, authority records, links and description. */
export function writeEntityCard(w: HtmlWriter, index: WorkspaceIndex, up: string, entity: Entity): void {
  w.start('section', { class: `hm-card hm-${entity.kind}` }).newline();
  w.element('h1', {}, entity.displayName).newline();
  w.element('p', { class: 'hm-kind' }, KIND_LABELS[entity.kind]).newline();
  w.start('dl', { class: 'hm-meta' });
  const row = (label: string, write: () => void) => {
    w.element('dt', {}, label).start('dd');
    write();
    w.end();
  };
  if (entity.aliases.length > 0) row('Also', () => w.text(entity.aliases.join('; ')));
  for (const [key, label] of Object.entries(DATE_LABELS)) {
    const value = entity.dates[key as keyof typeof DATE_LABELS];
    if (value !== undefined) row(label, () => w.text(value));
  }
  if (entity.roles.length > 0) row('Role', () => w.text(entity.roles.join('; ')));
  for (const relation of entity.relations) row(relation.key, () => writeRefs(w, index, up, relation.refs));
  for (const authority of entity.authorities) {
    row(authority.key, () => w.element('a', { href: AUTHORITY_URL[authority.key] + encodeURIComponent(authority.value.trim()), rel: 'noopener' }, authority.value));
  }
  for (const url of entity.urls) row('URL', () => writeUrl(w, url));
  for (const field of entity.otherFields) row(field.key, () => w.text(field.value));
  w.end().newline();
  writeDescription(w, index, up, entity);
  w.end().newline();
}

function writeDescription(w: HtmlWriter, index: WorkspaceIndex, up: string, entity: Entity): void {
  const tree = index.document(entity.uri)?.tree;
  if (!tree || !entity.definition.description) return;
  const { nodes } = walkDescription(tree, entity.definition, (id) => index.entity(id));
  const ctx: HtmlContext = {
    writer: w,
    mode: 'reading',
    entityHref: (id) => (index.entity(id) ? linkTo(up, entityPath(id)) : undefined),
    nameOf: (id) => index.entity(id)?.displayName ?? id,
    minWords: index.config.minWords,
    notes: [],
  };
  w.start('p', { class: 'hm-description' });
  writeInline(ctx, nodes);
  w.end().newline();
}
