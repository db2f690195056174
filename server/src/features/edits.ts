// What the code actions share: the options they run with and the small
// edits they are made of.

import { type CodeAction, TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { ServerSettings } from '../lsp/settings';
import type { DocumentEntry } from '../model/workspaceIndex';

export interface CodeActionOptions {
  settings: ServerSettings;
  /** Workspace folder paths: the first holds the configured registry, or a new one. */
  folders: string[];
  /** Whether the client applies CreateFile operations (needed for a new registry). */
  canCreateFiles: boolean;
}

export type Fix = Omit<CodeAction, 'kind' | 'diagnostics'>;

export function documentEdit(entry: DocumentEntry, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [entry.uri]: edits } };
}

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Appends lines as a new block at the end of a document, after a blank line. */
export function appendBlock(entry: DocumentEntry, lines: string[]): TextEdit {
  const text = entry.text;
  const eol = eolOf(text);
  const separator = text.trim() === '' || text.endsWith('\n\n') || text.endsWith('\n\r\n') ? '' : text.endsWith('\n') ? eol : eol + eol;
  return TextEdit.insert(entry.lines.positionAt(text.length), separator + lines.join(eol) + eol);
}
