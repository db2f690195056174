// Races between the editor and the disk must never lose the user's text:
// the open document's text is the editor's at every moment.
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from './lspClient';

const REGISTRY = '@person hoxha: Enver Hoxha\n';
const QUOTE = ' He said "we will not yield to anyone".\n';
const CHANGED = 2;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const codes = (d: Diagnostic[]) => d.map((x) => `${x.code}/${x.severity}`);

describe('the editor’s text wins every race with the disk', () => {
  it('keeps the new text of a document closed and at once reopened', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY, 'letter.hmd': 'Met @hoxha.\n' });
    const letter = { uri: server.uri('letter.hmd') };
    for (let round = 1; round <= 5; round++) {
      await server.open('letter.hmd', 'Met @hoxha.\n');
      await server.sendBatch([
        { method: 'textDocument/didClose', params: { textDocument: letter } },
        { method: 'textDocument/didOpen', params: { textDocument: { ...letter, languageId: 'histmark', version: round, text: `Met @nobody${round}.\n` } } },
      ]);
      await server.barrier();
      const d = server.diagnostics('letter.hmd');
      expect(d.map((x) => x.message).join()).toContain(`“nobody${round}”`);
      await server.connection.sendNotification('textDocument/didClose', { textDocument: letter });
      await server.waitForDiagnostics('letter.hmd', (x) => x.length === 0);
    }
  });

  it('keeps an edit typed right after histmark.json changed', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY, 'letter.hmd': `Met @hoxha.${QUOTE}` });
    await server.open('letter.hmd');
    await server.waitForDiagnostics('letter.hmd', (d) => codes(d).join() === 'HM001/2');
    server.write('histmark.json', JSON.stringify({ rules: { HM001: 'error' } }));
    await server.sendBatch([
      { method: 'workspace/didChangeWatchedFiles', params: { changes: [{ uri: server.uri('histmark.json'), type: CHANGED }] } },
      { method: 'textDocument/didChange', params: { textDocument: { uri: server.uri('letter.hmd'), version: 2 }, contentChanges: [{ text: `Met @nobody.${QUOTE}` }] } },
    ]);
    await server.waitForDiagnostics('letter.hmd', (d) => codes(d).includes('HM001/1'));
    await server.barrier();
    expect(codes(server.diagnostics('letter.hmd'))).toEqual(['HM002/1', 'HM001/1']);
  });

  it('keeps a document closed and reopened while histmark.json rebuilds the index, even where the new config excludes it', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY, 'drafts/draft.hmd': 'Met @hoxha.\n' });
    const draft = { uri: server.uri('drafts/draft.hmd') };
    await server.open('drafts/draft.hmd');
    server.write('histmark.json', JSON.stringify({ exclude: ['drafts/**'] }));
    await server.sendBatch([
      { method: 'workspace/didChangeWatchedFiles', params: { changes: [{ uri: server.uri('histmark.json'), type: CHANGED }] } },
      { method: 'textDocument/didClose', params: { textDocument: draft } },
      { method: 'textDocument/didOpen', params: { textDocument: { ...draft, languageId: 'histmark', version: 2, text: 'Met @nobody.\n' } } },
    ]);
    await server.barrier();
    expect(server.diagnostics('drafts/draft.hmd').map((d) => d.message).join()).toContain('“nobody”');
  });

  it('drops a closed document whose disk read was under way when histmark.json excluded it', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY, 'drafts/draft.hmd': 'Met @nobody.\n' });
    const draft = { uri: server.uri('drafts/draft.hmd') };
    await server.open('drafts/draft.hmd');
    await server.waitForDiagnostics('drafts/draft.hmd', (d) => d.length === 1);
    server.write('histmark.json', JSON.stringify({ exclude: ['drafts/**'] }));
    await server.sendBatch([
      { method: 'textDocument/didClose', params: { textDocument: draft } },
      { method: 'workspace/didChangeWatchedFiles', params: { changes: [{ uri: server.uri('histmark.json'), type: CHANGED }] } },
    ]);
    await server.barrier();
    expect(server.diagnostics('drafts/draft.hmd')).toEqual([]);
  });
});
