// The Outline of a transcript follows the registry: a speaker renamed there
// relabels the turns of a document that was not edited, though the server
// answers the Outline from a cache (features/documentSymbols.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from './lspClient';

const REGISTRY = '@person tamm: Anna Tamm\n';
const MINUTES = '# Meeting with @tamm\n\n[THE CLERK]{@tamm}: The minutes were read.\n';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ 'registry.hmd': REGISTRY, 'minutes.hmd': MINUTES });
});
afterAll(async () => {
  await server?.stop();
});

const names = (symbols: DocumentSymbol[]): string[] => symbols.flatMap((s) => [s.name, ...names(s.children ?? [])]);
const outline = async () =>
  names((await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: server.uri('minutes.hmd') } })) as DocumentSymbol[]);

describe('outline after a registry edit', () => {
  it("relabels another document's turns when the speaker's preferred name changes", async () => {
    await server.open('minutes.hmd');
    expect(await outline()).toEqual(['Meeting with Anna Tamm', 'Tamm — “The minutes were read.”']);
    expect(await outline()).toEqual(['Meeting with Anna Tamm', 'Tamm — “The minutes were read.”']);
    await server.open('registry.hmd');
    await server.change('registry.hmd', '@person tamm: Anna Kask\n');
    expect(await outline()).toEqual(['Meeting with Anna Kask', 'Kask — “The minutes were read.”']);
  });
});
