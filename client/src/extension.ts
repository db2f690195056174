// The VS Code client: starts the bundled language server over Node IPC and
// adds the Entities view, the status bar item and the Histmark commands.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { Notifications, type WorkspaceStatus } from '../../server/src/lsp/protocol';
import { type JsonRange, toLocation } from './convert';
import { DOCUMENT_SELECTOR } from './documentSelector';
import { EntitiesView } from './entitiesView';
import { registerAttributePicker } from './attributePicker';
import { registerEntityCommands } from './entityCommands';
import { registerGettingStartedCommands } from './gettingStarted';
import { registerPreviewCommands } from './preview/previewPanel';
import { registerTeiCommands } from './teiCommands';
import { registerNetworkCommands } from './network/networkPanel';
import { registerTimelineCommands } from './timeline/timelinePanel';
import { createStatusBar } from './statusBar';

let client: LanguageClient | undefined;

/**
 * The server's code lenses open the references peek; VS Code's command wants
 * a Uri, a Position and Locations, not the JSON the protocol carries.
 */
function withEditorArguments(lens: vscode.CodeLens | null | undefined): vscode.CodeLens | null | undefined {
  const command = lens?.command;
  if (command?.command !== 'editor.action.showReferences' || !command.arguments) return lens;
  const [uri, position, locations] = command.arguments as [string, { line: number; character: number }, { uri: string; range: JsonRange }[]];
  command.arguments = [
    vscode.Uri.parse(uri),
    new vscode.Position(position.line, position.character),
    locations.map((l) => toLocation(l.uri, l.range)),
  ];
  return lens;
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    middleware: { resolveCodeLens: async (lens, token, next) => withEditorArguments(await next(lens, token)) },
    synchronize: {
      configurationSection: 'histmark',
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.hmd'), vscode.workspace.createFileSystemWatcher('**/histmark.json')],
    },
  };
  return new LanguageClient('histmark', 'Histmark', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const entities = new EntitiesView(() => client);
  const view = vscode.window.createTreeView('histmark.entities', { treeDataProvider: entities, showCollapseAll: true });
  entities.view = view;
  const statusBar = createStatusBar();
  let refreshTimer: NodeJS.Timeout | undefined;

  const start = async () => {
    client = createClient(context);
    client.onNotification(Notifications.status, (status: WorkspaceStatus) => {
      statusBar.update(status);
      // The view is refreshed at most twice a second while diagnostics stream in.
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => entities.refresh(), 500);
    });
    await client.start();
    await vscode.commands.executeCommand('setContext', 'histmark.active', true);
  };

  context.subscriptions.push(
    view,
    statusBar.item,
    ...registerEntityCommands(() => client),
    registerAttributePicker(() => client),
    ...registerGettingStartedCommands(context),
    ...registerTeiCommands(() => client),
    ...registerNetworkCommands(context, () => client),
    ...registerTimelineCommands(context, () => client),
    ...registerPreviewCommands(context, () => client),
    vscode.commands.registerCommand('histmark.restartServer', async () => {
      await client?.stop();
      await start();
      void vscode.window.showInformationMessage('Histmark: language server restarted.');
    }),
    vscode.commands.registerCommand('histmark.entities.refresh', () => entities.refresh()),
    vscode.commands.registerCommand('histmark.entities.filter', async () => {
      const filter = await vscode.window.showInputBox({ title: 'Filter entities', prompt: 'Part of an id, name or alias' });
      if (filter !== undefined) entities.setFilter(filter);
    }),
    vscode.commands.registerCommand('histmark.entities.clearFilter', () => entities.setFilter('')),
    { dispose: () => void client?.stop() },
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
