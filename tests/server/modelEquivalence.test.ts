// Protocol-level model equivalence: random (seeded) sequences of edits,
// opens, closes, files created, changed, deleted and renamed on disk,
// histmark.json changes and virtual documents (git diffs, rename previews), sent to the real server over stdio — several at
// once in one write, as a busy editor does. After each step, once the
// server's diagnostics have settled, they equal those a fresh index computes
// for the same state. HISTMARK_PROTOCOL_SEEDS=20 HISTMARK_PROTOCOL_STEPS=500
// run more and longer sequences.
import { afterEach, describe, expect, it } from 'vitest';
import { type BatchMessage, startServer, type TestServer } from './lspClient';
import { CONFIGS, expectedDiagnostics, FILE_NAMES, positionAt, Random, randomEdit, randomText } from './workspaceModel';

const SEEDS = Array.from({ length: Number(process.env.HISTMARK_PROTOCOL_SEEDS ?? 4) }, (_, i) => i + 1);
const STEPS = Number(process.env.HISTMARK_PROTOCOL_STEPS ?? 60);
const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** The editor's side of the state, and what to send for each operation. */
class Session {
  readonly open = new Map<string, { text: string; version: number }>();
  readonly onDisk = new Set<string>();
  readonly log: string[] = [];

  constructor(
    private readonly s: TestServer,
    private readonly random: Random,
  ) {}

  writeDisk(file: string, text: string): void {
    this.s.write(file, text);
    this.onDisk.add(file);
  }

  private watched(changes: [string, number][]): BatchMessage {
    return { method: 'workspace/didChangeWatchedFiles', params: { changes: changes.map(([file, type]) => ({ uri: this.s.uri(file), type })) } };
  }

  /** One operation: its messages (the disk is already changed). */
  operation(): BatchMessage[] {
    const r = this.random;
    const closed = FILE_NAMES.filter((f) => !this.open.has(f));
    const opened = [...this.open.keys()];
    const disk = [...this.onDisk];
    const kinds = ['edit', 'edit', 'edit', 'open', 'close', 'reopen', 'write', 'delete', 'rename', 'config', 'virtual'];
    const kind = r.pick(kinds);
    if (kind === 'virtual') {
      // A git diff or rename preview of a workspace file: it must change nothing.
      const uri = `${r.pick(['git', 'vscode-rename-preview'])}:${this.s.uri(r.pick(FILE_NAMES)).slice('file:'.length)}?${this.log.length}`;
      const text = randomText(r);
      this.log.push(`open ${uri} ${JSON.stringify(text)}`);
      return [{ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'histmark', version: 1, text } } }];
    }
    if (kind === 'edit' && opened.length > 0) return [this.edit(r.pick(opened))];
    if (kind === 'close' && opened.length > 0) return [this.close(r.pick(opened))];
    if (kind === 'reopen' && opened.length > 0) {
      const file = r.pick(opened);
      return [this.close(file), this.openDocument(file, randomText(r))];
    }
    if (kind === 'write') {
      const file = r.pick(FILE_NAMES);
      const existed = this.onDisk.has(file);
      this.writeDisk(file, randomText(r));
      this.log.push(`write ${file}`);
      return [this.watched([[file, existed ? CHANGED : CREATED]])];
    }
    if (kind === 'delete' && disk.length > 0) {
      const file = r.pick(disk);
      this.s.remove(file);
      this.onDisk.delete(file);
      this.log.push(`delete ${file}`);
      return [this.watched([[file, DELETED]])];
    }
    if (kind === 'rename' && disk.length > 0) {
      const from = r.pick(disk);
      const to = r.pick(FILE_NAMES.filter((f) => !this.onDisk.has(f)));
      if (!to) return [];
      const text = this.s.read(from);
      this.s.remove(from);
      this.onDisk.delete(from);
      this.writeDisk(to, text);
      this.log.push(`rename ${from} → ${to}`);
      return [this.watched([[from, DELETED], [to, CREATED]])];
    }
    if (kind === 'config') {
      const config = r.pick(CONFIGS);
      const existed = this.onDisk.has('histmark.json');
      if (config === undefined) {
        this.s.remove('histmark.json');
        this.onDisk.delete('histmark.json');
      } else {
        this.writeDisk('histmark.json', config);
      }
      this.log.push(`config ${config}`);
      return [this.watched([['histmark.json', config === undefined ? DELETED : existed ? CHANGED : CREATED]])];
    }
    if (closed.length === 0) return [];
    const file = r.pick(closed);
    return [this.openDocument(file, this.onDisk.has(file) && r.next() < 0.7 ? this.s.read(file) : randomText(r))];
  }

  private openDocument(file: string, text: string): BatchMessage {
    const version = (this.open.get(file)?.version ?? 0) + 1;
    this.open.set(file, { text, version });
    this.log.push(`open ${file} ${JSON.stringify(text)}`);
    return { method: 'textDocument/didOpen', params: { textDocument: { uri: this.s.uri(file), languageId: 'histmark', version, text } } };
  }

  private close(file: string): BatchMessage {
    this.open.delete(file);
    this.log.push(`close ${file}`);
    return { method: 'textDocument/didClose', params: { textDocument: { uri: this.s.uri(file) } } };
  }

  private edit(file: string): BatchMessage {
    const doc = this.open.get(file)!;
    const { start, end, insert } = randomEdit(this.random, doc.text);
    const range = { start: positionAt(doc.text, start), end: positionAt(doc.text, end) };
    doc.text = doc.text.slice(0, start) + insert + doc.text.slice(end);
    doc.version++;
    this.log.push(`edit ${file} ${start}-${end} ${JSON.stringify(insert)}`);
    return {
      method: 'textDocument/didChange',
      params: { textDocument: { uri: this.s.uri(file), version: doc.version }, contentChanges: [{ range, text: insert }] },
    };
  }

  openTexts(): Map<string, string> {
    return new Map([...this.open].map(([file, doc]) => [this.s.uri(file), doc.text]));
  }
}

