// Test harness: starts the real bundled server (dist/server.js) as a child
// process over stdio, on a temporary workspace, and speaks LSP to it.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createProtocolConnection,
  type DataCallback,
  type Diagnostic,
  ErrorCodes,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  ResponseError,
  type ResponseMessage,
  StreamMessageReader,
} from 'vscode-languageserver-protocol/node';

import type { WorkspaceStatus } from '../../server/src/lsp/protocol';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

/** A message of a batch: a request or a notification. */
export type BatchMessage =
  | { method: string; params?: unknown; request?: boolean }
  /** `$/cancelRequest` of the request at index `cancels` of the same batch. */
  | { cancels: number };

export interface Publish {
  uri: string;
  diagnostics: Diagnostic[];
}

export interface TestServer {
  connection: ProtocolConnection;
  root: string;
  /** The file URI of a workspace-relative path. */
  uri(file: string): string;
  /** Writes a file on disk (the server is not told: see `notifyWatched`). */
  write(file: string, text: string): void;
  remove(file: string): void;
  /** Reads a file on disk. */
  read(file: string): string;
  /** Opens a document with its disk text (or `text`) and returns its URI. */
  open(file: string, text?: string): Promise<string>;
  /** Replaces the whole text of an open document. */
  change(file: string, text: string): Promise<void>;
  /** The latest diagnostics published for a file (waits for the first ones). */
  diagnostics(file: string): Diagnostic[];
  /** Every publishDiagnostics received, in order. */
  publishes: Publish[];
  /** Every histmark/status notification received, in order. */
  statuses: WorkspaceStatus[];
  /** Waits until `predicate` holds, checked now and after every publishDiagnostics; `explain` says why not, on timeout. */
  waitUntil(predicate: () => boolean, explain: () => string, timeoutMs?: number): Promise<void>;
  /** Waits until the diagnostics of `file` satisfy `predicate`. */
  waitForDiagnostics(file: string, predicate: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  /**
   * Writes messages to the server in one write, as a client that does not
   * wait would; resolves with the responses to the requests among them, in order.
   */
  sendBatch(messages: BatchMessage[]): Promise<ResponseMessage[]>;
  /**
   * Returns once the server has handled everything sent before: a file
   * created on disk (large, so that its read ends after any earlier one) is
   * announced, its diagnostics awaited, and then one request answered.
   */
  barrier(): Promise<void>;
  /** The parameters of `initialize` for this workspace. */
  initializeParams(): unknown;
  /** Messages the server logged (window/logMessage). */
  logs: string[];
  /** Resolves once the index is built and its diagnostics were sent (the status says it is no longer indexing). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

function frame(messages: object[]): Buffer {
  return Buffer.concat(
    messages.map((m) => {
      const body = Buffer.from(JSON.stringify(m), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    }),
  );
}

/** Writes every message in one `write`, so that a batch is never split by another message. */
class WholeMessageWriter extends AbstractMessageWriter implements MessageWriter {
  constructor(private readonly stream: Writable) {
    super();
  }
  async write(message: Message): Promise<void> {
    this.writeAll([message]);
  }
  writeAll(messages: object[]): void {
    this.stream.write(frame(messages));
  }
  end(): void {}
}

/** Hands responses to batch requests to the batch, everything else to the connection. */
class BatchAwareReader extends AbstractMessageReader implements MessageReader {
  constructor(
    private readonly inner: StreamMessageReader,
    private readonly takeResponse: (message: Message) => boolean,
  ) {
    super();
    inner.onError((e) => this.fireError(e));
    inner.onClose(() => this.fireClose());
  }
  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      if (!this.takeResponse(message)) callback(message);
    });
  }
}

export interface ServerOptions {
  settings?: Record<string, unknown>;
  /** The client answers workspace/configuration with an error. */
  configurationFails?: boolean;
  /** Environment variables for the server (added to this process's). */
  env?: Record<string, string>;
  /** The client's completion capabilities, instead of the default snippets and markdown. */
  completion?: Record<string, unknown>;
}

