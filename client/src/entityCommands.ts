// Editor commands about the entity under the cursor: go to its next or
// previous mention, show the quotations attributed to it, and create an
// entity from the selected text.

import * as vscode from 'vscode';
import type { LanguageClient, WorkspaceEdit } from 'vscode-languageclient/node';
import { isValidId } from '../../server/src/syntax/chars';
import { toRange } from './convert';
import { type EntityAtPosition, type MentionStep, type MentionStepParams, type QuotationSummary, Requests } from '../../server/src/lsp/protocol';

type ClientGetter = () => LanguageClient | undefined;

/** The client, the active editor and the entity at its cursor (telling the user when there is none). */
async function entityUnderCursor(getClient: ClientGetter): Promise<{ client: LanguageClient; editor: vscode.TextEditor; id: string; name: string } | undefined> {
  const client = getClient();
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) return undefined;
  const entity = await client.sendRequest<EntityAtPosition | null>(Requests.entityAt, {
    textDocument: { uri: editor.document.uri.toString() },
    position: editor.selection.active,
  });
  if (!entity) {
    void vscode.window.showInformationMessage('Histmark: place the cursor on a mention or an entity definition.');
    return undefined;
  }
  return { client, editor, ...entity };
}

async function reveal(uri: vscode.Uri, range: vscode.Range): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri, { selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/**
 * Moves to the next (or previous) mention of the entity at the cursor,
 * across documents in document order; past the last one it comes back to
 * the first, and says so.
 */
async function goToMention(getClient: ClientGetter, direction: MentionStepParams['direction']): Promise<void> {
  const client = getClient();
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) return;
  const step = await client.sendRequest<MentionStep | null>(Requests.mentionStep, {
    textDocument: { uri: editor.document.uri.toString() },
    // The start of a selection: after a step the whole mention is selected.
    position: editor.selection.start,
    direction,
  } satisfies MentionStepParams);
  if (!step) {
    void vscode.window.showInformationMessage('Histmark: place the cursor on a mention or an entity definition.');
    return;
  }
  if (!step.location) {
    void vscode.window.showInformationMessage(`Histmark: nothing mentions ${step.name} yet.`);
    return;
  }
  await reveal(vscode.Uri.parse(step.location.uri), toRange(step.location.range));
  vscode.window.setStatusBarMessage(`Histmark: ${step.name}, mention ${step.ordinal} of ${step.total}`, 4000);
  if (step.wrapped) {
    const end = direction === 'next' ? 'first' : 'last';
    void vscode.window.showInformationMessage(`Histmark: back to the ${end} mention of ${step.name}`);
  }
}

async function showQuotations(getClient: ClientGetter): Promise<void> {
  const at = await entityUnderCursor(getClient);
  if (!at) return;
  const { client, id, name } = at;
  const quotations = await client.sendRequest<QuotationSummary[]>(Requests.entityQuotations, { id });
  if (quotations.length === 0) {
    void vscode.window.showInformationMessage(`Histmark: no quotation is attributed to ${name}.`);
    return;
  }
  const picked = await vscode.window.showQuickPick(
    quotations.map((q) => {
      const where = `${vscode.workspace.asRelativePath(vscode.Uri.parse(q.location.uri))}:${q.location.range.start.line + 1}`;
      return { label: `“${q.excerpt}”`, description: q.documentTitle ?? where, detail: q.documentTitle ? where : undefined, quotation: q };
    }),
    { title: `Quotations attributed to ${name}`, matchOnDescription: true, matchOnDetail: true },
  );
  if (picked) await reveal(vscode.Uri.parse(picked.quotation.location.uri), toRange(picked.quotation.location.range));
}

function suggestId(text: string): string {
  const words = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{Nd}]+/gu) ?? [];
  return words.join('-');
}

async function createEntityFromSelection(getClient: ClientGetter): Promise<void> {
  const client = getClient();
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor || editor.selection.isEmpty) {
    void vscode.window.showInformationMessage('Histmark: select the name to register first.');
    return;
  }
  const text = editor.document.getText(editor.selection).replace(/\s+/g, ' ').trim();
  const kind = await vscode.window.showQuickPick(['person', 'org', 'place', 'event', 'work'], { title: `Register “${text}” as…` });
  if (!kind) return;
  const id = await vscode.window.showInputBox({
    title: 'Entity id',
    value: suggestId(text),
    validateInput: (value) => (isValidId(value) ? undefined : 'An id is letters, digits, _ and -, starting with a letter or digit.'),
  });
  if (!id) return;
  const edit = await client.sendRequest<WorkspaceEdit | null>(Requests.createEntity, {
    textDocument: { uri: editor.document.uri.toString() },
    range: editor.selection,
    kind,
    id,
    name: text,
  });
  if (!edit) return;
  const applied = await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
  if (!applied) void vscode.window.showErrorMessage(`Histmark: could not register “${text}” in the registry.`);
}

export function registerEntityCommands(getClient: ClientGetter): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('histmark.nextMention', () => goToMention(getClient, 'next')),
    vscode.commands.registerCommand('histmark.previousMention', () => goToMention(getClient, 'previous')),
    vscode.commands.registerCommand('histmark.showQuotations', () => showQuotations(getClient)),
    vscode.commands.registerCommand('histmark.createEntityFromSelection', () => createEntityFromSelection(getClient)),
  ];
}
