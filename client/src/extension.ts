// The VS Code client: starts the bundled language server over Node IPC.

import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { workspace } from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'histmark' }],
    synchronize: {
      configurationSection: 'histmark',
      fileEvents: [workspace.createFileSystemWatcher('**/*.hmd'), workspace.createFileSystemWatcher('**/histmark.json')],
    },
  };
  client = new LanguageClient('histmark', 'Histmark', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