/** Starts the server process on a workspace of `files`, without initializing it. */
export function launchServer(files: Record<string, string>, options: ServerOptions = {}): TestServer {
  const root = mkdtempSync(path.join(tmpdir(), 'histmark-lsp-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  for (const [file, text] of Object.entries(files)) write(file, text);
  const child: ChildProcess = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const waiting = new Map<string, (response: ResponseMessage) => void>();
  const takeResponse = (message: Message) => {
    const response = message as ResponseMessage;
    const resolve = typeof response.id === 'string' && !('method' in message) ? waiting.get(response.id) : undefined;
    if (!resolve) return false;
    waiting.delete(response.id as string);
    resolve(response);
    return true;
  };
  const writer = new WholeMessageWriter(child.stdin!);
  const connection = createProtocolConnection(new BatchAwareReader(new StreamMessageReader(child.stdout!), takeResponse), writer);
  const published = new Map<string, Diagnostic[]>();
  const publishes: Publish[] = [];
  const statuses: WorkspaceStatus[] = [];
  const listeners = new Set<() => void>();
  const logs: string[] = [];
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.set(p.uri, p.diagnostics);
    publishes.push({ uri: p.uri, diagnostics: p.diagnostics });
    for (const l of listeners) l();
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  connection.onNotification('histmark/status', (p: WorkspaceStatus) => {
    statuses.push(p);
    if (!p.indexing) markReady();
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => {
    if (options.configurationFails) throw new ResponseError(ErrorCodes.InternalError, 'configuration unavailable');
    return p.items.map(() => options.settings ?? {});
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('$/progress', () => {});
  connection.listen();
  const uri = (file: string) => pathToFileURL(path.join(root, file)).href;
  const versions = new Map<string, number>();
  let batchId = 0;
  let barriers = 0;
  const server: TestServer = {
    connection,
    root,
    uri,
    write,
    remove: (file) => rmSync(path.join(root, file), { force: true }),
    read: (file) => readFileSync(path.join(root, file), 'utf8'),
    logs,
    publishes,
    statuses,
    ready,
    initializeParams: () => ({
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'test' }],
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: options.completion ?? { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
          rename: { prepareSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { relatedInformation: true },
        },
      },
    }),
    async open(file, text) {
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
    sendBatch(messages) {
      const answers: Promise<ResponseMessage>[] = [];
      const ids: string[] = [];
      const framed = messages.map((message, i) => {
        if ('cancels' in message) return { jsonrpc: '2.0', method: '$/cancelRequest', params: { id: ids[message.cancels] } };
        const { method, params, request } = message;
        if (!request) return { jsonrpc: '2.0', method, params };
        const id = (ids[i] = `batch-${++batchId}`);
        answers.push(new Promise((resolve) => waiting.set(id, resolve)));
        return { jsonrpc: '2.0', id, method, params };
      });
      writer.writeAll(framed);
      return Promise.all(answers);
    },
    async barrier() {
      const file = `barrier-${++barriers}.hmd`;
      write(file, `@barrier${barriers}\n` + 'Filler text that names nobody at all. '.repeat(20_000));
      await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(file), type: 1 }] });
      await server.waitForDiagnostics(file, (d) => d.some((x) => x.code === 'HM002'));
      // Those diagnostics may have come first in a batch: a request answered after it ends closes the batch.
      await connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: uri(file) } });
    },
    diagnostics: (file) => published.get(uri(file)) ?? [],
    waitUntil(predicate, explain, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate()) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`${explain()}\n${stderr}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    async waitForDiagnostics(file, predicate, timeoutMs = 5000) {
      const latest = () => published.get(uri(file));
      await server.waitUntil(
        () => latest() !== undefined && predicate(latest()!),
        () => `Timed out waiting for diagnostics of ${file}; last: ${JSON.stringify(latest())}`,
        timeoutMs,
      );
      return latest()!;
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
  return server;
}

/** Starts and initializes the server, and waits until its initial index is built. */
export async function startServer(files: Record<string, string>, options: ServerOptions = {}): Promise<TestServer> {
  const server = launchServer(files, options);
  await server.connection.sendRequest('initialize', server.initializeParams());
  await server.connection.sendNotification('initialized', {});
  await server.ready;
  return server;
}
