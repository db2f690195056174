// Histmark 1.1 at the protocol (SPEC 2, 4, 9): dates in words in hover cards
// and completion details; `match: no` in the hover; front matter `original`
// resolved like `author`.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionList, Hover, Location } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from './lspClient';
import { at, rangeOf } from './navigationFixture';

const REGISTRY = `@event talks: Talks in Moscow
  date: [1960-04-23..1960-04-28]

@event bucharest: Bucharest Meeting
  date: 1960-06-20..1960-06-25

@person writer: A Writer
  born: c. 1915
  died: 1979?

@work pamphlet: A Pamphlet
  date: n.d.

@work article: An Article
  date: 1960-22

@org soviet-side: the Soviet side
  match: no

@work statement: Statement of the Conference
  date: 1960-12
`;

const TRANSLATION = `---
title: A translation
original: @statement
---
The translation of @statement.
`;

const TEXT = `---
date: 1960-22
---
After @talks came @bucharest; @writer wrote @pamphlet and @article for @soviet-side.
`;

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ 'registry.hmd': REGISTRY, 'text.hmd': TEXT, 'translation.hmd': TRANSLATION });
  await server.open('text.hmd');
});
afterAll(() => server?.stop());

const hoverAt = async (file: string, text: string, needle: string) => {
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: server.uri(file) }, position: at(text, needle, 1) })) as Hover | null;
  return (hover?.contents as { value: string } | undefined)?.value ?? '';
};

describe('dates in words', () => {
  it('hover cards say windows, spans, circa, uncertain, undated and seasons in words', async () => {
    expect(await hoverAt('text.hmd', TEXT, '@talks')).toContain('event · between 23 and 28 April 1960 · `@talks`');
    expect(await hoverAt('text.hmd', TEXT, '@bucharest')).toContain('event · from 20 to 25 June 1960 · `@bucharest`');
    expect(await hoverAt('text.hmd', TEXT, '@writer')).toContain('person · c. 1915 – 1979 (uncertain) · `@writer`');
    expect(await hoverAt('text.hmd', TEXT, '@pamphlet')).toContain('work · undated · `@pamphlet`');
    expect(await hoverAt('text.hmd', TEXT, '@article')).toContain('work · summer 1960 · `@article`');
  });

  it('completion details say the dates in words', async () => {
    await server.change('text.hmd', 'Then @');
    const list = (await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: server.uri('text.hmd') },
      position: { line: 0, character: 6 },
    })) as CompletionList;
    expect(Object.fromEntries(list.items.map((i) => [i.label, i.detail]))).toEqual({
      article: 'An Article, summer 1960',
      bucharest: 'Bucharest Meeting, from 20 to 25 June 1960',
      writer: 'A Writer, c. 1915 – 1979 (uncertain)',
      'soviet-side': 'the Soviet side',
      statement: 'Statement of the Conference, December 1960',
      pamphlet: 'A Pamphlet, undated',
      talks: 'Talks in Moscow, between 23 and 28 April 1960',
    });
    await server.change('text.hmd', TEXT);
  });
});

describe('match: no', () => {
  it('the hover says that the names are not matched as plain text', async () => {
    expect(await hoverAt('text.hmd', TEXT, '@soviet-side')).toContain('*Not matched as plain text (`match: no`): unlinked uses of these names are not reported (HM005).*');
    expect(await hoverAt('text.hmd', TEXT, '@talks')).not.toContain('match: no');
  });

  it('no HM005 on its names, and no HM011 or HM013 on the field', async () => {
    await server.open('plain.hmd', 'Then the Soviet side and Talks in Moscow.\n');
    const diagnostics = await server.waitForDiagnostics('plain.hmd', (d) => d.length > 0);
    expect(diagnostics.map((d) => [d.code, d.range.start.character])).toEqual([['HM005', 25]]);
    expect(server.diagnostics('registry.hmd')).toEqual([]);
  });
});

describe('front matter original', () => {
  const request = (method: string, position: { line: number; character: number }, extra = {}) =>
    server.connection.sendRequest(method, { textDocument: { uri: server.uri('translation.hmd') }, position, ...extra });

  it('goes to the definition of the work', async () => {
    expect(await request('textDocument/definition', at(TRANSLATION, '@statement', 2))).toEqual([{ uri: server.uri('registry.hmd'), range: rangeOf(REGISTRY, 'statement', 0) }]);
  });

  it('is among the references of the work', async () => {
    const references = (await request('textDocument/references', at(TRANSLATION, '@statement', 2), { context: { includeDeclaration: false } })) as Location[];
    expect(references).toEqual([
      { uri: server.uri('translation.hmd'), range: rangeOf(TRANSLATION, 'statement', 0) },
      { uri: server.uri('translation.hmd'), range: rangeOf(TRANSLATION, 'statement', 1) },
    ]);
  });

  it('shows the card of the work on hover', async () => {
    expect(await hoverAt('translation.hmd', TRANSLATION, '@statement')).toContain('**Statement of the Conference**  \nwork · December 1960 · `@statement`');
  });

  it('completes works only', async () => {
    await server.open('translation.hmd');
    await server.change('translation.hmd', TRANSLATION.replace('original: @statement', 'original: @'));
    const list = (await request('textDocument/completion', { line: 2, character: 11 })) as CompletionList;
    expect(list.items.map((i) => i.label)).toEqual(['article', 'pamphlet', 'statement']);
    await server.change('translation.hmd', TRANSLATION);
  });
});
