// Turns in the Outline read as "Speaker — “opening words…”", in reading
// text, so that consecutive turns of one speaker can be told apart.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from './lspClient';

const REGISTRY = `@person hoxha: Enver Hoxha
@person mikoyan: Anastas Mikoyan
@person suslov: Mikhail Suslov
@person zhou: Zhou Enlai
  sort-as: Zhou Enlai
@person kapo: Hysni Kapo
  sort-as: Kapo, Hysni
`;

const MINUTES = `---
title: Minutes
---

# Meeting with @hoxha{pb 2}

[COMRADE ENVER HOXHA]{@hoxha}: We brought in the minister, and [he]{@mikoyan} said nothing at all to us.

[COMRADE ENVER HOXHA]{@hoxha}: [(Laughter)]{stage} We said "no"{~} to [Mikoyan]{@mikoyan}[^1] in{pb 3} Moscow.

[M. SUSLOV, A. MIKOYAN]{@suslov @mikoyan}: Yes.

[Comrade Zhou]{@zhou}: Agreed.

[Kapo]{@kapo}: "We shall not yield an inch"{@kapo}, he said.

[The chairman]{@chairman}: Order.

[^1]: A note.
`;

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ 'registry.hmd': REGISTRY, 'minutes.hmd': MINUTES });
});
afterAll(async () => {
  await server?.stop();
});

const names = (symbols: DocumentSymbol[]): string[] => symbols.flatMap((s) => [s.name, ...names(s.children ?? [])]);

describe('outline labels', () => {
  it('names each turn by its speaker and opening words, without markup, and headings as reading text', async () => {
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: server.uri('minutes.hmd') } })) as DocumentSymbol[];
    expect(names(symbols)).toEqual([
      'Meeting with Enver Hoxha',
      'Hoxha — “We brought in the minister, and he…”',
      'Hoxha — “(Laughter) We said "no" to Mikoyan in…”',
      'Suslov, Mikoyan — “Yes.”',
      'Zhou — “Agreed.”',
      'Kapo — "We shall not yield an inch", he…',
      'The chairman — “Order.”',
    ]);
  });
});
