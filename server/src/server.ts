// The Histmark language server: thin wiring of LSP requests to the feature
// functions over one shared workspace index. Runs over stdio
// (`histmark-language-server --stdio`, for any editor) or Node IPC (VS Code).

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CancellationToken,
  CodeActionKind,
  createConnection,
  type CodeLens,
  CodeLensRefreshRequest,
  type CompletionItem,
  type FileEvent,
  type TextDocumentPositionParams,
  type InitializeResult,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { nodeFileSystem } from './model/fileSystem';
import { WorkspaceIndex } from './model/workspaceIndex';
import { collectGarbage } from './lsp/garbage';
import { DiagnosticsPublisher } from './lsp/diagnosticsPublisher';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './lsp/settings';
import { IndexGate } from './lsp/indexGate';
import { WorkspaceSync } from './lsp/workspaceSync';
import { type ExportTeiParams, type ImportTeiParams, type MentionStepParams, type RenderHtmlParams, Requests } from './lsp/protocol';
import { mentionStep } from './features/mentionNavigation';
import { entityAt, listEntities, mentionsByDocument, quotationsBy } from './features/entityViews';
import { type CreateEntityParams, createEntityFromSelection } from './features/createEntity';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/folding';
import { documentLinks } from './features/documentLinks';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from './features/semanticTokens';
import { completion, prepareCompletion, resolveCompletion } from './features/completion';
import { completionClientOf, PLAIN_COMPLETION_CLIENT, shapedFor } from './features/completionList';
import { ATTRIBUTE_ALL_KIND, codeActions } from './features/codeActions';
import { type AttributeParams, attributionEditFor } from './features/attribution';
import { hover } from './features/hover';
import { definition } from './features/definition';
import { documentHighlights, references } from './features/references';
import { prepareRename, rename } from './features/rename';
import { codeLenses, resolveCodeLens } from './features/codeLens';
import { workspaceSymbols } from './features/workspaceSymbols';
import { exportTeiRequest, importTeiRequest } from './interchange/requests';
import { networkView } from './render/network/view';
import { timeline } from './render/timeline';
import { renderHtmlRequest } from './render/html/preview';

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
// Closed until the initial index is built, and again while histmark.json rebuilds it.
const gate = new IndexGate((building) => {
  if (building) publisher.sendStatus();
  // Once the requests that waited for the index are answered: the first `@` typed then is as quick as the next.
  else setImmediate(() => prepareCompletion(index));
});
const publisher = new DiagnosticsPublisher(connection, index, () => settings, gate);
const sync = new WorkspaceSync(connection, index, documents, publisher, gate, nodeFileSystem, path.join(__dirname, 'indexWorker.js'));
let folders: string[] = [];
/** The client applies CreateFile edits (a quick fix may create the registry). */
let canCreateFiles = false;
/** What the client takes of a completion list's compact forms (features/completionList.ts). */
let completionClient = PLAIN_COMPLETION_CLIENT;

/**
 * Every handler runs through here: it waits until the index is complete (no
 * answer from a half-built index), and a bug in one feature is logged, never
 * fatal. A ResponseError is a deliberate answer (a rejected rename) and goes
 * to the client; a request cancelled before its answer was sent is answered
 * RequestCancelled, never with an empty result that reads "nothing found".
 */
function guarded<P extends unknown[], R>(name: string, handler: (...params: P) => R | Promise<R>): (...params: P) => Promise<R | null> {
  return async (...params: P) => {
    const token = params.find((p) => CancellationToken.is(p));
    const throwIfCancelled = () => {
      if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, `${name}: request cancelled`);
    };
    try {
      await gate.ready();
      throwIfCancelled();
      const result = await handler(...params);
      throwIfCancelled();
      return result;
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`${name} failed: ${(error as Error).stack ?? error}`);
      return null;
    }
  };
}

