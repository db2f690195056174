// `histmark/timeline` over the real language server (stdio), asked for at
// once: the server waits for its index.

import { afterEach, describe, expect, it } from 'vitest';
import type { Timeline } from '../../server/src/lsp/protocol';
import { launchServer, type TestServer } from './lspClient';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('histmark/timeline', () => {
  it('answers with the dated transcripts, events and lives, oldest first', async () => {
    server = launchServer({
      'registry.hmd': '@person hoxha: Enver Hoxha\n  born: 1908-10-16\n  died: 1985-04-11\n\n@event meeting: Bucharest Meeting\n  date: 1960-06-24..1960-06-26\n',
      'letter.hmd': '---\ntitle: Letter\ndate: [1960-06-20..1960-06-25]\n---\nText.\n',
      'undated.hmd': '---\ntitle: Undated\ndate: n.d.\n---\nText.\n',
    });
    await server.connection.sendRequest('initialize', server.initializeParams());
    await server.connection.sendNotification('initialized', {});
    const timeline = await server.connection.sendRequest<Timeline>('histmark/timeline');
    expect(timeline.items.map((i) => [i.lane, i.label, i.when, i.location.uri])).toEqual([
      ['life', 'Enver Hoxha', '16 October 1908 – 11 April 1985', server.uri('registry.hmd')],
      ['document', 'Letter', 'between 20 and 25 June 1960', server.uri('letter.hmd')],
      ['event', 'Bucharest Meeting', 'from 24 to 26 June 1960', server.uri('registry.hmd')],
    ]);
    expect(timeline.items[2].location.range.start).toEqual({ line: 4, character: 0 });
  });
});