const serialise = (m: Map<string, unknown[]>) => JSON.stringify([...m].sort(([a], [b]) => (a < b ? -1 : 1)));

/** The documents whose diagnostics differ, each with both lists. */
function difference(expected: Map<string, unknown[]>, actual: Map<string, unknown[]>): string {
  const uris = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  return uris
    .filter((uri) => JSON.stringify(expected.get(uri) ?? []) !== JSON.stringify(actual.get(uri) ?? []))
    .map((uri) => `${uri}\n  expected ${JSON.stringify(expected.get(uri) ?? [])}\n  published ${JSON.stringify(actual.get(uri) ?? [])}`)
    .join('\n');
}

function published(s: TestServer): Map<string, unknown[]> {
  const latest = new Map<string, unknown[]>();
  for (const p of s.publishes) latest.set(p.uri, p.diagnostics);
  for (const [uri, d] of latest) if (d.length === 0) latest.delete(uri);
  return latest;
}

describe('the server over stdio, against a fresh index of the same state', () => {
  // The second kind of run indexes on two worker threads (lsp/indexWorkers.ts), as a large folder is, at start and on every rebuild.
  const runs = [...SEEDS.map((seed) => ({ seed, threads: '1' })), ...SEEDS.slice(0, 2).map((seed) => ({ seed: seed + 100, threads: '2' }))];
  it.each(runs)('publishes the diagnostics of a fresh index after every step (seed $seed, index threads $threads)', async ({ seed, threads }) => {
    const random = new Random(seed);
    const initial: Record<string, string> = {};
    for (const file of FILE_NAMES) if (random.next() < 0.6) initial[file] = randomText(random);
    server = await startServer(initial, { env: { HISTMARK_INDEX_WORKERS: threads } });
    const session = new Session(server, random);
    for (const file of Object.keys(initial)) session.onDisk.add(file);
    for (let step = 0; step < STEPS; step++) {
      // One to three operations in one write: the server sees them back to back.
      const messages = Array.from({ length: 1 + random.int(3) }, () => session.operation()).flat();
      await server.sendBatch(messages);
      const expected = await expectedDiagnostics(server.root, session.openTexts());
      const s = server;
      await s.waitUntil(
        () => serialise(published(s)) === serialise(expected),
        () => `seed ${seed}, step ${step}: the server's diagnostics differ from a fresh index's.\nSteps:\n${session.log.join('\n')}\n${difference(expected, published(s))}`,
      );
    }
    // Asked from the first step on, as an editor does; by now the first index has long been built.
    if (threads !== '1' && Object.keys(initial).length > 1) expect(server.logs.some((l) => l.endsWith(`indexed on ${threads} threads.`))).toBe(true);
  });
});

