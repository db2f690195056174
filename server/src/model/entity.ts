// The entity view of a definition: its names, dates, relations and
// authority ids read from the fields (SPEC.md section 4).

import type { Definition, EntityKind, Field, IdRef, Span } from '../syntax/types';

/** Which entity kinds each known field applies to. */
export const FIELD_KINDS: Record<string, readonly EntityKind[]> = {
  aka: ['person', 'org', 'place', 'event', 'work'],
  role: ['person', 'org', 'place', 'event', 'work'],
  born: ['person'],
  died: ['person'],
  founded: ['org'],
  dissolved: ['org'],
  date: ['event', 'work'],
  author: ['work'],
  'member-of': ['person', 'org'],
  'part-of': ['org', 'place'],
  'located-in': ['org', 'event'],
  wikidata: ['person', 'org', 'place', 'event', 'work'],
  viaf: ['person', 'org', 'place', 'event', 'work'],
  gnd: ['person', 'org', 'place', 'event', 'work'],
  url: ['person', 'org', 'place', 'event', 'work'],
  match: ['person', 'org', 'place', 'event', 'work'],
  'sort-as': ['person', 'org', 'place', 'event', 'work'],
};

/** Kinds a relation field may point at, by the kind of the entity that has it. */
export const RELATION_TARGETS: Record<string, (kind: EntityKind) => EntityKind[] | undefined> = {
  'member-of': () => ['org'],
  'part-of': (kind) => (kind === 'place' ? ['place'] : ['org']),
  'located-in': () => ['place'],
};

export const AUTHORITY_FIELDS = ['wikidata', 'viaf', 'gnd'] as const;

export const KIND_LABELS: Record<EntityKind, string> = {
  person: 'person',
  org: 'organisation',
  place: 'place',
  event: 'event',
  work: 'work',
};

/** "a person", "an organisation". */
export function article(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

export interface NameClaim {
  /** NFC-normalised. */
  name: string;
  span: Span;
  preferred: boolean;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  uri: string;
  definition: Definition;
  /** Preferred name, or the id when there is none. */
  displayName: string;
  /** Preferred name and every `aka`, with where each is claimed. */
  names: NameClaim[];
  aliases: string[];
  roles: string[];
  /** born/died/founded/dissolved/date values, as written. */
  dates: Partial<Record<'born' | 'died' | 'founded' | 'dissolved' | 'date', string>>;
  relations: { key: string; refs: IdRef[] }[];
  authorities: { key: (typeof AUTHORITY_FIELDS)[number]; value: string; span: Span }[];
  urls: string[];
  /** False with `match: no`: HM005 matches none of its names in plain text (SPEC 4). */
  matchable: boolean;
  /** Fields with keys Histmark does not know, shown as they are. */
  otherFields: Field[];
  description?: string;
  /** `sort-as: Hoxha, Enver`: where lists put the entity. */
  sortAs?: string;
}

/**
 * Where lists put an entity: its `sort-as`, else, for a person, the last
 * word of the preferred name first ("Khrushchev Nikita Sergeyevich").
 */
export function sortKey(entity: Entity): string {
  if (entity.sortAs) return entity.sortAs;
  if (entity.kind !== 'person') return entity.displayName;
  const words = entity.displayName.trim().split(/\s+/);
  return [words[words.length - 1], ...words.slice(0, -1)].join(' ');
}

/**
 * The surname a list of speakers shows: the part of `sort-as` before its
 * comma ("Gaulle, Charles de"), else its first word ("Zhou Enlai"), else
 * the last word of a person's name.
 */
export function shortName(entity: Entity): string {
  if (entity.kind !== 'person') return entity.displayName;
  const key = sortKey(entity);
  return key.includes(',') ? key.slice(0, key.indexOf(',')).trim() : key.split(/\s+/)[0];
}

/** Splits an `aka` value on `;` keeping each alias's exact span. */
function splitAliases(field: Field): NameClaim[] {
  const claims: NameClaim[] = [];
  let offset = 0;
  for (const part of field.value.split(';')) {
    const lead = part.length - part.trimStart().length;
    const name = part.trim();
    if (name !== '') {
      const start = field.valueSpan.start + offset + lead;
      claims.push({ name: name.normalize('NFC'), span: { start, end: start + name.length }, preferred: false });
    }
    offset += part.length + 1;
  }
  return claims;
}

export function entityOf(uri: string, definition: Definition, text: string): Entity {
  const entity: Entity = {
    id: definition.id,
    kind: definition.kind,
    uri,
    definition,
    displayName: definition.name ?? definition.id,
    names: definition.name && definition.nameSpan ? [{ name: definition.name.normalize('NFC'), span: definition.nameSpan, preferred: true }] : [],
    aliases: [],
    roles: [],
    dates: {},
    relations: [],
    authorities: [],
    urls: [],
    matchable: true,
    otherFields: [],
    description: definition.description && text.slice(definition.description.start, definition.description.end).replace(/\n[ \t]+/g, '\n').trim(),
  };
  for (const field of definition.fields) {
    switch (field.key) {
      case 'aka': {
        const claims = splitAliases(field);
        entity.names.push(...claims);
        entity.aliases.push(...claims.map((c) => c.name));
        break;
      }
      case 'role':
        entity.roles.push(field.value);
        break;
      case 'born':
      case 'died':
      case 'founded':
      case 'dissolved':
      case 'date':
        entity.dates[field.key] ??= field.value;
        break;
      case 'author':
      case 'member-of':
      case 'part-of':
      case 'located-in':
        entity.relations.push({ key: field.key, refs: field.refs });
        break;
      case 'wikidata':
      case 'viaf':
      case 'gnd':
        entity.authorities.push({ key: field.key, value: field.value, span: field.valueSpan });
        break;
      case 'url':
        entity.urls.push(field.value);
        break;
      case 'match':
        // Any other value is HM013 and leaves the names matched.
        if (field.value === 'no') entity.matchable = false;
        break;
      case 'sort-as':
        entity.sortAs ??= field.value.trim() || undefined;
        break;
      default:
        entity.otherFields.push(field);
    }
  }
  return entity;
}
