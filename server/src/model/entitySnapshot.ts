// Features that keep a table built from the index's entities between
// requests (completion, workspace symbols) tell with this when to build it
// again: when the index's entities version moved (an edit added, removed or
// redefined an entity) since the snapshot was taken.

import type { Entity } from './entity';
import type { WorkspaceIndex } from './workspaceIndex';

/** The entities version each snapshot was taken at. */
const versions = new WeakMap<readonly Entity[], number>();

/** The index's entities, as `index.entities()` gives them. */
export function entitySnapshot(index: WorkspaceIndex): Entity[] {
  const snapshot = [...index.entities()];
  versions.set(snapshot, index.entitiesVersion);
  return snapshot;
}

/** Whether `index.entities()` still gives exactly `snapshot`, in the same order. */
export function isCurrent(index: WorkspaceIndex, snapshot: readonly Entity[]): boolean {
  return versions.get(snapshot) === index.entitiesVersion;
}