process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? error}`));
process.on('unhandledRejection', (error) => connection.console.error(`Unexpected error: ${(error as Error)?.stack ?? error}`));

connection.onInitialize((params): InitializeResult => {
  supportsConfiguration = params.capabilities.workspace?.configuration === true;
  refreshSupport = {
    semanticTokens: params.capabilities.workspace?.semanticTokens?.refreshSupport === true,
    codeLens: params.capabilities.workspace?.codeLens?.refreshSupport === true,
  };
  const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
  canCreateFiles = workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes('create');
  completionClient = completionClientOf(params.capabilities);
  settings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  folders = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      workspace: { workspaceFolders: { supported: true } },
      completionProvider: { triggerCharacters: ['@', '{', '^', '['], resolveProvider: true },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, ATTRIBUTE_ALL_KIND] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      documentLinkProvider: { resolveProvider: false },
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
      hoverProvider: true,
      definitionProvider: true,
      declarationProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      codeLensProvider: { resolveProvider: true },
      workspaceSymbolProvider: true,
    },
    serverInfo: { name: 'histmark-language-server', version: __HISTMARK_VERSION__ },
  };
});

connection.onInitialized(async () => {
  // The index must be built whatever the client answers: every request waits for it.
  if (supportsConfiguration) settings = readSettings(await connection.workspace.getConfiguration('histmark').catch(() => undefined));
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  progress?.begin('Histmark: indexing', 0, 'reading documents', false);
  await sync.initialLoad(folders, progress);
  progress?.done();
  // After the first publication (queued before this): building the index left the parsed trees of every closed document behind.
  setImmediate(collectGarbage);
});

const settingsChanged = guarded('configuration', async (change: { settings: unknown }) => {
  const fresh = supportsConfiguration ? await connection.workspace.getConfiguration('histmark') : (change.settings as { histmark?: unknown })?.histmark;
  settings = readSettings(fresh);
  publisher.scheduleAll();
});
connection.onDidChangeConfiguration((change) => void settingsChanged(change));

let refreshSupport = { semanticTokens: false, codeLens: false };
let refreshTimer: NodeJS.Timeout | undefined;
/**
 * An edit changes mention counts (code lenses) everywhere, and entity kinds
 * (semantic colours) in other documents: other editors are asked to refresh
 * once typing pauses.
 */
function refreshOtherEditors(colours: boolean): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    if (colours && refreshSupport.semanticTokens) void connection.languages.semanticTokens.refresh();
    if (refreshSupport.codeLens) void connection.sendRequest(CodeLensRefreshRequest.type);
  }, 300);
}

// An open fires onDidChangeContent too: that one event indexes opens and edits alike.
documents.onDidChangeContent((e) => refreshOtherEditors(sync.documentChanged(e.document).size > 1));
const documentClosed = guarded('close', (uri: string) => sync.documentClosed(uri));
documents.onDidClose((e) => void documentClosed(e.document.uri));
const watchedFilesChanged = guarded('watched files', (changes: FileEvent[]) => sync.watchedFilesChanged(changes));
connection.onDidChangeWatchedFiles((params) => void watchedFilesChanged(params.changes));

// Features (one module each under features/).

connection.onDocumentSymbol(guarded('document symbols', (p) => documentSymbols(index, p.textDocument.uri)));
connection.onFoldingRanges(guarded('folding ranges', (p) => foldingRanges(index, p.textDocument.uri)));
connection.onDocumentLinks(guarded('document links', (p) => documentLinks(index, p.textDocument.uri)));
connection.languages.semanticTokens.on(guarded('semantic tokens', (p) => semanticTokens(index, p.textDocument.uri)));
connection.languages.semanticTokens.onRange(
  guarded('semantic tokens', (p) => semanticTokens(index, p.textDocument.uri, { first: p.range.start.line, last: p.range.end.line })),
);
connection.onCompletion(guarded('completion', (p) => shapedFor(completion(index, p.textDocument.uri, p.position), completionClient)));
const completionResolve = guarded('completion resolve', (item: CompletionItem, _token: CancellationToken) => resolveCompletion(index, item));
connection.onCompletionResolve(async (item, token) => (await completionResolve(item, token)) ?? item);
connection.onCodeAction(guarded('code actions', (p) => codeActions(index, p, { settings, folders, canCreateFiles })));
connection.onHover(guarded('hover', (p) => hover(index, p.textDocument.uri, p.position)));
connection.onDefinition(guarded('definition', (p) => definition(index, p.textDocument.uri, p.position)));
connection.onDeclaration(guarded('declaration', (p) => definition(index, p.textDocument.uri, p.position)));
connection.onReferences(guarded('references', (p, token) => references(index, p.textDocument.uri, p.position, p.context.includeDeclaration, token)));
connection.onDocumentHighlight(guarded('document highlights', (p) => documentHighlights(index, p.textDocument.uri, p.position)));
connection.onPrepareRename(guarded('prepare rename', (p) => prepareRename(index, p.textDocument.uri, p.position)));
connection.onRenameRequest(guarded('rename', (p, token) => rename(index, p.textDocument.uri, p.position, p.newName, token)));
connection.onCodeLens(guarded('code lens', (p) => codeLenses(index, p.textDocument.uri)));
const codeLensResolve = guarded('code lens resolve', (lens: CodeLens, token: CancellationToken) => resolveCodeLens(index, lens, token));
connection.onCodeLensResolve(async (lens, token) => (await codeLensResolve(lens, token)) ?? lens);
connection.onWorkspaceSymbol(guarded('workspace symbols', (p, token) => workspaceSymbols(index, p.query, token)));
connection.onRequest(Requests.entities, guarded('entities', () => listEntities(index)));
connection.onRequest(Requests.entityMentions, guarded('entity mentions', (p: { id: string }) => mentionsByDocument(index, p.id)));
connection.onRequest(Requests.entityQuotations, guarded('entity quotations', (p: { id: string }) => quotationsBy(index, p.id)));
connection.onRequest(Requests.createEntity, guarded('create entity', (p: CreateEntityParams) => createEntityFromSelection(index, p, { settings, folders, canCreateFiles })));
connection.onRequest(Requests.attribute, guarded('attribute', (p: AttributeParams) => attributionEditFor(index, p)));
connection.onRequest(Requests.entityAt, guarded('entity at', (p: TextDocumentPositionParams) => entityAt(index, p.textDocument.uri, p.position)));
connection.onRequest(Requests.mentionStep, guarded('mention step', (p: MentionStepParams) => mentionStep(index, p)));
connection.onRequest(Requests.exportTei, guarded('export TEI', (p: ExportTeiParams) => exportTeiRequest(index, folders, p)));
connection.onRequest(Requests.importTei, guarded('import TEI', (p: ImportTeiParams) => importTeiRequest(p)));
connection.onRequest(Requests.network, guarded('network', () => networkView(index, folders)));
connection.onRequest(Requests.timeline, guarded('timeline', () => timeline(index)));
connection.onRequest(Requests.renderHtml, guarded('render HTML', (p: RenderHtmlParams) => renderHtmlRequest(index, p)));

documents.listen(connection);
connection.listen();
