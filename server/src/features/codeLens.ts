// A code lens above each definition header, "12 mentions · 3 quotations",
// that opens the references of the entity in the peek view.

import type { CancellationToken, CodeLens } from 'vscode-languageserver';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { counted, entityStats } from './entityStats';
import { entityReferenceLocations } from './references';

/** VS Code's command for the peek view: arguments (uri, position, locations). */
export const SHOW_REFERENCES_COMMAND = 'editor.action.showReferences';

export function codeLenses(index: WorkspaceIndex, uri: string, token?: CancellationToken): CodeLens[] {
  const entry = index.document(uri);
  if (!entry) return [];
  const lenses: CodeLens[] = [];
  for (const definition of entry.tree.definitions) {
    const references = entityReferenceLocations(index, definition.id, token);
    if (!references) return [];
    const stats = entityStats(index, definition.id);
    const title = `${counted(stats.mentions, 'mention')} · ${counted(stats.quotations, 'quotation')}`;
    const position = entry.lines.positionAt(definition.idSpan.start);
    lenses.push({
      range: entry.lines.range(definition.header.start, definition.header.end),
      command: { title, command: SHOW_REFERENCES_COMMAND, arguments: [uri, position, references] },
    });
  }
  return lenses;
}
