// The real language server (dist/server.js --stdio) on a corpus, driven the
// way an editor drives it (as tests/server/lspClient.ts does): cold index
// time and memory, keystroke-to-diagnostics latency in the big document,
// and the latency of hover, definition, completion, references and rename.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import lsp from 'vscode-languageserver-protocol/node';
import { REPO_ROOT } from './sourceText.mjs';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = lsp;
/** How long the server is left idle after indexing before its memory is read. */
const SETTLE_MS = 1000;

export const SERVER = path.join(REPO_ROOT, 'dist/server.js');
const STATUS_NOTIFICATION = 'histmark/status';
const MENTION_ID = /\{@([\p{L}\p{Nd}][\p{L}\p{M}\p{Nd}_-]*)/gu;

/** Nearest-rank percentile of durations (ms). */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Current and peak resident memory of a process, in MB (10^6 bytes), from /proc; undefined elsewhere. */
export function memoryOf(pid) {
  const file = `/proc/${pid}/status`;
  if (!existsSync(file)) return undefined;
  const status = readFileSync(file, 'utf8');
  const megabytes = (key) => (Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024) / 1e6;
  return { rssMB: megabytes('VmRSS'), peakMB: megabytes('VmHWM') };
}

export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A function from UTF-16 offsets of `text` to LSP positions. */
function positionsIn(text) {
  const starts = [0];
  for (let p = text.indexOf('\n'); p !== -1; p = text.indexOf('\n', p + 1)) starts.push(p + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - starts[low] };
  };
}

/** `count` items spread evenly over `list`. */
function spread(list, count) {
  return Array.from({ length: count }, (_, i) => list[Math.floor((i * list.length) / count) % list.length]);
}

/**
 * `count` one-character edits of `text` (incremental LSP changes, each
 * against the text the previous ones left): alternately an `x` typed after
 * a word (“the”) and deleted again, spread over the text.
 */
