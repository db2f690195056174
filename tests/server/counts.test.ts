// The counts hover, code lens and the Entities view show: what the
// transcripts say (mentions, transcripts, quotations, turns), with the
// registry's cross-references apart; quotations inside registry
// descriptions are not the entity's.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import type { EntitySummary, QuotationSummary } from '../../server/src/lsp/protocol';
import { startServer, type TestServer } from './lspClient';
import { at } from './navigationFixture';

const REGISTRY = `# Registry

@person hoxha: Enver Hoxha

@org pla: Party of Labour of Albania
  aka: PLA

  Led by @hoxha, who said "we shall never kowtow to anybody"{@hoxha}.
`;

const MINUTES = `---
title: Minutes
author: @hoxha
---

[Comrade Hoxha]{@hoxha}: We said "we shall not yield an inch"{@hoxha} and the party agreed.

@hoxha: Again.
`;

const LETTER = `---
title: Letter
---

[Enver Hoxha]{@hoxha} wrote to the [PLA]{@pla}.
`;

const HOXHA = '5 mentions in 2 transcripts · 1 quotation · 2 turns (+ 2 in the registry)';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ 'registry.hmd': REGISTRY, 'minutes.hmd': MINUTES, 'letter.hmd': LETTER });
});
afterAll(async () => {
  await server?.stop();
});

const hoverLastParagraph = async (file: string, position: { line: number; character: number }) => {
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: server.uri(file) }, position })) as Hover;
  return (hover.contents as { value: string }).value.split('\n\n').pop();
};

const lensTitles = async (file: string) => {
  const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: server.uri(file) } })) as object[];
  const resolved = (await Promise.all(lenses.map((lens) => server.connection.sendRequest('codeLens/resolve', lens)))) as { command: { title: string } }[];
  return resolved.map((l) => l.command.title);
};

const entityCounts = async () => {
  const entities = (await server.connection.sendRequest('histmark/entities')) as EntitySummary[];
  return Object.fromEntries(entities.map((e) => [e.id, { counts: e.counts, mentions: e.mentions }]));
};

describe('counts that separate the sources from the registry', () => {
  it('says in the hover what the transcripts say and how often the registry refers', async () => {
    expect(await hoverLastParagraph('letter.hmd', at(LETTER, '@hoxha', 1))).toBe(HOXHA);
    expect(await hoverLastParagraph('letter.hmd', at(LETTER, '@pla', 1))).toBe('1 mention in 1 transcript');
  });

  it('puts the same line on the code lens of each definition', async () => {
    expect(await lensTitles('registry.hmd')).toEqual([HOXHA, '1 mention in 1 transcript']);
  });

  it('gives the Entities view the line, and every reference to expand', async () => {
    expect(await entityCounts()).toEqual({
      hoxha: { counts: HOXHA, mentions: 7 },
      pla: { counts: '1 mention in 1 transcript', mentions: 1 },
    });
  });

  it('lists only transcript quotations as the entity’s quotations', async () => {
    const quotations = (await server.connection.sendRequest('histmark/entityQuotations', { id: 'hoxha' })) as QuotationSummary[];
    expect(quotations.map((q) => [q.location.uri, q.excerpt])).toEqual([[server.uri('minutes.hmd'), 'we shall not yield an inch']]);
  });

  it('moves a document’s counts to the registry side when an edit makes it a registry, and back', async () => {
    await server.open('letter.hmd');
    await server.change('letter.hmd', '@person kapo: Hysni Kapo\n\n  Wrote to @hoxha.\n');
    expect(await hoverLastParagraph('minutes.hmd', at(MINUTES, '@hoxha:', 1))).toBe('4 mentions in 1 transcript · 1 quotation · 2 turns (+ 3 in the registry)');
    await server.change('letter.hmd', LETTER);
    expect(await hoverLastParagraph('minutes.hmd', at(MINUTES, '@hoxha:', 1))).toBe(HOXHA);
  });
});
