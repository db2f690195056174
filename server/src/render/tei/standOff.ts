// The standOff of a TEI document (SPEC.md 14): one list per entity kind,
// each entity with its names (preferred, then `aka` as type="alt"), dates,
// roles, memberships, authority ids, unknown fields and description; the
// relations that are no person's affiliation in a listRelation.

import type { Entity } from '../../model/entity';
import type { EntityKind, IdRef, SyntaxTree } from '../../syntax/types';
import { startingIn } from '../spans';
import { walkDescription } from '../walk';
import type { Attributes, XmlWriter } from '../xmlWriter';
import { type BodyContext, writeInline } from './body';
import { dateAttributes } from './dates';
import { pointer, xmlId } from './ids';
import { nameElement } from './names';

export interface StandOffContext {
  writer: XmlWriter;
  lookup: (id: string) => Entity | undefined;
  /** The tree of the document that defines an entity (for its description). */
  treeOf: (uri: string) => SyntaxTree | undefined;
  /** Warnings about an entity are reported at its definition. */
  warn: (entity: Entity, at: number, message: string) => void;
}

const LISTS: [EntityKind, string][] = [
  ['person', 'listPerson'],
  ['org', 'listOrg'],
  ['place', 'listPlace'],
  ['event', 'listEvent'],
  ['work', 'listBibl'],
];

const ELEMENT: Record<EntityKind, { element: string; name: string }> = {
  person: { element: 'person', name: 'persName' },
  org: { element: 'org', name: 'orgName' },
  place: { element: 'place', name: 'placeName' },
  event: { element: 'event', name: 'label' },
  work: { element: 'bibl', name: 'title' },
};

const AUTHORITY_TYPES = { wikidata: 'wikidata', viaf: 'VIAF', gnd: 'GND' } as const;

