// The markdown card of an entity, shown by hover and as completion
// documentation: name, kind, dates, roles, relations (as names linked to
// their definitions), aliases, description, authority links, unknown fields
// and how often the corpus mentions and quotes it.

import { dateValueInWords } from '../model/dates';
import { type Entity, KIND_LABELS } from '../model/entity';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { isHttpUrl } from './diagnostics/metadata';
import { AUTHORITY_LINKS } from './documentLinks';
import { entityStats, statsLine } from './entityStats';

const RELATION_LABELS: Record<string, string> = {
  author: 'Author',
  'member-of': 'Member of',
  'part-of': 'Part of',
  'located-in': 'Located in',
};

const AUTHORITY_LABELS: Record<string, string> = { wikidata: 'Wikidata', viaf: 'VIAF', gnd: 'GND' };

/** Source text shown as text, not read as markdown. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, '\\$&');
}

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
function entityLink(index: WorkspaceIndex, id: string): string {
  const target = index.entity(id);
  const lines = target && index.document(target.uri)?.lines;
  if (!target || !lines) return `\`@${id}\``;
  const line = lines.positionAt(target.definition.idSpan.start).line + 1;
  return `[${escapeMarkdown(target.displayName)}](${target.uri}#L${line})`;
}

function authorityLinks(entity: Entity): string[] {
  const links = entity.authorities.map(({ key, value }) => {
    const authority = AUTHORITY_LINKS[key];
    const label = `${AUTHORITY_LABELS[key]} ${escapeMarkdown(value)}`;
    return authority?.pattern.test(value) ? `[${label}](${authority.url(value)})` : label;
  });
  for (const url of entity.urls) links.push(isHttpUrl(url) ? `[${escapeMarkdown(url)}](${url})` : escapeMarkdown(url));
  return links;
}

/**
 * The card as markdown paragraphs. `uncertain`: the reference being
 * described marks the id with `?` (`{@deng?}`).
 */
export function entityCard(index: WorkspaceIndex, entity: Entity, options: { uncertain?: boolean } = {}): string {
  const heading = [KIND_LABELS[entity.kind], ...datesOf(entity), `\`@${entity.id}\``].join(' · ');
  const paragraphs = [`**${escapeMarkdown(entity.displayName)}**  \n${heading}`];
  if (options.uncertain) paragraphs.push('*Uncertain identification: this reference marks the id with `?`.*');
  if (entity.roles.length > 0) paragraphs.push(entity.roles.map(escapeMarkdown).join('  \n'));
  const relations = entity.relations.map(({ key, refs }) => `${RELATION_LABELS[key]}: ${refs.map((ref) => entityLink(index, ref.id)).join(', ')}`);
  if (relations.length > 0) paragraphs.push(relations.join('  \n'));
  if (entity.aliases.length > 0) paragraphs.push(`Also known as: ${entity.aliases.map(escapeMarkdown).join('; ')}`);
  if (!entity.matchable) paragraphs.push('*Not matched as plain text (`match: no`): unlinked uses of these names are not reported (HM005).*');
  if (entity.sortAs) paragraphs.push(`Sorted as: ${escapeMarkdown(entity.sortAs)}`);
  if (entity.description) paragraphs.push(escapeMarkdown(entity.description));
  const links = authorityLinks(entity);
  if (links.length > 0) paragraphs.push(links.join(' · '));
  if (entity.otherFields.length > 0) paragraphs.push(entity.otherFields.map((f) => `${f.key}: ${escapeMarkdown(f.value)}`).join('  \n'));
  const definitions = index.definitions(entity.id).length;
  if (definitions > 1) paragraphs.push(`*Defined ${definitions} times (HM003).*`);
  paragraphs.push(statsLine(entityStats(index, entity.id)));
  return paragraphs.join('\n\n');
}
