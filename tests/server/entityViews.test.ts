// The Entities view and Show Quotations: people sorted by surname (or
// `sort-as`), references grouped with transcripts apart from the registry,
// each with its kind and a line of reading-text context; each quotation
// listed once with its opening words and document.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import type { DocumentMentions, EntitySummary, QuotationSummary } from '../../server/src/lsp/protocol';
import { startServer, type TestServer } from './lspClient';
import { at } from './navigationFixture';

const PEOPLE = `# People

@person mikoyan: Anastas Mikoyan
@person zhou: Zhou Enlai
  sort-as: Zhou Enlai
@person hoxha: Enver Hoxha
  member-of: @pla
@person gaulle: Charles de Gaulle
  sort-as: Gaulle, Charles de
@person nexhmije: Nexhmije Hoxha
@person aliev: Aliev

@org pla: Party of Labour of Albania
  aka: PLA

  Led by @hoxha.
`;

const MINUTES = `---
title: Minutes of the Kremlin meeting
---

[COMRADE ENVER HOXHA]{@hoxha}: You have invited us, and [Comrade Mikoyan]{@mikoyan} knows why. The host should speak first.

"It is not we who have changed our attitude, but you. We said so in [Moscow]{+}."{@hoxha} [Comrade Hoxha]{@hoxha} said, "and we say it again."{@hoxha}

Mikoyan replied: "Your comrade @hoxha{pb 4} is angry."{@mikoyan}

> We will never kowtow to anybody.
> — @hoxha
`;

const LETTER = `---
title: Letter
author: @hoxha
---

Dear comrade, I write in haste.
`;

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ 'people.hmd': PEOPLE, 'minutes.hmd': MINUTES, 'letter.hmd': LETTER });
});
afterAll(async () => {
  await server?.stop();
});

describe('the Entities view', () => {
  it('lists people by surname or sort-as, then other kinds by name', async () => {
    const entities = (await server.connection.sendRequest('histmark/entities')) as EntitySummary[];
    expect(entities.map((e) => e.name)).toEqual(['Aliev', 'Charles de Gaulle', 'Enver Hoxha', 'Nexhmije Hoxha', 'Anastas Mikoyan', 'Party of Labour of Albania', 'Zhou Enlai']);
  });

  it('groups references with transcripts first and the registry apart, each row with its kind and context', async () => {
    const groups = (await server.connection.sendRequest('histmark/entityMentions', { id: 'hoxha' })) as DocumentMentions[];
    const rows = groups.map((g) => ({
      uri: g.uri,
      registry: g.registry,
      rows: g.mentions.map((m) => [m.kindLabel, m.context, m.highlight ? m.context.slice(...m.highlight) : undefined]),
    }));
    expect(rows).toEqual([
      { uri: server.uri('letter.hmd'), registry: false, rows: [['author', 'author: @hoxha', '@hoxha']] },
      {
        uri: server.uri('minutes.hmd'),
        registry: false,
        rows: [
          ['turn', 'COMRADE ENVER HOXHA: You have invited us, and Comrade Mikoyan knows why. The…', 'COMRADE ENVER HOXHA'],
          ['attribution', '“It is not we who have changed our attitude, but you. We…”', undefined],
          ['mention', '…but you. We said so in Moscow." Comrade Hoxha said, "and we say it again."', 'Comrade Hoxha'],
          ['attribution', '“and we say it again.”', undefined],
          ['in a quotation', 'Mikoyan replied: "Your comrade Enver Hoxha is angry."', 'Enver Hoxha'],
          ['attribution', '“We will never kowtow to anybody.”', undefined],
        ],
      },
      {
        uri: server.uri('people.hmd'),
        registry: true,
        rows: [
          ['mention', 'Led by Enver Hoxha.', 'Enver Hoxha'],
        ],
      },
    ]);
  });

  it('says in a field row whose field it is', async () => {
    const groups = (await server.connection.sendRequest('histmark/entityMentions', { id: 'pla' })) as DocumentMentions[];
    const [row] = groups[0].mentions;
    expect([groups[0].registry, row.kind, row.kindLabel, row.context, row.context.slice(...row.highlight!)]).toEqual([
      true,
      'metadata',
      'member-of',
      'Enver Hoxha · member-of: @pla',
      '@pla',
    ]);
  });

  it('shows sort-as in the hover card', async () => {
    const hover = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: server.uri('people.hmd') },
      position: at(PEOPLE, 'gaulle: Charles', 1),
    })) as Hover;
    expect((hover.contents as { value: string }).value.split('\n\n')[1]).toBe('Sorted as: Gaulle, Charles de');
  });
});

describe('Show Quotations', () => {
  it('lists each transcript quotation once, with its opening words as reading text and its document title', async () => {
    const quotations = (await server.connection.sendRequest('histmark/entityQuotations', { id: 'hoxha' })) as QuotationSummary[];
    expect(quotations.map((q) => [q.excerpt, q.documentTitle, q.location.range.start.line])).toEqual([
      ['It is not we who have changed our attitude, but you. We…', 'Minutes of the Kremlin meeting', 6],
      ['and we say it again.', 'Minutes of the Kremlin meeting', 6],
      ['We will never kowtow to anybody.', 'Minutes of the Kremlin meeting', 10],
    ]);
  });
});
