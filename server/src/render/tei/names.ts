// The TEI element for a reference to entities: persName, orgName, placeName,
// or rs typed event/work; rs when the ids are of several kinds or undefined.

import type { Entity } from '../../model/entity';
import type { EntityKind, IdRef } from '../../syntax/types';
import type { Attributes } from '../xmlWriter';
import { pointer } from './ids';

export const NAME_ELEMENT: Record<EntityKind, { name: string; type?: string }> = {
  person: { name: 'persName' },
  org: { name: 'orgName' },
  place: { name: 'placeName' },
  event: { name: 'rs', type: 'event' },
  work: { name: 'rs', type: 'work' },
};

/** Element and attributes for a mention of `ids`; `undefinedIds` are those with no definition (HM002). */
export function nameElement(ids: readonly IdRef[], entities: readonly (Entity | undefined)[]): { name: string; attributes: Attributes; undefinedIds: string[] } {
  const defined = ids.filter((_, k) => entities[k] !== undefined);
  const undefinedIds = ids.filter((_, k) => entities[k] === undefined).map((r) => r.id);
  const kinds = new Set(entities.filter((e) => e !== undefined).map((e) => e.kind));
  const element = kinds.size === 1 && undefinedIds.length === 0 ? NAME_ELEMENT[[...kinds][0]] : { name: 'rs' };
  return {
    name: element.name,
    attributes: {
      type: element.type,
      ref: defined.length > 0 ? defined.map((r) => pointer(r.id)).join(' ') : undefined,
      // An undefined id has nothing to point at; `key` keeps it, so that an import says HM002 again.
      key: undefinedIds.length > 0 ? undefinedIds.join(' ') : undefined,
      cert: ids.some((r) => r.uncertain) ? 'low' : undefined,
    },
    undefinedIds,
  };
}
