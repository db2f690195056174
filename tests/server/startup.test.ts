// Start-up without waiting: a client (Neovim pressing K at once) sends its
// requests in the same write as initialize, on a workspace large enough that
// indexing takes real time and whose registry is read last. Every answer and
// every diagnostic must be that of the complete index.
import { afterEach, describe, expect, it } from 'vitest';
import type { CompletionList, Hover, Location } from 'vscode-languageserver-protocol';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BatchMessage, launchServer, startServer, type TestServer } from './lspClient';

const TRANSCRIPTS = 2000;
const REGISTRY = `@person suslov: Mikhail Suslov
  role: Secretary of the Central Committee

@person khrushchev: Nikita Khrushchev
`;

function workspace(): Record<string, string> {
  const files: Record<string, string> = { 'z/registry.hmd': REGISTRY };
  for (let i = 0; i < TRANSCRIPTS; i++) {
    files[`a/transcript-${String(i).padStart(4, '0')}.hmd`] =
      `# Meeting ${i}\n\n[Suslov]{@suslov} spoke to [Nikita]{@khrushchev} about {pb ${i}} the plenum.\n\n` +
      'The minutes run on for a while, as minutes do, with nothing in them that names anyone. '.repeat(20) +
      '\n';
  }
  return files;
}

/** The open document's text differs from the disk's: the editor's text must win. */
const OPEN_TEXT = 'Present: [Mikhail]{@suslov} and [Nikita]{@khrushchev}.\n\nLater [M. A.]{@suslov} said "we will not yield to anyone at all".\n';
const ON_DISK = 'An old draft that names nobody.\n';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const position = (line: number, character: number) => ({ line, character });

/** Sends initialize, initialized, the didOpen of letter.hmd and `requests` in one write. */
function startWithoutWaiting(requests: (letter: { uri: string }) => BatchMessage[]) {
  server = launchServer({ ...workspace(), 'letter.hmd': ON_DISK });
  const letter = { uri: server.uri('letter.hmd') };
  const answers = server.sendBatch([
    { method: 'initialize', params: server.initializeParams(), request: true },
    { method: 'initialized', params: {} },
    { method: 'textDocument/didOpen', params: { textDocument: { ...letter, languageId: 'histmark', version: 1, text: OPEN_TEXT } } },
    ...requests(letter),
  ]);
  return { server, letter, answers };
}

describe('a client that does not wait for the index', () => {
  it('gets hover, definition, references and completion answered from the complete index', async () => {
    const { server, letter, answers } = startWithoutWaiting((letter) => {
      const at = { textDocument: letter, position: position(0, 21) };
      return [
        { method: 'textDocument/hover', params: at, request: true },
        { method: 'textDocument/definition', params: at, request: true },
        { method: 'textDocument/references', params: { ...at, context: { includeDeclaration: false } }, request: true },
        { method: 'textDocument/completion', params: { textDocument: letter, position: position(2, 16), context: { triggerKind: 1 } }, request: true },
      ];
    });
    const [, hover, definition, references, completion] = await answers;

    expect((hover.result as Hover).contents).toMatchObject({ kind: 'markdown', value: expect.stringContaining('**Mikhail Suslov**') });
    expect((hover.result as Hover).contents).toMatchObject({ value: expect.stringContaining(`${TRANSCRIPTS + 2} mentions in ${TRANSCRIPTS + 1} transcripts`) });
    expect((definition.result as Location[]).map((l) => l.uri)).toEqual([server.uri('z/registry.hmd')]);
    const referenced = new Set((references.result as Location[]).map((l) => l.uri));
    expect(referenced.size).toBe(TRANSCRIPTS + 1);
    expect(referenced.has(letter.uri)).toBe(true);
    expect((completion.result as CompletionList).items.map((i) => i.label)).toContain('suslov');
  });

  it('is never published a diagnostic of a partial index', async () => {
    const { server, letter } = startWithoutWaiting(() => []);
    await server.ready;
    // HM002 is "no entity has this id": every id here is defined, so any HM002 came from a partial index.
    const falseHm002 = server.publishes.filter((p) => p.diagnostics.some((d) => d.code === 'HM002'));
    expect(falseHm002.map((p) => p.uri)).toEqual([]);
    // The letter's one true problem, the unattributed quotation, is all it was ever shown.
    const ofLetter = server.publishes.filter((p) => p.uri === letter.uri).map((p) => p.diagnostics.map((d) => d.code));
    expect(ofLetter).toEqual([['HM001']]);
    // The status bar is told "indexing" or the whole workspace, never a partial count.
    expect(server.statuses[0].indexing).toBe(true);
    expect(server.statuses.filter((s) => !s.indexing).map((s) => s.documents)).toEqual([TRANSCRIPTS + 2]);
  });

  it('is served when the client fails the configuration request', async () => {
    server = await startServer({ 'z/registry.hmd': REGISTRY }, { configurationFails: true });
    const uri = await server.open('letter.hmd', OPEN_TEXT);
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: position(0, 21) })) as Hover;
    expect(hover.contents).toMatchObject({ value: expect.stringContaining('**Mikhail Suslov**') });
  });

  it('is served from the folders that can be read when another cannot', async () => {
    server = launchServer({ 'z/registry.hmd': REGISTRY });
    const missing = pathToFileURL(path.join(server.root, 'missing')).href;
    const letter = { uri: server.uri('letter.hmd') };
    const params = server.initializeParams() as { workspaceFolders: { uri: string; name: string }[] };
    const [, hover] = await server.sendBatch([
      { method: 'initialize', params: { ...params, workspaceFolders: [...params.workspaceFolders, { uri: missing, name: 'missing' }] }, request: true },
      { method: 'initialized', params: {} },
      { method: 'textDocument/didOpen', params: { textDocument: { ...letter, languageId: 'histmark', version: 1, text: OPEN_TEXT } } },
      { method: 'textDocument/hover', params: { textDocument: letter, position: position(0, 21) }, request: true },
    ]);
    expect((hover.result as Hover).contents).toMatchObject({ value: expect.stringContaining('**Mikhail Suslov**') });
    expect(server.logs.some((l) => l.startsWith(`Indexing ${path.join(server!.root, 'missing')} failed`))).toBe(true);
  });
});