/** The entities `ids` name, and every entity their relations and descriptions name, transitively. */
export function entityClosure(ids: Iterable<string>, lookup: (id: string) => Entity | undefined, treeOf: (uri: string) => SyntaxTree | undefined): Entity[] {
  const seen = new Map<string, Entity>();
  const queue = [...ids];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    const entity = lookup(id);
    if (!entity) continue;
    seen.set(id, entity);
    const tree = treeOf(entity.uri);
    const { start, end } = entity.definition;
    for (const m of startingIn(tree?.mentions ?? [], start, end)) for (const r of m.ids) queue.push(r.id);
  }
  return [...seen.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function writeStandOff(ctx: StandOffContext, entities: readonly Entity[]): void {
  if (entities.length === 0) return;
  const w = ctx.writer;
  w.newline().start('standOff');
  for (const [kind, list] of LISTS) {
    const members = entities.filter((e) => e.kind === kind);
    if (members.length === 0) continue;
    w.newline().start(list);
    for (const entity of members) writeEntity(ctx, entity);
    w.endOnNewLine();
  }
  const relations = entities.flatMap((e) => e.relations.filter((r) => r.key !== 'author' && !(e.kind === 'person' && r.key === 'member-of')).map((r) => ({ entity: e, ...r })));
  const pointed = relations.map((r) => ({ ...r, refs: definedRefs(ctx, r.refs) })).filter((r) => r.refs.length > 0);
  if (pointed.length > 0) {
    w.newline().start('listRelation');
    for (const r of pointed) w.newline().empty('relation', { name: r.key, active: pointer(r.entity.id), passive: r.refs.map((x) => pointer(x.id)).join(' ') });
    w.endOnNewLine();
  }
  w.endOnNewLine();
}

/** The refs a pointer can name; the others stay in the entity's field note (`note type="field"`). */
function definedRefs(ctx: StandOffContext, refs: IdRef[]): IdRef[] {
  return refs.filter((r) => ctx.lookup(r.id));
}

function writeEntity(ctx: StandOffContext, entity: Entity): void {
  const w = ctx.writer;
  const { element, name } = ELEMENT[entity.kind];
  const dated = entity.kind === 'event' ? dating(ctx, entity, entity.dates.date) : {};
  w.newline().start(element, { 'xml:id': xmlId(entity.id), ...dated });
  const definition = entity.definition;
  if (definition.name !== undefined) w.newline().element(name, {}, definition.name, definition.nameSpan?.start);
  else if (entity.kind === 'event') w.newline().element(name, { type: 'id' }, entity.id);
  for (const alias of entity.names.filter((n) => !n.preferred)) w.newline().element(name, { type: 'alt' }, alias.name, alias.span.start);
  for (const field of definition.fields) {
    const at = field.valueSpan.start;
    switch (field.key) {
      case 'born':
      case 'died':
        if (entity.kind === 'person') w.newline().element(field.key === 'born' ? 'birth' : 'death', dating(ctx, entity, field.value, at), field.value, at);
        else otherField(w, field.key, field.value, at);
        break;
      case 'date':
        if (entity.kind === 'work') w.newline().element('date', dating(ctx, entity, field.value, at), field.value, at);
        else otherField(w, field.key, field.value, at);
        break;
      case 'role':
        if (entity.kind === 'person') w.newline().element('occupation', {}, field.value, at);
        else otherField(w, field.key, field.value, at);
        break;
      case 'member-of':
        if (entity.kind === 'person') {
          // An undefined org (HM002) keeps its id in @key, as a mention of it does.
          for (const r of field.refs) w.newline().element('affiliation', nameElement([r], [ctx.lookup(r.id)]).attributes, ctx.lookup(r.id)?.displayName ?? r.id);
        } else otherField(w, field.key, field.value, at);
        break;
      case 'author':
        if (entity.kind === 'work') {
          for (const r of field.refs) {
            const { name: el, attributes } = nameElement([r], [ctx.lookup(r.id)]);
            w.newline().start('author').element(el, attributes, ctx.lookup(r.id)?.displayName ?? r.id).end();
          }
        } else otherField(w, field.key, field.value, at);
        break;
      case 'wikidata':
      case 'viaf':
      case 'gnd':
        w.newline().element('idno', { type: AUTHORITY_TYPES[field.key] }, field.value, at);
        break;
      case 'url':
        w.newline().element('idno', { type: 'URI' }, field.value, at);
        break;
      case 'aka':
      case 'part-of':
      case 'located-in':
        // Names above; relations in the listRelation — kept as fields too, so that the import reads them back.
        if (field.key !== 'aka') otherField(w, field.key, field.value, at);
        break;
      default:
        otherField(w, field.key, field.value, at);
    }
  }
  writeDescription(ctx, entity);
  w.endOnNewLine();
}

function otherField(w: XmlWriter, key: string, value: string, at: number): void {
  w.newline().element('note', { type: 'field', n: key }, value, at);
}

function dating(ctx: StandOffContext, entity: Entity, value: string | undefined, at = entity.definition.idSpan.start): Attributes {
  if (value === undefined) return {};
  const attributes = dateAttributes(value);
  if (!attributes) ctx.warn(entity, at, `"${value}" is not a Histmark date: exported as text without dating attributes`);
  return attributes ?? {};
}

function writeDescription(ctx: StandOffContext, entity: Entity): void {
  const tree = ctx.treeOf(entity.uri);
  if (!tree || !entity.definition.description) return;
  const { nodes, fragments, warnings } = walkDescription(tree, entity.definition, ctx.lookup);
  for (const w of warnings) ctx.warn(entity, w.at, w.message);
  const body: BodyContext = {
    writer: ctx.writer,
    fragments,
    idPrefix: `${xmlId(entity.id)}.`,
    warn: (at, message) => ctx.warn(entity, at, message),
    isDefined: (id) => ctx.lookup(id) !== undefined,
  };
  ctx.writer.newline().start('note', { type: 'description' });
  writeInline(body, nodes);
  ctx.writer.end();
}
