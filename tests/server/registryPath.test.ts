// Where "create entity" may write (issue 8, item 17): the configured
// histmark.defaultRegistryFile only inside the workspace folders and only a
// .hmd file; the quick fix names it by its workspace-relative path.

import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from './lspClient';

const TRANSCRIPT = 'Met [Mikoyan]{@mikoyan} in the capital.\n';
const REGISTRY = '@person hoxha: Enver Hoxha\n';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function start(defaultRegistryFile: string): Promise<TestServer> {
  server = await startServer({ 'registry/people.hmd': REGISTRY, 'letter.hmd': TRANSCRIPT }, { settings: { defaultRegistryFile } });
  await server.open('letter.hmd', TRANSCRIPT);
  await server.waitForDiagnostics('letter.hmd', (d) => d.length > 0);
  return server;
}

async function quickFixTitles(s: TestServer): Promise<string[]> {
  const range = { start: { line: 0, character: 14 }, end: { line: 0, character: 21 } };
  const actions = (await s.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: s.uri('letter.hmd') }, range, context: { diagnostics: s.diagnostics('letter.hmd') } })) as CodeAction[];
  return actions.map((a) => a.title);
}

function createEntity(s: TestServer): Promise<unknown> {
  const range = { start: { line: 0, character: 5 }, end: { line: 0, character: 12 } };
  return s.connection.sendRequest('histmark/createEntity', { textDocument: { uri: s.uri('letter.hmd') }, range, kind: 'person', id: 'mikoyan', name: 'Anastas Mikoyan' });
}

describe('histmark.defaultRegistryFile', () => {
  it('inside the workspace: the quick fix names its workspace-relative path', async () => {
    const s = await start('registry/people.hmd');
    expect(await quickFixTitles(s)).toEqual(['Create @person mikoyan: Mikoyan in registry/people.hmd', 'Create @org mikoyan: Mikoyan in registry/people.hmd', 'Create @place mikoyan: Mikoyan in registry/people.hmd']);
    expect(JSON.stringify(await createEntity(s))).toContain(s.uri('registry/people.hmd'));
  });

  it.each(['../../.bashrc', '/etc/passwd.hmd', 'notes.txt'])('%s is refused: no quick fix writes there, and create entity says why', async (configured) => {
    const s = await start(configured);
    expect(await quickFixTitles(s)).toEqual([]);
    await expect(createEntity(s)).rejects.toThrow(`histmark.defaultRegistryFile (${configured}) must be a .hmd file inside the workspace folder.`);
  });
});
