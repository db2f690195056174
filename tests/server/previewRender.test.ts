// `histmark/renderHtml` over stdio: the preview's blocks for an open
// document, in reading and diplomatic mode, following edits, escaped.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderHtmlResult } from '../../server/src/lsp/protocol';
import { startServer, type TestServer } from './lspClient';

const REGISTRY = `@person hoxha: Enver Hoxha
  born: 1908-10-16
`;

const DOC = `---
title: Minutes
---

[COMRADE HOXHA]{@hoxha}: We met [Krushchov]{sic: Khrushchev}.

## Aside

<script>alert(1)</script> [javascript:x]{@hoxha}
`;

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ 'registry.hmd': REGISTRY, 'doc.hmd': DOC });
});
afterAll(async () => {
  await server?.stop();
});

function render(mode: 'reading' | 'diplomatic'): Promise<RenderHtmlResult | null> {
  return server.connection.sendRequest('histmark/renderHtml', { textDocument: { uri: server.uri('doc.hmd') }, mode });
}

describe('histmark/renderHtml', () => {
  it('answers the blocks with their source offset and line, the mentions as spans with the id', async () => {
    const result = (await render('reading'))!;
    expect(result.title).toBe('Minutes');
    expect(result.blocks.map((b) => [b.at, b.line])).toEqual([
      [DOC.indexOf('[COMRADE'), 4],
      [DOC.indexOf('## Aside'), 6],
      [DOC.indexOf('<script>'), 8],
    ]);
    expect(result.blocks[0].html).toBe(
      `<div id="b${DOC.indexOf('[COMRADE')}" data-line="4" class="hm-turn" data-speaker="hoxha"><p data-line="4"><strong class="hm-speaker"><span class="hm-mention" data-id="hoxha" data-at="${DOC.indexOf('[COMRADE')}" title="Enver Hoxha (1908-10-16 –), person">COMRADE HOXHA</span>:</strong> We met <span class="hm-corr" title="the source reads: Krushchov">Khrushchev</span>.</p></div>`,
    );
    expect(result.blocks[2].html).toContain(
      `&lt;script&gt;alert(1)&lt;/script&gt; <span class="hm-mention" data-id="hoxha" data-at="${DOC.indexOf('[javascript')}" title="Enver Hoxha (1908-10-16 –), person">javascript:x</span>`,
    );
  });

  it('diplomatic mode shows the source as written', async () => {
    expect((await render('diplomatic'))!.blocks[0].html).toContain('<span class="hm-sic" title="corrected: Khrushchev">Krushchov</span>');
  });

  it('follows an edit of the open document', async () => {
    await server.open('doc.hmd', DOC);
    await server.change('doc.hmd', DOC.replace('We met', 'We saw'));
    const result = (await render('reading'))!;
    expect(result.blocks[0].html).toContain('We saw');
  });

  it('answers null for a document not in the workspace', async () => {
    expect(await server.connection.sendRequest('histmark/renderHtml', { textDocument: { uri: server.uri('none.hmd') }, mode: 'reading' })).toBeNull();
  });
});
