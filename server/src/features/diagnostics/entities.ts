// Registry checks (SPEC 4, 5, 11): HM002 undefined ids, HM003 duplicate
// definitions, HM008 ambiguous names, HM009 field dates, HM011 unknown
// fields, HM013 invalid field values, HM014 shared authority ids. A name of
// an entity marked `match: no` still counts for HM008: it is still the
// entity's name (completion, hovers, export), and it still keeps another
// entity claiming it from being matched.

import { article, FIELD_KINDS, KIND_LABELS, RELATION_TARGETS, type Entity } from '../../model/entity';
import type { DocumentEntry, WorkspaceIndex } from '../../model/workspaceIndex';
import { parseDate } from '../../syntax/dates';
import type { EntityKind } from '../../syntax/types';
import { checkDate, checkOrder } from './dates';
import { isHttpUrl } from './metadata';
import { type Finding, valueRange } from './types';

export function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** HM002, in document order. Each id is looked up once: the volume names a few hundred ids in 4,000 mentions. */
export function undefinedIdFindings(index: WorkspaceIndex, entry: DocumentEntry): Finding[] {
  const findings: Finding[] = [];
  entry.sites.ids.forEach((id, i) => {
    if (index.definitions(id).length > 0) return;
    for (const { ref } of entry.sites.at(i)) {
      findings.push({ ...ref, code: 'HM002', message: `No entity is defined with the id “${id}”: define it in a registry (\`@person ${id}: Name\`) or correct the id.`, data: { id } });
    }
  });
  return findings.sort((a, b) => a.start - b.start);
}

/**
 * At most this many related locations, and names in a message, per
 * diagnostic: 5,042 definitions of one id would otherwise make 5,042
 * diagnostics that each list the 5,041 others.
 */
export const MAX_RELATED = 20;

/** `items` joined with `, ` (at most MAX_RELATED of `total`), and how many more there are. */
function listed(items: string[], total: number): string {
  const more = total - items.length;
  return more > 0 ? `${items.join(', ')} and ${more.toLocaleString('en-US')} more` : items.join(', ');
}

/** The first MAX_RELATED of `all` that are not `self`: never a walk over all of them per diagnostic. */
function firstOthers<T>(all: Iterable<T>, isSelf: (item: T) => boolean): T[] {
  const out: T[] = [];
  for (const item of all) {
    if (out.length === MAX_RELATED) break;
    if (!isSelf(item)) out.push(item);
  }
  return out;
}

/** What the entities of one document share with others, computed once per id or name however many claim it. */
interface Shared {
  /** Per id: the files that define it, in document order, with how many definitions each holds. */
  definingFiles: Map<string, Map<string, number>>;
  /** Per name, and per `key:value` authority id: the distinct ids claiming it. */
  claimantIds: Map<string, string[]>;
  authorityIds: Map<string, string[]>;
}

function once<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = compute()));
  return value;
}

export function definitionFindings(index: WorkspaceIndex, entry: DocumentEntry): Finding[] {
  const findings: Finding[] = [];
  const shared: Shared = { definingFiles: new Map(), claimantIds: new Map(), authorityIds: new Map() };
  for (const entity of entry.entities) {
    duplicateFindings(index, entity, shared, findings);
    nameFindings(index, entity, shared, findings);
    fieldFindings(index, entity, shared, findings);
  }
  return findings;
}

function duplicateFindings(index: WorkspaceIndex, entity: Entity, shared: Shared, findings: Finding[]): void {
  const all = index.definitions(entity.id);
  if (all.length < 2) return;
  const files = once(shared.definingFiles, entity.id, () => {
    const counts = new Map<string, number>();
    for (const e of all) counts.set(e.uri, (counts.get(e.uri) ?? 0) + 1);
    return counts;
  });
  // Its own file counts when it holds another definition.
  const alone = (uri: string) => uri === entity.uri && files.get(uri) === 1;
  const places = firstOthers(files.keys(), alone).map((uri) => (uri === entity.uri ? 'this file' : fileName(uri)));
  const elsewhere = files.size - (alone(entity.uri) ? 1 : 0);
  const others = firstOthers(all, (e) => e === entity);
  const linked = others.length < all.length - 1 ? ` The first ${others.length} other definitions are linked.` : '';
  findings.push({
    ...entity.definition.idSpan,
    code: 'HM003',
    message: `“${entity.id}” is defined ${all.length.toLocaleString('en-US')} times (also in ${listed(places, elsewhere)}): keep one definition and merge the fields.${linked}`,
    related: others.map((o) => ({ uri: o.uri, span: o.definition.idSpan, message: 'Also defined here' })),
  });
}

