// The Show Network page: a strict Content-Security-Policy, one script by
// nonce, styles from the webview's own resources, nothing remote.

import { describe, expect, it } from 'vitest';
import { networkHtml } from '../../client/src/network/html';

const RESOURCES = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'bm9uY2U+Jw==',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/network.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/network/network.css',
};

describe('the Show Network page', () => {
  const html = networkHtml(RESOURCES);

  it("allows nothing but its own styles and the one script with the nonce (default-src 'none')", () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1];
    expect(csp).toBe(`default-src 'none'; style-src ${RESOURCES.cspSource}; img-src ${RESOURCES.cspSource} data:; script-src 'nonce-bm9uY2U+Jw=='`);
    expect(html.match(/<script\b[^>]*>/g)).toEqual([`<script nonce="bm9uY2U+Jw==" src="${RESOURCES.scriptUri}">`]);
    expect(html).not.toMatch(/\sstyle=|<style|\son[a-z]+=/);
  });

  it('escapes what it puts in attributes', () => {
    const hostile = networkHtml({ ...RESOURCES, styleUri: 'x"><script>alert(1)</script>' });
    expect(hostile).toContain('href="x&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"');
    expect(hostile.match(/<script\b/g)).toHaveLength(1);
  });

  it('offers the filters by kind and link type (quotes and mentions at first), the search and a status line', () => {
    for (const value of ['person', 'org', 'place', 'event', 'work']) expect(html).toContain(`name="kind" value="${value}" checked`);
    for (const value of ['quotes', 'mentions']) expect(html).toContain(`name="edge" value="${value}" checked`);
    // Most links are co-occurrences: they, and the entities with no link shown, are shown when asked for.
    expect(html).toContain('name="edge" value="co-occurs">');
    expect(html).toContain('name="unlinked" value="shown">');
    expect(html).toContain('<input id="search" type="search"');
    expect(html).toContain('<p id="status" role="status">');
  });
});
