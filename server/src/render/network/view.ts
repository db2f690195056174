// The entity network as the editor's Show Network graph gets it
// (`histmark/network`): every transcript of the open workspace, definitions
// as locations, documents by their path in their workspace folder.

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NetworkView } from '../../lsp/protocol';
import type { WorkspaceIndex } from '../../model/workspaceIndex';
import { buildNetwork, type NetworkSource, undefinedSummary } from './graph';

/** `a/b.hmd` relative to the deepest workspace folder holding it; an untitled or outside document by its URI or path. */
function displayPath(folders: readonly string[], uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  const file = fileURLToPath(uri);
  const root = folders.filter((f) => !path.relative(f, file).startsWith('..')).sort((a, b) => b.length - a.length)[0];
  return (root ? path.relative(root, file) : file).split(path.sep).join('/');
}

export function networkView(index: WorkspaceIndex, folders: readonly string[]): NetworkView {
  const sources: NetworkSource[] = [...index.documents()]
    .filter((entry) => !entry.isRegistry)
    .map((entry) => ({ entry, path: displayPath(folders, entry.uri) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const network = buildNetwork(index, sources);
  const nodes = network.nodes.map(({ id, kind, name, counts, uri, definition }) => {
    const lines = index.document(uri)!.lines;
    return { id, kind, name, counts, definition: { uri, range: { start: lines.positionAt(definition.start), end: lines.positionAt(definition.end) } } };
  });
  return { nodes, edges: network.edges, warning: undefinedSummary(network) };
}
