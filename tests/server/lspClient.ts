// Test harness: starts the real bundled server (dist/server.js) as a child
// process over stdio, on a temporary workspace, and speaks LSP to it.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export interface TestServer {
  connection: ProtocolConnection;
  root: string;
  /** The file URI of a workspace-relative path. */
  uri(file: string): string;
  /** Writes a file on disk (the server is not told: see `notifyWatched`). */
  write(file: string, text: string): void;
  remove(file: string): void;
  /** Opens a document with its disk text (or `text`) and returns its URI. */
  open(file: string, text?: string): Promise<string>;
  /** Replaces the whole text of an open document. */
  change(file: string, text: string): Promise<void>;
  /** The latest diagnostics published for a file (waits for the first ones). */
  diagnostics(file: string): Diagnostic[];
  /** Waits until the diagnostics of `file` satisfy `predicate`. */
  waitForDiagnostics(file: string, predicate: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  /** Messages the server logged (window/logMessage). */
  logs: string[];
  /** Resolves once the initial index is built and its diagnostics were sent. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export async function startServer(files: Record<string, string>, options: { settings?: Record<string, unknown> } = {}): Promise<TestServer> {
  const root = mkdtempSync(path.join(tmpdir(), 'histmark-lsp-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  for (const [file, text] of Object.entries(files)) write(file, text);
  const child: ChildProcess = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published = new Map<string, Diagnostic[]>();
  const listeners = new Set<() => void>();
  const logs: string[] = [];
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.set(p.uri, p.diagnostics);
    for (const l of listeners) l();
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
    if (p.message.startsWith('Indexed ')) setTimeout(markReady, 50);
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => options.settings ?? {}));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('$/progress', () => {});
  connection.listen();
  const uri = (file: string) => pathToFileURL(path.join(root, file)).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'test' }],
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
        rename: { prepareSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        publishDiagnostics: { relatedInformation: true },
      },
    },
  });
  connection.sendNotification('initialized', {});
  const versions = new Map<string, number>();
  const server: TestServer = {
    connection,
    root,
    uri,
    write,
    remove: (file) => rmSync(path.join(root, file), { force: true }),
    logs,
    ready,
    async open(file, text) {
      const { readFileSync } = await import('node:fs');
      const content = text ?? readFileSync(path.join(root, file), 'utf8');
      versions.set(file, 1);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(file), languageId: 'histmark', version: 1, text: content } });
      return uri(file);
    },
    async change(file, text) {
      const version = (versions.get(file) ?? 1) + 1;
      versions.set(file, version);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(file), version }, contentChanges: [{ text }] });
    },
    diagnostics: (file) => published.get(uri(file)) ?? [],
    waitForDiagnostics(file, predicate, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const d = published.get(uri(file));
          if (d && predicate(d)) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(d);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`Timed out waiting for diagnostics of ${file}; last: ${JSON.stringify(published.get(uri(file)))}\n${stderr}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    async stop() {
      const exited = new Promise((resolve) => {
        child.once('exit', resolve);
        setTimeout(resolve, 2000);
      });
      // The server may already be gone: it is killed below either way.
      await Promise.race([connection.sendRequest('shutdown').catch(() => {}), new Promise((r) => setTimeout(r, 1000))]);
      await connection.sendNotification('exit').catch(() => {});
      await exited;
      connection.dispose();
      child.kill();
      rmSync(root, { recursive: true, force: true });
    },
  };
  await ready;
  return server;
}
