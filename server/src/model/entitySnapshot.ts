// Features that keep a table built from the index's entities between
// requests (completion, workspace symbols) tell with this when to build it
// again: an edit that adds, removes or redefines an entity gives new Entity
// objects (each indexing of a document makes its own).

import type { Entity } from './entity';
import type { WorkspaceIndex } from './workspaceIndex';

/** The index's entities, as `index.entities()` gives them. */
export function entitySnapshot(index: WorkspaceIndex): Entity[] {
  return [...index.entities()];
}

/** Whether `index.entities()` still gives exactly `snapshot`, in the same order. */
export function isCurrent(index: WorkspaceIndex, snapshot: readonly Entity[]): boolean {
  let i = 0;
  for (const entity of index.entities()) if (snapshot[i++] !== entity) return false;
  return i === snapshot.length;
}
