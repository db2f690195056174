/// <reference types="mocha" />
// The extension against the real `vscode` API, on samples/ (opened by run.mjs).
import * as assert from 'node:assert';
import * as vscode from 'vscode';

const folder = () => vscode.workspace.workspaceFolders![0].uri;
const sample = (file: string) => vscode.Uri.joinPath(folder(), file);

async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

async function positionOf(document: vscode.TextDocument, needle: string, delta = 0): Promise<vscode.Position> {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in ${document.uri.path}`);
  return document.positionAt(offset + delta);
}

suite('Histmark in VS Code', () => {
  let memo: vscode.TextDocument;

  suiteSetup(async () => {
    memo = await vscode.workspace.openTextDocument(sample('transcripts/memorandum-of-conversation-1957-04-15.hmd'));
    await vscode.window.showTextDocument(memo);
    assert.strictEqual(memo.languageId, 'histmark');
    await waitFor(() => vscode.extensions.getExtension('histmark.histmark')?.isActive || undefined, 'activation');
  });

  test('hover on a mention shows the entity card', async () => {
    const position = await positionOf(memo, '{@khrushchev}', 3);
    const hovers = await waitFor(async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', memo.uri, position);
      return h.length > 0 ? h : undefined;
    }, 'a hover');
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Nikita Sergeyevich Khrushchev\*\*/);
  });

  test('go to definition opens the registry', async () => {
    const position = await positionOf(memo, '{@khrushchev}', 3);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', memo.uri, position);
    const uri = 'targetUri' in locations[0] ? locations[0].targetUri : locations[0].uri;
    assert.match(uri.path, /registry\/people\.hmd$/);
  });

  test('an unattributed quotation is an HM001 with a quick fix that removes it', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'histmark', content: '[Comrade Hoxha]{@hoxha} said: "We will not yield to anyone."\n' });
    const [hm001] = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.code === 'HM001');
      return d.length > 0 ? d : undefined;
    }, 'HM001');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, hm001.range, vscode.CodeActionKind.QuickFix.value);
    const preferred = actions.find((a) => a.isPreferred)!;
    assert.ok(await vscode.workspace.applyEdit(preferred.edit!));
    assert.match(doc.getText(), /anyone\."\{@hoxha\}/);
    await waitFor(() => (vscode.languages.getDiagnostics(doc.uri).some((x) => x.code === 'HM001') ? undefined : true), 'HM001 to go');
  });

  test('completion after @ offers entities by name', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'histmark', content: 'Met @Nikita' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 11), '@');
    assert.ok(list.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'khrushchev'));
  });
});
