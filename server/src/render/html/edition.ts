// The static reading edition (`histmark export html`): one page per
// transcript, a page per entity with its card and the passages that
// mention or quote it, an index of names like a printed edition's, one
// stylesheet. Plain HTML and CSS with relative links: it opens from disk.

import { type Entity, KIND_LABELS, sortKey } from '../../model/entity';
import type { WorkspaceIndex } from '../../model/workspaceIndex';
import { statsLine } from '../../features/entityStats';
import type { EntityKind } from '../../syntax/types';
import type { TeiSource } from '../tei/document';
import { walkDocument } from '../walk';
import { blockAnchor, flatBlocks, renderHtmlBlock } from './blocks';
import { EDITION_CSS } from './editionCss';
import type { HtmlWriter, SafeHtml } from './htmlWriter';
import { entityPath, linkTo, page, STYLESHEET, upFrom, writeEntityCard, writeFrontMatter } from './pages';
import { blockPassages, type Passage } from './passages';

export interface EditionFile {
  /** Relative to the output folder, with `/`. */
  path: string;
  text: string;
}

interface Transcript {
  path: string;
  title: string;
  date?: string;
}

const KIND_ORDER: { kind: EntityKind; heading: string }[] = [
  { kind: 'person', heading: 'People' },
  { kind: 'org', heading: 'Organisations' },
  { kind: 'place', heading: 'Places' },
  { kind: 'event', heading: 'Events' },
  { kind: 'work', heading: 'Works' },
];

export function transcriptPagePath(sourcePath: string): string {
  return sourcePath.replace(/\.hmd$/, '') + '.html';
}

/** The name as an index prints it: `sort-as`, else a person's surname first ("Khrushchev, Nikita"). */
export function indexName(entity: Entity): string {
  if (entity.sortAs || entity.kind !== 'person') return sortKey(entity);
  const words = entity.displayName.trim().split(/\s+/);
  return words.length > 1 ? `${words[words.length - 1]}, ${words.slice(0, -1).join(' ')}` : entity.displayName;
}

export function buildEdition(index: WorkspaceIndex, sources: readonly TeiSource[], title = 'Reading edition'): EditionFile[] {
  const files: EditionFile[] = [{ path: STYLESHEET, text: EDITION_CSS }];
  const passages = new Map<string, { transcript: Transcript; passage: Passage }[]>();
  const transcripts: Transcript[] = [];
  for (const source of sources) {
    const { entry } = source;
    const path = transcriptPagePath(source.path);
    const fields = entry.tree.frontMatter?.entries ?? [];
    const field = (key: string) => fields.find((f) => f.key === key)?.value.trim() || undefined;
    const transcript: Transcript = { path, title: field('title') ?? source.path, date: field('date') };
    transcripts.push(transcript);
    const up = upFrom(path);
    const options = {
      mode: 'reading' as const,
      entityHref: (id: string) => (index.entity(id) ? linkTo(up, entityPath(id)) : undefined),
      nameOf: (id: string) => index.entity(id)?.displayName ?? id,
      lineOf: (offset: number) => entry.lines.positionAt(offset).line,
      minWords: index.config.minWords,
    };
    const blocks: SafeHtml[] = [];
    for (const shown of flatBlocks(walkDocument(entry.tree, (id) => index.entity(id)))) {
      const block = renderHtmlBlock(shown, options);
      blocks.push(block.html);
      for (const [id, passage] of blockPassages(shown, block.line)) {
        if (!index.entity(id)) continue;
        const list = passages.get(id) ?? [];
        list.push({ transcript, passage });
        passages.set(id, list);
      }
    }
    const text = page({ title: transcript.title, up, lang: field('language') }, (w) => {
      w.start('header', { class: 'hm-header' }).element('h1', {}, transcript.title).newline();
      writeFrontMatter(w, index, up, fields);
      w.end().newline();
      w.start('main', { class: 'hm-text' }).newline();
      for (const html of blocks) w.append(html).newline();
      w.end();
    });
    files.push({ path, text });
  }
  for (const entity of index.entities()) files.push({ path: entityPath(entity.id), text: entityPage(index, entity, passages.get(entity.id) ?? []) });
  files.push({ path: 'index.html', text: indexPage(index, title, transcripts, passages) });
  return files;
}

const ROLE_WORDS = { mention: 'mentioned', quotation: 'quoted', turn: 'speaks' } as const;

function entityPage(index: WorkspaceIndex, entity: Entity, found: readonly { transcript: Transcript; passage: Passage }[]): string {
  const path = entityPath(entity.id);
  const up = upFrom(path);
  return page({ title: `${entity.displayName} — ${KIND_LABELS[entity.kind]}`, up }, (w) => {
    writeEntityCard(w, index, up, entity);
    w.element('p', { class: 'hm-count' }, statsLine(index.referenceCounts(entity.id))).newline();
    if (found.length === 0) return;
    w.element('h2', {}, 'Passages').newline();
    w.start('ol', { class: 'hm-passages' }).newline();
    for (const { transcript, passage } of found) {
      w.start('li')
        .element('a', { href: linkTo(up, transcript.path, blockAnchor(passage.at)) }, `${transcript.title}, line ${passage.line + 1}`)
        .text(' ')
        .element('span', { class: 'hm-roles' }, `(${[...passage.roles].map((r) => ROLE_WORDS[r]).join(', ')})`)
        .element('blockquote', { class: 'hm-context' }, passage.context)
        .end()
        .newline();
    }
    w.end().newline();
  });
}

function indexPage(index: WorkspaceIndex, title: string, transcripts: readonly Transcript[], passages: ReadonlyMap<string, { transcript: Transcript }[]>): string {
  return page({ title, up: '' }, (w) => {
    w.element('h1', {}, title).newline();
    w.element('h2', {}, 'Transcripts').newline();
    w.start('ul', { class: 'hm-contents' }).newline();
    for (const t of transcripts) {
      w.start('li').element('a', { href: linkTo('', t.path) }, t.title);
      if (t.date) w.text(' ').element('span', { class: 'hm-date' }, t.date);
      w.end().newline();
    }
    w.end().newline();
    w.element('h2', {}, 'Index of names').newline();
    const met = [...index.entities()].filter((e) => passages.has(e.id));
    for (const { kind, heading } of KIND_ORDER) {
      const entities = met.filter((e) => e.kind === kind).sort((a, b) => sortKey(a).localeCompare(sortKey(b), undefined, { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1));
      if (entities.length === 0) continue;
      w.element('h3', {}, heading).newline();
      w.start('ul', { class: 'hm-index' }).newline();
      for (const entity of entities) writeIndexEntry(w, index, entity, passages.get(entity.id)!);
      w.end().newline();
    }
  });
}

function writeIndexEntry(w: HtmlWriter, index: WorkspaceIndex, entity: Entity, found: readonly { transcript: Transcript }[]): void {
  w.start('li').element('a', { href: linkTo('', entityPath(entity.id)) }, indexName(entity));
  w.text(' ').element('span', { class: 'hm-count' }, statsLine(index.referenceCounts(entity.id))).text(': ');
  [...new Set(found.map((f) => f.transcript))].forEach((t, k) => {
    if (k > 0) w.text(', ');
    w.element('a', { href: linkTo('', t.path) }, t.title);
  });
  w.end().newline();
}
