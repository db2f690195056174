// Rename of an entity id: the id of its definition(s) and of every
// reference in every file (mentions, attributions, turns, front matter,
// fields, block-quote attributions), as one WorkspaceEdit. Each edit
// replaces exactly the id text.

import { type CancellationToken, LSPErrorCodes, type Range, ResponseError, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import type { Position } from '../syntax/positions';
import { isValidId } from '../syntax/chars';
import { entityDefinitionLocations } from './definition';
import { locate } from './locate';
import { entityReferenceLocations } from './references';

function rejected(message: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, message);
}

/** The id under the cursor (on a reference or a definition's id), or a rejection. */
function idAt(index: WorkspaceIndex, uri: string, position: Position): { id: string; range: Range } {
  const found = locate(index, uri, position);
  const target = found?.target;
  if (!found || !target || (target.kind !== 'reference' && target.kind !== 'definition') || !target.onId) {
    throw rejected('Only an entity id can be renamed: place the cursor on the id of a mention (`@id`, `{@id}`) or of a definition.');
  }
  return { id: target.id, range: found.entry.lines.range(target.span.start, target.span.end) };
}

export function prepareRename(index: WorkspaceIndex, uri: string, position: Position): { range: Range; placeholder: string } {
  const { id, range } = idAt(index, uri, position);
  return { range, placeholder: id };
}

export function rename(index: WorkspaceIndex, uri: string, position: Position, newName: string, token?: CancellationToken): WorkspaceEdit | null {
  const { id } = idAt(index, uri, position);
  // Typing the `@` along with the id is a natural slip.
  const newId = newName.trim().replace(/^@/, '');
  if (!isValidId(newId)) {
    throw rejected(`\`${newId}\` is not a valid entity id: a letter or digit, then letters, digits, \`_\` or \`-\`, not ending in \`_\` or \`-\`.`);
  }
  if (newId === id) return { changes: {} };
  const existing = index.definitions(newId)[0];
  if (existing) {
    const line = (index.document(existing.uri)?.lines.positionAt(existing.definition.idSpan.start).line ?? 0) + 1;
    throw rejected(`An entity \`${newId}\` already exists (${existing.uri}, line ${line}): choose another id.`);
  }
  const references = entityReferenceLocations(index, id, token);
  if (!references) return null;
  const changes: Record<string, TextEdit[]> = {};
  for (const { uri: file, range } of [...entityDefinitionLocations(index, id), ...references]) {
    (changes[file] ??= []).push({ range, newText: newId });
  }
  return { changes };
}
