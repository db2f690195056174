// The Show Timeline page: a strict Content-Security-Policy, one script by nonce.

import { describe, expect, it } from 'vitest';
import { timelineHtml } from '../../client/src/timeline/html';

describe('the Show Timeline page', () => {
  it("allows its own styles and the one script with the nonce, nothing else (default-src 'none')", () => {
    const html = timelineHtml({ cspSource: 'https://res.example', nonce: 'abc', scriptUri: 'https://res.example/dist/timeline.js', styleUri: 'https://res.example/t.css' });
    expect(/content="([^"]*)"/.exec(html)![1]).toBe("default-src 'none'; style-src https://res.example; script-src 'nonce-abc'");
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script nonce="abc" src="https://res.example/dist/timeline.js">']);
    expect(html).not.toMatch(/\sstyle=|<style|\son[a-z]+=/);
    for (const lane of ['document', 'event', 'life']) expect(html).toContain(`name="lane" value="${lane}" checked`);
  });
});
