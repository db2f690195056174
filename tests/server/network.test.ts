// `histmark/network` over the real language server (stdio): the Show
// Network graph's data, asked for at once (the server waits for its index)
// and after an edit.

import { afterEach, describe, expect, it } from 'vitest';
import type { NetworkView } from '../../server/src/lsp/protocol';
import { launchServer, startServer, type TestServer } from './lspClient';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const FILES = {
  'registry/people.hmd': '@person hoxha: Enver Hoxha\n\n@person tito: Josip Broz Tito\n',
  'letters/one.hmd': '---\nvoice: @hoxha\n---\n\nAs [Tito]{@tito} wrote, "no"{@tito}; and @ghost.\n',
};

describe('histmark/network', () => {
  it('answers a request sent before the index is built with the whole network, definitions as locations', async () => {
    server = launchServer(FILES);
    await server.connection.sendRequest('initialize', server.initializeParams());
    await server.connection.sendNotification('initialized', {});
    const view = await server.connection.sendRequest<NetworkView>('histmark/network');
    expect(view.nodes).toEqual([
      {
        id: 'hoxha',
        kind: 'person',
        name: 'Enver Hoxha',
        counts: { mentions: 0, quotations: 0, turns: 0, documents: 1 },
        definition: { uri: server.uri('registry/people.hmd'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 26 } } },
      },
      {
        id: 'tito',
        kind: 'person',
        name: 'Josip Broz Tito',
        counts: { mentions: 1, quotations: 1, turns: 0, documents: 1 },
        definition: { uri: server.uri('registry/people.hmd'), range: { start: { line: 2, character: 0 }, end: { line: 2, character: 29 } } },
      },
    ]);
    expect(view.edges).toEqual([
      { type: 'quotes', source: 'hoxha', target: 'tito', weight: 1, uncertain: 0, documents: ['letters/one.hmd'] },
      { type: 'mentions', source: 'hoxha', target: 'tito', weight: 1, uncertain: 0, documents: ['letters/one.hmd'] },
    ]);
    expect(view.warning).toBe('1 reference to 1 undefined id (HM002) left out of the network: @ghost');
  });

  it('follows the editor: an unsaved edit of a transcript changes the network', async () => {
    server = await startServer(FILES);
    await server.open('letters/one.hmd');
    await server.change('letters/one.hmd', '---\nvoice: @tito\n---\n\nI met [Enver]{@hoxha} and [Enver]{@hoxha?}.\n');
    const view = await server.connection.sendRequest<NetworkView>('histmark/network');
    expect(view.edges).toEqual([{ type: 'mentions', source: 'tito', target: 'hoxha', weight: 2, uncertain: 1, documents: ['letters/one.hmd'] }]);
    expect(view.warning).toBeUndefined();
  });
});
