// The Histmark language server: thin wiring of LSP requests to the feature
// functions over one shared workspace index. Runs over stdio
// (`histmark-language-server --stdio`, for any editor) or Node IPC (VS Code).

import { fileURLToPath } from 'node:url';
import {
  createConnection,
  type FileEvent,
  type InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceIndex } from './model/workspaceIndex';
import { DiagnosticsPublisher } from './lsp/diagnosticsPublisher';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './lsp/settings';
import { WorkspaceSync } from './lsp/workspaceSync';
import { Requests } from './lsp/protocol';
import { listEntities, mentionsByDocument, quotationsBy } from './features/entityViews';

declare const __HISTMARK_VERSION__: string;

if (process.argv.includes('--version')) {
  process.stdout.write(`${__HISTMARK_VERSION__}\n`);
  process.exit(0);
}
if (process.argv.includes('--help')) {
  process.stdout.write('Usage: histmark-language-server --stdio\nThe Histmark language server, speaking LSP over standard input and output.\n');
  process.exit(0);
}

const connection = createConnection();
const documents = new TextDocuments(TextDocument);
const index = new WorkspaceIndex();
let settings: ServerSettings = DEFAULT_SETTINGS;
let supportsConfiguration = false;
const publisher = new DiagnosticsPublisher(connection, index, () => settings);
const sync = new WorkspaceSync(connection, index, publisher);
let folders: string[] = [];

/** Runs a handler so that a bug in one feature is logged, never fatal. */
function guarded<P extends unknown[], R>(name: string, handler: (...params: P) => R | Promise<R>): (...params: P) => Promise<R | null> {
  return async (...params: P) => {
    try {
      return await handler(...params);
    } catch (error) {
      connection.console.error(`${name} failed: ${(error as Error).stack ?? error}`);
      return null;
    }
  };
}

process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? error}`));
process.on('unhandledRejection', (error) => connection.console.error(`Unexpected error: ${(error as Error)?.stack ?? error}`));

connection.onInitialize((params): InitializeResult => {
  supportsConfiguration = params.capabilities.workspace?.configuration === true;
  settings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  folders = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      workspace: { workspaceFolders: { supported: true } },
    },
    serverInfo: { name: 'histmark-language-server', version: __HISTMARK_VERSION__ },
  };
});

connection.onInitialized(async () => {
  if (supportsConfiguration) settings = readSettings(await connection.workspace.getConfiguration('histmark'));
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  progress?.begin('Histmark: indexing', 0, 'reading documents', false);
  await sync.load(folders, progress);
  progress?.done();
});

const settingsChanged = guarded('configuration', async (change: { settings: unknown }) => {
  const fresh = supportsConfiguration ? await connection.workspace.getConfiguration('histmark') : (change.settings as { histmark?: unknown })?.histmark;
  settings = readSettings(fresh);
  publisher.scheduleAll();
});
connection.onDidChangeConfiguration((change) => void settingsChanged(change));

documents.onDidOpen((e) => sync.documentChanged(e.document));
documents.onDidChangeContent((e) => sync.documentChanged(e.document));
documents.onDidClose((e) => void sync.documentClosed(e.document.uri));
const watchedFilesChanged = guarded('watched files', (changes: FileEvent[]) => sync.watchedFilesChanged(changes));
connection.onDidChangeWatchedFiles((params) => void watchedFilesChanged(params.changes));

// Features (one module each under features/).

connection.onRequest(Requests.entities, guarded('entities', () => listEntities(index)));
connection.onRequest(Requests.entityMentions, guarded('entity mentions', (p: { id: string }) => mentionsByDocument(index, p.id)));
connection.onRequest(Requests.entityQuotations, guarded('entity quotations', (p: { id: string }) => quotationsBy(index, p.id)));

documents.listen(connection);
connection.listen();
