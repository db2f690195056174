// A code lens above each definition header, "12 mentions in 3 transcripts · 3 quotations",
// that opens the references of the entity in the peek view. Lenses are
// listed cheaply and counted on resolve, so a registry of thousands of
// entities costs only what is on screen.

import type { CancellationToken, CodeLens } from 'vscode-languageserver';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { entityStats, statsLine } from './entityStats';
import { entityReferenceLocations } from './references';

/** VS Code's command for the peek view: arguments (uri, position, locations). */
export const SHOW_REFERENCES_COMMAND = 'editor.action.showReferences';

interface LensData {
  uri: string;
  id: string;
}

export function codeLenses(index: WorkspaceIndex, uri: string): CodeLens[] {
  const entry = index.document(uri);
  if (!entry) return [];
  return entry.tree.definitions.map((definition) => ({
    range: entry.lines.range(definition.header.start, definition.header.end),
    data: { uri, id: definition.id } satisfies LensData,
  }));
}

export function resolveCodeLens(index: WorkspaceIndex, lens: CodeLens, token?: CancellationToken): CodeLens {
  const { uri, id } = lens.data as LensData;
  const definition = index.definitions(id).find((e) => e.uri === uri)?.definition;
  const entry = index.document(uri);
  const references = entityReferenceLocations(index, id, token);
  if (!definition || !entry || !references) return { ...lens, command: { title: '', command: '' } };
  const title = statsLine(entityStats(index, id));
  const position = entry.lines.positionAt(definition.idSpan.start);
  return { range: lens.range, command: { title, command: SHOW_REFERENCES_COMMAND, arguments: [uri, position, references] } };
}
