// Reading text, never markup, where a person reads (issue 12 item 1): a
// description in a hover reads "CPSU" linked to its definition and
// “a hothead” in curly marks; the Outline, the Entities view and Show
// Quotations read the transcript's text, not its brace groups.

import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSymbol, Hover, SymbolInformation } from 'vscode-languageserver-protocol';
import type { DocumentMentions, QuotationSummary } from '../../server/src/lsp/protocol';
import { Requests } from '../../server/src/lsp/protocol';
import { startServer, type TestServer } from './lspClient';
import { at } from './navigationFixture';

const REGISTRY = `@person khrushchev: Nikita Khrushchev
  born: 1894-04-15

  First Secretary of the [CPSU]{@cpsu}, called "a hothead"{@khrushchev} by @hoxha[^1].

@org cpsu: Communist Party of the Soviet Union

@person hoxha: Enver Hoxha

[^1]: In [his]{@hoxha} memoirs{pb 3}, \\[sic\\].
`;

const MINUTES = `# Talks with [the Soviets]{@cpsu} in {gap} Moscow

[N. S. KHRUSHCHEV]{@khrushchev}: We [respect]{sic} "the [Albanian]{@hoxha} comrades"{@khrushchev} deeply.
`;

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ 'registry.hmd': REGISTRY, 'minutes.hmd': MINUTES });
});
afterAll(async () => {
  await server?.stop();
});

const hover = async (file: string, text: string, needle: string) =>
  ((await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: server.uri(file) }, position: at(text, needle) })) as Hover).contents as { value: string };

describe('reading text in hovers', () => {
  it('renders a description with mentions linked to their definitions and quotations in curly marks', async () => {
    const { value } = await hover('minutes.hmd', MINUTES, '@khrushchev}:');
    const paragraphs = value.split('\n\n');
    const description = paragraphs.find((p) => p.startsWith('First Secretary'));
    expect(description).toBe(`First Secretary of the [CPSU](${server.uri('registry.hmd')}#L6), called “a hothead” by [Enver Hoxha](${server.uri('registry.hmd')}#L8).`);
  });

  it('yields markdown whose tokens link to the definitions and hold no brace or @ markup', async () => {
    const { value } = await hover('minutes.hmd', MINUTES, '@khrushchev}:');
    const markdown = new MarkdownIt();
    // VS Code opens file: links; markdown-it refuses them by default.
    markdown.validateLink = (url) => url.startsWith('file:');
    const inline = markdown.parseInline(value.split('\n\n').find((p) => p.startsWith('First Secretary'))!, {})[0].children!;
    const links = inline.filter((t) => t.type === 'link_open').map((t) => t.attrGet('href'));
    expect(links).toEqual([`${server.uri('registry.hmd')}#L6`, `${server.uri('registry.hmd')}#L8`]);
    const shown = inline.filter((t) => t.type === 'text').map((t) => t.content).join('');
    expect(shown).toBe('First Secretary of the CPSU, called “a hothead” by Enver Hoxha.');
    expect(shown).not.toMatch(/[{}@]/);
  });

  it('renders a footnote as reading text', async () => {
    const { value } = await hover('registry.hmd', REGISTRY, '^1].');
    expect(value).toBe(`**[^1]** In [his](${server.uri('registry.hmd')}#L8) memoirs, \\[sic\\].`);
  });
});

describe('reading text in lists', () => {
  it('names headings, turns and definitions in the Outline as reading text', async () => {
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: server.uri('minutes.hmd') } })) as DocumentSymbol[];
    expect(symbols.map((s) => s.name)).toEqual(['Talks with the Soviets in Moscow']);
    expect(symbols[0].children!.map((s) => s.name)).toEqual(['Khrushchev — “We respect "the Albanian comrades" deeply.”']);
    const registry = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: server.uri('registry.hmd') } })) as DocumentSymbol[];
    expect(registry.map((s) => [s.name, s.detail])).toEqual([
      ['Nikita Khrushchev', '@khrushchev'],
      ['Communist Party of the Soviet Union', '@cpsu'],
      ['Enver Hoxha', '@hoxha'],
    ]);
  });

  it('names entities in workspace symbols by their preferred names', async () => {
    const symbols = (await server.connection.sendRequest('workspace/symbol', { query: 'khru' })) as SymbolInformation[];
    expect(symbols.map((s) => s.name)).toEqual(['Nikita Khrushchev']);
  });

  it('shows quotations and mention context without markup', async () => {
    const quotations = (await server.connection.sendRequest(Requests.entityQuotations, { id: 'khrushchev' })) as QuotationSummary[];
    expect(quotations.map((q) => q.excerpt)).toEqual(['the Albanian comrades']);
    const groups = (await server.connection.sendRequest(Requests.entityMentions, { id: 'hoxha' })) as DocumentMentions[];
    const contexts = groups.flatMap((g) => g.mentions.map((m) => m.context));
    expect(contexts).toEqual(['N. S. KHRUSHCHEV: We respect "the Albanian comrades" deeply.', '…of the CPSU, called "a hothead" by Enver Hoxha.', 'In his memoirs, [sic].']);
  });
});
