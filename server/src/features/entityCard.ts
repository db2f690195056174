// The markdown card of an entity, shown by hover and as completion
// documentation: name, kind, dates, roles, relations (as names linked to
// their definitions), aliases, description, authority links, unknown fields
// and how often the corpus mentions and quotes it.

import { dateValueInWords } from '../model/dates';
import { type Entity, KIND_LABELS } from '../model/entity';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { AUTHORITY_LINKS } from './documentLinks';
import { entityStats, statsLine } from './entityStats';
import { code, documentLink, join, type Markdown, md, text, webLink } from './markdown';
import { walkDescription } from '../render/walk';
import { inlineMarkdown, lookupIn } from './reading';

const RELATION_LABELS: Record<string, string> = {
  author: 'Author',
  'member-of': 'Member of',
  'part-of': 'Part of',
  'located-in': 'Located in',
};

const AUTHORITY_LABELS: Record<string, string> = { wikidata: 'Wikidata', viaf: 'VIAF', gnd: 'GND' };

function dateSpan(start: string | undefined, end: string | undefined, startWord: string, endWord: string): string | undefined {
  if (start && end) return `${dateValueInWords(start)} – ${dateValueInWords(end)}`;
  if (start) return `${startWord} ${dateValueInWords(start)}`;
  if (end) return `${endWord} ${dateValueInWords(end)}`;
  return undefined;
}

/** born–died, founded–dissolved or the date, in words ("15 April 1894 – 11 September 1971", "summer 1960"). */
export function datesOf(entity: Entity): string[] {
  const { born, died, founded, dissolved, date } = entity.dates;
  return [dateSpan(born, died, 'born', 'died'), dateSpan(founded, dissolved, 'founded', 'dissolved'), date && dateValueInWords(date)].filter(
    (d): d is string => d !== undefined,
  );
}

/** The entity's name, linked to the line of its definition. */
function entityLink(index: WorkspaceIndex, id: string): Markdown {
  const target = index.entity(id);
  const lines = target && index.document(target.uri)?.lines;
  if (!target || !lines) return code(`@${id}`);
  return documentLink(target.displayName, target.uri, lines.positionAt(target.definition.idSpan.start).line + 1);
}

function authorityLinks(entity: Entity): Markdown[] {
  const links = entity.authorities.map(({ key, value }) => {
    const authority = AUTHORITY_LINKS[key];
    const label = `${AUTHORITY_LABELS[key]} ${value}`;
    return authority?.pattern.test(value) ? webLink(label, authority.url(value)) : text(label);
  });
  for (const url of entity.urls) links.push(webLink(url, url));
  return links;
}

/** The description as reading text: mentions as names linked to their definitions, quotations in curly marks. */
function descriptionMarkdown(index: WorkspaceIndex, entity: Entity): Markdown | undefined {
  const tree = index.document(entity.uri)?.tree;
  if (!tree || !entity.definition.description) return entity.description ? text(entity.description) : undefined;
  return inlineMarkdown(index, walkDescription(tree, entity.definition, lookupIn(index)).nodes);
}

const LINE_BREAK = md`  \n`;

/**
 * The card as markdown paragraphs. `uncertain`: the reference being
 * described marks the id with `?` (`{@deng?}`).
 */
export function entityCard(index: WorkspaceIndex, entity: Entity, options: { uncertain?: boolean } = {}): Markdown {
  const heading = join([text([KIND_LABELS[entity.kind], ...datesOf(entity)].join(' · ')), code(`@${entity.id}`)], md` · `);
  const paragraphs = [md`**${entity.displayName}**  \n${heading}`];
  if (options.uncertain) paragraphs.push(md`*Uncertain identification: this reference marks the id with ${code('?')}.*`);
  if (entity.roles.length > 0) paragraphs.push(join(entity.roles.map((role) => text(role)), LINE_BREAK));
  const relations = entity.relations.map(({ key, refs }) => md`${RELATION_LABELS[key]}: ${join(refs.map((ref) => entityLink(index, ref.id)), md`, `)}`);
  if (relations.length > 0) paragraphs.push(join(relations, LINE_BREAK));
  if (entity.aliases.length > 0) paragraphs.push(md`Also known as: ${entity.aliases.join('; ')}`);
  if (!entity.matchable) paragraphs.push(md`*Not matched as plain text (${code('match: no')}): unlinked uses of these names are not reported (HM005).*`);
  if (entity.sortAs) paragraphs.push(md`Sorted as: ${entity.sortAs}`);
  const description = descriptionMarkdown(index, entity);
  if (description) paragraphs.push(description);
  const links = authorityLinks(entity);
  if (links.length > 0) paragraphs.push(join(links, md` · `));
  if (entity.otherFields.length > 0) paragraphs.push(join(entity.otherFields.map((f) => md`${f.key}: ${f.value}`), LINE_BREAK));
  const definitions = index.definitions(entity.id).length;
  if (definitions > 1) paragraphs.push(md`*Defined ${definitions} times (HM003).*`);
  paragraphs.push(text(statsLine(entityStats(index, entity.id))));
  return join(paragraphs, md`\n\n`);
}
