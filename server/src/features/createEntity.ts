// "Create Entity from Selection": registers the selected name as a new
// entity in the registry and links the selection to it, in one edit.

import { ResponseError, type Range, TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { isValidId } from '../syntax/chars';
import { ENTITY_KINDS, type EntityKind } from '../syntax/types';
import { type CodeActionOptions, entityStubEdit } from './codeActions';

export interface CreateEntityParams {
  textDocument: { uri: string };
  range: Range;
  kind: EntityKind;
  id: string;
  name: string;
}

export function createEntityFromSelection(index: WorkspaceIndex, params: CreateEntityParams, options: CodeActionOptions): WorkspaceEdit {
  const entry = index.document(params.textDocument.uri);
  if (!entry) throw new ResponseError(1, 'This document is not part of the Histmark workspace.');
  if (!ENTITY_KINDS.includes(params.kind)) throw new ResponseError(1, `“${params.kind}” is not an entity kind.`);
  if (!isValidId(params.id)) throw new ResponseError(1, `“${params.id}” is not a valid id: letters, digits, _ and -, starting with a letter or digit.`);
  if (index.definitions(params.id).length > 0) throw new ResponseError(1, `@${params.id} is already defined.`);
  const selected = entry.text.slice(entry.lines.offsetAt(params.range.start), entry.lines.offsetAt(params.range.end));
  const name = params.name.replace(/\s+/g, ' ').trim();
  const link = TextEdit.replace(params.range, `[${selected.replace(/[[\]]/g, '\\$&')}]{@${params.id}}`);
  const created = entityStubEdit(index, options, `@${params.kind} ${params.id}${name ? `: ${name}` : ''}`, { uri: entry.uri, edits: [link] });
  if (!created) throw new ResponseError(1, 'There is no registry to add the entity to: set histmark.defaultRegistryFile.');
  if ('refused' in created) throw new ResponseError(1, created.refused);
  return created.edit;
}
