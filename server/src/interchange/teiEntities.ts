// TEI entity lists → Histmark definitions (SPEC.md 4): the inverse of
// render/tei/standOff.ts, reading person/org/place/event/bibl wherever TEI
// keeps them (standOff, profileDesc/particDesc/settingDesc, back).

import type { Element } from '@xmldom/xmldom';
import type { EntityKind } from '../syntax/types';
import { histmarkId } from '../render/tei/ids';
import { attr, children, descendants, pointerIds, position, textContent } from './dom';
import { type ImportReport, TextImporter } from './teiText';

export interface ImportedEntity {
  id: string;
  kind: EntityKind;
  /** The definition as Histmark text, without a final line break. */
  text: string;
}

const KINDS: Record<string, EntityKind> = { person: 'person', org: 'org', place: 'place', event: 'event', bibl: 'work' };
const NAME_ELEMENTS = new Set(['persName', 'orgName', 'placeName', 'label', 'title', 'name', 'eventName', 'geogName']);
const AUTHORITIES: Record<string, string> = { wikidata: 'wikidata', viaf: 'viaf', gnd: 'gnd', uri: 'url', url: 'url' };
const KEYWORD: Record<EntityKind, string> = { person: 'person', org: 'org', place: 'place', event: 'event', work: 'work' };

/** Ids kept in @key, where the export had nothing to point at (HM002). */
function keys(e: Element): string[] {
  return (attr(e, 'key') ?? '').split(/\s+/).filter((k) => k !== '');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The entity elements of a TEI document: in lists of standOff, the header's profileDesc, or back. */
export function entityElements(root: Element): Element[] {
  const holders = ['standOff', 'profileDesc', 'back'].flatMap((name) => descendants(root, name));
  const found: Element[] = [];
  for (const holder of holders) {
    for (const [name] of Object.entries(KINDS)) {
      for (const e of descendants(holder, name)) {
        const list = e.parentNode as Element | null;
        if (name === 'bibl' && list?.localName !== 'listBibl') continue;
        if (!list?.localName?.startsWith('list') && name !== 'place') continue;
        if (!found.includes(e)) found.push(e);
      }
    }
  }
  return found;
}

export function importEntity(e: Element, reports: ImportReport[]): ImportedEntity | undefined {
  const kind = KINDS[e.localName!];
  const xmlIdValue = attr(e, 'xml:id');
  if (!xmlIdValue) {
    reports.push({ position: position(e), message: `<${e.localName}> without xml:id: no mention can point at it, so it is not imported` });
    return undefined;
  }
  const id = histmarkId(xmlIdValue);
  let name: string | undefined;
  const aliases: string[] = [];
  const fields: string[] = [];
  let description: string | undefined;
  const text = new TextImporter();
  for (const c of children(e)) {
    const local = c.localName!;
    const value = oneLine(textContent(c));
    if (NAME_ELEMENTS.has(local)) {
      const type = attr(c, 'type');
      if (type === 'id') continue;
      if (type !== 'alt' && name === undefined) name = value;
      else aliases.push(value);
      continue;
    }
    switch (local) {
      case 'birth':
      case 'death':
        fields.push(`${local === 'birth' ? 'born' : 'died'}: ${value || attr(c, 'when') || ''}`);
        break;
      case 'occupation':
        fields.push(`role: ${value}`);
        break;
      case 'affiliation':
        for (const id of [...pointerIds(attr(c, 'ref')).map(histmarkId), ...keys(c)]) fields.push(`member-of: @${id}`);
        break;
      case 'author': {
        const ids = [c, ...Array.from(c.getElementsByTagName('*') as unknown as Element[])].flatMap((x) => [...pointerIds(attr(x, 'ref')).map(histmarkId), ...keys(x)]);
        fields.push(`author: ${ids.length > 0 ? ids.map((id) => '@' + id).join(' ') : value}`);
        break;
      }
      case 'date':
        fields.push(`date: ${value || attr(c, 'when') || ''}`);
        break;
      case 'idno': {
        const key = AUTHORITIES[(attr(c, 'type') ?? '').toLowerCase()];
        if (key) fields.push(`${key}: ${value}`);
        else reports.push({ position: position(c), message: `<idno type="${attr(c, 'type') ?? ''}"> has no Histmark field: kept as a field "idno"` }), fields.push(`idno: ${value}`);
        break;
      }
      case 'note': {
        const type = attr(c, 'type');
        const key = attr(c, 'n');
        if (type === 'field' && key && /^[a-z][a-z0-9-]*$/.test(key)) fields.push(`${key}: ${value}`);
        else if (description === undefined) description = text.inline(c);
        else reports.push({ position: position(c), message: 'a second description note: its text is added to the description' }), (description += '\n\n' + text.inline(c));
        break;
      }
      default:
        reports.push({ position: position(c), message: `<${local}> in an entity has no Histmark field: not imported` });
    }
  }
  if (kind === 'event' && !fields.some((f) => f.startsWith('date:'))) {
    const when = attr(e, 'when') ?? (attr(e, 'from') && attr(e, 'to') ? `${attr(e, 'from')}..${attr(e, 'to')}` : undefined);
    if (when) fields.push(`date: ${when}`);
  }
  reports.push(...text.reports);
  if (text.footnotes.length > 0) reports.push({ position: position(e), message: 'notes inside a description have no Histmark form: their reference is kept, their text is not' });
  const lines = [`@${KEYWORD[kind]} ${id}${name !== undefined ? `: ${name}` : ''}`];
  if (aliases.length > 0) lines.push(`  aka: ${aliases.join('; ')}`);
  for (const f of fields) lines.push(`  ${f}`);
  if (description !== undefined && description.trim() !== '') {
    lines.push('');
    for (const line of description.trim().split('\n')) lines.push(line.trim() === '' ? '' : `  ${line.trimStart()}`);
  }
  return { id, kind, text: lines.join('\n') };
}
