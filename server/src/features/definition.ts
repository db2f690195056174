// Go to definition / declaration: from any reference to an entity to its
// definition in whatever file holds it (every definition when the id is
// defined twice), and from a footnote reference to its definition.

import type { Location } from 'vscode-languageserver';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import type { Position } from '../syntax/positions';
import { locate, locationOf, targetIds } from './locate';

/** The id of every definition of `id`, in any file. */
export function entityDefinitionLocations(index: WorkspaceIndex, id: string): Location[] {
  return index.definitions(id).flatMap((entity) => locationOf(index, entity.uri, entity.definition.idSpan) ?? []);
}

export function definition(index: WorkspaceIndex, uri: string, position: Position): Location[] {
  const found = locate(index, uri, position);
  if (!found) return [];
  const { entry, target } = found;
  if (target.kind === 'footnoteReference') {
    return entry.tree.footnoteDefinitions.filter((d) => d.label === target.label).flatMap((d) => locationOf(index, uri, d.labelSpan) ?? []);
  }
  return targetIds(target).flatMap((id) => entityDefinitionLocations(index, id));
}