export function keystrokeEdits(text, count) {
  const positionOf = positionsIn(text);
  const spots = [...text.matchAll(/ the (?=\p{L})/gu)].map((m) => positionOf(m.index + 4));
  return spread(spots, Math.ceil(count / 2))
    .flatMap((at) => [
      { range: { start: at, end: at }, text: 'x' },
      { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' },
    ])
    .slice(0, count);
}

export class BenchServer {
  /** Starts the server on `root` and waits for its cold index and first diagnostics. */
  static async start(root, { server = SERVER, nodeOptions = [], timeoutMs = 300_000 } = {}) {
    const bench = new BenchServer(root, { server, nodeOptions });
    await bench.initialize(timeoutMs);
    return bench;
  }

  /**
   * Spawns `server --stdio` on `root`. `nodeOptions`: for the server's Node,
   * e.g. `--cpu-prof`; `languageId` of the documents opened; `initializationOptions`.
   * Subclasses add the requests their server makes of the client.
   */
  constructor(root, { server = SERVER, nodeOptions = [], languageId = 'histmark', initializationOptions } = {}) {
    this.root = root;
    this.languageId = languageId;
    this.initializationOptions = initializationOptions;
    this.child = spawn(process.execPath, [...nodeOptions, server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.child.stderr.on('data', (d) => (this.stderr += d));
    // 'close', not 'exit': by then its stderr (a fatal error's message) has been read.
    this.exited = new Promise((resolve) => this.child.once('close', (code, signal) => resolve({ code, signal })));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    /** One-shot listeners: uri → resolve of the next publishDiagnostics. */
    this.nextPublish = new Map();
    this.published = new Map();
    this.logs = [];
    this.onStatus = () => {};
    this.connection.onNotification('textDocument/publishDiagnostics', (p) => {
      this.published.set(p.uri, p.diagnostics);
      const resolve = this.nextPublish.get(p.uri);
      this.nextPublish.delete(p.uri);
      resolve?.(p.diagnostics);
    });
    this.indexedAt = new Promise((resolve) => {
      this.connection.onNotification('window/logMessage', (p) => {
        this.logs.push(p.message);
        if (p.message.startsWith('Indexed ')) resolve(performance.now());
      });
    });
    this.connection.onNotification(STATUS_NOTIFICATION, () => this.onStatus());
    this.connection.onNotification('$/progress', () => {});
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    /** The client's copy of each open document, as an editor keeps it. */
    this.documents = new Map();
    this.listen();
  }

  /** Registers further handlers before the connection listens (subclasses). */
  listen() {
    this.connection.listen();
  }

  uri(file) {
    return pathToFileURL(path.join(this.root, file)).href;
  }

  /** initialize and initialized, as an editor sends them. */
  async handshake() {
    const rootUri = pathToFileURL(this.root).href;
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      initializationOptions: this.initializationOptions,
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, workspaceFolders: true, symbol: {}, diagnostics: { refreshSupport: true } },
        textDocument: {
          hover: { contentFormat: ['markdown'] },
          // What VS Code's client (vscode-languageclient 9 and later) says it takes of a completion list.
          completion: {
            completionItem: { snippetSupport: true, labelDetailsSupport: true, resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } },
            completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
          },
          rename: { prepareSupport: true },
          publishDiagnostics: { relatedInformation: true },
          diagnostic: { dynamicRegistration: false },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          foldingRange: {},
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
  }

  /** Handshake, then the cold index (initialize → “Indexed”) and every document's first diagnostics (s). */
  async initialize(timeoutMs) {
    // The first status after the index follows the diagnostics of every document.
    const diagnosed = this.indexedAt.then(() => new Promise((resolve) => (this.onStatus = () => resolve(performance.now()))));
    const started = performance.now();
    await this.orExit(this.handshake(), 'answering initialize');
    const what = `indexing ${this.root}`;
    this.indexSeconds = ((await this.orExit(withTimeout(this.indexedAt, timeoutMs, what), what)) - started) / 1000;
    this.diagnosedSeconds = ((await this.orExit(withTimeout(diagnosed, timeoutMs, what), what)) - started) / 1000;
    this.onStatus = () => {};
    // The memory the server settles at, as it waits for the user's first keystroke.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    this.memoryAfterIndex = memoryOf(this.child.pid);
  }

  /** `promise`'s value, or an error with the server's last words if the server exits first. */
  async orExit(promise, what) {
    const outcome = await Promise.race([promise.then((value) => ({ value })), this.exited.then((exit) => ({ exit }))]);
    if (outcome.exit) throw new Error(`The server exited (${outcome.exit.signal ?? `code ${outcome.exit.code}`}) before ${what}: ${this.stderr.slice(-2000)}`);
    return outcome.value;
  }

  /** Resolves once the server has indexed the workspace (Histmark logs it). */
  ready() {
    return this.indexedAt;
  }

  waitForPublish(uri, what) {
    return withTimeout(new Promise((resolve) => this.nextPublish.set(uri, resolve)), 60_000, what);
  }

  /**
   * Sends a document notification (`send()`) and resolves with the
   * document's fresh diagnostics, the way this server delivers them: Histmark
   * pushes publishDiagnostics (pull servers override this).
   */
  async freshDiagnostics(uri, send, what) {
    const published = this.waitForPublish(uri, what);
    await send();
    return published;
  }

  /** Opens a workspace file with its disk text; resolves when its diagnostics arrive. */
  async open(file) {
    const uri = this.uri(file);
    const text = readFileSync(path.join(this.root, file), 'utf8');
    this.documents.set(uri, TextDocument.create(uri, this.languageId, 1, text));
    const textDocument = { uri, languageId: this.languageId, version: 1, text };
    await this.freshDiagnostics(uri, () => this.connection.sendNotification('textDocument/didOpen', { textDocument }), `diagnostics of ${file} after opening`);
    return { uri, text };
  }

  /**
   * `count` keystrokes in an open document (keystrokeEdits), after `warmup`
   * untimed ones: the time from each didChange to the document's fresh
   * diagnostics (ms). An even total leaves the text as it was.
   */
  async keystrokes({ uri, text }, count, warmup = 10) {
    const durations = [];
    for (const change of keystrokeEdits(text, count + warmup)) {
      const edited = TextDocument.update(this.documents.get(uri), [change], this.documents.get(uri).version + 1);
      this.documents.set(uri, edited);
      const didChange = { textDocument: { uri, version: edited.version }, contentChanges: [change] };
      const started = performance.now();
      await this.freshDiagnostics(uri, () => this.connection.sendNotification('textDocument/didChange', didChange), `diagnostics after keystroke ${durations.length}`);
      durations.push(performance.now() - started);
    }
    return durations.slice(warmup);
  }

  /** Times `count` requests made by `request(i)` (ms each), after a few untimed ones to warm the JIT. */
  async time(count, request, warmup = 10) {
    for (let i = 0; i < warmup; i++) await request(i);
    const durations = [];
    let last;
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      last = await request(i);
      durations.push(performance.now() - started);
    }
    return { durations, last };
  }

  memory() {
    return memoryOf(this.child.pid);
  }

  async stop() {
    await withTimeout(this.connection.sendRequest('shutdown'), 10_000, 'shutdown').catch(() => {});
    await this.connection.sendNotification('exit').catch(() => {});
    await withTimeout(this.exited, 5_000, 'exit').catch(() => this.child.kill());
    this.connection.dispose();
  }
}

/** Offsets of the ids of explicit mentions and attributions in `text`, by id. */
export function mentionOffsets(text) {
  const byId = new Map();
  for (const m of text.matchAll(MENTION_ID)) {
    const offsets = byId.get(m[1]) ?? [];
    offsets.push(m.index + 2);
    byId.set(m[1], offsets);
  }
  return byId;
}

/**
 * Every server measurement on the corpus in `root`, with `document` (a
 * workspace-relative path) as the open document the edits and requests go to.
 */
export async function measureServer(root, document, { keystrokes = 200, requests = 200, heavyRequests = 50, server, nodeOptions } = {}) {
  const bench = await BenchServer.start(root, { server, nodeOptions });
  try {
    const open = await bench.open(document);
    const textDocument = { uri: open.uri };
    const positionOf = positionsIn(open.text);
    const byId = mentionOffsets(open.text);
    const all = [...byId.values()].flat().sort((a, b) => a - b);
    const at = (offsets, shift) => spread(offsets, requests).map((o) => positionOf(o + shift));
    const onIds = at(all, 1);
    // Two characters of the id typed: `{@dr|`.
    const typing = at(all, 2);
    const [busy, busyOffsets] = [...byId].sort((a, b) => b[1].length - a[1].length)[0];
    const onBusy = spread(busyOffsets, heavyRequests).map((o) => positionOf(o + 1));
    const request = (method, positions, extra = {}) => (i) => bench.connection.sendRequest(method, { textDocument, position: positions[i % positions.length], ...extra });
    const keystroke = await bench.keystrokes(open, keystrokes);
    const hover = await bench.time(requests, request('textDocument/hover', onIds));
    const definition = await bench.time(requests, request('textDocument/definition', onIds));
    const completion = await bench.time(requests, request('textDocument/completion', typing));
    const references = await bench.time(heavyRequests, request('textDocument/references', onBusy, { context: { includeDeclaration: true } }), 3);
    const rename = await bench.time(
      heavyRequests,
      async (i) => {
        await request('textDocument/prepareRename', onBusy)(i);
        return request('textDocument/rename', onBusy, { newName: `${busy}-renamed` })(i);
      },
      3,
    );
    const edits = Object.values(rename.last?.changes ?? {}).reduce((n, list) => n + list.length, 0);
    return {
      indexSeconds: bench.indexSeconds,
      diagnosedSeconds: bench.diagnosedSeconds,
      memoryAfterIndex: bench.memoryAfterIndex,
      memoryAtEnd: bench.memory(),
      keystroke,
      hover: hover.durations,
      definition: definition.durations,
      completion: completion.durations,
      completionItems: completion.last?.items?.length ?? 0,
      references: references.durations,
      referenceCount: references.last?.length ?? 0,
      rename: rename.durations,
      renameEdits: edits,
      busyEntity: busy,
    };
  } finally {
    await bench.stop();
  }
}
