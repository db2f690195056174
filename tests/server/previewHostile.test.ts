// The preview's rendering of a hostile registry and transcript over stdio:
// every block parsed as HTML holds nothing live.

import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderHtmlResult } from '../../server/src/lsp/protocol';
import { HOSTILE_REGISTRY, HOSTILE_TRANSCRIPT, liveContent } from '../render/htmlHostile';
import { startServer, type TestServer } from './lspClient';

const parse = (html: string) => new DOMParser({ onError: () => {} }).parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html');

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ 'registry.hmd': HOSTILE_REGISTRY, 'doc.hmd': HOSTILE_TRANSCRIPT });
});
afterAll(async () => {
  await server?.stop();
});

describe('histmark/renderHtml of hostile content', () => {
  it('the check finds live content where there is some', () => {
    expect(liveContent(parse('<p onclick="x"><script>1</script><a href="command:x">y</a></p>'))).toEqual(['onclick=', '<script>', 'href=command:x']);
  });

  it('renders markup, handlers, javascript: and command: from the transcript and registry as text, in both modes', async () => {
    for (const mode of ['reading', 'diplomatic'] as const) {
      const result = (await server.connection.sendRequest('histmark/renderHtml', { textDocument: { uri: server.uri('doc.hmd') }, mode })) as RenderHtmlResult;
      expect(result.title).toBe('<script>alert(9)</script>" onload="x');
      const dom = parse(result.blocks.map((b) => b.html).join(''));
      expect(liveContent(dom)).toEqual([]);
      expect(dom.getElementsByTagName('body')[0].textContent).toContain('<script>alert(11)</script> javascript:alert(12) said');
    }
  });
});
