// Virtual documents (a rename preview, a git diff, a search editor) are not
// workspace documents: whatever editor opens them, the server ignores them.
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './lspClient';

const REGISTRY = '@person hoxha: Enver Hoxha\n\n@person shehu: Mehmet Shehu\n';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('documents of other schemes', () => {
  it.each(['git:/registry.hmd?ref=HEAD', 'vscode-rename-preview:/registry.hmd', 'search-editor:/results.hmd'])(
    'ignores the open and edits of %s: no entity is defined twice',
    async (virtual) => {
      server = await startServer({ 'registry.hmd': REGISTRY, 'letter.hmd': 'Met @hoxha and @shehu.\n' });
      await server.sendBatch([
        { method: 'textDocument/didOpen', params: { textDocument: { uri: virtual, languageId: 'histmark', version: 1, text: REGISTRY } } },
        { method: 'textDocument/didChange', params: { textDocument: { uri: virtual, version: 2 }, contentChanges: [{ text: `${REGISTRY}Met @nobody.\n` }] } },
      ]);
      await server.barrier();
      expect(server.publishes.filter((p) => p.diagnostics.some((d) => d.code === 'HM003'))).toEqual([]);
      expect(server.publishes.filter((p) => p.uri === virtual)).toEqual([]);
      const entities = (await server.connection.sendRequest('histmark/entities')) as { id: string }[];
      expect(entities.map((e) => e.id).filter((id) => !id.startsWith('barrier'))).toEqual(['hoxha', 'shehu']);
    },
  );

  it('serves an untitled document', async () => {
    server = await startServer({ 'registry.hmd': REGISTRY });
    const untitled = 'untitled:Untitled-1';
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: untitled, languageId: 'histmark', version: 1, text: 'Met @nobody.\n' } });
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: untitled }, position: { line: 0, character: 6 } });
    expect(JSON.stringify(hover)).toContain('no entity has this id');
  });
});