function nameFindings(index: WorkspaceIndex, entity: Entity, shared: Shared, findings: Finding[]): void {
  for (const claim of entity.names) {
    const ids = once(shared.claimantIds, claim.name, () => index.claimantIds(claim.name));
    if (ids.length < 2) continue;
    const others = firstOthers(ids, (id) => id === entity.id).map((id) => `@${id}`);
    findings.push({
      ...claim.span,
      code: 'HM008',
      message: `The name “${claim.name}” is claimed by ${listed(others, ids.length - 1)} as well: an ambiguous name is never suggested for linking; make it specific or drop it.`,
      related: firstOthers(index.claimants(claim.name), (e) => e.id === entity.id).map((e) => ({ uri: e.uri, span: e.definition.idSpan, message: `Also claimed by ${e.id}` })),
    });
  }
}

function fieldFindings(index: WorkspaceIndex, entity: Entity, shared: Shared, findings: Finding[]): void {
  const kind = entity.kind;
  for (const field of entity.definition.fields) {
    const applies = FIELD_KINDS[field.key];
    if (!applies) {
      findings.push({ ...field.keySpan, code: 'HM011', message: `Unknown field “${field.key}”: it is kept and shown in hovers. Known fields for ${article(KIND_LABELS[kind])}: ${knownFields(kind)}.` });
      continue;
    }
    if (!applies.includes(kind)) {
      findings.push({ ...field.keySpan, code: 'HM011', message: `The field “${field.key}” does not apply to ${article(KIND_LABELS[kind])}; it is kept and shown in hovers. Known fields for ${article(KIND_LABELS[kind])}: ${knownFields(kind)}.` });
      continue;
    }
    switch (field.key) {
      case 'born':
      case 'died':
      case 'founded':
      case 'dissolved':
        checkDate(field.value, valueRange(field), `\`${field.key}\``, 'moment', findings);
        break;
      case 'date':
        checkDate(field.value, valueRange(field), 'The date', 'any', findings);
        break;
      case 'wikidata':
        if (!/^Q\d+$/.test(field.value)) findings.push({ ...valueRange(field), code: 'HM013', message: `A Wikidata id is \`Q\` followed by digits (e.g. Q1234), not “${field.value}”.` });
        break;
      case 'url':
        if (!isHttpUrl(field.value)) findings.push({ ...valueRange(field), code: 'HM013', message: `\`url\` must be an absolute http(s) URL, not “${field.value}”.` });
        break;
      case 'match':
        if (field.value !== 'no') findings.push({ ...valueRange(field), code: 'HM013', message: `\`match\` takes one value, \`no\` (none of this entity's names is matched as plain text), not “${field.value}”.` });
        break;
      case 'author':
      case 'member-of':
      case 'part-of':
      case 'located-in':
        relationFindings(index, entity, field, findings);
        break;
    }
  }
  lifespanFindings(entity, 'born', 'died', findings);
  lifespanFindings(entity, 'founded', 'dissolved', findings);
  for (const a of entity.authorities) {
    const ids = once(shared.authorityIds, `${a.key}:${a.value}`, () => [...new Set(index.authorityClaimants(a.key, a.value).map((e) => e.id))]);
    if (ids.length < 2) continue;
    const others = firstOthers(ids, (id) => id === entity.id).map((id) => `@${id}`);
    findings.push({ ...a.span, code: 'HM014', message: `${a.key} ${a.value} is also on ${listed(others, ids.length - 1)}: probably one ${KIND_LABELS[entity.kind]} registered twice.` });
  }
}

function knownFields(kind: EntityKind): string {
  return Object.keys(FIELD_KINDS)
    .filter((k) => FIELD_KINDS[k].includes(kind))
    .join(', ');
}

function relationFindings(index: WorkspaceIndex, entity: Entity, field: Entity['definition']['fields'][number], findings: Finding[]): void {
  if (field.refs.length === 0 && field.badRefs.length === 0) {
    findings.push({ ...valueRange(field), code: 'HM013', message: `\`${field.key}\` takes one or more mentions (\`@id\`).` });
  }
  for (const bad of field.badRefs) {
    findings.push({ ...bad, code: 'HM013', message: `\`${field.key}\` takes mentions (\`@id\`); this is not one.` });
  }
  const targets = RELATION_TARGETS[field.key]?.(entity.kind);
  if (!targets) return;
  for (const ref of field.refs) {
    const target = index.entity(ref.id);
    if (target && !targets.includes(target.kind)) {
      findings.push({
        ...ref.span,
        code: 'HM013',
        message: `\`${field.key}\` of ${article(KIND_LABELS[entity.kind])} names ${targets.map((t) => article(KIND_LABELS[t])).join(' or ')}, but @${ref.id} is ${article(KIND_LABELS[target.kind])}.`,
      });
    }
  }
}

function lifespanFindings(entity: Entity, startKey: 'born' | 'founded', endKey: 'died' | 'dissolved', findings: Finding[]): void {
  const fields = entity.definition.fields;
  const startField = fields.find((f) => f.key === startKey);
  const endField = fields.find((f) => f.key === endKey);
  if (!startField || !endField || !FIELD_KINDS[startKey].includes(entity.kind)) return;
  checkOrder(parseDate(startField.value), parseDate(endField.value), endField.valueSpan, `\`${endKey}\` (${endField.value}) is before \`${startKey}\` (${startField.value}).`, findings);
}
