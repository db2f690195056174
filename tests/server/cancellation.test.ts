// A cancelled request is answered RequestCancelled (-32800), never with an
// empty result that a client shows as "no results".
import { afterEach, describe, expect, it } from 'vitest';
import { LSPErrorCodes } from 'vscode-languageserver-protocol';
import { type BatchMessage, launchServer, startServer, type TestServer } from './lspClient';

const FILES = { 'registry.hmd': '@person hoxha: Enver Hoxha\n', 'letter.hmd': 'Met @hoxha.\n' };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

function requests(s: TestServer): BatchMessage[] {
  const at = { textDocument: { uri: s.uri('letter.hmd') }, position: { line: 0, character: 6 } };
  return [
    { method: 'textDocument/references', params: { ...at, context: { includeDeclaration: true } }, request: true },
    { method: 'textDocument/rename', params: { ...at, newName: 'enver' }, request: true },
    { method: 'workspace/symbol', params: { query: 'hox' }, request: true },
    { method: 'textDocument/hover', params: at, request: true },
  ];
}

/** Each request followed at once by its cancellation. */
const cancelled = (messages: BatchMessage[], offset: number) => messages.flatMap((m, i) => [m, { cancels: offset + 2 * i }]);

describe('$/cancelRequest', () => {
  it('answers cancelled references, rename, workspace symbols and hover with RequestCancelled, and the same requests uncancelled in full', async () => {
    server = await startServer(FILES);
    const answers = await server.sendBatch(cancelled(requests(server), 0));
    expect(answers.map((a) => a.error?.code)).toEqual(Array(4).fill(LSPErrorCodes.RequestCancelled));
    expect(answers.map((a) => a.result)).toEqual(Array(4).fill(undefined));
    const [references, rename, symbols, hover] = await server.sendBatch(requests(server));
    expect(references.result).toHaveLength(2);
    expect(Object.keys((rename.result as { changes?: object; documentChanges?: object[] }).documentChanges ?? (rename.result as { changes: object }).changes)).not.toHaveLength(0);
    expect(symbols.result).toHaveLength(1);
    expect(hover.result).not.toBeNull();
  });

  it('answers RequestCancelled for a request cancelled while it waited for the initial index', async () => {
    server = launchServer(FILES);
    const [, ...answers] = await server.sendBatch([
      { method: 'initialize', params: server.initializeParams(), request: true },
      { method: 'initialized', params: {} },
      ...cancelled(requests(server), 2),
    ]);
    expect(answers.map((a) => a.error?.code)).toEqual(Array(4).fill(LSPErrorCodes.RequestCancelled));
  });
});
